"""Statutory clocks for the demo's open cases, as the workflow would have started them."""
from __future__ import annotations

from typing import Callable

from sqlalchemy import Connection, exists, func, select

from fulian_desktop.domain.clocks import RULES, ClockState, due
from fulian_desktop.domain.enums import CaseKind, CaseStatus
from fulian_desktop.domain.localtime import local_date
from fulian_desktop.domain.workcalendar import WorkCalendar
from fulian_desktop.domain.workflow import Transition
from fulian_desktop.services.clocks.clocks import _STARTS
from fulian_desktop.store.models import Case, CaseClock, CaseEvent

# The clocks the workflow starts; the work's own (orders, agreements) are written with the work.
_STATUS_KINDS = sorted({kind.value for kinds in _STARTS.values() for kind in kinds})
_OPEN = (CaseStatus.REGISTERED, CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS, CaseStatus.PENDING_CLOSURE)


def add_clocks(conn: Connection, new_id: Callable[[], str]) -> int:
    """Start the workflow clocks of every open case that has none of them yet: a registered case runs the clocks that
    start on registration, an accepted one those that start on acceptance (from the accept event)."""
    c, e, k = Case.__table__, CaseEvent.__table__, CaseClock.__table__
    accepted_at = (select(e.c.case_id, func.max(e.c.occurred_at).label("at"))
                   .where(e.c.kind == f"status_{Transition.ACCEPT.value}").group_by(e.c.case_id).subquery())
    rows = conn.execute(
        select(c.c.id, c.c.kind, c.c.status, c.c.opened_at, c.c.owner_unit_id, accepted_at.c.at)
        .outerjoin(accepted_at, accepted_at.c.case_id == c.c.id)
        .where(c.c.status.in_([s.value for s in _OPEN]),
               ~exists().where(k.c.case_id == c.c.id, k.c.kind.in_(_STATUS_KINDS)))
        .order_by(c.c.opened_at, c.c.id)).all()
    cal = WorkCalendar()
    deadlines: dict = {}
    clocks = []
    for case_id, kind, status, opened_at, unit_id, accept_at in rows:
        registered = status == CaseStatus.REGISTERED.value
        step = None if registered else Transition.ACCEPT
        started = opened_at if registered else (accept_at or opened_at)
        for clock_kind in _STARTS.get((step, CaseKind(kind)), ()):
            start = started if RULES[clock_kind].unit == "hours" else local_date(started)
            key = (clock_kind, start)
            if key not in deadlines:  # the working-day calendar is slow: once per kind and day
                deadlines[key] = due(ClockState(clock_kind, start), cal).due_at
            clocks.append({"id": new_id(), "created_at": started, "updated_at": started, "version": 1,
                           "deleted_at": None, "owner_unit_id": unit_id, "case_id": case_id,
                           "kind": clock_kind.value, "started_at": started, "urgent": False, "paused_since": None,
                           "paused_days": 0, "extended_days": 0,
                           "due_at": deadlines[key],
                           "stopped_at": None, "stop_note": None})
    for i in range(0, len(clocks), 5000):
        conn.execute(k.insert(), clocks[i:i + 5000])
    return len(clocks)
