"""Period arithmetic per 民法典第二百条至第二百零四条."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.periods import (
    Deadline, add_months, days_after, end_of_day, extend, hours_after, months_after,
    working_days_after,
)
from fulian_desktop.domain.workcalendar import WorkCalendar

D = date.fromisoformat
CAL = WorkCalendar()


def midnight(d: str) -> datetime:
    return datetime.combine(D(d), datetime.min.time(), tzinfo=LOCAL_TZ)


# 第二百零一条 / 第二百零三条 -------------------------------------------------------------

def test_trigger_day_does_not_count_and_period_ends_at_24_00() -> None:
    dl = days_after(D("2025-10-20"), 3, CAL)  # Mon → day 3 is Thu 10-23
    assert dl == Deadline(D("2025-10-23"), midnight("2025-10-24"))
    assert dl.due_at.tzinfo is LOCAL_TZ


def test_fifteen_days_across_national_day_2025() -> None:
    # Day 15 after 2025-09-23 is 2025-10-08, still a holiday → ends 2025-10-09 (第二百零三条).
    dl = days_after(D("2025-09-23"), 15, CAL)
    assert dl.last_day == D("2025-10-09")
    assert dl.rolled_from == D("2025-10-08")
    assert dl.due_at == midnight("2025-10-10")
    assert not dl.uncertain


def test_last_day_on_make_up_working_saturday_is_not_moved() -> None:
    dl = days_after(D("2025-09-26"), 15, CAL)  # day 15 = Sat 2025-10-11, a 调休 working day
    assert dl.last_day == D("2025-10-11") and dl.rolled_from is None


def test_plain_weekend_rolls_to_monday() -> None:
    dl = days_after(D("2025-11-05"), 10, CAL)  # Sat 2025-11-15
    assert dl.last_day == D("2025-11-17") and dl.rolled_from == D("2025-11-15")


def test_no_roll_when_asked() -> None:
    dl = days_after(D("2025-11-05"), 10, CAL, roll=False)
    assert dl.last_day == D("2025-11-15") and dl.rolled_from is None


def test_negative_amounts_are_rejected() -> None:
    with pytest.raises(ValidationError):
        days_after(D("2025-11-05"), -1, CAL)
    with pytest.raises(ValidationError):
        months_after(D("2025-11-05"), -1, CAL)


# 第二百零二条: months ------------------------------------------------------------------

@pytest.mark.parametrize(("start", "months", "end"), [
    ("2026-08-31", 6, "2027-02-28"),
    ("2027-08-31", 6, "2028-02-29"),   # leap year
    ("2026-01-31", 1, "2026-02-28"),
    ("2024-01-31", 1, "2024-02-29"),
    ("2025-03-31", 1, "2025-04-30"),
    ("2025-01-15", 1, "2025-02-15"),
    ("2025-11-30", 3, "2026-02-28"),
    ("2025-12-31", 12, "2026-12-31"),
])
def test_add_months_corresponding_day_or_month_end(start: str, months: int, end: str) -> None:
    assert add_months(D(start), months) == D(end)


def test_aug_31_plus_six_months_2026_rolls_off_sunday_and_is_uncertain() -> None:
    dl = months_after(D("2026-08-31"), 6, CAL)
    assert dl.rolled_from == D("2027-02-28")  # a Sunday
    assert dl.last_day == D("2027-03-01")
    assert dl.uncertain and dl.provisional_years == (2027,) and dl.unknown_years == ()


def test_aug_31_plus_six_months_2027_is_leap_day() -> None:
    dl = months_after(D("2027-08-31"), 6, CAL)
    assert dl.last_day == D("2028-02-29") and dl.rolled_from is None  # a Tuesday
    assert dl.uncertain and dl.provisional_years == (2028,)


def test_jan_31_plus_one_month_2026_lands_on_make_up_saturday() -> None:
    dl = months_after(D("2026-01-31"), 1, CAL)
    assert dl.last_day == D("2026-02-28") and dl.rolled_from is None  # 调休 working Saturday
    assert not dl.uncertain


# working days ------------------------------------------------------------------------

def test_working_days_across_spring_festival_2026() -> None:
    dl = working_days_after(D("2026-02-12"), 5, CAL)
    assert dl.last_day == D("2026-02-26") and dl.due_at == midnight("2026-02-27")
    assert not dl.uncertain and dl.rolled_from is None


def test_working_days_into_unknown_year_are_uncertain() -> None:
    dl = working_days_after(D("2026-12-29"), 5, CAL)
    assert dl.last_day == D("2027-01-06")  # Wed 30, Thu 31, [Fri 1/1 元旦], Mon 4, Tue 5, Wed 6
    assert dl.uncertain and dl.provisional_years == (2027,)
    declared = WorkCalendar({D("2027-01-01"): False}, declared_years=[2027])
    dl2 = working_days_after(D("2026-12-29"), 5, declared)
    assert dl2.last_day == D("2027-01-06") and not dl2.uncertain


# the 2027 calendar -------------------------------------------------------------------

def test_2027_is_uncertain_and_an_override_is_honoured() -> None:
    dl = days_after(D("2026-12-20"), 15, CAL)  # Mon 2027-01-04
    assert dl.last_day == D("2027-01-04") and dl.uncertain and dl.provisional_years == (2027,)
    admin = WorkCalendar({D("2027-01-04"): False})  # say the admin marks it a holiday
    dl2 = days_after(D("2026-12-20"), 15, admin)
    assert dl2.last_day == D("2027-01-05") and dl2.rolled_from == D("2027-01-04")
    assert dl2.uncertain  # still: 2027 not declared complete
    dl3 = days_after(D("2026-12-20"), 15, WorkCalendar({D("2027-01-04"): False}, declared_years=[2027]))
    assert dl3.last_day == D("2027-01-05") and not dl3.uncertain


def test_a_period_wholly_in_a_known_year_is_certain_even_if_it_starts_late() -> None:
    assert not days_after(D("2026-12-01"), 15, CAL).uncertain


# hours (第二百零一条第二款) --------------------------------------------------------------

def test_hours_run_from_the_moment_across_midnight() -> None:
    start = datetime(2026, 3, 10, 22, 30, tzinfo=LOCAL_TZ)
    dl = hours_after(start, 24)
    assert dl.last_day is None and dl.due_at == datetime(2026, 3, 11, 22, 30, tzinfo=LOCAL_TZ)
    assert hours_after(start, 3).due_at == datetime(2026, 3, 11, 1, 30, tzinfo=LOCAL_TZ)


def test_hours_ignore_holidays_and_convert_to_china_time() -> None:
    start = datetime(2025, 9, 30, 12, 0, tzinfo=timezone.utc)  # 20:00 in China
    dl = hours_after(start, 72)
    assert dl.due_at == datetime(2025, 10, 3, 20, 0, tzinfo=LOCAL_TZ)  # a holiday: no extension
    assert dl.due_at.tzinfo is LOCAL_TZ and not dl.uncertain


def test_hours_need_an_aware_moment() -> None:
    with pytest.raises(ValueError):
        hours_after(datetime(2026, 3, 10, 22, 30), 24)


# extension ---------------------------------------------------------------------------

def test_extension_counts_from_the_end_of_the_original_period() -> None:
    base = days_after(D("2025-09-23"), 15, CAL)  # ends 2025-10-09 (rolled)
    ext = extend(base, 30, CAL)
    assert ext.last_day == D("2025-11-10")  # 10-09 + 30 = Sat 11-08 → Mon 11-10
    assert ext.rolled_from == D("2025-11-08")
    assert extend(base, 0, CAL).last_day == D("2025-10-09")


def test_extension_into_unknown_year_is_uncertain() -> None:
    ext = extend(days_after(D("2026-11-20"), 30, CAL), 30, CAL)  # → 2027-01-20
    assert ext.uncertain and ext.provisional_years == (2027,)


def test_extending_an_hours_deadline_moves_it_by_whole_days() -> None:
    dl = hours_after(datetime(2026, 3, 10, 22, 30, tzinfo=LOCAL_TZ), 24)
    assert extend(dl, 1, CAL).due_at == datetime(2026, 3, 12, 22, 30, tzinfo=LOCAL_TZ)


def test_end_of_day_is_next_midnight() -> None:
    assert end_of_day(D("2025-12-31")) == midnight("2026-01-01")


# property ----------------------------------------------------------------------------

_OVERRIDES = WorkCalendar({D("2027-01-01"): False, D("2027-02-06"): True})


@settings(max_examples=300, deadline=None)
@given(trigger=st.dates(min_value=date(2003, 1, 1), max_value=date(2028, 12, 31)),
       n=st.integers(min_value=0, max_value=400),
       cal=st.sampled_from([CAL, _OVERRIDES]))
def test_days_after_property(trigger: date, n: int, cal: WorkCalendar) -> None:
    dl = days_after(trigger, n, cal)
    nominal = trigger + timedelta(days=n)
    assert dl.last_day >= nominal
    assert cal.is_workday(dl.last_day)
    day = nominal
    while day < dl.last_day:
        assert cal.is_rest_day(day)
        day += timedelta(days=1)
    assert (dl.rolled_from is None) == (dl.last_day == nominal)
    assert dl.due_at == end_of_day(dl.last_day)
    assert dl.uncertain == any(not cal.year_known(y) for y in range(nominal.year, dl.last_day.year + 1))
