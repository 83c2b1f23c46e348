"""The public contract of the documents package: what the CLI, the GUI and the statistics report call.

Keep this module stable: other packages import only from here (and `fonts.register_fonts`).

    kinds = available_documents(uow, actor, case_id)
    pdf = render(uow, actor, case_id, DocumentKind.CASE_FILE, Recipient.FILE, purpose="print")
    result = render_batch(lambda: store.uow(write=True), actor, ids, DocumentKind.CASE_FILE, out_dir,
                          progress=lambda done, total: not cancelled)

`render` appends an audit entry (action "print" or "export"), so it needs a writable unit of work.
The same case data always gives the same bytes: nothing in the PDF depends on the clock or chance.
"""
from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..security.actor import Actor
    from ..store.uow import UnitOfWork


class DocumentKind(StrEnum):
    """Every paper the app prints; the value is stable ASCII (CLI --doc, audit detail, file names)."""

    def __new__(cls, value: str, label: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label  # type: ignore[attr-defined]
        return obj

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


class Recipient(StrEnum):
    """Who the paper is for; it decides what personal data may be printed on it."""

    def __new__(cls, value: str, label: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label  # type: ignore[attr-defined]
        return obj

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


def available_documents(uow: "UnitOfWork", actor: "Actor", case_id: str) -> list[DocumentKind]:
    """The kinds this case has data for, in case-file order (CASE_FILE always last)."""
    from .assemble import available_documents as impl
    return impl(uow, actor, case_id)


def render(uow: "UnitOfWork", actor: "Actor", case_id: str, kind: DocumentKind,
           recipient: Recipient = Recipient.FILE, *, purpose: PrintPurpose = PrintPurpose.EXPORT) -> bytes:
    """The PDF bytes of one document. Needs PRINT_EXPORT and the case in scope; writes the audit entry
    (who, which case, which document, for whom). Raises NotFound when the case has no data for `kind`,
    FulianError(code="glyph_missing") naming the character and field when no font can show it."""
    from .assemble import render as impl
    return impl(uow, actor, case_id, DocumentKind(kind), Recipient(recipient), PrintPurpose(purpose))


def render_batch(uow_factory: UowFactory, actor: "Actor", case_ids: list[str], kind: DocumentKind,
                 out_dir: Path, *, recipient: Recipient = Recipient.FILE,
                 purpose: PrintPurpose = PrintPurpose.PRINT, progress: Progress | None = None,
                 workers: int | None = None) -> BatchResult:
    """Render `kind` for each case into out_dir/<file_name>, one unit of work per case (each audited).
    `progress(done, total)` is called before the first and after every case; returning False stops.
    A batch of 16 or more is laid out by `workers` processes (default: one per core, or $FULIAN_PDF_WORKERS;
    1 keeps it in this process); the data is read, redacted and audited here, the bytes are the same."""
    from .assemble import render_batch as impl
    return impl(uow_factory, actor, case_ids, DocumentKind(kind), Path(out_dir), Recipient(recipient),
                PrintPurpose(purpose), progress, workers)


def file_name(case_no: str, kind: DocumentKind, recipient: Recipient = Recipient.FILE) -> str:
    """A safe file name such as `（2026）望婚调字第12号-卷宗.pdf` (respondent copies say so)."""
    safe = "".join(ch for ch in case_no if ch not in '\\/:*?"<>|').strip() or "case"
    suffix = "" if recipient is Recipient.FILE else f"-{Recipient(recipient).label.split('/')[0]}"
    return f"{safe}-{DocumentKind(kind).label}{suffix}.pdf"
