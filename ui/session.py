"""The logged-in session: the open store, the acting user, and the way screens call services."""
from __future__ import annotations

from typing import Any, Callable, Union

from PySide6.QtCore import QObject, Signal

from fulian_desktop.domain.changes import Changes
from fulian_desktop.security.actor import Actor
from fulian_desktop.security.live_session import ensure_live
from fulian_desktop.store.store import Store

from .changes import ChangeBus
from .i18n import tr
from .tasks import TaskRunner

ChangesOf = Union[Changes, Callable[[Any], Changes], None]
"""What a write changes: declared at the call site, or computed from what the service returned."""


class AppSession(QObject):
    sig_actor_changed = Signal(object)
    """(Actor | None) — None when the session is locked or logged out."""

    def __init__(self, store: Store, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.actor: Actor | None = None
        self.changes = ChangeBus(self)
        """The one bus on which writes announce what they changed (see ui/changes.py)."""

    def set_actor(self, actor: Actor | None) -> None:
        self.actor = actor
        self.sig_actor_changed.emit(actor)

    def _call(self, write: bool, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None,
              on_error: Callable[[BaseException], None] | None, **kwargs: Any) -> int:
        actor = self.actor
        store = self.store

        def work(**extra: Any) -> Any:
            if actor is None:
                from fulian_desktop.domain.errors import AuthError

                raise AuthError(tr("已锁定，请重新登录。"))
            with store.uow(write=write) as uow:
                ensure_live(uow, actor)  # a disabled or changed account's session ends here, whatever it asks
                return fn(uow, actor, *args, **kwargs, **extra)

        return self.tasks.run(work, on_done=on_done, on_error=on_error)

    def read(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> int:
        """Run `fn(uow, actor, *args)` in a read-only unit of work, off the UI thread."""
        return self._call(False, fn, *args, on_done=on_done, on_error=on_error, **kwargs)

    def write(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None, changes: ChangesOf = None,
              **kwargs: Any) -> int:
        """Run `fn(uow, actor, *args)` in a write unit of work (committed as a whole).

        `changes` says what the write changes (a `Changes`, or a function of the service's result for a
        write whose effect depends on it); after it committed and `on_done` ran, it is announced on
        `self.changes` so every screen showing those records refreshes. Without it nothing is announced:
        an audited read (opening a case) is a write that changes nothing a screen shows."""
        if changes is None:
            return self._call(True, fn, *args, on_done=on_done, on_error=on_error, **kwargs)

        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                self.changes.announce(changes(result) if callable(changes) else changes)

        return self._call(True, fn, *args, on_done=done, on_error=on_error, **kwargs)
