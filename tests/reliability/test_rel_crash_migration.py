"""A process killed while it upgrades an old store: the store still opens, at the old revision (its
pre-upgrade backup kept) or fully upgraded, never half-way, and nothing is lost."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.store import migrate
from fulian_desktop.store.engine import make_engine, sqlcipher_url
from fulian_desktop.store.models import Case, Person
from fulian_desktop.store.paths import StorePaths
from tests.integration.test_migrations import CASE_NO, FIRST, ID_NUMBER, NAME, build_store_at
from tests.reliability.rel_support import assert_sound, open_test_store, spawn

MIGRATION_KILLS = 8


def _revision(db: Path, key: bytes) -> str | None:
    engine = make_engine(sqlcipher_url(db, key.hex()))
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


def _run_child(root: Path, stop: int) -> tuple[subprocess.Popen, str]:
    """Start the upgrade in a child; with `stop` > 0 kill it at that checkpoint. Returns what it said last."""
    child = spawn("tests.reliability.crash_migrator", str(root), str(stop), stdout=subprocess.PIPE)
    try:
        assert child.stdout.readline().strip() == b"go", child.stderr.read().decode()[-2000:]
        said = child.stdout.readline().decode().strip()
        if stop:
            assert said.startswith(f"at {stop} "), f"child never reached checkpoint {stop}: {said!r}"
            os.killpg(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
        for stream in (child.stdout, child.stderr):
            stream.close()
    return child, said


def _checkpoint_count(template: Path, scratch: Path) -> int:
    """How many checkpoints a whole upgrade passes (SQL statements and backup file steps)."""
    shutil.copytree(template, scratch)
    child, said = _run_child(scratch, 0)
    assert child.returncode == 0 and said.startswith("done "), said
    shutil.rmtree(scratch)
    return int(said.split()[1])


@pytest.mark.slow
def test_a_process_killed_during_an_upgrade_leaves_an_openable_store(tmp_path: Path) -> None:
    old = build_store_at(tmp_path / "old")
    total = _checkpoint_count(old.root, tmp_path / "count")
    assert total > MIGRATION_KILLS
    # Spread over the whole upgrade, first and last checkpoint included: before the backup is whole,
    # in the middle of the migrations' one transaction, and after it committed.
    stops = sorted({1 + round(i * (total - 1) / (MIGRATION_KILLS - 1)) for i in range(MIGRATION_KILLS)})
    outcomes = {"old": 0, "head": 0}
    for stop in stops:
        root = tmp_path / f"stop{stop}"
        shutil.copytree(old.root, root)
        _run_child(root, stop)
        paths = StorePaths(root)
        revision = _revision(paths.database, old.key)
        assert revision in (FIRST, migrate.head_revision()), f"half-upgraded store at {revision} (stop {stop})"
        outcomes["old" if revision == FIRST else "head"] += 1
        _assert_backups_hold_the_old_store(paths, old.key)
        with open_test_store(root) as store:  # opening again finishes the upgrade
            assert migrate.current_revision(store.engine) == migrate.head_revision()
            assert_sound(store)
            with store.uow() as uow:
                assert uow.s.execute(select(Person.name, Person.id_number)).one() == (NAME, ID_NUMBER)
                assert uow.s.execute(select(Case.case_no)).scalar_one() == CASE_NO
        _assert_backups_hold_the_old_store(paths, old.key)
        shutil.rmtree(root)
    print(f"\n{len(stops)} kills at checkpoints {stops} of {total}: {outcomes}")
    assert outcomes["old"] >= 1 and outcomes["head"] >= 1


def _assert_backups_hold_the_old_store(paths: StorePaths, key: bytes) -> None:
    """Every pre-upgrade backup that carries the backup name is complete: it opens at the old revision."""
    backups = sorted(paths.backups.glob("pre-upgrade-*.db")) if paths.backups.exists() else []
    for backup in backups:
        assert _revision(backup, key) == FIRST, f"{backup.name} is not a usable pre-upgrade copy"
        engine = make_engine(sqlcipher_url(backup, key.hex()))
        try:
            with engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok", backup.name
                assert conn.exec_driver_sql("select name from person").scalar() == NAME
        finally:
            engine.dispose()


_CUT_COPY = """
import os, signal, shutil, sys
from pathlib import Path
import fulian_desktop.store.store as store_module
from tests.reliability.rel_support import open_test_store

def half_copy(src, dst, *args, **kwargs):  # the machine dies half-way through copying the database
    data = Path(src).read_bytes()
    with open(dst, 'wb') as fh:
        fh.write(data[: len(data) // 2])
        fh.flush()
        os.fsync(fh.fileno())
    os.kill(os.getpid(), signal.SIGKILL)

store_module.shutil.copy2 = half_copy
open_test_store(Path(sys.argv[1]))
"""


def test_a_crash_while_copying_the_pre_upgrade_backup_leaves_no_truncated_backup(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.reliability.rel_support import REPO, subprocess_env

    old = build_store_at(tmp_path / "old")
    done = subprocess.run([sys.executable, "-c", _CUT_COPY, str(old.root)], cwd=REPO, env=subprocess_env(),
                          capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()[-2000:]
    paths = StorePaths(old.root)
    assert _revision(paths.database, old.key) == FIRST  # the store itself is untouched
    _assert_backups_hold_the_old_store(paths, old.key)
