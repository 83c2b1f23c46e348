"""Exchange through a folder (a USB drive carried between the station and the district): import every
bundle in it addressed to this station, then write the outgoing bundle there.

Import comes first, so the bundle written afterwards already acknowledges what was just received (the
referral accepted at the station is confirmed back in the same trip). Each bundle is still imported whole
or not at all; a damaged, foreign or tampered file is reported by name and changes nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..domain.errors import FulianError, ValidationError
from ..security.actor import Actor
from ..security.private_files import write_private
from ..store.store import Store
from .bundle import check_size, parse
from .exchange import ExportResult, ImportResult, export_bundle, import_bundle, require_sync
from .identity import identity
from .stations import station_name

SUFFIX = ".fsync"


@dataclass(frozen=True)
class FileOutcome:
    name: str
    message: str


@dataclass
class FolderExchange:
    """What one exchange did: bundles imported, skipped (already here) and refused, and the one written."""

    imported: list[ImportResult] = field(default_factory=list)
    skipped: list[FileOutcome] = field(default_factory=list)
    refused: list[FileOutcome] = field(default_factory=list)
    others: int = 0                    # bundles for other stations, left where they are
    written: list[tuple[str, ExportResult]] = field(default_factory=list)

    @property
    def records_in(self) -> int:
        return sum(sum(v for k, v in r.counts.items() if not k.startswith(("older:", "ref:")) and k != "conflicts")
                   for r in self.imported)

    @property
    def records_out(self) -> int:
        return sum(r.records for _n, r in self.written)

    @property
    def conflicts(self) -> int:
        return sum(r.conflicts for r in self.imported)

    def summary(self) -> str:
        lines = [f"收到 {len(self.imported)} 个同步包，写入 {self.records_in} 条记录；"
                 f"发出 {len(self.written)} 个同步包，{self.records_out} 条记录。"]
        if self.conflicts:
            lines.append(f"发现 {self.conflicts} 处冲突，请到“同步冲突”页处理。")
        if self.skipped:
            lines.append(f"{len(self.skipped)} 个同步包以前已导入过，已跳过。")
        for bad in self.refused:
            lines.append(f"未导入 {bad.name}：{bad.message}")
        if self.others:
            lines.append(f"文件夹中另有 {self.others} 个发给其他站点的同步包，未作改动。")
        return "\n".join(lines)


def bundle_name(sender: str, receiver: str, bundle_id: str) -> str:
    """A file name that says who it is for (read at the other end) and never overwrites an earlier one."""
    def clean(text: str) -> str:
        return re.sub(r'[\\/:*?"<>|\s]+', "_", text)[:40] or "站点"
    return f"{clean(sender)}至{clean(receiver)}_{bundle_id[:8]}{SUFFIX}"


def _addressed(data: bytes) -> tuple[str, tuple[int, int]]:
    """(receiver station, sort key) from the header, read before any check (only to sort and to sieve).
    Oldest start first; of two with the same start the fuller one, so the other is then skipped as contained."""
    header = parse(data).header
    receiver = header.get("receiver_station")
    start, end = header.get("from_seq"), header.get("to_seq")
    start = start if isinstance(start, int) else 0
    end = end if isinstance(end, int) else 0
    return (receiver if isinstance(receiver, str) else ""), (start, -end)


def exchange_folder(store: Store, actor: Actor, folder: Path, unit: str | None = None,
                    progress: Callable[[int, int], Any] | None = None) -> FolderExchange:
    """Import every bundle in `folder` for this station (oldest first), then write one for the station of
    `unit` (default: the only one registered) into the same folder."""
    require_sync(actor)
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(f"找不到文件夹 {folder}。请插好U盘后重新选择。", field="folder")
    with store.uow() as uow:
        ident = identity(uow)
        me = ident.station_id if ident is not None else ""
    result = FolderExchange()
    mine: list[tuple[tuple[int, int], Path, bytes]] = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            check_size(path.stat().st_size)
            data = path.read_bytes()
            receiver, seq = _addressed(data)
        except FulianError as exc:
            result.refused.append(FileOutcome(path.name, exc.message))
            continue
        except OSError as exc:
            result.refused.append(FileOutcome(path.name, f"无法读取：{exc.strerror}"))
            continue
        if receiver != me:
            result.others += 1
            continue
        mine.append((seq, path, data))
    mine.sort(key=lambda item: (item[0], item[1].name))
    for _seq, path, data in mine:
        try:
            done = import_bundle(store, actor, data, progress)
        except FulianError as exc:
            result.refused.append(FileOutcome(path.name, exc.message))
            continue
        if done.applied:
            result.imported.append(done)
        else:
            result.skipped.append(FileOutcome(path.name, done.message))
    data, sent = export_bundle(store, actor, unit, progress)
    with store.uow() as uow:
        ident = identity(uow)
        sender = station_name(uow, ident.unit_id) if ident is not None else ""
    name = bundle_name(sender, sent.receiver, sent.bundle_id)
    try:
        write_private(folder / name, data)
    except OSError as exc:
        raise ValidationError(f"无法写入 {folder}：{exc.strerror}。请检查U盘是否写保护或已满。已导入的同步包不受影响。",
                              field="folder") from exc
    result.written.append((name, sent))
    return result
