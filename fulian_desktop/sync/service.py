"""The district's sync service (`fulian sync serve`): the one door through which stations sync over a network.

A station never holds a login for the district's database. It POSTs a bundle sealed for the district and
signed with its station key to /sync/v1/exchange; the service imports it through the normal import path
(sender, signature, order and authority checks; idempotent; a refusal audited) and answers with the
district's bundle sealed for that station (204 when there is nothing for it). GET /sync/v1/hello names the
district's station and schema, so a station can tell "this is not our district" before it sends anything.
Nothing else is served (404).

Limits: a body over the bundle size limit is refused by its Content-Length before a byte of it is read (a body
framed any other way, chunked included, is refused), the TLS handshake, request line and headers together have
HEADER_TIMEOUT_S, each body a deadline (REQUEST_TIMEOUT_S plus the bytes received so far at MIN_UPLOAD_RATE), at most
MAX_CONNECTIONS connections are served at once (a further one hears busy and is closed), at most MAX_UPLOADS
bodies are held at once, and one import runs at a time. A bundle already imported, sent again, is answered with
nothing (204): a replay writes nothing and makes the district seal nothing. A refused bundle is answered with 4xx and a short
code ({"error": "bundle_tampered"}), never with the text of an exception.
"""
from __future__ import annotations

import json
import logging
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from sqlalchemy import func, select

from ..domain.errors import FulianError
from ..security.actor import Actor
from ..store import migrate
from ..store.models_sync import SyncAppliedBundle, SyncChange, SyncPeer
from ..store.store import Store
from .bundle import MAX_BUNDLE_BYTES, parse
from .errors import BundleDamaged, BundleForeign, BundleOutOfOrder, BundleTampered, BundleTooLarge, SenderOverreach
from .exchange import ExportResult, ImportResult, export_bundle, import_bundle
from .identity import identity

log = logging.getLogger(__name__)

EXCHANGE_PATH = "/sync/v1/exchange"
HELLO_PATH = "/sync/v1/hello"
SERVICE = "fulian-sync"
REQUEST_TIMEOUT_S = 120
HEADER_TIMEOUT_S = 30
"""Seconds for the TLS handshake, or the request line and headers, as a whole (a byte now and then keeps no
connection open: each read's own timeout alone would let it)."""
MAX_CONNECTIONS = 32
"""Connections served at once (a thread each); a further one is answered busy and closed at once."""
"""Seconds a connection may stay silent (a stalled upload, a client that never finishes its headers)."""
MIN_UPLOAD_RATE = 32 * 1024
"""Bytes per second a station must send its bundle at, on average (a village line is slow, but not this slow)."""
MAX_UPLOADS = 2
"""Bundles read into memory at once (each may be up to MAX_BUNDLE_BYTES); a further station waits or hears busy."""
UPLOAD_WAIT_S = 60
LOCK_WAIT_S = 300
"""Seconds a request waits for the import before it is answered 503 busy (the station tries again later)."""
BUNDLE_TYPE = "application/octet-stream"
APPLIED_HEADER = "X-Sync-Applied"
WRITTEN_HEADER = "X-Sync-Written"

# Status of each refusal the station may hear; the code itself is the bundle error's own code.
_STATUS: tuple[tuple[type[FulianError], int], ...] = (
    (BundleTooLarge, 413), (BundleDamaged, 400), (BundleTampered, 403), (BundleForeign, 403),
    (SenderOverreach, 403), (BundleOutOfOrder, 409))


@dataclass(frozen=True)
class Answer:
    """What the district did with one station's bundle and what it sends back (None: nothing new)."""

    sent: ImportResult
    bundle: bytes | None
    down: ExportResult | None


def hello(store: Store) -> dict[str, Any]:
    """What the service says about itself: nothing but who it is (its station id) and its schema."""
    with store.uow() as uow:
        ident = identity(uow)
        station = ident.station_id if ident is not None else ""
    return {"service": SERVICE, "version": 1, "station_id": station, "schema": migrate.head_revision()}


def _news_for(store: Store, station_id: str) -> tuple[str, bool]:
    """(unit of the station, whether anything was changed here since it last acknowledged)."""
    with store.uow() as uow:
        peer = uow.s.get(SyncPeer, station_id)
        unit, acked = (peer.unit_id, peer.acked_seq) if peer is not None else ("", 0)
        newest = uow.s.execute(select(func.coalesce(func.max(SyncChange.seq), 0))).scalar_one()
    if peer is None:      # retired between its import and now: nothing goes back to it
        raise BundleForeign("此同步包来自未登记的站点，无法确认来源。已拒绝导入，数据未改变。", code="bundle_unknown_sender")
    return unit, newest > acked


def answer(store: Store, actor: Actor, body: bytes) -> Answer:
    """Import a station's bundle, then seal what the district has for that station. Raises the bundle's
    refusal (a SyncError) with nothing changed but the audited refusal."""
    sent = import_bundle(store, actor, body)
    sender = parse(body).header["sender_station"]   # verified: import_bundle checked its signature
    unit, news = _news_for(store, sender)
    if not sent.applied and (not news or _replayed(store, sent.bundle_id)):
        return Answer(sent, None, None)   # nothing came and nothing goes: no bundle, no audit entry
    data, down = export_bundle(store, actor, unit)
    return Answer(sent, data, down)


def _replayed(store: Store, bundle_id: str) -> bool:
    """A bundle imported here before, sent again: a station never sends the same bundle twice (each exchange
    seals a new one), so this is a copy replayed by someone else: nothing is sealed for it."""
    with store.uow() as uow:
        found = uow.s.get(SyncAppliedBundle, bundle_id) is not None
    return found


def written_records(result: ImportResult) -> int:
    """Records written by an import: not older versions, reference rows, conflicts, nor the sender's audit
    entries (each sync adds its own two, which travel with the next one)."""
    return sum(v for k, v in result.counts.items()
               if not k.startswith(("older:", "ref:")) and k not in ("conflicts", "audit"))


def refusal_status(exc: FulianError) -> int:
    for kind, status in _STATUS:
        if isinstance(exc, kind):
            return status
    return 422


class SyncService:
    """The district's store and the key holder acting for it; one import at a time."""

    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor
        self.lock = threading.Lock()
        self.uploads = threading.BoundedSemaphore(MAX_UPLOADS)

    def hello(self) -> dict[str, Any]:
        return hello(self.store)

    def exchange(self, body: bytes) -> Answer:
        if not self.lock.acquire(timeout=LOCK_WAIT_S):
            raise TimeoutError("busy")
        try:
            return answer(self.store, self.actor, body)
        finally:
            self.lock.release()


def _deadline(sock: Any) -> threading.Timer:
    """Shut `sock` down after HEADER_TIMEOUT_S unless cancelled first (the blocked read then ends)."""
    def cut() -> None:
        try:
            socket.socket.shutdown(sock, socket.SHUT_RDWR)   # the plain socket's: safe beside a TLS read
        except OSError:
            pass
    timer = threading.Timer(HEADER_TIMEOUT_S, cut)
    timer.daemon = True
    timer.start()
    return timer


_BUSY = (b"HTTP/1.1 503 Service Unavailable\r\nServer: " + SERVICE.encode() + b"\r\nContent-Type: application/json; "
         b"charset=utf-8\r\nContent-Length: 17\r\nConnection: close\r\n\r\n{\"error\": \"busy\"}")


class _Handler(BaseHTTPRequestHandler):
    server: "SyncHTTPServer"
    timeout = REQUEST_TIMEOUT_S
    protocol_version = "HTTP/1.1"

    def handle_one_request(self) -> None:
        self._headers_due = _deadline(self.connection)   # cancelled once the headers are in (parse_request)
        try:
            super().handle_one_request()
        finally:
            self._headers_due.cancel()

    def parse_request(self) -> bool:
        ok = super().parse_request()
        self._headers_due.cancel()      # the body has its own deadline (_read_body)
        return ok

    def version_string(self) -> str:
        return SERVICE   # no Python version, no library version: nothing to look a weakness up by

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        log.info("%s %s", self.client_address[0], format % args)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Every error is a short JSON code: never the request line or an exception echoed back."""
        self._json(code, {"error": {400: "bad_request", 404: "not_found", 408: "timeout", 411: "length_required",
                                    413: "bundle_too_large", 501: "not_found"}.get(code, "error")})

    def _json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if status >= 400:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _read_body(self, length: int) -> bytes | None:
        """The body, or None when the client sends it slower than MIN_UPLOAD_RATE on average after a grace of
        REQUEST_TIMEOUT_S (the whole body has a deadline, not only each read, and it grows with the bytes that
        arrived, never with the length claimed: a client trickling a byte a minute is dropped all the same)."""
        start = time.monotonic()
        parts, left = [], length
        try:
            while left:
                chunk = self.rfile.read1(min(left, 1 << 20))
                if not chunk:
                    break
                parts.append(chunk)
                left -= len(chunk)
                if left and time.monotonic() - start > REQUEST_TIMEOUT_S + (length - left) / MIN_UPLOAD_RATE:
                    return None
        except (TimeoutError, socket.timeout, OSError):
            return None
        return b"".join(parts)

    def _told(self, result: Answer) -> None:
        """Whether the station's bundle was new here and how many of its records were written (numbers only)."""
        self.send_header(APPLIED_HEADER, "1" if result.sent.applied else "0")
        self.send_header(WRITTEN_HEADER, str(written_records(result.sent)))

    def _not_found(self) -> None:
        self._json(404, {"error": "not_found"})

    do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_found

    def do_GET(self) -> None:
        if self.path != HELLO_PATH:
            self._not_found()
            return
        try:
            said = self.server.service.hello()
        except Exception:
            log.exception("sync hello failed")
            self._json(500, {"error": "server_error"})
            return
        self._json(200, said)

    def do_POST(self) -> None:
        if self.path != EXCHANGE_PATH:
            self._not_found()
            return
        raw = self.headers.get("Content-Length")
        if raw is None or not (raw.isascii() and raw.isdigit()) or "Transfer-Encoding" in self.headers \
                or len(self.headers.get_all("Content-Length") or ()) != 1:
            self._json(411, {"error": "length_required"})   # one plain length, and no other framing beside it
            return
        if len(raw) > len(str(MAX_BUNDLE_BYTES)) or int(raw) > MAX_BUNDLE_BYTES:   # before a byte is read
            self._json(413, {"error": "bundle_too_large"})
            return
        length = int(raw)
        service = self.server.service
        if not service.uploads.acquire(timeout=UPLOAD_WAIT_S):   # bodies held in memory at once: a few
            self._json(503, {"error": "busy"})
            return
        try:
            body = self._read_body(length)
            if body is None:
                self._json(408, {"error": "timeout"})
                return
            if len(body) != length:
                self._json(400, {"error": "bundle_damaged"})
                return
            try:
                result = service.exchange(body)
            except TimeoutError:
                self._json(503, {"error": "busy"})
                return
            except FulianError as exc:
                log.info("sync bundle refused from %s: %s", self.client_address[0], exc.code)
                self._json(refusal_status(exc), {"error": exc.code})
                return
            except Exception:
                log.exception("sync exchange failed")
                self._json(500, {"error": "server_error"})
                return
        finally:
            service.uploads.release()
        if result.bundle is None:
            self.send_response(204)
            self._told(result)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self._told(result)
        self.send_header("Content-Type", BUNDLE_TYPE)
        self.send_header("Content-Length", str(len(result.bundle)))
        self.end_headers()
        self.wfile.write(result.bundle)


class SyncHTTPServer(ThreadingHTTPServer):
    """The service on a socket; with `tls`, every connection is wrapped in the worker thread (a client that
    stalls its handshake holds up no one else)."""

    daemon_threads = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], service: SyncService, tls: ssl.SSLContext | None = None) -> None:
        self.service = service
        self.tls = tls
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """A thread for the connection while fewer than MAX_CONNECTIONS are served; else busy, closed at once."""
        if not self.slots.acquire(blocking=False):
            if self.tls is None:
                try:
                    request.settimeout(0)
                    request.send(_BUSY)
                except OSError:
                    pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def finish_request(self, request: Any, client_address: Any) -> None:
        if self.tls is not None:
            request.settimeout(REQUEST_TIMEOUT_S)
            handshake = _deadline(request)
            try:
                request = self.tls.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):
                return
            finally:
                handshake.cancel()
            try:
                super().finish_request(request, client_address)
            finally:
                request.close()
            return
        super().finish_request(request, client_address)


def tls_context(cert: str, key: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert, key)
    return context


def make_server(store: Store, actor: Actor, host: str, port: int, tls: ssl.SSLContext | None = None) -> SyncHTTPServer:
    return SyncHTTPServer((host, port), SyncService(store, actor), tls)
