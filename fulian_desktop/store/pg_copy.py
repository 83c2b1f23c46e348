"""Copying a store's rows into a freshly migrated PostgreSQL database, as a bulk load.

Rows keep their numbers (the audit chain, the sync change log and the counters are numbered), so PostgreSQL's
sequences behind the numbered columns (SERIAL / IDENTITY: `sync_change.seq` …) do not move while they are
inserted: the first row the application writes afterwards would take number 1 again and fail on the primary
key (`UniqueViolation pk_sync_change (seq)=(1)`). After the copy every such sequence is set past the largest
number copied, and the planner's statistics are gathered (ANALYZE): without them a freshly loaded database is
planned as if its tables were empty.

The source is only read: a failed copy rolls the target back and leaves the source as it was.
"""
from __future__ import annotations

from sqlalchemy import Engine, Integer, insert, select, text
from sqlalchemy.engine import Connection

from .base import Base

BATCH = 5000


def copy_rows(source: Engine, target: Engine, *, batch: int = BATCH) -> dict[str, int]:
    """Copy every table of the schema from `source` into `target` (migrated, empty) in ONE transaction, then
    advance the sequences and ANALYZE. Returns the number of rows per table."""
    counts: dict[str, int] = {}
    with source.connect() as src, target.begin() as dst:
        dst.execute(text("SET LOCAL session_replication_role = replica"))   # bulk copy: no FK triggers per row
        for table in Base.metadata.sorted_tables:
            n = 0
            for part in src.execution_options(yield_per=batch).execute(select(table)).partitions():
                dst.execute(insert(table), [dict(r._mapping) for r in part])
                n += len(part)
            counts[table.name] = n
        advance_sequences(dst)
    analyze(target)
    return counts


def advance_sequences(conn: Connection) -> dict[str, int]:
    """Set each sequence owned by an integer key column past the column's largest value (the next number
    drawn is max + 1, or 1 on an empty table). Returns {sequence: next number}."""
    prepare = conn.dialect.identifier_preparer
    moved: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer):
                continue
            sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                    {"t": prepare.quote(table.name), "c": column.name}).scalar()
            if sequence is None:
                continue
            top = conn.execute(select(column).order_by(column.desc()).limit(1)).scalar()
            following = int(top or 0) + 1
            conn.execute(text("SELECT setval(CAST(:s AS regclass), :v, false)"), {"s": sequence, "v": following})
            moved[sequence] = following
    return moved


def analyze(engine: Engine) -> None:
    """Gather the planner's statistics of every table (outside a transaction block, as ANALYZE of the whole
    database prefers)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))


__all__ = ["copy_rows", "advance_sequences", "analyze"]
