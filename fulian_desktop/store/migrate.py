"""Schema migrations with Alembic, run in-process on the store's own connection."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

SCRIPTS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache  # the scripts ship with the program: read them once per process
def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


@cache
def known_revisions() -> frozenset[str]:
    return frozenset({rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()})


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
        if raw is not None:
            # SQLite rebuilds a table to alter it; with foreign keys enforced, dropping the old copy
            # of a referenced table fails. The switch only works outside a transaction.
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                command.upgrade(alembic_config(conn), target)
                if raw is not None:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"foreign key check failed after migration: {broken[:3]}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")
