"""The mandatory report (强制报告), 反家庭暴力法第十四条, as rules.

第十四条: schools, kindergartens, medical institutions, residents' and villagers' committees, social work service
agencies, relief management and welfare institutions and their staff who, in their work, find a person without
or with limited civil capacity (无民事行为能力人、限制民事行为能力人) suffering or suspected of suffering domestic
violence shall report to the public security organ promptly (及时向公安机关报案); the police keep the reporter's
information confidential. 第三十五条: a failure to report that has serious consequences is sanctioned. Village and
community stations are villagers' and residents' committees' work: the duty is theirs.

Who is such a person (民法典第十九条至第二十二条):
- a minor (under 18, 第十七条): under 8 without capacity (第二十条), 8 and over limited (第十九条);
- an adult recorded as unable (无) or not fully able (限制) to understand their own conduct (第二十一条、第二十二条).
  The product does not decide an adult's capacity: staff record it, with who recorded it and on what basis (a
  court's declaration under 第二十四条, a doctor's diagnosis, what staff observed), on the person.

When the duty arises: the case involves domestic violence (flagged 家暴, or a crisis-intervention case) and such a
person is in it as one who suffers or may suffer it: a victim, an applicant, a minor child of the home, or
another person in the home. A respondent, an agent or a witness is not the one at risk in this case.

Age is counted in China days (``clock.today_local``) from the birth date, or the ID number's birth date; a party
in the role 未成年子女 with no birth date on file is taken as a minor (the role says so).

The clock (``clocks.ClockKind.MANDATORY_REPORT``): "及时" is read as "at once": the report is due by 24:00 of the
day the duty arose, China time, and the day is never moved off a weekend or holiday (the police take reports every
day, at 110). It shows 今天到期 from the moment it is raised and 已超期 from the next day.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .errors import ValidationError

ADULT_AGE = 18          # 民法典第十七条
NO_CAPACITY_BELOW = 8   # 民法典第二十条
BASIS = ("《中华人民共和国反家庭暴力法》第十四条：学校、幼儿园、医疗机构、居民委员会、村民委员会、社会工作服务机构、"
         "救助管理机构、福利机构及其工作人员在工作中发现无民事行为能力人、限制民事行为能力人遭受或者疑似遭受家庭暴力的，"
         "应当及时向公安机关报案。公安机关应当对报案人的信息予以保密。")
SHORT_BASIS = "依据：《中华人民共和国反家庭暴力法》第十四条、第三十五条。"
# The roles of a party who may be the one suffering the violence (domain.enums.PartyRole values).
AT_RISK_ROLES = frozenset({"victim", "applicant", "minor_child", "other"})
MAX_TEXT = 200


class _Coded(StrEnum):
    """Stable ASCII value with a Chinese ``label``."""

    label: str

    def __new__(cls, value: str, label: str = "") -> "_Coded":
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj


class CivilCapacity(_Coded):
    """An adult's civil capacity as recorded by staff (民法典第二十一条、第二十二条); full when nothing is recorded."""

    NONE = "none", "无民事行为能力"
    LIMITED = "limited", "限制民事行为能力"


class Ground(_Coded):
    """Why the person falls under 第十四条."""

    MINOR_UNDER_8 = "minor_under_8", "不满八周岁的未成年人（无民事行为能力人）"
    MINOR = "minor", "八周岁以上的未成年人（限制民事行为能力人）"
    NO_CAPACITY = "no_capacity", "无民事行为能力的成年人"
    LIMITED_CAPACITY = "limited_capacity", "限制民事行为能力的成年人"


class ReportMethod(_Coded):
    PHONE = "phone", "电话"
    WRITTEN = "written", "书面"
    IN_PERSON = "in_person", "当面"


class ReportStatus(_Coded):
    OPEN = "open", "待报告"
    REPORTED = "reported", "已报告"


def age_on(birth: date, today: date) -> int:
    """Full years of age on ``today`` (a birthday on 29 February counts from 1 March in other years)."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class AtRisk:
    ground: Ground
    note: str          # “未成年人（9 周岁）”, “限制民事行为能力的成年人（记录人：王芳；依据：医院诊断）”


def person_at_risk(*, role: str, birth_date: date | None, capacity: str | None, today: date,
                   capacity_by: str | None = None, capacity_basis: str | None = None) -> AtRisk | None:
    """Whether a party of a violent case is a person 第十四条 protects, and on what ground; None if not."""
    if role not in AT_RISK_ROLES:
        return None
    if birth_date is not None:
        age = age_on(birth_date, today)
        if age < ADULT_AGE:
            ground = Ground.MINOR_UNDER_8 if age < NO_CAPACITY_BELOW else Ground.MINOR
            return AtRisk(ground, f"未成年人（{max(age, 0)} 周岁）")
    elif role == "minor_child":
        return AtRisk(Ground.MINOR, "未成年子女（出生日期未登记）")
    if capacity in (CivilCapacity.NONE.value, CivilCapacity.LIMITED.value):
        cap = CivilCapacity(capacity)
        ground = Ground.NO_CAPACITY if cap is CivilCapacity.NONE else Ground.LIMITED_CAPACITY
        extra = "；".join(x for x in (f"记录人：{capacity_by}" if capacity_by else "",
                                      f"依据：{capacity_basis}" if capacity_basis else "") if x)
        return AtRisk(ground, ground.label + (f"（{extra}）" if extra else ""))
    return None


@dataclass(frozen=True)
class ReportRecord:
    """What recording a report needs: to whom, when, how, the receipt, the officer, and who reported."""

    police_unit: str
    method: ReportMethod
    receipt_no: str
    officer: str
    facts: str
    reporter_name: str
    reporter_post: str = ""
    reporter_phone: str = ""


_REQUIRED = (("police_unit", "接受报告的公安机关"), ("officer", "接报民警"), ("facts", "发现的情况"),
             ("reporter_name", "报告人"))


def clean_record(*, police_unit: str, method: str, receipt_no: str, officer: str, facts: str,
                 reporter_name: str, reporter_post: str = "", reporter_phone: str = "") -> ReportRecord:
    """The record trimmed and checked; a missing or overlong item is refused with a Chinese message."""
    values = {"police_unit": police_unit, "receipt_no": receipt_no, "officer": officer, "facts": facts,
              "reporter_name": reporter_name, "reporter_post": reporter_post, "reporter_phone": reporter_phone}
    cleaned = {k: str(v or "").strip() for k, v in values.items()}
    for key, label in _REQUIRED:
        if not cleaned[key]:
            raise ValidationError(f"请填写{label}。", field=key, code=f"{key}_required")
    for key, text in cleaned.items():
        limit = 2000 if key == "facts" else MAX_TEXT
        if len(text) > limit:
            raise ValidationError(f"填写的内容过长（最多 {limit} 个字）。", field=key)
    try:
        how = ReportMethod(str(method or ""))
    except ValueError:
        raise ValidationError("请选择报告方式：电话、书面或当面。", field="method", code="method_required") from None
    if how is not ReportMethod.PHONE and not cleaned["receipt_no"]:
        raise ValidationError("书面或当面报案请填写公安机关出具的回执或受案编号。", field="receipt_no",
                              code="receipt_no_required")
    return ReportRecord(cleaned["police_unit"], how, cleaned["receipt_no"], cleaned["officer"], cleaned["facts"],
                        cleaned["reporter_name"], cleaned["reporter_post"], cleaned["reporter_phone"])


def clean_capacity(capacity: str | None, recorded_by: str, basis: str) -> tuple[CivilCapacity | None, str, str]:
    """An adult's recorded capacity: None for full capacity (clears the record); who recorded it is required."""
    if capacity in (None, "", "full"):
        return None, "", ""
    try:
        cap = CivilCapacity(str(capacity))
    except ValueError:
        raise ValidationError("民事行为能力只能是：完全、无民事行为能力或限制民事行为能力。",
                              field="capacity") from None
    by, why = (recorded_by or "").strip(), (basis or "").strip()
    if not by:
        raise ValidationError("请填写记录人（谁认定或记录了该情况）。", field="recorded_by", code="recorded_by_required")
    if not why:
        raise ValidationError("请填写依据（如法院认定、医院诊断、工作人员观察）。", field="basis", code="basis_required")
    if len(by) > 100 or len(why) > MAX_TEXT:
        raise ValidationError(f"填写的内容过长（最多 {MAX_TEXT} 个字）。", field="basis")
    return cap, by, why
