"""Backups under faults: a backup process killed at random moments while a desk keeps writing, and backup
files damaged in every way a disk, a copy or a person can damage them."""
from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fulian_desktop.backup import service
from fulian_desktop.backup.container import CHECKSUM
from fulian_desktop.domain.errors import FulianError
from fulian_desktop.store.paths import StorePaths
from fulian_desktop.store.store import Unlock
from tests.reliability.rel_support import assert_sound, make_template, open_test_store, spawn
from tests.reliability.test_rel_crash_writes import _check, _journal
from tests.support.stores import PASSPHRASE, NoKeyringVault

BACKUP_KILLS = 8
FUZZ_EXAMPLES = 60
SEED = 31


def _finish(child: subprocess.Popen) -> None:
    if child.poll() is None:
        os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    for stream in (child.stdout, child.stderr):
        if stream:
            stream.close()


@pytest.mark.slow
def test_a_backup_killed_at_random_moments_while_a_desk_writes_leaves_only_whole_backups(tmp_path: Path) -> None:
    template = make_template(tmp_path / "data")
    journal = tmp_path / "journal.txt"
    desk = spawn("tests.reliability.crash_writer", str(template.root), str(journal), "77")
    rng = random.Random(SEED)
    complete = 0
    try:
        for cycle in range(BACKUP_KILLS):
            out = tmp_path / f"backups{cycle}"
            out.mkdir()
            child = spawn("tests.reliability.crash_backup", str(template.root), str(out), stdout=subprocess.PIPE)
            try:
                assert child.stdout.readline().strip() == b"go", child.stderr.read().decode()[-2000:]
                for _ in range(rng.randint(0, 1)):  # sometimes after a finished backup, into the next one
                    assert child.stdout.readline().startswith(b"done"), child.stderr.read().decode()[-2000:]
                time.sleep(rng.uniform(0.0, 1.5))
            finally:
                _finish(child)
            finished = sorted(out.glob("*.fbk"))
            complete += len(finished)
            for backup in finished:  # under its own name a backup is always whole
                report = service.verify_backup(backup, unlock=Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault())
                assert report.ok, report.problems
            assert desk.poll() is None, desk.stderr.read().decode()[-2000:]
    finally:
        _finish(desk)
    created, updated, _ = _journal(journal)
    _check(template.root, created, updated)
    with open_test_store(template.root) as store:
        assert_sound(store)
    print(f"\n{BACKUP_KILLS} backup processes killed while a desk wrote {len(created)} cases: "
          f"{complete} complete backups, all verified")
    assert complete >= 1


# --- damaged backup files -------------------------------------------------------------------------------

class _Bytes(bytes):
    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"<backup file, {len(self)} bytes>"


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    root = tmp_path_factory.mktemp("backup-src")
    template = make_template(root / "data")
    target = root / "good.fbk"
    with open_test_store(template.root) as store:
        key = service.backup_key(store, Unlock(passphrase=PASSPHRASE), NoKeyringVault())
        from fulian_desktop.services.accounts import auth

        service.take_backup(store, auth.system_actor(store), target, key=key)
    return _Bytes(target.read_bytes())


def _rezip(original: bytes, replace: dict[str, bytes], fix_checksum: bool) -> bytes:
    """The same container with some parts replaced, its checksum list recomputed if asked (a forger)."""
    import hashlib

    src = zipfile.ZipFile(io.BytesIO(original))
    parts = {name: src.read(name) for name in src.namelist()}
    parts.update(replace)
    if fix_checksum:
        parts[CHECKSUM] = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n"
                                  for name, data in parts.items() if name != CHECKSUM).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                      max_size=3), max_leaves=8)
damage = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("flip"), st.lists(st.tuples(st.floats(0, 1), st.integers(1, 255)), min_size=1, max_size=4)),
    # A manifest that is not an object, or whose counts / created_at have the wrong type: see the forged-manifest
    # test below.
    st.tuples(st.just("manifest"), st.dictionaries(st.sampled_from(["kind", "format", "payload", "store_id", "schema",
                                                                    "method", "backend", "x"]), json_value,
                                                   max_size=4), st.booleans()),
    st.tuples(st.just("keyfile"), json_value | st.binary(max_size=64), st.booleans()),
    st.tuples(st.just("garbage"), st.binary(max_size=2000)),
)


def _damaged(original: bytes, how) -> bytes:  # noqa: ANN001
    kind = how[0]
    if kind == "truncate":
        return original[: int(len(original) * how[1])]
    if kind == "flip":
        data = bytearray(original)
        for where, bits in how[1]:
            data[min(int(where * len(data)), len(data) - 1)] ^= bits
        return bytes(data)
    if kind == "manifest":
        manifest = json.loads(zipfile.ZipFile(io.BytesIO(original)).read("manifest.json"))
        value = how[1] if not isinstance(how[1], dict) else {**manifest, **how[1]}
        return _rezip(original, {"manifest.json": json.dumps(value).encode()}, how[2])
    if kind == "keyfile":
        value = how[1] if isinstance(how[1], bytes) else json.dumps(how[1]).encode()
        return _rezip(original, {"keystore.json": value}, how[2])
    return how[1]


@settings(max_examples=FUZZ_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(how=damage)
def test_a_damaged_backup_is_refused_clearly_and_restores_nothing(good_backup: bytes, tmp_path: Path, how) -> None:  # noqa: ANN001
    import tempfile

    work = Path(tempfile.mkdtemp(dir=tmp_path))
    path = work / "backup.fbk"
    data = _damaged(good_backup, how)
    path.write_bytes(data)
    try:
        service.verify_backup(path, unlock=Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault())
    except FulianError as exc:
        assert exc.message.strip()
    target = work / "restored"
    try:
        service.restore_backup(path, target, unlock=Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault())
    except FulianError as exc:
        assert exc.message.strip()
        assert not StorePaths(target).exists(), "a refused restore left a store behind"
        assert not any(p.name.startswith(".restoring") for p in target.iterdir()) if target.exists() else True


def _edited_manifest(good_backup: bytes, change) -> bytes:  # noqa: ANN001
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(good_backup)).read("manifest.json"))
    value = change(manifest)
    return _rezip(good_backup, {"manifest.json": json.dumps(value).encode()}, True)


# The checksum list is not a signature: anyone can edit the manifest and recompute it. Each of these
# crashed with a Python error instead of "备份文件已损坏" when found; restore had already created the store.
_FORGED = {
    "manifest is null": lambda m: None,
    "manifest is a list": lambda m: [m],
    "counts is a list": lambda m: {**m, "counts": [1]},
    "counts is a number": lambda m: {**m, "counts": 5},
    "created_at is a number": lambda m: {**m, "created_at": 5},
    "created_at is not a date": lambda m: {**m, "created_at": "昨天"},
}


@pytest.mark.parametrize("forgery", sorted(_FORGED))
def test_a_backup_with_a_forged_manifest_is_refused_and_restores_nothing(good_backup: bytes, tmp_path: Path,
                                                                         forgery: str) -> None:
    path = tmp_path / "backup.fbk"
    path.write_bytes(_edited_manifest(good_backup, _FORGED[forgery]))
    try:
        report = service.verify_backup(path, unlock=Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault())
    except FulianError:
        pass
    else:
        assert report.problems
    with pytest.raises(FulianError):
        service.restore_backup(path, tmp_path / "restored", unlock=Unlock(passphrase=PASSPHRASE),
                               vault=NoKeyringVault())
    assert not StorePaths(tmp_path / "restored").exists()
