"""The append-only, hash-chained audit log.

Each entry's hash covers its content and the previous entry's hash; `seq` is dense and the
chain head records the last seq and hash. So an edited entry breaks its own hash, a deleted
entry leaves a gap (or a wrong prev_hash), and a cut-off tail disagrees with the head.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import AccountDisabled, SessionExpired
from ..store.base import new_id, utcnow
from ..store.models import AuditEntry, AuditHead, UserAccount
from .actor import Actor, credentials_mark


class Action:
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    VIEW = "view"
    EXPORT = "export"
    PRINT = "print"
    PASSWORD = "password"
    LOCK = "lock"
    UNLOCK = "unlock"


def _canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_hash(*, seq: int, id: str, at: datetime, actor_id: str | None, actor_name: str, action: str,
               entity: str | None, entity_id: str | None, case_id: str | None, owner_unit_id: str | None,
               detail: Any, prev_hash: str) -> str:
    body = {
        "seq": seq, "id": id, "at": at.astimezone(timezone.utc).isoformat(timespec="microseconds"),
        "actor_id": actor_id, "actor_name": actor_name, "action": action, "entity": entity,
        "entity_id": entity_id, "case_id": case_id, "owner_unit_id": owner_unit_id, "detail": detail,
        "prev": prev_hash,
    }
    return hashlib.sha256(_canonical(body)).hexdigest()


def record(session: Session, actor: Actor | None, action: str, *, entity: str | None = None,
           entity_id: str | None = None, case_id: str | None = None, owner_unit_id: str | None = None,
           detail: dict[str, Any] | None = None, actor_name: str | None = None) -> AuditEntry:
    """Append one entry in the caller's transaction (it commits or rolls back with the change)."""
    _refuse_closed_account(session, actor)
    # Row lock on PostgreSQL; SQLite write transactions are already serialised (BEGIN IMMEDIATE).
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    seq = head.last_seq + 1
    fields = dict(
        seq=seq, id=new_id(), at=utcnow(), actor_id=actor.user_id if actor else None,
        actor_name=actor_name or (actor.audit_name if actor else "系统"), action=action, entity=entity,
        entity_id=entity_id, case_id=case_id, owner_unit_id=owner_unit_id, detail=detail,
    )
    digest = entry_hash(**fields, prev_hash=head.last_hash)
    entry = AuditEntry(**fields, prev_hash=head.last_hash, hash=digest)
    session.add(entry)
    head.last_seq, head.last_hash = seq, digest
    session.flush()
    return entry


def _refuse_closed_account(session: Session, actor: Actor | None) -> None:
    """Every change and every audited read passes here: a session whose account was disabled or removed
    after it logged in (on this desk or another one on the same store) can do nothing more."""
    if actor is None or actor.is_system or actor.user_id is None:
        return
    user = session.get(UserAccount, actor.user_id)
    if user is not None and (not user.active or user.deleted_at is not None):
        raise AccountDisabled("该账号已停用或被删除，请重新登录。")
    if user is not None:
        refuse_changed_credentials(session, actor, user)


def refuse_changed_credentials(session: Session, actor: Actor, user: UserAccount) -> None:
    """A session ends when someone else (an administrator's reset, or a change that arrived by sync) set the
    account's password after it logged in. The user's own changes (changing it, an administrator resetting
    their own, a re-hash at their login on another desk) keep it. Costs a query only after a change."""
    if actor.credentials_mark is None or credentials_mark(user.password_hash) == actor.credentials_mark:
        return
    rows = session.execute(select(AuditEntry.action, AuditEntry.actor_id)
                           .where(AuditEntry.entity == "user", AuditEntry.entity_id == user.id,
                                  AuditEntry.action.in_((Action.PASSWORD, Action.LOGIN)),
                                  AuditEntry.seq > (actor.session_seq or 0))).all()
    by_someone_else = any(action == Action.PASSWORD and who != user.id for action, who in rows)
    if by_someone_else or not any(who == user.id for _action, who in rows):
        raise SessionExpired("该账号的密码已被管理员重置或在别处更改，本次登录已失效，请用新密码重新登录。")


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    problem: str = ""


def verify_chain(session: Session, batch: int = 5000) -> ChainReport:
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one_or_none()
    if head is None:
        return ChainReport(False, 0, None, "审计链头记录缺失。")
    expected_seq, prev, count = 1, "0" * 64, 0
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=batch))
    for entry in rows.scalars():
        if entry.seq != expected_seq:
            return ChainReport(False, count, expected_seq,
                               f"第 {expected_seq} 条审计记录缺失（下一条为第 {entry.seq} 条），疑似被删除。")
        if entry.prev_hash != prev:
            return ChainReport(False, count, entry.seq, f"第 {entry.seq} 条审计记录与前一条不衔接，疑似前一条被删除或改动。")
        digest = entry_hash(seq=entry.seq, id=entry.id, at=entry.at, actor_id=entry.actor_id,
                            actor_name=entry.actor_name, action=entry.action, entity=entry.entity,
                            entity_id=entry.entity_id, case_id=entry.case_id, owner_unit_id=entry.owner_unit_id,
                            detail=entry.detail, prev_hash=entry.prev_hash)
        if digest != entry.hash:
            return ChainReport(False, count, entry.seq, f"第 {entry.seq} 条审计记录内容与其校验值不符，疑似被篡改。")
        prev, expected_seq, count = entry.hash, expected_seq + 1, count + 1
    if head.last_seq != count or head.last_hash != prev:
        return ChainReport(False, count, count + 1 if head.last_seq > count else head.last_seq,
                           f"审计记录应有 {head.last_seq} 条，实有 {count} 条，末尾记录疑似被删除。")
    return ChainReport(True, count)
