"""Structured danger assessment for domestic-violence cases (危险性评估).

A checklist of yes/no items, each with a weight; the weights add up to a score, and the score gives
a level 高/中/低. Some items are RED FLAGS: any one of them forces 高 whatever the score (DOMAIN.md:
strangulation, threats to kill, weapon, stalking, recent separation, escalation, threats to children,
pregnancy). Professional judgement may RAISE the level with a written reason, never lower it.

The items are modelled on published danger assessments (J. Campbell's Danger Assessment and the
Chinese adaptations used by women's federations and anti-DV social work): they are a working tool for
deciding how fast to act, not a validated prediction instrument, and they say so on screen (``NOTICE``).
Weights follow the Danger Assessment's weighting idea: the items most associated with lethal violence
(strangulation, threats to kill, weapon, "she believes he can kill her") weigh most.

The items above are for an intimate partner. Violence against an elder, a child or another family member
is assessed with its own reviewed set (``resources/danger_assessment/<relationship>.toml``, each item saying
why it is there): ``risk_set(Relationship.ELDER)``. Item codes are unique across the sets, so the answers
stored for an assessment say which set it used (``relationship_of``) and the schema needs no new column.
"""
from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from pathlib import Path

from .errors import ValidationError


class RiskLevel(StrEnum):
    """Stable ASCII value (stored in risk_assessment.computed_level / final_level); ``label`` 高/中/低."""

    label: str
    rank: int

    def __new__(cls, value: str, label: str, rank: int):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        obj.rank = rank
        return obj

    LOW = "low", "低", 0
    MEDIUM = "medium", "中", 1
    HIGH = "high", "高", 2

    @classmethod
    def from_label(cls, label: str) -> "RiskLevel":
        for member in cls:
            if member.label == label:
                return member
        raise ValueError(label)


class Trend(StrEnum):
    label: str
    arrow: str

    def __new__(cls, value: str, label: str, arrow: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        obj.arrow = arrow
        return obj

    UP = "up", "上升", "↑"
    SAME = "same", "持平", "→"
    DOWN = "down", "下降", "↓"


@dataclass(frozen=True)
class RiskItem:
    code: str          # stable ASCII, stored in risk_assessment.answers
    question: str      # asked of the victim, in Chinese
    weight: int
    red_flag: bool = False
    short: str = ""    # a few characters for lists and the timeline
    question_en: str = ""   # the reviewed English of `question`, for an English screen
    short_en: str = ""

    def question_in(self, language: str) -> str:
        """The question in `language` ("zh" or "en"); Chinese where no English is written."""
        return self.question_en if language == "en" and self.question_en else self.question

    def short_in(self, language: str) -> str:
        return self.short_en if language == "en" and self.short_en else self.short


ITEMS: tuple[RiskItem, ...] = (
    # --- red flags (DOMAIN.md): any one forces 高 -------------------------------------------------
    RiskItem("escalation", "过去一年里，他施暴的次数是否越来越多，或者越来越严重？", 3, True, "暴力升级"),
    RiskItem("weapon", "他是否对您使用过刀、棍棒、枪支等凶器，或用凶器威胁过您？", 5, True, "凶器"),
    RiskItem("strangulation", "他是否掐过您的脖子、捂过您的口鼻，或用其他方式让您窒息？", 5, True, "掐脖窒息"),
    RiskItem("threat_to_kill", "他是否扬言要杀死您或您的家人？", 5, True, "扬言杀人"),
    RiskItem("stalking", "他是否跟踪、监视您，或通过手机、定位、他人等方式监控您的行踪？", 3, True, "跟踪监视"),
    RiskItem("recent_separation", "最近一年内，您是否与他分居、提出离婚或试图离开他？", 3, True, "近期分离"),
    RiskItem("threat_to_children", "他是否威胁或伤害过孩子，或以伤害、带走孩子相要挟？", 3, True, "威胁子女"),
    RiskItem("pregnancy", "您现在是否怀孕，或者他是否在您怀孕期间打过您？", 3, True, "怀孕"),
    # --- weighted items ----------------------------------------------------------------------------
    RiskItem("believes_can_kill", "您是否相信他可能会杀死您？", 4, short="自感有生命危险"),
    RiskItem("serious_injury", "他是否曾把您打伤到需要就医的程度？", 3, short="严重伤害"),
    RiskItem("forced_sex", "他是否强迫您发生性行为？", 3, short="性暴力"),
    RiskItem("abuser_suicide_threat", "他是否扬言或试图自杀？", 3, short="加害人扬言自杀"),
    RiskItem("violated_order", "他是否违反过告诫书、人身安全保护令或自己写的保证书？", 3, short="违反告诫/保护令"),
    RiskItem("weapon_access", "他手里或家中是否有刀具以外的凶器（如枪支、弓弩、农药）？", 2, short="可获得凶器"),
    RiskItem("controlling", "他是否控制您的日常生活（如限制外出、社交、用钱、用手机）？", 2, short="控制行为"),
    RiskItem("jealousy", "他是否总是强烈嫉妒、怀疑您（如说“我得不到的别人也别想得到”）？", 2, short="病态嫉妒"),
    RiskItem("abuser_substance", "他是否酗酒、吸毒或滥用药物？", 2, short="酗酒吸毒"),
    RiskItem("abuser_unemployed", "他目前是否没有稳定工作？", 2, short="加害人无业"),
    RiskItem("victim_suicidal", "您是否曾想过或尝试过自杀？", 2, short="受害人自杀念头"),
    RiskItem("prior_police", "您或他人是否曾因他的暴力报警，或公安机关是否出过警？", 1, short="曾报警"),
    RiskItem("violence_outside", "他是否对家庭以外的人也有暴力行为或违法犯罪记录？", 1, short="对外暴力/前科"),
    RiskItem("stepchild", "家中是否有不是他亲生的孩子？", 1, short="非亲生子女"),
    RiskItem("property_pets", "他是否砸毁财物、伤害宠物或牲畜来恐吓您？", 1, short="毁物恐吓"),
)

# The reviewed English of the intimate-partner items (question, short name), for an English screen. The sets in
# resources carry theirs beside the Chinese (`question_en`, `short_en`, `notice_en`).
ENGLISH: dict[str, tuple[str, str]] = {
    "escalation": ("In the past year, has he been violent more often or more severely?", "Escalating violence"),
    "weapon": ("Has he ever used a knife, a stick, a gun or another weapon against you, or threatened you with one?",
               "Weapon"),
    "strangulation": ("Has he ever choked you, covered your mouth and nose, or stopped you breathing in some other "
                      "way?", "Choking or smothering"),
    "threat_to_kill": ("Has he threatened to kill you or your family?", "Threats to kill"),
    "stalking": ("Does he follow or watch you, or track where you go through your phone, location sharing or other "
                 "people?", "Stalking or surveillance"),
    "recent_separation": ("In the past year, have you separated from him, asked for a divorce or tried to leave him?",
                          "Recent separation"),
    "threat_to_children": ("Has he threatened or harmed the children, or threatened to hurt them or take them away?",
                           "Threats to children"),
    "pregnancy": ("Are you pregnant now, or did he hit you while you were pregnant?", "Pregnancy"),
    "believes_can_kill": ("Do you believe he could kill you?", "Believes life is in danger"),
    "serious_injury": ("Has he ever hurt you badly enough to need a doctor?", "Serious injury"),
    "forced_sex": ("Has he forced you to have sex?", "Sexual violence"),
    "abuser_suicide_threat": ("Has he threatened or tried to kill himself?", "Abuser's suicide threats"),
    "violated_order": ("Has he broken a police caution, a personal safety protection order or a written promise of "
                       "his own?", "Broke a caution or protection order"),
    "weapon_access": ("Does he have, or is there at home, a weapon other than knives (such as a gun, a crossbow or "
                      "pesticide)?", "Access to a weapon"),
    "controlling": ("Does he control your daily life (such as limiting your going out, friends, money or phone)?",
                    "Controlling behaviour"),
    "jealousy": ("Is he always intensely jealous or suspicious of you (saying things like “If I can't have you, "
                 "no one can”)?", "Obsessive jealousy"),
    "abuser_substance": ("Does he drink heavily, take drugs or misuse medicines?", "Drink or drugs"),
    "abuser_unemployed": ("Is he without steady work at present?", "Abuser without work"),
    "victim_suicidal": ("Have you ever thought about or tried suicide?", "Victim's thoughts of suicide"),
    "prior_police": ("Have you or others ever called the police about his violence, or have the police come out?",
                     "Police called before"),
    "violence_outside": ("Has he been violent to people outside the family, or does he have a criminal record?",
                         "Violence outside / criminal record"),
    "stepchild": ("Is there a child at home who is not his own?", "Child not his own"),
    "property_pets": ("Has he smashed things or hurt pets or livestock to frighten you?", "Destroying things to frighten"),
}
ITEMS = tuple(replace(item, question_en=ENGLISH[item.code][0], short_en=ENGLISH[item.code][1]) for item in ITEMS)
ITEMS_BY_CODE: dict[str, RiskItem] = {item.code: item for item in ITEMS}

# Exactly DOMAIN.md's list, in its order.
RED_FLAGS: tuple[str, ...] = ("strangulation", "threat_to_kill", "weapon", "stalking", "recent_separation",
                              "escalation", "threat_to_children", "pregnancy")

# Score thresholds (inclusive lower bounds). Without any red flag, 高 needs several serious items
# together, e.g. "believes he can kill her" + forced sex + his suicide threats + a broken order = 13.
HIGH_FROM = 12
MEDIUM_FROM = 5
MAX_SCORE = sum(item.weight for item in ITEMS)

NOTICE = ("本评估表用于判断处置的紧迫程度，不能替代专业判断；任何一项红色警示即为高风险。"
          "受害人回答“不知道”的项目按“否”计分，请在备注中说明。")
NOTICE_EN = ("This checklist helps decide how urgently to act; it does not replace professional judgement. Any one "
             "red flag means high risk. Items the victim answers “don't know” count as “no”; "
             "say so in the notes.")


SETS_DIR = Path(__file__).resolve().parents[2] / "resources" / "danger_assessment"


class Relationship(StrEnum):
    """Who the person at risk is to the one who harms her; each has its own question set."""

    label: str

    def __new__(cls, value: str, label: str = "") -> "Relationship":  # the default: Relationship(value) looks up
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    PARTNER = "partner", "亲密伴侣（配偶、前配偶、同居者）"
    ELDER = "elder", "老年人（子女、孙辈等家人施暴）"
    CHILD = "child", "儿童（监护人或家人施暴）"
    FAMILY = "family", "其他家庭成员（兄弟姐妹、婆媳、姻亲等）"


@dataclass(frozen=True)
class RiskSet:
    """One relationship's reviewed checklist: its items, red flags, thresholds and on-screen notice."""

    relationship: Relationship
    items: tuple[RiskItem, ...]
    red_flags: tuple[str, ...]
    high_from: int
    medium_from: int
    notice: str
    reasons: dict[str, str] = field(default_factory=dict)   # item code -> why it is in the set
    notice_en: str = ""

    def notice_in(self, language: str) -> str:
        """The notice in `language` ("zh" or "en"); Chinese where no English is written."""
        return self.notice_en if language == "en" and self.notice_en else self.notice

    @property
    def max_score(self) -> int:
        return sum(item.weight for item in self.items)

    @property
    def items_by_code(self) -> dict[str, RiskItem]:
        return {item.code: item for item in self.items}

    def level_for_score(self, score: int) -> RiskLevel:
        if score >= self.high_from:
            return RiskLevel.HIGH
        if score >= self.medium_from:
            return RiskLevel.MEDIUM
        return RiskLevel.LOW


def _load_set(relationship: Relationship) -> RiskSet:
    data = tomllib.loads((SETS_DIR / f"{relationship.value}.toml").read_text(encoding="utf-8"))
    items = tuple(RiskItem(str(i["code"]), str(i["question"]), int(i["weight"]), bool(i.get("red_flag", False)),
                           str(i.get("short", "")), str(i.get("question_en", "")), str(i.get("short_en", "")))
                  for i in data["item"])
    if data.get("relationship") != relationship.value or len({i.code for i in items}) != len(items):
        raise RuntimeError(f"danger assessment set {relationship.value} is malformed")
    return RiskSet(relationship, items, tuple(i.code for i in items if i.red_flag), int(data["high_from"]),
                   int(data["medium_from"]), str(data["notice"]), {str(i["code"]): str(i["why"]) for i in data["item"]},
                   str(data.get("notice_en", "")))


@cache
def risk_set(relationship: Relationship | str = Relationship.PARTNER) -> RiskSet:
    """The checklist for `relationship`; the intimate-partner one is the set above, the others load from
    resources (a missing or malformed file is a broken installation, not a user's error)."""
    rel = Relationship(relationship)
    if rel == Relationship.PARTNER:
        return RiskSet(rel, ITEMS, RED_FLAGS, HIGH_FROM, MEDIUM_FROM, NOTICE, notice_en=NOTICE_EN)
    return _load_set(rel)


def all_items() -> dict[str, RiskItem]:
    """Every item of every set by its (unique) code: for showing stored answers."""
    return {item.code: item for rel in Relationship for item in risk_set(rel).items}


def relationship_of(codes: Iterable[str]) -> Relationship:
    """The set stored answers were given in (the intimate-partner one for none, or for codes of no set)."""
    wanted = set(codes)
    for rel in Relationship:
        if wanted and wanted <= set(risk_set(rel).items_by_code):
            return rel
    return Relationship.PARTNER


def level_for_score(score: int) -> RiskLevel:
    if score >= HIGH_FROM:
        return RiskLevel.HIGH
    if score >= MEDIUM_FROM:
        return RiskLevel.MEDIUM
    return RiskLevel.LOW


@dataclass(frozen=True)
class Assessment:
    score: int
    computed_level: RiskLevel          # from the score and the red flags
    red_flags: tuple[str, ...]         # codes of the red-flag items answered yes, in RED_FLAGS order
    yes_items: tuple[str, ...]         # every item answered yes, in ITEMS order
    unanswered: tuple[str, ...]        # items not in the answers (counted as no)
    final_level: RiskLevel             # computed_level, or the professional override
    override_reason: str | None = None
    max_score: int = MAX_SCORE
    relationship: Relationship = Relationship.PARTNER

    @property
    def overridden(self) -> bool:
        return self.final_level != self.computed_level

    @property
    def forced_by_red_flag(self) -> bool:
        return bool(self.red_flags) and risk_set(self.relationship).level_for_score(self.score) != RiskLevel.HIGH

    @property
    def red_flag_labels(self) -> tuple[str, ...]:
        return self.red_flag_labels_in("zh")

    def red_flag_labels_in(self, language: str) -> tuple[str, ...]:
        by_code = risk_set(self.relationship).items_by_code
        return tuple(by_code[c].short_in(language) for c in self.red_flags)

    def answers(self) -> dict[str, bool]:
        """Every item of the set, for storing: yes items True, the rest False."""
        yes = set(self.yes_items)
        return {item.code: item.code in yes for item in risk_set(self.relationship).items}


def _check_answers(answers: Mapping[str, bool], checklist: RiskSet) -> None:
    unknown = sorted(set(answers) - set(checklist.items_by_code))
    if unknown:
        raise ValidationError(f"“{checklist.relationship.label}”评估表中没有这些项目：{', '.join(unknown)}",
                              code="unknown_item", field="answers")
    wrong = sorted(code for code, value in answers.items() if not isinstance(value, bool))
    if wrong:
        raise ValidationError(f"这些项目只能回答“是”或“否”：{', '.join(wrong)}", code="not_yes_no",
                              field="answers")


def assess(answers: Mapping[str, bool], *, override_level: RiskLevel | str | None = None,
           override_reason: str | None = None, relationship: Relationship | str | None = None) -> Assessment:
    """Score the checklist of `relationship` (by default: the set the answers' codes belong to); then apply
    an optional professional override (raise only, with a reason). Answers from another set are refused."""
    try:
        rel = Relationship(relationship) if relationship is not None else relationship_of(answers)
    except ValueError:
        raise ValidationError(f"无效的评估对象：{relationship}", code="invalid_relationship",
                              field="relationship") from None
    checklist = risk_set(rel)
    _check_answers(answers, checklist)
    yes = tuple(item.code for item in checklist.items if answers.get(item.code) is True)
    by_code = checklist.items_by_code
    score = sum(by_code[code].weight for code in yes)
    flags = tuple(code for code in checklist.red_flags if answers.get(code) is True)
    computed = RiskLevel.HIGH if flags else checklist.level_for_score(score)
    result = Assessment(score=score, computed_level=computed, red_flags=flags, yes_items=yes,
                        unanswered=tuple(item.code for item in checklist.items if item.code not in answers),
                        final_level=computed, max_score=checklist.max_score, relationship=rel)
    if override_level is not None:
        result = override(result, override_level, override_reason)
    return result


def override(assessment: Assessment, level: RiskLevel | str, reason: str | None) -> Assessment:
    """Professional judgement may raise a level, with a reason (DOMAIN.md); lowering is refused.

    Choosing the computed level again is no override (the reason is not needed and not kept).
    """
    try:
        target = RiskLevel(level)
    except ValueError:
        raise ValidationError(f"无效的风险等级：{level}", code="invalid_level", field="override_level") from None
    computed = assessment.computed_level
    if target.rank < computed.rank:
        why = "（存在红色警示）" if assessment.red_flags else ""
        raise ValidationError(f"专业判断只能调高风险等级，不能把“{computed.label}”调低为“{target.label}”{why}。",
                              code="override_lower", field="override_level")
    if target == computed:
        return replace(assessment, final_level=computed, override_reason=None)
    text = (reason or "").strip()
    if not text:
        raise ValidationError(f"把风险等级由“{computed.label}”调高为“{target.label}”须写明理由。",
                              code="override_reason", field="override_reason")
    return replace(assessment, final_level=target, override_reason=text)


def compare(previous: RiskLevel | str | None, current: RiskLevel | str) -> Trend | None:
    """Direction from one assessment's level to the next; None for the first assessment."""
    if previous is None:
        return None
    before, after = RiskLevel(previous).rank, RiskLevel(current).rank
    return Trend.UP if after > before else Trend.DOWN if after < before else Trend.SAME


def trend(levels: Iterable[RiskLevel | str]) -> list[Trend | None]:
    """For successive levels (oldest first), each one's direction from the one before."""
    out: list[Trend | None] = []
    previous: RiskLevel | str | None = None
    for level in levels:
        out.append(compare(previous, level))
        previous = level
    return out


def overall_trend(levels: Sequence[RiskLevel | str]) -> Trend | None:
    """First assessment to latest (None with fewer than two)."""
    return compare(levels[0], levels[-1]) if len(levels) >= 2 else None


__all__ = [
    "Assessment", "ENGLISH", "HIGH_FROM", "ITEMS", "ITEMS_BY_CODE", "MAX_SCORE", "MEDIUM_FROM", "NOTICE", "NOTICE_EN",
    "RED_FLAGS",
    "Relationship", "RiskItem", "RiskLevel", "RiskSet", "Trend", "all_items", "assess", "compare", "level_for_score",
    "overall_trend", "override", "relationship_of", "risk_set", "trend",
]
