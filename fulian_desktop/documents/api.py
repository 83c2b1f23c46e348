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

from pathlib import Path
from typing import TYPE_CHECKING

from .kinds import (
    BatchFailure,
    BatchResult,
    DocumentKind,
    PrintPurpose,
    Progress,
    Recipient,
    UowFactory,
    file_name,
)

if TYPE_CHECKING:
    from datetime import date

    from ..security.actor import Actor
    from ..store.uow import UnitOfWork

__all__ = ["BatchFailure", "BatchResult", "DocumentKind", "PrintPurpose", "Progress", "Recipient", "UowFactory",
           "available_documents", "file_name", "render", "render_batch", "render_day_register", "render_register_line"]


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
    from .batch_pool import render_batch as impl
    return impl(uow_factory, actor, case_ids, DocumentKind(kind), Path(out_dir), Recipient(recipient),
                PrintPurpose(purpose), progress, workers)


def render_day_register(uow: "UnitOfWork", actor: "Actor", day: "date", *, unit_id: str | None = None,
                        purpose: PrintPurpose = PrintPurpose.EXPORT) -> bytes:
    """来访登记簿 of one day (China time) at an office (default: the actor's unit): every contact received there,
    numbered, as a PDF. Needs PRINT_EXPORT; audited."""
    from .desk_register import render_day
    return render_day(uow, actor, day, unit_id=unit_id, purpose=PrintPurpose(purpose))


def render_register_line(uow: "UnitOfWork", actor: "Actor", intake_id: str, *,
                         purpose: PrintPurpose = PrintPurpose.EXPORT) -> bytes:
    """The one-line slip of the day's register for a contact just saved (its 序号 in the day). Audited."""
    from .desk_register import render_line
    return render_line(uow, actor, intake_id, purpose=PrintPurpose(purpose))
