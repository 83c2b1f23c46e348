"""Read-only results services hand to the CLI and the UI."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ...access.case_rows import CaseRow as CaseRow  # the list's row shape lives with its scope filter
from ...domain.closure_outcomes import ClosureOutcomes
from ...domain.enums import PartyRole, PetitionOutcome
from ...domain.mediation_rules import Satisfaction


@dataclass(frozen=True)
class PartyView:
    id: str
    person_id: str
    role: PartyRole
    name: str
    sex: str
    birth_date: date | None
    id_number: str | None      # masked or hidden when the viewer lacks the right
    phone: str | None
    address: str | None
    contact_confidential: bool
    redacted: bool
    version: int
    person_version: int


@dataclass(frozen=True)
class CaseEventView:
    id: str
    kind: str
    occurred_at: datetime
    actor_name: str | None
    summary: str


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    version: int
    sub_category: str | None
    dispute_type: str | None
    source: str | None
    urgency: str
    summary: str | None
    handler_id: str | None
    closed_at: datetime | None
    parties: tuple[PartyView, ...]
    events: tuple[CaseEventView, ...]
    # A petition's 处理意见 and its facts and basis, once a closure giving them has been approved.
    petition_outcome: PetitionOutcome | None = None
    petition_basis: str | None = None
    petition_evaluation: Satisfaction | None = None   # the petitioner's evaluation given then; None: 未评价
    # The agreement in effect's 司法确认 window (人民调解法第三十三条) and any term a court would not confirm.
    confirmation_window: str | None = None
    # What the approved closure recorded (防止民转刑 … with persons); empty while open or when nothing was recorded.
    closure_outcomes: ClosureOutcomes = ClosureOutcomes()

    @property
    def petition_outcome_label(self) -> str:
        return self.petition_outcome.label if self.petition_outcome else ""
