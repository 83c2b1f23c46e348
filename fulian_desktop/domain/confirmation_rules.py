"""司法确认 of a people's mediation agreement: the 30-day window and the terms a court will not confirm.

- 人民调解法第三十三条: both parties may apply jointly within 30 days of the agreement taking effect. The period is
  counted by 民法典第二百零一条 (the day it takes effect does not count) and moved off a rest day (第二百零三条).
- 最高人民法院关于人民调解协议司法确认程序的若干规定（2011）第四条: the court does not accept an application that
  asks it to confirm an identity (parentage) relation, an adoption or a marriage (also 民诉法解释第三百五十五条).
  A mediation may settle support, property or custody arrangements; a term that confirms, voids or dissolves a
  marriage, parentage or adoption cannot go into a packet: the packet is refused and the terms are named.
- 第三条: the court needs the joint application, the agreement, the parties' identity papers and the evidence
  relating to the agreement, with both parties' addresses for service and phone numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .errors import ValidationError
from .periods import Deadline, days_after
from .workcalendar import WorkCalendar

WINDOW_DAYS = 30

# (what the court will not confirm, pattern). "离婚后子女由女方抚养" settles custody after a divorce and stays
# confirmable; "双方自愿离婚" dissolves the marriage and does not.
_BLOCKED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("婚姻关系", re.compile(r"(同意|自愿|协议|决定|解除|办理)离婚|解除婚姻|婚姻关系|婚姻(无效|有效|成立)|撤销婚姻|"
                        r"登记结婚|复婚|确认.{0,6}夫妻")),
    ("收养关系", re.compile(r"收养|送养")),
    ("身份关系", re.compile(r"亲子关系|身份关系|血缘关系|(确认|否认|承认).{0,10}(生父|生母|亲生|父子|母子|父女|母女)")),
)


@dataclass(frozen=True)
class BlockedTerm:
    seq: int
    content: str
    relation: str      # 婚姻关系 / 收养关系 / 身份关系

    @property
    def message(self) -> str:
        return f"第{self.seq}项“{self.content}”涉及确认{self.relation}"


def blocked_terms(terms: list[tuple[int, str]]) -> list[BlockedTerm]:
    """The (seq, text) terms a court will not confirm, each with the relation it touches."""
    out = []
    for seq, text in terms:
        for relation, pattern in _BLOCKED:
            if pattern.search(text or ""):
                out.append(BlockedTerm(seq, text, relation))
                break
    return out


def refusal_message(blocked: list[BlockedTerm]) -> str:
    return ("该调解协议含有人民法院不予受理司法确认的条款：" + "；".join(b.message for b in blocked)
            + "。根据《最高人民法院关于人民调解协议司法确认程序的若干规定》第四条，确认身份关系、收养关系、婚姻关系的"
            "申请，人民法院不予受理。不能生成司法确认申请材料；婚姻、身份关系事项请引导当事人依法通过诉讼或者婚姻登记"
            "机关办理，其他条款可另行制作调解协议后申请确认。")


def check_confirmable(terms: list[tuple[int, str]]) -> None:
    """Raise a ValidationError naming the terms a court would not confirm."""
    blocked = blocked_terms(terms)
    if blocked:
        raise ValidationError(refusal_message(blocked), code="not_confirmable", field="terms")


def window(effective_on: date, cal: WorkCalendar) -> Deadline:
    """The last day both parties may jointly apply (人民调解法第三十三条)."""
    return days_after(effective_on, WINDOW_DAYS, cal)


def window_text(effective_on: date | None, last_day: date | None, today: date) -> str:
    """E.g. "协议2026年3月2日生效，可于2026年4月1日前共同申请司法确认（还有12天）"."""
    if effective_on is None or last_day is None:
        return "协议尚未生效，生效之日起三十日内可以共同申请司法确认"
    when = f"协议{_cn(effective_on)}生效，可于{_cn(last_day)}（含当日）前共同向人民法院申请司法确认"
    left = (last_day - today).days
    if left < 0:
        return when + "（已过期限）"
    return when + ("（今天是最后一天）" if left == 0 else f"（还有{left}天）")


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
