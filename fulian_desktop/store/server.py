"""Creating and opening a store on a PostgreSQL server (the district office's shared store).

The data folder holds `server.json` (where) and `keystore.json` (the store's backup key,
wrapped exactly like a SQLCipher key: recovery code, optional passphrase, keyring). The
server password comes from FULIAN_PG_PASSWORD (scripts), else the OS keyring under the profile's
name, else libpq's own PGPASSWORD / ~/.pgpass.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import DBAPIError, OperationalError

from ..domain import clock
from ..domain.errors import KeyUnavailable, MigrationError, NotAStore, StoreError, StoreExists
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
from .engine import make_engine
from .models import AuditHead, StoreMeta
from .paths import StorePaths
from .server_profile import ENV_PASSWORD, ServerProfile

GENESIS_HASH = "0" * 64


def server_password(profile: ServerProfile, vault: KeyringVault) -> str | None:
    """FULIAN_PG_PASSWORD when set (a script says so explicitly), else the keyring; None lets libpq use
    PGPASSWORD or ~/.pgpass."""
    if os.environ.get(ENV_PASSWORD):
        return os.environ[ENV_PASSWORD]
    try:
        if vault.available():
            return vault.get(profile.keyring_name) or None
    except KeyringUnavailable:
        pass
    return None


def remember_password(profile: ServerProfile, password: str, vault: KeyringVault) -> bool:
    """Keep the password in the OS keyring; False when this machine has none (use FULIAN_PG_PASSWORD)."""
    if not vault.available():
        return False
    try:
        vault.put(profile.keyring_name, password)
        return True
    except KeyringUnavailable:
        return False


def server_engine(profile: ServerProfile, password: str | None) -> Engine:
    return make_engine(profile.url(password), pool_pre_ping=True, pool_size=4, max_overflow=8)


def connection_error(profile: ServerProfile, exc: BaseException) -> StoreError:
    text = str(getattr(exc, "orig", exc))
    low = text.lower()
    if "no password supplied" in low:   # nothing in FULIAN_PG_PASSWORD, the keyring or ~/.pgpass
        return StoreError(f"数据库服务器要求密码，但没有提供（{profile.user}@{profile.host}）：请设置环境变量 "
                          f"{ENV_PASSWORD}，或在“数据库服务器设置”中输入密码（保存在系统钥匙串）。", code="server_auth")
    if "password authentication failed" in low:
        where = (f"环境变量 {ENV_PASSWORD} 中的密码" if os.environ.get(ENV_PASSWORD)
                 else f"系统钥匙串或 ~/.pgpass 中的密码（脚本中可设置环境变量 {ENV_PASSWORD}）")
        return StoreError(f"数据库服务器拒绝登录：用户名或密码不正确（{profile.user}@{profile.host}）。请检查{where}，"
                          "或在“数据库服务器设置”中重新输入密码。", code="server_auth")
    if "ssl" in low or "certificate" in low:
        return StoreError(f"与数据库服务器的加密连接（TLS）未能建立：{_first_line(text)}。请检查 TLS 模式和证书。",
                          code="server_tls")
    if "does not exist" in low and "database" in low:
        return StoreError(f"服务器上没有数据库 {profile.database}，请先由管理员创建。", code="server_no_database")
    return StoreError(f"无法连接数据库服务器 {profile.host}:{profile.port}：{_first_line(text)}", code="server_unreachable")


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "未知错误"


# Reading in one snapshot asks the server whether a transaction has written (pg_current_xact_id_if_assigned, 13).
OLDEST_SERVER = (13,)


def require_supported_server(version: tuple[int, ...] | None) -> None:
    """Refuse a PostgreSQL older than the program needs, by name, before anything is read or written there."""
    if version is not None and tuple(version[:1]) < OLDEST_SERVER:
        found = ".".join(str(part) for part in version[:2])
        raise StoreError(f"服务器上的 PostgreSQL 版本为 {found}，本程序需要 13 或更新的版本。请数据库管理员升级后再连接。",
                         code="server_too_old")


def _existing_store_id(engine: Engine) -> tuple[str | None, bool]:
    """(store id or None, whether any schema is there)."""
    with engine.connect() as conn:
        require_supported_server(conn.dialect.server_version_info)
        names = set(inspect(conn).get_table_names())
        if "store_meta" not in names:
            return None, bool(names)
        row = conn.execute(select(StoreMeta.store_id)).first()
    return (row[0] if row else None), True


def probe_server(profile: ServerProfile, password: str | None) -> str | None:
    """Connect once: the store id found there (None: an empty database). Raises a clear StoreError."""
    engine = server_engine(profile, password)
    try:
        return _existing_store_id(engine)[0]
    except (OperationalError, DBAPIError) as exc:
        raise connection_error(profile, exc) from exc
    finally:
        engine.dispose()


def create_server_store(root: Path, profile: ServerProfile, *, password: str | None = None,
                        vault: KeyringVault | None = None, passphrase: str | None = None, use_keyring: bool = True,
                        kdf: KdfParams = KdfParams(), demo: bool = False):  # noqa: ANN201 - CreatedStore
    """A new store in an empty PostgreSQL database, and a data folder that points at it."""
    from .store import CreatedStore, Store

    paths = StorePaths(Path(root))
    if paths.exists():
        raise StoreExists(f"此处已有数据存储：{paths.root}。为防止覆盖原有数据，已拒绝创建。")
    if passphrase:
        require_strong_passphrase(passphrase)
    vault = vault or KeyringVault()
    keyring_ok = use_keyring and vault.available()
    if not keyring_ok and not passphrase:
        raise KeyUnavailable("本机没有可用的系统钥匙串，请设置一个口令来保护备份密钥。", code="passphrase_required")
    password = password or server_password(profile, vault)
    engine = server_engine(profile, password)
    try:
        try:
            existing, has_schema = _existing_store_id(engine)
        except (OperationalError, DBAPIError) as exc:
            raise connection_error(profile, exc) from exc
        if existing:
            raise StoreExists(f"服务器数据库 {profile.database} 中已有数据存储。要让本机连接它，请用"
                              f"“fulian server set”或设置对话框，而不是新建。")
        if has_schema and migrate.current_revision(engine) != migrate.head_revision():
            raise StoreExists(f"服务器数据库 {profile.database} 不是空的，为防止覆盖，已拒绝创建。")
        if not has_schema:
            migrate.upgrade(engine)
        store_id = new_id()
        with engine.begin() as conn:
            conn.execute(StoreMeta.__table__.insert().values(
                id=1, store_id=store_id, created_at=clock.now_utc(), demo=demo))
            conn.execute(AuditHead.__table__.insert().values(id=1, last_seq=0, last_hash=GENESIS_HASH))
    except BaseException:
        engine.dispose()
        raise

    # The backup key: backups of a server store are encrypted with it, unwrapped like a desk's key.
    key, recovery = new_database_key(), new_recovery_code()
    keyfile = KeyFile(store_id=store_id, key_check=key_check(key), uses_keyring=False)
    keyfile.add_slot("recovery", normalise_recovery_code(recovery), key, kdf)
    if passphrase:
        keyfile.add_slot("passphrase", passphrase, key, kdf)
    if keyring_ok:
        try:
            vault.put(store_id, key.hex())
            keyfile.uses_keyring = True
        except KeyringUnavailable:
            pass
    paths.root.mkdir(parents=True, exist_ok=True, mode=0o700)
    keyfile.save(paths.keyfile)
    profile = profile.with_store(store_id)
    profile.save(paths.server_profile)
    if password:
        remember_password(profile, password, vault)
    store = Store(engine, store_id=store_id, paths=paths, demo=demo)
    return CreatedStore(store=store, recovery_code=recovery, uses_keyring=keyfile.uses_keyring)


def connect_folder(root: Path, profile: ServerProfile, *, password: str | None = None,
                   vault: KeyringVault | None = None) -> str:
    """Point a (new) data folder at an existing server store, as a further desk does. Returns the store id."""
    paths = StorePaths(Path(root))
    if paths.database.exists():
        raise StoreExists(f"{paths.root} 中已有本机加密数据存储，不能同时连接服务器。请另选一个数据文件夹。")
    vault = vault or KeyringVault()
    password = password or server_password(profile, vault)
    store_id = probe_server(profile, password)
    if store_id is None:
        raise NotAStore(f"服务器数据库 {profile.database} 中还没有数据存储，请先用 fulian init --server 创建。")
    if paths.server_profile.exists():
        old = ServerProfile.load(paths.server_profile)
        if old.store_id and old.store_id != store_id:
            raise NotAStore("新的服务器地址上是另一个数据存储，与本文件夹原来连接的不同，已拒绝更改。")
    paths.root.mkdir(parents=True, exist_ok=True, mode=0o700)
    profile.with_store(store_id).save(paths.server_profile)
    if password:
        remember_password(profile, password, vault)
    return store_id


def open_server_store(paths: StorePaths, vault: KeyringVault, *, upgrade: bool = True):  # noqa: ANN201 - Store
    from .store import Store

    profile = ServerProfile.load(paths.server_profile)
    engine = server_engine(profile, server_password(profile, vault))
    try:
        try:
            with engine.connect() as conn:
                require_supported_server(conn.dialect.server_version_info)
                row = conn.execute(select(StoreMeta.store_id, StoreMeta.demo)).first()
        except (OperationalError, DBAPIError) as exc:
            if "store_meta" in str(exc) and "does not exist" in str(exc):
                raise NotAStore(f"服务器数据库 {profile.database} 中没有幸福号的数据存储。") from exc
            raise connection_error(profile, exc) from exc
        if row is None:
            raise NotAStore("服务器上的数据存储缺少标识信息，可能已损坏。")
        if profile.store_id and row[0] != profile.store_id:
            raise NotAStore("服务器上的数据存储与本机设置中记录的不是同一个，已拒绝打开。请核对服务器设置。")
        current, head = migrate.current_revision(engine), migrate.head_revision()
        if current != head:
            if current not in migrate.known_revisions():
                raise MigrationError(f"服务器上数据存储的结构版本（{current}）比本程序新，请升级程序后再打开。")
            if not upgrade:
                raise MigrationError(f"数据存储需要升级（{current} → {head}）。")
            try:  # PostgreSQL runs the whole upgrade in one transaction: all or nothing
                migrate.upgrade(engine)
            except Exception as exc:
                raise MigrationError("服务器上数据存储升级失败，原数据未改变。") from exc
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, store_id=row[0], paths=paths, demo=bool(row[1]))
