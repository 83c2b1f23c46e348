"""Phone numbers as clients and staff actually type them.

Three kinds are accepted: mobile (11 digits, optional +86), landline with area
code (normalised to '0731-88888888[-ext]'), and a whitelist of public short
service numbers that appear in case records (hotlines a client was referred to).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import InvalidPhone

SHORT_NUMBERS: frozenset[str] = frozenset(
    {"110", "119", "120", "122", "12338", "12348", "12345", "12110"}
)  # 12338 妇女维权热线, 12348 法律援助

_EXAMPLE = "0731-88888888"
_MOBILE = re.compile(r"1[3-9]\d{9}")
_MOBILE_PREFIX = re.compile(r"(?:\+86|0086|86)(?=\d{11}$)")
# Area code (never '00': that is the international prefix), optional ')' or '-'
# separator, 7-8 digit local part, optional extension.
_LANDLINE = re.compile(r"\(?(0[1-9]\d{1,2})(\)-?|-)?(\d{7,8})(?:[-转](\d{1,6}))?")
_EXT_MARKERS = re.compile(r"(?:分机|ext\.?|x|#)", re.IGNORECASE)
_ALLOWED = re.compile(r"\+?[0-9()\-转]*")  # '+' only as a country prefix


@dataclass(frozen=True)
class PhoneInfo:
    number: str  # mobile: 11 digits; landline: '0731-88888888[-ext]'; short: digits
    kind: str  # 'mobile' | 'landline' | 'short'


def _clean(raw: object) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise InvalidPhone("电话号码必须是文本", code="chars")
    # NFKC folds full-width digits, '＋', '（）' and '－' typed with a Chinese IME.
    text = unicodedata.normalize("NFKC", raw)
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)  # assorted Unicode dashes
    return _EXT_MARKERS.sub("转", text)


def _split_area(area: str, sep: str | None, local: str) -> tuple[str, str]:
    """Without an explicit separator the regex split is a guess; use the real rule:
    010 and 020-029 are 3-digit area codes, every other one has 4 digits."""
    if sep:
        return area, local
    joined = area + local
    width = 3 if joined[1] in "12" else 4
    return joined[:width], joined[width:]


def parse_phone(raw: str) -> PhoneInfo:
    """Validate and normalise a phone number; raise InvalidPhone with a code."""
    text = _clean(raw)
    if not text:
        raise InvalidPhone("电话号码不能为空", code="empty")
    if not _ALLOWED.fullmatch(text):
        raise InvalidPhone(f"电话号码只能包含数字、空格和连字符：{raw}", code="chars")

    if "转" not in text:  # extensions only exist on landlines
        digits = re.sub(r"[-()]", "", text)
        if digits.startswith("+") and not digits.startswith("+86"):
            raise InvalidPhone(f"只支持中国大陆电话号码：{raw}", code="country")
        digits = _MOBILE_PREFIX.sub("", digits, count=1).lstrip("+")
        if digits in SHORT_NUMBERS:
            return PhoneInfo(digits, "short")
        if digits.startswith("1"):
            if _MOBILE.fullmatch(digits):
                return PhoneInfo(digits, "mobile")
            raise InvalidPhone(
                f"手机号码应为 11 位，以 1 开头、第二位为 3–9，实际为 {digits}（{len(digits)} 位）",
                code="mobile",
            )

    m = _LANDLINE.fullmatch(text)
    if m:
        area, local = _split_area(m.group(1), m.group(2), m.group(3))
        if 7 <= len(local) <= 8:
            ext = f"-{m.group(4)}" if m.group(4) else ""
            return PhoneInfo(f"{area}-{local}{ext}", "landline")
    if text.lstrip("(").startswith("0"):
        raise InvalidPhone(
            f"固定电话格式不正确：{raw}，应为区号 + 7–8 位号码，如 {_EXAMPLE}", code="landline"
        )
    raise InvalidPhone(f"无法识别的电话号码：{raw}，固定电话请带区号，如 {_EXAMPLE}", code="unknown")


def mask_phone(number: str) -> str:
    """Hide the middle digits for lists/exports: '138****5678', '0731-****8888'."""
    try:
        info = parse_phone(number)
    except InvalidPhone:
        text = re.sub(r"\s+", "", number or "")
        # Unknown shape: still never show it whole.
        return text[:3] + "*" * (len(text) - 7) + text[-4:] if len(text) >= 8 else "*" * len(text)
    if info.kind == "short":
        return info.number  # public hotline, nothing personal
    if info.kind == "mobile":
        return info.number[:3] + "****" + info.number[-4:]
    area, local, *ext = info.number.split("-")
    masked = "*" * (len(local) - 4) + local[-4:]
    return "-".join([area, masked, *ext])
