"""Counting by tier: one grouped SQL query per figure group, run for the period and for the year to date.

A `Tally` knows the units being reported on and the two time windows; each figure is a function
`(start, end) -> select(tier, [key,] value)` so the database does the counting and Python only
arranges a few dozen numbers into rows.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, and_, case, func, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

from ...domain.localtime import LOCAL_TZ
from ...store.models import Case, OrgUnit
from ...store.uow import UnitOfWork
from .statistics_views import COUNT, MONEY, RATE, TIER_KEYS, StatRow

Window = tuple[datetime, datetime]
Query = Callable[[datetime, datetime], Select]
# What a tally's counting calls found before the period, in call order: (call, figure keys, {figure: count}).
Ledger = list[tuple[str, tuple[Any, ...], dict[Any, int]]]


class EarlierMismatch(RuntimeError):
    """Kept counts that are not those of this report's counting calls (a programming error: the report counts
    afresh instead)."""


@dataclass(frozen=True)
class Cells:
    """A figure per tier for the period, and its year-to-date total."""

    tiers: dict[str, int]
    ytd: int

    @property
    def subtotal(self) -> int:
        return sum(self.tiers.values())

    def values(self) -> tuple[int, ...]:
        return (*(self.tiers.get(t, 0) for t in TIER_KEYS), self.subtotal, self.ytd)


ZERO = Cells({}, 0)


def day_bounds(date_from: date, date_to: date) -> Window:
    """Local calendar days, both ends included, as a half-open UTC-comparable window."""
    return (datetime.combine(date_from, time(), LOCAL_TZ),
            datetime.combine(date_to + timedelta(days=1), time(), LOCAL_TZ))


class Tally:
    """Queries select the owning unit (`owner_unit_id`) and the database groups by it; the unit's tier is
    looked up here (a record's tier is its owner's), so no query joins the org tree or the cases."""

    def __init__(self, uow: UnitOfWork, unit_ids: frozenset[str], date_from: date, date_to: date, *,
                 year_to_date: bool = True, earlier: Ledger | None = None, record: Ledger | None = None) -> None:
        """`year_to_date=False`: a caller that shows the period only (the dashboard) — the year's window is the
        period's, so no scan reaches back to 1 January; the `ytd` of every figure is then the period's total.

        `earlier`: what the same report's counting calls found from 1 January to the day before `date_from`
        (statistics_prefix): the counting calls then read the period only, and a figure's `ytd` is its period
        total plus its earlier total (the figures they count are events in a window, so the two add up). The
        figures that are not sums of events (the screening register's) count their windows themselves.
        `record`: a list that gets, in call order, what each counting call found before the period (its year to
        date less its period: the `earlier` of a later report of the same units and days)."""
        self.uow = uow
        self.unit_ids = sorted(unit_ids)
        self.date_from, self.date_to = date_from, date_to
        self.period = day_bounds(date_from, date_to)
        self.year = day_bounds(date(date_to.year, 1, 1), date_to) if year_to_date else self.period
        self.tier_of = dict(uow.s.execute(select(OrgUnit.id, OrgUnit.tier)).all())
        self.everything = set(self.unit_ids) >= set(self.tier_of)
        self.earlier = list(earlier) if earlier is not None and self.year != self.period else None
        self.record = record

    @property
    def span(self) -> Window:
        """The moments the counting calls read: the period when the year's earlier part is known (or is the
        period), else both windows."""
        if self.earlier is not None:
            return self.period
        return min(self.period[0], self.year[0]), max(self.period[1], self.year[1])

    @property
    def windows(self) -> tuple[Window, ...]:
        """The windows a counting statement counts (one when the year's earlier part is known)."""
        return (self.period,) if self.year == self.period or self.earlier is not None else (self.period, self.year)

    def _settle(self, call: str, keys: tuple[Any, ...], totals: dict[Any, int],
                period: dict[Any, dict[str, int]]) -> dict[Any, int]:
        """The year-to-date totals of one counting call (`period`: its period counts by tier): recorded for a
        later report, and with the earlier part added when it is known. A call that does not match the earlier
        ones (another report's) is refused."""
        if self.record is not None and self.earlier is None and self.year != self.period:
            # A key counted in the period and not before it is left out: a later report from the same day with a
            # shorter period (1 to 15 October after 1 to 31) must not show it (as a row of zeros).
            earlier = {key: n - sum(period.get(key, {}).values()) for key, n in totals.items()}
            self.record.append((call, keys, {key: n for key, n in earlier.items() if n or key not in period}))
        if self.earlier is None:
            return totals
        found_call, found_keys, before = self.earlier.pop(0) if self.earlier else ("", (), {})
        if (found_call, found_keys) != (call, keys):
            raise EarlierMismatch(f"the year's earlier counts do not match this report ({call} {keys})")
        return {key: totals.get(key, 0) + before.get(key, 0) for key in set(totals) | set(before)}

    def within(self, owner_column: Any) -> Any:
        """The scope condition: none when reporting on the whole tree (cheaper plans), else the subtree."""
        return true() if self.everything else owner_column.in_(self.unit_ids)

    @staticmethod
    def any_row(column: Any, *where: Any) -> Any:
        """EXISTS over rows of `column`'s table: it selects that column (not `*`), so SQLite can answer it from an
        index holding the column and the conditions' columns without reading the row."""
        return select(column).where(*where).exists()

    @staticmethod
    def live_case(case_id_column: Any) -> Any:
        """The record's case is not deleted (a lookup per record; on PostgreSQL, see `case_is`)."""
        return case_is(case_id_column, Case.deleted_at.is_(None), Case.deleted_at.is_not(None))

    # Date columns (effective_on, visited_on …) compare with local dates, not moments.
    @staticmethod
    def days(window: Window) -> tuple[date, date]:
        """(first day, last day) of a window built by day_bounds."""
        return window[0].date(), (window[1] - timedelta(days=1)).date()

    def _run(self, query: Query, window: Window) -> list[tuple]:
        return [tuple(r) for r in self.uow.s.execute(query(*window)).all()]

    def _both(self, query: Query) -> tuple[list[tuple], list[tuple]]:
        """The rows of the period and of the year to date (one query when one window is counted)."""
        period = self._run(query, self.period)
        return period, period if len(self.windows) == 1 else self._run(query, self.year)

    def cells(self, query: Query) -> Cells:
        """`query(start, end)` selects (owner unit, n) grouped by owner unit."""
        period: dict[str, int] = {}
        period_rows, year_rows = self._both(query)
        for unit, n in period_rows:
            tier = self.tier_of.get(unit, "")
            period[tier] = period.get(tier, 0) + int(n or 0)
        ytd = self._settle("cells", (), {None: sum(int(n or 0) for _unit, n in year_rows)}, {None: period})
        return Cells(period, ytd[None])

    def sums(self, owner, scope, figures: dict[str, Any], moment=None) -> dict[str, Cells]:  # noqa: ANN001
        """Several figures over the same rows in ONE pass for both windows. A figure is a condition, or
        (condition, value) to add a value (e.g. a head count) instead of 1; a condition may be a function of
        the window (start, end). With `moment`, a row counts in a window when its moment falls in it, and the
        scan is limited to the two windows; `scope` picks the rows (unit, not deleted …)."""
        def condition(figure: Any, window: Window):  # noqa: ANN202
            c = figure[0] if isinstance(figure, tuple) else figure
            c = c(*window) if callable(c) else c
            return c if moment is None else and_(moment >= window[0], moment < window[1], c)

        # When the year's window is the period's (year_to_date=False, or a period from 1 January), or the year's
        # earlier part is known, one set of sums.
        windows = self.windows
        columns = [func.sum(case((condition(f, w), f[1] if isinstance(f, tuple) else 1), else_=0))
                   for w in windows for f in figures.values()]
        where = scope
        if moment is not None:
            lo, hi = self.span
            where = and_(scope, moment >= lo, moment < hi)
        out: dict[str, dict[str, int]] = {key: {} for key in figures}
        ytd: dict[str, int] = dict.fromkeys(figures, 0)
        n = len(figures) if len(windows) == 2 else 0
        for unit, *values in self.uow.s.execute(select(owner, *columns).where(where).group_by(owner)).all():
            tier = self.tier_of.get(unit, "")
            for i, key in enumerate(figures):
                out[key][tier] = out[key].get(tier, 0) + int(values[i] or 0)
                ytd[key] += int(values[n + i] or 0)
        ytd = self._settle("sums", tuple(figures), ytd, out)
        return {key: Cells(out[key], ytd[key]) for key in figures}

    def grouped(self, query: Query) -> dict[Any, Cells]:
        """`query(start, end)` selects (owner unit, key, n) grouped by owner unit and key; with several key
        columns (owner unit, key 1, key 2, n) the key is the tuple of them."""
        def split(row: tuple) -> tuple[str, Any, Any]:
            unit, *key, n = row
            return unit, key[0] if len(key) == 1 else tuple(key), n

        period: dict[Any, dict[str, int]] = {}
        period_rows = self._run(query, self.period)
        if len(self.windows) == 1:
            year_rows = period_rows
        else:
            # The year to date is one total per key: summed by the database, not returned per unit.
            rows = query(*self.year).subquery()
            unit_column, *key_columns, n_column = rows.c
            year_rows = [(None, *r) for r in self.uow.s.execute(
                select(*key_columns, func.sum(n_column)).group_by(*key_columns)).all()]
        for unit, key, n in map(split, period_rows):
            tier = self.tier_of.get(unit, "")
            period.setdefault(key, {})[tier] = period.get(key, {}).get(tier, 0) + int(n or 0)
        ytd: dict[Any, int] = {}
        for _unit, key, n in map(split, year_rows):
            ytd[key] = ytd.get(key, 0) + int(n or 0)
        ytd = self._settle("grouped", (), ytd, period)
        return {key: Cells(period.get(key, {}), ytd.get(key, 0)) for key in set(period) | set(ytd)}


class _CaseIs(ColumnElement[bool]):
    """See `case_is`."""

    type = Boolean()
    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement),
                           ("wanted", InternalTraversal.dp_clauseelement),
                           ("unwanted", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: Any, wanted: Any, unwanted: Any) -> None:
        self.column, self.wanted, self.unwanted = column, wanted, unwanted


def case_is(case_id_column: Any, wanted: Any, unwanted: Any) -> Any:
    """The record's case (by key) is as `wanted` (a condition on Case); `unwanted` is its exact complement.

    SQLite looks each record's case up by key. PostgreSQL runs that lookup per row of the report's year to date
    (tens of thousands of index probes in one statement); there the key is checked against the few cases that
    are `unwanted` instead (deleted, still open), read once through a partial index of migration 0025 and
    hashed. The same rows: a record's case always exists (foreign key)."""
    return _CaseIs(case_id_column, wanted, unwanted)


@compiles(_CaseIs)
def _case_is_by_key(element: _CaseIs, compiler: Any, **kw: Any) -> str:
    # Selecting the key (not `*`): SQLite answers from an index holding the key and the condition's columns.
    return compiler.process(select(Case.id).where(Case.id == element.column, element.wanted).exists(), **kw)


@compiles(_CaseIs, "postgresql")
def _case_is_not_unwanted(element: _CaseIs, compiler: Any, **kw: Any) -> str:
    # Values written into the statement: the partial index is used only when its condition is seen to hold,
    # which a plan kept for any parameter values cannot see.
    condition = and_(element.column.is_not(None), element.column.not_in(select(Case.id).where(element.unwanted)))
    return compiler.process(condition.self_group(), **{**kw, "literal_binds": True})


def count_row(key: str, label: str, cells: Cells, *, group: str = "", unit: str = "件") -> StatRow:
    return StatRow(key, label, cells.values(), COUNT, group, unit)


def money_row(key: str, label: str, cells: Cells, *, group: str = "") -> StatRow:
    """A sum of money: the cells hold 分, the row shows 元 with two decimals."""
    return StatRow(key, label, cells.values(), MONEY, group, "元")


def rate_row(key: str, label: str, numerator: Cells, denominator: Cells, *, group: str = "") -> StatRow:
    num, den = numerator.values(), denominator.values()
    return StatRow(key, label, tuple(n / d if d else None for n, d in zip(num, den)), RATE, group, "%")


def category_rows(prefix: str, group: str, order: Iterable[str], found: dict[str | None, Cells], *,
                  unit: str = "件", other: str = "未分类") -> list[StatRow]:
    """A row per category in the prescribed order (zeros included), then any unlisted value, then blanks."""
    rows = [count_row(f"{prefix}:{name}", name, found.get(name, ZERO), group=group, unit=unit) for name in order]
    known = set(order)
    for name in sorted(k for k in found if k is not None and k not in known):
        rows.append(count_row(f"{prefix}:{name}", name, found[name], group=group, unit=unit))
    if None in found:
        rows.append(count_row(f"{prefix}:", other, found[None], group=group, unit=unit))
    return rows


def add(*cells: Cells) -> Cells:
    tiers: dict[str, int] = {}
    for c in cells:
        for tier, n in c.tiers.items():
            tiers[tier] = tiers.get(tier, 0) + n
    return Cells(tiers, sum(c.ytd for c in cells))
