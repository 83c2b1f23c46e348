"""Statutory clocks for the demo's cases, as the workflow would have started them: running on open cases, and
stopped on the petitions whose acceptance was decided or which were closed (the report's 及时受理率 and 按期办结率
are measured on them)."""
from __future__ import annotations

from typing import Callable

from sqlalchemy import Connection, exists, func, select

from fulian_desktop.domain.clocks import RULES, ClockKind, ClockState, due
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


_DECISIONS = tuple(f"status_{t.value}" for t in (Transition.ACCEPT, Transition.REJECT, Transition.TRANSFER))


def add_petition_clocks(conn: Connection, new_id: Callable[[], str]) -> int:
    """The stopped clocks of the petitions' history: 信访告知 from registration to the first decision (受理, 不予受理
    or 转办), 信访办结 from acceptance to the closure. Run after ``add_clocks`` (a kind already there is left)."""
    c, e, k = Case.__table__, CaseEvent.__table__, CaseClock.__table__
    decided = (select(e.c.case_id, func.min(e.c.occurred_at).label("at"))
               .where(e.c.kind.in_(_DECISIONS)).group_by(e.c.case_id).subquery())
    accepted = (select(e.c.case_id, func.max(e.c.occurred_at).label("at"))
                .where(e.c.kind == f"status_{Transition.ACCEPT.value}").group_by(e.c.case_id).subquery())

    def has(kind: ClockKind):  # noqa: ANN202
        return exists().where(k.c.case_id == c.c.id, k.c.kind == kind.value)

    rows = conn.execute(
        select(c.c.id, c.c.opened_at, c.c.closed_at, c.c.status, c.c.owner_unit_id, decided.c.at, accepted.c.at,
               has(ClockKind.PETITION_ACCEPTANCE), has(ClockKind.PETITION_CONCLUSION))
        .join(decided, decided.c.case_id == c.c.id).outerjoin(accepted, accepted.c.case_id == c.c.id)
        .where(c.c.kind == CaseKind.PETITION.value).order_by(c.c.opened_at, c.c.id)).all()
    cal = WorkCalendar()
    deadlines: dict = {}
    clocks = []

    def clock(case_id: str, unit_id: str, kind: ClockKind, started, stopped, note: str) -> None:  # noqa: ANN001
        start = local_date(started)
        if (kind, start) not in deadlines:
            deadlines[kind, start] = due(ClockState(kind, start), cal).due_at
        clocks.append({"id": new_id(), "created_at": started, "updated_at": stopped, "version": 1,
                       "deleted_at": None, "owner_unit_id": unit_id, "case_id": case_id, "kind": kind.value,
                       "started_at": started, "urgent": False, "paused_since": None, "paused_days": 0,
                       "extended_days": 0, "due_at": deadlines[kind, start], "stopped_at": stopped,
                       "stop_note": note, "due_override_at": None})

    for case_id, opened_at, closed_at, status, unit_id, decided_at, accept_at, has_acceptance, has_conclusion in rows:
        if not has_acceptance:
            clock(case_id, unit_id, ClockKind.PETITION_ACCEPTANCE, opened_at, decided_at, "受理决定")
        if accept_at is not None and closed_at is not None and status == CaseStatus.CLOSED.value \
                and not has_conclusion:
            clock(case_id, unit_id, ClockKind.PETITION_CONCLUSION, accept_at, closed_at, Transition.CLOSE.label)
    for i in range(0, len(clocks), 5000):
        conn.execute(k.insert(), clocks[i:i + 5000])
    return len(clocks)
