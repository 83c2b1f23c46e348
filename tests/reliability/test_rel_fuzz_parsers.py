"""Property tests on every parser of typed or imported text: whatever comes in, the answer is a value or a
FulianError with a Chinese message, never a crash."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fulian_desktop.domain.errors import FulianError, InvalidIdNumber, InvalidPhone, ValidationError
from fulian_desktop.domain.idnumber import is_valid_id_number, make_id_number, mask_id_number, parse_id_number
from fulian_desktop.domain.periods import add_months, days_after, extend, hours_after, months_after, \
    working_days_after
from fulian_desktop.domain.phone import mask_phone, parse_phone
from fulian_desktop.domain.workcalendar import WorkCalendar, format_calendar_lines, parse_calendar_lines
from fulian_desktop.services.cases.search import fts_query, spaced

# The example counts the guarantees document quotes (docs/guarantees.md).
EXAMPLES = 300
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_CJK = re.compile(r"[\u3400-\u9fff]")

# Text as people and files produce it: digits (also full-width and Arabic-Indic), Latin, CJK, punctuation,
# separators, control characters, surrogate-free astral characters.
messy_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60) | st.from_regex(
    r"[0-9０-９Xx×\-\s()（）+转#分机ext.٠-٩]{0,30}", fullmatch=True)
SQL_INJECTION = ["' OR '1'='1", "'); DROP TABLE case_file; --", "\" OR 1=1 --", "1; DELETE FROM person",
                 "%' UNION SELECT key FROM app_setting --", "\\'; --", "NEAR(a b)", "title:*", "* OR *",
                 "\x00", "\u202e", "=cmd|' /C calc'!A0"]
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _is_clear(exc: FulianError) -> bool:
    return bool(exc.message.strip()) and bool(_CHINESE.search(exc.message))


@FAST
@given(messy_text | st.sampled_from(SQL_INJECTION))
def test_any_text_typed_as_an_id_number_is_parsed_or_refused_clearly(raw: str) -> None:
    try:
        info = parse_id_number(raw, today=date(2026, 6, 1))
    except InvalidIdNumber as exc:
        assert _is_clear(exc) and exc.code in {"empty", "chars", "length", "area", "date", "checksum"}
        assert not is_valid_id_number(raw, today=date(2026, 6, 1))
        return
    assert re.fullmatch(r"\d{17}[\dX]", info.number)
    assert parse_id_number(info.number, today=date(2026, 6, 1)).number == info.number  # stable
    masked = mask_id_number(info.number)
    assert info.number not in masked and info.birth_date.strftime("%Y%m%d") not in masked


@FAST
@given(st.dates(date(1900, 1, 1), date(2026, 6, 1)), st.integers(0, 999),
       st.sampled_from(["430122", "110105", "440305", "650102"]))
def test_every_real_id_number_is_accepted_in_any_case_and_width(birth: date, seq: int, area: str) -> None:
    number = make_id_number(area, birth, seq)
    for typed in (number, number.lower(), f"  {number} ",
                  number.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))):
        info = parse_id_number(typed, today=date(2026, 6, 1))
        assert info.number == number and info.birth_date == birth
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert not is_valid_id_number(wrong, today=date(2026, 6, 1))


@FAST
@given(messy_text | st.sampled_from(SQL_INJECTION))
def test_any_text_typed_as_a_phone_is_parsed_or_refused_clearly_and_never_shown_whole_when_masked(raw: str) -> None:
    try:
        info = parse_phone(raw)
    except InvalidPhone as exc:
        assert _is_clear(exc)
        compact = re.sub(r"\s+", "", raw)
        if len(compact) >= 8:
            assert mask_phone(raw) != compact  # an unknown shape is still never shown whole
        return
    assert info.kind in {"mobile", "landline", "short"}
    assert parse_phone(info.number) == info  # the normalised form is stable
    if info.kind == "mobile":
        assert re.fullmatch(r"1[3-9]\d{9}", info.number)
    if info.kind != "short":  # 110, 12338: public numbers, nothing personal
        assert info.number not in mask_phone(info.number)


@FAST
@given(st.text(max_size=300) | st.lists(st.sampled_from(
    ["2027-02-07 班", "2027-2-8 休", "2027/10/01 放假", "# 注释", "", "2027-02-30 休", "0000-01-01 休",
     "9999-12-31 班", "2027-02-07 休", "２０２７-０２-０７ 班", "2027-02-07", "班 2027-02-07", "\u3000",
     "2027-02-07 班 # 调休"]), max_size=12).map("\n".join))
def test_the_administrators_calendar_lines_parse_or_name_the_bad_line(text: str) -> None:
    try:
        parsed = parse_calendar_lines(text)
    except ValidationError as exc:
        assert _is_clear(exc) and re.search(r"第 \d+ 行", exc.message)
        return
    assert parse_calendar_lines(format_calendar_lines(parsed)) == parsed  # what is saved reads back the same


@FAST
@given(st.dates(date(2000, 1, 1), date(2040, 12, 31)), st.integers(-5, 400), st.integers(0, 72))
def test_deadlines_never_come_before_their_trigger_and_negative_amounts_are_refused(
        trigger: date, amount: int, hours: int) -> None:
    cal = WorkCalendar()
    calls = (lambda: days_after(trigger, amount, cal), lambda: months_after(trigger, amount // 30, cal),
             lambda: working_days_after(trigger, amount, cal))
    for call in calls:
        try:
            deadline = call()
        except ValidationError as exc:
            assert amount < 0 and _is_clear(exc)
            continue
        assert amount >= 0 and deadline.last_day >= trigger
        assert deadline.due_at.tzinfo is not None
        longer = extend(deadline, 10, cal)
        assert longer.last_day >= deadline.last_day + timedelta(days=10)
    moment = datetime.combine(trigger, datetime.min.time(), timezone.utc)
    assert hours_after(moment, hours).due_at == moment + timedelta(hours=hours)
    assert add_months(trigger, 12).year == trigger.year + 1


@FAST
@given(messy_text | st.sampled_from(SQL_INJECTION + ['"张三" NEAR/2 "李四"', 'title:张 OR summary:*', '"""',
                                                      "a* AND NOT b", "^张", "{title summary}: x"]))
def test_a_search_box_query_becomes_quoted_phrases_only(user_text: str) -> None:
    """FTS5 operators, column filters and quotes typed in the search box never reach MATCH as syntax."""
    query = fts_query(user_text)
    if query is None:
        return
    for phrase in query.split(" AND "):
        assert phrase.startswith('"') and phrase.endswith('"') and '"' not in phrase[1:-1], query
    assert spaced(user_text).count(" ") >= 0  # never raises either


@FAST
@given(st.lists(st.text(max_size=30) | st.sampled_from(
    ["高塘岭街道,新康村", "高塘岭街道，郭亮村", "街镇,村社区", "# 注释", "白沙洲街道\t马桥河村", "\"引号,街道\",村",
     "a,b,c", ",无街镇村", "高塘岭街道" * 20 + ",村", "=1+1,=2+2", "'; DROP TABLE org_unit; --,村", "\ufeff街道,村"]),
    max_size=15).map("\n".join))
def test_the_setup_wizards_towns_file_parses_or_names_each_bad_line(text: str) -> None:
    """The setup wizard's towns-and-villages CSV (ui/setup/setup_import.py, pure parsing)."""
    from ui.setup.setup_import import MAX_NAME, parse_towns

    towns, errors = parse_towns(text)
    assert all(re.match(r"第 \d+ 行", e) for e in errors)
    names = [t for t, _ in towns]
    assert len(names) == len(set(names))
    for town, villages in towns:
        assert town and len(town) <= MAX_NAME and not town.startswith("#")
        assert len(villages) == len(set(villages)) and all(0 < len(v) <= MAX_NAME for v in villages)
