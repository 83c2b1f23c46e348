"""Opening a store made by an older version upgrades it, after an encrypted backup; a newer one is refused."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import MetaData, inspect, select, text

from fulian_desktop.domain.errors import MigrationError
from fulian_desktop.security import audit
from fulian_desktop.security.keyfile import KeyFile, key_check, new_database_key, new_recovery_code, \
    normalise_recovery_code
from fulian_desktop.store import migrate
from fulian_desktop.store.engine import make_engine, sqlcipher_url
from fulian_desktop.store.models import Case, Person
from fulian_desktop.store.paths import StorePaths
from fulian_desktop.store.store import Unlock, open_store
from tests.support.stores import (
    FAST_KDF, PASSPHRASE, SQLITE_HEADER, NoKeyringVault, assert_unchanged, snapshot,
)

FIRST = "0001"
NAME = "欧阳秀英"
ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"
CASE_TITLE = "赡养纠纷调解"
CASE_NO = "（2025）望婚调字第7号"


@dataclass(frozen=True)
class OldStore:
    root: Path
    key: bytes
    recovery_code: str
    store_id: str


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def build_store_at(root: Path, revision: str = FIRST) -> OldStore:
    """A store as an older release wrote it: keyed SQLCipher database at `revision`, key file beside it.

    Rows are written with the tables reflected from the database itself (the schema of that
    revision), not with today's models."""
    paths = StorePaths(root)
    root.mkdir(parents=True, mode=0o700)
    key, recovery, store_id = new_database_key(), new_recovery_code(), str(uuid.uuid4())
    engine = make_engine(sqlcipher_url(paths.database, key.hex()))
    try:
        migrate.upgrade(engine, revision)
        meta = MetaData()
        meta.reflect(engine)
        t = meta.tables
        assert "app_setting" not in t
        created = _utc(2025, 3, 1, 2, 0)
        record = {"created_at": created, "updated_at": created, "version": 1, "deleted_at": None}
        district, village = str(uuid.uuid4()), str(uuid.uuid4())
        person, case = str(uuid.uuid4()), str(uuid.uuid4())
        entry_fields = dict(seq=1, id=str(uuid.uuid4()), at=created, actor_id=None, actor_name="命令行",
                            action=audit.Action.CREATE, entity="case", entity_id=case, case_id=case,
                            owner_unit_id=village, detail={"case_no": CASE_NO})
        digest = audit.entry_hash(**entry_fields, prev_hash="0" * 64)
        with engine.begin() as conn:
            conn.execute(t["store_meta"].insert().values(id=1, store_id=store_id, created_at=created, demo=False))
            conn.execute(t["org_unit"].insert(), [
                dict(id=district, parent_id=None, name="望城区", tier="district", case_prefix="望", code=None,
                     sort_order=0, **record),
                dict(id=village, parent_id=district, name="郭亮村", tier="village", case_prefix="望", code=None,
                     sort_order=0, **record),
            ])
            conn.execute(t["person"].insert().values(
                id=person, owner_unit_id=village, name=NAME, name_pinyin="ouyangxiuying", name_initials="oyxy",
                sex="female", birth_date=date(1949, 12, 31), id_number=ID_NUMBER, phone=PHONE, **record))
            conn.execute(t["case_file"].insert().values(
                id=case, owner_unit_id=village, case_no=CASE_NO, case_year=2025, case_seq=7, kind="mediation",
                title=CASE_TITLE, tier="village", status="registered", urgency="normal", major_incident=False,
                involves_minor=False, domestic_violence=False, opened_at=created, **record))
            conn.execute(t["case_party"].insert().values(
                id=str(uuid.uuid4()), case_id=case, person_id=person, role="applicant", owner_unit_id=village,
                contact_confidential=False, **record))
            conn.execute(t["case_counter"].insert().values(owner_unit_id=village, kind="mediation", year=2025,
                                                           last_seq=7))
            conn.execute(t["audit_log"].insert().values(**entry_fields, prev_hash="0" * 64, hash=digest))
            conn.execute(t["audit_head"].insert().values(id=1, last_seq=1, last_hash=digest))
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    keyfile = KeyFile(store_id=store_id, key_check=key_check(key), uses_keyring=False)
    keyfile.add_slot("recovery", normalise_recovery_code(recovery), key, FAST_KDF)
    keyfile.add_slot("passphrase", PASSPHRASE, key, FAST_KDF)
    keyfile.save(paths.keyfile)
    return OldStore(root, key, recovery, store_id)


def _revision_of(db: Path, key: bytes) -> str | None:
    engine = make_engine(sqlcipher_url(db, key.hex()))
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


def test_the_first_revision_is_not_the_head() -> None:
    """Otherwise the upgrade test below would test nothing."""
    assert migrate.head_revision() != FIRST
    assert FIRST in migrate.known_revisions()


def test_open_upgrades_an_old_store_after_an_encrypted_backup(tmp_path: Path) -> None:
    old = build_store_at(tmp_path / "data")
    paths = StorePaths(old.root)
    assert _revision_of(paths.database, old.key) == FIRST
    assert not paths.backups.exists()

    with open_store(old.root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        assert "app_setting" in inspect(store.engine).get_table_names()
        with store.uow() as uow:
            assert uow.s.execute(select(Person.name, Person.id_number, Person.phone)).one() == (NAME, ID_NUMBER,
                                                                                                 PHONE)
            assert uow.s.execute(select(Case.case_no, Case.title)).one() == (CASE_NO, CASE_TITLE)
            report = audit.verify_chain(uow.s)
        assert report.ok, report.problem
        assert report.entries == 1
        # The new table is usable.
        with store.engine.begin() as conn:
            conn.execute(text("insert into app_setting (key, value, updated_at) values "
                              "('idle_lock_minutes', '10', '2026-01-01 00:00:00.000000')"))

    backups = sorted(paths.backups.glob("pre-upgrade-*.db"))
    assert len(backups) == 1, list(paths.backups.iterdir())
    backup = backups[0]
    assert FIRST in backup.name
    assert backup.with_suffix(".keystore.json").exists()
    data = backup.read_bytes()
    assert data[:16] != SQLITE_HEADER
    for needle in (NAME.encode("utf-8"), ID_NUMBER.encode(), PHONE.encode(), old.key.hex().encode()):
        assert needle not in data
    # The backup is the store as it was: same key, first revision, same data.
    engine = make_engine(sqlcipher_url(backup, old.key.hex()))
    try:
        assert migrate.current_revision(engine) == FIRST
        assert "app_setting" not in inspect(engine).get_table_names()
        with engine.connect() as conn:
            assert conn.execute(text("select name, phone from person")).one() == (NAME, PHONE)
    finally:
        engine.dispose()

    # Opening again does not upgrade again, nor take a second backup.
    with open_store(old.root, Unlock(recovery_code=old.recovery_code), vault=NoKeyringVault()) as store:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert sorted(paths.backups.glob("pre-upgrade-*.db")) == backups


def test_open_without_upgrade_refuses_an_old_store_and_changes_nothing(tmp_path: Path) -> None:
    old = build_store_at(tmp_path / "data")
    before = snapshot(old.root)
    with pytest.raises(MigrationError):
        open_store(old.root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault(), upgrade=False)
    assert_unchanged(before, snapshot(old.root))


def test_a_store_from_a_newer_release_is_refused_and_not_modified(tmp_path: Path) -> None:
    old = build_store_at(tmp_path / "data")
    paths = StorePaths(old.root)
    engine = make_engine(sqlcipher_url(paths.database, old.key.hex()))
    try:
        migrate.upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text("update alembic_version set version_num = 'ffff'"))
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()

    before = snapshot(old.root)
    for unlock in (Unlock(passphrase=PASSPHRASE), Unlock(recovery_code=old.recovery_code)):
        with pytest.raises(MigrationError) as info:
            open_store(old.root, unlock, vault=NoKeyringVault())
        assert "ffff" in info.value.message
        assert_unchanged(before, snapshot(old.root))
    assert not paths.backups.exists()
    assert _revision_of(paths.database, old.key) == "ffff"


def test_the_migrations_build_exactly_the_tables_the_models_describe(tmp_path: Path) -> None:
    """A column added to a model without a migration would fail on every existing store."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from fulian_desktop.store.base import Base

    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    # The hand-made FTS index, the statistics' change log (0026: SQLite only, written by triggers) and the kept
    # counts (0028: SQLite only, raw SQL).
    unmodelled = ("case_search", "stats_change", "stats_kept")
    differences = [d for d in differences if not any(name in str(d) for name in unmodelled)]
    assert differences == []
