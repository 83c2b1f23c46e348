"""A process killed while it upgrades an old store: the store still opens, at the old revision (its
pre-upgrade backup kept) or fully upgraded, never half-way, and nothing is lost."""
from __future__ import annotations

import os
import random
import shutil
import signal
import time
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
SEED = 8


def _revision(db: Path, key: bytes) -> str | None:
    engine = make_engine(sqlcipher_url(db, key.hex()))
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


def _upgrade_seconds(template: Path, scratch: Path) -> float:
    """How long the upgrade takes in a child on this machine: the kills are spread over it."""
    shutil.copytree(template, scratch)
    child = spawn("tests.reliability.crash_migrator", str(scratch), stdout=__import__("subprocess").PIPE)
    assert child.stdout.readline().strip() == b"go"
    started = time.monotonic()
    assert child.stdout.readline().strip() == b"done", child.stderr.read().decode()[-2000:]
    elapsed = time.monotonic() - started
    child.wait(timeout=30)
    for stream in (child.stdout, child.stderr):
        stream.close()
    shutil.rmtree(scratch)
    return elapsed


@pytest.mark.slow
def test_a_process_killed_during_an_upgrade_leaves_an_openable_store(tmp_path: Path) -> None:
    old = build_store_at(tmp_path / "old")
    duration = _upgrade_seconds(old.root, tmp_path / "timing")
    rng = random.Random(SEED)
    outcomes = {"old": 0, "head": 0, "finished": 0}
    for cycle in range(MIGRATION_KILLS):
        root = tmp_path / f"cycle{cycle}"
        shutil.copytree(old.root, root)
        child = spawn("tests.reliability.crash_migrator", str(root), stdout=__import__("subprocess").PIPE)
        try:
            assert child.stdout.readline().strip() == b"go", child.stderr.read().decode()[-2000:]
            time.sleep(rng.uniform(0, duration * 1.3))
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGKILL)
        finally:
            child.wait(timeout=30)
            for stream in (child.stdout, child.stderr):
                stream.close()
        if child.returncode == 0:
            outcomes["finished"] += 1
        paths = StorePaths(root)
        revision = _revision(paths.database, old.key)
        assert revision in (FIRST, migrate.head_revision()), f"half-upgraded store at {revision}"
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
    print(f"\n{MIGRATION_KILLS} kills during an upgrade of ~{duration:.2f}s: {outcomes}")
    assert outcomes["old"] >= 1 and outcomes["head"] + outcomes["finished"] >= 1


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
