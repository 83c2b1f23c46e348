"""The statutory holidays of a year the calendar package does not know yet, computed from the regulation.

The holidays themselves are fixed by 全国年节及纪念日放假办法 (as revised in 2024, in force since 2025-01-01),
第二条: 元旦 1 day (January 1); 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day (the day of the 清明
solar term); 劳动节 2 days (May 1–2); 端午节 1 day (农历五月初五); 中秋节 1 day (农历八月十五); 国庆节 3 days
(October 1–3). 第六条: a holiday for all citizens that falls on a Saturday or Sunday is made up (补假) on a
working day. Only the bridging days (调休) wait for the State Council's yearly notice, so a clock that runs
into such a year is computed on these days and marked 暂定 until an administrator confirms the year.

Lunar dates come from ``lunardate`` (1900–2099) and the 清明 day from ``chinese_calendar``'s solar-term
formula; neither needs the year to be in ``chinese_calendar``'s holiday data.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from types import MappingProxyType
from typing import Mapping

from chinese_calendar import get_solar_terms
from lunardate import LunarDate

# The revision of 2024 applies from 2025; lunardate's tables end with 2099.
REGULATION_YEARS = range(2025, 2100)
MAKE_UP_SUFFIX = "补假"


def _lunar(year: int, month: int, day: int) -> date:
    solar: date = LunarDate(year, month, day).to_solar_date()
    return solar


def _qingming(year: int) -> date:
    for day, name in get_solar_terms(date(year, 4, 1), date(year, 4, 10)):
        if name == "清明":
            found: date = day
            return found
    raise ValueError(f"no 清明 found in April {year}")  # the formula always gives April 4–6


def statutory_holidays(year: int) -> tuple[tuple[str, tuple[date, ...]], ...]:
    """The regulation's holidays of ``year`` in date order: (name, its days)."""
    if year not in REGULATION_YEARS:
        raise ValueError(f"{year} is outside the years the holiday regulation is computed for")
    new_year = _lunar(year, 1, 1)
    festivals = [
        ("元旦", (date(year, 1, 1),)),
        ("春节", tuple(new_year + timedelta(days=n) for n in range(-1, 3))),  # 除夕 to 初三
        ("清明节", (_qingming(year),)),
        ("劳动节", (date(year, 5, 1), date(year, 5, 2))),
        ("端午节", (_lunar(year, 5, 5),)),
        ("中秋节", (_lunar(year, 8, 15),)),
        ("国庆节", (date(year, 10, 1), date(year, 10, 2), date(year, 10, 3))),
    ]
    return tuple(sorted(festivals, key=lambda f: f[1][0]))


def _is_weekend(d: date) -> bool:
    return d.weekday() >= 5


@cache
def _rest_days(year: int) -> Mapping[date, str]:
    rest: dict[date, str] = {}
    for name, days in statutory_holidays(year):
        owed = 0
        for d in days:
            if _is_weekend(d) or d in rest:  # on a weekend, or on another holiday (中秋 on 国庆): made up
                owed += 1
            rest.setdefault(d, name)
        d = days[-1]
        while owed:  # 第六条: on the following working days, after the holiday and any weekend joined to it
            d += timedelta(days=1)
            if not _is_weekend(d) and d not in rest:
                rest[d] = name + MAKE_UP_SUFFIX
                owed -= 1
    return MappingProxyType(dict(sorted(rest.items())))


def provisional_rest_days(year: int) -> Mapping[date, str]:
    """Every weekday-or-weekend day off the regulation gives in ``year``: date → holiday name
    ("春节", "劳动节补假" …). Weekends that are not holidays are not listed."""
    return _rest_days(year)
