"""Rendering a paper for a case: permission, scope, who it is for, the audit entry; and batch printing."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..access.cases import load_case
from ..domain.errors import NotFound, ValidationError
from ..security import audit
from ..security.actor import Actor
from ..security.permissions import Permission, require
from ..security.private_files import write_private
from ..store.models import Case
from ..store.uow import UnitOfWork, one_snapshot
from .kinds import DocumentKind, PrintPurpose, Recipient
from .data import CaseData, load_case_data
from .layout import PageMeta, build_pdf, sheet
from .verify import register_paper
from .registry import DOCUMENTS, allowed_recipients, documents_for, sheet_for

if TYPE_CHECKING:
    from ..services.attachments.attachments import PaperRead

ATTACHMENT_READS = "attachment_reads"    # CaseData.extra: the attachments read into the paper, not yet audited


def available_documents(uow: UnitOfWork, actor: Actor, case_id: str) -> list[DocumentKind]:
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    return documents_for(load_case_data(uow, actor, case, Recipient.FILE))


def _check_recipient(kind: DocumentKind, recipient: Recipient) -> None:
    allowed = allowed_recipients(kind)
    if recipient not in allowed:
        names = "、".join(r.label for r in Recipient if r in allowed)  # type: ignore[attr-defined]
        raise ValidationError(f"“{kind.label}”不能出具给{recipient.label}，只能出具给：{names}。",  # type: ignore[attr-defined]
                              code="wrong_recipient", field="recipient")


def pdf_bytes(d: CaseData, kind: DocumentKind) -> bytes:
    """Lay out one paper from loaded data (no permission checks, no audit: callers do those)."""
    label = kind.label  # type: ignore[attr-defined]
    issuer = d.issuer if kind is DocumentKind.PETITION_OPINION and d.issuer else d.unit_name   # never a village
    meta = PageMeta(unit_name=issuer, case_no=d.case_no, title=f"{label} {d.case_no}",
                    as_of=d.as_of, subject=d.title)
    if kind is DocumentKind.CASE_FILE:
        from .case_file import render_case_file
        return render_case_file(d, meta)
    spec = DOCUMENTS[kind]
    if not spec.available(d):
        raise NotFound(f"本案没有可生成“{kind.label}”的记录。", code="no_document_data")  # type: ignore[attr-defined]
    with sheet(sheet_for(kind)):
        story = spec.build(d)
    pdf, _pages = build_pdf(meta, story)
    return pdf


def _attachment_contents(uow: UnitOfWork, actor: Actor, d: CaseData) -> None:
    """The images and PDFs the case file prints, read through the attachments service with its checks; each
    read is audited with the paper (`record_print`), after the layout."""
    from ..services.attachments.attachments import read_for_paper
    from .evidence_pdf import printable_images, printable_pdfs

    reads = []
    for key, chosen in (("images", printable_images(d)), ("pdfs", printable_pdfs(d))):
        contents = {}
        for a in chosen:
            contents[a.id], read = read_for_paper(uow, actor, a.id, "case_file")
            reads.append(read)
        d.extra[key] = contents
    d.extra[ATTACHMENT_READS] = tuple(reads)


def attachment_reads(d: CaseData) -> "tuple[PaperRead, ...]":
    """The attachments `prepare` read into the paper, to audit with it."""
    return d.extra.get(ATTACHMENT_READS, ())


def prepare(uow: UnitOfWork, actor: Actor, case_id: str, kind: DocumentKind,
            recipient: Recipient) -> tuple[Case, CaseData]:
    """Checks and data for one paper: rights, recipient, scope, then everything it prints, redacted."""
    require(actor, Permission.PRINT_EXPORT)
    require(actor, Permission.CASE_READ)
    _check_recipient(kind, recipient)
    case = load_case(uow, actor, case_id)
    with one_snapshot(uow) as reading:   # a save at another desk shows in the whole paper or not at all
        data = load_case_data(reading, actor, load_case(reading, actor, case_id), recipient)   # scope again there
    if kind is DocumentKind.CASE_FILE:
        _attachment_contents(uow, actor, data)
    return case, data


def record_print(uow: UnitOfWork, actor: Actor, case: Case, kind: DocumentKind, recipient: Recipient,
                 purpose: PrintPurpose, pdf: bytes, case_no: str, reads: Sequence[PaperRead] = ()) -> None:
    """The audit entries and the register's: the attachments read into the paper (`attachment_reads`), then the
    paper. `case_no` is the number the paper prints (read with its data, in its snapshot: a renumbering by sync
    since then must not put another number in the register)."""
    from ..services.attachments.attachments import record_paper_reads

    record_paper_reads(uow, actor, reads)
    code = register_paper(uow, actor, case, kind, recipient, purpose, pdf, case_no)
    audit.record(uow.s, actor, purpose.value, entity="document", entity_id=case.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"document": kind.value, "recipient": recipient.value, "case_no": case_no,
                         "bytes": len(pdf), "code": code})


def render(uow: UnitOfWork, actor: Actor, case_id: str, kind: DocumentKind, recipient: Recipient,
           purpose: PrintPurpose) -> bytes:
    return render_numbered(uow, actor, case_id, kind, recipient, purpose)[0]


def render_numbered(uow: UnitOfWork, actor: Actor, case_id: str, kind: DocumentKind, recipient: Recipient,
                    purpose: PrintPurpose) -> tuple[bytes, str]:
    """The paper and the case number it prints (a batch names its file by it)."""
    case, data = prepare(uow, actor, case_id, kind, recipient)
    pdf = pdf_bytes(data, kind)
    record_print(uow, actor, case, kind, recipient, purpose, pdf, data.case_no, attachment_reads(data))
    return pdf, data.case_no


def write_pdf(path: Path, pdf: bytes) -> None:
    """Under a temporary name first: a crash mid-write never leaves a cut-short PDF that looks printed."""
    write_private(path, pdf)   # 0600, under a temporary name until whole
