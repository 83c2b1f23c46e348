"""`fulian intake add FILE.json`: an IntakeInput from a parsed JSON object (see ``intake``)."""
from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from ...domain.enums import Sex
from ...domain.errors import ValidationError
from ...domain.intake_rules import (
    FIELD_LABELS,
    INTAKE_FIELDS,
    Channel,
    IntakeDecision,
    IntakeInput,
    MaritalStatus,
    choices_text,
    parse_choice,
)
from ...domain.localtime import LOCAL_TZ

_TEXT = ("name", "request", "id_number", "address", "phone", "facts", "category", "sub_category", "decision_note",
         "transfer_to", "person_id", "join_case_id", "unit_id")
_REQUIRED = ("name", "channel", "request", "decision")
# One intake is an object of plain fields and one list of names: two levels. The limits leave room for a
# hand-written file and stop a hostile one before the JSON parser recurses (RecursionError) or eats memory.
MAX_JSON_BYTES = 1 << 20
MAX_JSON_DEPTH = 8


def json_depth_exceeds(text: str, limit: int) -> bool:
    """True when arrays/objects in `text` nest deeper than `limit` (brackets inside strings not counted).
    One pass, no recursion, so it is safe on any input the parser would choke on."""
    depth, in_string, escaped = 0, False, False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def parse_intake_json(raw: bytes, source: str) -> Any:
    """The parsed JSON of an intake file (`source` names it in messages): UTF-8, at most MAX_JSON_BYTES,
    nested at most MAX_JSON_DEPTH deep; each refusal a Chinese sentence, never a traceback."""
    if len(raw) > MAX_JSON_BYTES:
        raise ValidationError(f"文件 {source} 过大：一次接待登记的 JSON 最多 {MAX_JSON_BYTES // 1024} KB。",
                              code="json_too_large")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(f"文件 {source} 不是 UTF-8 编码。", code="not_utf8") from exc
    if json_depth_exceeds(text, MAX_JSON_DEPTH):
        raise ValidationError(f"文件 {source} 的 JSON 嵌套超过 {MAX_JSON_DEPTH} 层，不是接待登记的格式"
                              "（顶层为对象，字段为文本、数字或姓名列表）。", code="json_too_deep")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"文件 {source} 不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列，{exc.msg}。",
                              code="bad_json") from exc
    except RecursionError as exc:   # not reached with the depth check above; kept as a last guard
        raise ValidationError(f"文件 {source} 的 JSON 嵌套过深。", code="json_too_deep") from exc


def intake_from_json(data: Any) -> IntakeInput:
    """An IntakeInput from a parsed JSON object (keys are IntakeInput's field names).

    channel / decision / sex / marital_status take a code or the Chinese label; received_at is ISO 8601
    (without a zone it is China time; a bare date is 00:00 that day; missing means now); birth_date is
    YYYY-MM-DD. Unknown keys and wrong types are refused, every problem named by its field.
    Content rules (ID number checksum, representatives, …) are checked later by the service, by field.
    """
    if not isinstance(data, dict):
        raise ValidationError("接待登记 JSON 的顶层应为对象（{…}）。", code="json_shape")
    problems: list[tuple[str, str]] = []

    def bad(field: str, message: str) -> None:
        problems.append((field, f"字段“{field}”（{FIELD_LABELS.get(field, field)}）：{message}"))

    unknown = sorted(set(data) - set(INTAKE_FIELDS))
    for key in unknown:
        problems.append((str(key), f"未知字段“{key}”。可用字段：{'、'.join(INTAKE_FIELDS)}。"))
    for key in _REQUIRED:
        if data.get(key) in (None, ""):
            bad(key, "必填。")
    values: dict[str, Any] = {}
    for key in _TEXT:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            bad(key, "应为文本。")
        elif value is not None:
            values[key] = value
    for key, enum in (("channel", Channel), ("decision", IntakeDecision), ("sex", Sex),
                      ("marital_status", MaritalStatus)):
        value = data.get(key)
        if value in (None, ""):
            continue
        try:
            member = parse_choice(enum, value)
        except ValueError:
            bad(key, f"无法识别“{value}”，可选：{choices_text(enum)}。")
            continue
        values[key] = member if key in ("channel", "decision") else member.value
    for key in ("age", "people_count"):
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            bad(key, "应为整数。")
        else:
            values[key] = value
    for key in ("is_group", "is_repeat", "domestic_violence", "major_incident"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, bool):
            bad(key, "应为 true 或 false。")
        else:
            values[key] = value
    reps = data.get("representatives")
    if reps is not None:
        if not isinstance(reps, list) or not all(isinstance(r, str) for r in reps):
            bad("representatives", "应为姓名列表，如 [\"张三\", \"李四\"]。")
        else:
            values["representatives"] = tuple(reps)
    if data.get("received_at") not in (None, ""):
        value = data["received_at"]
        try:
            values["received_at"] = _parse_moment(value)
        except (TypeError, ValueError):
            bad("received_at", f"无法识别的时间“{value}”，应为如 2026-03-02 09:30 或 2026-03-02T09:30:00+08:00。")
    if data.get("birth_date") not in (None, ""):
        value = data["birth_date"]
        try:
            if not isinstance(value, str):
                raise TypeError(value)
            values["birth_date"] = date.fromisoformat(value.strip())
        except (TypeError, ValueError):
            bad("birth_date", f"无法识别的日期“{value}”，应为 YYYY-MM-DD。")
    if problems:
        raise ValidationError("；".join(m for _f, m in problems), code="bad_json", field=problems[0][0])
    return IntakeInput(**values)


def _parse_moment(value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError(value)
    text = value.strip()
    if len(text) == 10:
        return datetime.combine(date.fromisoformat(text), time(), LOCAL_TZ)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=LOCAL_TZ)
