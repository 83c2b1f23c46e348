"""Runs one action on a case (a workflow step, a clock, a referral …) and tells the page to reload.

Every panel of the case screen goes through one `ActionRunner`: it opens the action's dialog
(kept as `runner.dialog` while open, for tests), runs the service off the UI thread, shows errors
through `present_error`, and after success or failure emits `sig_changed` so the page reloads
header and tabs; on success the session announces what the write changed (as its unit of work saw it)
so every other screen showing those records refreshes.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from ..errors import present_error
from ..session import AppSession
from .guard import while_alive


class ActionRunner(QObject):
    sig_changed = Signal(str)
    """(notice) — an action finished (notice is a short Chinese sentence, "" after a failure); reload."""
    sig_busy = Signal(bool)
    """True while an action is being saved (buttons stay disabled)."""

    def __init__(self, session: AppSession, owner: QWidget, case_id: str | None = None) -> None:
        super().__init__(owner)
        self.session = session
        self.owner = owner
        self.case_id = case_id
        """The case the actions act on (None: a list of many cases)."""
        self.busy = False
        self.dialog: QDialog | None = None

    def open_dialog(self, dialog: QDialog, on_accept: Callable[[], None]) -> QDialog:
        """Show `dialog` (window-modal, not blocking); `on_accept` runs when the user confirms it."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def write(self, fn: Callable[..., Any], *args: Any, notice: str = "", **kwargs: Any) -> bool:
        """Run `fn(uow, actor, *args, **kwargs)` in a write unit of work. False when another action runs."""
        if self.busy:
            return False
        self._set_busy(True)
        self.session.write(fn, *args, on_done=while_alive(self.owner, lambda _result: self._done(notice)),
                           on_error=while_alive(self.owner, self._failed), **kwargs)
        return True

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.sig_busy.emit(busy)

    def _done(self, notice: str) -> None:
        self._set_busy(False)
        self.sig_changed.emit(notice)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        present_error(self.owner, exc)
        self.sig_changed.emit("")  # someone else may have acted first: show what is there now
