"""Counting statutory periods (民法典第二百条至第二百零四条).

- 第二百零一条: a period in days/months/years starts the day AFTER the triggering day;
  a period in hours runs from the moment.
- 第二百零二条: a period in months/years ends on the corresponding day of the final month,
  or that month's last day if there is none (Aug 31 + 6 months = end of February).
- 第二百零三条: if the last day is a 法定休假日 the period ends on the next working day;
  the period ends at 24:00 of its last day.
- "N 个工作日" counts working days only (e.g. 信访工作条例第二十三条第三款).

All results carry ``uncertain`` when a calendar year consulted is not known (DOMAIN.md:
"a clock must say so when its year is unknown"): ``provisional_years`` when it was computed on the
holiday regulation's days (暂定, waiting for the State Council's notice), ``unknown_years`` when on
Monday–Friday alone.
"""
from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.workcalendar import WorkCalendar


@dataclass(frozen=True)
class Deadline:
    last_day: date | None          # None for a period in hours
    due_at: datetime               # aware, Asia/Shanghai; 24:00 of last_day == next day 00:00
    uncertain: bool = False        # a year the computation consulted is not in the calendar
    rolled_from: date | None = None  # nominal last day, when moved off a rest day (第二百零三条)
    unknown_years: tuple[int, ...] = ()  # years with no calendar at all (Monday–Friday), for the message
    provisional_years: tuple[int, ...] = ()  # years computed from the holiday regulation, not yet confirmed


def _check_amount(amount: int, what: str) -> None:
    if amount < 0:
        raise ValidationError(f"{what}不能为负数")


def end_of_day(d: date) -> datetime:
    """24:00 of ``d`` (第二百零三条第二款), written as 00:00 of the next day."""
    return datetime.combine(d + timedelta(days=1), time(0), tzinfo=LOCAL_TZ)


def ending_on(nominal: date, cal: WorkCalendar, *, roll: bool = True) -> Deadline:
    """A period whose nominal last day is known; moves it off a rest day (第二百零三条)."""
    if not roll:
        return Deadline(last_day=nominal, due_at=end_of_day(nominal))
    last = cal.next_workday(nominal)
    unknown, provisional = cal.unknown_years(nominal, last), cal.provisional_years(nominal, last)
    return Deadline(last_day=last, due_at=end_of_day(last), uncertain=bool(unknown or provisional),
                    rolled_from=nominal if last != nominal else None, unknown_years=unknown,
                    provisional_years=provisional)


def add_months(d: date, months: int) -> date:
    """Same-numbered day ``months`` later, or that month's last day (第二百零二条)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, _calendar.monthrange(year, month)[1]))


def days_after(trigger: date, days: int, cal: WorkCalendar, *, roll: bool = True) -> Deadline:
    # 第二百零一条: the trigger day does not count, so day 1 is trigger + 1 and day n is trigger + n.
    _check_amount(days, "天数")
    return ending_on(trigger + timedelta(days=days), cal, roll=roll)


def months_after(trigger: date, months: int, cal: WorkCalendar, *, roll: bool = True) -> Deadline:
    # 第二百零一、二百零二条: corresponding day of the final month, or its last day.
    _check_amount(months, "月数")
    return ending_on(add_months(trigger, months), cal, roll=roll)


def working_days_after(trigger: date, n: int, cal: WorkCalendar) -> Deadline:
    # "N 个工作日": the n-th working day after the trigger day; every day consulted matters.
    _check_amount(n, "工作日数")
    last = cal.next_workday(cal.add_working_days(trigger, n))  # n == 0 still ends on a working day
    first = min(trigger + timedelta(days=1), last)
    unknown, provisional = cal.unknown_years(first, last), cal.provisional_years(first, last)
    return Deadline(last_day=last, due_at=end_of_day(last), uncertain=bool(unknown or provisional),
                    unknown_years=unknown, provisional_years=provisional)


def hours_after(moment: datetime, hours: int) -> Deadline:
    # 第二百零一条第二款: from the moment itself; no rest-day extension for hours.
    _check_amount(hours, "小时数")
    if moment.tzinfo is None:
        raise ValueError("moment must be timezone-aware")
    return Deadline(last_day=None, due_at=moment.astimezone(LOCAL_TZ) + timedelta(hours=hours))


def extend(deadline: Deadline, days: int, cal: WorkCalendar, *, roll: bool = True) -> Deadline:
    """Extend by ``days``, counted from the end of the original period.

    The original period ended on its actual (already rolled) last day, so the extension's
    day 1 is the day after that (第二百零一条、第二百零三条). An hours deadline moves by whole days.
    """
    _check_amount(days, "延长天数")
    if deadline.last_day is None:
        return Deadline(last_day=None, due_at=deadline.due_at + timedelta(days=days),
                        uncertain=deadline.uncertain, unknown_years=deadline.unknown_years,
                        provisional_years=deadline.provisional_years)
    new = days_after(deadline.last_day, days, cal, roll=roll)
    unknown = tuple(sorted(set(deadline.unknown_years) | set(new.unknown_years)))
    provisional = tuple(sorted(set(deadline.provisional_years) | set(new.provisional_years)))
    return Deadline(last_day=new.last_day, due_at=new.due_at,
                    uncertain=deadline.uncertain or new.uncertain,
                    rolled_from=new.rolled_from, unknown_years=unknown, provisional_years=provisional)
