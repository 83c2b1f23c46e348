"""Records as plain JSON values, their content hashes, and the order tables are written in."""
from __future__ import annotations

import base64
import hashlib
import json
from datetime import date, datetime, timezone
from functools import cache
from typing import Any, Iterable

from sqlalchemy import JSON, Date, DateTime, LargeBinary, Table, select
from sqlalchemy.engine import Connection

from ..store.base import Base
from ..store.models_sync import synced_tables

# Tables that only ever grow: a row is written once and then, at most, follows its case to another unit.
# Two versions of such a row are not a conflict; the later write wins.
APPEND_ONLY = frozenset({"case_event", "crisis_action", "follow_up_visit", "screening_visit", "risk_assessment"})
# The local optimistic-lock counter: each store counts its own saves, so it is not part of the content.
NOT_HASHED = frozenset({"version"})
LINEAGE_KEEP = 32
CHUNK = 500


def table(name: str) -> Table:
    return Base.metadata.tables[name]


@cache
def ordered_tables() -> tuple[str, ...]:
    """Synced tables parents first, so foreign keys hold while a bundle is written."""
    synced = synced_tables()
    return tuple(t.name for t in Base.metadata.sorted_tables if t.name in synced)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _decoder(column: Any):  # noqa: ANN202
    kind = column.type
    if isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if isinstance(kind, Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    if isinstance(kind, LargeBinary):
        return lambda v: None if v is None else base64.b64decode(v)
    if isinstance(kind, JSON):
        return lambda v: v
    return lambda v: v


@cache
def columns(name: str) -> tuple[str, ...]:
    return tuple(c.name for c in table(name).columns)


@cache
def _decoders(name: str) -> tuple[Any, ...]:
    return tuple(_decoder(c) for c in table(name).columns)


def _encoder(column: Any):  # noqa: ANN202
    kind = column.type
    if isinstance(kind, (DateTime, Date, LargeBinary)) or isinstance(getattr(kind, "impl", None), (DateTime, Date)):
        return _encode
    return None  # strings, numbers, booleans and JSON values are JSON already


@cache
def _encoders(name: str) -> tuple[tuple[str, Any], ...]:
    return tuple((c.name, _encoder(c)) for c in table(name).columns)


def encode_row(name: str, row: Any) -> list[Any]:
    """A database row (mapping) as a JSON list in `columns(name)` order."""
    return [row[c] if enc is None or row[c] is None else enc(row[c]) for c, enc in _encoders(name)]


def decode_row(name: str, values: list[Any]) -> dict[str, Any]:
    return {c: dec(v) for c, dec, v in zip(columns(name), _decoders(name), values)}


@cache
def _hashed_positions(name: str) -> tuple[int, ...]:
    return tuple(i for i, c in enumerate(columns(name)) if c not in NOT_HASHED)


def content_hash(name: str, encoded: list[Any]) -> str:
    """Columns in their fixed table order (the column list itself is hashed too, so a schema change shows)."""
    body = [columns(name)[i] for i in _hashed_positions(name)], [encoded[i] for i in _hashed_positions(name)]
    raw = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]


def load_rows(conn: Connection, name: str, ids: Iterable[str]) -> dict[str, Any]:
    """id -> row mapping for the ids that exist."""
    t, found, ids = table(name), {}, list(ids)
    for start in range(0, len(ids), CHUNK):
        for row in conn.execute(select(t).where(t.c.id.in_(ids[start:start + CHUNK]))).mappings():
            found[row["id"]] = row
    return found


def merge_lineage(local: list[str], remote: list[str]) -> list[str]:
    """Both histories, the remote one last (it is the newer), without repeats, the newest few kept."""
    merged = [h for h in local if h not in set(remote)] + list(remote)
    return merged[-LINEAGE_KEEP:]


# Fields no one chooses in a conflict: derived here from other records (services/cases/protection.py).
DERIVED = {"person": ("contact_protected",)}


def editable_fields(name: str) -> list[str]:
    """Fields a person may choose between when two versions differ (not the bookkeeping or derived ones)."""
    return [c for c in columns(name) if c not in ("id", "version", "created_at", "updated_at", *DERIVED.get(name, ()))]


def bulk_insert(conn: Connection, name_or_table: str | Table, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows, compiled once, values converted by the column types' own bind processors.

    The same as `conn.execute(insert(t), rows)`, without SQLAlchemy building a parameter dict per row
    (two thirds of the time of a 10,000-case import). Rows must all have the same keys."""
    if not rows:
        return
    from sqlalchemy import insert

    t = table(name_or_table) if isinstance(name_or_table, str) else name_or_table
    keys = list(rows[0])
    compiled = insert(t).compile(dialect=conn.dialect, column_keys=keys)
    procs = compiled._bind_processors  # noqa: SLF001 - the dialect's converters for exactly these binds
    if compiled.positional:
        order = compiled.positiontup
        params: list[Any] = [tuple(procs[k](r[k]) if k in procs else r[k] for k in order) for r in rows]
    else:
        params = [{k: (procs[k](v) if k in procs else v) for k, v in r.items()} for r in rows]
    conn.exec_driver_sql(str(compiled), params)
