"""Helpers for integration tests that work on real stores in tmp_path.

Nothing here mocks the database: every helper creates, opens or inspects real files. The
back end is chosen once per test run (`--store-backend`, see tests/conftest.py): SQLCipher
files, or a PostgreSQL database per store with the data folder holding its server profile.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from fulian_desktop.domain.enums import Role
from fulian_desktop.security.actor import Actor
from fulian_desktop.security.keyfile import KdfParams
from fulian_desktop.security.keyring_vault import KeyringVault
from fulian_desktop.services.accounts import auth, orgunits, users
from fulian_desktop.services.accounts.setup import TownSpec, initialise
from fulian_desktop.store.paths import StorePaths
from fulian_desktop.store.server_profile import ServerProfile
from fulian_desktop.store.store import CreatedStore, Store, Unlock, create_store, open_store

FAST_KDF = KdfParams(1, 8192, 1)
PASSPHRASE = "望城妇联 口令 2026!"
ADMIN_PASSWORD = "Admin-Start-1"
TEMP_PASSWORD = "Temp-Pass-123"
NEW_PASSWORD = "Own-Secret-456"

SQLITE_HEADER = b"SQLite format 3\x00"

# The district used by the access, login and numbering tests: 2 towns with 2 villages each.
DISTRICT = "望城区"
TOWN_A, TOWN_B = "高塘岭街道", "白沙洲街道"
VILLAGE_A1, VILLAGE_A2 = "郭亮村", "新康村"
VILLAGE_B1, VILLAGE_B2 = "马桥河村", "白沙村"
TOWNS = (TownSpec(TOWN_A, (VILLAGE_A1, VILLAGE_A2)), TownSpec(TOWN_B, (VILLAGE_B1, VILLAGE_B2)))


class NoKeyringVault(KeyringVault):
    """A machine without a usable keyring (never touches the real one)."""

    def backend(self):  # noqa: ANN201
        return None


SQLCIPHER, POSTGRES = "sqlcipher", "postgres"
_backend = [SQLCIPHER]


def set_backend(name: str) -> None:
    _backend[0] = name


def backend() -> str:
    return _backend[0]


def on_postgres() -> bool:
    return _backend[0] == POSTGRES


def new_store(root: Path, *, vault: KeyringVault | None = None, passphrase: str | None = PASSPHRASE,
              use_keyring: bool = True) -> CreatedStore:
    if on_postgres():
        from fulian_desktop.store.server import create_server_store
        from tests.support.pg import cluster

        pg = cluster()
        return create_server_store(root, pg.profile(pg.new_database()), vault=vault or NoKeyringVault(),
                                   passphrase=passphrase, use_keyring=use_keyring, kdf=FAST_KDF)
    return create_store(root, passphrase=passphrase, vault=vault or NoKeyringVault(),
                        use_keyring=use_keyring, kdf=FAST_KDF)


def copy_store(template: Path, dest: Path) -> Path:
    """A private copy of a closed store (its database and key file), for one test to change."""
    assert not any(p.name.endswith(("-wal", "-shm")) for p in template.iterdir()), "template store left open"
    shutil.copytree(template, dest)
    paths = StorePaths(dest)
    if paths.is_server():  # the data folder points at a server database: copy that database too
        from tests.support.pg import cluster

        profile = ServerProfile.load(paths.server_profile)
        copy = cluster().new_database(template=profile.database)
        ServerProfile(**{**profile.__dict__, "database": copy}).save(paths.server_profile)
    return dest


def open_copy(template: Path, dest: Path) -> Store:
    return open_store(copy_store(template, dest), Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault())


@dataclass(frozen=True)
class FileState:
    data: bytes
    mtime_ns: int
    mode: int


def snapshot(root: Path) -> dict[str, FileState]:
    """Every file under root (recursively) with its bytes, mtime and mode; directories as markers."""
    state: dict[str, FileState] = {}
    if not root.exists():
        return state
    for dirpath, dirnames, filenames in os.walk(root):
        for name in sorted(dirnames):
            rel = os.path.relpath(os.path.join(dirpath, name), root) + "/"
            state[rel] = FileState(b"", 0, 0)
        for name in sorted(filenames):
            path = Path(dirpath) / name
            st = path.stat()
            state[os.path.relpath(path, root)] = FileState(path.read_bytes(), st.st_mtime_ns, st.st_mode)
    return state


def assert_unchanged(before: dict[str, FileState], after: dict[str, FileState]) -> None:
    assert sorted(after) == sorted(before), "the data folder's listing changed"
    for name, was in before.items():
        now = after[name]
        assert now.data == was.data, f"{name}: contents changed"
        assert now.mtime_ns == was.mtime_ns, f"{name}: modification time changed"
        assert now.mode == was.mode, f"{name}: permissions changed"


def leaks(paths: list[Path], needles: dict[str, bytes]) -> list[str]:
    """Which needle (by label) appears in which existing file."""
    found = []
    for path in paths:
        if not path.exists():
            continue
        data = path.read_bytes()
        for label, needle in needles.items():
            if needle in data:
                found.append(f"{label} in {path.name}")
    return found


def all_files(root: Path) -> list[Path]:
    return [Path(d) / f for d, _dirs, files in os.walk(root) for f in files]


# --- an organisation with users ------------------------------------------------------------------

@dataclass(frozen=True)
class Org:
    district: str
    units: dict[str, str]  # unit name -> id


def build_org(store: Store) -> Org:
    district_id = initialise(store, district=DISTRICT, case_prefix="望", admin_username="admin",
                             admin_name="系统管理员", admin_password=ADMIN_PASSWORD, towns=TOWNS)
    with store.uow() as uow:
        units = {u.name: u.id for u in orgunits.list_units(uow, auth.system_actor(store))}
    return Org(district=district_id, units=units)


def add_user(store: Store, username: str, role: Role, unit_id: str, *, display_name: str | None = None,
             password: str = TEMP_PASSWORD) -> None:
    with store.uow(write=True) as uow:
        users.add_user(uow, auth.system_actor(store), username=username, display_name=display_name or username,
                       role=role, unit_id=unit_id, password=password)


def first_login(store: Store, username: str, *, password: str = TEMP_PASSWORD,
                new_password: str = NEW_PASSWORD) -> Actor:
    """Log in with the temporary password, change it as required, and return the ready actor."""
    actor = auth.login(store, username, password)
    assert actor.must_change_password
    with store.uow(write=True) as uow:
        users.change_own_password(uow, actor, password, new_password)
    ready = auth.refreshed(store, actor)
    assert not ready.must_change_password
    return ready
