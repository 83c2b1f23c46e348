"""Name pools for demo people: surnames weighted by frequency (Hunan-flavoured) and
given names by sex and generation, plus cached pinyin search keys."""
from __future__ import annotations

from itertools import accumulate

from fulian_desktop.domain.pinyin import name_search_keys
from .dice import Dice

# (surname, weight): national top surnames, boosted for the ones common in Hunan.
_SURNAME_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("刘", 80), ("李", 75), ("陈", 70), ("王", 65), ("张", 60), ("杨", 45), ("黄", 42), ("周", 42),
    ("彭", 38), ("胡", 36), ("谭", 34), ("邓", 32), ("曾", 30), ("唐", 30), ("罗", 30), ("易", 24),
    ("廖", 22), ("吴", 22), ("赵", 20), ("徐", 18), ("何", 18), ("蒋", 18), ("肖", 18), ("文", 16),
    ("朱", 16), ("郭", 15), ("高", 14), ("林", 12), ("谢", 14), ("梁", 12), ("宋", 11), ("孙", 11),
    ("马", 10), ("郑", 10), ("贺", 10), ("龙", 9), ("袁", 9), ("欧阳", 6), ("邹", 9), ("熊", 9),
    ("姜", 7), ("汤", 8), ("雷", 8), ("粟", 4), ("向", 6), ("钟", 6), ("卢", 6), ("戴", 6),
    ("夏", 6), ("田", 6), ("颜", 5), ("喻", 5), ("柳", 4), ("段", 5), ("石", 5), ("鲁", 3),
    ("杜", 5), ("董", 5), ("付", 5), ("苏", 4), ("尹", 4), ("覃", 3), ("司马", 1), ("邱", 5),
)
SURNAMES: tuple[str, ...] = tuple(s for s, _ in _SURNAME_WEIGHTS)
_SURNAME_CUM: tuple[int, ...] = tuple(accumulate(w for _, w in _SURNAME_WEIGHTS))

# Given names by generation (birth year), two-character names and single characters.
_FEMALE = {
    "old": ("桂英", "秀英", "淑芬", "玉兰", "春兰", "冬梅", "桂兰", "秀兰", "凤英", "菊香", "满秀", "翠英",
            "腊梅", "秋菊", "金秀", "四妹", "细妹", "桂香", "月娥", "淑珍", "素珍", "玉梅", "友兰", "爱莲"),
    "mid": ("丽华", "红梅", "美玲", "小红", "建芳", "艳红", "海燕", "丽娟", "春燕", "晓燕", "芳芳", "利平",
            "卫红", "小娟", "志英", "雪梅", "玉华", "金凤", "丽萍", "慧敏", "秋香", "月红", "桂芳", "湘兰"),
    "young": ("婷婷", "佳怡", "思琪", "梦婷", "雅琴", "晓丽", "倩", "静怡", "雨婷", "嘉欣", "诗雨", "湘君",
              "佳慧", "莹莹", "芷若", "丹丹", "文静", "子怡", "晓雯", "梦瑶", "紫薇", "舒婷", "琳琳", "湘怡"),
    "child": ("梓涵", "欣怡", "雨桐", "可馨", "一诺", "语汐", "沐晴", "若曦", "诗涵", "梓萱", "紫涵", "芊芊",
              "悦溪", "依诺", "思彤", "安琪", "馨月", "佳琪", "梦琪", "语嫣"),
}
_FEMALE_SINGLE = ("丽", "芳", "娟", "敏", "静", "艳", "霞", "慧", "婷", "琳", "雪", "燕", "萍", "红", "英",
                  "玲", "洁", "莉", "琴", "蓉", "岚", "颖", "丹", "倩", "佳")
_MALE = {
    "old": ("建国", "国庆", "解放", "福生", "春生", "德胜", "和平", "正清", "炳炎", "志高", "满生", "水生",
            "桂生", "冬生", "四清", "跃进", "双喜", "光明", "先明", "国华", "友良", "卫国", "建湘", "胜利"),
    "mid": ("志强", "建华", "建军", "海波", "卫东", "小兵", "红军", "利民", "湘军", "新华", "立新", "春明",
            "志刚", "建平", "少华", "国平", "永刚", "俊峰", "文斌", "建新", "铁军", "正华", "德华", "海军"),
    "young": ("俊杰", "浩然", "子豪", "宇航", "鹏飞", "家豪", "志鹏", "晨阳", "文博", "嘉诚", "湘龙", "凯文",
              "宇轩", "天宇", "振宇", "明辉", "俊辉", "伟杰", "思远", "一鸣", "博文", "少杰", "锦程", "子健"),
    "child": ("子轩", "浩宇", "梓睿", "宇泽", "睿哲", "奕辰", "沐阳", "一帆", "俊熙", "子墨", "皓轩", "梓豪",
              "宇辰", "铭泽", "思源", "承泽", "嘉树", "浩轩", "锦轩", "梓航"),
}
_MALE_SINGLE = ("伟", "强", "军", "勇", "磊", "涛", "斌", "浩", "鹏", "杰", "波", "辉", "刚", "平", "明",
                "华", "亮", "峰", "超", "俊", "林", "坚", "松", "武", "湘")


def _generation(birth_year: int) -> str:
    if birth_year < 1965:
        return "old"
    if birth_year < 1985:
        return "mid"
    if birth_year < 2008:
        return "young"
    return "child"


class NameMaker:
    """Draws names from the pools; pinyin keys are cached per surname and per given name."""

    def __init__(self, dice: Dice) -> None:
        self._dice = dice
        self._sur_keys: dict[str, tuple[str, str]] = {}
        self._given_keys: dict[str, tuple[str, str]] = {}

    def surname(self) -> str:
        return self._dice.wpick(SURNAMES, _SURNAME_CUM)

    def given(self, male: bool, birth_year: int) -> str:
        dice = self._dice
        if dice.random() < 0.25:
            return dice.pick(_MALE_SINGLE if male else _FEMALE_SINGLE)
        return dice.pick((_MALE if male else _FEMALE)[_generation(birth_year)])

    def keys(self, surname: str, given: str) -> tuple[str, str]:
        """The same (full, initials) as name_search_keys(surname + given), cached by part."""
        sk = self._sur_keys.get(surname)
        if sk is None:
            sk = self._sur_keys[surname] = name_search_keys(surname)
        gk = self._given_keys.get(given)
        if gk is None:
            # Read the given name behind a neutral surname, so its first character never
            # takes a surname-only reading (乐 le, not yue) — exactly as in the full name.
            full, initials = name_search_keys("王" + given)
            gk = self._given_keys[given] = (full[4:], initials[1:])
        return sk[0] + gk[0], sk[1] + gk[1]


def all_given_names() -> tuple[str, ...]:
    """Every given name the pools can produce (used by tests to check the key cache)."""
    names: list[str] = list(_FEMALE_SINGLE) + list(_MALE_SINGLE)
    for pool in (_FEMALE, _MALE):
        for group in pool.values():
            names.extend(group)
    return tuple(names)
