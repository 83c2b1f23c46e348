"""Schema migrations with Alembic, run in-process on the store's own connection."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPTS = Path(__file__).with_name("migrations")
# Opening a store only compares revisions; Alembic itself (about a third of the start-up imports)
# is loaded when an upgrade is due. The scripts follow the template: `revision = '0004'`,
# `down_revision = '0003'`; anything else falls back to Alembic's own reading.
_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]\s*$", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(None|['\"]([^'\"]+)['\"])\s*$", re.M)


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


@cache
def _parsed_chain() -> tuple[str, frozenset[str]] | None:
    """(head, every revision) read from the version scripts' text, or None if they are not plain."""
    parents: dict[str, str | None] = {}
    for path in sorted((SCRIPTS / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN.findall(source)
        if len(revision) != 1 or len(down) != 1 or revision[0] in parents:
            return None
        parents[revision[0]] = down[0][1] or None
    children = {parent for parent in parents.values() if parent is not None}
    heads = [rev for rev in parents if rev not in children]
    if len(heads) != 1 or not children <= set(parents):
        return None
    return heads[0], frozenset(parents)


@cache  # the scripts ship with the program: read them once per process
def head_revision() -> str:
    parsed = _parsed_chain()
    if parsed is not None:
        return parsed[0]
    return _script_directory().get_current_head() or ""


@cache
def known_revisions() -> frozenset[str]:
    parsed = _parsed_chain()
    if parsed is not None:
        return parsed[1]
    return frozenset({rev.revision for rev in _script_directory().walk_revisions()})


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
