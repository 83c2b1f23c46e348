"""Login with lockout: five failures lock an account for fifteen minutes."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import func, select

from ...domain.enums import Role
from ...domain.errors import AccountDisabled, AccountLocked, BadCredentials
from ...security import audit
from ...security.actor import Actor, credentials_mark
from ...security.passwords import hash_password, needs_rehash, verify_password
from ...store.base import utcnow
from ...store.models import AuditEntry, OrgUnit, UserAccount
from ...store.store import Store
from .orgunits import root_unit, subtree_ids

MAX_FAILURES = 5
LOCK_MINUTES = 15
_BAD = "用户名或密码不正确。"


def login(store: Store, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """Check the password and return the actor. Failures are counted and audited even though
    the login itself fails, so this commits its own transaction either way."""
    now = now or utcnow()
    username = (username or "").strip().lower()
    failure: Exception | None = None
    with store.uow(write=True) as uow:
        s = uow.s
        user = s.execute(select(UserAccount).where(UserAccount.username == username,
                                                   UserAccount.deleted_at.is_(None))).scalar_one_or_none()
        if user is None:
            # Only a hint of the typed name: a password typed into the name box must not be kept.
            audit.record(s, None, audit.Action.LOGIN_FAILED, entity="user",
                         actor_name=f"未知用户（{username[:2]}…，{len(username)} 字符）",
                         detail={"reason": "unknown_user"})
            failure = BadCredentials(_BAD)
        elif not user.active:
            audit.record(s, None, audit.Action.LOGIN_FAILED, entity="user", entity_id=user.id,
                         actor_name=user.username, owner_unit_id=user.owner_unit_id, detail={"reason": "disabled"})
            failure = AccountDisabled("该账号已停用，请联系管理员。")
        elif user.locked_until and user.locked_until > now:
            audit.record(s, None, audit.Action.LOGIN_FAILED, entity="user", entity_id=user.id,
                         actor_name=user.username, owner_unit_id=user.owner_unit_id, detail={"reason": "locked"})
            failure = _locked(user.locked_until, now)
        elif not verify_password(user.password_hash, password):
            user.failed_logins = (user.failed_logins or 0) + 1
            reason = {"reason": "bad_password", "failures": user.failed_logins}
            if user.failed_logins >= MAX_FAILURES:
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                user.failed_logins = 0
                failure = _locked(user.locked_until, now)
                reason["locked"] = True
            else:
                left = MAX_FAILURES - user.failed_logins
                failure = BadCredentials(f"{_BAD}再错 {left} 次账号将被锁定 {LOCK_MINUTES} 分钟。")
            audit.record(s, None, audit.Action.LOGIN_FAILED, entity="user", entity_id=user.id,
                         actor_name=user.username, owner_unit_id=user.owner_unit_id, detail=reason)
        else:
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            actor = actor_for(uow, user, now=now)
            entry = audit.record(s, actor, audit.Action.LOGIN, entity="user", entity_id=user.id,
                                 owner_unit_id=user.owner_unit_id)
            actor = replace(actor, session_seq=entry.seq)
    if failure is not None:
        raise failure
    return actor


def _locked(until: datetime, now: datetime) -> AccountLocked:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return AccountLocked(f"密码连续错误 {MAX_FAILURES} 次，账号已锁定，请 {minutes} 分钟后再试，或请管理员解锁。",
                         until=until)


def actor_for(uow, user: UserAccount, *, now: datetime | None = None) -> Actor:
    unit = uow.s.get(OrgUnit, user.owner_unit_id)
    return Actor(user_id=user.id, username=user.username, display_name=user.display_name, role=Role(user.role),
                 unit_id=user.owner_unit_id, scope_unit_ids=subtree_ids(uow.s, user.owner_unit_id),
                 must_change_password=user.must_change_password, logged_in_at=now,
                 sees_everything=unit is not None and unit.parent_id is None,
                 credentials_mark=credentials_mark(user.password_hash))


def refreshed(store: Store, actor: Actor) -> Actor:
    """Re-read the account (after a password change, or to drop a removed user's session)."""
    with store.uow() as uow:
        user = uow.s.get(UserAccount, actor.user_id)
        if user is None or not user.active or user.deleted_at is not None:
            raise AccountDisabled("该账号已停用或被删除，请重新登录。")
        audit.refuse_changed_credentials(uow.s, actor, user)  # refreshing must not revive an ended session
        head = uow.s.execute(select(func.max(AuditEntry.seq))).scalar_one()
        return replace(actor_for(uow, user), logged_in_at=actor.logged_in_at, session_seq=head or 0)


KEY_HOLDER = "密钥持有人"


def system_actor(store: Store, how: str = "命令行") -> Actor:
    """The key holder (whoever holds the store key, at the command line or in the setup wizard): full scope,
    audited as 密钥持有人（命令行）, so its changes are never mistaken for a logged-in user's."""
    with store.uow() as uow:
        root = root_unit(uow.s)
        scope = subtree_ids(uow.s, root.id) if root else frozenset()
        return Actor(user_id=None, username="cli", display_name=f"{KEY_HOLDER}（{how}）", role=Role.SYSTEM_ADMIN,
                     unit_id=root.id if root else "", scope_unit_ids=scope, is_system=True, sees_everything=True)
