"""The audit log as its readers see it: who did what to which record, when, and where.

The auditor (审计员) reads this and nothing else, so a row carries no case content: the entry's detail is shown
by its field names only ("修改：title, summary"), never by the values written, which may be a victim's words.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.models import AuditEntry, OrgUnit
from ...store.uow import UnitOfWork

PAGE = 200
ACTION_LABELS = {
    "login": "登录", "login_failed": "登录失败", "logout": "退出", "create": "新增", "update": "修改",
    "delete": "删除", "view": "查看", "export": "导出", "print": "打印", "password": "密码", "lock": "锁定",
    "unlock": "解锁", "acknowledge": "已知悉",
}


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    actor_name: str
    action: str
    entity: str | None
    entity_id: str | None
    case_id: str | None
    unit_name: str
    fields: str              # the detail's field names, never its values

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


def detail_fields(detail: Any) -> str:
    """"changes" and "fields" list what was changed; everything else is named by its key."""
    if not isinstance(detail, dict):
        return ""
    names: list[str] = []
    for key, value in detail.items():
        if key == "changes" and isinstance(value, dict):
            names.extend(str(k) for k in value)
        elif key == "fields" and isinstance(value, list):
            names.extend(str(v) for v in value)
        else:
            names.append(str(key))
    return ", ".join(names)


def list_entries(uow: UnitOfWork, actor: Actor, *, before_seq: int | None = None, limit: int = PAGE,
                 action: str | None = None) -> list[AuditRow]:
    """The newest entries (older than `before_seq`, to page back) of the actor's subtree; entries tied to no
    unit (failed logins of unknown names, store-wide changes) only for a reader whose scope is the district."""
    require(actor, Permission.AUDIT_READ)
    query = (select(AuditEntry, OrgUnit.name).outerjoin(OrgUnit, OrgUnit.id == AuditEntry.owner_unit_id)
             .order_by(AuditEntry.seq.desc()).limit(max(1, min(limit, 1000))))
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
    if action:
        query = query.where(AuditEntry.action == action)
    if not (actor.is_system or actor.sees_everything):
        query = query.where(AuditEntry.owner_unit_id.in_(sorted(actor.scope_unit_ids)))
    return [AuditRow(e.seq, e.at, e.actor_name, e.action, e.entity, e.entity_id, e.case_id, unit or "",
                     detail_fields(e.detail)) for e, unit in uow.s.execute(query)]
