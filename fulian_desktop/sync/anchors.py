"""Audit checkpoints in bundles: signed at every export, kept by the receiver, checked on every import.

The sender puts its signed chain head in the bundle's header (signed again with the whole bundle, and
readable without the receiver's key, so the sender can later verify its own chain against a bundle it
sent). The receiver keeps every checkpoint it is sent. When the sender is below the receiver, its audit
entries travel up with the bundle: then the receiver proves the new checkpoint extends the one it kept
(every entry from the kept seq to the new seq is present, links to the one before, and hashes to what
it says), and that no entry it had already received came back changed. Otherwise it checks what it can
(the chain never gets shorter, and the same seq keeps the same hash). A bundle that fails is still
applied (its records may be genuine work), but the station is flagged: an audit entry here, a warning
in the import message, `fulian sync peer list` and `fulian audit verify`.

Signing key: the store's station key (`SyncIdentity`). A store that never synced gets its identity on
first need, exactly as the district does on its first export, so backups of every store are signed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..domain.errors import NotFound, ValidationError
from ..security import audit
from ..security.actor import Actor
from ..security.audit import entry_hash
from ..security.checkpoint import Checkpoint, chain_head, sign, signature_ok
from ..services.accounts.orgunits import subtree_ids
from ..store.base import utcnow
from ..store.models_sync import SyncAuditCheckpoint, SyncIdentity, SyncPeer, SyncRemoteAudit
from ..store.uow import UnitOfWork
from .bundle import public_keys
from .identity import ensure_identity, identity

HEADER_FIELD = "audit_checkpoint"
AUDIT_ACTION_BROKEN = "audit_anchor_broken"


@dataclass(frozen=True)
class Signer:
    """What signing needs, read out of the store (usable after its transaction ended)."""

    station_id: str
    store_id: str
    sign_private: bytes

    def sign(self, head: tuple[int, str]) -> Checkpoint:
        return sign(head[0], head[1], sign_private=self.sign_private, station_id=self.station_id,
                    store_id=self.store_id, at=utcnow())


def signer(uow: UnitOfWork, store_id: str, *, create: bool = True) -> Signer | None:
    """This store's signing key, its identity made on first need (`create`, in a write transaction);
    None for a store with no org tree yet, or with no identity when not `create`."""
    try:
        ident = ensure_identity(uow) if create else identity(uow)
    except NotFound:
        return None
    if ident is None:
        return None
    return Signer(ident.station_id, store_id, bytes(ident.sign_private))


def own_public_key(uow: UnitOfWork) -> bytes | None:
    ident = identity(uow)
    return public_keys(ident.sign_private, ident.box_private)[0] if ident else None


def sign_head(uow: UnitOfWork, ident: SyncIdentity, store_id: str) -> Checkpoint:
    """This store's chain head now, signed with its station key."""
    return Signer(ident.station_id, store_id, bytes(ident.sign_private)).sign(chain_head(uow.s))


def header_checkpoint(header: dict[str, Any]) -> Checkpoint | None:
    """The checkpoint a bundle's header carries (None: an older program made it)."""
    raw = header.get(HEADER_FIELD)
    return None if raw is None else Checkpoint.from_dict(raw)


# --- the receiver ----------------------------------------------------------------------------------

def kept_checkpoint(uow: UnitOfWork, station_id: str) -> Checkpoint | None:
    """The latest checkpoint of `station_id` that extended the ones before it: its anchor here."""
    row = uow.s.execute(select(SyncAuditCheckpoint.checkpoint)
                        .where(SyncAuditCheckpoint.origin_store == station_id, SyncAuditCheckpoint.problem.is_(None))
                        .order_by(SyncAuditCheckpoint.id.desc()).limit(1)).scalar()
    return None if row is None else Checkpoint.from_dict(row)


def keep_checkpoint(uow: UnitOfWork, actor: Actor, peer: SyncPeer, header: dict[str, Any],
                    entries: list[Any]) -> str | None:
    """Check and keep the checkpoint of a bundle being imported (in the importer's transaction, before the
    payload's audit entries are stored: those kept here are the ones received earlier). Returns the
    problem found, or None."""
    kept = kept_checkpoint(uow, peer.station_id)
    problem: str | None
    try:
        new = header_checkpoint(header)
    except ValidationError:
        new, problem = None, "同步包中的审计检查点格式不正确。"
    else:
        problem = None if new is not None or kept is None else "同步包没有审计检查点（此前收到的同步包都有）。"
    if new is not None:
        problem = _problem(uow, peer, kept, new, entries)
    if new is None and problem is None:
        return None   # an older program on both sides so far: nothing to keep yet
    uow.s.add(SyncAuditCheckpoint(origin_store=peer.station_id, seq=new.seq if new else -1,
                                  hash=new.hash if new else "", signed_at=new.at if new else utcnow(),
                                  checkpoint=new.to_dict() if new else {}, bundle_id=header.get("bundle_id"),
                                  received_at=utcnow(), problem=problem))
    if problem:
        audit.record(uow.s, actor, AUDIT_ACTION_BROKEN, entity="sync_peer", entity_id=peer.station_id,
                     owner_unit_id=peer.unit_id,
                     detail={"station": peer.name, "problem": problem, "kept_seq": kept.seq if kept else None,
                             "new_seq": new.seq if new else None, "bundle": header.get("bundle_id")})
    return problem


def _problem(uow: UnitOfWork, peer: SyncPeer, kept: Checkpoint | None, new: Checkpoint,
             entries: list[Any]) -> str | None:
    if new.station_id != peer.station_id or not signature_ok(new, peer.sign_public):
        return "同步包中的审计检查点签名无效，或不是该站点签发的。"
    if kept is not None and new.seq < kept.seq:
        return (f"审计链变短了：本站保存的检查点为{kept.describe()}，新的检查点只到第 {new.seq} 条。"
                f"第 {new.seq + 1} 条起的记录在对方已不存在。")
    if kept is not None and new.seq == kept.seq and new.hash != kept.hash:
        return f"第 {kept.seq} 条记录的校验值与本站保存的检查点不符：对方的审计链被改写过。"
    ident = identity(uow)
    below_us = ident is not None and peer.unit_id != ident.unit_id and peer.unit_id in subtree_ids(uow.s, ident.unit_id)
    if not below_us:
        return None   # its audit entries do not come to us: the checks above are all we can make
    return _walk(uow, peer, kept, new, entries)


def _walk(uow: UnitOfWork, peer: SyncPeer, kept: Checkpoint | None, new: Checkpoint, entries: list[Any]) -> str | None:
    """Every entry from the kept seq (exclusive) to the new one links and hashes; none received before
    came back different."""
    sent: dict[int, dict[str, Any]] = {}
    for e in entries:
        if isinstance(e, dict) and type(e.get("seq")) is int:
            sent[e["seq"]] = e
    start = kept.seq if kept else 0
    low = min([start + 1, *sent]) if sent else start + 1
    t = SyncRemoteAudit.__table__
    have = {seq: entry for seq, entry in uow.s.connection().execute(
        select(t.c.seq, t.c.entry).where(t.c.origin_store == peer.station_id, t.c.seq >= low, t.c.seq <= new.seq))}
    for seq in sorted(s for s in sent if s in have):
        if have[seq] != sent[seq]:
            return f"对方第 {seq} 条审计记录与本站此前收到的不同：对方的审计链被改动过。"
    prev = kept.hash if kept else "0" * 64
    for seq in range(start + 1, new.seq + 1):
        e = sent.get(seq) or have.get(seq)
        if e is None:
            return f"对方第 {seq} 条审计记录本站既未收到也不在此同步包中，无法确认其审计链接续本站保存的检查点。"
        if e.get("prev_hash") != prev:
            where = f"本站保存的检查点（{kept.describe()}）" if kept and seq == start + 1 else f"第 {seq - 1} 条"
            return f"对方第 {seq} 条审计记录不接续{where}：对方的审计链被截断或重算过。"
        if _recomputed(e) != e.get("hash"):
            return f"对方第 {seq} 条审计记录的内容与其校验值不符，疑似被篡改。"
        prev = e["hash"]
    if prev != new.hash:
        return f"同步包的审计检查点（第 {new.seq} 条）与同包中的审计记录不符。"
    return None


def _recomputed(e: dict[str, Any]) -> str | None:
    try:
        return entry_hash(seq=e["seq"], id=e["id"], at=datetime.fromisoformat(e["at"]), actor_id=e["actor_id"],
                          actor_name=e["actor_name"], action=e["action"], entity=e["entity"],
                          entity_id=e["entity_id"], case_id=e["case_id"], owner_unit_id=e["owner_unit_id"],
                          detail=e["detail"], prev_hash=e["prev_hash"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


@dataclass(frozen=True)
class StationFlag:
    station_id: str
    name: str
    problem: str
    received_at: datetime
    anchor: Checkpoint | None


def flagged_stations(uow: UnitOfWork) -> list[StationFlag]:
    """Stations whose chain, as a later bundle showed it, no longer extends the checkpoint kept here.
    A flag stays until someone deals with it outside the program: the kept anchor never moves past it."""
    c = SyncAuditCheckpoint
    rows = uow.s.execute(select(c.origin_store, c.problem, c.received_at).where(c.problem.is_not(None))
                         .order_by(c.id)).all()
    first: dict[str, tuple[str, datetime]] = {}
    for station, problem, at in rows:
        first.setdefault(station, (problem or "", at))
    names = dict(uow.s.execute(select(SyncPeer.station_id, SyncPeer.name)).all())
    return [StationFlag(sid, names.get(sid, sid), problem, at, kept_checkpoint(uow, sid))
            for sid, (problem, at) in first.items()]
