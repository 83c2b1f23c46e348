"""Automatic sync with the district server: at start (after login) and every N minutes (the station setting
`sync_auto_minutes`; 0: never), in the background, never while another sync runs, never a dialog.

A quiet label in the status bar says where it stands (同步中… / 上次同步 HH:MM（中国时间） / 未能连接区平台（将于
HH:MM 重试）); the message of a failure is its tooltip and is shown on the 站点同步 page. A sync that wrote
anything here announces it on the change bus, so the screens showing it refresh."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from fulian_desktop.domain import clock
from fulian_desktop.domain.changes import Changes
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.store import Store
from fulian_desktop.store.uow import ChangesSeen, collect_changes
from fulian_desktop.sync.direct import DirectResult, ServerSettings, ServerUnreachable, server_settings, sync_with_server

from ..errors import error_text
from ..i18n import tr
from ..session import AppSession
from ..tasks import TaskRunner
from .sync_gate import gate_for


def _read_settings(uow, _actor) -> ServerSettings:  # noqa: ANN001
    return server_settings(uow)


def _sync(store: Store, url: str) -> tuple[DirectResult, Changes]:
    """The station itself syncs (audited as 密钥持有人（自动同步）): whoever is logged in, her role need not
    include syncing, and she sees nothing more for it. Returns what the units of work it committed changed."""
    seen = ChangesSeen()
    with collect_changes(seen):
        result = sync_with_server(store, system_actor(store, "自动同步"), url)
    return result, seen.changes


class AutoSync(QObject):
    sig_finished = Signal(object)
    """(DirectResult | exception | None) — an automatic sync ended (None: skipped, another sync was running)."""

    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.gate = gate_for(session.store)
        self.url = ""
        self.minutes = 0
        self.loaded = False
        self.runner = TaskRunner(self)   # its own thread: no "正在处理…" and no pool slot taken from the screens
        self.runner.pool.setMaxThreadCount(1)
        self.timer = QTimer(self, objectName="auto_sync_timer")
        self.timer.timeout.connect(self.tick)
        self.label = QLabel(objectName="sync_state")
        self.label.setContentsMargins(10, 0, 10, 0)
        self.label.setStyleSheet("color:#555")
        self.label.hide()
        self.gate.sig_changed.connect(self._show)
        session.changes.subscribe(self, {"settings"}, self.reload)

    def attach(self, window: QMainWindow) -> None:
        window.statusBar().insertPermanentWidget(0, self.label)

    def start(self) -> None:
        """At start, after login: read the settings, then sync once at once and every N minutes."""
        self.reload(sync_now=True)

    def reload(self, sync_now: bool = False) -> None:
        self.session.read(_read_settings, on_done=lambda found: self._configured(found, sync_now),
                          on_error=lambda exc: None)   # not logged in (locked): the next start reads them

    def _configured(self, found: ServerSettings, sync_now: bool) -> None:
        self.loaded = True
        changed = (found.url, found.minutes) != (self.url, self.minutes)
        self.url, self.minutes = found.url, found.minutes
        if not self.enabled():
            self.timer.stop()
            self.gate.set_next_try(None)
        elif changed or not self.timer.isActive():
            self.timer.start(self.minutes * 60_000)
            self.gate.set_next_try(clock.now_utc() + timedelta(minutes=self.minutes))
        self._show()
        if sync_now and self.enabled():
            self.tick()

    def enabled(self) -> bool:
        return bool(self.url) and self.minutes > 0

    def tick(self) -> None:
        """The timer's slot: one sync in the background, unless it is off, nobody is logged in, or another
        sync is under way (then the next tick tries again)."""
        if not self.enabled() or self.session.actor is None or not self.gate.claim():
            self.sig_finished.emit(None)
            return
        self.gate.set_next_try(clock.now_utc() + timedelta(minutes=self.minutes))
        self.runner.run(_sync, self.session.store, self.url, on_done=self._done, on_error=self._failed)

    def _done(self, found: tuple[DirectResult, Changes]) -> None:
        result, changed = found
        self.gate.finish_ok()
        self.session.changes.announce(changed)
        self.sig_finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.gate.finish_failed(error_text(exc, tr("同步时发生意外错误，未完成；详细信息已记入日志。")), unreachable=isinstance(exc, ServerUnreachable))
        self.sig_finished.emit(exc)

    def _show(self) -> None:
        text = self.gate.status_text() if self.url else ""
        self.label.setText(text)
        self.label.setToolTip(self.gate.last_error)
        self.label.setVisible(bool(text))

    def stop(self) -> None:
        """The window closes: no further tick, and the running sync finishes before the store is closed."""
        self.timer.stop()
        self.runner.wait_idle(60_000)
