"""The tests' replayed schema (tests/support/schema_replay.py) is the migrated schema, object for object."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from fulian_desktop.store import migrate
from fulian_desktop.store.engine import make_engine, sqlcipher_url
from tests.support.schema_replay import read_schema, replay

KEY = "ab" * 32


def _migrated(path: Path):  # noqa: ANN202
    engine = make_engine(sqlcipher_url(path, KEY))
    migrate.upgrade(engine, migrate.head_revision())   # a named revision: always the real scripts
    return engine


def _schema_of(engine):  # noqa: ANN001, ANN202
    raw = engine.raw_connection()
    try:
        return read_schema(raw.dbapi_connection)
    finally:
        raw.close()


def test_a_replayed_store_has_every_object_and_row_of_a_migrated_one(tmp_path: Path) -> None:
    migrated = _migrated(tmp_path / "migrated.db")
    schema = _schema_of(migrated)
    replayed = make_engine(sqlcipher_url(tmp_path / "replayed.db", KEY))
    raw = replayed.raw_connection()
    try:
        replay(raw.dbapi_connection, schema)
    finally:
        raw.close()
    again = _schema_of(replayed)
    assert again == schema
    assert len(schema.statements) > 100                        # tables, indexes and triggers, not an empty file
    assert migrate.current_revision(replayed) == migrate.head_revision()
    with replayed.connect() as conn:                          # the schema works: foreign keys and all
        assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    migrated.dispose()
    replayed.dispose()


def test_a_replayed_full_text_index_is_configured_as_the_migrated_one(tmp_path: Path) -> None:
    engines = [_migrated(tmp_path / "migrated.db")]
    engines.append(make_engine(sqlcipher_url(tmp_path / "replayed.db", KEY)))
    raw = engines[1].raw_connection()
    try:
        replay(raw.dbapi_connection, _schema_of(engines[0]))
    finally:
        raw.close()
    seen = []
    for engine in engines:
        with engine.connect() as conn:
            shadows = [row[1] for row in conn.exec_driver_sql("PRAGMA table_list") if row[2] == "shadow"]
            seen.append({name: sorted(map(tuple, conn.exec_driver_sql(f'SELECT * FROM "{name}"').fetchall()))
                         for name in shadows if not name.endswith(("_data", "_idx", "_docsize"))})
        engine.dispose()
    assert seen[0] and seen[0] == seen[1]
