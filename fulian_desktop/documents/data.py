"""Everything one case's papers print, read from the store once and redacted for who the paper is for.

Redaction happens here, before layout, so no document module can print what its reader may not see:
- ID numbers in full only on the internal file copy, for an actor with SEE_CONFIDENTIAL;
- a confidential party's address and phone only for an actor with SEE_CONFIDENTIAL, never on a party copy;
- a respondent's copy carries no address or phone of anyone but respondents (nor the intake's contacts);
- counselling notes are never read at all; the safety plan only for an actor with SEE_CONFIDENTIAL.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, select

from ..access.disclosure import (
    Disclosure, Reader, disclosures, intake_contact, party_contact, reader_of, reporter_shown,
)
from ..domain.dv_mediation import is_dv_case
from ..domain.enums import CaseKind, CaseSource, CaseStatus, PartyRole, Sex, Tier
from ..domain.intake_rules import Channel, IntakeDecision
from ..domain.mandatory_report_rules import Ground, ReportMethod, ReportStatus
from ..domain.localtime import local_date, to_local
from ..domain.mediation_rules import (
    AgreementForm, FollowUpMethod, MarriageOutcome, Notice, Performance, Satisfaction, SessionOutcome, SignatureHow,
)
from ..domain.referral_rules import AgencyType, CONTACT_ITEM, Consent, ReferralKind, status_label
from ..domain.safety_plan import SECTIONS
from ..domain.confirmation_rules import window
from ..domain.statutes import cited
from ..security.actor import Actor
from ..security.permissions import Permission, can
from ..services.accounts import settings
from ..store.models import (
    Agreement, AgreementTerm, ApprovalRequest, Case, CaseEvent, CaseParty, FollowUpVisit, IntakeRecord, MandatoryReport,
    MediationSession, OrgUnit, Person, ProtectionOrder, Referral, RiskAssessment, SafetyPlan, UserAccount,
)
from ..store.models_evidence import Attachment
from ..store.uow import UnitOfWork
from .organs import committee_name, issuer_of, petition_organs
from .redact import collect, redact
from .paper_data import (  # re-exported: the document modules read the shapes from here
    PartyData as PartyData,
    IntakeData as IntakeData,
    SessionData as SessionData,
    TermData as TermData,
    AgreementData as AgreementData,
    FollowUpData as FollowUpData,
    ReferralData as ReferralData,
    AttachmentData as AttachmentData,
    OrderData as OrderData,
    MandatoryReportData as MandatoryReportData,
    CaseData as CaseData,
)
from .kinds import Recipient


def label(enum: Any, code: str | None) -> str:
    if not code:
        return ""
    try:
        return enum(code).label
    except ValueError:
        return code


def cn_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    d = local_date(value) if isinstance(value, datetime) else value
    return f"{d.year}年{d.month}月{d.day}日"


def cn_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    t = to_local(value)
    return f"{t.year}年{t.month}月{t.day}日 {t.hour:02d}:{t.minute:02d}"


def _party(party: CaseParty, person: Person, d: Disclosure) -> PartyData:
    return PartyData(
        id=party.id, role=PartyRole(party.role), name=person.name, sex=label(Sex, person.sex),
        birth_date=d.birth_date_of(person.birth_date), id_number=d.id_number_of(person.id_number) or "",
        phone=d.phone_of(person.phone) or "", address=d.address_of(person.address) or "",
        ethnicity=person.ethnicity or "", occupation=d.workplace_of(person.occupation) or "",
        confidential=d.marked or d.protected)


# Every query a case's papers make, built once: building a statement costs more than running it on a small case
# (a batch of case files runs each of them once per case). The same SQL as written out at each use.
_CASE = bindparam("case_id")
_PARTIES = (select(CaseParty, Person).join(Person, Person.id == CaseParty.person_id)
            .where(CaseParty.case_id == _CASE, CaseParty.deleted_at.is_(None))
            .order_by(CaseParty.created_at, CaseParty.id))
_EVENTS = (select(CaseEvent).where(CaseEvent.case_id == _CASE)
           .order_by(CaseEvent.occurred_at, CaseEvent.created_at, CaseEvent.id))
_RISK_LEVELS = select(RiskAssessment.final_level).where(RiskAssessment.case_id == _CASE,
                                                        RiskAssessment.deleted_at.is_(None))
_FIRST_MEDIATORS = (select(MediationSession.mediators).where(MediationSession.case_id == _CASE,
                                                             MediationSession.status == "held")
                    .order_by(MediationSession.held_at, MediationSession.id).limit(1))
_CLOSURE = (select(ApprovalRequest).where(ApprovalRequest.case_id == _CASE, ApprovalRequest.kind == "close",
                                          ApprovalRequest.status == "approved")
            .order_by(ApprovalRequest.decided_at.desc(), ApprovalRequest.id).limit(1))
_INTAKES = (select(IntakeRecord).where(IntakeRecord.case_id == _CASE, IntakeRecord.deleted_at.is_(None))
            .order_by(IntakeRecord.received_at, IntakeRecord.id))
_SESSIONS = (select(MediationSession).where(MediationSession.case_id == _CASE, MediationSession.deleted_at.is_(None),
                                            MediationSession.status == "held")
             .order_by(MediationSession.held_at, MediationSession.id))
_AGREEMENTS = (select(Agreement).where(Agreement.case_id == _CASE, Agreement.deleted_at.is_(None))
               .order_by(Agreement.created_at, Agreement.id))
_TERMS = (select(AgreementTerm).where(AgreementTerm.agreement_id == bindparam("agreement_id"),
                                      AgreementTerm.deleted_at.is_(None))
          .order_by(AgreementTerm.seq))
_FOLLOW_UPS = (select(FollowUpVisit).where(FollowUpVisit.case_id == _CASE, FollowUpVisit.deleted_at.is_(None))
               .order_by(FollowUpVisit.visited_at, FollowUpVisit.id))
_REFERRALS = (select(Referral).where(Referral.case_id == _CASE, Referral.deleted_at.is_(None),
                                     Referral.kind == ReferralKind.AGENCY.value)
              .order_by(Referral.sent_at, Referral.id))
_PLAN = select(SafetyPlan).where(SafetyPlan.case_id == _CASE, SafetyPlan.deleted_at.is_(None))
_REPORTS = (select(MandatoryReport).where(MandatoryReport.case_id == _CASE, MandatoryReport.deleted_at.is_(None))
            .order_by(MandatoryReport.raised_at, MandatoryReport.created_at, MandatoryReport.id))
_RISK = (select(RiskAssessment).where(RiskAssessment.case_id == _CASE, RiskAssessment.deleted_at.is_(None))
         .order_by(RiskAssessment.assessed_at.desc(), RiskAssessment.id).limit(1))
_ORDERS = (select(ProtectionOrder).where(ProtectionOrder.case_id == _CASE, ProtectionOrder.deleted_at.is_(None))
           .order_by(ProtectionOrder.applied_at, ProtectionOrder.id))
_ATTACHMENTS = (select(Attachment).where(Attachment.case_id == _CASE, Attachment.deleted_at.is_(None))
                .order_by(Attachment.created_at, Attachment.id))


def load_case_data(uow: UnitOfWork, actor: Actor, case: Case, recipient: Recipient) -> CaseData:
    s = uow.s
    sees_confidential = can(actor, Permission.SEE_CONFIDENTIAL)   # the safety plan, not contacts
    reader = reader_of(actor, recipient.value)
    on_case = {"case_id": case.id}
    rows = s.execute(_PARTIES, on_case).all()
    shown = disclosures(s, reader, [party_contact(p, person) for p, person in rows])
    parties = tuple(_party(p, person, shown[p.id]) for p, person in rows)
    names = {p.id: p.name for p in parties}
    unit = s.get(OrgUnit, case.owner_unit_id)
    handler = s.get(UserAccount, case.handler_id) if case.handler_id else None
    events = list(s.execute(_EVENTS, on_case).scalars())
    moments = [case.opened_at, *(e.occurred_at for e in events)]
    display_name = settings.get(uow, "unit_display_name") or ""
    from ..services.cases.petition import stored_opinion  # services.petition reaches cases, which the core loads late

    opinion = stored_opinion(uow, case)
    plan = _plan_row(uow, case) if sees_confidential else None     # read once: the plan and its review date
    issuer, review_body = petition_organs(uow, unit, display_name)
    orders = list(s.execute(_ORDERS, on_case).scalars())     # the list of orders and their details
    d = CaseData(
        recipient=recipient, case_id=case.id, case_no=case.case_no, title=case.title, kind=CaseKind(case.kind),
        status=CaseStatus(case.status), tier=label(Tier, case.tier), category="／".join(
            x for x in (case.category, case.sub_category) if x), dispute_type=case.dispute_type or "",
        source=label(CaseSource, case.source), summary=case.summary or "",
        unit_name=issuer_of(display_name, unit.name if unit else ""),
        handler=_handler_name(handler, uow, case), opened_at=case.opened_at, closed_at=case.closed_at,
        as_of=max(m for m in moments if m is not None), domestic_violence=case.domestic_violence,
        major_incident=case.major_incident, mediation_outcome=_marriage_outcome_label(case.mediation_outcome),
        parties=parties, intakes=_intakes(uow, case, reader, rows, shown), sessions=_sessions(uow, case, names),
        agreements=_agreements(uow, case, parties), follow_ups=_follow_ups(uow, case), referrals=_referrals(uow, case),
        safety_plan=_safety_plan(plan), safety_reviewed_on=plan.reviewed_on if plan else None,
        risk=_risk(uow, case), orders=_orders(orders),
        closing_notes=tuple(e.summary for e in events if e.kind in ("status_request_closure", "status_close")),
        rejection_notes=tuple(e.summary for e in events if e.kind == "status_reject"),
        attachments=_attachments(uow, case, can(actor, Permission.SEE_SENSITIVE)),
        file_clerk=actor.display_name if not actor.is_system else (handler.display_name if handler else ""),
        timeline=tuple((e.occurred_at, e.summary) for e in events if _printable_event(e.kind)),
        petition_outcome=opinion.label if opinion else "", petition_basis=opinion.basis if opinion else "",
        petition_facts=opinion.facts if opinion else "",
        petition_articles=tuple((a.citation, a.text) for a in cited(opinion.articles if opinion else ())),
        issuer=issuer, review_body=review_body,
        committee=committee_name(uow, unit), closing_reason=_closing_reason(uow, case),
        order_details=_order_details(orders),
        dv_mediation=is_dv_case(case.domestic_violence, s.execute(_RISK_LEVELS, on_case).scalars()),
        mandatory_reports=_mandatory_reports(uow, case, reporter_shown(reader)))
    if recipient in (Recipient.RESPONDENT, Recipient.AGENCY):   # free text may quote what the reader may not see
        d = redact(d, collect(uow, case, rows, recipient, [r.shared_items for r in d.referrals]))
    return d


# Timeline entries a case file may show. Counselling sessions (their very occurrence is sensitive), shelter and
# medical actions, views and field edits stay out.
_PRINTED_EVENTS = ("created", "intake", "status_", "mediation_held", "agreement_effective", "agreement_created",
                   "follow_up", "referral_", "crisis_order_", "risk_assessed", "confirmation_", "safety_plan_saved",
                   "petition_outcome", "mandatory_report_")


def _printable_event(kind: str) -> bool:
    return kind.startswith(_PRINTED_EVENTS) and not kind.startswith("counselling")


def _handler_name(handler: UserAccount | None, uow: UnitOfWork, case: Case) -> str:
    """The case's handler, else the mediator of its first held session (cases filed at the command line)."""
    if handler is not None:
        return handler.display_name
    row = uow.s.execute(_FIRST_MEDIATORS, {"case_id": case.id}).scalar()
    return "、".join(m.get("name", "") for m in row or []) if row else ""


_MARITAL = {"married": "已婚", "single": "未婚", "unmarried": "未婚", "divorced": "离异", "widowed": "丧偶",
            "remarried": "再婚", "cohabiting": "同居"}


def _closing_reason(uow: UnitOfWork, case: Case) -> str:
    """The reason of the approved closure request and the approver's note (the latest closure)."""
    row = uow.s.execute(_CLOSURE, {"case_id": case.id}).scalar()
    if row is None:
        return ""
    note = (row.decision_note or "").strip()
    return row.reason.strip().rstrip("。") + "。" + (f"审核意见：{note.rstrip('。')}（{row.decided_by_name}）。" if note
                                                     else f"经{row.decided_by_name}审核批准结案。")


def _intakes(uow: UnitOfWork, case: Case, reader: Reader, parties: list[Any],
             party_shown: dict[str, Disclosure]) -> tuple[IntakeData, ...]:
    """The register entries; a field the desk left empty is filled from the visitor's person record (as a party of
    the case, through the party's disclosure), and empty 事实和理由 from the case's summary."""
    rows = list(uow.s.execute(_INTAKES, {"case_id": case.id}).scalars())
    shown = disclosures(uow.s, reader, [intake_contact(r) for r in rows])
    out = []
    for r in rows:
        match = next(((p, person) for p, person in parties
                      if (r.person_id and person.id == r.person_id) or (not r.person_id and person.name == r.visitor_name)),
                     None)
        person = match[1] if match else None
        known = party_shown[match[0].id] if match else None
        marital = r.marital_status or (person.marital_status if person else None) or ""
        contact = shown[r.id].phone_of(r.contact) or "" if r.contact else ""
        if not contact and person is not None and known is not None:
            contact = known.phone_of(person.phone) or ""
        address = shown[r.id].address_of(r.address) or "" if r.address else ""
        if not address and person is not None and known is not None:
            address = known.address_of(person.address) or ""
        sex = r.sex if r.sex and r.sex != "unknown" else (person.sex if person else r.sex)
        out.append(IntakeData(
            channel=label(Channel, r.channel), received_at=r.received_at, visitor_name=r.visitor_name,
            sex=label(Sex, sex), age=str(r.age) if r.age else _age(person, r.received_at),
            marital_status=_MARITAL.get(marital, marital), address=address, contact=contact,
            people_count=r.people_count, representatives="、".join(str(x) for x in (r.representatives or [])),
            request=r.request, facts=r.facts or _earlier_facts(out, r.visitor_name) or case.summary or "",
            category="／".join(x for x in (r.category, r.sub_category) if x),
        decision=IntakeDecision(r.decision) if r.decision in IntakeDecision._value2member_map_ else None,
            decision_note=r.decision_note or "", is_repeat=r.is_repeat, transfer_to=r.transfer_to or ""))
    return tuple(out)


def _earlier_facts(earlier: list[IntakeData], name: str) -> str:
    """The facts and reasons the same visitor gave at an earlier register entry of the case."""
    return next((r.facts for r in reversed(earlier) if r.visitor_name == name and r.facts), "")


def _age(person: Person | None, on: datetime) -> str:
    if person is None or person.birth_date is None:
        return ""
    day, born = local_date(on), person.birth_date
    return str(day.year - born.year - ((day.month, day.day) < (born.month, born.day)))


def _sessions(uow: UnitOfWork, case: Case, names: dict[str, str]) -> tuple[SessionData, ...]:
    rows = uow.s.execute(_SESSIONS, {"case_id": case.id}).scalars()
    out = []
    for r in rows:
        speakers = {"mediator": "调解员", **names}
        out.append(SessionData(
            held_at=r.held_at or r.scheduled_at, place=r.place,
            mediators="、".join(m.get("name", "") for m in (r.mediators or [])), recorder=r.recorder or "",
            present="、".join(names.get(pid, "") for pid in (r.parties_present or [])),
            notices=tuple(label(Notice, n) for n in (r.notices_given or [])),
            statements=tuple((speakers.get(st.get("speaker", ""), st.get("speaker_name") or st.get("speaker", "")),
                              st.get("text", "")) for st in (r.statements or [])),
            outcome=label(SessionOutcome, r.outcome)))
    return tuple(out)


def _agreements(uow: UnitOfWork, case: Case, parties: tuple[PartyData, ...]) -> tuple[AgreementData, ...]:
    rows = list(uow.s.execute(_AGREEMENTS, {"case_id": case.id}).scalars())
    out = []
    calendar = None
    if any(a.effective_on for a in rows):
        from ..services.clocks.clocks import load_calendar
        calendar = load_calendar(uow)
    for a in rows:
        terms = uow.s.execute(_TERMS, {"agreement_id": a.id}).scalars()
        sig = a.party_signatures or {}
        signers = [p for p in parties if p.role in (PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.VICTIM)]
        signatures = tuple((p.role_label, p.name, label(SignatureHow, (sig.get(p.id) or {}).get("how")),
                            _parse((sig.get(p.id) or {}).get("at"))) for p in signers)
        confirmation = ""
        if a.confirmation_applied_on:
            confirmation = f"{cn_date(a.confirmation_applied_on)}向{a.confirmation_court or '人民法院'}申请司法确认"
            if a.confirmation_result:
                confirmation += f"，结果：{a.confirmation_result}"
        out.append(AgreementData(
            form=label(AgreementForm, a.form), oral=a.form == AgreementForm.ORAL.value, facts=a.facts,
            disputes=a.disputes or "", responsibility=a.responsibility or "",
            terms=tuple(TermData(t.seq, t.obligor, t.content, t.manner or "", t.deadline,
                                 label(Performance, t.performance)) for t in terms),
            signatures=signatures, mediator_signed_at=a.mediator_signed_at, seal_applied_at=a.seal_applied_at,
            effective_on=a.effective_on, copies=a.copies or (len(signers) + 1), created_at=a.created_at,
            confirmation=confirmation,
            confirm_by=window(a.effective_on, calendar).last_day if a.effective_on and calendar else None,
            court=a.confirmation_court or ""))
    return tuple(out)


def _parse(value: Any) -> datetime | None:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, datetime) else None


def _follow_ups(uow: UnitOfWork, case: Case) -> tuple[FollowUpData, ...]:
    rows = uow.s.execute(_FOLLOW_UPS, {"case_id": case.id}).scalars()
    return tuple(FollowUpData(r.visited_at, r.visitor, label(FollowUpMethod, r.method), r.performance,
                              label(Satisfaction, r.satisfaction), r.note or "") for r in rows)


def _referrals(uow: UnitOfWork, case: Case) -> tuple[ReferralData, ...]:
    rows = uow.s.execute(_REFERRALS, {"case_id": case.id}).scalars()
    return tuple(ReferralData(
        agency_type=label(AgencyType, r.agency_type), agency_name=r.agency_name or "", reason=r.reason,
        consent=label(Consent, r.consent), consent_note=r.consent_note or "",
        shared_items=tuple(str(x) for x in (r.shared_items or [])), sent_by=r.sent_by_name, sent_at=r.sent_at,
        status=status_label(r.kind, r.status), response=r.response_note or "") for r in rows)


def _plan_row(uow: UnitOfWork, case: Case) -> SafetyPlan | None:
    return uow.s.execute(_PLAN, {"case_id": case.id}).scalar_one_or_none()


def _safety_plan(plan: SafetyPlan | None) -> tuple[tuple[str, str], ...] | None:
    if plan is None:
        return None
    sections = (plan.contents or {}).get("sections") or {}
    out = []
    for section in SECTIONS:
        value = sections.get(section.code)
        text = "\n".join(str(x) for x in value) if isinstance(value, list) else str(value or "")
        if text.strip():
            out.append((section.label, text.strip()))
    return tuple(out)


def _mandatory_reports(uow: UnitOfWork, case: Case, reporter_printed: bool) -> tuple[MandatoryReportData, ...]:
    rows = uow.s.execute(_REPORTS, {"case_id": case.id}).scalars()
    return tuple(MandatoryReportData(
        party_id=r.party_id or "", subject_name=r.subject_name, ground=label(Ground, r.ground),
        ground_note=r.ground_note or "", raised_at=r.raised_at, reported=r.status == ReportStatus.REPORTED.value,
        reported_at=r.reported_at, police_unit=r.police_unit or "", method=label(ReportMethod, r.method),
        receipt_no=r.receipt_no or "", officer=r.officer or "", facts=r.facts or "",
        reporter_name=(r.reporter_name or "") if reporter_printed else "",
        reporter_post=(r.reporter_post or "") if reporter_printed else "",
        reporter_phone=(r.reporter_phone or "") if reporter_printed else "",
        reporter_withheld=bool(r.reporter_name) and not reporter_printed) for r in rows)


def _risk(uow: UnitOfWork, case: Case) -> str:
    row = uow.s.execute(_RISK, {"case_id": case.id}).scalar()
    return {"high": "高", "medium": "中", "low": "低"}.get(row.final_level, row.final_level) if row else ""


def _orders(rows: list[ProtectionOrder]) -> tuple[str, ...]:
    from ..services.crisis.protection_orders import OrderStatus
    out = []
    for r in rows:
        text = f"{cn_date(r.applied_at)}向{r.court}申请人身安全保护令（{label(OrderStatus, r.status)}）"
        if r.issued_on:
            text += f"，{cn_date(r.issued_on)}作出"
        if r.expires_on:
            text += f"，有效期至{cn_date(r.expires_on)}"
        out.append(text)
    return tuple(out)


def _order_details(rows: list[ProtectionOrder]) -> tuple[OrderData, ...]:
    from ..services.crisis.protection_orders import OrderStatus, measure_label
    return tuple(OrderData(r.court, r.applied_at, r.urgent, r.consent_recorded, r.applied_on_behalf_by or "",
                           label(OrderStatus, r.status),
                           tuple(measure_label(str(m)) for m in (r.measures or []))) for r in rows)


def _attachments(uow: UnitOfWork, case: Case, sees_sensitive: bool) -> tuple[AttachmentData, ...]:
    rows = uow.s.execute(_ATTACHMENTS, {"case_id": case.id}).scalars()
    return tuple(AttachmentData(
        r.id, sees_sensitive or not r.sensitive, r.doc_type,
        r.filename if sees_sensitive or not r.sensitive else "（敏感材料，已隐去文件名）",
        (r.description or "") if sees_sensitive or not r.sensitive else "", r.media_type, r.size, r.added_by_name,
        r.created_at, r.sensitive, r.sha256) for r in rows)


def shares(referral: ReferralData, item: str) -> bool:
    return item in referral.shared_items


__all__ = ["CaseData", "CONTACT_ITEM", "cn_date", "cn_datetime", "label", "load_case_data", "shares"]


def _marriage_outcome_label(code: str | None) -> str:
    """调和 / 劝回 / … as printed; an unknown code (a newer release's) is printed as stored."""
    if not code:
        return ""
    try:
        return MarriageOutcome(code).label
    except ValueError:
        return code
