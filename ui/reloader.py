"""Loading a screen's data off the UI thread, once at a time: a reload asked for while one runs runs once
more after it — not beside it (two answers arriving out of order) and not never (the screen would show
data older than the change that asked). However many requests arrive during one load, one more follows.

    self.loader = Reloader(session, self, load_queue, self._loaded, self._failed)
    self.loader.request()

`load` runs as `load(uow, actor, **params())` through `session.read` (`write=True` for an audited read);
`params` is called on the UI thread when a load starts, so it may read widgets. While the session is
locked (no actor) a request is dropped: the screen reloads when it is asked again after unlocking.
After a failure no further load follows (the failure is on screen; the next request tries again).
With `latest_only`, an answer overtaken by a request is not shown at all, only the next one (for loads
whose parameters — the unit chosen — may have changed meanwhile).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject

from .common.guard import while_alive

if TYPE_CHECKING:
    from .session import AppSession


class Reloader:
    def __init__(self, session: AppSession, owner: QObject, load: Callable[..., Any],
                 apply: Callable[[Any], Any], failed: Callable[[BaseException], Any],
                 params: Callable[[], dict[str, Any]] | None = None, write: bool = False,
                 latest_only: bool = False) -> None:
        self.session, self.owner = session, owner
        self.load, self.apply, self.failed, self.params, self.write = load, apply, failed, params, write
        self.latest_only = latest_only
        self.loading = False
        self.again = False
        self.started = 0
        """How many loads were started (tests count them)."""

    def request(self) -> None:
        """Load now, or once more after the load under way."""
        if self.session.actor is None:
            return
        if self.loading:
            self.again = True
            return
        self.loading = True
        self.started += 1
        params = self.params() if self.params is not None else {}
        run = self.session.write if self.write else self.session.read
        run(self.load, **params, on_done=while_alive(self.owner, self._loaded),
            on_error=while_alive(self.owner, self._failed))

    def _loaded(self, data: Any) -> None:
        self.loading = False
        if self.again and self.latest_only:
            self.again = False
            self.request()
            return
        try:
            self.apply(data)
        finally:
            if self.again:
                self.again = False
                self.request()

    def _failed(self, exc: BaseException) -> None:
        self.loading = self.again = False
        self.failed(exc)
