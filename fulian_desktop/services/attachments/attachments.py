"""Evidence and attachments of a case: attach (size-limited, deduplicated by SHA-256, streamed in chunks into the
encrypted store), list, open for preview, copy to a private temp folder for the system's viewer, remove.

Rights: adding and removing need 修改案件; listing needs 查看案件; every reader stays inside the actor's scope (an
out-of-scope case reads as not found). Sensitive attachments (medical records by default, or any file the user
marks) need 查看敏感证据材料 to open, copy or remove; without it the list shows that they exist, with type, size
and who added them, but not their name or description.

Every opening of contents (preview or temp copy) writes an audit entry (so it needs a write unit of work); adding
and removing write an audit entry and a timeline event. Removal is a tombstone: the row stays (for sync and the
audit trail) and so do the contents, which other attachments may share.

For the case-file PDF and sync: `list_attachments` gives the views in case order, `attachment_chunks` /
`attachment_bytes` give the contents of one attachment with the same checks (and the same audit), `read_for_paper`
with the same checks and its audit entry written later, with the paper's (`record_paper_reads`), and
`attachment_blobs.blob_chunks(uow, sha256)` streams stored contents by hash without an actor.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from ...access.cases import load_case, record_event
from ...domain.attachments import (
    AttachmentType,
    TargetKind,
    check_size,
    clean_filename,
    format_size,
    limit_bytes,
    parse_target,
    parse_type,
    preview_kind,
    sniff_media_type,
)
from ...domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, can, require
from ...store.base import utcnow
from ...store.models import Agreement, Case, CaseParty, CrisisAction, MediationSession, Person
from ...store.models_evidence import Attachment
from ...store.uow import UnitOfWork
from ..accounts import settings
from .attachment_blobs import ProgressFn, TempCopy, blob_chunks, digest, read_blob, source_size, store_blob

RESTRICTED_NAME = "（敏感材料）"
MAX_DESCRIPTION = 1000
_TARGET_MODELS = {TargetKind.PARTY: CaseParty, TargetKind.SESSION: MediationSession,
                  TargetKind.AGREEMENT: Agreement, TargetKind.ACTION: CrisisAction}


@dataclass(frozen=True)
class AttachmentView:
    id: str
    case_id: str
    doc_type: AttachmentType
    doc_type_label: str
    description: str | None       # None when restricted
    filename: str                 # RESTRICTED_NAME when restricted
    media_type: str
    size: int
    size_text: str
    sha256: str
    sensitive: bool
    restricted: bool              # sensitive and the actor may not open it
    target_kind: TargetKind | None
    target_id: str | None
    target_label: str | None      # the party's name, or 调解记录 / 调解协议 / 处置措施
    added_by_name: str
    added_at: datetime
    version: int

    @property
    def preview_kind(self) -> str:
        """'image', 'pdf' or 'external'."""
        return preview_kind(self.media_type)


@dataclass(frozen=True)
class OpenedAttachment:
    view: AttachmentView
    data: bytes


def may_see_sensitive(actor: Actor) -> bool:
    return can(actor, Permission.SEE_SENSITIVE)


def size_limit_mb(uow: UnitOfWork) -> int:
    return int(settings.get(uow, "attachment_max_mb"))


# --- views -----------------------------------------------------------------------------------------

def _target_labels(uow: UnitOfWork, rows: list[Attachment]) -> dict[str, str]:
    party_ids = [r.target_id for r in rows if r.target_kind == TargetKind.PARTY.value and r.target_id]
    labels: dict[str, str] = {}
    if party_ids:
        for party_id, name in uow.s.execute(select(CaseParty.id, Person.name).join(
                Person, Person.id == CaseParty.person_id).where(CaseParty.id.in_(party_ids))):
            labels[party_id] = name
    return labels


def _view(row: Attachment, actor: Actor, labels: dict[str, str]) -> AttachmentView:
    restricted = bool(row.sensitive) and not may_see_sensitive(actor)
    kind = parse_target(row.target_kind)
    doc_type = parse_type(row.doc_type)
    target_label = labels.get(row.target_id or "") or (kind.label if kind else None)
    return AttachmentView(
        id=row.id, case_id=row.case_id, doc_type=doc_type, doc_type_label=doc_type.label,
        description=None if restricted else row.description,
        filename=RESTRICTED_NAME if restricted else clean_filename(row.filename),   # a name stored before the rule
        media_type=row.media_type, size=row.size, size_text=format_size(row.size), sha256=row.sha256,
        sensitive=bool(row.sensitive), restricted=restricted, target_kind=kind, target_id=row.target_id,
        target_label=target_label, added_by_name=row.added_by_name, added_at=row.created_at, version=row.version)


def list_attachments(uow: UnitOfWork, actor: Actor, case_id: str) -> list[AttachmentView]:
    """The case's attachments, oldest first. Names and descriptions of sensitive ones are hidden from users
    without the right; nothing is opened, so the list is not audited."""
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    rows = list(uow.s.execute(select(Attachment).where(Attachment.case_id == case.id, Attachment.deleted_at.is_(None))
                              .order_by(Attachment.created_at, Attachment.id)).scalars())
    labels = _target_labels(uow, rows)
    return [_view(r, actor, labels) for r in rows]


def _load(uow: UnitOfWork, actor: Actor, attachment_id: str) -> tuple[Attachment, Case]:
    row = uow.s.get(Attachment, attachment_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("附件不存在或已被移除。")
    return row, load_case(uow, actor, row.case_id)


def _require_sensitive(actor: Actor, row: Attachment) -> None:
    if row.sensitive and not may_see_sensitive(actor):
        raise PermissionDenied(f"该材料（{parse_type(row.doc_type).label}）为敏感材料，您的角色（{actor.role.label}）"
                               "没有“查看敏感证据材料”的权限。如需查看，请联系督导。", code="no_sensitive_right")


# --- adding ----------------------------------------------------------------------------------------

def _check_target(uow: UnitOfWork, case: Case, kind: TargetKind | None, target_id: str | None) -> None:
    if kind is None:
        if target_id:
            raise ValidationError("请选择关联对象的类型。", field="target_kind")
        return
    if not target_id:
        raise ValidationError(f"请选择关联的{kind.label}。", field="target_id")
    target = uow.s.get(_TARGET_MODELS[kind], target_id)
    if target is None or target.deleted_at is not None or target.case_id != case.id:
        raise ValidationError(f"所选{kind.label}不属于本案件。", field="target_id")


def attach(uow: UnitOfWork, actor: Actor, case_id: str, source: str | Path | BinaryIO, *,
           doc_type: AttachmentType | str, description: str | None = None, filename: str | None = None,
           target_kind: TargetKind | str | None = None, target_id: str | None = None,
           sensitive: bool | None = None, progress: ProgressFn | None = None) -> AttachmentView:
    """Attach a file (a path or an open binary stream) to a case.

    Refuses before reading or writing anything when the file is empty or over the size limit (setting
    attachment_max_mb). Reads the file twice, one chunk at a time: once to hash it, once to store it, unless
    the same contents are stored already (then only the attachment row is added). `sensitive` defaults to
    the type's default (医疗记录 is sensitive). `progress(done, total)` may return False to cancel."""
    require(actor, Permission.CASE_EDIT)
    case = load_case(uow, actor, case_id)
    kind = parse_type(doc_type)
    target = parse_target(target_kind)
    _check_target(uow, case, target, target_id)
    text = (description or "").strip() or None
    if text and len(text) > MAX_DESCRIPTION:
        raise ValidationError(f"说明最多 {MAX_DESCRIPTION} 字。", field="description")
    # A mediator may file a medical report she was handed; she cannot open it afterwards.
    is_sensitive = kind.sensitive_by_default if sensitive is None else bool(sensitive)
    limit_mb = size_limit_mb(uow)
    with ExitStack() as stack:
        if isinstance(source, (str, Path)):
            path = Path(source)
            name = clean_filename(filename or path.name)
            if not path.is_file():
                raise ValidationError(f"找不到文件“{name}”，或它不是一个文件。", field="file")
            check_size(path.stat().st_size, limit_mb, name)   # before the file is even opened
            stream: BinaryIO = stack.enter_context(path.open("rb"))
        else:
            name = clean_filename(filename or getattr(source, "name", "") or "")
            stream = source
            size = source_size(stream)
            if size is None:   # a pipe: read at most one byte over the limit, into memory
                stream = io.BytesIO(stream.read(limit_bytes(limit_mb) + 1))
                size = len(stream.getbuffer())
            check_size(size, limit_mb, name)
        start = stream.tell()
        total = (source_size(stream) or 0) * 2
        first = digest(stream, limit_mb=limit_mb, filename=name, progress=progress, total=total)
        check_size(first.size, limit_mb, name)
        stream.seek(start)
        stored_new = store_blob(uow, stream, first, limit_mb=limit_mb, filename=name, progress=progress,
                                done_before=first.size, total=total)
    row = Attachment(case_id=case.id, target_kind=target.value if target else None, target_id=target_id or None,
                     doc_type=kind.value, description=text, filename=name,
                     media_type=sniff_media_type(first.head, name), size=first.size, sha256=first.sha256,
                     sensitive=is_sensitive, added_by_id=actor.user_id, added_by_name=actor.display_name,
                     owner_unit_id=case.owner_unit_id)
    uow.s.add(row)
    uow.flush()
    # Sensitive files keep their name out of the timeline, which every case reader sees.
    summary = f"添加{kind.label}：{'敏感材料' if is_sensitive else name}（{format_size(first.size)}）"
    record_event(uow, actor, case, "attachment_added", summary, data={"attachment_id": row.id, "doc_type": kind.value})
    audit.record(uow.s, actor, audit.Action.CREATE, entity="attachment", entity_id=row.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"doc_type": kind.value, "size": first.size, "sha256": first.sha256,
                         "sensitive": is_sensitive, "stored_once_before": not stored_new})
    return _view(row, actor, _target_labels(uow, [row]))


# --- opening ---------------------------------------------------------------------------------------

def _audit_open(uow: UnitOfWork, actor: Actor, row: Attachment, case: Case, action: str, purpose: str) -> None:
    if not uow.write:
        raise RuntimeError("opening an attachment is audited: use store.uow(write=True)")
    audit.record(uow.s, actor, action, entity="attachment", entity_id=row.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"doc_type": row.doc_type, "sensitive": bool(row.sensitive), "purpose": purpose})


def _open(uow: UnitOfWork, actor: Actor, attachment_id: str, action: str, purpose: str) -> tuple[Attachment, Case]:
    require(actor, Permission.CASE_READ)
    row, case = _load(uow, actor, attachment_id)
    _require_sensitive(actor, row)
    _audit_open(uow, actor, row, case, action, purpose)
    return row, case


def open_attachment(uow: UnitOfWork, actor: Actor, attachment_id: str) -> OpenedAttachment:
    """The contents for an in-app preview (audited as a view)."""
    row, _case = _open(uow, actor, attachment_id, audit.Action.VIEW, "preview")
    return OpenedAttachment(_view(row, actor, _target_labels(uow, [row])), read_blob(uow, row.sha256))


def attachment_chunks(uow: UnitOfWork, actor: Actor, attachment_id: str, *,
                      purpose: str = "export") -> Iterator[bytes]:
    """The contents chunk by chunk, for the case-file PDF or an export (audited as an export when called;
    iterate inside the same unit of work)."""
    row, _case = _open(uow, actor, attachment_id, audit.Action.EXPORT, purpose)
    return blob_chunks(uow, row.sha256)


def attachment_bytes(uow: UnitOfWork, actor: Actor, attachment_id: str, *, purpose: str = "export") -> bytes:
    return b"".join(attachment_chunks(uow, actor, attachment_id, purpose=purpose))


@dataclass(frozen=True)
class PaperRead:
    """An attachment read into a paper, its audit entry still to write (`record_paper_reads`)."""

    attachment_id: str
    case_id: str
    owner_unit_id: str
    doc_type: str
    sensitive: bool
    purpose: str


def read_for_paper(uow: UnitOfWork, actor: Actor, attachment_id: str, purpose: str) -> tuple[bytes, PaperRead]:
    """The contents for a paper being laid out, with the checks of every opening; its audit entry is written with
    the paper's own, after the layout (`documents/assemble.record_print`): on a server the audit chain's head is
    then not held while pages are laid out, and a paper that fails to lay out left nothing the program."""
    if not uow.write:   # the entry is owed: a read-only unit of work could never write it
        raise RuntimeError("opening an attachment is audited: use store.uow(write=True)")
    require(actor, Permission.CASE_READ)
    row, case = _load(uow, actor, attachment_id)
    _require_sensitive(actor, row)
    data = b"".join(blob_chunks(uow, row.sha256))
    return data, PaperRead(row.id, case.id, case.owner_unit_id, row.doc_type, bool(row.sensitive), purpose)


def record_paper_reads(uow: UnitOfWork, actor: Actor, reads: Iterable[PaperRead]) -> None:
    if not uow.write:
        raise RuntimeError("opening an attachment is audited: use store.uow(write=True)")
    for r in reads:
        audit.record(uow.s, actor, audit.Action.EXPORT, entity="attachment", entity_id=r.attachment_id,
                     case_id=r.case_id, owner_unit_id=r.owner_unit_id,
                     detail={"doc_type": r.doc_type, "sensitive": r.sensitive, "purpose": r.purpose})


def export_for_viewer(uow: UnitOfWork, actor: Actor, attachment_id: str) -> TempCopy:
    """A plain copy in a private (0700) temp folder for the system's viewer, audited as an export.
    The caller removes it (`with` block or `cleanup()`); at the latest it goes when the program exits."""
    row, _case = _open(uow, actor, attachment_id, audit.Action.EXPORT, "system_viewer")
    copy = TempCopy(clean_filename(row.filename))   # the viewer is chosen by the extension as it really is
    try:
        copy.write(blob_chunks(uow, row.sha256))
    except BaseException:
        copy.cleanup()
        raise
    return copy


# --- removing --------------------------------------------------------------------------------------

def remove_attachment(uow: UnitOfWork, actor: Actor, attachment_id: str, expected_version: int | None = None,
                      reason: str | None = None) -> None:
    """Take an attachment off the case (a tombstone; the contents stay while any attachment row refers to
    them). Sensitive ones only by users who may see them."""
    require(actor, Permission.CASE_EDIT)
    row, case = _load(uow, actor, attachment_id)
    _require_sensitive(actor, row)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError("该附件已被其他用户修改，请刷新后再移除。")
    row.deleted_at = utcnow()
    uow.flush()
    kind = parse_type(row.doc_type)
    name = "敏感材料" if row.sensitive else row.filename
    reason_text = (reason or "").strip()
    record_event(uow, actor, case, "attachment_removed",
           f"移除{kind.label}：{name}" + (f"（原因：{reason_text}）" if reason_text else ""),
           data={"attachment_id": row.id})
    audit.record(uow.s, actor, audit.Action.DELETE, entity="attachment", entity_id=row.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id, detail={"doc_type": row.doc_type, "reason": reason_text or None})
