"""Typed models of the store.

Every table that syncs carries `Record` columns; tables that belong to a unit carry
`owner_unit_id` so scope checks and sync filtering are the same query everywhere.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON, BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text, false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, OwnedRecord, Record, UTCDateTime, new_id, str_name, str_short, utcnow


class StoreMeta(Base):
    """One row: the identity of this store (checked against the key file on open)."""

    __tablename__ = "store_meta"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)


class OrgUnit(Record, Base):
    __tablename__ = "org_unit"
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    name: Mapped[str_name]
    tier: Mapped[str_short]
    # Short word for case numbers: （2026）望婚调字第12号 -> "望".
    case_prefix: Mapped[str] = mapped_column(String(16))
    code: Mapped[str | None] = mapped_column(String(32))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class UserAccount(OwnedRecord, Base):
    __tablename__ = "user_account"
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str_name]
    role: Mapped[str_short]
    password_hash: Mapped[str] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Person(OwnedRecord, Base):
    __tablename__ = "person"
    name: Mapped[str] = mapped_column(String(100), index=True)
    name_pinyin: Mapped[str] = mapped_column(String(200), default="", index=True)
    name_initials: Mapped[str] = mapped_column(String(50), default="", index=True)
    sex: Mapped[str] = mapped_column(String(16), default="unknown")
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    address: Mapped[str | None] = mapped_column(String(300), index=True)  # disclosure: who shares a protected address
    marital_status: Mapped[str | None] = mapped_column(String(32))
    ethnicity: Mapped[str | None] = mapped_column(String(32))
    occupation: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    # She is marked 联系方式保密 in some live case, perhaps one this store never holds: the mark follows the
    # person to every station that holds any of her parties (kept by services/cases/protection.py).
    contact_protected: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # An adult's civil capacity as staff recorded it (民法典第二十一、二十二条): none | limited; None = full.
    # With who recorded it and on what basis; a case of violence against such a person raises a mandatory report.
    civil_capacity: Mapped[str | None] = mapped_column(String(16))
    civil_capacity_by: Mapped[str | None] = mapped_column(String(100))
    civil_capacity_basis: Mapped[str | None] = mapped_column(String(200))


class Case(OwnedRecord, Base):
    """A case. Its closure outcomes (防止民转刑 / 防止自杀 / 制止群体性上访, each a flag and a head count) are
    columns here, not a table of their own: one value each per closure, recorded with the closure and read by
    the monthly report beside closed_at, and they travel and are authorised with the case row in sync."""

    __tablename__ = "case_file"
    case_no: Mapped[str] = mapped_column(String(64), unique=True)
    case_year: Mapped[int] = mapped_column(Integer)
    case_seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str_short]
    title: Mapped[str_name]
    tier: Mapped[str_short]
    status: Mapped[str_short]
    category: Mapped[str | None] = mapped_column(String(64))
    sub_category: Mapped[str | None] = mapped_column(String(64))
    dispute_type: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str | None] = mapped_column(String(32))
    urgency: Mapped[str] = mapped_column(String(16), default="normal")
    major_incident: Mapped[bool] = mapped_column(Boolean, default=False)
    involves_minor: Mapped[bool] = mapped_column(Boolean, default=False)
    domestic_violence: Mapped[bool] = mapped_column(Boolean, default=False)
    handler_id: Mapped[str | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    summary: Mapped[str | None] = mapped_column(Text)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Marriage mediation: 调和, 劝回, 指导协议离婚, 调解成功, 调解不成 (then the other routes are told).
    mediation_outcome: Mapped[str | None] = mapped_column(String(32))
    # Petitions: the 处理意见 given at closure: support | explain | not_support (支持 / 解释说明 / 不予支持).
    petition_outcome: Mapped[str | None] = mapped_column(String(16))
    # ... and the petitioner's evaluation of it: satisfied | basically | unsatisfied; None: 未评价 (满意率).
    petition_evaluation: Mapped[str | None] = mapped_column(String(16))
    # Closure outcomes, proposed with the closure request and written when it is approved (persons: 1..PERSONS_MAX).
    prevented_crime: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    prevented_crime_persons: Mapped[int | None] = mapped_column(Integer)
    prevented_suicide: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    prevented_suicide_persons: Mapped[int | None] = mapped_column(Integer)
    stopped_group_petition: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    stopped_group_petition_persons: Mapped[int | None] = mapped_column(Integer)

    parties: Mapped[list["CaseParty"]] = relationship(back_populates="case", lazy="raise")

    __table_args__ = (
        Index("ix_case_file_owner_opened", "owner_unit_id", "opened_at"),
        # Covers the list's "all ids, newest first" query: answered from the index alone.
        Index("ix_case_file_opened_cover", "opened_at", "id", "owner_unit_id"),
        Index("ix_case_file_status_tier", "status", "tier", "opened_at"),
        Index("ix_case_file_closed", "closed_at"),  # statistics: cases closed in a period
    )


class CaseParty(OwnedRecord, Base):
    __tablename__ = "case_party"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str_short]
    # Victim's address and contacts hidden from users without the right, and from respondent papers.
    contact_confidential: Mapped[bool] = mapped_column(Boolean, default=False)

    case: Mapped[Case] = relationship(back_populates="parties", lazy="raise")
    person: Mapped[Person] = relationship(lazy="raise")


class CaseEvent(OwnedRecord, Base):
    """A timeline entry. Append-only: it is never edited, so sync merges it without conflict."""

    __tablename__ = "case_event"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str_short]
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[str | None] = mapped_column(String(36))
    actor_name: Mapped[str | None] = mapped_column(String(100))
    summary: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_case_event_kind_occurred", "kind", "occurred_at"),  # statistics: events of a kind in a period
        # One case's events of a kind, newest first; without it SQLite walks the index above across all cases.
        Index("ix_case_event_case_kind", "case_id", "kind", "occurred_at"),
    )


class CaseCounter(Base):
    """Next case sequence per unit, kind and year; bumped in the same transaction as the insert,
    so a rolled-back case gives its number back and numbers stay gap-free."""

    __tablename__ = "case_counter"
    owner_unit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class AuditEntry(Base):
    """Append-only, hash-chained log. `seq` is dense: a gap means a deleted entry."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[str | None] = mapped_column(String(36))
    actor_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32), index=True)
    entity: Mapped[str | None] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(36), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    owner_unit_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's tip: lets verify detect a truncated tail and serialises appenders (row lock)."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))


class AppSetting(Base):
    """Store-wide settings an administrator edits (idle lock minutes, unit name on papers …)."""

    __tablename__ = "app_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(100))


class IntakeRecord(OwnedRecord, Base):
    """信访接待登记: one contact at the desk, by visit, call, letter or online; counted even without a case."""

    __tablename__ = "intake_record"
    channel: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    visitor_name: Mapped[str] = mapped_column(String(100))
    sex: Mapped[str] = mapped_column(String(16), default="unknown")
    age: Mapped[int | None] = mapped_column(Integer)
    marital_status: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(300))
    contact: Mapped[str | None] = mapped_column(String(64))
    people_count: Mapped[int] = mapped_column(Integer, default=1)
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    representatives: Mapped[list[Any] | None] = mapped_column(JSON)
    request: Mapped[str] = mapped_column(Text)
    facts: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(64))
    sub_category: Mapped[str | None] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(32))
    decision_note: Mapped[str | None] = mapped_column(Text)
    is_repeat: Mapped[bool] = mapped_column(Boolean, default=False)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    handler_id: Mapped[str | None] = mapped_column(String(36))
    transfer_to: Mapped[str | None] = mapped_column(String(200))   # 转送: the body a matter was passed on to


class ApprovalRequest(OwnedRecord, Base):
    """A step only a supervisor may allow: who asked, why, who decided, when and why."""

    __tablename__ = "approval_request"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    reason: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    requested_by: Mapped[str | None] = mapped_column(String(36))
    requested_by_name: Mapped[str] = mapped_column(String(100))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_by: Mapped[str | None] = mapped_column(String(36))
    decided_by_name: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decision_note: Mapped[str | None] = mapped_column(Text)


class Referral(OwnedRecord, Base):
    """A case sent up or down the tiers, or out to an agency. The sender's unit owns the record."""

    __tablename__ = "referral"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))                     # tier | agency
    from_unit_id: Mapped[str] = mapped_column(ForeignKey("org_unit.id"))
    to_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), index=True)
    agency_type: Mapped[str | None] = mapped_column(String(32))
    agency_name: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str] = mapped_column(Text)
    consent: Mapped[str | None] = mapped_column(String(16))            # given | override | not_needed
    consent_note: Mapped[str | None] = mapped_column(Text)
    shared_items: Mapped[list[Any] | None] = mapped_column(JSON)
    sent_by: Mapped[str | None] = mapped_column(String(36))
    sent_by_name: Mapped[str] = mapped_column(String(100))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    responded_by_name: Mapped[str | None] = mapped_column(String(100))
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    response_note: Mapped[str | None] = mapped_column(Text)
    feedback: Mapped[str | None] = mapped_column(Text)


class CaseClock(OwnedRecord, Base):
    """A running statutory clock. Pauses and the one extension are kept so the deadline can be recomputed."""

    __tablename__ = "case_clock"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    paused_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    paused_days: Mapped[int] = mapped_column(Integer, default=0)
    extended_days: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    stop_note: Mapped[str | None] = mapped_column(String(200))
    # A deadline set by someone else (a court's short protection order): wins over the computed one.
    due_override_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class CalendarYear(Record, Base):
    """A year of the working-day calendar as an administrator entered or confirmed it (from the State
    Council's notice): the days that differ from Monday–Friday, and whether the year is complete.

    A synced record, so every station counts its clocks on the same days; its id is ``calendar-<year>``,
    so two stores entering the same year edit one record rather than making two."""

    __tablename__ = "calendar_year"
    year: Mapped[int] = mapped_column(Integer, index=True)
    # "2027-02-05": [false, "春节"] — false a rest day, true a (make-up) working day, then the note.
    days: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str | None] = mapped_column(Text)          # the notice as pasted, when confirmed from one
    entered_by: Mapped[str | None] = mapped_column(String(100))


class CaseSearchDoc(Base):
    """Maps a case to its row in the free-text index (rebuilt from the cases, never synced)."""

    __tablename__ = "case_search_doc"
    doc: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), unique=True)


# --- mediation (人民调解法) -----------------------------------------------------------------------

class MediationSession(OwnedRecord, Base):
    """A scheduled and then held mediation session; its record (笔录) is kept once held."""

    __tablename__ = "mediation_session"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    place: Mapped[str] = mapped_column(String(200))
    mediators: Mapped[list[Any]] = mapped_column(JSON)            # [{"user_id", "name"}]
    recorder: Mapped[str | None] = mapped_column(String(100))
    expected_parties: Mapped[list[Any] | None] = mapped_column(JSON)  # party ids
    status: Mapped[str] = mapped_column(String(16), default="scheduled")  # scheduled | held | cancelled
    held_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    parties_present: Mapped[list[Any] | None] = mapped_column(JSON)
    notices_given: Mapped[list[Any] | None] = mapped_column(JSON)     # rights_duties, recusal …
    statements: Mapped[list[Any] | None] = mapped_column(JSON)        # [{"speaker", "text"}] in order
    outcome: Mapped[str | None] = mapped_column(String(32))
    outcome_note: Mapped[str | None] = mapped_column(Text)
    cancel_reason: Mapped[str | None] = mapped_column(String(200))
    # joint (面对面) | separate (背对背): a joint session in a DV case needs a safety screening (mediation_safety).
    mode: Mapped[str] = mapped_column(String(16), default="joint", server_default="joint")


class MediationScreening(OwnedRecord, Base):
    """The safety screening of the victim before one joint session of a domestic-violence case (反家庭暴力法;
    services/mediation/mediation_safety.py). Kept as recorded; only the supervisor's approval is added later."""

    __tablename__ = "mediation_screening"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    victim_party_id: Mapped[str] = mapped_column(String(36))
    session_id: Mapped[str | None] = mapped_column(String(36))   # the joint session it cleared, once scheduled
    screened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    screened_by: Mapped[str | None] = mapped_column(String(36))
    screened_by_name: Mapped[str] = mapped_column(String(100))
    speaks_freely: Mapped[bool] = mapped_column(Boolean)
    fears_other_party: Mapped[bool] = mapped_column(Boolean)
    violence_since_last: Mapped[bool] = mapped_column(Boolean)
    separate_offered: Mapped[bool] = mapped_column(Boolean)
    victim_choice: Mapped[str] = mapped_column(String(16))      # joint | separate
    victim_words: Mapped[str] = mapped_column(Text)
    risk_level: Mapped[str | None] = mapped_column(String(8))   # the case's latest assessment when screened
    joint_allowed: Mapped[bool] = mapped_column(Boolean)
    needs_approval: Mapped[bool] = mapped_column(Boolean)
    reasons: Mapped[list[Any] | None] = mapped_column(JSON)
    approved_by: Mapped[str | None] = mapped_column(String(36))
    approved_by_name: Mapped[str | None] = mapped_column(String(100))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approval_note: Mapped[str | None] = mapped_column(Text)


class Agreement(OwnedRecord, Base):
    """调解协议书 (written) or an oral agreement recorded as such; effective when every signature is in."""

    __tablename__ = "agreement"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    form: Mapped[str] = mapped_column(String(16))                  # written | oral
    facts: Mapped[str] = mapped_column(Text)
    disputes: Mapped[str | None] = mapped_column(Text)
    responsibility: Mapped[str | None] = mapped_column(Text)
    party_signatures: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # party id -> {"how", "at"}
    mediator_signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    seal_applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    effective_on: Mapped[date | None] = mapped_column(Date)
    copies: Mapped[int | None] = mapped_column(Integer)
    confirmation_applied_on: Mapped[date | None] = mapped_column(Date)
    confirmation_result: Mapped[str | None] = mapped_column(String(200))
    confirmation_court: Mapped[str | None] = mapped_column(String(200))
    amount_involved_fen: Mapped[int | None] = mapped_column(BigInteger)   # 涉及金额 in 分 (shown as 元); None: not given


class AgreementTerm(OwnedRecord, Base):
    __tablename__ = "agreement_term"
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    obligor: Mapped[str] = mapped_column(String(100))              # who performs
    content: Mapped[str] = mapped_column(Text)                     # does what
    manner: Mapped[str | None] = mapped_column(String(200))
    deadline: Mapped[date | None] = mapped_column(Date)            # by when
    performance: Mapped[str] = mapped_column(String(16), default="pending")  # pending | partial | done | breached
    performed_on: Mapped[date | None] = mapped_column(Date)
    performance_note: Mapped[str | None] = mapped_column(Text)


class FollowUpVisit(OwnedRecord, Base):
    """回访记录: performance and satisfaction after an agreement (append-only)."""

    __tablename__ = "follow_up_visit"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    agreement_id: Mapped[str | None] = mapped_column(ForeignKey("agreement.id"))
    visited_at: Mapped[datetime] = mapped_column(UTCDateTime())
    visitor: Mapped[str] = mapped_column(String(100))
    method: Mapped[str] = mapped_column(String(16))                # visit | phone
    performance: Mapped[str] = mapped_column(Text)
    satisfaction: Mapped[str] = mapped_column(String(16))          # satisfied | basically | unsatisfied
    note: Mapped[str | None] = mapped_column(Text)


class CounsellingSession(OwnedRecord, Base):
    """心理疏导: notes seen only by the counsellor and supervisors, never printed in a general case file."""

    __tablename__ = "counselling_session"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    counsellor_id: Mapped[str | None] = mapped_column(String(36))
    counsellor_name: Mapped[str] = mapped_column(String(100))
    held_at: Mapped[datetime] = mapped_column(UTCDateTime())
    form: Mapped[str] = mapped_column(String(16))                  # face_to_face | phone
    notes: Mapped[str] = mapped_column(Text)
    next_appointment: Mapped[datetime | None] = mapped_column(UTCDateTime())


# --- crisis intervention (反家庭暴力法) ------------------------------------------------------------

class RiskAssessment(OwnedRecord, Base):
    __tablename__ = "risk_assessment"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    assessed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    assessor: Mapped[str] = mapped_column(String(100))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)          # item code -> bool
    score: Mapped[int] = mapped_column(Integer)
    computed_level: Mapped[str] = mapped_column(String(8))         # high | medium | low
    red_flags: Mapped[list[Any] | None] = mapped_column(JSON)
    final_level: Mapped[str] = mapped_column(String(8))
    override_reason: Mapped[str | None] = mapped_column(Text)


class SafetyPlan(OwnedRecord, Base):
    __tablename__ = "safety_plan"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), unique=True)
    contents: Mapped[dict[str, Any]] = mapped_column(JSON)
    reviewed_on: Mapped[date | None] = mapped_column(Date)


class ProtectionOrder(OwnedRecord, Base):
    """人身安全保护令: applied, decided (72 h / 24 h), issued, served, varied, extended, expiring, violated."""

    __tablename__ = "protection_order"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    court: Mapped[str] = mapped_column(String(200))
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime())
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_recorded: Mapped[bool] = mapped_column(Boolean, default=False)
    # 反家庭暴力法 art. 23: who applied on behalf of a person who cannot (近亲属, 公安机关, 妇联 …).
    applied_on_behalf_by: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="applied")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    issued_on: Mapped[date | None] = mapped_column(Date)
    served_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
    measures: Mapped[list[Any] | None] = mapped_column(JSON)
    history: Mapped[list[Any] | None] = mapped_column(JSON)       # [{"event", "at", "note"}]


class CrisisAction(OwnedRecord, Base):
    """The action log of a crisis case (append-only): police called, warning letter, shelter …"""

    __tablename__ = "crisis_action"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    by_name: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str | None] = mapped_column(Text)
    protection_order_id: Mapped[str | None] = mapped_column(String(36))
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)     # structured details of the kind


class MandatoryReport(OwnedRecord, Base):
    """强制报告 (反家庭暴力法第十四条): raised when a person without or with limited civil capacity in a violent
    case is found; closed only by recording the report to the police. The reporter's identity (reporter_*) is
    shown only as access/disclosure.py allows (see services/crisis/mandatory_reports.py)."""

    __tablename__ = "mandatory_report"
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    party_id: Mapped[str | None] = mapped_column(String(36))
    subject_name: Mapped[str] = mapped_column(String(100))
    ground: Mapped[str] = mapped_column(String(32))                # domain.mandatory_report_rules.Ground
    ground_note: Mapped[str | None] = mapped_column(String(300))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime())
    clock_id: Mapped[str | None] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | reported
    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    police_unit: Mapped[str | None] = mapped_column(String(200))
    method: Mapped[str | None] = mapped_column(String(16))          # phone | written | in_person
    receipt_no: Mapped[str | None] = mapped_column(String(200))
    officer: Mapped[str | None] = mapped_column(String(200))
    facts: Mapped[str | None] = mapped_column(Text)
    reporter_name: Mapped[str | None] = mapped_column(String(200))
    reporter_post: Mapped[str | None] = mapped_column(String(200))
    reporter_phone: Mapped[str | None] = mapped_column(String(200))
    recorded_by: Mapped[str | None] = mapped_column(String(100))


# --- dispute screening (矛盾纠纷排查) ---------------------------------------------------------------

class ScreeningEntry(OwnedRecord, Base):
    """A key family or person on a village's register, visited on a schedule."""

    __tablename__ = "screening_entry"
    subject: Mapped[str] = mapped_column(String(200))              # household or person
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"))
    address: Mapped[str | None] = mapped_column(String(300))
    risk_level: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text)
    responsible_id: Mapped[str | None] = mapped_column(String(36))
    responsible_name: Mapped[str] = mapped_column(String(100))
    visit_every_days: Mapped[int] = mapped_column(Integer, default=30)
    next_visit_due: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="active")   # active | resolved | case_opened
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case_file.id"))
    category: Mapped[str | None] = mapped_column(String(64))      # dispute category (DOMAIN.md)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    resolution: Mapped[str | None] = mapped_column(Text)


class ScreeningVisit(OwnedRecord, Base):
    __tablename__ = "screening_visit"
    entry_id: Mapped[str] = mapped_column(ForeignKey("screening_entry.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    visitor: Mapped[str] = mapped_column(String(100))
    findings: Mapped[str] = mapped_column(Text)
    risk_level: Mapped[str] = mapped_column(String(8))
    method: Mapped[str | None] = mapped_column(String(16))        # visit | phone


class OnlineLead(OwnedRecord, Base):
    """网络舆情: a lead seen online that may open a case."""

    __tablename__ = "online_lead"
    where_seen: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    seen_on: Mapped[date] = mapped_column(Date)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case_file.id"))
    status: Mapped[str] = mapped_column(String(16), default="open", server_default="open")  # open | case_opened | dismissed
    outcome: Mapped[str | None] = mapped_column(Text)


# Tables kept in their own modules register with the same metadata.
from .models_evidence import Attachment, AttachmentBlob, AttachmentChunk  # noqa: E402,F401
from .models_sync import SyncChange, SyncConflict, SyncIdentity, SyncPeer  # noqa: E402,F401
from .models_papers import IssuedPaper  # noqa: E402,F401
from .models_reports import UnitReport  # noqa: E402,F401
from . import models_stats  # noqa: E402,F401 - the statistics indexes
