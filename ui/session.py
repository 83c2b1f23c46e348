"""The logged-in session: the open store, the acting user, and the way screens call services."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from fulian_desktop.security.actor import Actor
from fulian_desktop.security.live_session import ensure_live
from fulian_desktop.store.store import Store
from fulian_desktop.store.uow import ChangesSeen, collect_changes

from .changes import ChangeBus
from .i18n import tr
from .tasks import TaskRunner


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

    def _in_uow(self, write: bool, fn: Callable[..., Any], args: tuple[Any, ...],
                kwargs: dict[str, Any]) -> Callable[[], Any]:
        actor = self.actor
        store = self.store

        def work() -> Any:
            if actor is None:
                from fulian_desktop.domain.errors import AuthError

                raise AuthError(tr("已锁定，请重新登录。"))
            with store.uow(write=write) as uow:
                ensure_live(uow, actor)  # a disabled or changed account's session ends here, whatever it asks
                return fn(uow, actor, *args, **kwargs)

        return work

    def read(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> int:
        """Run `fn(uow, actor, *args)` in a read-only unit of work, off the UI thread."""
        return self.tasks.run(self._in_uow(False, fn, args, kwargs), on_done=on_done, on_error=on_error)

    def write(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> int:
        """Run `fn(uow, actor, *args)` in a write unit of work (committed as a whole), off the UI thread.

        What it changed is what the unit of work saw it write (store/written.py): once it committed and
        `on_done` ran, that is announced on `self.changes`, so every screen showing those records refreshes.
        The caller names nothing; an audited read (opening a case) writes only the audit trail and announces
        nothing; a failed write is rolled back and announces nothing."""
        return self.run_writes(self._in_uow(True, fn, args, kwargs), on_done=on_done, on_error=on_error)

    def run_writes(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
                   on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> int:
        """Run `fn(*args)` off the UI thread — work that opens its own write units of work (a sync import, files
        added one by one, each committed alone) — and announce once, after `on_done` or `on_error`, what the
        units it committed changed (those committed before a failure too). Takes `tasks.run`'s keywords."""
        seen = ChangesSeen()

        def observed(*a: Any, **kw: Any) -> Any:
            with collect_changes(seen):
                return fn(*a, **kw)

        def then_announce(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def deliver(payload: Any) -> None:
                try:
                    callback(payload)
                finally:
                    self.changes.announce(seen.changes)
            return deliver

        return self.tasks.run(observed, *args, on_done=then_announce(on_done or _ignore),
                              on_error=then_announce(on_error or _present), **kwargs)


def _ignore(_result: Any) -> None:
    pass


def _present(exc: BaseException) -> None:
    from .errors import present_error  # as the task runner does for work without an error handler

    present_error(None, exc)
