"""Statutory clocks: each rule as data, its deadline, status and a Chinese countdown.

Periods are counted by ``periods`` (民法典第二百零一条至第二百零三条). Approval of an extension,
who may pause a clock and why, is the services' job; this module only holds the rules.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Literal

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.localtime import local_date
from fulian_desktop.domain.periods import (
    Deadline, add_months, days_after, end_of_day, extend, hours_after, working_days_after,
)
from fulian_desktop.domain.workcalendar import WorkCalendar


class ClockKind(StrEnum):
    """Stable ASCII value; ``label`` (Chinese) for users; ``basis`` quotes the legal source."""

    label: str
    basis: str

    def __new__(cls, value: str, label: str, basis: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        obj.basis = basis
        return obj

    PETITION_ACCEPTANCE = (
        "petition_acceptance", "信访告知",
        "《信访工作条例》第二十三条：不能当场告知的，应当自收到信访事项之日起15日内书面告知信访人")
    PETITION_CONCLUSION = (
        "petition_conclusion", "信访办结",
        "《信访工作条例》第三十四条：应当自受理之日起60日内办结；情况复杂的，经本机关、单位负责人批准，"
        "可以适当延长办理期限，但延长期限不得超过30日，并告知信访人延期理由")
    REVIEW_REQUEST = (
        "review_request", "复查申请期限",
        "《信访工作条例》第三十五条：信访人对信访处理意见不服的，可以自收到书面答复之日起30日内请求"
        "原办理机关、单位的上一级机关、单位复查")
    REVIEW_ANSWER = (
        "review_answer", "复查答复",
        "《信访工作条例》第三十五条：收到复查请求的机关、单位应当自收到复查请求之日起30日内提出复查意见，"
        "并予以书面答复")
    RECHECK_REQUEST = (
        "recheck_request", "复核申请期限",
        "《信访工作条例》第三十六条：信访人对复查意见不服的，可以自收到书面答复之日起30日内向复查机关、"
        "单位的上一级机关、单位请求复核")
    RECHECK_ANSWER = (
        "recheck_answer", "复核答复",
        "《信访工作条例》第三十六条：收到复核请求的机关、单位应当自收到复核请求之日起30日内提出复核意见；"
        "听证所需时间不计算在期限内")
    JUDICIAL_CONFIRMATION = (
        "judicial_confirmation", "司法确认申请期限",
        "《人民调解法》第三十三条：双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向"
        "人民法院申请司法确认")
    PROTECTION_ORDER_DECISION = (
        "protection_order_decision", "保护令作出期限",
        "《反家庭暴力法》第二十八条：人民法院受理申请后，应当在七十二小时内作出人身安全保护令或者驳回申请；"
        "情况紧急的，应当在二十四小时内作出")
    PROTECTION_ORDER_EXPIRY = (
        "protection_order_expiry", "保护令到期",
        "《反家庭暴力法》第三十条：人身安全保护令的有效期不超过六个月，自作出之日起生效；失效前，"
        "人民法院可以根据申请人的申请撤销、变更或者延长")
    LEGAL_AID_DECISION = (
        "legal_aid_decision", "法律援助审查决定",
        "《法律援助法》第四十三条：法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予"
        "法律援助的决定（家庭暴力受害人不受经济困难条件限制，第三十二条）")
    MANDATORY_REPORT = (
        "mandatory_report", "强制报告",
        "《反家庭暴力法》第十四条：发现无民事行为能力人、限制民事行为能力人遭受或者疑似遭受家庭暴力的，"
        "应当及时向公安机关报案（立即报告：当日24时前）")
    MEDIATION_TARGET = (
        "mediation_target", "调解办结目标",
        "工作惯例：婚姻家庭纠纷调解一般在一个月内办结（软性目标，非法定期限）")


Unit = Literal["days", "months", "hours", "working_days"]


@dataclass(frozen=True)
class ClockRule:
    kind: ClockKind
    unit: Unit
    amount: int
    max_extension_days: int | None = None  # None: the law allows no extension
    soft: bool = False                     # a practice target, not a statutory limit
    warn_days: int = 3                     # DUE_SOON this many days before the last day
    urgent_amount: int | None = None       # shorter period when the case is urgent
    rolls: bool = True                     # last day moves off rest days (第二百零三条)
    warn_hours: int = 12                   # hours clocks: DUE_SOON this many hours before


K = ClockKind
RULES: dict[ClockKind, ClockRule] = {
    # 信访工作条例第二十三条: 15 日内书面告知
    K.PETITION_ACCEPTANCE: ClockRule(K.PETITION_ACCEPTANCE, "days", 15),
    # 第三十四条: 60 日内办结; one extension of at most 30 日 with approval
    K.PETITION_CONCLUSION: ClockRule(K.PETITION_CONCLUSION, "days", 60, max_extension_days=30),
    # 第三十五条: request within 30 日 of the written reply; answer within 30 日
    K.REVIEW_REQUEST: ClockRule(K.REVIEW_REQUEST, "days", 30),
    K.REVIEW_ANSWER: ClockRule(K.REVIEW_ANSWER, "days", 30),
    # 第三十六条: the same for 复核; hearing time is excluded (use paused_days)
    K.RECHECK_REQUEST: ClockRule(K.RECHECK_REQUEST, "days", 30),
    K.RECHECK_ANSWER: ClockRule(K.RECHECK_ANSWER, "days", 30),
    # 人民调解法第三十三条: 30 日 from the agreement taking effect
    K.JUDICIAL_CONFIRMATION: ClockRule(K.JUDICIAL_CONFIRMATION, "days", 30),
    # 反家庭暴力法第二十八条: 72 小时, 24 小时 if urgent; hours never roll
    K.PROTECTION_ORDER_DECISION: ClockRule(K.PROTECTION_ORDER_DECISION, "hours", 72,
                                           warn_days=0, urgent_amount=24, rolls=False),
    # 第三十条: valid at most 6 months. An order's validity is not a time to act, so it is not
    # moved off a rest day (that would overstate protection); alert 14 days ahead so the
    # applicant can ask for an extension before it lapses.
    K.PROTECTION_ORDER_EXPIRY: ClockRule(K.PROTECTION_ORDER_EXPIRY, "months", 6,
                                         warn_days=14, rolls=False),
    # 法律援助法第四十三条: "七日内" — calendar days (the law says 工作日 when it means them)
    K.LEGAL_AID_DECISION: ClockRule(K.LEGAL_AID_DECISION, "days", 7),
    # 反家庭暴力法第十四条: "及时" read as at once: by 24:00 of the day the duty arose (0 days after it), never
    # moved off a rest day (the police take reports every day); 今天到期 from the start (domain.mandatory_report_rules).
    K.MANDATORY_REPORT: ClockRule(K.MANDATORY_REPORT, "days", 0, warn_days=0, rolls=False),
    # practice: mediation normally concluded within one month
    K.MEDIATION_TARGET: ClockRule(K.MEDIATION_TARGET, "months", 1, soft=True),
}
del K


@dataclass(frozen=True)
class ClockState:
    kind: ClockKind
    started_on: date | datetime  # trigger day (days/months) or moment (hours clocks)
    paused_days: int = 0   # whole days the clock stood still (hearing, appraisal); they add to the period
    extended_days: int = 0  # granted extension, counted from the end of the period
    urgent: bool = False    # 反家庭暴力法第二十八条: 24 hours instead of 72

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ClockKind(self.kind))  # accept the stored string
        if self.paused_days < 0:
            raise ValidationError("暂停天数不能为负数", field="paused_days")
        if self.extended_days < 0:
            raise ValidationError("延长天数不能为负数", field="extended_days")

    @property
    def rule(self) -> ClockRule:
        return RULES[self.kind]


def _start_day(started_on: date | datetime) -> date:
    if isinstance(started_on, datetime):
        return local_date(started_on) if started_on.tzinfo is not None else started_on.date()
    return started_on


def due(state: ClockState, cal: WorkCalendar) -> Deadline:
    """The period, plus paused days, plus any extension (counted from the period's end).

    Paused days are in the clock's own unit: calendar days for day/month clocks, working
    days for working-day clocks, 24-hour blocks for hours clocks.
    """
    rule = state.rule
    paused = state.paused_days
    if rule.unit == "hours":
        if not isinstance(state.started_on, datetime):
            raise ValidationError(f"“{state.kind.label}”按小时计算，开始时间需精确到时刻",
                                  field="started_on")
        amount = rule.urgent_amount if (state.urgent and rule.urgent_amount) else rule.amount
        base = hours_after(state.started_on, amount + 24 * paused)
    else:
        start = _start_day(state.started_on)
        if rule.unit == "days":
            base = days_after(start, rule.amount + paused, cal, roll=rule.rolls)
        elif rule.unit == "months":
            base = days_after(add_months(start, rule.amount), paused, cal, roll=rule.rolls)
        elif rule.unit == "working_days":
            base = working_days_after(start, rule.amount + paused, cal)
        else:  # pragma: no cover - guarded by the Literal type
            raise ValueError(rule.unit)
    if state.extended_days:
        base = extend(base, state.extended_days, cal, roll=rule.rolls)
    return base


def fixed_deadline(kind: ClockKind | str, due_at: datetime, extended_days: int = 0,
                   cal: WorkCalendar | None = None) -> Deadline:
    """A deadline someone else fixed (a court's protection order that ends before six months): it wins
    over the computed one. Paused days do not move it (the court's date stands); a granted extension
    still adds to it. ``due_at`` is the moment it passes (24:00 of the last day for day clocks)."""
    rule = RULES[ClockKind(kind)]
    if due_at.tzinfo is None:
        raise ValueError("due_at must be timezone-aware")
    if rule.unit == "hours":
        base = Deadline(last_day=None, due_at=due_at)
    else:
        last = local_date(due_at - timedelta(microseconds=1))
        base = Deadline(last_day=last, due_at=end_of_day(last))
    if extended_days:
        base = extend(base, extended_days, cal or WorkCalendar({}), roll=rule.rolls)
    return base


def request_extension(state: ClockState, days: int) -> ClockState:
    """Apply the extension rule (e.g. 信访工作条例第三十四条: once, at most 30 日)."""
    rule = state.rule
    if rule.max_extension_days is None:
        raise ValidationError(f"“{state.kind.label}”的期限依规定不能延长", code="extension_not_allowed")
    if state.extended_days:
        raise ValidationError(f"“{state.kind.label}”只能延长一次，已延长 {state.extended_days} 天",
                              code="extension_used")
    if days <= 0:
        raise ValidationError("延长天数必须大于 0", code="extension_invalid", field="days")
    if days > rule.max_extension_days:
        raise ValidationError(f"延长期限不得超过 {rule.max_extension_days} 日（{rule.kind.basis}）",
                              code="extension_too_long", field="days")
    return replace(state, extended_days=days)


# --- status and countdown ---------------------------------------------------------------------

class ClockStatus(StrEnum):
    label: str

    def __new__(cls, value: str, label: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    RUNNING = "running", "进行中"
    DUE_SOON = "due_soon", "即将到期"
    DUE_TODAY = "due_today", "今天到期"
    OVERDUE = "overdue", "已超期"


DEFAULT_WARN_DAYS = 3
DEFAULT_WARN_HOURS = 12


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now


def status(deadline: Deadline, now: datetime, warn_days: int | None = None,
           warn_hours: int | None = None) -> ClockStatus:
    """Where a clock stands at ``now``; pass the rule's warn window (see ``clock_status``)."""
    now = _aware(now)
    if now >= deadline.due_at:
        return ClockStatus.OVERDUE
    if deadline.last_day is None:  # hours clock: no "today", only the hours left
        window = timedelta(hours=DEFAULT_WARN_HOURS if warn_hours is None else warn_hours)
        return ClockStatus.DUE_SOON if deadline.due_at - now <= window else ClockStatus.RUNNING
    left = (deadline.last_day - local_date(now)).days
    if left <= 0:
        return ClockStatus.DUE_TODAY
    if left <= (DEFAULT_WARN_DAYS if warn_days is None else warn_days):
        return ClockStatus.DUE_SOON
    return ClockStatus.RUNNING


def clock_status(state: ClockState, now: datetime, cal: WorkCalendar) -> ClockStatus:
    rule = state.rule
    return status(due(state, cal), now, warn_days=rule.warn_days, warn_hours=rule.warn_hours)


def _uncertain_note(deadline: Deadline) -> str:
    if not deadline.uncertain:
        return ""
    if deadline.unknown_years:
        years = "、".join(str(y) for y in deadline.unknown_years)
        return f"（日历未知：{years} 年节假日未录入）"
    if deadline.provisional_years:
        years = "、".join(str(y) for y in deadline.provisional_years)
        return f"（暂定：{years} 年按放假办法推算，待国务院通知确认）"
    return "（日历未知：节假日未录入）"


def countdown_text(deadline: Deadline, now: datetime) -> str:
    """“剩 5 天（2026-10-09 到期）”, “今天到期”, “已超期 2 天”, “剩 18 小时”, plus the calendar note."""
    now = _aware(now)
    if deadline.last_day is None:
        delta = deadline.due_at - now
        seconds = delta.total_seconds()
        if seconds <= 0:
            late = -seconds
            if late >= 3600:
                text = f"已超期 {int(late // 3600)} 小时"
            elif late >= 60:
                text = f"已超期 {int(late // 60)} 分钟"
            else:
                text = "已到期"
        elif seconds >= 3600:
            text = f"剩 {int(seconds // 3600)} 小时"
        else:
            text = f"剩 {max(1, int(seconds // 60))} 分钟"
    else:
        today = local_date(now)
        left = (deadline.last_day - today).days
        if now >= deadline.due_at:
            text = f"已超期 {max(1, -left)} 天"
        elif left == 0:
            text = "今天到期"
        else:
            text = f"剩 {left} 天（{deadline.last_day.isoformat()} 到期）"
    return text + _uncertain_note(deadline)


__all__ = [
    "ClockKind", "ClockRule", "ClockState", "ClockStatus", "RULES", "DEFAULT_WARN_DAYS",
    "DEFAULT_WARN_HOURS", "due", "fixed_deadline", "request_extension", "status", "clock_status", "countdown_text",
]
