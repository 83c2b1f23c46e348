"""The supervisor's dashboard: figures for a unit's subtree over a date range, each bar able to name the cases
behind it (`drill_filter` gives the case list's filter).

Counted with grouped SQL: cases opened in the range by month, category and tier; statutory clocks started in the
range, met (stopped by the deadline) or missed (stopped late, or still running past it); the current risk level
of cases opened in the range (their latest assessment); agency referrals sent in the range by agency, with the
median time until the agency answered (computed over those referrals' two moments).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, true
from sqlalchemy.orm import aliased

from ...domain.clocks import ClockKind
from ...domain.enums import Tier
from ...domain.errors import PermissionDenied, ValidationError
from ...domain.referral_rules import AgencyType
from ...domain.risk import RiskLevel
from ...security.actor import Actor
from ...security.permissions import Permission, can, require, require_scope
from ...store.base import utcnow
from ...store.models import Case, CaseClock, OrgUnit, Referral, RiskAssessment
from ...store.uow import UnitOfWork
from ..cases.case_queries import CaseFilter
from ..accounts.orgunits import subtree_ids
from .dashboard_kpis import case_select, kpi_counts
from .dashboard_period import same_period_last_year
from .statistics_petition_kpis import FIGURES
from .statistics_tally import day_bounds

UNCLASSIFIED = "未分类"


@dataclass(frozen=True)
class Drill:
    """What a bar stands for: `kind` month | category | tier | clock_met | clock_missed | risk | agency."""

    kind: str
    value: str
    unit_id: str
    date_from: date
    date_to: date


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    drill: Drill | None = None
    extra: str = ""   # shown beside the value (e.g. "中位 2.5 天")


@dataclass(frozen=True)
class DashboardData:
    unit_id: str
    unit_name: str
    date_from: date
    date_to: date
    total_cases: int
    by_month: tuple[Bar, ...]
    by_category: tuple[Bar, ...]
    by_tier: tuple[Bar, ...]
    clocks_met: tuple[Bar, ...]       # per clock kind, same order as clocks_missed
    clocks_missed: tuple[Bar, ...]
    risk_levels: tuple[Bar, ...]
    referrals: tuple[Bar, ...]        # per agency type: count, extra = median response time
    response_days: tuple[Bar, ...]    # per agency type: median days until the agency answered (-1: none answered yet)
    kpis: tuple[Bar, ...] = ()        # the petition KPI figures (label: the report's row key), see dashboard_kpis


@dataclass(frozen=True)
class Compared:
    """A period's figures and those of the same period a year earlier (`last_year`)."""

    current: DashboardData
    last_year: DashboardData


def require_dashboard(uow: UnitOfWork, actor: Actor, unit_id: str | None) -> OrgUnit:
    require(actor, Permission.CASE_READ)
    if not (actor.is_system or can(actor, Permission.CASE_APPROVE)):
        raise PermissionDenied("统计看板由督导查看。", code="no_permission")
    unit = uow.s.get(OrgUnit, unit_id or actor.unit_id)
    if unit is None:
        raise PermissionDenied("所选单位不存在或不在您的管辖范围内。", code="out_of_scope")
    require_scope(actor, unit.id, "所选单位")
    return unit


def _months(date_from: date, date_to: date) -> list[tuple[int, int]]:
    out, y, m = [], date_from.year, date_from.month
    while (y, m) <= (date_to.year, date_to.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def dashboard(uow: UnitOfWork, actor: Actor, date_from: date, date_to: date, *,
              unit_id: str | None = None, now: datetime | None = None) -> DashboardData:
    if date_to < date_from:
        raise ValidationError("结束日期早于开始日期。", field="period")
    unit = require_dashboard(uow, actor, unit_id)
    units = sorted(subtree_ids(uow.s, unit.id))
    start, end = day_bounds(date_from, date_to)
    now = now or utcnow()
    s = uow.s
    # The whole tree (the district's view): no unit condition, so the plans go by the dates' indexes.
    everything = set(units) >= set(s.execute(select(OrgUnit.id)).scalars())

    def within(column: Any) -> Any:
        return true() if everything else column.in_(units)

    def drill(kind: str, value: str) -> Drill:
        return Drill(kind, value, unit.id, date_from, date_to)

    in_range = and_(Case.deleted_at.is_(None), within(Case.owner_unit_id), Case.opened_at >= start,
                    Case.opened_at < end)
    # Months in local time: SQL sees UTC moments, so the month is taken from the local date in Python
    # over (opened_at) grouped by day — at most a few hundred distinct days.
    local_day = (func.date(Case.opened_at, "+8 hours") if s.bind.dialect.name == "sqlite"
                 else func.date(func.timezone("Asia/Shanghai", Case.opened_at)))
    # One pass over the range's cases gives the month, category and tier charts (a few thousand groups at most).
    months: dict[tuple[int, int], int] = {}
    categories: dict[str | None, int] = {}
    tiers: dict[str, int] = {}
    for day, category, tier, n in s.execute(
            select(local_day, Case.category, Case.tier, func.count(Case.id)).where(in_range)
            .group_by(local_day, Case.category, Case.tier)).all():
        d = day if isinstance(day, date) else date.fromisoformat(str(day))
        months[(d.year, d.month)] = months.get((d.year, d.month), 0) + n
        categories[category] = categories.get(category, 0) + n
        tiers[tier] = tiers.get(tier, 0) + n
    by_month = tuple(Bar(f"{y}-{m:02d}", months.get((y, m), 0), drill("month", f"{y}-{m:02d}"))
                     for y, m in _months(date_from, date_to))
    cats = sorted(categories.items(), key=lambda item: (-item[1], item[0] or "\uffff"))
    by_category = tuple(Bar(c or UNCLASSIFIED, n, drill("category", c) if c else None) for c, n in cats)
    by_tier = tuple(Bar(t.label, tiers.get(t.value, 0), drill("tier", t.value)) for t in Tier)

    met, missed = {}, {}
    for kind, ok, n in s.execute(select(CaseClock.kind, _clock_met(), func.count(CaseClock.id))
                                 .where(_clock_scope(within, start, end), _clock_decided(now))
                                 .group_by(CaseClock.kind, _clock_met())).all():
        (met if ok else missed)[kind] = n
    kinds = [k for k in ClockKind if k.value in met or k.value in missed]
    clocks_met = tuple(Bar(k.label, met.get(k.value, 0), drill("clock_met", k.value)) for k in kinds)
    clocks_missed = tuple(Bar(k.label, missed.get(k.value, 0), drill("clock_missed", k.value)) for k in kinds)

    # From the assessments' side (they are few beside the cases): each case's latest one, picked here. (No
    # GROUP BY over a correlated subquery either: PostgreSQL refuses one repeated in the select list.)
    latest: dict[str, tuple] = {}
    for case_id, level, at, created in s.execute(
            select(RiskAssessment.case_id, RiskAssessment.final_level, RiskAssessment.assessed_at,
                   RiskAssessment.created_at)
            .where(RiskAssessment.deleted_at.is_(None),
                   exists().where(Case.id == RiskAssessment.case_id, in_range))).all():
        if case_id not in latest or (at, created) > latest[case_id][1:]:
            latest[case_id] = (level, at, created)
    levels: dict[str, int] = {}
    for level, _at, _created in latest.values():
        levels[level] = levels.get(level, 0) + 1
    risk_levels = tuple(Bar(f"{lv.label}风险", levels.get(lv.value, 0), drill("risk", lv.value))
                        for lv in (RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW))

    # From the referrals' side (few beside the cases), each one's case looked up by key.
    rows = s.execute(select(Referral.agency_type, Referral.sent_at, Referral.responded_at)
                     .where(_agency_referrals(start, end),
                            exists().where(Case.id == Referral.case_id, Case.deleted_at.is_(None),
                                           within(Case.owner_unit_id)))).all()
    counts: dict[str, int] = {}
    waits: dict[str, list[float]] = {}
    for agency, sent, answered in rows:
        counts[agency] = counts.get(agency, 0) + 1
        if answered is not None and sent is not None:
            waits.setdefault(agency, []).append((answered - sent).total_seconds() / 86400)
    agencies = [a for a in AgencyType if a.value in counts]
    referrals = tuple(Bar(a.label, counts[a.value], drill("agency", a.value),
                          f"中位 {median(waits[a.value]):.1f} 天" if a.value in waits else "未答复")
                      for a in agencies)
    response = tuple(Bar(a.label, round(median(waits[a.value]), 1) if a.value in waits else -1.0,
                         drill("agency", a.value)) for a in agencies)
    total = sum(tiers.values())
    kpis = tuple(Bar(key, n, drill("kpi", key)) for key, n in kpi_counts(uow, frozenset(units), date_from,
                                                                          date_to).items())
    return DashboardData(unit.id, unit.name, date_from, date_to, total, by_month, by_category, by_tier,
                         clocks_met, clocks_missed, risk_levels, referrals, response, kpis)


def compared(uow: UnitOfWork, actor: Actor, date_from: date, date_to: date, *,
             unit_id: str | None = None, now: datetime | None = None) -> Compared:
    """The period's figures beside those of the same days a year earlier (去年同期)."""
    last_from, last_to = same_period_last_year(date_from, date_to)
    return Compared(dashboard(uow, actor, date_from, date_to, unit_id=unit_id, now=now),
                    dashboard(uow, actor, last_from, last_to, unit_id=unit_id, now=now))


def kpi_case_ids(uow: UnitOfWork, actor: Actor, date_from: date, date_to: date, *,
                 unit_id: str | None = None) -> dict[str, list[str]]:
    """For each petition KPI figure (the report's row keys: accept_decided, accept_timely, concluded, …) the ids
    of the cases behind it, newest first, within the actor's scope (who may: as the dashboard)."""
    unit = require_dashboard(uow, actor, unit_id)
    units = frozenset(subtree_ids(uow.s, unit.id))
    out = {}
    for figure in FIGURES:
        ids = case_select(actor, units, figure, date_from, date_to)
        out[figure] = list(uow.s.execute(select(Case.id).where(Case.id.in_(ids))
                                         .order_by(Case.opened_at.desc(), Case.id.desc())).scalars())
    return out


def _clock_due():  # noqa: ANN202
    return func.coalesce(CaseClock.due_override_at, CaseClock.due_at)


def _clock_met():  # noqa: ANN202
    return and_(CaseClock.stopped_at.is_not(None), CaseClock.stopped_at <= _clock_due())


def _clock_decided(now: datetime):  # noqa: ANN202
    """Stopped (in time or late), or still running past its deadline; running clocks not yet due are left out."""
    return and_(_clock_due().is_not(None), or_(CaseClock.stopped_at.is_not(None), _clock_due() < now))


def _clock_scope(within: Callable[[Any], Any], start: datetime, end: datetime):  # noqa: ANN202
    return and_(CaseClock.deleted_at.is_(None), within(CaseClock.owner_unit_id), CaseClock.started_at >= start,
                CaseClock.started_at < end)


def _latest_level(case=Case):  # noqa: ANN001, ANN202
    return (select(RiskAssessment.final_level)
            .where(RiskAssessment.case_id == case.id, RiskAssessment.deleted_at.is_(None))
            .order_by(RiskAssessment.assessed_at.desc(), RiskAssessment.created_at.desc()).limit(1)
            .correlate(case).scalar_subquery())


def _agency_referrals(start: datetime, end: datetime):  # noqa: ANN202
    return and_(Referral.deleted_at.is_(None), Referral.kind == "agency", Referral.sent_at >= start,
                Referral.sent_at < end)


def _agency_scope(units: list[str], start: datetime, end: datetime, case=Case):  # noqa: ANN001, ANN202
    return and_(_agency_referrals(start, end), case.deleted_at.is_(None), case.owner_unit_id.in_(units))


def drill_filter(uow: UnitOfWork, actor: Actor, d: Drill, now: datetime | None = None) -> CaseFilter:
    """The case list's filter for the cases behind one bar."""
    require_dashboard(uow, actor, d.unit_id)
    units = subtree_ids(uow.s, d.unit_id)
    start, end = day_bounds(d.date_from, d.date_to)
    base: dict[str, Any] = {"unit_ids": units, "opened_from": start, "opened_to": end}
    if d.kind == "month":
        y, m = (int(x) for x in d.value.split("-"))
        first = max(date(y, m, 1), d.date_from)
        last = min(date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1), d.date_to)
        base["opened_from"], base["opened_to"] = day_bounds(first, last)
        return CaseFilter(**base)
    if d.kind == "category":
        return CaseFilter(**base, category=d.value)
    if d.kind == "kpi":
        return CaseFilter(unit_ids=units, case_ids_in=case_select(actor, units, d.value, d.date_from, d.date_to))
    if d.kind == "tier":
        return CaseFilter(**base, tiers=frozenset({d.value}))
    if d.kind == "risk":
        inner = aliased(Case)  # not the list's own case_file: the subquery must not correlate to it
        ids: Select = select(inner.id).where(_latest_level(inner) == d.value)
        return CaseFilter(**base, case_ids_in=ids)
    sorted_units = sorted(units)
    if d.kind in ("clock_met", "clock_missed"):
        met = _clock_met()
        ids = select(CaseClock.case_id).where(_clock_scope(lambda c: c.in_(sorted_units), start, end),
                                              CaseClock.kind == d.value,
                                              _clock_decided(now or utcnow()),
                                              met if d.kind == "clock_met" else ~met)
        return CaseFilter(unit_ids=units, case_ids_in=ids)
    if d.kind == "agency":
        inner = aliased(Case)
        ids = (select(Referral.case_id).join(inner, inner.id == Referral.case_id)
               .where(_agency_scope(sorted_units, start, end, inner), Referral.agency_type == d.value))
        return CaseFilter(unit_ids=units, case_ids_in=ids)
    raise ValidationError(f"未知的看板项目：{d.kind}", field="drill")


def describe(d: Drill) -> str:
    """A caption for the drilled-down list."""
    what = {"month": "登记月份", "category": "类别", "tier": "层级", "clock_met": "按时完成的时限",
            "clock_missed": "超期的时限", "risk": "当前风险等级", "agency": "转介部门", "kpi": "信访指标"}.get(d.kind, d.kind)
    value = d.value
    if d.kind == "tier":
        value = Tier(d.value).label
    elif d.kind in ("clock_met", "clock_missed"):
        value = ClockKind(d.value).label
    elif d.kind == "risk":
        value = RiskLevel(d.value).label
    elif d.kind == "agency":
        value = AgencyType(d.value).label
    return f"{what}：{value}（{d.date_from.isoformat()} 至 {d.date_to.isoformat()}）"


__all__ = ["Bar", "Compared", "DashboardData", "Drill", "dashboard", "compared", "drill_filter", "describe",
           "kpi_case_ids"]
