"""The tasks the running clocks yield: every open clock of an open case in scope, with its countdown (and a task's
clock, such as a mandatory report still owed, whatever became of its case).

Overdue first, then due today, then by due time. One query for the clocks with their cases and units,
plus the calendar: no per-case queries.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from ...domain.clocks import ClockKind, ClockStatus
from ...domain.periods import Deadline
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.base import utcnow
from ...store.models import Case, CaseClock, OrgUnit
from ...store.uow import UnitOfWork
from ...access.case_rows import scoped
from ..clocks.clocks import TASK_CLOCKS, clock_view, load_calendar, open_case_statuses


@dataclass(frozen=True)
class ClockTask:
    clock_id: str
    case_id: str
    case_no: str
    title: str
    unit_name: str
    kind: ClockKind
    label: str           # the clock's Chinese name, e.g. 信访告知
    due: Deadline
    status: ClockStatus
    countdown: str       # “剩 2 天（2025-06-18 到期）”, “今天到期”, “已超期 3 天”, plus any unknown-calendar note
    paused: bool

    @property
    def due_at(self) -> datetime:
        return self.due.due_at


_ORDER = {ClockStatus.OVERDUE: 0, ClockStatus.DUE_TODAY: 1}


def clock_tasks(uow: UnitOfWork, actor: Actor, *, mine_only: bool = False,
                now: datetime | None = None) -> list[ClockTask]:
    """Every running clock of an open case the actor may see; `mine_only`: cases the actor handles."""
    require(actor, Permission.CASE_READ)
    stmt = (select(CaseClock, Case.case_no, Case.title, OrgUnit.name)
            .join(Case, Case.id == CaseClock.case_id)
            .join(OrgUnit, OrgUnit.id == Case.owner_unit_id)
            .where(CaseClock.stopped_at.is_(None), CaseClock.deleted_at.is_(None),
                   or_(Case.status.in_(open_case_statuses()),
                       CaseClock.kind.in_([k.value for k in TASK_CLOCKS]))))
    stmt = scoped(actor, stmt)
    if mine_only:
        if actor.user_id is None:
            return []
        stmt = stmt.where(Case.handler_id == actor.user_id)
    rows = uow.s.execute(stmt).all()
    if not rows:
        return []
    cal, now = load_calendar(uow), now or utcnow()
    tasks = []
    for clock, case_no, title, unit_name in rows:
        view = clock_view(clock, cal, now)
        tasks.append(ClockTask(clock_id=clock.id, case_id=clock.case_id, case_no=case_no, title=title,
                               unit_name=unit_name, kind=view.kind, label=view.label, due=view.deadline,
                               status=view.status, countdown=view.countdown, paused=view.paused))
    tasks.sort(key=lambda t: (_ORDER.get(t.status, 2), t.due_at, t.case_no))
    return tasks
