"""One sync at a time per store, and what the last one did: shared by the 交换 button and the automatic sync.

Both run on the UI thread's say-so: `claim()` before starting (False: another sync is under way, try later),
`finish_ok()` / `finish_failed()` when it ends. The status bar label and the 站点同步 page read the state
from here and refresh on `sig_changed`."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from fulian_desktop.domain import clock
from fulian_desktop.domain.changes import Changes
from fulian_desktop.domain.localtime import to_local
from fulian_desktop.store.store import Store

from ..i18n import tr

SYNC_IMPORTED = Changes(case=True, party=True, attachments=True, sync=True)
"""An imported bundle may touch any case, party or file here, and may bring conflicts to resolve."""


def hh_mm(moment: datetime) -> str:
    return to_local(moment).strftime("%H:%M")


class SyncGate(QObject):
    sig_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.running = False
        self.last_ok: datetime | None = None
        self.last_error = ""          # the message of the last failed sync ("" after a success)
        self.unreachable = False      # the last failure was the district server not answering
        self.next_try: datetime | None = None

    def claim(self) -> bool:
        if self.running:
            return False
        self.running = True
        self.sig_changed.emit()
        return True

    def finish_ok(self) -> None:
        self.running, self.last_ok, self.last_error, self.unreachable = False, clock.now_utc(), "", False
        self.sig_changed.emit()

    def finish_failed(self, message: str, *, unreachable: bool) -> None:
        self.running, self.last_error, self.unreachable = False, message, unreachable
        self.sig_changed.emit()

    def release(self) -> None:
        """Ended without a result to report (cancelled before it started)."""
        self.running = False
        self.sig_changed.emit()

    def set_next_try(self, moment: datetime | None) -> None:
        self.next_try = moment
        self.sig_changed.emit()

    def status_text(self) -> str:
        """The quiet status bar line: 同步中… / 上次同步 HH:MM（中国时间） / 未能连接区平台（将于 HH:MM 重试）."""
        if self.running:
            return tr("同步中…")
        if self.last_error:
            retry = tr("（将于 {time} 重试）").format(time=hh_mm(self.next_try)) if self.next_try else ""
            return (tr("未能连接区平台") if self.unreachable else tr("同步未完成")) + retry
        if self.last_ok is not None:
            return tr("上次同步 {time}（中国时间）").format(time=hh_mm(self.last_ok))
        return ""


_gates: dict[str, SyncGate] = {}


def gate_for(store: Store) -> SyncGate:
    """The gate of this store (one per process: the old and the new window after 切换用户 share it)."""
    gate = _gates.get(store.store_id)
    if gate is None:
        gate = _gates[store.store_id] = SyncGate()
    return gate


def forget_gates() -> None:
    """For tests: every store starts with no sync run."""
    _gates.clear()
