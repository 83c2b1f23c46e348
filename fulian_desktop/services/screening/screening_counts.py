"""Screening figures for the monthly statistics: screening_counts (see ``screening``)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from ...domain.errors import ValidationError
from ...domain.localtime import LOCAL_TZ
from ...domain.screening_rules import EntryStatus, RiskLevel, is_overdue
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.models import Case, ScreeningEntry, ScreeningVisit
from ...store.uow import UnitOfWork
from .screening_views import scoped_entries, today_or, resolved_on

COUNT_LABELS: dict[str, str] = {
    "screened": "排查户数", "new_entries": "新增登记", "visits": "走访次数", "on_register": "期内在册户数",
    "risk_total": "风险户数（期末）", "resolved": "化解数", "resolved_rate": "化解率", "cases_opened": "转为案件",
    "key_persons": "重点人员（期末）", "overdue_now": "当前逾期未走访",
}


def _bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    if date_to < date_from:
        raise ValidationError("统计时段的结束日期早于开始日期。", field="period")
    return (datetime.combine(date_from, time(), LOCAL_TZ),
            datetime.combine(date_to + timedelta(days=1), time(), LOCAL_TZ))


def screening_counts(uow: UnitOfWork, actor: Actor, date_from: date, date_to: date, *,
                     unit_id: str | None = None, today: date | None = None) -> dict[str, Any]:
    """The screening figures for the monthly report, within the actor's scope (or `unit_id`'s subtree).

    The period is local calendar days, both ends included. Counted:
    - screened (排查户数): entries registered in the period or with a visit dated in it;
      new_entries: registered in it; visits: visits dated in it;
    - at the end of the period (registered by then and not yet resolved, 已转案件 included):
      risk_by_level, the level then being the last visit's on or before the end date, else the
      entry's present level; key_persons: distinct persons linked to those entries;
    - resolved (化解数): entries resolved in the period; resolved_rate = resolved / on_register,
      on_register (期内在册) being the entries registered by the end and not resolved before the start;
    - cases_opened: entries whose case was opened in the period;
    - overdue_now: 在册 entries whose visit is late on `today` (default: today), whatever the period.
    """
    require(actor, Permission.CASE_READ)
    start, end = _bounds(date_from, date_to)
    s = uow.s
    entries = list(s.execute(scoped_entries(actor, select(ScreeningEntry), unit_id, uow)).scalars())
    ids = [e.id for e in entries]
    visits: dict[str, list[tuple[date, str]]] = {}
    if ids:
        for entry_id, day, level in s.execute(
                select(ScreeningVisit.entry_id, ScreeningVisit.visited_on, ScreeningVisit.risk_level)
                .where(ScreeningVisit.entry_id.in_(ids), ScreeningVisit.deleted_at.is_(None))
                .order_by(ScreeningVisit.visited_on, ScreeningVisit.created_at)):
            visits.setdefault(entry_id, []).append((day, level))
    case_ids = sorted({e.case_id for e in entries if e.case_id})
    opened = dict(s.execute(select(Case.id, Case.opened_at).where(Case.id.in_(case_ids))).all()) if case_ids else {}


    screened = new_entries = visit_count = on_register = resolved = cases_opened = 0
    by_level = {level.value: 0 for level in RiskLevel}
    key_persons: set[str] = set()
    for e in entries:
        mine = visits.get(e.id, [])
        in_period = [(d, lv) for d, lv in mine if date_from <= d <= date_to]
        created_in = start <= e.created_at < end
        new_entries += created_in
        visit_count += len(in_period)
        screened += bool(created_in or in_period)
        done = resolved_on(e)
        if e.created_at < end and (done is None or done >= date_from):
            on_register += 1
        if done is not None and date_from <= done <= date_to:
            resolved += 1
        if e.case_id and e.case_id in opened and start <= opened[e.case_id] < end:
            cases_opened += 1
        if e.created_at < end and (done is None or done > date_to):
            before_end = [lv for d, lv in mine if d <= date_to]
            by_level[before_end[-1] if before_end else e.risk_level] += 1
            if e.person_id:
                key_persons.add(e.person_id)
    day = today_or(today)
    overdue_now = sum(1 for e in entries if e.status == EntryStatus.ACTIVE.value and is_overdue(e.next_visit_due, day))
    rate = resolved / on_register if on_register else None
    return {
        "period": {"from": date_from.isoformat(), "to": date_to.isoformat()},
        "screened": screened, "new_entries": new_entries, "visits": visit_count, "on_register": on_register,
        "risk_by_level": {code: {"label": RiskLevel(code).label, "count": n} for code, n in by_level.items()},
        "risk_total": sum(by_level.values()),
        "resolved": resolved, "resolved_rate": rate,
        "resolved_rate_text": f"{rate * 100:.1f}%" if rate is not None else "—",
        "cases_opened": cases_opened, "key_persons": len(key_persons), "overdue_now": overdue_now,
        "labels": dict(COUNT_LABELS),
    }
