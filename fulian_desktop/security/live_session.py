"""Is the acting session still valid? Checked at every call of any kind, reads included.

A session opened before its account was disabled, removed, given another role or unit, or had its password set
by someone else must not go on listing and searching cases. Writes were already checked when they are audited
(security/audit.py); reads are checked here, from the permission check every service starts with, once per unit
of work: one primary-key lookup of the account, not one per row.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..domain.enums import Role
from ..domain.errors import AccountDisabled, SessionExpired
from ..store.models import UserAccount
from ..store.uow import UnitOfWork, current_uow
from . import audit
from .actor import Actor


def check_account(session: Session, actor: Actor) -> None:
    """Raise AccountDisabled or SessionExpired if `actor`'s session has ended; the key holder's never does."""
    if actor.is_system or actor.user_id is None:
        return
    user = session.get(UserAccount, actor.user_id)
    if user is None:
        return  # an account this store does not hold (a desk's actor on a server it syncs with)
    if not user.active or user.deleted_at is not None:
        raise AccountDisabled("该账号已停用或被删除，请重新登录。")
    if user.role != actor.role.value or user.owner_unit_id != actor.unit_id:
        raise SessionExpired(f"该账号的角色或所属单位已被更改（现为{Role(user.role).label}），"
                             "本次登录已失效，请重新登录。")
    audit.refuse_changed_credentials(session, actor, user)


def ensure_live(uow: UnitOfWork, actor: Actor) -> None:
    """Check `actor` once in `uow` (later calls in the same unit of work cost a set lookup)."""
    if actor.is_system or actor.user_id is None:
        return
    key = (actor.user_id, actor.credentials_mark, actor.session_seq)
    if key in uow.live_checked:
        return
    check_account(uow.s, actor)
    uow.live_checked.add(key)


def require_live(actor: Actor) -> None:
    """Check `actor` in the unit of work open in this thread, if any (the UI's own checks run outside one)."""
    uow = current_uow()
    if uow is not None and uow.session is not None:
        ensure_live(uow, actor)
