"""Places for demo data: the org tree of 望城区, addresses, ID-number area codes, phones."""
from __future__ import annotations

from itertools import accumulate

from fulian_desktop.domain.idnumber import id_region
from .dice import Dice

DISTRICT = ("望城区", "望", "430112")
# 长沙市's other districts, counties and county-level cities (case prefix, division code): a city's demo builds one
# store per district (`fulian demo --district 芙蓉区`), each with the same streets beneath it.
CHANGSHA = {"芙蓉区": ("芙", "430102"), "天心区": ("天", "430103"), "岳麓区": ("岳", "430104"),
            "开福区": ("开", "430105"), "雨花区": ("雨", "430111"), "望城区": ("望", "430112"),
            "长沙县": ("长", "430121"), "浏阳市": ("浏", "430181"), "宁乡市": ("宁", "430182")}


def district_named(name: str) -> tuple[str, str, str | None]:
    """(name, case prefix, division code) of a demo district: 长沙市's own, or any name (prefix its first
    character, no code)."""
    prefix, code = CHANGSHA.get(name, (name[:1], None))
    return name, prefix, code

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

# ID-number area codes (GB/T 2260), by place, with weights: mostly 望城, some from elsewhere in Hunan. A place's
# codes run oldest first: a person gets the newest of them in use in her birth year (GB/T 2260 as python-stdnum
# ships it, read through domain.idnumber.id_region), as her number was given: 望城县 430122 until 2011, 望城区
# 430112 from then on. A place none of whose codes was in use that year is left out for that year.
_PLACES: tuple[tuple[tuple[str, ...], int], ...] = (
    (("430122", "430112"), 70),                   # 望城县 → 望城区 (2011)
    (("430120", "430102"), 2), (("430120", "430103"), 2), (("430120", "430104"), 3),  # 长沙市区 → 芙蓉/天心/岳麓
    (("430120", "430105"), 3), (("430120", "430111"), 2),                             # → 开福/雨花 (1983)
    (("430121",), 4),                              # 长沙县
    (("432324", "430124", "430182"), 4),           # 宁乡县 (益阳地区 → 长沙市, 1983) → 宁乡市 (2017)
    (("432124", "430123", "430181"), 3),           # 浏阳县 → 浏阳市 (1993)
    (("430321",), 2),                              # 湘潭县
    (("430421",), 1),                              # 衡阳县 (1983)
    (("432201", "430602"), 2),                     # 岳阳市 → 岳阳楼区
    (("432401", "430702"), 2),                     # 常德市 → 武陵区 (1988)
    (("432301", "430902"), 2),                     # 益阳市 → 资阳区 (1994)
    (("432322", "430921"), 1),                     # 南县
    (("431102",), 1),                              # 零陵区 (1995)
    (("433101",), 1),                              # 吉首市 (1982)
)
AREA_CODES: tuple[str, ...] = tuple(dict.fromkeys(code for codes, _ in _PLACES for code in codes))
_BY_YEAR: dict[int, tuple[tuple[str, ...], tuple[int, ...]]] = {}

_MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                    "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "180", "181",
                    "182", "183", "185", "186", "187", "188", "189", "191", "198", "199")
# Fixed lines in 望城 (area code 0731, eight digits): the exchange blocks the district's numbers start with.
_LANDLINE_BLOCKS = ("8808", "8809", "8810", "8811", "8812", "8813", "8850", "8851", "8858")


def area_codes_in(year: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """(codes, cumulative weights) a person born in `year` is given: each place's code in use that year."""
    table = _BY_YEAR.get(year)
    if table is None:
        codes, weights = [], []
        for place, weight in _PLACES:
            in_use = [c for c in place if not id_region(c, year).note]
            if in_use:
                codes.append(in_use[-1])
                weights.append(weight)
        table = _BY_YEAR[year] = (tuple(codes), tuple(accumulate(weights)))
    return table


def area_code(dice: Dice, birth_year: int) -> str:
    """An area code that was in use in `birth_year` (so the number passes GB/T 2260 for that year)."""
    codes, cum = area_codes_in(birth_year)
    return dice.wpick(codes, cum)


def mobile(dice: Dice) -> str:
    return f"{dice.pick(_MOBILE_PREFIXES)}{int(dice.random() * 100_000_000):08d}"


def landline(dice: Dice) -> str:
    """A 望城 fixed line in the product's canonical form (0731-88101234)."""
    return f"0731-{dice.pick(_LANDLINE_BLOCKS)}{int(dice.random() * 10_000):04d}"


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
