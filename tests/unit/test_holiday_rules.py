"""A year the calendar package does not know: its statutory holidays from the regulation (暂定)."""
from __future__ import annotations

from datetime import date, datetime

import chinese_calendar
import pytest
from lunardate import LunarDate

from fulian_desktop.domain.clocks import ClockKind, ClockState, countdown_text, due
from fulian_desktop.domain.holiday_rules import provisional_rest_days, statutory_holidays
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.periods import days_after
from fulian_desktop.domain.workcalendar import WorkCalendar

D = date.fromisoformat
CAL = WorkCalendar()


def test_2027_holidays_by_the_regulation() -> None:
    assert LunarDate(2027, 1, 1).to_solar_date() == D("2027-02-06")  # 初一 a Saturday, 初二 a Sunday
    rest = provisional_rest_days(2027)
    assert rest[D("2027-01-01")] == "元旦"
    assert [rest[D(f"2027-02-{d:02}")] for d in range(5, 11)] == ["春节"] * 4 + ["春节补假"] * 2
    assert D("2027-02-11") not in rest
    assert rest[D("2027-04-05")] == "清明节"
    assert rest[D("2027-05-03")] == rest[D("2027-05-04")] == "劳动节补假"  # May 1–2 are a weekend
    assert rest[D("2027-06-09")] == "端午节" and rest[D("2027-09-15")] == "中秋节"
    assert rest[D("2027-10-04")] == rest[D("2027-10-05")] == "国庆节补假"  # Oct 2–3 are a weekend
    assert len(rest) == 19


def test_mid_autumn_on_national_day_is_made_up_too() -> None:
    rest = provisional_rest_days(2028)  # 中秋 2028-10-03 is 国庆's third day
    assert LunarDate(2028, 8, 15).to_solar_date() == D("2028-10-03")
    assert [d for d in rest if d.month == 10] == [D(f"2028-10-0{n}") for n in range(1, 6)]


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_regulation_agrees_with_the_package_on_the_statutory_days(year: int) -> None:
    """Oracle: every statutory day computed here was a holiday in the State Council's notice."""
    for name, days in statutory_holidays(year):
        for d in days:
            assert chinese_calendar.is_holiday(d), (name, d)


def test_the_must_show_dates_move() -> None:
    # 信访 60 日 from a walk-in on 2026-12-07 ends on 除夕 2027-02-05: rest to 02-10, so Thursday 02-11.
    dl = due(ClockState(ClockKind.PETITION_CONCLUSION, D("2026-12-07")), CAL)
    assert dl.rolled_from == D("2027-02-05") and dl.last_day == D("2027-02-11")
    assert dl.uncertain and dl.provisional_years == (2027,) and dl.unknown_years == ()
    now = datetime(2026, 12, 7, 9, tzinfo=LOCAL_TZ)
    assert countdown_text(dl, now) == "剩 66 天（2027-02-11 到期）（暂定：2027 年按放假办法推算，待国务院通知确认）"
    # 15 days from 2027-01-24 is 2027-02-08 (初三).
    assert days_after(D("2027-01-24"), 15, CAL).last_day == D("2027-02-11")
    # 1 day from 2026-12-31 is 元旦 2027-01-01, then a weekend.
    dl = days_after(D("2026-12-31"), 1, CAL)
    assert dl.rolled_from == D("2027-01-01") and dl.last_day == D("2027-01-04")


def test_working_days_skip_the_provisional_spring_festival() -> None:
    assert CAL.add_working_days(D("2027-02-04"), 1) == D("2027-02-11")
    assert CAL.holiday_name(D("2027-02-09")) == "春节补假" and CAL.holiday_name(D("2027-02-11")) is None


def test_a_confirmed_year_is_only_what_was_entered() -> None:
    confirmed = WorkCalendar({D("2027-02-05"): False}, declared_years=[2027])
    assert confirmed.is_rest_day(D("2027-02-05")) and confirmed.is_workday(D("2027-02-09"))
    assert confirmed.holiday_name(D("2027-02-09")) is None
    overridden = WorkCalendar({D("2027-02-09"): True})  # an administrator's entry wins over the regulation
    assert overridden.is_workday(D("2027-02-09")) and overridden.is_rest_day(D("2027-02-10"))
