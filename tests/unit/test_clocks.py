"""Statutory clocks: rules, deadlines, extension, pauses, status and countdown text.

Holiday facts used here are checked against chinese_calendar in test_workcalendar.py and below.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

import chinese_calendar
import pytest

from fulian_desktop.domain.clocks import (
    RULES, ClockKind, ClockRule, ClockState, ClockStatus, clock_status, countdown_text, due,
    request_extension, status,
)
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.periods import days_after
from fulian_desktop.domain.workcalendar import WorkCalendar

D = date.fromisoformat
CAL = WorkCalendar()
K = ClockKind


def at(text: str) -> datetime:
    """A moment in China time, e.g. '2025-10-09 08:00'."""
    return datetime.fromisoformat(text).replace(tzinfo=LOCAL_TZ)


def last_day(kind: ClockKind, start, **kw) -> date | None:
    return due(ClockState(kind, start, **kw), CAL).last_day


def test_calendar_facts_used_here() -> None:
    rest = ["2025-10-01", "2025-10-03", "2025-10-08", "2025-11-22", "2026-02-19", "2026-04-05",
            "2026-04-11", "2026-05-04"]
    work = ["2025-10-09", "2025-11-24", "2025-12-24", "2026-02-04", "2026-02-24", "2026-02-28",
            "2026-03-09", "2026-04-13", "2026-05-15", "2026-10-09"]
    assert all(chinese_calendar.is_holiday(D(d)) for d in rest)
    assert all(chinese_calendar.is_workday(D(d)) for d in work)


# the rules as data -------------------------------------------------------------------

def test_every_kind_has_a_rule_label_and_basis() -> None:
    assert set(RULES) == set(ClockKind)
    for kind, rule in RULES.items():
        assert isinstance(rule, ClockRule) and rule.kind is kind
        assert kind.label and kind.basis
        assert rule.unit in {"days", "months", "hours", "working_days"}


@pytest.mark.parametrize(("kind", "unit", "amount", "max_ext", "soft", "warn", "cite"), [
    (K.PETITION_ACCEPTANCE, "days", 15, None, False, 3, "第二十三条"),
    (K.PETITION_CONCLUSION, "days", 60, 30, False, 3, "第三十四条"),
    (K.REVIEW_REQUEST, "days", 30, None, False, 3, "第三十五条"),
    (K.REVIEW_ANSWER, "days", 30, None, False, 3, "第三十五条"),
    (K.RECHECK_REQUEST, "days", 30, None, False, 3, "第三十六条"),
    (K.RECHECK_ANSWER, "days", 30, None, False, 3, "第三十六条"),
    (K.JUDICIAL_CONFIRMATION, "days", 30, None, False, 3, "人民调解法》第三十三条"),
    (K.PROTECTION_ORDER_DECISION, "hours", 72, None, False, 0, "反家庭暴力法》第二十八条"),
    (K.PROTECTION_ORDER_EXPIRY, "months", 6, None, False, 14, "第三十条"),
    (K.LEGAL_AID_DECISION, "days", 7, None, False, 3, "法律援助法》第四十三条"),
    (K.MEDIATION_TARGET, "months", 1, None, True, 3, "工作惯例"),
])
def test_rule_table(kind, unit, amount, max_ext, soft, warn, cite) -> None:
    rule = RULES[kind]
    assert (rule.unit, rule.amount, rule.max_extension_days, rule.soft, rule.warn_days) == (
        unit, amount, max_ext, soft, warn)
    assert cite in kind.basis


def test_urgent_protection_order_is_24_hours() -> None:
    assert RULES[K.PROTECTION_ORDER_DECISION].urgent_amount == 24


def test_kind_values_are_stable_ascii_and_state_accepts_stored_strings() -> None:
    assert K.PETITION_ACCEPTANCE == "petition_acceptance"
    assert K("legal_aid_decision") is K.LEGAL_AID_DECISION
    assert ClockState("review_answer", D("2026-01-20")).kind is K.REVIEW_ANSWER


# each clock's deadline ---------------------------------------------------------------

def test_petition_acceptance_15_days_across_national_day() -> None:
    dl = due(ClockState(K.PETITION_ACCEPTANCE, D("2025-09-23")), CAL)
    assert dl.last_day == D("2025-10-09") and dl.rolled_from == D("2025-10-08")


def test_petition_acceptance_from_an_aware_moment_uses_the_day_in_china() -> None:
    # 2025-09-22 17:00 UTC is 2025-09-23 01:00 in China.
    received = datetime(2025, 9, 22, 17, 0, tzinfo=timezone.utc)
    assert last_day(K.PETITION_ACCEPTANCE, received) == D("2025-10-09")


def test_petition_conclusion_60_days_then_extension() -> None:
    assert last_day(K.PETITION_CONCLUSION, D("2025-09-23")) == D("2025-11-24")  # 11-22 is Saturday
    # the extension counts from the end of the 60 days (11-24): +30 = 2025-12-24
    assert last_day(K.PETITION_CONCLUSION, D("2025-09-23"), extended_days=30) == D("2025-12-24")


def test_review_request_and_answer() -> None:
    assert last_day(K.REVIEW_REQUEST, D("2026-01-05")) == D("2026-02-04")
    # 30 days after 2026-01-20 is 2026-02-19, inside Spring Festival → 2026-02-24
    dl = due(ClockState(K.REVIEW_ANSWER, D("2026-01-20")), CAL)
    assert dl.last_day == D("2026-02-24") and dl.rolled_from == D("2026-02-19")


def test_recheck_request_and_answer_with_hearing_paused() -> None:
    assert last_day(K.RECHECK_REQUEST, D("2025-09-01")) == D("2025-10-09")  # 10-01 → after holiday
    assert last_day(K.RECHECK_ANSWER, D("2026-03-02")) == D("2026-04-01")
    # 第三十六条: hearing time does not count: 10 paused days → 04-11 (Sat) → Mon 04-13
    assert last_day(K.RECHECK_ANSWER, D("2026-03-02"), paused_days=10) == D("2026-04-13")


def test_judicial_confirmation_30_days_from_agreement() -> None:
    assert last_day(K.JUDICIAL_CONFIRMATION, D("2026-04-15")) == D("2026-05-15")


def test_protection_order_decision_72_or_24_hours() -> None:
    accepted = at("2026-05-01 09:00")
    dl = due(ClockState(K.PROTECTION_ORDER_DECISION, accepted), CAL)
    assert dl.last_day is None and dl.due_at == at("2026-05-04 09:00")  # a holiday: hours never roll
    urgent = due(ClockState(K.PROTECTION_ORDER_DECISION, accepted, urgent=True), CAL)
    assert urgent.due_at == at("2026-05-02 09:00")
    paused = due(ClockState(K.PROTECTION_ORDER_DECISION, accepted, paused_days=1), CAL)
    assert paused.due_at == at("2026-05-05 09:00")


def test_hours_clock_needs_a_moment() -> None:
    with pytest.raises(ValidationError):
        due(ClockState(K.PROTECTION_ORDER_DECISION, D("2026-05-01")), CAL)


def test_protection_order_expiry_six_months_not_moved_off_rest_days() -> None:
    dl = due(ClockState(K.PROTECTION_ORDER_EXPIRY, D("2025-10-05")), CAL)
    assert dl.last_day == D("2026-04-05") and dl.rolled_from is None  # Qingming, kept
    assert last_day(K.PROTECTION_ORDER_EXPIRY, D("2025-08-31")) == D("2026-02-28")


def test_legal_aid_decision_is_seven_calendar_days() -> None:
    # 法律援助法第四十三条 says 七日 (not 工作日): Mon 03-02 → Mon 03-09, not Wed 03-11.
    assert last_day(K.LEGAL_AID_DECISION, D("2026-03-02")) == D("2026-03-09")
    assert last_day(K.LEGAL_AID_DECISION, D("2025-09-26")) == D("2025-10-09")  # 10-03 is a holiday


def test_mediation_target_one_month() -> None:
    assert last_day(K.MEDIATION_TARGET, D("2026-01-31")) == D("2026-02-28")  # 调休 Saturday
    assert RULES[K.MEDIATION_TARGET].soft


def test_clock_into_2027_is_uncertain_until_declared() -> None:
    dl = due(ClockState(K.PETITION_ACCEPTANCE, D("2026-12-20")), CAL)
    assert dl.uncertain and dl.provisional_years == (2027,)
    known = WorkCalendar({D("2027-01-01"): False, D("2027-01-04"): False}, declared_years=[2027])
    dl2 = due(ClockState(K.PETITION_ACCEPTANCE, D("2026-12-20")), known)
    assert dl2.last_day == D("2027-01-05") and not dl2.uncertain


def test_negative_pause_or_extension_is_rejected() -> None:
    with pytest.raises(ValidationError):
        ClockState(K.RECHECK_ANSWER, D("2026-03-02"), paused_days=-1)
    with pytest.raises(ValidationError):
        ClockState(K.RECHECK_ANSWER, D("2026-03-02"), extended_days=-1)


# extension rule (第三十四条) ------------------------------------------------------------

def test_extension_once_and_at_most_30_days() -> None:
    state = ClockState(K.PETITION_CONCLUSION, D("2025-09-23"))
    extended = request_extension(state, 30)
    assert extended.extended_days == 30 and state.extended_days == 0
    assert request_extension(state, 10).extended_days == 10
    with pytest.raises(ValidationError) as too_long:
        request_extension(state, 31)
    assert "30" in too_long.value.message and too_long.value.code == "extension_too_long"
    with pytest.raises(ValidationError) as twice:
        request_extension(extended, 5)
    assert "一次" in twice.value.message
    with pytest.raises(ValidationError):
        request_extension(state, 0)


@pytest.mark.parametrize("kind", [k for k in ClockKind if k is not K.PETITION_CONCLUSION])
def test_other_clocks_cannot_be_extended(kind: ClockKind) -> None:
    start = at("2026-03-02 09:00") if RULES[kind].unit == "hours" else D("2026-03-02")
    with pytest.raises(ValidationError) as info:
        request_extension(ClockState(kind, start), 5)
    assert info.value.code == "extension_not_allowed" and "不能延长" in info.value.message


# status and countdown ----------------------------------------------------------------

ACCEPT = due(ClockState(K.PETITION_ACCEPTANCE, D("2025-09-23")), CAL)  # last day 2025-10-09


@pytest.mark.parametrize(("now", "expected", "text"), [
    ("2025-10-01 10:00", ClockStatus.RUNNING, "剩 8 天（2025-10-09 到期）"),
    ("2025-10-05 23:59", ClockStatus.RUNNING, "剩 4 天（2025-10-09 到期）"),
    ("2025-10-06 00:00", ClockStatus.DUE_SOON, "剩 3 天（2025-10-09 到期）"),
    ("2025-10-08 18:00", ClockStatus.DUE_SOON, "剩 1 天（2025-10-09 到期）"),
    ("2025-10-09 08:00", ClockStatus.DUE_TODAY, "今天到期"),
    ("2025-10-09 23:59", ClockStatus.DUE_TODAY, "今天到期"),
    ("2025-10-10 00:00", ClockStatus.OVERDUE, "已超期 1 天"),
    ("2025-10-11 09:00", ClockStatus.OVERDUE, "已超期 2 天"),
])
def test_day_clock_status_and_text(now: str, expected: ClockStatus, text: str) -> None:
    assert status(ACCEPT, at(now)) is expected
    assert countdown_text(ACCEPT, at(now)) == text


def test_now_in_utc_is_judged_in_china_time() -> None:
    now = datetime(2025, 10, 9, 16, 30, tzinfo=timezone.utc)  # 2025-10-10 00:30 in China
    assert status(ACCEPT, now) is ClockStatus.OVERDUE
    assert countdown_text(ACCEPT, now) == "已超期 1 天"
    with pytest.raises(ValueError):
        status(ACCEPT, datetime(2025, 10, 9, 12, 0))


def test_countdown_example_from_the_brief() -> None:
    dl = due(ClockState(K.PETITION_ACCEPTANCE, D("2026-09-24")), CAL)
    assert dl.last_day == D("2026-10-09")
    assert countdown_text(dl, at("2026-10-04 10:00")) == "剩 5 天（2026-10-09 到期）"
    assert clock_status(ClockState(K.PETITION_ACCEPTANCE, D("2026-09-24")), at("2026-10-04 10:00"),
                        CAL) is ClockStatus.RUNNING


PO = ClockState(K.PROTECTION_ORDER_DECISION, at("2026-03-10 14:00"))  # due 2026-03-13 14:00


@pytest.mark.parametrize(("now", "expected", "text"), [
    ("2026-03-10 14:00", ClockStatus.RUNNING, "剩 72 小时"),
    ("2026-03-12 20:00", ClockStatus.RUNNING, "剩 18 小时"),
    ("2026-03-13 02:00", ClockStatus.DUE_SOON, "剩 12 小时"),
    ("2026-03-13 13:30", ClockStatus.DUE_SOON, "剩 30 分钟"),
    ("2026-03-13 14:00", ClockStatus.OVERDUE, "已到期"),
    ("2026-03-13 14:20", ClockStatus.OVERDUE, "已超期 20 分钟"),
    ("2026-03-13 17:10", ClockStatus.OVERDUE, "已超期 3 小时"),
])
def test_hours_clock_status_and_text(now: str, expected: ClockStatus, text: str) -> None:
    dl = due(PO, CAL)
    assert clock_status(PO, at(now), CAL) is expected
    assert status(dl, at(now)) is expected  # default window for hours clocks is 12 hours
    assert countdown_text(dl, at(now)) == text


def test_protection_order_expiry_warns_14_days_ahead() -> None:
    state = ClockState(K.PROTECTION_ORDER_EXPIRY, D("2025-10-05"))  # expires 2026-04-05
    dl = due(state, CAL)
    assert clock_status(state, at("2026-03-21 09:00"), CAL) is ClockStatus.RUNNING   # 15 days left
    assert clock_status(state, at("2026-03-22 09:00"), CAL) is ClockStatus.DUE_SOON  # 14 days left
    assert status(dl, at("2026-03-22 09:00")) is ClockStatus.RUNNING  # the default window is 3 days
    assert clock_status(state, at("2026-04-05 09:00"), CAL) is ClockStatus.DUE_TODAY


def test_provisional_countdown_says_so() -> None:
    dl = days_after(D("2026-12-20"), 15, CAL)  # 2027-01-04
    assert countdown_text(dl, at("2026-12-30 09:00")) == (
        "剩 5 天（2027-01-04 到期）（暂定：2027 年按放假办法推算，待国务院通知确认）")
    assert countdown_text(dl, at("2027-01-06 09:00")) == "已超期 2 天（暂定：2027 年按放假办法推算，待国务院通知确认）"


def test_uncertain_countdown_names_the_unknown_year() -> None:
    dl = days_after(D("2002-12-20"), 15, CAL)  # Sat 2003-01-04 → Mon 01-06, a year nobody knows
    assert countdown_text(dl, at("2002-12-30 09:00")) == (
        "剩 7 天（2003-01-06 到期）（日历未知：2003 年节假日未录入）")


def test_status_labels_are_chinese() -> None:
    assert [s.label for s in ClockStatus] == ["进行中", "即将到期", "今天到期", "已超期"]
