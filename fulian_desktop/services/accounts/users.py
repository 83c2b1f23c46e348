"""User accounts: created by an administrator, always inside one org unit."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ...domain.enums import Role
from ...domain.errors import NotFound, ValidationError
from ...security import audit
from ...security.actor import Actor
from ...security.passwords import check_password_policy, hash_password, verify_password
from ...security.permissions import Permission, require, require_manage, require_not_self, require_scope
from ...store.models import OrgUnit, UserAccount
from ...store.uow import UnitOfWork

_USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{2,31}$")


@dataclass(frozen=True)
class UserView:
    id: str
    username: str
    display_name: str
    role: Role
    unit_id: str
    unit_name: str
    active: bool
    locked_until: datetime | None
    must_change_password: bool
    last_login_at: datetime | None


def _view(user: UserAccount, unit_name: str) -> UserView:
    return UserView(user.id, user.username, user.display_name, Role(user.role), user.owner_unit_id, unit_name,
                    user.active, user.locked_until, user.must_change_password, user.last_login_at)


def add_user(uow: UnitOfWork, actor: Actor, *, username: str, display_name: str, role: Role, unit_id: str,
             password: str) -> UserView:
    require(actor, Permission.USER_MANAGE)
    require_scope(actor, unit_id, "所选单位")
    require_manage(actor, role, unit_id)
    username = (username or "").strip().lower()
    if not _USERNAME.match(username):
        raise ValidationError("用户名须以字母开头，3–32 位，只含小写字母、数字、下划线、点或连字符。", field="username")
    if not (display_name or "").strip():
        raise ValidationError("请填写姓名。", field="display_name")
    check_password_policy(password, username=username)
    s = uow.s
    unit = s.get(OrgUnit, unit_id)
    if unit is None:
        raise NotFound("所选单位不存在。", field="unit")
    if s.execute(select(UserAccount.id).where(UserAccount.username == username)).first():
        raise ValidationError(f"用户名“{username}”已被使用。", field="username", code="username_taken")
    user = UserAccount(username=username, display_name=display_name.strip(), role=role.value,
                       owner_unit_id=unit_id, password_hash=hash_password(password), must_change_password=True)
    s.add(user)
    uow.flush()
    audit.record(s, actor, audit.Action.CREATE, entity="user", entity_id=user.id, owner_unit_id=unit_id,
                 detail={"username": username, "role": role.value})
    return _view(user, unit.name)


def list_users(uow: UnitOfWork, actor: Actor) -> list[UserView]:
    require(actor, Permission.USER_MANAGE)
    rows = uow.s.execute(select(UserAccount, OrgUnit.name).join(OrgUnit, OrgUnit.id == UserAccount.owner_unit_id)
                         .where(UserAccount.deleted_at.is_(None)).order_by(UserAccount.username))
    return [_view(user, unit_name) for user, unit_name in rows if actor.is_system or actor.in_scope(user.owner_unit_id)]


def _managed_user(uow: UnitOfWork, actor: Actor, username: str, *, takeover: bool = True) -> UserAccount:
    """The account `username`, if `actor` may manage it. `takeover`: the change hands over or changes the account's
    rights (its password, role or unit), so the separation-of-duties rule applies (security/permissions.py);
    unlocking, disabling and renaming do not: a system administrator may do them to any account in its scope, a
    supervisor or station administrator to any caseworker in its scope and to an account above that only if it may
    manage that role."""
    require(actor, Permission.USER_MANAGE)
    user = uow.s.execute(select(UserAccount).where(UserAccount.username == username.strip().lower(),
                                                   UserAccount.deleted_at.is_(None))).scalar_one_or_none()
    if user is None or not (actor.is_system or actor.in_scope(user.owner_unit_id)):
        raise NotFound(f"没有用户“{username}”，或不在您的管辖范围内。", field="username")
    role = Role(user.role)
    if takeover or not (actor.role == Role.SYSTEM_ADMIN or role not in _ABOVE_STATION):
        require_manage(actor, role, user.owner_unit_id)
    return user


# Accounts another administrator than the system administrator unlocks or disables only if it may manage their role
# (security/permissions.py): they may outrank it, or watch it.
_ABOVE_STATION = frozenset({Role.SUPERVISOR, Role.SYSTEM_ADMIN, Role.AUDITOR})


def reset_password(uow: UnitOfWork, actor: Actor, username: str, new_password: str) -> None:
    """An administrator sets a temporary password; the user must change it at next login."""
    user = _managed_user(uow, actor, username)
    check_password_policy(new_password, username=user.username)
    # Audited before the change: the entry is what tells the user's open sessions who set it (security/audit.py).
    # The key holder's resets are marked: the supervisors' review queue shows them (services/cases/review.py).
    detail: dict[str, object] = {"reset_by_admin": True}
    if actor.is_system:
        detail.update(reset_by_key_holder=True, role=user.role)
    audit.record(uow.s, actor, audit.Action.PASSWORD, entity="user", entity_id=user.id,
                 owner_unit_id=user.owner_unit_id, detail=detail)
    user.password_hash = hash_password(new_password)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None


def unlock_user(uow: UnitOfWork, actor: Actor, username: str) -> None:
    user = _managed_user(uow, actor, username, takeover=False)
    user.failed_logins = 0
    user.locked_until = None
    audit.record(uow.s, actor, audit.Action.UNLOCK, entity="user", entity_id=user.id,
                 owner_unit_id=user.owner_unit_id)


def set_active(uow: UnitOfWork, actor: Actor, username: str, active: bool) -> None:
    user = _managed_user(uow, actor, username, takeover=False)
    if user.id == actor.user_id and not active:
        raise ValidationError("不能停用自己的账号。")
    user.active = active
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="user", entity_id=user.id,
                 owner_unit_id=user.owner_unit_id, detail={"active": active})


def update_user(uow: UnitOfWork, actor: Actor, username: str, *, role: Role | None = None,
                unit_id: str | None = None, display_name: str | None = None) -> None:
    user = _managed_user(uow, actor, username, takeover=role is not None or unit_id is not None)
    changes: dict[str, list[str]] = {}
    new_role = role if role is not None and role.value != user.role else None
    new_unit = unit_id if unit_id is not None and unit_id != user.owner_unit_id else None
    if new_role is not None:
        require_not_self(actor, user.id, "角色")
    if new_unit is not None:
        require_not_self(actor, user.id, "所属单位")
        if uow.s.get(OrgUnit, new_unit) is None:
            raise NotFound("所选单位不存在。", field="unit")
    if new_role is not None or new_unit is not None:
        # The account as it would be: the actor must be allowed to hold that role at that unit.
        require_manage(actor, new_role or Role(user.role), new_unit or user.owner_unit_id)
    if new_role is not None:
        changes["role"] = [user.role, new_role.value]
        user.role = new_role.value
    if new_unit is not None:
        changes["unit"] = [user.owner_unit_id, new_unit]
        user.owner_unit_id = new_unit
    if display_name is not None and display_name.strip() and display_name.strip() != user.display_name:
        changes["display_name"] = [user.display_name, display_name.strip()]
        user.display_name = display_name.strip()
    if changes:
        audit.record(uow.s, actor, audit.Action.UPDATE, entity="user", entity_id=user.id,
                     owner_unit_id=user.owner_unit_id, detail=changes)


def change_own_password(uow: UnitOfWork, actor: Actor, old_password: str, new_password: str) -> None:
    user = uow.s.get(UserAccount, actor.user_id) if actor.user_id else None
    if user is None:
        raise NotFound("账号不存在。")
    if not verify_password(user.password_hash, old_password):
        raise ValidationError("原密码不正确。", field="old_password", code="bad_old_password")
    if old_password == new_password:
        raise ValidationError("新密码不能与原密码相同。", field="new_password")
    check_password_policy(new_password, username=user.username)
    audit.record(uow.s, actor, audit.Action.PASSWORD, entity="user", entity_id=user.id,
                 owner_unit_id=user.owner_unit_id)  # before the change, as in reset_password
    user.password_hash = hash_password(new_password)
    user.must_change_password = False


def normalise_username(username: str) -> str:
    """The stored form of a username (lower case, trimmed); raises ValidationError if it is not allowed.
    Lets a form check the name before it submits (same rule as add_user)."""
    username = (username or "").strip().lower()
    if not _USERNAME.match(username):
        raise ValidationError("用户名须以字母开头，3–32 位，只含小写字母、数字、下划线、点或连字符。", field="username")
    return username
