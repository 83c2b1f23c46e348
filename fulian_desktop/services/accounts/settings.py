"""Store-wide settings: a small key/value table, validated per key."""
from __future__ import annotations

from typing import Any

from ...domain.errors import ValidationError
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.models import AppSetting
from ...store.uow import UnitOfWork

KNOWN: dict[str, tuple[str, type, Any]] = {
    # key: (label, type, default)
    "idle_lock_minutes": ("无操作自动锁定（分钟）", int, 10),
    "unit_display_name": ("文书落款单位名称", str, ""),
    "attachment_max_mb": ("附件大小上限（MB）", int, 50),
}


MAX_TEXT_SETTING = 100


def _coerce(key: str, label: str, kind: type, value: Any) -> Any:
    """The value as its setting's type; anything else (None, True, 5.5, infinity, a list) is refused."""
    invalid = ValidationError(f"“{label}”的值无效。", field=key)
    if kind is str:
        if not isinstance(value, str):
            raise invalid
        value = value.strip()
        if len(value) > MAX_TEXT_SETTING or any(ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0 for ch in value):
            raise ValidationError(f"“{label}”最多 {MAX_TEXT_SETTING} 字，且不能含控制字符。", field=key)
        return value
    if value is None or isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise invalid
    try:
        return kind(value)
    except (TypeError, ValueError, OverflowError):
        raise invalid from None


def get(uow: UnitOfWork, key: str, default: Any = None) -> Any:
    row = uow.s.get(AppSetting, key)
    if row is not None:
        return row.value
    return KNOWN[key][2] if key in KNOWN and default is None else default


def all_settings(uow: UnitOfWork) -> dict[str, Any]:
    return {key: get(uow, key) for key in KNOWN}


def put(uow: UnitOfWork, actor: Actor, key: str, value: Any) -> None:
    require(actor, Permission.SETTINGS_MANAGE)
    if key not in KNOWN:
        raise ValidationError(f"未知的设置项：{key}")
    label, kind, _default = KNOWN[key]
    value = _coerce(key, label, kind, value)
    if key == "idle_lock_minutes" and not 1 <= value <= 240:
        raise ValidationError("自动锁定时间须在 1 到 240 分钟之间。", field=key)
    if key == "attachment_max_mb" and not 1 <= value <= 2048:
        raise ValidationError("附件大小上限须在 1 到 2048 MB 之间。", field=key)
    row = uow.s.get(AppSetting, key)
    old = row.value if row else None
    if row is None:
        uow.s.add(AppSetting(key=key, value=value, updated_by=actor.audit_name))
    else:
        row.value, row.updated_by = value, actor.audit_name
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="setting", entity_id=None,
                 detail={"key": key, "old": old, "new": value})
