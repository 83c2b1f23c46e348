"""The one bus on which a write announces what it changed, and every screen showing it refreshes.

Nobody declares what a write changes: the write unit of work the service ran in saw which rows it wrote
(fulian_desktop/store/written.py) and says so as a `Changes`. Once the write has committed, the session
(`session.write`, or `session.run_writes` for work that commits several units, like a sync import) announces
it here, after the caller's own `on_done` (as Anki's operations run their success callback before
`operation_did_execute`). A screen does not connect to a signal and filter names:

    session.changes.subscribe(self, {"case"}, self.refresh)

and is called whenever one of its kinds changed. Subscriptions end with their owner: a closed case tab
or a replaced page is dropped at the next announcement and never called once its widget is gone
(`while_alive`). `sig_changed` carries every announcement too, for tests and the odd observer.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, Signal

from fulian_desktop.domain.changes import Changes, check_kinds

from .common.guard import while_alive

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Subscription:
    owner: QObject
    kinds: frozenset[str]
    refresh: Callable[[], Any]
    case_id: str | None = None


class ChangeBus(QObject):
    sig_changed = Signal(object)
    """(Changes) — a write succeeded and changed these kinds of record (emitted after the subscribers ran)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.subscriptions: list[Subscription] = []

    def subscribe(self, owner: QObject, kinds: Iterable[str], refresh: Callable[[], Any],
                  case_id: str | None = None) -> Subscription:
        """Call `refresh()` whenever one of `kinds` changes, for as long as `owner` lives. With `case_id`, only
        when that case may be among those changed (a page of one case)."""
        subscription = Subscription(owner, check_kinds(kinds), while_alive(owner, refresh), case_id)
        self.subscriptions.append(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        if subscription in self.subscriptions:
            self.subscriptions.remove(subscription)

    def announce(self, changes: Changes) -> None:
        """Deliver `changes` to every live subscriber that shows one of its kinds, in subscription order."""
        if not changes:
            return
        self.subscriptions = [s for s in self.subscriptions if shiboken6.isValid(s.owner)]
        for subscription in list(self.subscriptions):
            if subscription in self.subscriptions and changes.touches(subscription.kinds, subscription.case_id):
                try:
                    subscription.refresh()
                except Exception:  # one screen's failure must not keep the others stale (as with Qt's slots)
                    log.exception("refresh after %s failed", sorted(changes.kinds()))
        self.sig_changed.emit(changes)

    def listeners(self, kind: str) -> list[QObject]:
        """The live owners subscribed to `kind` (for tests and for the record of who listens to what)."""
        return [s.owner for s in self.subscriptions if kind in s.kinds and shiboken6.isValid(s.owner)]
