"""Phone numbers as clients and staff actually type them, checked by the field's library (phonenumbers).

Accepted: mobiles (with or without +86 / 86 / 0086), landlines with their area code (with or without
+86 / 86, the trunk 0, brackets or dashes), the national service numbers 400 / 800 that agencies use, an
extension after a landline or service number (转 / 分机 / ext / -123), and a whitelist of public short
service numbers that appear in case records (hotlines a client was referred to).

phonenumbers knows which mobile blocks are in use (194 is not), which area codes exist (0999 does not)
and how long each area's numbers are (Changsha has 8 digits), so a made-up number is refused with the
reason. One canonical form is stored: mobile '13812345678', landline '0731-88888888[-ext]', service
'400-810-1234[-ext]', short '12338'; ``format_phone`` groups it for display.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType

from .errors import InvalidPhone

SHORT_NUMBERS: frozenset[str] = frozenset(
    {"110", "119", "120", "122", "12338", "12348", "12345", "12110"}
)  # 12338 妇女维权热线, 12348 法律援助

_EXAMPLE = "0731-88888888"
_EXT_MARKERS = re.compile(r"(?:分机号?|转|ext\.?|x|#)", re.IGNORECASE)
_ALLOWED = re.compile(r"\+?[0-9()\-转]*")  # '+' only as a country prefix
_TRAILING_EXT = re.compile(r"(.*\d{7,8})-(\d{1,6})")  # 0731-88888888-123
_LANDLINE_TYPES = (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
_SERVICE_TYPES = (PhoneNumberType.TOLL_FREE, PhoneNumberType.SHARED_COST, PhoneNumberType.UAN,
                  PhoneNumberType.PREMIUM_RATE)
_INTERNATIONAL = re.compile(r"^(?:\+|00)")


@dataclass(frozen=True)
class PhoneInfo:
    number: str  # mobile: 11 digits; landline: '0731-88888888[-ext]'; service: '400-810-1234'; short: digits
    kind: str  # 'mobile' | 'landline' | 'service' | 'short'


def _clean(raw: object) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise InvalidPhone("电话号码必须是文本", code="chars")
    # NFKC folds full-width digits, '＋', '（）' and '－' typed with a Chinese IME.
    text = unicodedata.normalize("NFKC", raw)
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"[\u2010-\u2015\u2212.]", "-", text)  # assorted Unicode dashes, 0731.8888.8888
    return _EXT_MARKERS.sub("转", text)


def _parse(text: str) -> phonenumbers.PhoneNumber | None:
    """The library's reading of a Chinese number; None when it cannot even be read as one."""
    try:
        number = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        return None
    return number


def _landline_problem(nsn: str, raw: str) -> InvalidPhone:
    """Why a number starting with 0 is not a landline: no such area code, or the wrong length for it.
    010 and 020–029 are the only 3-digit area codes (2 digits after the 0); every other one has 4."""
    width = 2 if nsn[:1] in ("1", "2") else 3
    area, local = nsn[:width], len(nsn) - width
    for length in (8, 7):
        for filler in "8625":
            probe = _parse(f"0{area}{filler * length}")
            if probe is not None and phonenumbers.is_valid_number(probe):
                return InvalidPhone(f"固定电话位数不对：区号 0{area} 的号码应为 {length} 位，“{raw}”是 {local} 位",
                                    code="landline")
    return InvalidPhone(f"固定电话区号 0{area} 不存在：{raw}，请核对区号，如 {_EXAMPLE}", code="landline")


def _split_extension(text: str) -> tuple[str, str | None]:
    if "转" in text:
        main, _, ext = text.partition("转")
        if not ext.isdigit() or len(ext) > 6:
            raise InvalidPhone(f"分机号应为 1–6 位数字：{ext or '（空）'}", code="landline")
        return main, ext
    return text, None


def parse_phone(raw: str) -> PhoneInfo:
    """Validate and normalise a phone number; raise InvalidPhone with a code."""
    text = _clean(raw)
    if not text:
        raise InvalidPhone("电话号码不能为空", code="empty")
    if not _ALLOWED.fullmatch(text.replace("转", "")) or text.count("转") > 1:
        raise InvalidPhone(f"电话号码只能包含数字、空格和连字符：{raw}", code="chars")
    main, ext = _split_extension(text)
    digits = re.sub(r"[-()+]", "", main)
    if ext is None and digits in SHORT_NUMBERS:
        return PhoneInfo(digits, "short")
    if main.startswith("+") and not main.startswith("+86"):
        raise InvalidPhone(f"只支持中国大陆电话号码：{raw}", code="country")
    if digits.startswith("00") and not digits.startswith("0086"):
        if len(digits) <= 12:
            raise InvalidPhone(f"固定电话区号不能以 00 开头（00 是国际长途前缀）：{raw}", code="landline")
        raise InvalidPhone(f"只支持中国大陆电话号码：{raw}", code="country")
    if digits.startswith("0086"):
        main = "+86" + main.lstrip("+")[4:].lstrip("-")
    number = _parse(main)
    if number is not None and ext is None and not phonenumbers.is_valid_number(number):
        tail = _TRAILING_EXT.fullmatch(main)  # 0731-88888888-123: the last group is an extension
        if tail:
            guess = _parse(tail.group(1))
            if guess is not None and phonenumbers.is_valid_number(guess) and \
                    phonenumbers.number_type(guess) in _LANDLINE_TYPES + _SERVICE_TYPES:
                number, ext = guess, tail.group(2)
    if number is not None and number.country_code != 86:
        raise InvalidPhone(f"只支持中国大陆电话号码：{raw}", code="country")
    if number is None or not phonenumbers.is_valid_number(number):
        raise _why_not(phonenumbers.national_significant_number(number) if number else digits, raw)
    kind = phonenumbers.number_type(number)
    nsn = phonenumbers.national_significant_number(number)
    suffix = f"-{ext}" if ext else ""
    if kind == PhoneNumberType.MOBILE:
        if ext:
            raise InvalidPhone(f"手机号码没有分机号：{raw}", code="unknown")
        return PhoneInfo(nsn, "mobile")
    if kind in _LANDLINE_TYPES:
        width = phonenumbers.length_of_geographical_area_code(number) or (2 if nsn[0] in "12" else 3)
        return PhoneInfo(f"0{nsn[:width]}-{nsn[width:]}{suffix}", "landline")
    if kind in _SERVICE_TYPES:
        return PhoneInfo(f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}{suffix}", "service")
    raise InvalidPhone(f"无法识别的电话号码：{raw}，固定电话请带区号，如 {_EXAMPLE}", code="unknown")


def _why_not(nsn: str, raw: str) -> InvalidPhone:
    """A clear reason for a number the library does not accept."""
    nsn = nsn.lstrip("0") if nsn.startswith("0") else nsn
    plain = re.sub(r"\D", "", unicodedata.normalize("NFKC", raw or ""))
    if plain.startswith("00"):
        return InvalidPhone(f"固定电话区号不能以 00 开头（00 是国际长途前缀）：{raw}", code="landline")
    if plain.startswith("0"):
        return _landline_problem(nsn, raw)
    if nsn.startswith("1"):
        if len(nsn) != 11:
            return InvalidPhone(
                f"手机号码应为 11 位，以 1 开头、第二位为 3–9，实际为 {nsn}（{len(nsn)} 位）", code="mobile")
        return InvalidPhone(f"手机号段 {nsn[:3]} 未启用或不存在：{raw}，请核对号码", code="mobile")
    if nsn[:3] in ("400", "800"):
        return InvalidPhone(f"{nsn[:3]} 服务号码应为 10 位：{raw}", code="unknown")
    if plain.startswith("86") and plain[2:3] in tuple("23456789") and len(plain) >= 11:
        return _landline_problem(nsn, raw)  # an area code after +86, without its 0
    return InvalidPhone(f"无法识别的电话号码：{raw}，固定电话请带区号，如 {_EXAMPLE}", code="unknown")


def format_phone(number: str) -> str:
    """The canonical form grouped for reading: '138 1234 5678', '0731-8888 8888 转 123', '400-810-1234'."""
    try:
        info = parse_phone(number)
    except InvalidPhone:
        return number or ""
    if info.kind == "mobile":
        n = info.number
        return f"{n[:3]} {n[3:7]} {n[7:]}"
    if info.kind == "landline":
        area, local, *ext = info.number.split("-")
        grouped = f"{local[:-4]} {local[-4:]}"
        return f"{area}-{grouped}" + (f" 转 {ext[0]}" if ext else "")
    if info.kind == "service":
        parts = info.number.split("-")
        return "-".join(parts[:3]) + (f" 转 {parts[3]}" if len(parts) > 3 else "")
    return info.number


def mask_phone(number: str) -> str:
    """Hide the middle digits for lists/exports: '138****5678', '0731-****8888'."""
    try:
        info = parse_phone(number)
    except InvalidPhone:
        text = re.sub(r"\s+", "", number or "")
        # Unknown shape: still never show it whole.
        return text[:3] + "*" * (len(text) - 7) + text[-4:] if len(text) >= 8 else "*" * len(text)
    if info.kind in ("short", "service"):
        return info.number  # a public hotline or an agency's service number, nothing personal
    if info.kind == "mobile":
        return info.number[:3] + "****" + info.number[-4:]
    area, local, *ext = info.number.split("-")
    masked = "*" * (len(local) - 4) + local[-4:]
    return "-".join([area, masked, *ext])
