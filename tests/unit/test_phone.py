from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_desktop.domain.errors import InvalidPhone, ValidationError
from fulian_desktop.domain.phone import PhoneInfo, format_phone, mask_phone, parse_phone


@pytest.mark.parametrize(
    "raw",
    ["13812345678", "+86 138 1234 5678", "+8613812345678", "86-138-1234-5678",
     " 138-1234-5678 ", "0086 13812345678", "１３８１２３４５６７８"],
)
def test_mobile(raw: str) -> None:
    assert parse_phone(raw) == PhoneInfo("13812345678", "mobile")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0731-88888888", "0731-88888888"),
        ("073188888888", "0731-88888888"),
        ("0731 8888 8888", "0731-88888888"),
        ("(0731)88888888", "0731-88888888"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),  # 010 is a 3-digit area code
        ("02112345678", "021-12345678"),
        ("0999-8888888", "0999-8888888"),  # 伊宁 (0999) numbers have 7 digits
        ("+86 731 8888 8888", "0731-88888888"),
        ("86-0731-61527967", "0731-61527967"),
        ("0086 731 61527967", "0731-61527967"),
        ("0731-88888888-123", "0731-88888888-123"),
        ("0731-88888888转123", "0731-88888888-123"),
        ("010 12345678 分机 12", "010-12345678-12"),
    ],
)
def test_landline(raw: str, expected: str) -> None:
    assert parse_phone(raw) == PhoneInfo(expected, "landline")


@pytest.mark.parametrize("raw", ["110", "119", "120", "122", "12338", "12348", "12345", "12110"])
def test_short_service_numbers(raw: str) -> None:
    assert parse_phone(f" {raw} ") == PhoneInfo(raw, "short")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "empty"),
        ("138123456789", "mobile"),  # 12 digits
        ("1381234567", "mobile"),  # 10 digits
        ("12012345678", "mobile"),  # second digit must be 3-9
        ("23812345678", "unknown"),
        ("88888888", "unknown"),  # landline without area code
        ("0731-888888", "landline"),  # local part too short
        ("0731-8888888", "landline"),  # Changsha numbers have 8 digits
        ("0300-88888888", "landline"),  # no such area code
        ("19412345678", "mobile"),  # block not in use
        ("14012345678", "mobile"),
        ("0731888888", "landline"),
        ("0086-12345678", "landline"),  # 00 is the international prefix, not an area code
        ("138abc5678", "chars"),
        ("+1 555 123 4567", "country"),
        ("13812345678转1", "unknown"),
    ],
)
def test_invalid(raw: str, code: str) -> None:
    with pytest.raises(InvalidPhone) as exc:
        parse_phone(raw)
    assert exc.value.code == code
    assert isinstance(exc.value, ValidationError)


def test_messages() -> None:
    with pytest.raises(InvalidPhone, match="手机号码应为 11 位，以 1 开头"):
        parse_phone("138123456789")
    with pytest.raises(InvalidPhone, match="无法识别的电话号码：88888888，固定电话请带区号，如 0731-88888888"):
        parse_phone("88888888")


def test_mask() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+86 138 1234 5678") == "138****5678"
    assert mask_phone("0731-88888888") == "0731-****8888"
    assert mask_phone("0731-88888888-123") == "0731-****8888-123"
    assert mask_phone("12338") == "12338"
    assert mask_phone("999999999999") == "999*****9999"  # unparseable, still masked


@given(st.text(max_size=30) | st.text(alphabet="0123456789+-() 转", max_size=20))
def test_arbitrary_text_only_raises_invalid_phone(raw: str) -> None:
    try:
        info = parse_phone(raw)
    except InvalidPhone as exc:
        assert exc.message
    else:
        assert info.kind in {"mobile", "landline", "service", "short"}
        assert parse_phone(info.number) == info  # normalised form is a fixed point


@pytest.mark.parametrize(("raw", "expected"), [
    ("400-810-1234", "400-810-1234"), ("4008101234", "400-810-1234"), ("800 810 1234", "800-810-1234"),
    ("400-810-1234转2", "400-810-1234-2"),
])
def test_service_numbers_agencies_use(raw: str, expected: str) -> None:
    assert parse_phone(raw) == PhoneInfo(expected, "service")
    assert mask_phone(raw) == expected  # an agency's number, not a person's


def test_reasons_name_what_is_wrong() -> None:
    with pytest.raises(InvalidPhone, match="区号 0731 的号码应为 8 位，“0731-8888888”是 7 位"):
        parse_phone("0731-8888888")
    with pytest.raises(InvalidPhone, match="固定电话区号 0300 不存在"):
        parse_phone("0300-88888888")
    with pytest.raises(InvalidPhone, match="手机号段 194 未启用或不存在"):
        parse_phone("194 1234 5678")


@pytest.mark.parametrize(("number", "shown"), [
    ("13812345678", "138 1234 5678"), ("0731-88888888", "0731-8888 8888"), ("010-12345678-12", "010-1234 5678 转 12"),
    ("0999-8888888", "0999-888 8888"), ("400-810-1234", "400-810-1234"), ("12338", "12338"),
])
def test_shown_grouped(number: str, shown: str) -> None:
    assert format_phone(number) == shown
