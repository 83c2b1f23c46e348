"""Chinese resident ID numbers (居民身份证号, GB 11643).

18 chars = area(6) + birth YYYYMMDD(8) + sequence(3, odd = male) + check char
(ISO 7064 MOD 11-2).  Legacy 15-digit numbers (area + YYMMDD + sequence, year
19YY, no check char) are upgraded to 18 so the store only ever holds one form.
Spaces and dashes inside a number (staff copy numbers as "430112 1980 0101 0011") are ignored.

The area code is looked up in the GB/T 2260 list python-stdnum ships (cn/loc, with the years each county
code was in use), so the region's name can be shown beside the number. A code that is not in the list, or
was not in use in the holder's birth year (430112 望城区 exists since 2011), is a warning, never a refusal:
old numbers stay valid, and the list can lag behind a new county.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

from stdnum import numdb

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
    region: str = ""       # "湖南省长沙市望城区" (GB/T 2260), or the province alone when the code is unknown
    region_note: str = ""  # a warning about the area code; empty when it was in use in the birth year


@dataclass(frozen=True)
class Region:
    name: str
    note: str = ""


# Levels GB/T 2260 lists under a province that are not place names: left out of the region's name.
_NOT_A_PLACE = frozenset({"市辖区", "县", "市", "郊区"})
_SPAN = re.compile(r"^\[(\d*)-(\d*)\](.+)$")


@cache
def _names(code: str) -> tuple[str, tuple[tuple[int | None, int | None, str], ...]]:
    """(province, ((first year, last year, name) …)) for a 6-digit code; last year None while in use."""
    province, counties = "", []
    for _part, props in numdb.get("cn/loc").info(code):
        province = props.get("province", province)
        for entry in filter(None, (props.get("county") or "").split(",")):
            match = _SPAN.match(entry)
            if match:
                counties.append((int(match.group(1)) if match.group(1) else None,
                                 int(match.group(2)) if match.group(2) else None, match.group(3)))
            else:
                counties.append((None, None, entry))
    return province, tuple(counties)


def _in_use(entry: tuple[int | None, int | None, str], year: int) -> bool:
    first, last, _name = entry
    return (first is None or year >= first) and (last is None or year <= last)


def _pick(entries: tuple[tuple[int | None, int | None, str], ...],
          year: int | None) -> tuple[int | None, int | None, str] | None:
    if not entries:
        return None
    if year is not None:
        for entry in entries:
            if _in_use(entry, year):
                return entry
    return entries[-1]  # the latest use of the code


def id_region(area_code: str, birth_year: int | None = None) -> Region:
    """The place an area code names (as it was named in ``birth_year``), with a warning when the code is
    not in GB/T 2260 or was not in use that year."""
    province, counties = _names(area_code)
    county = _pick(counties, birth_year)
    if county is None:
        return Region(province, f"行政区划代码 {area_code} 不在国家标准 GB/T 2260 的代码表中，请核对身份证号（可能输错）。")
    parts = [] if area_code[2:] == "0000" else [province]  # a province's own code names itself (香港特别行政区)
    if area_code[4:] != "00":
        _p, prefecture = _names(area_code[:4] + "00")
        above = _pick(prefecture, birth_year)
        if above is not None:
            parts.append(above[2])
    parts.append(county[2])
    name = "".join(dict.fromkeys(p for p in parts if p and p not in _NOT_A_PLACE and "直辖" not in p))
    note = ""
    if birth_year is not None and not _in_use(county, birth_year):
        first, last, label = county
        when = f"{first} 年起才使用" if first is not None and birth_year < first else f"{last} 年已停用"
        note = (f"行政区划代码 {area_code}（{label}）{when}，{birth_year} 年出生的人一般不会是这个代码，请核对"
                "（旧号码仍然有效）。")
    return Region(name, note)


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
    # NFKC folds full-width digits/'Ｘ' that Chinese IMEs often produce; spaces and dashes are only grouping.
    return re.sub(r"[\s\-\u2010-\u2015\u2212]", "", unicodedata.normalize("NFKC", raw)).upper()


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

    region = id_region(first17[:6], born.year)
    return IdNumberInfo(
        number=first17 + expected,
        birth_date=born,
        sex="男" if int(first17[16]) % 2 else "女",
        area_code=first17[:6],
        upgraded_from_15=upgraded,
        region=region.name,
        region_note=region.note,
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
