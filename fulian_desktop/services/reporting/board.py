"""Who below has reported for a month and who is late, the reminder on a supervisor's home page, and the
consolidated report: the sum of the accepted reports beside the live figures of the same units.

A report is due by a configurable day of the following month (setting `report_due_day`, default the 5th, China
time); after that day a unit without a submitted report is 逾期未报 (a returned one not yet resubmitted too).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from ...domain import clock
from ...domain.errors import ValidationError
from ...domain.unit_reports import (
    NOT_YET_LABEL, OVERDUE_LABEL, STATUS_LABELS, ReportStatus, due_date, is_overdue, period_of, period_text,
)
from ...security.actor import Actor
from ...security.permissions import Permission, require, require_scope
from ...store.models import OrgUnit
from ...store.models_reports import UnitReport
from ...store.uow import UnitOfWork
from ..accounts import settings
from ..statistics.statistics import build_report
from ..statistics.statistics_checks import RATES
from ..statistics.statistics_views import COUNT, RATE, StatRow, previous_month
from .reports import month_of
from .signing import signature_ok

DUE_DAY_KEY = "report_due_day"
SIGNED_COLUMNS = ("station_id", "owner_unit_id", "signature", "period", "submission_no", "figures", "submitted_by",
                  "submitted_at")


def due_day(uow: UnitOfWork) -> int:
    return int(settings.get(uow, DUE_DAY_KEY))


def due_date_of(uow: UnitOfWork, period: str) -> date:
    """The last day to submit the month's report, as this store's setting says."""
    return due_date(period, due_day(uow))


def default_period(today: date | None = None) -> str:
    """The month reported now: the last whole month."""
    return period_of(previous_month(today or clock.today_local())[0])


@dataclass(frozen=True)
class BoardRow:
    """One unit below the viewer, for a month."""

    unit_id: str
    unit_name: str
    parent_name: str
    tier: str
    status: str                  # submitted | returned | accepted | overdue | not_yet
    label: str                   # 已提交 / 已退回 / 已通过 / 逾期未报 / 未报
    report_id: str | None
    version: int
    submission_no: int
    submitted_at: datetime | None
    return_reason: str | None
    reviewable: bool             # the viewer's unit is the one that reviews it
    figures: dict[str, Any] | None = None    # the frozen figures as submitted


def board(uow: UnitOfWork, actor: Actor, period: str) -> list[BoardRow]:
    """Every unit below the actor's unit, in tree order, with its report's state for the month."""
    require(actor, Permission.CASE_APPROVE)
    month_of(period)
    units = {u.id: u for u in uow.s.execute(select(OrgUnit).where(OrgUnit.deleted_at.is_(None))).scalars()}
    mine = actor.unit_id
    below = [u for u in units.values() if u.id != mine and actor.in_scope(u.id) and u.parent_id is not None]
    reports = {r.owner_unit_id: r for r in uow.s.execute(select(UnitReport).where(
        UnitReport.period == period, UnitReport.deleted_at.is_(None))).scalars()}
    late = is_overdue(period, clock.today_local(), due_day(uow))

    def order(u: OrgUnit) -> tuple[str, int, str]:
        parent = units.get(u.parent_id or "")
        top = u if parent is None or parent.id == mine or parent.parent_id is None else parent
        return (f"{top.sort_order:05d}{top.name}", 0 if top is u else 1, f"{u.sort_order:05d}{u.name}")

    rows = []
    for u in sorted(below, key=order):
        r = reports.get(u.id)
        if r is None or (r.status == ReportStatus.RETURNED and late):
            status = "overdue" if late else ("returned" if r is not None else "not_yet")
        else:
            status = r.status
        label = {"overdue": OVERDUE_LABEL, "not_yet": NOT_YET_LABEL}.get(status) or \
            STATUS_LABELS[ReportStatus(status)]
        parent = units.get(u.parent_id or "")
        rows.append(BoardRow(u.id, u.name, parent.name if parent is not None else "", u.tier, status, label,
                             r.id if r else None, r.version if r else 0, r.submission_no if r else 0,
                             r.submitted_at if r else None, r.return_reason if r else None,
                             u.parent_id == mine, dict(r.figures) if r and isinstance(r.figures, dict) else None))
    return rows


@dataclass(frozen=True)
class Reminder:
    """What a supervisor's home page says about last month's reports."""

    period: str
    due: date
    own_status: str | None       # the actor's own unit: draft (not yet) | submitted | returned | accepted; None: district
    own_reason: str | None
    to_review: int               # reports of the units directly below, waiting for this unit's review
    overdue: int                 # units below that are late
    overdue_names: tuple[str, ...]
    own_late: bool = False       # the own report is past its due day and not submitted

    @property
    def needed(self) -> bool:
        return self.own_status in (ReportStatus.DRAFT, ReportStatus.RETURNED) or self.to_review > 0 or self.overdue > 0


def reminder(uow: UnitOfWork, actor: Actor) -> Reminder:
    require(actor, Permission.CASE_APPROVE)
    period = default_period()
    own = uow.s.get(OrgUnit, actor.unit_id)
    own_status, own_reason = None, None
    if own is not None and own.parent_id is not None:
        row = uow.s.execute(select(UnitReport).where(UnitReport.owner_unit_id == own.id, UnitReport.period == period,
                                                     UnitReport.deleted_at.is_(None))).scalar_one_or_none()
        own_status = row.status if row is not None else ReportStatus.DRAFT.value
        own_reason = row.return_reason if row is not None and row.status == ReportStatus.RETURNED else None
    rows = board(uow, actor, period)
    late = [r.unit_name for r in rows if r.status == "overdue"]
    waiting = sum(1 for r in rows if r.reviewable and r.status == ReportStatus.SUBMITTED)
    own_late = own_status in (ReportStatus.DRAFT, ReportStatus.RETURNED) and \
        is_overdue(period, clock.today_local(), due_day(uow))
    return Reminder(period, due_date(period, due_day(uow)), own_status, own_reason, waiting, len(late), tuple(late),
                    own_late)


@dataclass(frozen=True)
class ConsolidatedLine:
    section_key: str
    section: str
    key: str
    label: str
    kind: str
    unit: str
    reported: int | float | None     # the sum of the accepted reports (a rate: worked out from its parts)
    live: int | float | None         # the same units' live figures now
    difference: int | float | None   # reported − live (None for rates and where either is missing)


@dataclass(frozen=True)
class Consolidated:
    unit_name: str
    period: str
    included: tuple[str, ...]        # units whose accepted reports are summed
    missing: tuple[str, ...]         # units below without an accepted report
    lines: tuple[ConsolidatedLine, ...]

    @property
    def differences(self) -> tuple[ConsolidatedLine, ...]:
        return tuple(line for line in self.lines if line.difference not in (None, 0))


def consolidated(uow: UnitOfWork, actor: Actor, period: str, unit_id: str | None = None) -> Consolidated:
    """The accepted reports of every unit below, summed line by line (each checked against its station's
    signature first: a tampered figure stops the consolidation, naming the unit), beside the live figures of the
    same units."""
    require(actor, Permission.CASE_APPROVE)
    top = uow.s.get(OrgUnit, unit_id or actor.unit_id)
    if top is None:
        raise ValidationError("所选单位不存在。")
    require_scope(actor, top.id, "所选单位")
    first, last = month_of(period)
    names = {u.id: u.name for u in uow.s.execute(select(OrgUnit).where(OrgUnit.deleted_at.is_(None))).scalars()}
    below = [r for r in board(uow, actor, period)]
    accepted = {r.owner_unit_id: r for r in uow.s.execute(select(UnitReport).where(
        UnitReport.period == period, UnitReport.status == ReportStatus.ACCEPTED.value,
        UnitReport.deleted_at.is_(None))).scalars() if r.owner_unit_id in {b.unit_id for b in below}}
    conn = uow.s.connection()
    for uid, row in accepted.items():
        if not signature_ok(conn, {c: getattr(row, c) for c in SIGNED_COLUMNS}):
            name = names.get(uid, uid)
            raise ValidationError(f"{name}的{period_text(period)}报表，统计数字与该站点的签名不符（提交后"
                                  "被改动过），汇总已停止。请与该单位核实，由其重新报送。")
    live = build_report(uow, top.id, top.name, frozenset(accepted), first, last)
    lines = []
    # Rates cannot be summed: the consolidated rate is worked out again from its numerator and denominator rows.
    for s in live.sections:
        sums: dict[str, int | float | None] = {}
        for r in s.rows:
            if r.kind == COUNT:
                sums[r.key] = sum(_subtotal(rep.figures, s.key, r.key) for rep in accepted.values())
        for r in s.rows:
            reported = sums.get(r.key) if r.kind == COUNT else _rate(sums, RATES.get(s.key, {}).get(r.key))
            now = r.value("subtotal")
            diff = reported - now if r.kind == COUNT and reported is not None and now is not None else None
            if r.kind == RATE and reported is not None and now is not None and abs(reported - now) > 1e-9:
                diff = reported - now
            lines.append(ConsolidatedLine(s.key, s.title, r.key, _label(r), r.kind, r.unit, reported, now, diff))
    return Consolidated(top.name, period, tuple(names[u] for u in accepted),
                        tuple(b.unit_name for b in below if b.unit_id not in accepted), tuple(lines))


def _label(r: StatRow) -> str:
    return f"{r.group}：{r.label}" if r.group else r.label


def _subtotal(figures: dict[str, Any], section: str, key: str) -> int | float:
    values = (figures.get(section) or {}).get(key)
    value = values[3] if isinstance(values, list) and len(values) == 5 else None
    return value if isinstance(value, (int, float)) else 0


def _rate(sums: dict[str, int | float | None], parts: tuple[tuple[str, ...], str] | None) -> float | None:
    if parts is None:
        return None
    numerator = sum(sums.get(k) or 0 for k in parts[0])
    denominator = sums.get(parts[1]) or 0
    return numerator / denominator if denominator else None


__all__ = ["board", "reminder", "consolidated", "default_period", "due_day", "RATE", "COUNT"]
