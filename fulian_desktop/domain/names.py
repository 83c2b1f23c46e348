"""Names on a shared desk screen: 王丽华 shown as 王某某.

A reception desk faces the waiting room; a case list on it must not spell out who came about violence at home.
The case title is made from the masked name (`masked_name`), and where a setting asks lists not to show full names,
older titles and other texts are masked too (`mask_names_in`). The full name stays in the case, for those who open it.
"""
from __future__ import annotations

import re

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


MASK = "某"
_HAN = "[\u4e00-\u9fff]"
# A name at the start of a title, before the word that says what she reports or asks; a second party after 与/和/诉.
_LEADING = re.compile(rf"^({_HAN}{{2,4}}?)(?=反映|与|和|诉|申请|来访|要求|投诉|控告|请求|遭|被|称|的)")
_SECOND = re.compile(rf"(?<=与|和|诉)({_HAN}{{2,3}}?)(?=离婚|婚姻|赡养|抚养|继承|财产|家庭|邻里|房屋|宅基地|土地|"
                     rf"损害|劳动|合同|纠纷|的|之间)")


def mask_name(name: str) -> str:
    """王丽华 → 王某某, 王丽 → 王某, 欧阳娜娜 → 欧阳某某; an already masked or empty name as it is."""
    name = name.strip()
    if len(name) < 2 or MASK in name[1:]:
        return name
    surname = name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]
    given = len(name) - len(surname)
    return surname + MASK * min(2, max(1, given))


def mask_names_in(text: str, names: list[str] | None = None) -> str:
    """`text` with the given `names`, and the names a case title usually starts with, masked."""
    for name in sorted({n.strip() for n in names or [] if n and len(n.strip()) >= 2}, key=len, reverse=True):
        text = text.replace(name, mask_name(name))
    text = _LEADING.sub(lambda m: mask_name(m.group(1)), text)
    return _SECOND.sub(lambda m: mask_name(m.group(1)), text)
