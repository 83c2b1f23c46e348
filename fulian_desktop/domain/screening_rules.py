"""矛盾纠纷排查: the pure rules of the screening register (no database).

A village keeps a register of key families and persons (重点家庭、重点人员). Each entry has a risk
level (高/中/低), a reason, a person responsible and a visit schedule, monthly by default.

- The next visit is due `visit_every_days` *calendar* days after the last visit (or after the day
  the entry was registered). It is not moved off weekends or holidays: the visit schedule is a
  working rhythm, not a statutory period, and a due date on a Sunday simply shows as due that day.
- A visit is overdue once its due date has passed (due today is "due", not yet overdue).
- An entry is 在册 (active), 已转案件 (a case was opened from it: the case carries on) or 已化解
  (resolved: final, the entry no longer changes).
- An entry's dispute category (纠纷类别) is one of the people's-mediation dispute types; when none was
  chosen it is guessed from the words of the reason (家暴 → 婚姻家庭 …).
- A visit is made in person (上门走访) or by phone (电话回访).
- Opening a case from an entry, the case's category and dispute type are guessed from the words of
  the reason (家暴 → 婚姻家庭/家庭暴力 …) unless the user chose them; the entry's own category wins
  over the guessed dispute type.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .enums import COMPLAINT_CATEGORIES, DISPUTE_TYPES, Labelled
from .errors import ValidationError

DEFAULT_VISIT_EVERY_DAYS = 30
MAX_VISIT_EVERY_DAYS = 366


class RiskLevel(Labelled):
    HIGH = "high", "高"
    MEDIUM = "medium", "中"
    LOW = "low", "低"

    @property
    def rank(self) -> int:
        """Sort key: 高 first."""
        return {RiskLevel.HIGH: 0, RiskLevel.MEDIUM: 1, RiskLevel.LOW: 2}[self]


class EntryStatus(Labelled):
    ACTIVE = "active", "在册"
    CASE_OPENED = "case_opened", "已转案件"
    RESOLVED = "resolved", "已化解"


class VisitMethod(Labelled):
    VISIT = "visit", "上门走访"
    PHONE = "phone", "电话联系"


def parse_method(value: VisitMethod | str | None) -> VisitMethod:
    """A visit method from its code or label; None means an in-person visit."""
    if value is None or value == "":
        return VisitMethod.VISIT
    if isinstance(value, VisitMethod):
        return value
    for method in VisitMethod:
        if value in (method.value, method.label):
            return method
    raise ValidationError("走访方式应为 上门走访 或 电话联系。", field="method")


def check_category(value: str | None) -> str | None:
    """A dispute category (人民调解纠纷类型) or None."""
    text = (value or "").strip()
    if not text:
        return None
    if text not in DISPUTE_TYPES:
        raise ValidationError(f"纠纷类别无效：{text}（可选：{'、'.join(DISPUTE_TYPES)}）。", field="category")
    return text


def parse_risk(value: RiskLevel | str | None, field: str = "risk_level") -> RiskLevel:
    """A risk level from its code (high), its label (高) or the long label (高风险)."""
    if isinstance(value, RiskLevel):
        return value
    text = (value or "").strip()
    for level in RiskLevel:
        if text in (level.value, level.label, f"{level.label}风险"):
            return level
    raise ValidationError("风险等级应为 高、中 或 低。", field=field)


def check_interval(days: int | None) -> int:
    if days is None:
        return DEFAULT_VISIT_EVERY_DAYS
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_VISIT_EVERY_DAYS:
        raise ValidationError(f"走访周期应为 1 至 {MAX_VISIT_EVERY_DAYS} 天。", field="visit_every_days")
    return days


def next_visit_due(last: date, every_days: int) -> date:
    """The day the next visit is due: `every_days` calendar days after `last` (rest days not skipped)."""
    return last + timedelta(days=every_days)


def days_overdue(due: date, today: date) -> int:
    """How many days a visit is late (0 when it is not late yet)."""
    return max(0, (today - due).days)


def is_overdue(due: date, today: date) -> bool:
    return due < today


def required_text(value: str | None, label: str, field: str, max_len: int | None = None) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"请填写{label}。", field=field)
    if max_len is not None and len(text) > max_len:
        raise ValidationError(f"{label}过长（最多 {max_len} 个字）。", field=field)
    return text


def optional_text(value: str | None, label: str, field: str, max_len: int) -> str | None:
    text = (value or "").strip()
    if len(text) > max_len:
        raise ValidationError(f"{label}过长（最多 {max_len} 个字）。", field=field)
    return text or None


# --- guessing the case classification from the reason -----------------------------------------------

@dataclass(frozen=True)
class ReasonClass:
    category: str | None        # federation complaint category (COMPLAINT_CATEGORIES)
    sub_category: str | None
    dispute_type: str | None    # people's-mediation dispute type (DISPUTE_TYPES)


# First match wins: the most serious matters come first.
_KEYWORDS: tuple[tuple[tuple[str, ...], ReasonClass], ...] = (
    (("家暴", "家庭暴力", "殴打", "打骂", "施暴"), ReasonClass("婚姻家庭", "家庭暴力", "婚姻家庭")),
    (("干涉婚姻", "包办", "逼婚"), ReasonClass("婚姻家庭", "干涉婚姻", "婚姻家庭")),
    (("外遇", "重婚", "同居", "第三者", "出轨"), ReasonClass("婚姻家庭", "配偶外遇/重婚/同居", "婚姻家庭")),
    (("离婚",), ReasonClass("婚姻家庭", "离婚问题", "婚姻家庭")),
    (("赡养", "养老"), ReasonClass("婚姻家庭", "赡养", "婚姻家庭")),
    (("抚养",), ReasonClass("婚姻家庭", "抚养", "婚姻家庭")),
    (("继承", "遗产"), ReasonClass("财产权益", "继承", "婚姻家庭")),
    (("拆迁", "征地"), ReasonClass("财产权益", "拆迁", "征地拆迁")),
    (("宅基地",), ReasonClass("财产权益", None, "房屋宅基地")),
    (("承包地", "集体收益", "分红", "土地", "山林"), ReasonClass("财产权益", "土地/集体收益", "山林土地")),
    (("工资", "欠薪", "劳动"), ReasonClass("劳动和社会保障", "劳动权益", "劳动争议")),
    (("邻里", "邻居"), ReasonClass(None, None, "邻里")),
    (("婆媳", "夫妻", "家庭矛盾", "家庭纠纷", "家庭"), ReasonClass("婚姻家庭", "家庭纠纷", "婚姻家庭")),
)


def classify_reason(reason: str | None) -> ReasonClass:
    """The classification the reason's words suggest (all None when nothing matches)."""
    text = reason or ""
    for words, found in _KEYWORDS:
        if any(w in text for w in words):
            return found
    return ReasonClass(None, None, None)


def _check_table() -> None:  # the table must only name known categories and types
    for _words, c in _KEYWORDS:
        assert c.category is None or c.category in COMPLAINT_CATEGORIES, c
        assert c.sub_category is None or c.sub_category in COMPLAINT_CATEGORIES[c.category or ""], c
        assert c.dispute_type is None or c.dispute_type in DISPUTE_TYPES, c


_check_table()
