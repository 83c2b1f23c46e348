"""Writing a bundle's rows into this store, inside the importer's one transaction.

For each changed record the two content histories decide (rows.py): the remote version descends from
ours -> take it; ours descends from it -> keep ours; neither -> a conflict that keeps both. Rows written
here are logged as changes from the sending station, so they travel on to other stations but never back.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable

from sqlalchemy import and_, bindparam, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..services.cases.protection import settle_applied as settle_protection
from ..services.cases.search import index_cases
from ..store.base import utcnow
from ..store.models import AuditEntry, CaseCounter
from ..store.models_evidence import AttachmentBlob, AttachmentChunk
from ..store.models_sync import SyncChange, SyncConflict, SyncRemoteAudit
from .collect import READ_ACTIONS
from .lineage import load_lineages, save_lineages
from .numbers import settle_case_numbers, write_notes
from .rows import (
    APPEND_ONLY, bulk_insert, CHUNK, columns, content_hash, decode_row, encode_row, load_rows, merge_lineage, ordered_tables, table,
)

_TIER_ORDER = {"district": 0, "town": 1, "village": 2}
# Fields a store updates on its own account (not someone's edit): a difference only there is no conflict.
# A person's protection flag alone (services/cases/protection.py) is also no conflict: each store derives it from
# the marks it holds, the district clears it, and a station may only set it (sync/authority.py).
BOOKKEEPING = {"user_account": frozenset({"last_login_at", "failed_logins", "locked_until"}),
               "person": frozenset({"contact_protected"})}


def apply_payload(session: Session, payload: dict[str, Any], *, origin: str, origin_name: str,
                  progress: Callable[[int, int], None] | None = None) -> Counter:
    """Write the payload with Core statements on the session's connection (fast, and outside the ORM's
    own change logging: these changes are logged here with their origin)."""
    conn = session.connection()
    counts: Counter = Counter()
    _apply_blobs(conn, payload.get("blobs") or [], counts)
    changes, refs = payload.get("changes") or {}, payload.get("refs") or {}
    total = sum(len(b["rows"]) for b in changes.values()) or 1
    done = 0
    touched_cases: set[str] = set()
    persons: set[str] = set()       # whose protection flag may need to follow the party marks that arrived
    for name in ordered_tables():
        if name in refs:
            _apply_refs(conn, name, refs[name], origin, counts)
        body = changes.get(name)
        if body:
            written = _apply_changes(conn, name, body, origin, origin_name, counts)
            if name == "case_file":
                touched_cases |= written
            elif name in ("person", "case_party") and written:
                touched_cases |= _cases_of(conn, name, written)   # party names are in the search index
                persons |= written if name == "person" else _persons_of(conn, written)
            done += len(body["rows"])
            if progress:
                progress(done, total)
    if "case_file" in refs:
        touched_cases |= {r[columns("case_file").index("id")] for r in refs["case_file"]}
    _after_cases(session, conn, touched_cases)
    settle_protection(session, persons)
    _apply_remote_audit(conn, payload.get("audit") or [], origin, counts)
    return counts


def _cases_of(conn: Connection, name: str, ids: set[str]) -> set[str]:
    from ..store.models import CaseParty

    cp, key = CaseParty.__table__, CaseParty.__table__.c.id if name == "case_party" else CaseParty.__table__.c.person_id
    found, ids_ = set(), list(ids)
    for start in range(0, len(ids_), CHUNK):
        found |= set(conn.execute(select(cp.c.case_id).where(key.in_(ids_[start:start + CHUNK]))).scalars())
    return found


def _persons_of(conn: Connection, party_ids: set[str]) -> set[str]:
    from ..store.models import CaseParty

    cp, found, ids = CaseParty.__table__, set(), list(party_ids)
    for start in range(0, len(ids), CHUNK):
        found |= set(conn.execute(select(cp.c.person_id).where(cp.c.id.in_(ids[start:start + CHUNK]))).scalars())
    return found


def _sorted(name: str, rows: list[list[Any]]) -> list[list[Any]]:
    if name != "org_unit":
        return rows
    tier = columns(name).index("tier")
    return sorted(rows, key=lambda r: _TIER_ORDER.get(r[tier], 9))


def _apply_blobs(conn: Connection, blobs: list[dict[str, Any]], counts: Counter) -> None:
    import base64

    b, c = AttachmentBlob.__table__, AttachmentChunk.__table__
    for blob in blobs:
        if conn.execute(select(b.c.sha256).where(b.c.sha256 == blob["sha256"])).first():
            continue
        conn.execute(insert(b).values(sha256=blob["sha256"], size=blob["size"], chunk_count=blob["chunk_count"],
                                      created_at=utcnow()))
        if blob["chunks"]:
            conn.execute(insert(c), [{"sha256": blob["sha256"], "seq": i, "data": base64.b64decode(d)}
                                     for i, d in enumerate(blob["chunks"])])
        counts["attachment_blob"] += 1


def _apply_refs(conn: Connection, name: str, rows: list[list[Any]], origin: str, counts: Counter) -> None:
    key = columns(name).index("id")
    have = load_rows(conn, name, [r[key] for r in rows])
    missing = [decode_row(name, r) for r in _sorted(name, rows) if r[key] not in have]
    if missing:
        conn.execute(insert(table(name)), missing)
        counts[f"ref:{name}"] += len(missing)


def _apply_changes(conn: Connection, name: str, body: dict[str, Any], origin: str, origin_name: str,
                   counts: Counter) -> set[str]:
    cols, key = columns(name), columns(name).index("id")
    rows = body["rows"]
    ids = [r[key] for r in rows]
    local_rows = load_rows(conn, name, ids)
    local_lins = load_lineages(conn, name, ids)
    inserts, updates, new_lins, conflicts = [], [], {}, []
    for enc, remote_lin, by in zip(_sorted(name, rows), _lineage_for(name, rows, body), body.get("by") or [None] * len(rows)):
        rid = enc[key]
        local = local_rows.get(rid)
        if local is None and remote_lin:
            # New here: the signed lineage already names this version (hashing 10,000 rows again costs seconds).
            inserts.append(decode_row(name, enc))
            new_lins[rid] = remote_lin
            continue
        digest = content_hash(name, enc)
        remote_lin = remote_lin if remote_lin and remote_lin[-1] == digest else [*(remote_lin or []), digest]
        mine = local_lins.get(rid, [])
        if local is None:
            inserts.append(decode_row(name, enc))
            new_lins[rid] = remote_lin
            continue
        local_enc = encode_row(name, local)
        local_hash = content_hash(name, local_enc)
        kind = outcome(name, local_enc, local_hash, enc, digest, remote_lin, mine)
        if kind == SAME:
            new_lins[rid] = merge_lineage(mine, remote_lin)
        elif kind == TAKE:
            values = decode_row(name, enc)
            values["version"] = (local["version"] or 0) + 1
            updates.append(values)
            new_lins[rid] = merge_lineage(mine + [local_hash], remote_lin)
        elif kind == OLDER:
            counts[f"older:{name}"] += 1       # we already moved past this version; ours will go out
        elif kind == KEEP_LINEAGE:
            new_lins[rid] = merge_lineage(mine + [local_hash], remote_lin)
        else:
            conflicts.append((local_enc, enc, remote_lin, by))
    notes = settle_case_numbers(conn, inserts + updates, new_lins, counts) if name == "case_file" else []
    t = table(name)
    if inserts:
        bulk_insert(conn, t, inserts)
    if updates:
        params = [{**{f"v_{c}": row[c] for c in cols if c != "id"}, "k_id": row["id"]} for row in updates]
        conn.execute(update(t).where(t.c.id == bindparam("k_id"))
                     .values({c: bindparam(f"v_{c}") for c in cols if c != "id"}), params)
    write_notes(conn, notes)
    written = [r["id"] for r in inserts] + [r["id"] for r in updates]
    if written:
        bulk_insert(conn, SyncChange.__table__, [{"table_name": name, "record_id": rid, "origin_store": origin}
                                                 for rid in written])
    save_lineages(conn, name, new_lins, set(local_lins))
    for local_enc, enc, remote_lin, by in conflicts:
        _record_conflict(conn, name, local_enc, enc, remote_lin, by or origin_name, origin)
    counts[name] += len(written)
    counts["conflicts"] += len(conflicts)
    return set(written)


SAME, TAKE, OLDER, KEEP_LINEAGE, CONFLICT = "same", "take", "older", "keep_lineage", "conflict"


def outcome(name: str, local_enc: list[Any], local_hash: str, enc: list[Any], digest: str, remote_lin: list[str],
            mine: list[str]) -> str:
    """What importing the remote version of a record we hold does: SAME (nothing), TAKE (written over ours),
    OLDER (ignored), KEEP_LINEAGE (only the lineage grows) or CONFLICT (kept aside for a person to decide).
    The importer and the inbound authority check (authority.py) both ask this, so they cannot disagree."""
    if local_hash == digest:
        return SAME
    at = columns(name).index("updated_at")
    newer = str(enc[at] or "") >= str(local_enc[at] or "")
    if local_hash in remote_lin or (name in APPEND_ONLY and newer):
        return TAKE
    if digest in mine or name in APPEND_ONLY:
        return OLDER
    if _only_bookkeeping(name, local_enc, enc):
        return TAKE if newer else KEEP_LINEAGE
    return CONFLICT


def _only_bookkeeping(name: str, local: list[Any], remote: list[Any]) -> bool:
    """Both sides differ only in what each store keeps for itself (a login at two desks): the later wins."""
    allowed = BOOKKEEPING.get(name, frozenset()) | {"updated_at"}
    return all(c in allowed for c, a, b in zip(columns(name), local, remote) if a != b and c != "version")


def _lineage_for(name: str, rows: list[list[Any]], body: dict[str, Any]) -> list[list[str]]:
    """The lineages in the order `_sorted` puts the rows (org units are re-sorted by tier)."""
    if name != "org_unit":
        return body.get("lineage") or [[] for _ in rows]
    key = columns(name).index("id")
    by_id = {r[key]: lin for r, lin in zip(rows, body.get("lineage") or [[] for _ in rows])}
    return [by_id[r[key]] for r in _sorted(name, rows)]


def _last_local_actor(conn: Connection, record_id: str) -> str | None:
    a = AuditEntry.__table__
    return conn.execute(select(a.c.actor_name).where(a.c.entity_id == record_id, a.c.action.notin_(READ_ACTIONS))
                        .order_by(a.c.seq.desc()).limit(1)).scalar()


def _record_conflict(conn: Connection, name: str, local_enc: list[Any], enc: list[Any], remote_lin: list[str],
                     remote_by: str, origin: str) -> None:
    cols = columns(name)
    local, remote = dict(zip(cols, local_enc)), dict(zip(cols, enc))
    ct = SyncConflict.__table__
    rid = remote["id"]
    when = decode_row(name, enc)["updated_at"]
    open_one = conn.execute(select(ct.c.id).where(ct.c.table_name == name, ct.c.record_id == rid,
                                                  ct.c.status == "open")).scalar()
    if open_one:  # a newer remote version of a record already in conflict: keep the latest remote side
        conn.execute(update(ct).where(ct.c.id == open_one).values(remote_row=remote, remote_lineage=remote_lin,
                                                                  remote_by=remote_by, remote_at=when,
                                                                  local_row=local))
        return
    from ..store.base import new_id

    conn.execute(insert(ct).values(
        id=new_id(), table_name=name, record_id=rid,
        case_id=rid if name == "case_file" else local.get("case_id"), owner_unit_id=local.get("owner_unit_id"),
        peer_store=origin, local_row=local, remote_row=remote, remote_lineage=remote_lin,
        local_by=_last_local_actor(conn, rid), remote_by=remote_by,
        local_at=decode_row(name, local_enc)["updated_at"], remote_at=when, detected_at=utcnow(), status="open"))


def _after_cases(session: Session, conn: Connection, case_ids: set[str]) -> None:
    """Keep local case numbering ahead of every number that arrived, and the search index current."""
    if not case_ids:
        return
    from ..store.models import Case

    c, k = Case.__table__, CaseCounter.__table__
    highest: dict[tuple[str, str, int], int] = {}
    ids = list(case_ids)
    for start in range(0, len(ids), CHUNK):
        for owner, kind, year, seq in conn.execute(select(c.c.owner_unit_id, c.c.kind, c.c.case_year, c.c.case_seq)
                                                   .where(c.c.id.in_(ids[start:start + CHUNK]))):
            keyt = (owner, kind, year)
            highest[keyt] = max(highest.get(keyt, 0), seq)
    for (owner, kind, year), seq in highest.items():
        where = and_(k.c.owner_unit_id == owner, k.c.kind == kind, k.c.year == year)
        current = conn.execute(select(k.c.last_seq).where(where)).scalar()
        if current is None:
            conn.execute(insert(k).values(owner_unit_id=owner, kind=kind, year=year, last_seq=seq))
        elif current < seq:
            conn.execute(update(k).where(where).values(last_seq=seq))
    if len(ids) <= 200:
        index_cases(session, ids)
    else:
        _index_many(conn, ids)


def _index_many(conn: Connection, ids: list[str]) -> None:
    """The search index for many arrived cases at once (index_cases asks three queries per case)."""
    if conn.dialect.name != "sqlite":
        return
    from sqlalchemy import delete, func, text

    from ..services.cases.search import search_body
    from ..store.models import Case, CaseParty, CaseSearchDoc, Person

    c, p, cp, d = Case.__table__, Person.__table__, CaseParty.__table__, CaseSearchDoc.__table__
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        old = list(conn.execute(select(d.c.doc).where(d.c.case_id.in_(chunk))).scalars())
        if old:
            conn.execute(text("DELETE FROM case_search WHERE rowid IN (%s)" % ",".join(str(int(x)) for x in old)))
            conn.execute(delete(d).where(d.c.doc.in_(old)))
        names: dict[str, list[str]] = {}
        for case_id, name in conn.execute(select(cp.c.case_id, p.c.name).join(p, p.c.id == cp.c.person_id)
                                          .where(cp.c.case_id.in_(chunk), cp.c.deleted_at.is_(None))):
            names.setdefault(case_id, []).append(name)
        rows = conn.execute(select(c.c.id, c.c.title, c.c.summary).where(c.c.id.in_(chunk))).all()
        first = conn.execute(select(func.coalesce(func.max(d.c.doc), 0))).scalar_one() + 1
        conn.execute(insert(d), [{"doc": first + i, "case_id": r[0]} for i, r in enumerate(rows)])
        conn.execute(text("INSERT INTO case_search(rowid, body) VALUES (:doc, :body)"),
                     [{"doc": first + i, "body": search_body(r[1], r[2], names.get(r[0], []))} for i, r in enumerate(rows)])


def _apply_remote_audit(conn: Connection, entries: list[dict[str, Any]], origin: str, counts: Counter) -> None:
    if not entries:
        return
    t = SyncRemoteAudit.__table__
    have = set(conn.execute(select(t.c.seq).where(t.c.origin_store == origin,
                                                  t.c.seq.in_([e["seq"] for e in entries]))).scalars())
    fresh = [{"origin_store": origin, "seq": e["seq"], "entry": e} for e in entries if e["seq"] not in have]
    if fresh:
        conn.execute(insert(t), fresh)
        counts["audit"] += len(fresh)

