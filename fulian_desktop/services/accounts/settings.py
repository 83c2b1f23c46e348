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
    "mask_names_in_lists": ("案件列表中隐去姓名（显示为王某某）", bool, False),
    # 信访工作条例第三十五条: the body a petitioner asks for review — the district federation's superior
    # (a town's or village's opinion names the district from the org tree instead).
    "petition_review_body": ("信访复查机关（区级处理意见书告知的上一级机关）", str, ""),
    "sync_overdue_days": ("站点多少天未交换算逾期", int, 7),
    # An office that keeps a paper 来访登记簿: after each save the desk prints the register line
    # (services/intake/desk_register.py).
    "paper_register": ("本处登记簿（保留纸质来访登记簿：登记后打印当日登记簿的一行）", bool, False),
    "report_due_day": ("月度统计报表截止日（次月几日）", int, 5),
    # A station's district sync service for direct sync (sync/direct.py; an https:// address, no login) and how
    # often the application syncs with it on its own (0: only when 交换 is clicked).
    "sync_server_url": ("区平台服务器地址", str, ""),
    "sync_auto_minutes": ("自动同步间隔（分钟，0 为不自动同步）", int, 30),
}

# Settings kept per org unit: key "<name>:<unit id>". Each station's 人民调解委员会 is its own body, so its
# name is set per unit and printed on the seal block of that station's agreements.
UNIT_KEYS: dict[str, str] = {"mediation_committee": "人民调解委员会名称"}
COMMITTEE_SUFFIX = "人民调解委员会"


MAX_TEXT_SETTING = 100
LONGER_TEXT: dict[str, int] = {"sync_server_url": 300}   # an address with a CA file path may be long
MAX_AUTO_SYNC_MINUTES = 1440


def _coerce(key: str, label: str, kind: type, value: Any) -> Any:
    """The value as its setting's type; anything else (None, True, 5.5, infinity, a list) is refused."""
    invalid = ValidationError(f"“{label}”的值无效。", field=key)
    if kind is str:
        if not isinstance(value, str):
            raise invalid
        value = value.strip()
        limit = LONGER_TEXT.get(key, MAX_TEXT_SETTING)
        if len(value) > limit or any(ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0 for ch in value):
            raise ValidationError(f"“{label}”最多 {limit} 字，且不能含控制字符。", field=key)
        return value
    if kind is bool:
        if not isinstance(value, bool):
            raise invalid
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
    if key == "sync_overdue_days" and not 1 <= value <= 365:
        raise ValidationError("逾期天数须在 1 到 365 天之间。", field=key)
    if key == "report_due_day" and not 1 <= value <= 28:
        raise ValidationError("报表截止日须在次月 1 日到 28 日之间。", field=key)
    if key == "sync_auto_minutes" and not 0 <= value <= MAX_AUTO_SYNC_MINUTES:
        raise ValidationError(f"自动同步间隔须在 0（不自动同步）到 {MAX_AUTO_SYNC_MINUTES} 分钟之间。", field=key)
    if key == "sync_server_url" and value:
        _check_server_url(key, value)
    row = uow.s.get(AppSetting, key)
    old = row.value if row else None
    if row is None:
        uow.s.add(AppSetting(key=key, value=value, updated_by=actor.audit_name))
    else:
        row.value, row.updated_by = value, actor.audit_name
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="setting", entity_id=None,
                 detail={"key": key, "old": old, "new": value})


def _check_server_url(key: str, value: str) -> None:
    """The district's sync service (https://host:port; http:// only on loopback), never its database: a
    station holds no database login for the district."""
    from ...domain.sync_address import parse_sync_address

    parse_sync_address(value, field=key)


def unit_key(name: str, unit_id: str) -> str:
    return f"{name}:{unit_id}"


def get_for_unit(uow: UnitOfWork, name: str, unit_id: str) -> str:
    """The unit's own value ("" when none is set)."""
    row = uow.s.get(AppSetting, unit_key(name, unit_id))
    return str(row.value) if row is not None and row.value else ""


def put_for_unit(uow: UnitOfWork, actor: Actor, name: str, unit_id: str, value: Any) -> None:
    """Set a per-unit value; an empty text clears it. A committee's name must end in 人民调解委员会."""
    from ...store.models import OrgUnit

    require(actor, Permission.SETTINGS_MANAGE)
    if name not in UNIT_KEYS:
        raise ValidationError(f"未知的设置项：{name}")
    label = UNIT_KEYS[name]
    if uow.s.get(OrgUnit, unit_id) is None:
        raise ValidationError("没有这个组织单位。", field=name)
    value = _coerce(name, label, str, value)
    if value and name == "mediation_committee" and not value.endswith(COMMITTEE_SUFFIX):
        raise ValidationError(f"“{label}”须写全称，以“{COMMITTEE_SUFFIX}”结尾，例如“郭亮村{COMMITTEE_SUFFIX}”。",
                              field=name)
    key = unit_key(name, unit_id)
    row = uow.s.get(AppSetting, key)
    old = row.value if row else None
    if row is None:
        uow.s.add(AppSetting(key=key, value=value, updated_by=actor.audit_name))
    else:
        row.value, row.updated_by = value, actor.audit_name
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="setting", entity_id=unit_id,
                 detail={"key": name, "unit_id": unit_id, "old": old, "new": value})


def unit_values(uow: UnitOfWork, name: str) -> dict[str, str]:
    """{unit id: value} of a per-unit setting, for the units that have one."""
    prefix = f"{name}:"
    rows = uow.s.query(AppSetting).filter(AppSetting.key.startswith(prefix)).all()
    return {row.key[len(prefix):]: str(row.value) for row in rows if row.value}
