"""Tables of station sync: identity, peers, the change log, record lineage, applied bundles, conflicts.

None of these tables is itself synced: they describe this store's view of its peers.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, new_id, utcnow


class SyncIdentity(Base):
    """One row: this store's station (its unit) and its key pairs. The private keys live inside the
    encrypted store, so they are protected by the database key exactly as the records are."""

    __tablename__ = "sync_identity"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Names the station in bundles; chosen when the station is provisioned (not the store id, which
    # the district cannot know before the station's store exists).
    station_id: Mapped[str] = mapped_column(String(36))
    unit_id: Mapped[str] = mapped_column(String(36))
    sign_private: Mapped[bytes] = mapped_column(LargeBinary)      # Ed25519, raw 32 bytes
    box_private: Mapped[bytes] = mapped_column(LargeBinary)       # X25519, raw 32 bytes
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SyncPeer(Base):
    """Another station this one exchanges bundles with, and how far each side has got."""

    __tablename__ = "sync_peer"
    station_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(200))
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)      # our change seq the peer has applied
    received_seq: Mapped[int] = mapped_column(Integer, default=0)   # the peer's change seq we have applied
    audit_sent_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_export_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_import_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SyncChange(Base):
    """Every insert or update of a synced record on this store (local work and applied imports alike),
    numbered in commit order. `origin_store` names the peer a change came from, so it is not echoed back."""

    __tablename__ = "sync_change"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(64))
    origin_store: Mapped[str | None] = mapped_column(String(36))


class SyncLineage(Base):
    """Content hashes a record passed through at sync points here, newest last. A remote version whose
    lineage holds our current hash descends from ours; otherwise both sides changed it."""

    __tablename__ = "sync_lineage"
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    hashes: Mapped[list[Any]] = mapped_column(JSON)


class SyncAppliedBundle(Base):
    __tablename__ = "sync_applied_bundle"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender_store: Mapped[str] = mapped_column(String(36))
    from_seq: Mapped[int] = mapped_column(Integer)
    to_seq: Mapped[int] = mapped_column(Integer)
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    counts: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class SyncConflict(Base):
    """A record changed on both sides since they last synced. The local row stays as it was until an
    authorised user picks or merges; both versions are kept here."""

    __tablename__ = "sync_conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(64), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
    owner_unit_id: Mapped[str | None] = mapped_column(String(36))
    peer_store: Mapped[str] = mapped_column(String(36))
    local_row: Mapped[dict[str, Any]] = mapped_column(JSON)
    remote_row: Mapped[dict[str, Any]] = mapped_column(JSON)
    remote_lineage: Mapped[list[Any]] = mapped_column(JSON)
    local_by: Mapped[str | None] = mapped_column(String(200))
    remote_by: Mapped[str | None] = mapped_column(String(200))
    local_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    remote_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)   # open | resolved
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    choice: Mapped[dict[str, Any] | None] = mapped_column(JSON)                     # field -> local | remote


class SyncRemoteAudit(Base):
    """Audit entries of other stations, kept as received (append-only; each station's chain stays its own)."""

    __tablename__ = "sync_remote_audit"
    origin_store: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entry: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)


class SyncAuditCheckpoint(Base):
    """Audit checkpoints other stations sent in their bundles, each one signed by its station and kept as
    received. The station's latest one with no `problem` is the anchor its later chain must extend; a
    row with a `problem` is a flag: that station's chain no longer extends what it showed before."""

    __tablename__ = "sync_audit_checkpoint"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin_store: Mapped[str] = mapped_column(String(36), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    checkpoint: Mapped[dict[str, Any]] = mapped_column(JSON)
    bundle_id: Mapped[str | None] = mapped_column(String(36))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    problem: Mapped[str | None] = mapped_column(Text)


# --- change tracking: every session logs the synced records it writes -------------------------------

from functools import cache  # noqa: E402
from itertools import chain  # noqa: E402

from sqlalchemy import event, insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from .base import Record  # noqa: E402

# Set in a session's `info` by the importer: the peer store the changes being written came from.
ORIGIN_KEY = "sync_origin"


@cache
def synced_tables() -> frozenset[str]:
    """Every table whose rows carry the Record columns (id, version, timestamps, tombstone)."""
    return frozenset(m.class_.__tablename__ for m in Base.registry.mappers if issubclass(m.class_, Record))


def _log(session: Session, table: str, ids: list[str]) -> None:
    if ids:
        origin = session.info.get(ORIGIN_KEY)
        session.connection().execute(insert(SyncChange.__table__), [
            {"table_name": table, "record_id": rid, "origin_store": origin} for rid in ids])


@event.listens_for(Session, "after_flush")
def _log_flushed(session: Session, _context: Any) -> None:
    by_table: dict[str, list[str]] = {}
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Record) and (obj in session.new or session.is_modified(obj, include_collections=False)):
            by_table.setdefault(obj.__tablename__, []).append(obj.id)
    for table, ids in by_table.items():
        _log(session, table, ids)


@event.listens_for(Session, "do_orm_execute")
def _log_bulk_update(state: Any) -> Any:
    """Core UPDATEs (referral status moves, records following an accepted case) bypass the flush:
    note the ids their WHERE matches, in the same transaction, before they run."""
    if not state.is_update:
        return None
    table = getattr(state.statement, "table", None)
    if table is None or getattr(table, "name", None) not in synced_tables():
        return None
    params = state.parameters
    if isinstance(params, (list, tuple)):  # ORM bulk UPDATE by primary key: the ids are in the rows
        ids = [p["id"] for p in params if p.get("id")]
    else:
        query = select(table.c.id)
        if state.statement.whereclause is not None:
            query = query.where(state.statement.whereclause)
        ids = list(state.session.connection().execute(query, params or {}).scalars())
    result = state.invoke_statement()
    _log(state.session, table.name, ids)
    return result
