"""The dashboard's periods: this month, last month, this quarter, this year (to today, China time), or any
days from–to; and the same period a year earlier (去年同期) to compare with.

A period that runs to today stops at today, and so does last year's: 1 to 7 December is compared with 1 to 7
December of the year before, not with the whole month. A period ending on a month's last day is compared with
the last day of that month a year earlier (February has 28 or 29 days).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum


class Preset(StrEnum):
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"
    CUSTOM = "custom"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def preset_period(preset: Preset | str, today: date) -> tuple[date, date]:
    """The days of a preset period (both ends included), `today` being China's date."""
    p = Preset(preset)
    if p is Preset.THIS_MONTH:
        return today.replace(day=1), today
    if p is Preset.LAST_MONTH:
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    if p is Preset.THIS_QUARTER:
        return date(today.year, (today.month - 1) // 3 * 3 + 1, 1), today
    if p is Preset.THIS_YEAR:
        return date(today.year, 1, 1), today
    raise ValueError("a custom period has no preset days")


def year_earlier(day: date, *, month_end: bool = False) -> date:
    """The same day a year earlier (29 February → 28 February); `month_end`: a month's last day stays the last."""
    last = _last_day(day.year - 1, day.month)
    if month_end and day.day == _last_day(day.year, day.month):
        return date(day.year - 1, day.month, last)
    return date(day.year - 1, day.month, min(day.day, last))


def same_period_last_year(date_from: date, date_to: date) -> tuple[date, date]:
    return year_earlier(date_from), year_earlier(date_to, month_end=True)


def change(now: float | None, before: float | None) -> float | None:
    """The relative change from `before` to `now` (0.25 for +25 %), None when there is nothing to compare with."""
    if now is None or before is None or before == 0:
        return None
    return (now - before) / before


__all__ = ["Preset", "preset_period", "year_earlier", "same_period_last_year", "change"]
