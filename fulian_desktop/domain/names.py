"""Names as lists on a desk screen show them: the surname and 某某 (王丽华 -> 王某某).

A reception desk faces the waiting room; a case list on it must not spell out who came about
violence at home. The case title is made from the masked name, so no list needs the full one.
"""
from __future__ import annotations

# The compound surnames met in Hunan's registers; any other name keeps its first character.
COMPOUND_SURNAMES: frozenset[str] = frozenset({
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯",
    "轩辕", "端木", "独孤", "南宫", "西门", "澹台",
})
ANONYMOUS = "匿名"


def surname(name: str) -> str:
    text = name.strip()
    return text[:2] if text[:2] in COMPOUND_SURNAMES else text[:1]


def masked_name(name: str) -> str:
    """王丽华 -> 王某某, 欧阳娜 -> 欧阳某某; 匿名 and empty stay as they are (nothing to hide)."""
    text = name.strip()
    if not text or text == ANONYMOUS:
        return text
    return surname(text) + "某某"
