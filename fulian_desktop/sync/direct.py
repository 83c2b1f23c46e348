"""Sync over the network with the district's sync service (`fulian sync serve`, sync/service.py): the same
sealed bundles as on a USB drive, carried by HTTPS instead. A station holds no login for the district's
database: what crosses is its bundle (sealed for the district, signed with its station key, checked there
by sync/authority.py) and the district's answer (sealed for it, checked here the same way).

A station names the service in the store setting `sync_server_url` (`https://host:port`, see
domain/sync_address.py) and how often to sync on its own in `sync_auto_minutes` (0: never). The connection
is given a short timeout: an unreachable service is said plainly and changes nothing. Before anything is
sent, GET /sync/v1/hello must name a district station registered here, at this program's schema.
"""
from __future__ import annotations

import http.client
import json
import re
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Callable

from ..domain.errors import MigrationError, NotAStore, StoreError, ValidationError
from ..domain.sync_address import SyncAddress, parse_sync_address
from ..security.actor import Actor
from ..services.accounts import settings
from ..store import migrate
from ..store.models_sync import SyncPeer
from ..store.store import Store
from ..store.uow import UnitOfWork
from .bundle import check_size
from .errors import SyncError
from .exchange import ExportResult, ImportResult, export_bundle, import_bundle
from .identity import identity
from .service import (APPLIED_HEADER, BUNDLE_TYPE, EXCHANGE_PATH, HELLO_PATH, SERVICE, WRITTEN_HEADER, answer,
                      written_records)

SERVER_SETTING = "sync_server_url"
AUTO_SETTING = "sync_auto_minutes"
CONNECT_TIMEOUT_S = 5
"""Seconds to wait for the district's service to answer the connection: a station without a network says so
quickly."""
READ_TIMEOUT_S = 300
"""Seconds a connected exchange may stay silent: the district imports the bundle before it answers."""
HELLO_LIMIT = 4096


class ServerUnreachable(StoreError):
    """The district's sync service did not answer (no network, wrong address, service down): nothing changed."""


class SyncRefused(SyncError):
    """The district's service refused our bundle (its code says why): nothing changed on either side."""


@dataclass(frozen=True)
class DirectResult:
    sent: ImportResult        # what the district did with our bundle (over HTTP: applied and records written)
    received: ImportResult    # what we did with the district's answer
    up: ExportResult | None = None
    down: ExportResult | None = None

    @property
    def records_in(self) -> int:
        return written_records(self.received)

    @property
    def records_out(self) -> int:
        return written_records(self.sent)

    @property
    def conflicts(self) -> int:
        return self.received.conflicts

    @property
    def changed_here(self) -> bool:
        """Whether anything was written into the local store (screens showing records then refresh)."""
        return self.received.applied and self.records_in > 0


@dataclass(frozen=True)
class ServerSettings:
    url: str
    minutes: int


def server_settings(uow: UnitOfWork) -> ServerSettings:
    """The district's sync service this station syncs with ("" when none) and the automatic interval."""
    return ServerSettings(str(settings.get(uow, SERVER_SETTING) or ""), int(settings.get(uow, AUTO_SETTING)))


def _station(store: Store) -> tuple[str, str]:
    """(station id, unit id) of a store's sync identity; ("", "") when it has none."""
    with store.uow() as uow:
        ident = identity(uow)
        return (ident.station_id, ident.unit_id) if ident is not None else ("", "")


def _district_peer(local: Store, server_station: str) -> SyncPeer:
    """The registered peer the server claims to be; refused when it is not one of ours (or is ourselves)."""
    local_station, _unit = _station(local)
    with local.uow() as uow:
        peer = uow.s.get(SyncPeer, server_station) if server_station else None
        if peer is not None:
            uow.s.expunge(peer)
    if peer is None or not local_station or server_station == local_station:
        raise NotAStore("该服务器上的数据存储不是本站的区平台，未同步，数据未改变。请检查“区平台服务器地址”。",
                        code="sync_server_not_district")
    return peer


def _nothing_new(name: str) -> ImportResult:
    return ImportResult("", name, False, f"{name}没有发给本站的新变更，数据未改变。")


def sync_direct(local: Store, local_actor: Actor, server: Store, server_actor: Actor,
                progress: Callable[[int, int], bool] | None = None) -> DirectResult:
    """Both stores in this process (tests, the district's own tools): the service's answer without HTTP."""
    peer = _district_peer(local, _station(server)[0])
    up_data, up = export_bundle(local, local_actor, peer.unit_id, progress)
    got = answer(server, server_actor, up_data)
    received = (import_bundle(local, local_actor, got.bundle, progress) if got.bundle is not None
                else _nothing_new(peer.name))
    return DirectResult(got.sent, received, up, got.down)


# --- the HTTP(S) client -----------------------------------------------------------------------------------

class _Http(http.client.HTTPConnection):
    def connect(self) -> None:
        self.timeout = CONNECT_TIMEOUT_S          # the connection (and the TLS handshake) is given 5 s …
        super().connect()
        self.sock.settimeout(READ_TIMEOUT_S)      # … the exchange then as long as the district's import takes


class _Https(http.client.HTTPSConnection):
    def connect(self) -> None:
        self.timeout = CONNECT_TIMEOUT_S
        super().connect()
        self.sock.settimeout(READ_TIMEOUT_S)


class _HttpHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_Http, req)


class _HttpsHandler(urllib.request.HTTPSHandler):
    def __init__(self, context: ssl.SSLContext) -> None:
        super().__init__(context=context)
        self.tls = context

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_Https, req, context=self.tls)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is never followed: it could lead a station's bundle anywhere (plain http included)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _opener(address: SyncAddress) -> urllib.request.OpenerDirector:
    try:
        context = ssl.create_default_context(cafile=address.ca_file or None)
    except (OSError, ssl.SSLError) as exc:
        raise ValidationError(f"无法读取区平台同步服务的证书文件 {address.ca_file}，未同步，数据未改变。",
                              field=SERVER_SETTING) from exc
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    # No proxy from the environment, no redirect: the bundle goes to the address the station names, or nowhere.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _HttpHandler(), _HttpsHandler(context),
                                       _NoRedirect())


def _unreachable(address: SyncAddress, exc: BaseException) -> StoreError:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, ssl.SSLCertVerificationError):
        return StoreError(f"区平台同步服务（{address.where}）的证书无法验证，未同步，数据未改变。请向区里核对地址；"
                          "区里用自签证书时，在地址后加 ?ca=证书文件。", code="sync_server_certificate")
    host, port = address.host, address.port
    return ServerUnreachable(f"未能连接区平台（{host}:{port}），数据未改变。请检查网络，或改用U盘交换。",
                             code="sync_server_unreachable")


def _refused(code: str) -> SyncError:
    """The district's refusal of our bundle, from its short code, in words (never the server's text)."""
    if code == "bundle_tampered":
        return SyncRefused("区平台拒收了本站的同步包：签名与区里登记的本站密钥不符。未同步，数据未改变。"
                           "请联系区里核对本站的登记。", code=code)
    if code == "bundle_retired_sender":
        return SyncRefused("区平台拒收了本站的同步包：本站已被区里停用，其密钥不再受信任。未同步，数据未改变。"
                           "如本站换了电脑，请让区里重新开通站点。", code=code)
    if code in ("bundle_unknown_sender", "bundle_foreign", "bundle_not_for_us"):
        return SyncRefused("区平台拒收了本站的同步包：区平台上没有登记本站。未同步，数据未改变。请检查“区平台服务器地址”，"
                           "或联系区里。", code=code)
    if code == "bundle_gap":
        return SyncRefused("区平台缺少本站更早的变更（例如区里从较早的备份恢复过），拒收了本站的同步包。未同步，数据未改变。"
                           "请导出完整同步包（fulian sync export --full）交给区里。", code=code)
    if code == "bundle_overreach":
        return SyncRefused("区平台拒收了本站的同步包：其中有本站无权修改的记录（区里已记入审计日志）。未同步，数据未改变。"
                           "请联系区里。", code=code)
    if code in ("bundle_too_large", "bundle_inflates", "bundle_too_many_rows"):
        return SyncRefused("本站的同步包超过了区平台一次接收的上限，已被拒收，数据未改变。请改用U盘交换。", code=code)
    if code == "busy":
        return SyncRefused("区平台正在与其他站点同步，请稍后再试。未同步，数据未改变。", code=code)
    safe = code if re.fullmatch(r"[a-z_]{1,40}", code) else "error"
    return SyncRefused(f"区平台未能接收本站的同步包（{safe}），数据未改变。请联系区里的管理员。", code=safe)


def _error_code(exc: urllib.error.HTTPError) -> str:
    try:
        found = json.loads(exc.read(512).decode("utf-8")).get("error")
    except (ValueError, AttributeError, OSError, RecursionError):
        found = None
    return found if isinstance(found, str) else ("busy" if exc.code == 503 else f"http_{exc.code}")


def _plain_number(text: str) -> int | None:
    """A number in the district's answer as the service writes it (ASCII digits, at most 12), else None: a
    "²" passes str.isdigit and five thousand digits pass it too, and int() refuses both."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 12 else None


class DistrictClient:
    """One district's sync service, reached at `address` (connect timeout 5 s, no proxy, no redirect)."""

    def __init__(self, address: SyncAddress) -> None:
        self.address = address
        self.opener = _opener(address)

    def _open(self, request: urllib.request.Request, *, hello: bool = False) -> http.client.HTTPResponse:
        try:
            return self.opener.open(request)   # timeout: set per connection, see _Http
        except urllib.error.HTTPError as exc:
            code = _error_code(exc)
            exc.close()
            if hello:
                raise self._not_service() from None
            raise _refused(code) from None
        except (urllib.error.URLError, http.client.HTTPException, socket.timeout, OSError) as exc:
            raise _unreachable(self.address, exc) from None

    def hello(self) -> dict[str, Any]:
        response = self._open(urllib.request.Request(self.address.base + HELLO_PATH, method="GET"), hello=True)
        with response:
            try:
                found = json.loads(response.read(HELLO_LIMIT + 1)[:HELLO_LIMIT].decode("utf-8"))
            except (ValueError, OSError, RecursionError):   # a hostile answer nested deep enough fails that way
                found = None
        if not isinstance(found, dict) or found.get("service") != SERVICE:
            raise self._not_service()
        return found

    def _not_service(self) -> NotAStore:
        where = self.address.where
        return NotAStore(f"{where} 上没有幸福号的区平台同步服务，未同步，数据未改变。请检查“区平台服务器地址”。",
                         code="sync_server_not_service")

    def exchange(self, bundle: bytes) -> tuple[bool, int, bytes | None]:
        """POST our bundle; (the district took it as new, records it wrote, its answer or None)."""
        request = urllib.request.Request(self.address.base + EXCHANGE_PATH, data=bundle, method="POST",
                                         headers={"Content-Type": BUNDLE_TYPE})
        response = self._open(request)
        with response:
            applied = response.headers.get(APPLIED_HEADER) == "1"
            records = _plain_number(response.headers.get(WRITTEN_HEADER, "0")) or 0
            if response.status == 204:
                return applied, records, None
            length = _plain_number(response.headers.get("Content-Length", ""))
            if length is None:
                raise _refused("length_required")
            check_size(length)                    # a huge answer is refused before it is read
            try:
                return applied, records, response.read(length)
            except (OSError, http.client.HTTPException) as exc:
                raise _unreachable(self.address, exc) from None


def sync_with_server(local: Store, local_actor: Actor, url: str, *,
                     progress: Callable[[int, int], bool] | None = None) -> DirectResult:
    """One exchange with the district's sync service at `url` (the station's setting): hello (is it ours?),
    our bundle up, the district's answer imported here."""
    client = DistrictClient(parse_sync_address(url, field=SERVER_SETTING))
    found = client.hello()
    station = found.get("station_id")
    peer = _district_peer(local, station if isinstance(station, str) else "")
    if found.get("schema") != migrate.head_revision():
        raise MigrationError("区服务器的数据结构版本与本程序不同，请先让区里升级，或改用同步包文件。")
    up_data, up = export_bundle(local, local_actor, peer.unit_id, progress)
    applied, records, down_data = client.exchange(up_data)
    sent = ImportResult(up.bundle_id, peer.name, applied,
                        f"{peer.name}已导入本站的同步包：写入 {records} 条记录。" if applied else
                        f"{peer.name}已有本站的这些变更，数据未改变。", {"records": records})
    received = (import_bundle(local, local_actor, down_data, progress) if down_data is not None
                else _nothing_new(peer.name))
    return DirectResult(sent, received, up, None)
