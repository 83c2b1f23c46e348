"""When this data folder's store was last backed up and last verified (the reminder reads it)."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ..domain import clock
from ..domain.localtime import to_local
from ..store.paths import StorePaths

REMIND_AFTER = timedelta(days=7)


@dataclass(frozen=True)
class BackupStatus:
    last_backup_at: datetime | None
    last_verified_at: datetime | None
    last_file: str | None
    overdue: bool

    @property
    def message(self) -> str:
        if self.last_verified_at is None:
            return "此数据存储还没有经过校验的备份。请尽快备份（系统设置 → 备份）。"
        days = (clock.now_utc() - self.last_verified_at).days
        return f"上次经过校验的备份是 {days} 天前（{to_local(self.last_verified_at):%Y-%m-%d}）。请尽快备份。"


def _read(paths: StorePaths) -> dict:
    try:
        return json.loads(paths.backup_log.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def record(paths: StorePaths | None, store_id: str, event: str, file: Path, at: datetime) -> None:
    """event: 'backup' or 'verified'. Only for this folder's own store."""
    if paths is None:
        return
    data = _read(paths)
    if data.get("store_id") not in (None, store_id):
        data = {}
    data["store_id"] = store_id
    data[f"last_{event}_at"] = at.astimezone(timezone.utc).isoformat()
    data["last_file"] = str(file)
    paths.backups.mkdir(exist_ok=True, mode=0o700)
    tmp = paths.backup_log.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, paths.backup_log)


def backup_status(paths: StorePaths, store_id: str, now: datetime | None = None) -> BackupStatus:
    data = _read(paths)
    if data.get("store_id") != store_id:
        data = {}

    def when(key: str) -> datetime | None:
        try:
            return datetime.fromisoformat(data[key]) if data.get(key) else None
        except ValueError:
            return None

    verified = when("last_verified_at")
    now = now or clock.now_utc()
    return BackupStatus(when("last_backup_at"), verified, data.get("last_file"),
                        overdue=verified is None or now - verified > REMIND_AFTER)
