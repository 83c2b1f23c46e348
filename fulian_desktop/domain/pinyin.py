"""Pinyin search keys for person names, so staff can find '张三' by typing
'zhangsan' or 'zs' (the habit of every Chinese input-method user).

Readings come from pypinyin; the one thing it gets wrong for names is a
polyphonic first character that reads differently as a surname (单 dan -> shan),
so that case is corrected from a small table checked against pypinyin's own
heteronym list.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# pypinyin loads its phrase dictionary on import (a large part of the desktop program's start-up):
# it is imported on the first name that needs converting, not when the services are imported.

# Surname reading of common polyphonic characters, when they come first in a name.
SURNAME_READINGS: dict[str, str] = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao",
    "查": "zha", "区": "ou", "覃": "qin", "尉": "yu", "缪": "miao",
    "盖": "ge", "翟": "zhai", "乐": "yue", "繁": "po", "召": "shao",
    "种": "chong", "折": "she", "秘": "bi", "句": "gou", "隗": "wei",
}


def _passthrough(run: str) -> list[str]:
    """Non-Chinese text: keep letters/digits (lower-cased, one item per char),
    drop spaces and separators such as the '·' in transliterated names."""
    return [ch.lower() for ch in run if ch.isalnum()]


@lru_cache(maxsize=64)
def _surname_reading(char: str) -> str | None:
    reading = SURNAME_READINGS.get(char)
    if reading is None:
        return None
    # Only trust the table where pypinyin agrees the character can be read so.
    from pypinyin import Style, pinyin

    candidates = pinyin(char, style=Style.NORMAL, heteronym=True)[0]
    return reading if reading in candidates else None


def _syllables(name: str) -> list[str]:
    text = unicodedata.normalize("NFKC", name or "").strip()
    if not text:
        return []
    # Whole-string conversion lets pypinyin use its phrase dictionary for the given name.
    from pypinyin import Style, lazy_pinyin

    items = lazy_pinyin(text, style=Style.NORMAL, errors=_passthrough)
    surname = _surname_reading(text[0])
    if surname is not None and items:
        items[0] = surname  # a Han first char always yields exactly one item
    return [item.lower() for item in items if item]


def name_search_keys(name: str) -> tuple[str, str]:
    """('zhangsan', 'zs') for '张三'; Latin letters and digits pass through lower-cased."""
    items = _syllables(name)
    return "".join(items), "".join(item[0] for item in items)
