"""Sync over a direct connection: when the district's store is reachable, the same bundles are exchanged
in memory (sealed, signed and checked exactly as files are), so nothing differs but the transport.

A station names its district server in the store setting `sync_server_url` (no password: that comes from
the OS keyring or FULIAN_PG_PASSWORD) and how often to sync on its own in `sync_auto_minutes` (0: never).
The connection is tried with a short timeout: an unreachable server is said plainly and changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..domain.errors import MigrationError, NotAStore, StoreError
from ..security.actor import Actor
from ..security.keyring_vault import KeyringVault
from ..services.accounts import settings
from ..services.accounts.auth import system_actor
from ..store.models_sync import SyncPeer
from ..store.store import Store
from ..store.uow import UnitOfWork
from .exchange import ExportResult, ImportResult, export_bundle, import_bundle
from .identity import identity

SERVER_SETTING = "sync_server_url"
AUTO_SETTING = "sync_auto_minutes"
CONNECT_TIMEOUT_S = 5
"""Seconds to wait for the district server to answer: a station without a network says so quickly."""


class ServerUnreachable(StoreError):
    """The district server did not answer (no network, wrong address, server down): nothing was changed."""


@dataclass(frozen=True)
class DirectResult:
    sent: ImportResult
    received: ImportResult
    up: ExportResult | None = None
    down: ExportResult | None = None

    @property
    def records_in(self) -> int:
        return _written(self.received)

    @property
    def records_out(self) -> int:
        return _written(self.sent)

    @property
    def conflicts(self) -> int:
        return self.received.conflicts

    @property
    def changed_here(self) -> bool:
        """Whether anything was written into the local store (screens showing records then refresh)."""
        return self.received.applied and self.records_in > 0


def _written(result: ImportResult) -> int:
    """Records written by an import: not older versions, reference rows, conflicts, nor the sender's audit
    entries (each sync adds its own two, which travel with the next one)."""
    return sum(v for k, v in result.counts.items()
               if not k.startswith(("older:", "ref:")) and k not in ("conflicts", "audit"))


@dataclass(frozen=True)
class ServerSettings:
    url: str
    minutes: int


def server_settings(uow: UnitOfWork) -> ServerSettings:
    """The district server this station syncs with ("" when none) and the automatic interval in minutes."""
    return ServerSettings(str(settings.get(uow, SERVER_SETTING) or ""), int(settings.get(uow, AUTO_SETTING)))


def open_server(url: str, vault: KeyringVault | None = None, *, connect_timeout: int | None = None) -> Store:
    """The district's PostgreSQL store, for one direct exchange. A station never upgrades the district's
    schema: a server at another version is refused. An unanswered connection raises ServerUnreachable."""
    from sqlalchemy import select
    from sqlalchemy.exc import DBAPIError

    from ..store import migrate
    from ..store.engine import make_engine
    from ..store.models import StoreMeta
    from ..store.server import connection_error, server_password
    from ..store.server_profile import ServerProfile

    profile, password = ServerProfile.from_url(url)
    address = profile.url(password or server_password(profile, vault or KeyringVault()))
    if connect_timeout is not None:
        address = address.update_query_dict({"connect_timeout": str(connect_timeout)})
    engine = make_engine(address, pool_pre_ping=True, pool_size=2, max_overflow=2)
    try:
        try:
            with engine.connect() as conn:
                row = conn.execute(select(StoreMeta.store_id, StoreMeta.demo)).first()
        except DBAPIError as exc:
            error = connection_error(profile, exc)
            if error.code == "server_unreachable":
                raise ServerUnreachable(f"未能连接区平台（{profile.host}:{profile.port}），数据未改变。"
                                        "请检查网络，或改用U盘交换。", code="sync_server_unreachable") from exc
            raise error from exc
        if row is None:
            raise NotAStore("服务器上没有幸福号的数据存储。")
        if migrate.current_revision(engine) != migrate.head_revision():
            raise MigrationError("区服务器的数据结构版本与本程序不同，请先让区里升级，或改用同步包文件。")
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, store_id=row[0], paths=None, demo=bool(row[1]))


def _station(store: Store) -> tuple[str, str]:
    """(station id, unit id) of a store's sync identity; ("", "") when it has none."""
    with store.uow() as uow:
        ident = identity(uow)
        return (ident.station_id, ident.unit_id) if ident is not None else ("", "")


def _registered(store: Store, station_id: str) -> bool:
    with store.uow() as uow:
        return uow.s.get(SyncPeer, station_id) is not None


def sync_direct(local: Store, local_actor: Actor, server: Store, server_actor: Actor,
                progress: Callable[[int, int], bool] | None = None) -> DirectResult:
    """Send our changes to the server's station, then take what it has for us (with its acknowledgement)."""
    server_station, server_unit = _station(server)
    local_station, local_unit = _station(local)
    if (not server_station or not local_station or server_station == local_station
            or not _registered(local, server_station)):   # the server's own refusals (a retired station) follow
        raise NotAStore("该服务器上的数据存储不是本站的区平台，未同步，数据未改变。请检查“区平台服务器地址”。",
                        code="sync_server_not_district")
    up_data, up = export_bundle(local, local_actor, server_unit, progress)
    sent = import_bundle(server, server_actor, up_data)
    down_data, down = export_bundle(server, server_actor, local_unit)
    received = import_bundle(local, local_actor, down_data, progress)
    return DirectResult(sent, received, up, down)


def sync_with_server(local: Store, local_actor: Actor, url: str, *, vault: KeyringVault | None = None,
                     progress: Callable[[int, int], bool] | None = None) -> DirectResult:
    """One direct exchange with the district server at `url` (the station's setting), connected with a short
    timeout; the server side acts as its key holder, as `fulian sync --server` does."""
    server = open_server(url, vault, connect_timeout=CONNECT_TIMEOUT_S)
    try:
        return sync_direct(local, local_actor, server, system_actor(server, "站点直接同步"), progress)
    finally:
        server.close()
