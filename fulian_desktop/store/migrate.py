"""Schema migrations with Alembic, run in-process on the store's own connection."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPTS = Path(__file__).with_name("migrations")
# Bump with every new migration script.
SCHEMA_HEAD = "0028"


def alembic_config(connection: Connection | None = None) -> "Config":
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _script_directory():  # noqa: ANN202
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest schema this program knows. A constant, so opening an up-to-date store never
    loads Alembic (a third of start-up); tests/unit/test_schema_head.py keeps it equal to the scripts."""
    return SCHEMA_HEAD


@cache  # only needed when a store is not at the head: then Alembic is loaded anyway
def known_revisions() -> frozenset[str]:
    return frozenset({rev.revision for rev in _script_directory().walk_revisions()})


def scripts_head() -> str:
    return _script_directory().get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    """The store's revision, as Alembic records it in `alembic_version` (None: never migrated)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(versions) > 1:  # several heads: let Alembic report it as it does
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    return versions[0] if versions else None


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
        if raw is not None:
            # SQLite rebuilds a table to alter it; with foreign keys enforced, dropping the old copy
            # of a referenced table fails. The switch only works outside a transaction.
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                with change_log_set_aside(conn):
                    command.upgrade(alembic_config(conn), target)
                if raw is not None:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"foreign key check failed after migration: {broken[:3]}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")


CHANGE_LOG = "stats_change"   # migration 0026; services/statistics/statistics_prefix


@contextmanager
def change_log_set_aside(conn: Connection) -> Iterator[None]:
    """SQLite: the statistics' change-log triggers (0026) are dropped while migrations run and put back after.

    Each reads a dozen tables. With them in place, a migration that rebuilds one of those tables to alter it
    (Alembic's batch mode: copy, drop, rename) fails at the rename ("error in trigger …: no such table"), and
    the rebuilt table's own triggers would go with the old copy. Those the migrations did not make again are
    put back, and an empty day is logged: what the migrations changed was not logged day by day."""
    if conn.dialect.name != "sqlite":
        yield
        return
    saved = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                 f"AND name LIKE '{CHANGE_LOG}%'").all()
    for name, _sql in saved:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    if not saved or not conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                             f"AND name = '{CHANGE_LOG}'").scalar():
        return
    have = {name for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for name, sql in saved:
        if name not in have:
            conn.exec_driver_sql(sql)
    conn.exec_driver_sql(f"INSERT INTO {CHANGE_LOG} (at) VALUES ('')")
