from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_desktop.domain.errors import InvalidIdNumber, ValidationError
from fulian_desktop.domain.idnumber import (
    PROVINCE_CODES,
    id_check_char,
    is_valid_id_number,
    make_id_number,
    mask_id_number,
    parse_id_number,
)

TODAY = date(2024, 6, 1)
SAMPLE = "11010519491231002X"  # the well-known GB 11643 sample


def _code(raw: str) -> str:
    with pytest.raises(InvalidIdNumber) as exc:
        parse_id_number(raw, today=TODAY)
    return exc.value.code


def test_sample_with_x_check_char() -> None:
    info = parse_id_number(SAMPLE, today=TODAY)
    assert info.number == SAMPLE
    assert info.birth_date == date(1949, 12, 31)
    assert info.area_code == "110105"
    assert info.sex == "女"  # sequence 002 is even
    assert not info.upgraded_from_15


def test_hand_computed_check_char() -> None:
    # 4*7+3*9+0*10+1*5+2*8+2*4+1*2+9*1+9*6+0*3+0*7+1*9+0*10+1*5+1*8+2*4+3*2 = 185;
    # 185 % 11 = 9 -> '3'
    assert id_check_char("43012219900101123") == "3"
    info = parse_id_number("430122199001011233", today=TODAY)
    assert info.sex == "男"  # sequence 123 is odd
    assert info.birth_date == date(1990, 1, 1)


def test_lower_case_x_and_whitespace_are_normalised() -> None:
    assert parse_id_number("  11010519491231002x\n", today=TODAY).number == SAMPLE


def test_full_width_digits_from_ime() -> None:
    assert parse_id_number("１１０１０５１９４９１２３１００２Ｘ", today=TODAY).number == SAMPLE


def test_wrong_checksum_message() -> None:
    with pytest.raises(InvalidIdNumber) as exc:
        parse_id_number("110105194912310025", today=TODAY)
    assert exc.value.code == "checksum"
    assert str(exc.value) == "身份证号校验位错误：应为 X，实际为 5"
    assert isinstance(exc.value, ValidationError)


@pytest.mark.parametrize("birth", ["19990230", "19990229", "19991301", "19990100"])
def test_impossible_dates(birth: str) -> None:
    first17 = "430122" + birth + "123"
    with pytest.raises(InvalidIdNumber) as exc:
        parse_id_number(first17 + "0", today=TODAY)
    assert exc.value.code == "date"
    assert f"身份证号中的出生日期 {birth} 不存在" == exc.value.message


def test_feb_29_in_leap_year_is_fine() -> None:
    assert parse_id_number(make_id_number("430122", date(2000, 2, 29), 1), today=TODAY)


def test_future_birth_date() -> None:
    number = make_id_number("430122", date(2024, 6, 2), 1)
    assert _code(number) == "date"
    assert parse_id_number(number, today=date(2024, 6, 2)).birth_date == date(2024, 6, 2)


def test_before_1900() -> None:
    first17 = "43012218991231123"
    assert _code(first17 + id_check_char(first17)) == "date"


def test_15_digit_upgrade() -> None:
    info = parse_id_number("110105491231002", today=TODAY)
    assert info.number == SAMPLE
    assert info.upgraded_from_15
    assert info.birth_date == date(1949, 12, 31)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("11010519491231002", "length"),
        ("1101051949123100211", "length"),
        ("1101051949A231002X", "chars"),
        ("11010519491231X002", "chars"),
        ("11010549123100X", "chars"),
        ("110105_19491231002X", "chars"),
        ("99010519491231002X", "area"),
    ],
)
def test_rejections(raw: str, code: str) -> None:
    assert _code(raw) == code


def test_length_message() -> None:
    with pytest.raises(InvalidIdNumber, match="身份证号应为 18 位（或旧式 15 位），实际为 17 位"):
        parse_id_number("11010519491231002")


def test_is_valid_and_mask() -> None:
    assert is_valid_id_number(SAMPLE)
    assert not is_valid_id_number("110105194912310025")
    assert not is_valid_id_number(None)
    assert mask_id_number("430122199001011234") == "430122********1234"
    assert mask_id_number("123") == "***"


def test_make_id_number_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        make_id_number("4301", date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        make_id_number("430122", date(1990, 1, 1), 1000)


_areas = st.builds(
    lambda prov, rest: prov + rest,
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.text(alphabet="0123456789", min_size=4, max_size=4),
)


@given(_areas, st.dates(min_value=date(1900, 1, 1), max_value=TODAY), st.integers(0, 999))
def test_make_round_trips(area: str, birth: date, seq: int) -> None:
    number = make_id_number(area, birth, seq)
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert (info.area_code, info.birth_date) == (area, birth)
    assert info.sex == ("男" if seq % 2 else "女")
    assert mask_id_number(number) == number[:6] + "*" * 8 + number[-4:]
    if birth.year < 2000:  # a 15-digit form exists for 19xx births and upgrades back
        assert parse_id_number(number[:6] + number[8:17], today=TODAY).number == number


@given(st.text() | st.text(alphabet="0123456789Xx ", max_size=20))
def test_arbitrary_text_only_raises_invalid_id_number(raw: str) -> None:
    try:
        parse_id_number(raw, today=TODAY)
    except InvalidIdNumber as exc:
        assert exc.code in {"empty", "length", "chars", "area", "date", "checksum"}
        assert exc.message


@pytest.mark.parametrize("raw", ["110105 19491231002X", "110105-1949-1231-002X", " 110105 1949 1231 002x ",
                                 "１１０１０５－１９４９１２３１００２Ｘ"])
def test_spaces_and_dashes_inside_are_ignored(raw: str) -> None:
    assert parse_id_number(raw).number == "11010519491231002X"


def test_the_region_is_named_and_a_code_out_of_use_is_a_warning() -> None:
    info = parse_id_number("11010519491231002X")
    assert info.region == "北京市朝阳区" and info.region_note == ""
    old = parse_id_number(make_id_number("430112", date(1980, 1, 1), 1))  # 望城区 exists since 2011
    assert old.region == "湖南省长沙市望城区"
    assert old.region_note.startswith("行政区划代码 430112（望城区）2011 年起才使用，1980 年出生的人")
    assert parse_id_number(make_id_number("430122", date(1980, 1, 1), 1)).region == "湖南省长沙市望城县"
    unknown = parse_id_number(make_id_number("328312", date(1980, 1, 1), 1))  # accepted: a warning only
    assert unknown.region == "江苏省" and "不在国家标准 GB/T 2260" in unknown.region_note
