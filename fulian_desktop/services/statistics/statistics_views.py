"""The monthly report's shape: sections of rows, each row one figure per tier column.

Kept apart from the queries (``statistics``) so the PDF and the workbook import only this.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...domain.enums import Tier
from ...domain.money import yuan_text

# district / town / village / subtotal / year to date (the subtotal of every tier, 1 January to the end date).
COLUMN_KEYS: tuple[str, ...] = (Tier.DISTRICT.value, Tier.TOWN.value, Tier.VILLAGE.value, "subtotal", "ytd")
COLUMN_LABELS: tuple[str, ...] = ("区级", "街镇", "村（社区）", "小计", "本年累计")
TIER_KEYS: tuple[str, ...] = COLUMN_KEYS[:3]

COUNT, RATE, MONEY = "count", "rate", "money"   # MONEY: whole 分, shown as 元


@dataclass(frozen=True)
class StatRow:
    """One line of a section. `values` follow COLUMN_KEYS; a rate is a fraction (0..1) or None (no denominator)."""

    key: str
    label: str
    values: tuple[int | float | None, ...]
    kind: str = COUNT
    group: str = ""      # the row group's heading ("按纠纷类型" …), repeated on each of its rows
    unit: str = "件"      # 件 / 人 / 户 / 次 / % (shown in the unit column)

    def value(self, column: str) -> int | float | None:
        return self.values[COLUMN_KEYS.index(column)]

    def text(self, column: str) -> str:
        return format_value(self.value(column), self.kind)


@dataclass(frozen=True)
class StatSection:
    key: str
    title: str
    rows: tuple[StatRow, ...]
    notes: tuple[str, ...] = ()  # how the figures are counted, printed under the table

    def row(self, key: str) -> StatRow:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)


@dataclass(frozen=True)
class MonthlyReport:
    unit_id: str
    unit_name: str
    date_from: date
    date_to: date
    sections: tuple[StatSection, ...]

    @property
    def title(self) -> str:
        return f"{self.unit_name}维权服务与婚姻家庭矛盾纠纷调处工作统计表"

    @property
    def period_text(self) -> str:
        f, t = self.date_from, self.date_to
        if f.day == 1 and f.year == t.year and f.month == t.month and _month_end(t) == t:
            return f"{f.year}年{f.month}月"
        return f"{f.year}年{f.month}月{f.day}日至{t.year}年{t.month}月{t.day}日"

    def section(self, key: str) -> StatSection:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def figure(self, section: str, row: str, column: str = "subtotal") -> int | float | None:
        return self.section(section).row(row).value(column)


def format_value(value: int | float | None, kind: str = COUNT) -> str:
    if value is None:
        return "—"
    if kind == RATE:
        return f"{value * 100:.1f}%"
    if kind == MONEY:
        return yuan_text(int(value))
    return str(int(value))


def _month_end(day: date) -> date:
    nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def month_bounds(day: date) -> tuple[date, date]:
    """The calendar month holding `day`: (first day, last day)."""
    return day.replace(day=1), _month_end(day)


def previous_month(today: date) -> tuple[date, date]:
    """The month reported by default: the last whole month before `today`."""
    first = today.replace(day=1)
    return month_bounds(date.fromordinal(first.toordinal() - 1))
