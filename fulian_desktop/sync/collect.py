"""Gathering the rows a bundle carries: changed records in the receiver's scope, the rows they point to,
and the attachment contents they need."""
from __future__ import annotations

from typing import Any, Callable

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from ..store.models import AuditEntry
from ..store.models_evidence import AttachmentBlob, AttachmentChunk
from ..store.models_sync import SyncChange, SyncLineage, synced_tables
from .rows import CHUNK, bulk_insert, columns, content_hash, encode_row, load_rows, ordered_tables, table
from .scope import ReceiverScope

Progress = Callable[[int, int], None]
# A user account sent only because a case names it as handler: it must not open the receiving store.
UNUSABLE_PASSWORD = "!sync-reference"
# Audit actions that change nothing: "who last changed it" skips them.
READ_ACTIONS = ("view", "print", "export", "sync_export")


def changed_ids(conn: Connection, after_seq: int, exclude_origin: str | None) -> tuple[int, dict[str, set[str]]]:
    """Records changed here after `after_seq`, except those whose last change came from the receiver."""
    t = SyncChange.__table__
    if conn.dialect.name == "postgresql":
        # Desks commit out of sequence order: wait for every transaction still writing changes, so no lower
        # seq can commit after we read the highest (writers queue behind us until the export commits).
        conn.exec_driver_sql("LOCK TABLE sync_change IN SHARE MODE")
    to_seq = conn.execute(select(func.coalesce(func.max(t.c.seq), 0))).scalar_one()
    query = select(t.c.table_name, t.c.record_id, t.c.origin_store).where(t.c.seq > after_seq).order_by(t.c.seq)
    last_origin: dict[tuple[str, str], str | None] = {}
    for name, rid, origin in conn.execute(query):
        last_origin[(name, rid)] = origin
    by_table: dict[str, set[str]] = {}
    for (name, rid), origin in last_origin.items():
        if exclude_origin is None or origin != exclude_origin:
            by_table.setdefault(name, set()).add(rid)
    return to_seq, by_table


def all_ids(conn: Connection) -> dict[str, set[str]]:
    return {name: set(conn.execute(select(table(name).c.id)).scalars()) for name in ordered_tables()}


def _last_actor(conn: Connection, ids: list[str]) -> dict[str, str]:
    found: dict[str, tuple[int, str]] = {}
    a = AuditEntry.__table__
    for start in range(0, len(ids), CHUNK):
        for eid, seq, name in conn.execute(select(a.c.entity_id, a.c.seq, a.c.actor_name)
                                           .where(a.c.entity_id.in_(ids[start:start + CHUNK]),
                                                  a.c.action.notin_(READ_ACTIONS))):
            if eid not in found or found[eid][0] < seq:
                found[eid] = (seq, name)
    return {k: v[1] for k, v in found.items()}


def record_lineage(conn: Connection, name: str, hashes: dict[str, str]) -> dict[str, list[str]]:
    """Add each record's current hash to its lineage (a sync point) and return the lineages."""
    lt, ids, lineages = SyncLineage.__table__, list(hashes), {}
    for start in range(0, len(ids), CHUNK):
        for rid, lin in conn.execute(select(lt.c.record_id, lt.c.hashes).where(
                lt.c.table_name == name, lt.c.record_id.in_(ids[start:start + CHUNK]))):
            lineages[rid] = list(lin)
    new_rows, changed = [], []
    for rid, digest in hashes.items():
        lin = lineages.get(rid)
        if lin is None:
            lineages[rid] = [digest]
            new_rows.append({"table_name": name, "record_id": rid, "hashes": [digest]})
        elif lin[-1] != digest:
            lin.append(digest)
            lineages[rid] = lin[-32:]
            changed.append((rid, lineages[rid]))
    bulk_insert(conn, lt, new_rows)
    for rid, lin in changed:
        conn.execute(update(lt).where(lt.c.table_name == name, lt.c.record_id == rid).values(hashes=lin))
    return lineages


def collect(conn: Connection, scope: ReceiverScope, wanted: dict[str, set[str]],
            progress: Progress | None = None) -> dict[str, Any]:
    """The payload: {"changes": {table: {"rows", "lineage", "by"}}, "refs": {table: rows}, "blobs": [...]}."""
    changes: dict[str, Any] = {}
    sent: dict[str, set[str]] = {}
    total = sum(len(v) for v in wanted.values()) or 1
    done = 0
    for name in ordered_tables():
        ids = wanted.get(name)
        if not ids:
            continue
        rows = [r for r in load_rows(conn, name, ids).values() if scope.allows(name, r)]
        done += len(ids)
        if progress:
            progress(done, total)
        if not rows:
            continue
        encoded = {r["id"]: encode_row(name, r) for r in rows}
        lineages = record_lineage(conn, name, {rid: content_hash(name, enc) for rid, enc in encoded.items()})
        by = _last_actor(conn, list(encoded))
        changes[name] = {"rows": list(encoded.values()), "lineage": [lineages[rid] for rid in encoded],
                         "by": [by.get(rid) for rid in encoded]}
        sent[name] = set(encoded)
    refs = _references(conn, changes, sent)
    return {"changes": changes, "refs": refs, "blobs": _blobs(conn, changes, refs)}


def _references(conn: Connection, changes: dict[str, Any], sent: dict[str, set[str]]) -> dict[str, list[Any]]:
    """Rows the sent rows point to (a case's handler, a party's person …), sent as references: the receiver
    inserts them if it lacks them and otherwise leaves its own copy alone."""
    synced = synced_tables()
    refs: dict[str, dict[str, list[Any]]] = {}
    pending = {name: [r for r in body["rows"]] for name, body in changes.items()}
    while pending:
        needed: dict[str, set[str]] = {}
        for name, rows in pending.items():
            cols = [c.name for c in table(name).columns]
            for fk in table(name).foreign_keys:
                target = fk.column.table.name
                if target not in synced:
                    continue
                idx = cols.index(fk.parent.name)
                for row in rows:
                    value = row[idx]
                    if value and value not in sent.get(target, ()) and value not in refs.get(target, {}):
                        needed.setdefault(target, set()).add(value)
        pending = {}
        for target, ids in needed.items():
            found = load_rows(conn, target, ids)
            encoded = [encode_row(target, r) for r in found.values()]
            if target == "user_account":
                pw = [c.name for c in table(target).columns].index("password_hash")
                for row in encoded:
                    row[pw] = UNUSABLE_PASSWORD
            key = columns(target).index("id")
            refs.setdefault(target, {}).update({row[key]: row for row in encoded})
            pending[target] = encoded
    return {name: list(rows.values()) for name, rows in refs.items()}


def _blobs(conn: Connection, changes: dict[str, Any], refs: dict[str, list[Any]]) -> list[dict[str, Any]]:
    cols = [c.name for c in table("attachment").columns]
    idx = cols.index("sha256")
    shas = {row[idx] for row in changes.get("attachment", {}).get("rows", [])}
    shas |= {row[idx] for row in refs.get("attachment", [])}
    blobs = []
    b, c = AttachmentBlob.__table__, AttachmentChunk.__table__
    for sha in sorted(shas):
        blob = conn.execute(select(b).where(b.c.sha256 == sha)).mappings().first()
        if blob is None:
            continue
        chunks = conn.execute(select(c.c.data).where(c.c.sha256 == sha).order_by(c.c.seq)).scalars()
        blobs.append({"sha256": sha, "size": blob["size"], "chunk_count": blob["chunk_count"],
                      "chunks": [encode_row_bytes(d) for d in chunks]})
    return blobs


def encode_row_bytes(data: bytes) -> str:
    import base64

    return base64.b64encode(bytes(data)).decode("ascii")
