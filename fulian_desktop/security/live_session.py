"""Is the acting session still valid? Checked at every call of any kind, reads included.

A session opened before its account was disabled, removed, given another role or unit, or had its password set
by someone else must not go on listing and searching cases. Writes were already checked when they are audited
(security/audit.py); reads are checked here, from the permission check every service starts with.

The lookup (one primary key) is not repeated while nothing can have changed: a session confirmed live stays
confirmed until this process commits any write (`Store.commit_seq`) or LIVE_FOR_SECONDS pass. An account
changed by another process (another desk on the same server, the `fulian` command) therefore stops acting
within that second; one changed in this process stops at once.
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ..domain.enums import Role
from ..domain.errors import AccountDisabled, SessionExpired
from ..store.models import UserAccount
from ..store.uow import UnitOfWork, current_uow
from . import audit
from .actor import Actor, credentials_mark

if TYPE_CHECKING:
    from ..store.store import Store


LIVE_FOR_SECONDS = 1.0

_LiveKey = tuple[str, "str | None", "int | None"]
# Per store: session key -> (commit_seq when the check began, monotonic time of the check).
_CONFIRMED: "WeakKeyDictionary[Store, dict[_LiveKey, tuple[int, float]]]" = WeakKeyDictionary()

_ACCOUNT = UserAccount.__table__
# One row by primary key, five columns, on the Core path (no ORM object is built): the whole cost of the check.
_STATE = (select(_ACCOUNT.c.active, _ACCOUNT.c.deleted_at, _ACCOUNT.c.role, _ACCOUNT.c.owner_unit_id,
                 _ACCOUNT.c.password_hash).where(_ACCOUNT.c.id == bindparam("user_id")))


def check_account(session: Session, actor: Actor) -> None:
    """Raise AccountDisabled or SessionExpired if `actor`'s session has ended; the key holder's never does."""
    if actor.is_system or actor.user_id is None:
        return
    row = session.connection().execute(_STATE, {"user_id": actor.user_id}).first()
    if row is None:
        return  # an account this store does not hold (a desk's actor on a server it syncs with)
    active, deleted_at, role, unit_id, password_hash = row
    if not active or deleted_at is not None:
        raise AccountDisabled("该账号已停用或被删除，请重新登录。")
    if role != actor.role.value or unit_id != actor.unit_id:
        raise SessionExpired(f"该账号的角色或所属单位已被更改（现为{_role_label(role)}），本次登录已失效，请重新登录。")
    if actor.credentials_mark is not None and credentials_mark(password_hash) != actor.credentials_mark:
        user = session.get(UserAccount, actor.user_id)  # the password changed: who changed it decides
        if user is not None:
            audit.refuse_changed_credentials(session, actor, user)


def ensure_live(uow: UnitOfWork, actor: Actor) -> None:
    """Check `actor` once in `uow` (later calls in the same unit of work cost a set lookup)."""
    if actor.is_system or actor.user_id is None:
        return
    key = (actor.user_id, actor.credentials_mark, actor.session_seq)
    if key in uow.live_checked:
        return
    confirmed = _CONFIRMED.setdefault(uow.store, {})
    seen = confirmed.get(key)
    started = time.monotonic()
    commit_seq = uow.store.commit_seq  # read before the check: a commit during it invalidates the result
    if seen is not None and seen[0] == commit_seq and started - seen[1] < LIVE_FOR_SECONDS:
        uow.live_checked.add(key)
        return
    check_account(uow.s, actor)
    uow.live_checked.add(key)
    confirmed[key] = (commit_seq, started)


def require_live(actor: Actor) -> None:
    """Check `actor` in the unit of work open in this thread, if any (the UI's own checks run outside one)."""
    uow = current_uow()
    if uow is not None and uow.session is not None:
        ensure_live(uow, actor)


def _role_label(value: str) -> str:
    return next((role.label for role in Role if role.value == value), value)
