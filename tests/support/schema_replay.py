"""New SQLCipher stores in tests get the migrated schema replayed, not migrated again.

Every test store used to run all the Alembic scripts (about 0.4 s each, a third of the suite's time). The first
store of a test session is migrated for real; its schema and the rows the scripts wrote are read back from the
file and replayed into each later new store in one transaction: the same objects, created by the statements
SQLite stored for them, in the order it stored them. This is the SQLCipher counterpart of the PostgreSQL pass's
template database. Upgrades of existing stores (a revision already recorded) and migrations to a named revision
always run the real scripts, and `FULIAN_TEST_REAL_MIGRATIONS=1` turns the replay off for a whole run.
`tests/unit/test_schema_replay.py` checks that a replayed store equals a migrated one.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import Engine

from fulian_desktop.store import migrate

# Kept by SQLite itself: recreated on demand, never created by a statement.
INTERNAL = ("sqlite_sequence", "sqlite_stat1", "sqlite_stat4")


@dataclass(frozen=True)
class Schema:
    statements: tuple[str, ...]                      # CREATE … in SQLite's own order
    rows: tuple[tuple[str, tuple[str, ...], tuple[tuple, ...]], ...]   # table, columns, rows


def read_schema(raw) -> Schema:  # noqa: ANN001 - a DB-API connection to a migrated store
    # A full-text index's shadow tables are made by its CREATE VIRTUAL TABLE, with their rows.
    made_by_sqlite = set(INTERNAL) | {name for _, name, kind, *_ in raw.execute("PRAGMA table_list")
                                      if kind == "shadow"}
    virtual = {name for name, sql in raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
               if sql and sql.upper().startswith("CREATE VIRTUAL TABLE")}
    objects = raw.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    statements = tuple(sql for _, name, sql in objects if name not in made_by_sqlite)
    rows = []
    for kind, name, _ in objects:
        if kind != "table" or name in made_by_sqlite or name in virtual:
            continue
        cursor = raw.execute(f'SELECT * FROM "{name}"')
        found = cursor.fetchall()
        if found:
            rows.append((name, tuple(c[0] for c in cursor.description), tuple(found)))
    return Schema(statements, tuple(rows))


def replay(raw, schema: Schema) -> None:  # noqa: ANN001 - in autocommit mode, as the store's engine sets it
    raw.execute("BEGIN")
    try:
        for statement in schema.statements:
            raw.execute(statement)
        for table, columns, found in schema.rows:
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            raw.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', found)
        raw.execute("COMMIT")
    except BaseException:
        raw.execute("ROLLBACK")
        raise


def replaying_upgrade(real: Callable[..., None]) -> Callable[..., None]:
    """`migrate.upgrade` for tests: a new SQLCipher store replays the schema of the session's first one."""
    cached: list[Schema] = []

    def upgrade(engine: Engine, target: str = "head") -> None:
        if (engine.dialect.name != "sqlite" or target != "head" or os.environ.get("FULIAN_TEST_REAL_MIGRATIONS") == "1"
                or migrate.current_revision(engine) is not None):
            real(engine, target)
            return
        raw = engine.raw_connection()
        try:
            connection = raw.dbapi_connection
            if cached:
                replay(connection, cached[0])
                return
        finally:
            raw.close()
        real(engine, target)
        raw = engine.raw_connection()
        try:
            cached.append(read_schema(raw.dbapi_connection))
        finally:
            raw.close()

    return upgrade
