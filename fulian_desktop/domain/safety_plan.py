"""The safety plan (安全计划) of a domestic-violence case: its sections and how they are checked.

Sections follow DOMAIN.md: safe contacts and code word, escape route, go-bag documents, police and
shelter numbers, evidence diary, phone safety, protection-order plan, work/school arrangements.
A section is either free text or a list of short lines. The plan holds whereabouts and contacts a
respondent must never see, so services show it only to users allowed to see confidential details.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .errors import ValidationError

Kind = Literal["text", "list"]

MAX_TEXT = 4000
MAX_LINES = 50
MAX_LINE = 200


@dataclass(frozen=True)
class Section:
    code: str            # stable ASCII key in safety_plan.contents
    label: str           # Chinese heading
    kind: Kind
    hint: str            # placeholder / guidance shown in the form
    suggestions: tuple[str, ...] = ()  # lines the form may offer to add


SECTIONS: tuple[Section, ...] = (
    Section("safe_contacts", "安全联系人", "list",
            "危急时可以联系、可以暂住的亲友或邻居：姓名、关系、电话（每行一人）"),
    Section("code_word", "求助暗号", "text",
            "与安全联系人约定的暗号或手势，说出/做出即表示“马上报警”"),
    Section("escape_route", "逃生路线", "text",
            "家中哪扇门、哪条路最容易离开；离开后先去哪里；避免进入厨房、卫生间等有凶器或无出口的房间"),
    Section("go_bag", "应急包（证件与物品）", "list",
            "提前备好、放在施暴者找不到的地方（或交给安全联系人保管）",
            ("身份证", "户口簿", "结婚证", "子女出生医学证明", "银行卡/存折", "手机充电器", "现金",
             "钥匙备份", "常用药品和病历", "告诫书、保护令、报警回执复印件", "子女的必需品")),
    Section("emergency_numbers", "报警及庇护电话", "list",
            "报警、求助和临时庇护场所的电话（每行一个）",
            ("110 报警", "12338 妇女维权公益服务热线", "120 急救", "12345 政务服务便民热线",
             "临时庇护场所（救助管理站）电话")),
    Section("evidence_diary", "证据日记", "text",
            "按日期记录每次暴力的经过、伤情、就医和报警情况；照片、录音、聊天记录、病历的存放处（放在施暴者拿不到的地方）"),
    Section("phone_safety", "手机安全", "text",
            "更改密码、关闭定位共享、检查陌生应用和共享账号、清除通话和浏览记录、必要时使用备用手机"),
    Section("protection_order_plan", "人身安全保护令计划", "text",
            "是否申请、由谁代为申请、需要的证据、申请的措施；保护令送达后随身携带副本，违反时立即报警"),
    Section("work_school", "工作和学校安排", "text",
            "告知单位保安/领导和孩子学校、幼儿园：不得向施暴者透露行踪，谁可以接孩子；上下班路线的变化"),
)

SECTIONS_BY_CODE: dict[str, Section] = {s.code: s for s in SECTIONS}


def empty_plan() -> dict[str, Any]:
    return {s.code: [] if s.kind == "list" else "" for s in SECTIONS}


def normalise(contents: Mapping[str, Any]) -> dict[str, Any]:
    """Check and tidy the sections: unknown keys refused, text trimmed, list lines trimmed and blanks
    dropped (a text given for a list section is split into lines). Missing sections are empty."""
    unknown = sorted(set(contents) - set(SECTIONS_BY_CODE))
    if unknown:
        raise ValidationError(f"安全计划中没有这些栏目：{', '.join(unknown)}", code="unknown_section")
    plan = empty_plan()
    for code, value in contents.items():
        section = SECTIONS_BY_CODE[code]
        if value is None:
            continue
        if section.kind == "text":
            if not isinstance(value, str):
                raise ValidationError(f"“{section.label}”应为文字。", field=code)
            text = value.strip()
            if len(text) > MAX_TEXT:
                raise ValidationError(f"“{section.label}”不能超过 {MAX_TEXT} 字。", field=code)
            plan[code] = text
        else:
            if isinstance(value, str):
                value = value.splitlines()
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ValidationError(f"“{section.label}”应为逐行填写的列表。", field=code)
            lines = [v.strip() for v in value if v.strip()]
            if len(lines) > MAX_LINES:
                raise ValidationError(f"“{section.label}”最多 {MAX_LINES} 行。", field=code)
            if any(len(v) > MAX_LINE for v in lines):
                raise ValidationError(f"“{section.label}”每行不能超过 {MAX_LINE} 字。", field=code)
            plan[code] = lines
    return plan


def filled(plan: Mapping[str, Any]) -> tuple[str, ...]:
    """Codes of the sections with something in them, in SECTIONS order."""
    return tuple(s.code for s in SECTIONS if plan.get(s.code))


def missing(plan: Mapping[str, Any]) -> tuple[str, ...]:
    """Codes of the empty sections, in SECTIONS order (the form shows them as still to do)."""
    return tuple(s.code for s in SECTIONS if not plan.get(s.code))


def changed_sections(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(s.code for s in SECTIONS if (before.get(s.code) or None) != (after.get(s.code) or None))


__all__ = ["MAX_LINE", "MAX_LINES", "MAX_TEXT", "SECTIONS", "SECTIONS_BY_CODE", "Section", "changed_sections",
           "empty_plan", "filled", "missing", "normalise"]
