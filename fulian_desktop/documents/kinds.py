"""The documents package's vocabulary: which papers exist, who a paper is for, why it is rendered, what a
batch gives back, and a paper's file name. Plain values, below every other module of the package
(api.py offers them to the rest of the app)."""
from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.enums import Labelled

if TYPE_CHECKING:
    from ..store.uow import UnitOfWork


class DocumentKind(Labelled):
    """Every paper the app prints; the value is stable ASCII (CLI --doc, audit detail, file names)."""

    INTAKE_REGISTER = "intake_register", "受理登记表"
    INTAKE_RECEIPT = "intake_receipt", "来访登记回执"
    ACCEPTANCE_NOTICE = "acceptance_notice", "受理告知书"
    REJECTION_NOTICE = "rejection_notice", "不予受理告知书"
    PETITION_OPINION = "petition_opinion", "信访事项处理意见书"
    RIGHTS_NOTICE = "rights_notice", "当事人权利义务告知书"
    MEDIATION_RECORD = "mediation_record", "调解记录"
    AGREEMENT = "agreement", "人民调解协议书"
    FOLLOW_UP_RECORD = "follow_up_record", "回访记录"
    REFERRAL_LETTER = "referral_letter", "转介函"
    SAFETY_PLAN = "safety_plan", "安全计划"
    ORDER_APPLICATION = "order_application", "人身安全保护令申请书"
    CONFIRMATION_PACKET = "confirmation_packet", "司法确认申请材料"
    MANDATORY_REPORT = "mandatory_report", "强制报告登记表"
    CLOSING_REPORT = "closing_report", "结案报告"
    CASE_FILE = "case_file", "卷宗"


class Recipient(Labelled):
    """Who the paper is for; it decides what personal data may be printed on it."""

    FILE = "file", "存档（内部卷宗）"
    PARTY = "party", "当事人"
    RESPONDENT = "respondent", "被申请人/被反映人"
    AGENCY = "agency", "接收单位"


class PrintPurpose(StrEnum):
    """The audit action written for a render: printed on paper or saved as a file."""

    PRINT = "print"
    EXPORT = "export"


@dataclass(frozen=True)
class BatchFailure:
    case_id: str
    case_no: str
    message: str


@dataclass(frozen=True)
class BatchResult:
    total: int
    files: tuple[Path, ...]                     # one PDF per case written, in the order given
    failures: tuple[BatchFailure, ...] = ()     # cases skipped (no data for the kind, out of scope …)
    cancelled: bool = False                     # progress() returned False before the end

    @property
    def done(self) -> int:
        return len(self.files) + len(self.failures)


UowFactory = Callable[[], AbstractContextManager["UnitOfWork"]]
Progress = Callable[[int, int], bool]           # (done, total) -> keep going?



def file_name(case_no: str, kind: DocumentKind, recipient: Recipient = Recipient.FILE) -> str:
    """A safe file name such as `（2026）望婚调字第12号-卷宗.pdf` (respondent copies say so)."""
    safe = "".join(ch for ch in case_no if ch not in '\\/:*?"<>|').strip() or "case"
    suffix = "" if recipient is Recipient.FILE else f"-{Recipient(recipient).label.split('/')[0]}"
    return f"{safe}-{DocumentKind(kind).label}{suffix}.pdf"
