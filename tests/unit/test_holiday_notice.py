"""Reading the State Council's holiday notice: the real 2026 text, a made-up 2027 one, and bad pastes."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.holiday_notice import parse_holiday_notice
from fulian_desktop.domain.workcalendar import WorkCalendar

D = date.fromisoformat
NOTICES = Path(__file__).resolve().parents[1] / "support" / "holiday_notices"
NOTICE_2026 = (NOTICES / "2026_state_council.txt").read_text(encoding="utf-8")
NOTICE_2027 = (NOTICES / "2027_made_up.txt").read_text(encoding="utf-8")


def test_the_real_2026_notice_gives_exactly_the_packages_2026() -> None:
    notice = parse_holiday_notice(NOTICE_2026)
    assert notice.year == 2026 and notice.warnings == ()
    assert [(h.name, h.first, h.last, h.days) for h in notice.holidays][:2] == [
        ("元旦", D("2026-01-01"), D("2026-01-03"), 3), ("春节", D("2026-02-15"), D("2026-02-23"), 9)]
    assert [d for d, _name in notice.workdays] == [D(x) for x in (
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")]
    # Oracle: Monday–Friday plus the notice, day by day, is chinese_calendar's 2026.
    confirmed = WorkCalendar(notice.overrides(), declared_years=[2026])
    day = D("2026-01-01")
    while day.year == 2026:
        entered = notice.overrides().get(day, day.weekday() < 5)
        assert entered == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)
    assert confirmed.is_workday(D("2026-02-14")) and confirmed.is_rest_day(D("2026-02-23"))
    assert notice.entries()[D("2026-02-28")] == (True, "春节调休上班")


def test_half_width_punctuation_and_broken_lines_read_the_same() -> None:
    pasted = (NOTICE_2026.replace("（", "(").replace("）", ")").replace("：", ":").replace("，", ",")
              .replace("周", "星期").replace("放假调休，", "放假调休,\n "))
    assert parse_holiday_notice(pasted, 2026) == parse_holiday_notice(NOTICE_2026)


def test_the_made_up_2027_notice() -> None:
    notice = parse_holiday_notice(NOTICE_2027, 2027)
    assert notice.warnings == ()
    spring = notice.holidays[1]
    assert (spring.first, spring.last, spring.days) == (D("2027-02-05"), D("2027-02-12"), 8)
    assert notice.overrides()[D("2027-01-31")] is True and notice.overrides()[D("2027-06-09")] is False
    assert len(notice.overrides()) == 3 + 8 + 3 + 5 + 1 + 1 + 7 + 5


def test_2025_combined_national_day_and_mid_autumn_and_a_single_day() -> None:
    text = ("国务院办公厅关于2025年部分节假日安排的通知 一、元旦：1月1日（周三）放假1天，不调休。"
            "二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。"
            "三、清明节：4月4日（周五）至6日（周日）放假，共3天。"
            "四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。"
            "五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。"
            "六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。")
    notice = parse_holiday_notice(text)
    for d, working in notice.overrides().items():
        assert chinese_calendar.is_workday(d) == working, d
    assert notice.holidays[-1].name == "国庆节、中秋节" and notice.holidays[-1].days == 8


def test_a_notice_leaving_out_a_statutory_day_is_warned_about() -> None:
    text = NOTICE_2027.replace("2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天",
                               "2月6日（农历正月初一、周六）至12日（农历正月初七、周五）放假调休，共7天")
    assert parse_holiday_notice(text).warnings == ("法定节假日 春节 2月5日 不在通知的放假日期中，请核对。",)


@pytest.mark.parametrize(("text", "message"), [
    ("", "请粘贴"),
    ("   \n ", "请粘贴"),
    ("元旦放三天", "没有找到放假安排的条目"),
    ("国务院办公厅关于2027年部分节假日安排的通知", "没有找到放假安排的条目"),
    (NOTICE_2027.replace("1月1日（周五）", "1月1日（周四）"), "2027年1月1日是周五，通知写的是周四"),
    (NOTICE_2027.replace("共8天", "共9天"), "2月5日至2月12日是 8 天，通知写的是共9天"),
    (NOTICE_2027.replace("六、中秋节：9月15日（周三）放假，共1天。", ""), "缺少：中秋节"),
    (NOTICE_2027.replace("5月8日（周六）上班", "5月7日（周五）上班"), "调休上班日 5月7日 是周五，本来就上班"),
    (NOTICE_2027.replace("端午节：6月9日", "端午节：6月31日"), "6月31日 不是有效日期"),
    (NOTICE_2027.replace("五、端午节", "五、重阳节"), "无法识别的节日“重阳节”"),
    (NOTICE_2027 + NOTICE_2027, "出现了两次"),
    (NOTICE_2027.replace("端午节：6月9日（周三）放假", "端午节：端午当天放假"), "“端午节”一条无法识别放假日期"),
    (NOTICE_2026, "粘贴的是 2026 年的通知，不是 2027 年的"),
])
def test_bad_pastes_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_holiday_notice(text, 2027)
    assert message in info.value.message


def test_without_a_year_the_notice_must_name_it() -> None:
    with pytest.raises(ValidationError) as info:
        parse_holiday_notice(NOTICE_2027.split("经国务院批准")[1].split("\n", 1)[1])
    assert "找不到通知的年份" in info.value.message
