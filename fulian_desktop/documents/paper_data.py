"""The shape of what one case's papers print (the values `data.load_case_data` fills, already redacted for
the paper's reader, and `redact` masks further): plain frozen records, no store access, so the reading side
(data.py) and the redaction pass (redact.py) both use them without importing each other."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..domain.enums import CaseKind, CaseStatus, PartyRole
from ..domain.intake_rules import IntakeDecision
from .kinds import Recipient


@dataclass(frozen=True)
class PartyData:
    id: str
    role: PartyRole
    name: str
    sex: str
    birth_date: date | None
    id_number: str
    phone: str
    address: str
    ethnicity: str
    occupation: str
    confidential: bool

    @property
    def role_label(self) -> str:
        return self.role.label.split("/")[0]


@dataclass(frozen=True)
class IntakeData:
    channel: str
    received_at: datetime
    visitor_name: str
    sex: str
    age: str
    marital_status: str
    address: str
    contact: str
    people_count: int
    representatives: str
    request: str
    facts: str
    category: str
    decision: IntakeDecision | None
    decision_note: str
    is_repeat: bool
    transfer_to: str


@dataclass(frozen=True)
class SessionData:
    held_at: datetime
    place: str
    mediators: str
    recorder: str
    present: str
    notices: tuple[str, ...]
    statements: tuple[tuple[str, str], ...]
    outcome: str


@dataclass(frozen=True)
class TermData:
    seq: int
    obligor: str
    content: str
    manner: str
    deadline: date | None
    performance: str


@dataclass(frozen=True)
class AgreementData:
    form: str
    oral: bool
    facts: str
    disputes: str
    responsibility: str
    terms: tuple[TermData, ...]
    signatures: tuple[tuple[str, str, str, datetime | None], ...]   # role, name, how, at
    mediator_signed_at: datetime | None
    seal_applied_at: datetime | None
    effective_on: date | None
    copies: int
    created_at: datetime
    confirmation: str
    confirm_by: date | None = None     # the last day to apply jointly for 司法确认 (人民调解法第三十三条)
    court: str = ""                    # the court named for 司法确认, if recorded


@dataclass(frozen=True)
class FollowUpData:
    visited_at: datetime
    visitor: str
    method: str
    performance: str
    satisfaction: str
    note: str


@dataclass(frozen=True)
class ReferralData:
    agency_type: str
    agency_name: str
    reason: str
    consent: str
    consent_note: str
    shared_items: tuple[str, ...]
    sent_by: str
    sent_at: datetime
    status: str
    response: str


@dataclass(frozen=True)
class AttachmentData:
    id: str
    viewable: bool          # not sensitive, or the actor may see sensitive evidence
    doc_type: str
    filename: str
    description: str
    media_type: str
    size: int
    added_by: str
    added_at: datetime
    sensitive: bool
    sha256: str


@dataclass(frozen=True)
class OrderData:
    """One 人身安全保护令 application, as the application paper prints it."""
    court: str
    applied_at: datetime
    urgent: bool
    consent: bool
    on_behalf_by: str          # "" when she applied herself
    status: str
    measures: tuple[str, ...]


@dataclass(frozen=True)
class MandatoryReportData:
    """A mandatory report (反家庭暴力法第十四条); the reporter_* fields are "" unless the reader may see them
    (access.disclosure.reporter_shown: the internal file copy, for an actor with SEE_CONFIDENTIAL)."""

    party_id: str
    subject_name: str
    ground: str                  # 不满八周岁的未成年人（无民事行为能力人）…
    ground_note: str             # 未成年人（9 周岁）
    raised_at: datetime
    reported: bool
    reported_at: datetime | None
    police_unit: str
    method: str                  # 电话 / 书面 / 当面
    receipt_no: str
    officer: str
    facts: str
    reporter_name: str
    reporter_post: str
    reporter_phone: str
    reporter_withheld: bool      # a reporter is on record but not printed on this copy


@dataclass(frozen=True)
class CaseData:
    recipient: Recipient
    case_id: str
    case_no: str
    title: str
    kind: CaseKind
    status: CaseStatus
    tier: str
    category: str
    dispute_type: str
    source: str
    summary: str
    unit_name: str          # the name printed as the issuing body
    handler: str
    opened_at: datetime
    closed_at: datetime | None
    as_of: datetime         # the latest recorded moment: the paper's date, so a reprint is identical
    domestic_violence: bool
    major_incident: bool
    mediation_outcome: str
    parties: tuple[PartyData, ...]
    intakes: tuple[IntakeData, ...]
    sessions: tuple[SessionData, ...]
    agreements: tuple[AgreementData, ...]
    follow_ups: tuple[FollowUpData, ...]
    referrals: tuple[ReferralData, ...]
    safety_plan: tuple[tuple[str, str], ...] | None   # (heading, text) per filled section
    safety_reviewed_on: date | None
    risk: str
    orders: tuple[str, ...]
    closing_notes: tuple[str, ...]   # reasons given when closure was asked for / decided
    rejection_notes: tuple[str, ...]
    attachments: tuple[AttachmentData, ...]
    file_clerk: str
    timeline: tuple[tuple[datetime, str], ...] = ()   # what was done, for the closing report and file note
    petition_outcome: str = ""    # 支持 / 解释说明 / 不予支持 as stored at closure; "" for cases closed before it was kept
    petition_basis: str = ""      # its facts and basis
    petition_facts: str = ""      # 查明的事实, as the handler entered them
    petition_articles: tuple[tuple[str, str], ...] = ()   # (citation, article text): 第三十二条 and those chosen
    issuer: str = ""              # the organ a petition opinion is issued by: never a village work station
    review_body: str = ""         # 信访工作条例第三十五条: the organ one level up, from the org tree or settings
    committee: str = ""           # the owner station's 人民调解委员会, as set for that unit
    closing_reason: str = ""      # why the closure was asked for and approved, without the workflow's states
    order_details: tuple[OrderData, ...] = ()
    mandatory_reports: tuple[MandatoryReportData, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    # Flagged 家暴 or any danger assessment at 中/高: the agreement prints that it does not settle the violence.
    dv_mediation: bool = False

    def by_role(self, *roles: PartyRole) -> list[PartyData]:
        return [p for p in self.parties if p.role in roles]
