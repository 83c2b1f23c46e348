"""Roles, what they may do, and the scope rule. Checked in the core, never only in the UI."""
from __future__ import annotations

from enum import StrEnum

from ..domain.enums import Role
from ..domain.errors import PasswordChangeRequired, PermissionDenied
from .actor import Actor
from .live_session import require_live


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
    # The supervisor also runs its subtree's staff accounts: it holds every caseworker's rights, so the rule below
    # lets it make the mediators and counsellors the system administrator may not.
    Role.SUPERVISOR: frozenset(_CASEWORK | {_P.CASE_APPROVE, _P.SEE_CONFIDENTIAL, _P.SEE_COUNSELLING,
                                           _P.SEE_SENSITIVE, _P.AUDIT_READ, _P.RESOLVE_CONFLICTS,
                                           _P.USER_MANAGE}),
    # Separation of duties (三员分立): the system administrator runs accounts, the org tree and settings but reads
    # no case content; the auditor reads the audit log and nothing else; neither audits or administers itself.
    Role.SYSTEM_ADMIN: frozenset({_P.USER_MANAGE, _P.ORG_MANAGE, _P.SETTINGS_MANAGE}),
    Role.AUDITOR: frozenset({_P.AUDIT_READ}),
}

_NAMES = {
    _P.CASE_READ: "查看案件", _P.CASE_CREATE: "登记案件", _P.CASE_EDIT: "修改案件", _P.CASE_REFER: "转介案件",
    _P.CASE_APPROVE: "审批", _P.SEE_CONFIDENTIAL: "查看保密信息", _P.SEE_COUNSELLING: "查看心理疏导记录",
    _P.PRINT_EXPORT: "打印导出", _P.USER_MANAGE: "管理用户", _P.ORG_MANAGE: "管理组织机构",
    _P.SETTINGS_MANAGE: "修改设置", _P.AUDIT_READ: "查看审计日志",
    _P.SEE_SENSITIVE: "查看敏感证据材料", _P.RESOLVE_CONFLICTS: "处理同步冲突",
}


def can(actor: Actor, permission: Permission) -> bool:
    """Inside a unit of work this also ends a session whose account was disabled or changed since it logged
    in (security/live_session.py): every service asks here before it reads or writes anything."""
    if actor.is_system:
        return True
    require_live(actor)
    return permission in ROLE_PERMISSIONS.get(actor.role, frozenset())


def require(actor: Actor, permission: Permission) -> None:
    if not actor.is_system:
        require_live(actor)  # an ended session hears that, not "change your password"
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
    require_live(actor)
    if not actor.in_scope(unit_id):
        raise PermissionDenied(f"{what}不存在或不在您的管辖范围内。", code="out_of_scope")


# --- separation of duties: who may make, change or take over whose account -------------------------------------
# Creating an account or setting its password hands its rights to whoever knows that password, so both follow
# one rule, with no exception for anyone but the key holder: nobody grants a permission they do not hold. A role
# is grantable iff all its permissions are the actor's too. So the system administrator (accounts, org tree,
# settings, no case content) makes and resets only system administrators: a mediator it made would read victims'
# addresses with a password it knows. Staff accounts are the supervisor's, within its subtree; a station
# administrator makes receptionists and station administrators. The key holder at the command line may do all of
# it, audited as such and shown to the supervisors.


def grantable_roles(actor: Actor) -> frozenset[Role]:
    """The roles whose accounts `actor` may create, change, move or reset (its scope permitting)."""
    if actor.is_system:
        return frozenset(Role)
    if not can(actor, Permission.USER_MANAGE):
        return frozenset()
    mine = ROLE_PERMISSIONS.get(actor.role, frozenset())
    return frozenset(role for role in Role if ROLE_PERMISSIONS[role] <= mine)


def may_manage(actor: Actor, target_role: Role, target_unit: str | None) -> bool:
    """May `actor` hold an account of `target_role` at `target_unit`: create it, give it that role, move it
    there, or set its password. The one rule behind every account change and the admin page's role choices."""
    return target_role in grantable_roles(actor) and (actor.is_system or actor.in_scope(target_unit))


def _granted_by(target_role: Role) -> list[Role]:
    """The roles that may manage `target_role` accounts (within their scope), for the refusal message."""
    needed = ROLE_PERMISSIONS[target_role]
    return [role for role in Role
            if _P.USER_MANAGE in ROLE_PERMISSIONS[role] and needed <= ROLE_PERMISSIONS[role]]


def require_manage(actor: Actor, target_role: Role, target_unit: str | None) -> None:
    require(actor, Permission.USER_MANAGE)
    if may_manage(actor, target_role, target_unit):
        return
    if not actor.in_scope(target_unit):
        raise PermissionDenied("所选单位不存在或不在您的管辖范围内。", code="out_of_scope")
    others = "、".join(role.label for role in _granted_by(target_role) if role != actor.role)
    who = f"请由辖区内的{others}办理，或由" if others else "只能由"
    raise PermissionDenied(f"您的角色（{actor.role.label}）不能授予或管理{target_role.label}账号：不能授予自己没有的"
                           f"权限。{who}密钥持有人在命令行中办理（fulian user add / fulian user passwd）。",
                           code="rank")


def require_not_self(actor: Actor, user_id: str, what: str) -> None:
    """Nobody changes their own role or unit: a change of one's own rights is always someone else's decision."""
    if not actor.is_system and actor.user_id == user_id:
        raise PermissionDenied(f"不能修改自己的{what}，请由其他管理员办理。", code="self")


def require_key_holder(actor: Actor, why: str) -> None:
    """Actions that hand a unit's records to whoever holds a key (station provisioning, registering a peer)
    are the key holder's, at the command line: no role reads everything a bundle carries."""
    if not actor.is_system:
        raise PermissionDenied(f"{why}，只能由密钥持有人在命令行中办理（fulian sync provision / fulian sync peer add）。",
                               code="key_holder_only")


# --- monthly reports up the tiers (services/reporting): the unit submits, the tier above reviews ----------------

def require_report_submitter(actor: Actor, unit_id: str) -> None:
    """A unit's monthly report is submitted (and resubmitted) by a supervisor of that unit itself."""
    require(actor, Permission.CASE_APPROVE)
    if not actor.is_system and (actor.role != Role.SUPERVISOR or actor.unit_id != unit_id):
        raise PermissionDenied("月度统计报表由本单位的督导提交，您不能提交该单位的报表。", code="report_submitter")


def require_report_reviewer(actor: Actor, reviewing_unit_id: str | None) -> None:
    """A report is accepted or returned by a supervisor of the unit directly above the reporting unit."""
    require(actor, Permission.CASE_APPROVE)
    if not actor.is_system and (actor.role != Role.SUPERVISOR or reviewing_unit_id is None
                                or actor.unit_id != reviewing_unit_id):
        raise PermissionDenied("月度统计报表由上一级单位的督导审核，您不能审核该报表。", code="report_reviewer")
