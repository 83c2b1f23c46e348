"""Creating and opening a store: the one place that touches the key, the files and migrations.

Every refusal (wrong key, missing key, damaged file, an existing store) happens before
anything on disk is written.
"""
from __future__ import annotations

import hmac
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DatabaseError

from ..domain import clock
from ..domain.errors import DiskFull, KeyUnavailable, MigrationError, NotAStore, StoreExists, StoreNotFound, WrongKey
from ..security.keyfile import (
    KdfParams,
    KeyFile,
    key_check,
    new_database_key,
    new_recovery_code,
    normalise_recovery_code,
)
from ..security.keyring_vault import KeyringUnavailable, KeyringVault
from ..security.passphrase_rule import require_strong_passphrase
from . import migrate
from .base import new_id
from .engine import WRITE_OPTION, make_engine, sqlcipher_url
from .models import AuditHead, StoreMeta
from .paths import StorePaths
from .uow import UnitOfWork

SQLITE_HEADER = b"SQLite format 3\x00"
GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class Unlock:
    """How the user proves they may open the store; empty means "use the keyring"."""

    passphrase: str | None = None
    recovery_code: str | None = None


class Store:
    def __init__(self, engine: Engine, *, store_id: str, paths: StorePaths | None, demo: bool,
                 key: bytes | None = None) -> None:
        self.engine = engine
        self.write_engine = engine.execution_options(**{WRITE_OPTION: True})
        # A read unit of work sees one snapshot of the store, as a read transaction does on SQLite. PostgreSQL's
        # default (READ COMMITTED) gives each statement its own: a monthly report of thirty statements counted
        # half before a desk's save and half after, and its sections disagreed.
        self.read_engine = (engine.execution_options(isolation_level="REPEATABLE READ")
                            if engine.dialect.name == "postgresql" else engine)
        self.store_id = store_id
        self.paths = paths
        self.demo = demo
        # The SQLCipher key (already in the engine's URL); an online backup keys its copy with it.
        self._key = key
        # Bumped after every committed write unit of work in this process: a cache that says "nothing changed
        # since" (security/live_session.py) compares it.
        self.commit_seq = 0

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def key(self) -> bytes | None:
        return self._key

    def uow(self, *, write: bool = False) -> UnitOfWork:
        return UnitOfWork(self, write=write)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class CreatedStore:
    store: Store
    recovery_code: str
    uses_keyring: bool


def create_store(root: Path, *, passphrase: str | None = None, vault: KeyringVault | None = None,
                 use_keyring: bool = True, kdf: KdfParams = KdfParams(), demo: bool = False) -> CreatedStore:
    """Make a new, empty store. Refuses if any store file already exists there."""
    paths = StorePaths(Path(root))
    if paths.exists():
        raise StoreExists(f"此处已有数据存储：{paths.root}。为防止覆盖原有数据，已拒绝创建。")
    if passphrase:
        require_strong_passphrase(passphrase)
    vault = vault or KeyringVault()
    keyring_ok = use_keyring and vault.available()
    if not keyring_ok and not passphrase:
        raise KeyUnavailable("本机没有可用的系统钥匙串，请设置一个口令来保护数据存储。", code="passphrase_required")

    key, recovery = new_database_key(), new_recovery_code()
    store_id = new_id()
    keyfile = KeyFile(store_id=store_id, key_check=key_check(key), uses_keyring=False)
    keyfile.add_slot("recovery", normalise_recovery_code(recovery), key, kdf)
    if passphrase:
        keyfile.add_slot("passphrase", passphrase, key, kdf)

    # Build in a staging folder and move in at the end: a crash leaves no half store behind.
    paths.root.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = StorePaths(paths.root / f".creating-{store_id[:8]}")
    staging.root.mkdir(mode=0o700)
    try:
        engine = make_engine(sqlcipher_url(staging.database, key.hex()))
        try:
            migrate.upgrade(engine)
            with engine.begin() as conn:
                conn.execute(StoreMeta.__table__.insert().values(
                    id=1, store_id=store_id, created_at=clock.now_utc(), demo=demo))
                conn.execute(AuditHead.__table__.insert().values(id=1, last_seq=0, last_hash=GENESIS_HASH))
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        if keyring_ok:
            try:
                vault.put(store_id, key.hex())
                keyfile.uses_keyring = True
            except KeyringUnavailable as exc:
                if not passphrase:
                    raise KeyUnavailable("无法把密钥存入系统钥匙串，请设置口令。", code="passphrase_required") from exc
        keyfile.save(staging.keyfile)
        for leftover in staging.sidecars():
            leftover.unlink(missing_ok=True)
        os.replace(staging.database, paths.database)
        os.replace(staging.keyfile, paths.keyfile)
    finally:
        shutil.rmtree(staging.root, ignore_errors=True)
    store = _open_with_key(paths, keyfile, key, upgrade=False)
    return CreatedStore(store=store, recovery_code=recovery, uses_keyring=keyfile.uses_keyring)


def read_keyfile(root: Path) -> KeyFile:
    paths = StorePaths(Path(root))
    if not paths.database.exists():
        if paths.keyfile.exists():
            raise NotAStore(f"数据文件 {paths.database.name} 不见了，只剩密钥文件。请从备份恢复。")
        raise StoreNotFound(f"未找到数据存储：{paths.root}。请先创建（fulian init 或首次启动向导）。")
    if not paths.keyfile.exists():
        raise NotAStore(f"缺少密钥文件 {paths.keyfile.name}，无法打开 {paths.root} 中的数据。请从备份恢复。")
    return KeyFile.load(paths.keyfile)


def unlock_key(keyfile: KeyFile, unlock: Unlock, vault: KeyringVault) -> bytes:
    if unlock.recovery_code:
        return keyfile.unwrap("recovery", normalise_recovery_code(unlock.recovery_code))
    if unlock.passphrase:
        return keyfile.unwrap("passphrase", unlock.passphrase)
    if not keyfile.uses_keyring:
        raise KeyUnavailable("请输入口令以打开数据存储。", code="passphrase_required")
    try:
        secret = vault.get(keyfile.store_id)
    except KeyringUnavailable as exc:
        raise KeyUnavailable(f"{exc} 请输入口令或恢复码。", code="keyring_unavailable") from exc
    if not secret:
        raise KeyUnavailable("系统钥匙串中没有此数据存储的密钥（可能是换了电脑或重装了系统）。请用恢复码打开。",
                             code="keyring_entry_missing")
    try:
        key = bytes.fromhex(secret)
    except ValueError:
        key = b""
    if key_check(key) != keyfile.key_check:
        raise WrongKey("系统钥匙串中的密钥与此数据存储不符。请用恢复码打开。", code="keyring_key_mismatch")
    return key


def confirm_key_holder(store: Store, secret: str) -> None:
    """Raise WrongKey unless `secret` (the store's passphrase or recovery code) unlocks this store's key:
    how a desk proves it is the key holder before doing what only the key holder does (opening a station)."""
    if store.paths is None:
        raise KeyUnavailable("服务器数据存储的站点开通须在命令行中办理（fulian sync provision）。", code="server_store")
    keyfile = read_keyfile(store.paths.root)
    secret = secret.strip()
    try:
        key = keyfile.unwrap("passphrase", secret) if "passphrase" in keyfile.slots else None
    except WrongKey:
        key = None
    if key is None:
        try:
            key = keyfile.unwrap("recovery", normalise_recovery_code(secret))
        except WrongKey:
            raise WrongKey("口令或恢复码不正确。开通或停用站点须由密钥持有人输入本数据存储的口令或恢复码。",
                           code="not_key_holder") from None
    if store.key is not None and not hmac.compare_digest(key, store.key):
        raise WrongKey("口令或恢复码不属于当前打开的数据存储。", code="not_key_holder")


def open_store(root: Path, unlock: Unlock | None = None, *, vault: KeyringVault | None = None,
               upgrade: bool = True) -> Store:
    paths = StorePaths(Path(root))
    vault = vault or KeyringVault()
    if paths.is_server() and not paths.database.exists():
        from .server import open_server_store

        return open_server_store(paths, vault, upgrade=upgrade)
    keyfile = read_keyfile(paths.root)
    key = unlock_key(keyfile, unlock or Unlock(), vault)
    store = _open_with_key(paths, keyfile, key, upgrade=upgrade)
    if unlock and unlock.recovery_code and vault.available():
        # Opened with the recovery code: make this machine's keyring hold the key again (a new
        # machine, a reset keyring, a deleted or wrong entry), so the next start needs no code.
        try:
            if vault.get(store.store_id) != key.hex():
                vault.put(store.store_id, key.hex())
            if not keyfile.uses_keyring:
                keyfile.uses_keyring = True
                keyfile.save(paths.keyfile)
        except KeyringUnavailable:
            pass
    return store


def _open_with_key(paths: StorePaths, keyfile: KeyFile, key: bytes, *, upgrade: bool) -> Store:
    with open(paths.database, "rb") as fh:
        header = fh.read(16)
    if header == SQLITE_HEADER:
        raise NotAStore("该数据文件未加密，不是幸福号的加密数据存储。")
    if len(header) < 16:
        # SQLite would take an empty (or 1-byte) file for a new database and write to it.
        raise NotAStore("数据文件为空或不完整，无法打开。文件未被改动，请从备份恢复。")
    engine = make_engine(sqlcipher_url(paths.database, key.hex()))
    try:
        store_id, demo = _probe(engine, paths.root)
        if store_id != keyfile.store_id:
            raise NotAStore("数据文件与密钥文件不属于同一个数据存储。")
        _bring_schema_up_to_date(engine, paths, upgrade)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, store_id=store_id, paths=paths, demo=demo, key=key)


# Opening needs room for the -wal and -shm files; below this SQLite reports only "disk I/O error".
_ROOM_TO_OPEN = 1 << 20


def _probe(engine: Engine, root: Path | None = None) -> tuple[str, bool]:
    try:
        with engine.connect() as conn:
            row = conn.execute(select(StoreMeta.store_id, StoreMeta.demo)).first()
    except DatabaseError as exc:
        if root is not None and "disk" in str(exc.orig).lower() and shutil.disk_usage(root).free < _ROOM_TO_OPEN:
            raise DiskFull("磁盘空间已满，无法打开数据存储（需要少量空间存放临时日志）。数据未被改动，"
                           "请清理磁盘空间后再打开。") from exc
        raise NotAStore("数据文件已损坏，或不是幸福号的数据存储，无法打开。文件未被改动。") from exc
    if row is None:
        raise NotAStore("数据存储缺少标识信息，可能已损坏。")
    return row[0], bool(row[1])


def _bring_schema_up_to_date(engine: Engine, paths: StorePaths, upgrade: bool) -> None:
    current = migrate.current_revision(engine)
    head = migrate.head_revision()
    if current == head:
        return
    if current not in migrate.known_revisions():
        raise MigrationError(f"数据存储的结构版本（{current}）比本程序新，请升级程序后再打开。")
    if not upgrade:
        raise MigrationError(f"数据存储需要升级（{current} → {head}）。")
    backup = backup_before_migration(engine, paths, current or "none")
    try:
        migrate.upgrade(engine)
    except Exception as exc:  # the transaction rolled back; the pre-upgrade copy is kept too
        raise MigrationError(f"数据存储升级失败，原数据未改变（升级前备份：{backup.name}）。") from exc


def backup_before_migration(engine: Engine, paths: StorePaths, revision: str) -> Path:
    """An encrypted copy (same key) of the database as it was, before any upgrade writes."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    paths.backups.mkdir(exist_ok=True, mode=0o700)
    stamp = clock.now_utc().strftime("%Y%m%dT%H%M%SZ")
    target = paths.backups / f"pre-upgrade-{revision}-{stamp}.db"
    shutil.copy2(paths.keyfile, target.with_suffix(".keystore.json"))
    # Under a temporary name until whole: a crash mid-copy never leaves a cut-short file that looks like a backup.
    part = target.with_name(target.name + ".part")
    shutil.copy2(paths.database, part)
    with open(part, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(part, target)
    _fsync_folder(paths.backups)
    return target


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX: the folder entry is written when the folder is synced)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def schema_info(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        info = {"schema": migrate.current_revision(store.engine) or "", "backend": store.backend}
        if store.backend == "sqlite":
            info["cipher"] = conn.execute(text("PRAGMA cipher_version")).scalar() or "未加密"
            info["sqlite"] = conn.execute(text("select sqlite_version()")).scalar() or ""
        else:
            info["server"] = conn.execute(text("show server_version")).scalar() or ""
    return info
