"""Attacks on the district's sync service (`fulian sync serve`) and the station's client, from a hostile station,
a stranger on the network or a misbehaving server: every one is refused and changes nothing. The service runs in
a thread of the test on loopback, port 0; every loop here is bounded."""
from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.domain.errors import FulianError, NotAStore
from fulian_desktop.domain.sync_address import parse_sync_address
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.cases import cases
from fulian_desktop.store.models import AuditEntry
from fulian_desktop.store.store import Store
from fulian_desktop.sync import service
from fulian_desktop.sync.direct import DistrictClient
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from fulian_desktop.sync.service import EXCHANGE_PATH, HELLO_PATH
from tests.support.stores import VILLAGE_A1
from tests.support.sync_service import serving
from tests.support.sync_stations import Stations, fingerprint, make_stations


@pytest.fixture
def st(tmp_path: Path) -> Iterator[Stations]:
    made = make_stations(tmp_path)
    try:
        yield made
    finally:
        made.close()


def _case(store: Store, unit_id: str, title: str) -> str:
    with store.uow(write=True) as uow:
        return cases.create_case(uow, system_actor(store), cases.NewCase(
            title=title, kind=CaseKind.PETITION, unit_id=unit_id)).row.id


def _raw(host: str, port: int, request: bytes, wait: float = 20) -> bytes:
    """Send raw bytes, read until the service closes the connection (or `wait` seconds of silence)."""
    with socket.create_connection((host, port), timeout=wait) as conn:
        conn.sendall(request)
        got = b""
        try:
            while chunk := conn.recv(4096):
                got += chunk
        except TimeoutError:
            pass
    return got


def _handler_threads() -> int:
    return sum(1 for t in threading.enumerate() if "process_request" in t.name)


def _exports(store: Store) -> int:
    with store.uow() as uow:
        return len(uow.s.execute(select(AuditEntry.id).where(AuditEntry.action == "sync_export")).all())


def test_a_replayed_bundle_is_skipped_and_the_district_answers_nothing(st: Stations) -> None:
    """Someone who copied a station's old bundle posts it again: the district recognises it, writes nothing,
    and seals nothing (before: it exported and audited a fresh bundle for that station on each replay)."""
    _case(st.village, st.unit(VILLAGE_A1), "村里上报过的")
    old, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    assert import_bundle(st.district, system_actor(st.district), old).applied
    _case(st.district, st.unit(VILLAGE_A1), "区里新交办的")      # something waits for the village
    before, exports = fingerprint(st.district), _exports(st.district)
    with serving(st.district) as server:
        host, port = server.server_address[:2]
        answer = _raw(host, port, f"POST {EXCHANGE_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                  f"Content-Length: {len(old)}\r\n\r\n".encode() + old)
    assert answer.startswith(b"HTTP/1.1 204"), answer[:200]
    assert b"X-Sync-Applied: 0" in answer
    assert _exports(st.district) == exports
    assert fingerprint(st.district) == before


def test_a_content_length_of_thousands_of_digits_is_refused_with_a_short_code(st: Stations) -> None:
    """A Content-Length too long to be a number (int() refuses over 4300 digits) must not crash the handler."""
    with serving(st.district) as server:
        host, port = server.server_address[:2]
        answer = _raw(host, port, f"POST {EXCHANGE_PATH} HTTP/1.1\r\nHost: x\r\n"
                                  f"Content-Length: {'9' * 5000}\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert answer.endswith(b'{"error": "bundle_too_large"}')


def test_chunked_transfer_encoding_is_refused_even_beside_a_content_length(st: Stations) -> None:
    """Both framings at once (the classic smuggling request: a proxy in front reads one, the service the
    other): refused whole and nothing imported, never read by its Content-Length as if the other were not there."""
    _case(st.village, st.unit(VILLAGE_A1), "两种分块方式同时声明的")
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    before = fingerprint(st.district)
    with serving(st.district) as server:
        host, port = server.server_address[:2]
        answer = _raw(host, port, f"POST {EXCHANGE_PATH} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                  f"Content-Length: {len(data)}\r\n\r\n".encode() + data)
    assert answer.startswith(b"HTTP/1.1 411"), answer[:200]
    assert fingerprint(st.district) == before


def test_many_idle_connections_do_not_each_get_a_thread(st: Stations) -> None:
    """A cheap denial of service: open a hundred connections and send nothing. The service holds at most
    MAX_CONNECTIONS of them; the others are answered busy and closed at once."""
    with serving(st.district) as server:
        host, port = server.server_address[:2]
        idle = [socket.create_connection((host, port), timeout=10) for _ in range(100)]
        try:
            closed = 0
            for conn in idle[-20:]:                  # the last ones came after the cap was reached
                conn.settimeout(3)
                try:
                    closed += conn.recv(4096).startswith(b"HTTP/1.1 503") or 0
                except TimeoutError:
                    pass
            assert closed == 20
            assert _handler_threads() <= service.MAX_CONNECTIONS
        finally:
            for conn in idle:
                conn.close()


@pytest.mark.skipif("FAKETIME" in os.environ, reason="libfaketime (the shifted-clock run) stalls threading.Timer's timed wait, "
                    "so the header deadline is checked on the real clock only")
def test_a_client_trickling_its_headers_is_dropped(st: Stations, monkeypatch: pytest.MonkeyPatch) -> None:
    """Slow headers (a byte now and then, each within the socket timeout) must not hold a connection for
    ever: the request line and headers have one deadline together."""
    monkeypatch.setattr(service, "HEADER_TIMEOUT_S", 1, raising=False)
    with serving(st.district) as server:
        host, port = server.server_address[:2]
        with socket.create_connection((host, port), timeout=5) as conn:
            conn.sendall(f"GET {HELLO_PATH} HTTP/1.1\r\n".encode())
            dropped = False
            for i in range(40):                      # 40 × 0.25 s: far beyond the deadline
                time.sleep(0.25)
                try:
                    conn.sendall(f"X-Slow-{i}: a\r\n".encode())
                    conn.settimeout(0.01)
                    if conn.recv(1) == b"":
                        dropped = True
                        break
                except TimeoutError:
                    continue
                except OSError:
                    dropped = True
                    break
            assert dropped


@contextmanager
def _lying_server(headers: dict[str, str], body: bytes = b"") -> Iterator[str]:
    """A server that answers every POST with these headers (a misconfigured or hostile district)."""

    class Liar(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Liar)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.mark.parametrize("headers", [
    {"Content-Length": "\u00b2"},                                   # a digit to str.isdigit, not to int()
    {"Content-Length": "2", "X-Sync-Written": "\u00b9"},
    {"Content-Length": "2", "X-Sync-Written": "9" * 5000},
], ids=["superscript-length", "superscript-written", "huge-written"])
def test_the_client_refuses_a_lying_answer_in_words(headers: dict[str, str]) -> None:
    """The station's client reads the district's numbers as hostile too: a header that is no plain number is
    a refusal with a Chinese message, never a ValueError out of the sync button."""
    with _lying_server(headers, b"xx") as url:
        client = DistrictClient(parse_sync_address(url))
        try:
            applied, records, _data = client.exchange(b"bundle")
        except FulianError as refused:
            assert "数据未改变" in refused.message
        else:
            assert (applied, records) == (False, 0)


def test_a_trickled_body_is_dropped_by_what_has_arrived_not_by_what_was_claimed(
        st: Stations, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two connections claiming a 500 MB bundle and sending ten bytes now and then held both upload slots (and so
    every station's sync) for hours: the deadline grew with the length claimed, not the bytes received. The
    body must keep MIN_UPLOAD_RATE on average over what has arrived."""
    monkeypatch.setattr(service, "REQUEST_TIMEOUT_S", 1)      # the grace before the rate counts (120 s in service)
    with serving(st.district) as server:
        host, port = server.server_address[:2]
        with socket.create_connection((host, port), timeout=5) as conn:
            conn.sendall(f"POST {EXCHANGE_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: {500 << 20}\r\n\r\n".encode())
            answer = b""
            for _ in range(40):                       # 40 × 0.3 s: far beyond grace plus 400 bytes at the rate
                time.sleep(0.3)
                try:
                    conn.sendall(b"FULIAN-SYN")
                    conn.settimeout(0.01)
                    answer += conn.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if answer:
                    break
    assert answer.startswith(b"HTTP/1.1 408"), answer[:100]


def test_the_client_refuses_a_hello_nested_too_deep_in_words() -> None:
    """A server at the named address answers hello with four thousand '[': json.loads gives up with a
    RecursionError, which must become "no district sync service there", not a traceback."""
    with _lying_server({}, b"[" * 4000) as url, pytest.raises(NotAStore) as refused:
        DistrictClient(parse_sync_address(url)).hello()
    assert refused.value.code == "sync_server_not_service"
