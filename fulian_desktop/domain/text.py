"""Which characters a typed text may hold. Invisible control characters and bidi overrides (U+202E turns
"张三" into a name that reads differently from how it sorts and matches) are refused, not silently
removed, so what is saved is exactly what was typed. Line breaks and tabs only in multi-line fields."""
from __future__ import annotations

import re
import unicodedata

# Explicit bidi embeddings/overrides/isolates and marks: they reorder what the reader sees.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_MULTILINE_OK = frozenset("\n\r\t")
# The multi-line rule as one pattern (Cc is exactly U+0000-001F and U+007F-009F): a fast test for long texts.
_HIDDEN = re.compile("[" + "".join(re.escape(chr(c)) for c in (*range(0x20), *range(0x7F, 0xA0))
                                     if chr(c) not in _MULTILINE_OK) + "".join(sorted(_BIDI)) + "]")

TITLE_MAX = 200       # case_file.title is VARCHAR(200)
SUMMARY_MAX = 20_000  # the same as an intake's request (intake_rules.MAX_TEXT), whose case it becomes


def bad_characters(text: str | None, *, multiline: bool = False) -> list[str]:
    """The refused characters in `text`, as U+XXXX codes (first few, no repeats); empty if it is fine."""
    found: list[str] = []
    for ch in text or "":
        if multiline and ch in _MULTILINE_OK:
            continue
        category = unicodedata.category(ch)
        # One-line fields: no control (Cc), format (Cf: zero-width, BOM, bidi) or line/paragraph separators.
        refused = ch in _BIDI or category == "Cc" or (not multiline and category in ("Cf", "Zl", "Zp"))
        code = f"U+{ord(ch):04X}"
        if refused and code not in found:
            found.append(code)
            if len(found) == 3:
                break
    return found


def characters_message(label: str, codes: list[str], *, multiline: bool = False) -> str:
    where = "" if multiline else "（此处也不能换行）"
    return (f"{label}含有不可见的控制字符或文字方向控制符（{'、'.join(codes)}），可能来自复制粘贴，"
            f"请删除后再保存{where}。")


def has_hidden_characters(text: str) -> bool:
    """True when `text` holds a character the multi-line rule refuses (`bad_characters(text, multiline=True)`
    is not empty), found by one regular-expression scan: cheap enough to run on every text the store writes."""
    return _HIDDEN.search(text) is not None
