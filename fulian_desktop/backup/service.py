"""Taking, verifying and restoring backups.

SQLCipher: the SQLite online-backup API copies every page in one step from a read snapshot
(WAL: desks keep writing meanwhile) into a new file keyed with the same key, so the copy is
encrypted as the store is. PostgreSQL: a logical export in one REPEATABLE READ snapshot,
encrypted in chunks under the store's backup key. Either way the key file travels inside the
backup wrapped as on disk, so a new machine opens it with the recovery code; never the raw key.
"""
from __future__ import annotations

import errno
import os
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool, StaticPool

from ..domain import clock
from ..domain.errors import DiskFull, KeyUnavailable, StoreError, StoreExists, WrongKey
from ..security import audit
from ..security.actor import Actor
from ..security.audit import verify_chain
from ..security.checkpoint import chain_head
from ..security.keyfile import KeyFile, key_check
from ..security.keyring_vault import KeyringVault
from ..security.permissions import Permission, require
from ..security.private_files import open_private, write_private
from ..store import migrate
from ..store.engine import make_engine, sqlcipher_url
from ..store.models import StoreMeta
from ..store.paths import StorePaths
from ..store.store import Store, Unlock, open_store, unlock_key
from ..sync import anchors
from . import container, logical, status


@dataclass(frozen=True)
class BackupResult:
    path: Path
    store_id: str
    backend: str
    schema: str
    created_at: datetime
    counts: dict[str, int]
    size: int
    seconds: float
    verified: bool
    checkpoint_seq: int | None = None   # the audit chain head signed into the manifest


@dataclass(frozen=True)
class VerifyReport:
    path: Path
    store_id: str
    backend: str
    schema: str
    created_at: str
    counts: dict[str, int]
    integrity: str
    audit_entries: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def backup_key(store: Store, unlock: Unlock | None = None, vault: KeyringVault | None = None) -> bytes:
    """The key backups of this store are encrypted with (a desk: its database key)."""
    if store.key is not None:
        return store.key
    if store.paths is None or not store.paths.keyfile.exists():
        raise KeyUnavailable("本机没有此数据存储的备份密钥文件（keystore.json）。请在创建该数据存储的电脑上备份，"
                             "或把该文件复制到本机数据文件夹。", code="no_backup_key")
    return unlock_key(KeyFile.load(store.paths.keyfile), unlock or Unlock(), vault or KeyringVault())


def take_backup(store: Store, actor: Actor, target: Path, *, key: bytes, verify: bool = True) -> BackupResult:
    require(actor, Permission.SETTINGS_MANAGE)
    target = Path(target).expanduser().absolute()
    if target.exists():
        raise StoreExists(f"文件 {target} 已存在。为防止覆盖，备份已拒绝，请换一个文件名。")
    if not target.parent.is_dir():
        raise StoreError(f"备份位置 {target.parent} 不存在。", code="backup_dir_missing")
    if store.paths is None or not store.paths.keyfile.exists():
        raise KeyUnavailable("找不到此数据存储的密钥文件，无法备份。", code="no_keyfile")
    started = time.perf_counter()
    created_at = clock.now_utc()
    with store.uow() as uow:
        signer = anchors.signer(uow, store.store_id, create=False)
    if signer is None:   # made before the copy, so the copy holds it too
        with store.uow(write=True) as uow:
            signer = anchors.signer(uow, store.store_id)
    try:
        manifest, schema, counts = _write_backup(store, actor, target, key, signer, created_at)
    except (OSError, sqlcipher3.OperationalError) as exc:
        if _disk_full(exc):   # the temporary folder and the partial file are gone with the failure
            raise DiskFull(f"备份位置 {target.parent} 的磁盘空间不足，备份未写出，数据存储未改变。请清理空间或换一个"
                           "空间更大的位置（例如另一个U盘）后重试。") from exc
        raise
    size = target.stat().st_size
    with store.uow(write=True) as uow:
        audit.record(uow.s, actor, "backup", entity="store", entity_id=store.store_id,
                     detail={"file": target.name, "size": size, "cases": counts.get("case_file", 0),
                             "sha256": manifest["payload"]["sha256"]})
    status.record(store.paths, store.store_id, "backup", target, created_at)
    verified = False
    if verify:
        report = verify_backup(target, key=key)
        verified = report.ok
        if report.ok:
            status.record(store.paths, store.store_id, "verified", target, created_at)
    signed = manifest.get(container.CHECKPOINT)
    return BackupResult(target, store.store_id, manifest["backend"], schema, created_at, counts, size,
                        time.perf_counter() - started, verified, signed["seq"] if signed else None)


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    text = str(exc).lower()
    return "disk is full" in text or "no space" in text


def _write_backup(store: Store, actor: Actor, target: Path, key: bytes, signer: "anchors.Signer | None",
                  created_at: datetime) -> tuple[dict, str, dict[str, int]]:
    """The copy, checked, into its container under the backup's name (all or nothing)."""
    with tempfile.TemporaryDirectory(prefix=".fulian-backup-", dir=target.parent) as tmp:
        if store.backend == "sqlite":
            payload, name = Path(tmp) / container.SQLITE_PAYLOAD, container.SQLITE_PAYLOAD
            schema, counts, head = _copy_sqlcipher(store, payload, key)
            method = "sqlite-backup-api"
        else:
            payload, name = Path(tmp) / container.LOGICAL_PAYLOAD, container.LOGICAL_PAYLOAD
            schema, counts, head = _export_logical(store, payload, key)
            method = "logical-export"
        manifest = {"store_id": store.store_id, "backend": "sqlcipher" if store.backend == "sqlite" else "postgresql",
                    "schema": schema, "created_at": created_at.isoformat(), "created_by": actor.audit_name,
                    "method": method, "counts": counts}
        if signer is not None:   # the chain head of the copy itself, signed
            manifest[container.CHECKPOINT] = signer.sign(head).to_dict()
        assert store.paths is not None   # checked by take_backup
        manifest = container.write_container(target, manifest, store.paths.keyfile.read_bytes(), payload, name)
    return manifest, schema, counts


def _copy_sqlcipher(store: Store, payload: Path, key: bytes) -> tuple[str, dict[str, int], tuple[int, str]]:
    """The copy, checked before anything is written under the backup's name.

    What is checked here, and why no more: SQLite's backup API copies the store page by page (each page
    authenticated by SQLCipher's HMAC as it is read), so the copy is exactly the live store's snapshot.
    PRAGMA quick_check reads every page of every table and index once and checks the b-tree structure,
    free list and NOT NULL/CHECK constraints: a copy that passes opens and reads whole. It leaves out
    integrity_check's cross check of each index against its table (and UNIQUE), which cost twice the copy
    and can only find what the live store already holds; `fulian backup verify` (run after every backup
    unless --no-verify) and restore still run the full integrity_check on the copy.
    """
    # A plain connection in SQLite's rollback mode writes the copy: an engine's connections are in WAL mode, where
    # every copied page would go through the -wal file and be copied again at the checkpoint. The file is a
    # temporary: synchronous = OFF, so the only fsync is the finished container's (container.write_container).
    dst_raw = sqlcipher3.connect(str(payload), check_same_thread=False)
    try:
        dst_raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        dst_raw.execute("PRAGMA synchronous = OFF")
        src_raw = store.engine.raw_connection()
        try:
            # pages=-1: one step from one read snapshot, so writers committing meanwhile can't tear it.
            src_raw.driver_connection.backup(dst_raw, pages=-1)
        finally:
            src_raw.close()
        # The copy carries the store's WAL flag: back to one self-contained file, no -wal beside it.
        dst_raw.execute("PRAGMA journal_mode = DELETE")
        check = dst_raw.execute("PRAGMA quick_check").fetchall()
        if [tuple(row) for row in check] != [("ok",)]:
            integrity = "；".join(str(row[0]) for row in check[:3])
            raise StoreError(f"备份副本完整性检查未通过（{integrity}），备份未写出。", code="backup_integrity")
        dest = create_engine("sqlite://", creator=lambda: dst_raw, poolclass=StaticPool)
        try:
            with dest.connect() as conn:
                head = chain_head(conn)
            return migrate.current_revision(dest) or "", logical.count_rows(dest), head
        finally:
            dest.dispose()
    finally:
        dst_raw.close()


def _export_logical(store: Store, payload: Path, key: bytes) -> tuple[str, dict[str, int], tuple[int, str]]:
    schema = migrate.current_revision(store.engine) or ""
    with open_private(payload) as fh:
        writer = container.ChunkWriter(fh, key, store.store_id)
        with store.engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn, conn.begin():
            counts = logical.export(conn, writer)
            head = chain_head(conn)   # in the export's snapshot
        writer.close()
        fh.flush()
        os.fsync(fh.fileno())
    return schema, counts, head


# --- verify ---------------------------------------------------------------------------------------

def _keyfile_of(opened: container.Opened, where: Path) -> KeyFile:
    path = where / "keystore.json"
    write_private(path, opened.keyfile)
    return KeyFile.load(path)


def _key_for(keyfile: KeyFile, key: bytes | None, unlock: Unlock | None, vault: KeyringVault | None) -> bytes:
    if key is not None:
        if key_check(key) != keyfile.key_check:
            raise WrongKey("此备份不属于当前数据存储（密钥不符）。", code="backup_foreign")
        return key
    return unlock_key(keyfile, unlock or Unlock(), vault or KeyringVault())


def verify_backup(path: Path, *, key: bytes | None = None, unlock: Unlock | None = None,
                  vault: KeyringVault | None = None) -> VerifyReport:
    """Open the backup as a store would be opened and check it: checksums, integrity, counts, audit chain."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="fulian-verify-") as tmp:
        where = Path(tmp)
        opened = container.read_container(path, extract_to=where / "payload")
        keyfile = _keyfile_of(opened, where)
        the_key = _key_for(keyfile, key, unlock, vault)
        engine = _load_payload(opened, where / "payload", the_key, in_memory=True)
        try:
            return _check(engine, opened.manifest, path)
        finally:
            engine.dispose()


def open_backup_engine(path: Path, key: bytes, where: Path) -> Engine:
    """A backup opened read-only for inspection (its payload extracted into `where`, which the caller
    removes after disposing of the engine). Refuses a backup of another store."""
    opened = container.read_container(Path(path), extract_to=where / "payload")
    the_key = _key_for(_keyfile_of(opened, where), key, None, None)
    return _load_payload(opened, where / "payload", the_key, in_memory=True)


def _load_payload(opened: container.Opened, payload: Path, key: bytes, *, in_memory: bool,
                  target: Path | None = None) -> Engine:
    manifest = opened.manifest
    if opened.payload_name == container.SQLITE_PAYLOAD:
        db = payload if target is None else target
        if target is not None:
            os.replace(payload, target)
        return make_engine(sqlcipher_url(db, key.hex()), poolclass=NullPool)
    if manifest.get("schema") != migrate.head_revision():
        raise StoreError(f"此备份的结构版本（{manifest.get('schema')}）与本程序（{migrate.head_revision()}）不同，"
                         "请用相同版本的程序校验或恢复。", code="backup_schema")
    if in_memory:  # verifying: the decrypted rows live in memory only, never in a plain file
        engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        assert target is not None
        engine = make_engine(sqlcipher_url(target, key.hex()), poolclass=NullPool)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys = OFF")  # rows come table by table, parents not always first
        try:
            with conn.begin(), open(payload, "rb") as fh:
                logical.load(conn, container.read_chunks(fh, key, manifest["store_id"],
                                                         sealed_size=payload.stat().st_size))
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise container.damaged(f"数据引用不一致（{broken[0][0]}）")
                from ..services.cases import search

                search.rebuild(conn)
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
    return engine


def _check(engine: Engine, manifest: dict, path: Path) -> VerifyReport:
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            integrity = str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
            found_id = conn.execute(select(StoreMeta.store_id)).scalar()
    except Exception as exc:  # noqa: BLE001 - a damaged copy can fail in many driver ways
        raise container.damaged("数据库副本无法打开") from exc
    if integrity != "ok":
        problems.append(f"完整性检查未通过：{integrity}")
    if found_id != manifest.get("store_id"):
        problems.append("备份内的数据存储标识与清单不符。")
    counts = logical.count_rows(engine)
    for table, expected in (manifest.get("counts") or {}).items():
        if counts.get(table) != expected:
            problems.append(f"数据表 {table} 应有 {expected} 条记录，实有 {counts.get(table)} 条。")
    with Session(bind=engine) as session:
        chain = verify_chain(session)
    if not chain.ok:
        problems.append(f"审计链异常：{chain.problem}")
    return VerifyReport(path, str(manifest.get("store_id")), str(manifest.get("backend")), str(manifest.get("schema")),
                        str(manifest.get("created_at")), counts, integrity, chain.entries, tuple(problems))


# --- restore --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RestoreResult:
    root: Path
    store_id: str
    counts: dict[str, int]
    audit_entries: int


def restore_backup(path: Path, to: Path, *, unlock: Unlock | None = None,
                   vault: KeyringVault | None = None) -> RestoreResult:
    """Make a new SQLCipher store in `to` from a backup. Refuses any folder that already holds a store."""
    paths = StorePaths(Path(to).expanduser().absolute())
    if paths.exists():
        raise StoreExists(f"{paths.root} 中已有数据存储。恢复不会覆盖现有数据，请指定一个新的空文件夹。")
    vault = vault or KeyringVault()
    made_root = not paths.root.exists()
    paths.root.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = paths.root / f".restoring-{secrets.token_hex(4)}"
    staging.mkdir(mode=0o700)
    restored = False
    try:
        opened = container.read_container(Path(path), extract_to=staging / "payload")
        keyfile = _keyfile_of(opened, staging)
        key = _key_for(keyfile, None, unlock, vault)
        engine = _load_payload(opened, staging / "payload", key, in_memory=False, target=staging / "fulian.db")
        try:
            raw = engine.raw_connection()
            try:
                raw.driver_connection.execute("PRAGMA journal_mode = DELETE")
            finally:
                raw.close()
            report = _check(engine, opened.manifest, Path(path))
        finally:
            engine.dispose()
        if not report.ok:
            raise container.damaged("；".join(report.problems))
        keyfile.uses_keyring = False  # this machine's keyring does not hold the key (yet): open_store puts it there
        keyfile.save(staging / "keystore.json")
        os.replace(staging / "fulian.db", paths.database)
        os.replace(staging / "keystore.json", paths.keyfile)
        restored = True
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if not restored and made_root:   # a refused backup leaves nothing behind, not even the empty folder
            shutil.rmtree(paths.root, ignore_errors=True)
    with open_store(paths.root, unlock or Unlock(), vault=vault) as store:
        from ..services.accounts import auth

        actor = auth.system_actor(store)
        with store.uow(write=True) as uow:
            audit.record(uow.s, actor, "restore", entity="store", entity_id=store.store_id,
                         detail={"file": Path(path).name, "backup_created_at": opened.manifest.get("created_at"),
                                 "from_backend": opened.manifest.get("backend")})
            entries = verify_chain(uow.s).entries
        status.record(paths, store.store_id, "verified", Path(path),
                      datetime.fromisoformat(opened.manifest["created_at"]))
    return RestoreResult(paths.root, opened.manifest["store_id"], report.counts, entries)
