"""Roles, what they may do, and the scope rule. Checked in the core, never only in the UI."""
from __future__ import annotations

from enum import StrEnum

from ..domain.enums import Role
from ..domain.errors import PasswordChangeRequired, PermissionDenied
from .actor import Actor


class Permission(StrEnum):
    CASE_READ = "case_read"
    CASE_CREATE = "case_create"
    CASE_EDIT = "case_edit"
    CASE_REFER = "case_refer"
    CASE_APPROVE = "case_approve"
    SEE_CONFIDENTIAL = "see_confidential"     # victim's address and contacts, full ID numbers
    SEE_COUNSELLING = "see_counselling"       # counselling notes
    PRINT_EXPORT = "print_export"
    USER_MANAGE = "user_manage"
    ORG_MANAGE = "org_manage"
    SETTINGS_MANAGE = "settings_manage"
    AUDIT_READ = "audit_read"
    SEE_SENSITIVE = "see_sensitive"           # sensitive evidence: medical reports, injury photos
    RESOLVE_CONFLICTS = "resolve_conflicts"   # pick or merge the two versions of a record changed on both sides


_P = Permission
_CASEWORK = {_P.CASE_READ, _P.CASE_CREATE, _P.CASE_EDIT, _P.CASE_REFER, _P.PRINT_EXPORT}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.RECEPTION: frozenset(_CASEWORK),
    Role.MEDIATOR: frozenset(_CASEWORK | {_P.SEE_CONFIDENTIAL}),
    Role.COUNSELLOR: frozenset(_CASEWORK | {_P.SEE_CONFIDENTIAL, _P.SEE_COUNSELLING, _P.SEE_SENSITIVE}),
    Role.STATION_ADMIN: frozenset(_CASEWORK | {_P.USER_MANAGE, _P.RESOLVE_CONFLICTS}),
    Role.SUPERVISOR: frozenset(_CASEWORK | {_P.CASE_APPROVE, _P.SEE_CONFIDENTIAL, _P.SEE_COUNSELLING,
                                           _P.SEE_SENSITIVE, _P.AUDIT_READ, _P.RESOLVE_CONFLICTS}),
    # The system administrator runs the installation; it reads case lists but not sensitive details.
    Role.SYSTEM_ADMIN: frozenset({_P.CASE_READ, _P.USER_MANAGE, _P.ORG_MANAGE, _P.SETTINGS_MANAGE,
                                  _P.AUDIT_READ, _P.PRINT_EXPORT}),
}

_NAMES = {
    _P.CASE_READ: "查看案件", _P.CASE_CREATE: "登记案件", _P.CASE_EDIT: "修改案件", _P.CASE_REFER: "转介案件",
    _P.CASE_APPROVE: "审批", _P.SEE_CONFIDENTIAL: "查看保密信息", _P.SEE_COUNSELLING: "查看心理疏导记录",
    _P.PRINT_EXPORT: "打印导出", _P.USER_MANAGE: "管理用户", _P.ORG_MANAGE: "管理组织机构",
    _P.SETTINGS_MANAGE: "修改设置", _P.AUDIT_READ: "查看审计日志",
    _P.SEE_SENSITIVE: "查看敏感证据材料", _P.RESOLVE_CONFLICTS: "处理同步冲突",
}


def can(actor: Actor, permission: Permission) -> bool:
    return actor.is_system or permission in ROLE_PERMISSIONS.get(actor.role, frozenset())


def require(actor: Actor, permission: Permission) -> None:
    if actor.must_change_password:
        raise PasswordChangeRequired("首次登录或密码已被重置，请先修改密码。")
    if not can(actor, permission):
        raise PermissionDenied(f"您的角色（{actor.role.label}）没有“{_NAMES[permission]}”的权限。",
                               code="no_permission")


def require_scope(actor: Actor, unit_id: str | None, what: str = "该记录") -> None:
    """Refuse anything owned by a unit outside the actor's subtree (same message as not found,
    so a village cannot learn that another village's case exists)."""
    if actor.is_system:
        return
    if not actor.in_scope(unit_id):
        raise PermissionDenied(f"{what}不存在或不在您的管辖范围内。", code="out_of_scope")
