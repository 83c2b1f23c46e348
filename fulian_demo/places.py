"""Places for demo data: the org tree of 望城区, addresses, ID-number area codes, phones."""
from __future__ import annotations

from itertools import accumulate

from .dice import Dice

DISTRICT = ("望城区", "望", "430112")

# (street/town, case prefix, villages and communities)
TOWNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("高塘岭街道", "望高", ("新康村", "光明社区", "郭亮社区", "斑马湖社区", "高塘岭社区")),
    ("乌山街道", "望乌", ("乌山村", "团山湖村", "东马社区", "双丰村", "马桥河社区")),
    ("白沙洲街道", "望白", ("白沙洲社区", "同心村", "金峙村", "华城社区", "新明社区")),
    ("大泽湖街道", "望泽", ("大泽湖社区", "中华岭村", "黄金洲社区", "月塘村", "石门村", "泽湖社区")),
    ("月亮岛街道", "望月", ("月亮岛社区", "银星社区", "金甲村", "白箬村")),
    ("丁字湾街道", "望丁", ("丁字湾社区", "彩霞村", "东山村", "兴城村", "湘江社区")),
    ("黄金园街道", "望黄", ("黄金园社区", "桐林坳社区", "格林社区", "西塘村", "鸭子铺村")),
    ("金山桥街道", "望金", ("金山桥社区", "红旗社区", "泉塘村", "郭家村", "旗龙村")),
    ("铜官街道", "望铜", ("铜官社区", "石渚湖村", "彩陶源村", "杨家桥村", "新泉村", "书院村")),
    ("书堂山街道", "望书", ("书堂山村", "洪家洲社区", "书堂社区", "罗家坪村", "桥头村")),
    ("白马街道", "望马", ("白马社区", "马桥村", "东城村", "芙蓉村", "新田村")),
    ("乔口镇", "望乔", ("乔口社区", "柳林村", "田心坪村", "团头湖村", "三汊村", "乔西村")),
    ("靖港镇", "望靖", ("靖港社区", "芦江村", "复胜村", "新桥村", "八曲河村")),
    ("格塘镇", "望格", ("格塘社区", "龙泉村", "新阳村", "朱良桥村", "明月村")),
    ("茶亭镇", "望茶", ("茶亭社区", "九峰村", "静慎村", "花果村", "太平桥村", "惠农村")),
)

# Residential compounds for community addresses.
_ESTATES = ("金峰小区", "滨江花园", "阳光新城", "湘江世纪城", "惠民小区", "安置小区", "雅苑小区",
            "金地城", "碧桂园", "恒大华府", "玉湖小区", "新城家园", "裕丰花园", "和园")

# ID-number area codes (GB/T 2260) with weights: mostly 望城区, some from elsewhere in Hunan.
_AREAS: tuple[tuple[str, int], ...] = (
    ("430112", 70), ("430102", 2), ("430103", 2), ("430104", 3), ("430105", 3), ("430111", 2),
    ("430121", 4), ("430124", 4), ("430181", 3), ("430302", 2), ("430402", 1), ("430602", 2),
    ("430702", 2), ("430902", 2), ("430921", 1), ("431102", 1), ("433101", 1),
)
AREA_CODES: tuple[str, ...] = tuple(a for a, _ in _AREAS)
_AREA_CUM: tuple[int, ...] = tuple(accumulate(w for _, w in _AREAS))

_MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                    "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "180", "181",
                    "182", "183", "185", "186", "187", "188", "189", "191", "198", "199")


def area_code(dice: Dice) -> str:
    return dice.wpick(AREA_CODES, _AREA_CUM)


def mobile(dice: Dice) -> str:
    return f"{dice.pick(_MOBILE_PREFIXES)}{int(dice.random() * 100_000_000):08d}"


def address(dice: Dice, base: str, is_community: bool) -> str:
    """A household address under `base` (e.g. 长沙市望城区高塘岭街道新康村)."""
    ri = dice.ri
    if is_community:
        return f"{base}{dice.pick(_ESTATES)}{ri(1, 32)}栋{ri(1, 4)}单元{ri(1, 28)}{ri(1, 6):02d}室"
    return f"{base}{ri(1, 18)}组{ri(1, 86)}号"


def short_name(unit_name: str) -> str:
    """高塘岭街道 -> 高塘岭, 新康村 -> 新康, 光明社区 -> 光明 (for usernames)."""
    for suffix in ("街道办事处", "街道", "社区", "镇", "乡", "村", "区"):
        if unit_name.endswith(suffix) and len(unit_name) > len(suffix):
            return unit_name[: -len(suffix)]
    return unit_name
