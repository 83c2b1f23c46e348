"""Working days in China, including 调休 (make-up working days) and admin overrides."""
from __future__ import annotations

from datetime import date, datetime, timezone

import chinese_calendar
import pytest

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.workcalendar import (
    WorkCalendar, format_calendar_lines, parse_calendar_lines,
)

D = date.fromisoformat
CAL = WorkCalendar()


def test_facts_asserted_here_match_the_package() -> None:
    """The dates the suite relies on, checked against chinese_calendar itself (not guessed)."""
    assert chinese_calendar.is_workday(D("2025-09-28"))      # Sunday, 调休 working day
    assert chinese_calendar.is_workday(D("2025-10-11"))      # Saturday, 调休 working day
    for day in range(1, 9):                                   # National Day + Mid-Autumn 2025
        assert chinese_calendar.is_holiday(date(2025, 10, day))
    assert chinese_calendar.is_workday(D("2025-10-09"))
    assert chinese_calendar.is_workday(D("2026-02-14"))      # Saturday before Spring Festival 2026
    assert chinese_calendar.is_workday(D("2026-02-28"))      # Saturday after it
    for day in range(15, 24):
        assert chinese_calendar.is_holiday(date(2026, 2, day))
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D("2027-01-04"))


def test_make_up_working_days_and_holidays() -> None:
    assert CAL.is_workday(D("2025-09-28"))  # Sunday worked
    assert CAL.is_workday(D("2025-10-11"))  # Saturday worked
    assert CAL.is_rest_day(D("2025-10-08"))  # Wednesday off
    assert CAL.is_rest_day(D("2025-10-01"))
    assert CAL.is_workday(D("2025-10-09"))
    assert CAL.is_rest_day(D("2025-11-15")) and CAL.is_rest_day(D("2025-11-16"))  # plain weekend
    assert CAL.is_workday(D("2025-11-17"))


def test_accepts_aware_datetimes_as_their_day_in_china() -> None:
    # 2025-09-30 17:00 UTC is 2025-10-01 01:00 in China: a holiday.
    assert CAL.is_rest_day(datetime(2025, 9, 30, 17, 0, tzinfo=timezone.utc))


def test_package_years_and_known_years() -> None:
    years = WorkCalendar.package_years()
    assert years.start == 2004 and 2026 in years and 2027 not in years
    assert CAL.year_known(2026) and not CAL.year_known(2027) and not CAL.year_known(2003)
    assert WorkCalendar(declared_years=[2027]).year_known(2027)
    assert CAL.unknown_years(D("2026-12-20"), D("2028-01-02")) == ()  # later years: computed, not unknown
    assert CAL.provisional_years(D("2026-12-20"), D("2028-01-02")) == (2027, 2028)
    assert CAL.unknown_years(D("2026-01-01"), D("2026-12-31")) == ()
    assert CAL.unknown_years(D("2002-12-20"), D("2004-01-02")) == (2002, 2003)  # before the package
    assert CAL.provisional_years(D("2002-12-20"), D("2004-01-02")) == ()
    assert not WorkCalendar(declared_years=[2027]).year_provisional(2027)  # confirmed


def test_a_year_before_the_package_falls_back_to_monday_to_friday() -> None:
    assert CAL.is_workday(D("2003-01-01"))  # a Wednesday: that year's holidays are not known
    assert CAL.is_rest_day(D("2003-01-04"))  # Saturday
    assert CAL.is_workday(D("2003-06-02"))  # Monday
    assert CAL.is_rest_day(D("2003-06-01"))


def test_overrides_win_in_known_and_unknown_years() -> None:
    cal = WorkCalendar({D("2027-01-01"): False, D("2027-02-07"): True,   # Sunday worked
                        D("2025-10-09"): False})                          # correction in a known year
    assert cal.is_rest_day(D("2027-01-01"))
    assert cal.is_workday(D("2027-02-07"))
    assert cal.is_rest_day(D("2025-10-09"))
    assert not cal.year_known(2027)  # overrides alone do not make a year known


def test_next_workday() -> None:
    assert CAL.next_workday(D("2025-10-01")) == D("2025-10-09")
    assert CAL.next_workday(D("2025-10-09")) == D("2025-10-09")
    assert CAL.next_workday(D("2025-10-09"), include_self=False) == D("2025-10-10")
    assert CAL.next_workday(D("2025-10-10"), include_self=False) == D("2025-10-11")  # 调休 Saturday


def test_add_working_days_across_spring_festival_2026() -> None:
    # Thu 02-12 → Fri 13, Sat 14 (调休), [15–23 holiday], Tue 24, Wed 25, Thu 26.
    assert CAL.add_working_days(D("2026-02-12"), 5) == D("2026-02-26")
    assert CAL.add_working_days(D("2026-02-12"), 0) == D("2026-02-12")
    assert CAL.working_days_between(D("2026-02-12"), D("2026-02-26")) == 5
    assert CAL.working_days_between(D("2026-02-26"), D("2026-02-12")) == -5
    assert CAL.working_days_between(D("2026-02-14"), D("2026-02-23")) == 0
    with pytest.raises(ValidationError):
        CAL.add_working_days(D("2026-02-12"), -1)


def test_add_working_days_across_national_day_2025() -> None:
    # Fri 09-26 → Sun 28 (调休), Mon 29, Tue 30, [10-01..08], Thu 10-09.
    assert CAL.add_working_days(D("2025-09-26"), 4) == D("2025-10-09")


def test_parse_calendar_lines() -> None:
    text = """
    # 2027 年放假安排（管理员录入）
    2027-01-01 休   # 元旦
    2027-02-07 班
    2027-02-08 rest
    2027-02-14 work
    2027/2/9  休息

    2027-02-08 REST
    """
    assert parse_calendar_lines(text) == {
        D("2027-01-01"): False, D("2027-02-07"): True, D("2027-02-08"): False,
        D("2027-02-14"): True, D("2027-02-09"): False,
    }
    assert parse_calendar_lines("") == {}
    cal = WorkCalendar(parse_calendar_lines(text), declared_years=[2027])
    assert cal.is_workday(D("2027-02-07")) and cal.year_known(2027)


def test_format_round_trips() -> None:
    overrides = {D("2027-02-07"): True, D("2027-01-01"): False}
    text = format_calendar_lines(overrides)
    assert text == "2027-01-01 休\n2027-02-07 班\n"
    assert parse_calendar_lines(text) == overrides


@pytest.mark.parametrize(("text", "line"), [
    ("2027-01-01 休\n2027-13-01 休", 2),
    ("\n# x\n2027-01-01", 3),
    ("2027-01-01 午休", 1),
    ("明天 休", 1),
    ("2027-01-01 休\n2027-01-01 班", 2),
    ("2027-02-30 班", 1),
])
def test_bad_lines_name_the_line_in_chinese(text: str, line: int) -> None:
    with pytest.raises(ValidationError) as info:
        parse_calendar_lines(text)
    assert f"第 {line} 行" in info.value.message
