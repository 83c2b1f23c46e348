"""Sums of money (涉及金额): kept as whole 分 (an integer, never a float), shown as 元 with two decimals.

`parse_yuan(text)` reads what a mediator types: "12345", "12,345.50", "12，345.5 元", "￥800", "1.2万", "3万元",
full-width digits. Anything else (letters, two decimal points, more than two decimals of a 元, a negative sum,
more than MAX_FEN) is refused with a clear message; nothing is rounded silently.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .errors import ValidationError

# 一百亿元: more than any family dispute, less than what an integer column holds.
MAX_FEN = 10_000_000_000 * 100
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)(万)?(元)?$")
_BAD = "涉及金额请填写数字（元），例如 12345.50、12,345.50 或 1.2万。"


def parse_yuan(text: str | None) -> int | None:
    """The sum in 分, or None when the field is empty."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    raw = raw.replace(" ", "").replace("，", ",").replace("¥", "").replace("￥", "").replace("人民币", "")
    if not raw:
        return None
    if "," in raw and not re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?(万)?(元)?", raw):
        raise ValidationError(_BAD, code="amount_invalid", field="amount")
    found = _NUMBER.match(raw.replace(",", ""))
    if found is None:
        raise ValidationError(_BAD, code="amount_invalid", field="amount")
    try:
        value = Decimal(found.group(1)) * (10_000 if found.group(2) else 1) * 100
    except InvalidOperation:
        raise ValidationError(_BAD, code="amount_invalid", field="amount") from None
    if value != value.to_integral_value():
        raise ValidationError("涉及金额最多精确到分（小数点后两位）。", code="amount_invalid", field="amount")
    return check_fen(int(value))


def check_fen(fen: object) -> int | None:
    """A sum in 分 handed to the core (None: not given): a whole number from 0 to MAX_FEN."""
    if fen is None:
        return None
    if isinstance(fen, bool) or not isinstance(fen, int) or fen < 0:
        raise ValidationError("涉及金额须为不小于零的金额。", code="amount_invalid", field="amount")
    if fen > MAX_FEN:
        raise ValidationError("涉及金额过大，请核对（最多一百亿元）。", code="amount_invalid", field="amount")
    return fen


def yuan_text(fen: int | None) -> str:
    """12,345.50 (no unit; empty for None)."""
    if fen is None:
        return ""
    return f"{fen // 100:,}.{fen % 100:02d}"
