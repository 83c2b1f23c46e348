"""Stored content histories of records (see rows.py: a version descends from another if its lineage
holds the other's hash)."""
from __future__ import annotations

from sqlalchemy import and_, bindparam, select, update
from sqlalchemy.engine import Connection

from ..store.models_sync import SyncLineage
from .rows import CHUNK, bulk_insert


def load_lineages(conn: Connection, name: str, ids: list[str]) -> dict[str, list[str]]:
    lt, found = SyncLineage.__table__, {}
    for start in range(0, len(ids), CHUNK):
        for rid, lin in conn.execute(select(lt.c.record_id, lt.c.hashes).where(
                lt.c.table_name == name, lt.c.record_id.in_(ids[start:start + CHUNK]))):
            found[rid] = list(lin)
    return found


def save_lineages(conn: Connection, name: str, lineages: dict[str, list[str]], existing: set[str]) -> None:
    lt = SyncLineage.__table__
    fresh = [{"table_name": name, "record_id": rid, "hashes": lin} for rid, lin in lineages.items() if rid not in existing]
    bulk_insert(conn, lt, fresh)
    known = [{"k_t": name, "k_r": rid, "v_h": lin} for rid, lin in lineages.items() if rid in existing]
    if known:
        conn.execute(update(lt).where(and_(lt.c.table_name == bindparam("k_t"), lt.c.record_id == bindparam("k_r")))
                     .values(hashes=bindparam("v_h")), known)
