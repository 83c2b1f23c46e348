"""Working days in China: the official calendar, including make-up working days (调休).

A statutory period whose last day is a 法定休假日 moves to the next working day (民法典第二百零三条),
and "N 个工作日" counts working days only, so both need the real calendar, not Mon–Fri:
Saturday 2025-10-11 was a working day; Wednesday 2025-10-08 was a holiday.

Sources, strongest first:
1. the administrator's overrides (date → working / rest), so a late State Council notice or a
   correction can be entered without a new release;
2. the maintained ``chinese_calendar`` package for the years it covers;
3. for a later year the administrator has not confirmed: the statutory holidays the national
   regulation fixes (``holiday_rules``: 元旦, 春节 除夕–初三, … with 第六条's make-up days), on Monday–Friday;
   such a year is *provisional* (暂定): only the State Council's 调休 are missing;
4. Monday–Friday for any other year (before the package's data), reported as unknown.

A year is *known* when the package covers it or the administrator declared it complete (confirmed
from the State Council's notice); then Monday–Friday plus the entered days is the whole calendar.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from types import MappingProxyType

import chinese_calendar
from chinese_calendar import constants as _cc_constants

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.holiday_rules import REGULATION_YEARS, provisional_rest_days
from fulian_desktop.domain.localtime import local_date

# Derived from the package data so that upgrading the package extends the range by itself.
_PACKAGE_YEARS = range(min(_cc_constants.holidays).year, max(_cc_constants.holidays).year + 1)


def _as_date(d: date) -> date:
    if isinstance(d, datetime):  # an aware moment belongs to its day in China
        return local_date(d) if d.tzinfo is not None else d.date()
    return d


class WorkCalendar:
    """Whether a day is a working day; immutable once built."""

    def __init__(self, overrides: Mapping[date, bool] | None = None,
                 declared_years: Iterable[int] = ()) -> None:
        self._overrides: Mapping[date, bool] = MappingProxyType(
            {_as_date(d): bool(v) for d, v in (overrides or {}).items()})
        self._declared = frozenset(int(y) for y in declared_years)

    @property
    def overrides(self) -> Mapping[date, bool]:
        return self._overrides

    @property
    def declared_years(self) -> frozenset[int]:
        return self._declared

    @staticmethod
    def package_years() -> range:
        """Years the bundled ``chinese_calendar`` data covers (2004–2026 for 1.11)."""
        return _PACKAGE_YEARS

    def year_known(self, year: int) -> bool:
        return year in _PACKAGE_YEARS or year in self._declared

    def year_provisional(self, year: int) -> bool:
        """Not known, but its statutory holidays are computed from the regulation (暂定)."""
        return not self.year_known(year) and year > _PACKAGE_YEARS.stop - 1 and year in REGULATION_YEARS

    def unknown_years(self, first: date, last: date) -> tuple[int, ...]:
        """Years between two days (inclusive, either order) with no calendar at all: Monday–Friday only."""
        return tuple(y for y in self._years(first, last) if not self.year_known(y) and not self.year_provisional(y))

    def provisional_years(self, first: date, last: date) -> tuple[int, ...]:
        """Years between two days (inclusive, either order) computed from the regulation, not yet confirmed."""
        return tuple(y for y in self._years(first, last) if self.year_provisional(y))

    @staticmethod
    def _years(first: date, last: date) -> range:
        lo, hi = sorted((_as_date(first).year, _as_date(last).year))
        return range(lo, hi + 1)

    def holiday_name(self, d: date) -> str | None:
        """The regulation's holiday on a provisional year's day ("春节", "国庆节补假"), else None."""
        d = _as_date(d)
        return provisional_rest_days(d.year).get(d) if self.year_provisional(d.year) else None

    def is_workday(self, d: date) -> bool:
        d = _as_date(d)
        if d in self._overrides:
            return self._overrides[d]
        if d.year in _PACKAGE_YEARS:
            return chinese_calendar.is_workday(d)  # includes 调休 working weekends
        if self.year_provisional(d.year) and d in provisional_rest_days(d.year):
            return False  # a statutory holiday or its make-up day (放假办法第二条、第六条)
        return d.weekday() < 5  # a declared year's remaining days, or an unknown year: Mon–Fri

    def is_rest_day(self, d: date) -> bool:
        """法定休假日 in the sense of 民法典第二百零三条: holiday, or a weekend not made a working day."""
        return not self.is_workday(d)

    def next_workday(self, d: date, include_self: bool = True) -> date:
        d = _as_date(d)
        if not include_self:
            d += timedelta(days=1)
        while not self.is_workday(d):
            d += timedelta(days=1)
        return d

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day AFTER ``start`` (``start`` itself never counts); n == 0 gives ``start``."""
        if n < 0:
            raise ValidationError("工作日数不能为负数")
        d = _as_date(start)
        while n > 0:
            d += timedelta(days=1)
            if self.is_workday(d):
                n -= 1
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]: the inverse of ``add_working_days``; negative when b < a."""
        a, b = _as_date(a), _as_date(b)
        sign = 1
        if b < a:
            a, b, sign = b, a, -1
        count = 0
        d = a + timedelta(days=1)
        while d <= b:
            count += self.is_workday(d)
            d += timedelta(days=1)
        return sign * count

    def __repr__(self) -> str:
        return (f"WorkCalendar(overrides={len(self._overrides)} days, "
                f"declared_years={sorted(self._declared)})")


# --- the administrator's editable list --------------------------------------------------------

_WORK_WORDS = {"班", "上班", "工作", "工作日", "补班", "work", "workday", "w"}
_REST_WORDS = {"休", "休息", "假", "放假", "休息日", "节假日", "rest", "holiday", "off", "r"}
_LINE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+(\S+)$")


def parse_calendar_lines(text: str) -> dict[date, bool]:
    """Parse lines like ``2027-02-07 班`` / ``2027-02-08 休`` (True = working day).

    '#' starts a comment; blank lines are ignored; a date given twice with different
    meanings is an error. Errors name the line number (1-based).
    """
    result: dict[date, bool] = {}
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip().replace("\u3000", " ")
        if not line:
            continue
        match = _LINE.match(line)
        if not match:
            raise ValidationError(
                f"第 {number} 行格式不对：“{raw.strip()}”，应为“2027-01-01 休”或“2027-02-07 班”",
                code="calendar_line")
        try:
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise ValidationError(f"第 {number} 行日期不存在：“{raw.strip()}”",
                                  code="calendar_line") from None
        word = match.group(4).lower()
        if word in _WORK_WORDS:
            working = True
        elif word in _REST_WORDS:
            working = False
        else:
            raise ValidationError(
                f"第 {number} 行无法识别“{match.group(4)}”：请写“休”（休息）或“班”（上班）",
                code="calendar_line")
        if result.get(day, working) != working:
            raise ValidationError(f"第 {number} 行：{day.isoformat()} 前面已登记为"
                                  f"{'上班' if result[day] else '休息'}，前后矛盾",
                                  code="calendar_line")
        result[day] = working
    return result


def format_calendar_lines(overrides: Mapping[date, bool]) -> str:
    """The inverse of ``parse_calendar_lines``, sorted by date, for the admin's editor."""
    return "".join(f"{d.isoformat()} {'班' if w else '休'}\n" for d, w in sorted(overrides.items()))
