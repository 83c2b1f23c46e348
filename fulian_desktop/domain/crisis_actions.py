"""The structured details of each kind of crisis action (危机干预行动记录), kept in ``CrisisAction.data``.

Each kind has a few short fields a caseworker fills in besides the free note (报警: 出警单位, 回执编号 …).
Values are short texts; a field marked required must be given. A mandatory report (强制报告,
反家庭暴力法第十四条) must say whom it concerns. Earlier records kept that person in the note, behind
the prefix "报告对象："; ``split_legacy_concerns`` reads them.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import ValidationError

CONCERNS_PREFIX = "报告对象："
MAX_FIELD = 300


@dataclass(frozen=True)
class DetailField:
    key: str
    label: str
    hint: str
    required: bool = False


FIELDS: dict[str, tuple[DetailField, ...]] = {
    "police_called": (
        DetailField("police_unit", "出警单位", "如：高塘岭派出所"),
        DetailField("receipt_no", "接警回执编号", "接报案回执上的编号"),
    ),
    "warning_letter": (
        DetailField("issued_by", "出具机关", "如：望城区公安分局高塘岭派出所"),
        DetailField("letter_no", "告诫书文号", "如：望公（高）告字〔2026〕3号"),
    ),
    "shelter": (
        DetailField("shelter", "庇护场所", "保密：只有有权限的人员可见"),
        DetailField("period", "安置期限", "如：7 天，至 3 月 17 日"),
    ),
    "medical": (
        DetailField("hospital", "就诊医院", "如：望城区人民医院"),
        DetailField("injury", "伤情", "伤情及是否做了伤情鉴定"),
    ),
    "mandatory_report": (
        DetailField("concerns", "报告对象", "姓名、年龄，无/限制民事行为能力的情况", required=True),
        DetailField("reported_to", "接受报告的机关", "如：高塘岭派出所"),
    ),
    "other": (),
    # Written by the protection-order service, never typed in the action dialog.
    "order_applied": (DetailField("court", "受理法院", ""), DetailField("applied_on_behalf_by", "代为申请", "")),
    "order_decided": (DetailField("result", "裁定结果", ""),),
    "order_issued": (DetailField("issued_on", "作出日期", ""), DetailField("expires_on", "有效期至", "")),
    "order_served": (DetailField("served_on", "送达日期", ""),),
    "order_varied": (DetailField("measures", "现有措施", ""),),
    "order_extended": (DetailField("old_expires_on", "原到期日", ""), DetailField("expires_on", "延至", "")),
    "order_violated": (),
}


def fields_of(kind: str) -> tuple[DetailField, ...]:
    return FIELDS.get(str(kind), ())


def clean_details(kind: str, values: Mapping[str, Any] | None) -> dict[str, str]:
    """The kind's fields from ``values``, trimmed, empty ones left out; unknown keys and a missing
    required field are refused."""
    values = dict(values or {})
    known = {f.key: f for f in fields_of(kind)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValidationError(f"该类行动没有这些内容：{', '.join(unknown)}。", field="data")
    cleaned: dict[str, str] = {}
    for key, spec in known.items():
        text = str(values.get(key) or "").strip()
        if len(text) > MAX_FIELD:
            raise ValidationError(f"{spec.label}过长（最多 {MAX_FIELD} 个字）。", field=key)
        if text:
            cleaned[key] = text
        elif spec.required:
            raise ValidationError(f"请填写{spec.label}。", field=key, code=f"{key}_required")
    return cleaned


def split_legacy_concerns(detail: str | None) -> tuple[str | None, str | None]:
    """(whom it concerns, the rest of the note) from a note written as "报告对象：…\\n…"."""
    if not detail or not detail.startswith(CONCERNS_PREFIX):
        return None, detail
    first, _, rest = detail.partition("\n")
    return first[len(CONCERNS_PREFIX):].strip() or None, rest.strip() or None


def detail_lines(kind: str, data: Mapping[str, str] | None) -> list[tuple[str, str]]:
    """(label, value) of the filled fields, in the kind's order; keys the kind does not know come last."""
    data = dict(data or {})
    lines = [(f.label, data.pop(f.key)) for f in fields_of(kind) if data.get(f.key)]
    return lines + [(k, str(v)) for k, v in data.items() if v]
