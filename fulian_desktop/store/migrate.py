"""Schema migrations with Alembic, run in-process on the store's own connection."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPTS = Path(__file__).with_name("migrations")
# Bump with every new migration script.
SCHEMA_HEAD = "0026"


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
                command.upgrade(alembic_config(conn), target)
                if raw is not None:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"foreign key check failed after migration: {broken[:3]}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")
