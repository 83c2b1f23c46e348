"""`fulian audit verify --against BACKUP|BUNDLE|server`: does this store's audit chain still extend a
checkpoint it signed earlier, one that has since been kept outside the store?

A backup's manifest and a bundle's header each carry the signed head at the time they were made; the
district keeps every checkpoint its stations sent. With a backup the comparison can go entry by entry
(the backup holds the old chain), so the first changed or missing entry is named exactly.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..backup import container
from ..domain.errors import NotFound, ValidationError
from ..domain.localtime import format_local
from ..security.checkpoint import AnchorReport, Checkpoint, first_difference, verify_extends
from ..store.models import AuditEntry
from ..store.store import Store
from ..sync import anchors
from ..sync.bundle import MAGIC, parse
from ..sync.identity import identity

_ZIP = b"PK\x03\x04"
_READ_LIMIT = 1 << 31   # a bundle is read whole to check its framing; anything larger is no bundle of ours


@dataclass(frozen=True)
class AnchorCheck:
    report: AnchorReport
    source: str                         # where the checkpoint was kept, in Chinese
    first_changed_seq: int | None       # the first entry changed or missing since, when it can be told
    first_changed_at: str = ""


@dataclass(frozen=True)
class FoundCheckpoint:
    checkpoint: Checkpoint
    source: str
    backup: Path | None = None          # a backup also holds the old chain itself


def checkpoint_in_file(path: Path) -> FoundCheckpoint:
    """The checkpoint a backup or a bundle carries. Refuses other files and ones made without one."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            start = fh.read(len(MAGIC))
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path}：{exc.strerror}") from exc
    if start.startswith(_ZIP):
        manifest = container.read_manifest(path)
        raw = manifest.get(container.CHECKPOINT)
        if raw is None:
            raise ValidationError(f"备份 {path.name} 没有审计检查点（由较早版本的程序生成），无法据此校验。",
                                  code="no_checkpoint")
        return FoundCheckpoint(Checkpoint.from_dict(raw), f"备份 {path.name}（创建于 {manifest.get('created_at', '')[:19]}）",
                               path)
    if start == MAGIC:
        if path.stat().st_size > _READ_LIMIT:
            raise ValidationError(f"文件 {path.name} 过大，不是幸福号的同步包。")
        header = parse(path.read_bytes()).header
        found = anchors.header_checkpoint(header)
        if found is None:
            raise ValidationError(f"同步包 {path.name} 没有审计检查点（由较早版本的程序生成），无法据此校验。",
                                  code="no_checkpoint")
        receiver = header.get("receiver_name")
        name = receiver if isinstance(receiver, str) else "对方站点"
        return FoundCheckpoint(found, f"发往{name[:60]}的同步包 {path.name}")
    raise ValidationError(f"无法识别文件 {path.name}：既不是幸福号的备份，也不是同步包。", code="not_anchor_source")


def checkpoint_at_district(server: Store, station_id: str) -> FoundCheckpoint:
    """The latest checkpoint of this station the district keeps (the one its chain must extend)."""
    with server.uow() as uow:
        kept = anchors.kept_checkpoint(uow, station_id)
    if kept is None:
        raise NotFound("区服务器上没有本站的审计检查点（本站尚未用新版本程序同步过）。", code="no_checkpoint")
    return FoundCheckpoint(kept, "区服务器保存的本站最新检查点")


def station_id(store: Store) -> str | None:
    with store.uow() as uow:
        ident = identity(uow)
        found = ident.station_id if ident else None
    return found


def verify_against(store: Store, found: FoundCheckpoint, *, backup_key: bytes | None = None) -> AnchorCheck:
    """`backup_key`: with it, a backup's old chain is opened to name the first changed or missing entry."""
    with store.uow() as uow:
        report = verify_extends(uow.s, found.checkpoint, public_key=anchors.own_public_key(uow),
                                store_id=store.store_id)
    first, when = report.first_bad_seq, ""
    if not report.ok and found.backup is not None and backup_key is not None and found.checkpoint.seq:
        try:
            old = _backup_chain(found.backup, backup_key, found.checkpoint.seq)
        except Exception:  # noqa: BLE001 - naming the entry is a bonus: the verdict stands without it
            old = []
        if old:
            with store.uow() as uow:
                first = first_difference(uow.s, ((s, h) for s, h, _a in old)) or first
            when = next((format_local(datetime.fromisoformat(a)) for s, _h, a in old if s == first), "")
    return AnchorCheck(report, found.source, first, when)


def _backup_chain(path: Path, key: bytes, upto: int) -> list[tuple[int, str, str]]:
    """(seq, hash, written at) of the backup's own audit entries up to `upto`."""
    from ..backup.service import open_backup_engine

    with tempfile.TemporaryDirectory(prefix="fulian-anchor-") as tmp:
        engine = open_backup_engine(path, key, Path(tmp))
        try:
            with Session(bind=engine) as session:
                return [(s, h, a.isoformat()) for s, h, a in session.execute(
                    select(AuditEntry.seq, AuditEntry.hash, AuditEntry.at)
                    .where(AuditEntry.seq <= upto).order_by(AuditEntry.seq))]
        finally:
            engine.dispose()
