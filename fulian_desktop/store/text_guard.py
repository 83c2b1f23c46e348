"""The last line for every free-text field: no invisible control or bidi characters reach the store.

Forms and services check their own fields by name (domain/text.py `bad_characters`, with a message naming
the field). This guard runs the same rule (the lenient, multi-line form: line breaks and tabs allowed) on
every text column of every row a unit of work adds or changes, before the flush, so a path that forgot its
check — a new form, a CLI command, a note field — still cannot store "张三\\u202e" or a NUL that later reads
differently on screen, sorts apart, or breaks a printed PDF. Refusing, not stripping: what is saved is what
was typed. Rows written by sync and restore go through SQL statements, not the ORM, and are not touched; the
audit and sync bookkeeping tables are skipped (they record what happened, in the system's own words).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.text import bad_characters, characters_message, has_hidden_characters

SESSION_FLAG = "guard_text"
_SKIPPED_PREFIXES = ("audit_", "sync_")

# Chinese names of the columns a user types into, for the message; any other text column is "输入的文字".
_LABELS = {
    "name": "姓名", "title": "名称", "summary": "简要情况", "request": "诉求", "facts": "事实", "note": "备注",
    "notes": "记录", "reason": "原因", "description": "说明", "filename": "文件名", "address": "地址",
    "content": "内容", "findings": "发现的情况", "outcome": "结果", "outcome_note": "结果说明",
    "decision_note": "处理意见", "resolution": "处理结果", "feedback": "反馈", "response_note": "回复",
    "consent_note": "同意情况", "disputes": "争议", "responsibility": "责任", "performance": "履行情况",
    "performance_note": "履行说明", "override_reason": "调整理由", "stop_note": "终止说明", "detail": "详情",
    "place": "地点", "occupation": "职业", "transfer_to": "转办去向", "display_name": "显示名称",
    "subject": "事由", "contact": "联系方式", "cancel_reason": "取消原因", "court": "法院", "visitor": "来访人",
    "visitor_name": "来访人", "where_seen": "发现地点", "agency_name": "单位名称", "username": "用户名",
}


_COLUMNS: dict[Any, frozenset[str]] = {}


def _text_columns(mapper: Any) -> frozenset[str]:
    """The attribute keys of the mapper's string columns (String and Text), computed once per mapper."""
    cached = _COLUMNS.get(mapper)
    if cached is None:
        cached = _COLUMNS[mapper] = frozenset(a.key for a in mapper.column_attrs
                                              if isinstance(a.columns[0].type, String))
    return cached


def check_row(obj: Any, keys: Any = None) -> None:
    """Refuse `obj` when one of its text attributes (all, or only `keys`) holds a control or bidi character."""
    state = inspect(obj)
    mapper = state.mapper
    table = getattr(mapper.local_table, "name", "")
    if table.startswith(_SKIPPED_PREFIXES):
        return
    columns = _text_columns(mapper)
    values = state.dict
    for key in (columns if keys is None else keys):
        if key not in columns:
            continue
        value = values.get(key)
        if isinstance(value, str) and has_hidden_characters(value):
            codes = bad_characters(value, multiline=True)
            if codes:
                raise ValidationError(characters_message(_LABELS.get(key, "输入的文字"), codes, multiline=True),
                                      code="bad_characters", field=key)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if not session.info.get(SESSION_FLAG):
        return
    for obj in session.new:
        check_row(obj)
    for obj in session.dirty:
        state = inspect(obj)
        if state.committed_state:   # only what changed: an untouched old value never blocks new work
            check_row(obj, list(state.committed_state))
