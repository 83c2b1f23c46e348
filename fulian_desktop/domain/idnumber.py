"""Chinese resident ID numbers (居民身份证号, GB 11643).

18 chars = area(6) + birth YYYYMMDD(8) + sequence(3, odd = male) + check char
(ISO 7064 MOD 11-2).  Legacy 15-digit numbers (area + YYMMDD + sequence, year
19YY, no check char) are upgraded to 18 so the store only ever holds one form.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from . import clock
from .errors import InvalidIdNumber

# Province-level prefixes (GB/T 2260); 71 台湾, 81 香港, 82 澳门, 83 (港澳台居民居住证).
PROVINCE_CODES: frozenset[str] = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23",
     "31", "32", "33", "34", "35", "36", "37",
     "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
     "61", "62", "63", "64", "65", "71", "81", "82", "83"}
)

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"  # indexed by (weighted sum mod 11)
_DIGITS = frozenset("0123456789")
_EARLIEST_BIRTH = date(1900, 1, 1)


@dataclass(frozen=True)
class IdNumberInfo:
    number: str  # normalised 18-char form, upper-case 'X'
    birth_date: date
    sex: str  # '男' / '女'
    area_code: str
    upgraded_from_15: bool


def id_check_char(first17: str) -> str:
    """The MOD 11-2 check char for the first 17 digits."""
    if len(first17) != 17 or not set(first17) <= _DIGITS:
        raise ValueError(f"需要 17 位数字，得到 {first17!r}")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS))
    return _CHECK_CHARS[total % 11]


def _normalise(raw: object) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise InvalidIdNumber("身份证号必须是文本", code="chars")
    # NFKC folds full-width digits/'Ｘ' that Chinese IMEs often produce.
    return unicodedata.normalize("NFKC", raw).strip().upper()


def _parse_birth(digits8: str, today: date) -> date:
    try:
        born = date(int(digits8[:4]), int(digits8[4:6]), int(digits8[6:8]))
    except ValueError:
        raise InvalidIdNumber(f"身份证号中的出生日期 {digits8} 不存在", code="date") from None
    if born < _EARLIEST_BIRTH:
        raise InvalidIdNumber(f"身份证号中的出生日期 {digits8} 早于 1900 年", code="date")
    if born > today:
        raise InvalidIdNumber(f"身份证号中的出生日期 {digits8} 晚于今天", code="date")
    return born


def parse_id_number(raw: str, *, today: date | None = None) -> IdNumberInfo:
    """Validate and normalise an ID number; raise InvalidIdNumber with a code."""
    text = _normalise(raw)
    if not text:
        raise InvalidIdNumber("身份证号不能为空", code="empty")
    if not set(text) <= _DIGITS | {"X"}:
        raise InvalidIdNumber("身份证号只能包含数字，最后一位可以是 X", code="chars")
    if len(text) not in (15, 18):
        raise InvalidIdNumber(f"身份证号应为 18 位（或旧式 15 位），实际为 {len(text)} 位", code="length")
    # Only the 18-digit form has a check char, and only in the last position.
    if "X" in text[:-1] or (len(text) == 15 and text.endswith("X")):
        raise InvalidIdNumber("身份证号中只有第 18 位可以是 X", code="chars")
    if text[:2] not in PROVINCE_CODES:
        raise InvalidIdNumber(f"身份证号前两位 {text[:2]} 不是有效的省级行政区划代码", code="area")

    upgraded = len(text) == 15
    first17 = text[:6] + "19" + text[6:] if upgraded else text[:17]
    born = _parse_birth(first17[6:14], today or clock.today_local())
    expected = id_check_char(first17)
    if not upgraded and text[17] != expected:
        raise InvalidIdNumber(f"身份证号校验位错误：应为 {expected}，实际为 {text[17]}", code="checksum")

    return IdNumberInfo(
        number=first17 + expected,
        birth_date=born,
        sex="男" if int(first17[16]) % 2 else "女",
        area_code=first17[:6],
        upgraded_from_15=upgraded,
    )


def is_valid_id_number(raw: object, *, today: date | None = None) -> bool:
    try:
        parse_id_number(raw, today=today)  # type: ignore[arg-type]
    except InvalidIdNumber:
        return False
    return True


def mask_id_number(number: str) -> str:
    """Keep area (first 6) and last 4 so staff can tell records apart; hide birth date."""
    text = (number or "").strip()
    if len(text) <= 10:
        return "*" * len(text)  # too short to keep anything without revealing most of it
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def make_id_number(area: str, birth: date, seq: int) -> str:
    """Build a valid 18-digit number (demo/test data). seq 0..999, odd = male."""
    if len(area) != 6 or not set(area) <= _DIGITS:
        raise ValueError(f"行政区划代码应为 6 位数字，得到 {area!r}")
    if not 0 <= seq <= 999:
        raise ValueError(f"顺序码应在 0..999 之间，得到 {seq}")
    first17 = f"{area}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
    return first17 + id_check_char(first17)
