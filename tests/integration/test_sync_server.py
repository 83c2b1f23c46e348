"""Stations syncing with the district over the network, through the district's sync service
(`fulian sync serve`, sync/service.py) started in a thread of the test on a loopback port: the same sealed
bundles as on a USB drive, and nothing else crosses. A case goes up (`fulian sync --server URL`), a referral
comes down and its acceptance goes back up; a tampered, forged, retired or oversized bundle is refused with a
short code and changes nothing; a server that is not our district is refused before anything is sent."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop import cli
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.errors import NotAStore, StoreError, ValidationError
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.cases import cases
from fulian_desktop.services.referral import referrals
from fulian_desktop.store.models import Case
from fulian_desktop.store.store import Store
from fulian_desktop.sync import stations
from fulian_desktop.sync.bundle import MAX_BUNDLE_BYTES, new_key_pairs, public_keys, seal
from fulian_desktop.sync.direct import ServerUnreachable, SyncRefused, sync_with_server
from fulian_desktop.sync.exchange import export_bundle
from fulian_desktop.sync.identity import ensure_identity, identity
from fulian_desktop.sync.service import EXCHANGE_PATH, HELLO_PATH, tls_context
from tests.support.stores import PASSPHRASE, TOWN_A, VILLAGE_A1, add_user, build_org, first_login, new_store
from tests.support.sync_service import self_signed, serving, url_of
from tests.support.sync_stations import Stations, fingerprint, make_stations


@pytest.fixture
def st(tmp_path: Path):  # noqa: ANN201
    made = make_stations(tmp_path)
    try:
        yield made
    finally:
        made.close()


def _titles(store: Store) -> set[str]:
    with store.uow() as uow:
        return set(uow.s.execute(select(Case.title)).scalars())


def _case(store: Store, unit_id: str, title: str) -> str:
    with store.uow(write=True) as uow:
        return cases.create_case(uow, system_actor(store), cases.NewCase(
            title=title, kind=CaseKind.PETITION, unit_id=unit_id)).row.id


def _post(url: str, body: bytes) -> tuple[int, dict]:
    request = urllib.request.Request(url + EXCHANGE_PATH, data=body, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, {}
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def _village_station(st: Stations) -> str:
    with st.village.uow() as uow:
        return identity(uow).station_id


def test_a_case_goes_up_and_a_referral_comes_down_over_http(
        st: Stations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    add_user(st.district, "quzhan", Role.MEDIATOR, st.org.district, display_name="区调解员")
    add_user(st.district, "jie", Role.MEDIATOR, st.unit(TOWN_A), display_name="街道调解员")
    _case(st.village, st.unit(VILLAGE_A1), "村里离线登记的")
    _case(st.district, st.unit(VILLAGE_A1), "区里替村登记的")
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    with serving(st.district) as server:
        url = url_of(server)
        st.village.close()   # the command line opens the village's store itself, as a station's desk would
        assert cli.main(["--data-dir", str(tmp_path / "village"), "sync", "--server", url]) == 0
        out = capsys.readouterr().out
        assert "望城区已导入本站的同步包" in out and "已导入来自望城区的同步包" in out
        assert {"村里离线登记的", "区里替村登记的"} <= _titles(st.district)
        assert cli.main(["--data-dir", str(tmp_path / "village"), "sync", "--server", url]) == 0
        assert "数据未改变" in capsys.readouterr().out

        # A referral down to the town station, accepted there, its acceptance back up: all over HTTP.
        sync_with_server(st.town, system_actor(st.town), url)          # the town's users arrive
        case_id = _case(st.district, st.org.district, "区里交办街道的")
        qu = first_login(st.district, "quzhan")
        with st.district.uow(write=True) as uow:
            referral = referrals.refer_to_tier(uow, qu, case_id, st.unit(TOWN_A), "由街道就近调解。")
        down = sync_with_server(st.town, system_actor(st.town), url)
        assert down.received.applied and down.records_in >= 2
        jie = first_login(st.town, "jie")
        with st.town.uow(write=True) as uow:
            assert [i.case_title for i in referrals.inbox(uow, jie)] == ["区里交办街道的"]
            referrals.accept(uow, jie, referral.id, "街道接收")
        up = sync_with_server(st.town, system_actor(st.town), url)
        assert up.sent.applied and up.records_out >= 1
    with st.district.uow() as uow:
        assert referrals.get_referral(uow, system_actor(st.district), referral.id).status == "accepted"
        assert uow.s.get(Case, case_id).owner_unit_id == st.unit(TOWN_A)


def test_fulian_sync_serve_runs_until_the_service_manager_stops_it(st: Stations, tmp_path: Path) -> None:
    _case(st.village, st.unit(VILLAGE_A1), "经命令行服务上报的")
    st.district.close()                                 # the service opens the district's store itself
    env = {**os.environ, "FULIAN_PASSPHRASE": PASSPHRASE}
    service = subprocess.Popen([sys.executable, "-m", "fulian_desktop", "--data-dir", str(tmp_path / "district"),
                                "sync", "serve", "--listen", "127.0.0.1:0"], cwd=Path(__file__).parents[2],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert service.stdout is not None
        started = service.stdout.readline()
        assert started.startswith("区平台同步服务已启动：http://127.0.0.1:"), started + (service.stderr.read()
                                                                                if service.poll() is not None else "")
        result = sync_with_server(st.village, system_actor(st.village), started.split("：", 1)[1].strip())
        assert result.sent.applied and result.records_out >= 1
    finally:
        service.send_signal(signal.SIGTERM)
        out, _err = service.communicate(timeout=60)
    assert service.returncode == 0 and "区平台同步服务已停止。" in out


def test_a_tampered_or_forged_bundle_is_refused_and_changes_nothing(st: Stations) -> None:
    _case(st.village, st.unit(VILLAGE_A1), "村里的")
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    tampered = bytearray(data)
    tampered[len(data) // 2] ^= 0x01
    with st.village.uow() as uow:
        ident = identity(uow)
        header = {"format": 1, "bundle_id": "forged-1", "sender_station": ident.station_id,
                  "sender_unit": ident.unit_id, "receiver_station": "", "from_seq": 0, "to_seq": 99, "ack": 0}
    with st.district.uow() as uow:
        header["receiver_station"] = identity(uow).station_id
        ident = identity(uow)
        district_box = public_keys(ident.sign_private, ident.box_private)[1]
    sign, _box = new_key_pairs()                   # a key the district never registered
    forged = seal(header, {"changes": {}}, sign_private=sign, receiver_box_public=district_box)
    before = fingerprint(st.district)
    with serving(st.district) as server:
        assert _post(url_of(server), bytes(tampered)) == (403, {"error": "bundle_tampered"})
        assert _post(url_of(server), forged) == (403, {"error": "bundle_tampered"})
        assert _post(url_of(server), b"not a bundle") == (400, {"error": "bundle_damaged"})
    assert fingerprint(st.district) == before
    assert "村里的" not in _titles(st.district)


def test_a_retired_station_is_refused_with_the_catalogue_message(st: Stations) -> None:
    with st.district.uow(write=True) as uow:
        stations.retire_station(uow, system_actor(st.district), _village_station(st))
    _case(st.village, st.unit(VILLAGE_A1), "停用后登记的")
    before = fingerprint(st.district)
    with serving(st.district) as server, pytest.raises(SyncRefused) as refused:
        sync_with_server(st.village, system_actor(st.village), url_of(server))
    assert refused.value.code == "bundle_retired_sender"
    assert refused.value.message.startswith("区平台拒收了本站的同步包：本站已被区里停用")
    assert fingerprint(st.district) == before


def test_an_oversized_body_is_refused_by_its_length_before_it_is_read(st: Stations) -> None:
    before = fingerprint(st.district)
    with serving(st.district) as server:
        host, port = server.server_address[:2]
        with socket.create_connection((host, port), timeout=20) as conn:
            conn.sendall(f"POST {EXCHANGE_PATH} HTTP/1.1\r\nHost: {host}\r\n"
                         f"Content-Length: {MAX_BUNDLE_BYTES + 1}\r\n\r\n".encode())   # and no body at all
            raw = b""
            while chunk := conn.recv(4096):              # the service closes the connection after refusing
                raw += chunk
        answer = raw.decode()
        assert answer.startswith("HTTP/1.1 413") and answer.endswith('{"error": "bundle_too_large"}')
        assert "Python" not in answer and "Server: fulian-sync\r\n" in answer
    assert fingerprint(st.district) == before


def test_nothing_but_the_two_paths_is_served(st: Stations) -> None:
    with serving(st.district) as server:
        url = url_of(server)
        with urllib.request.urlopen(url + HELLO_PATH, timeout=10) as response:
            said = json.loads(response.read())
        with st.district.uow() as uow:
            assert said == {"service": "fulian-sync", "version": 1, "station_id": identity(uow).station_id,
                            "schema": said["schema"]}
        for method, path in (("GET", "/"), ("GET", EXCHANGE_PATH), ("POST", HELLO_PATH), ("PUT", EXCHANGE_PATH),
                             ("GET", "/../store/fulian.db"), ("DELETE", EXCHANGE_PATH)):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(urllib.request.Request(url + path, data=b"" if method in ("POST", "PUT")
                                                              else None, method=method), timeout=10)
            assert refused.value.code == 404 and json.loads(refused.value.read()) == {"error": "not_found"}


def test_a_server_that_is_not_our_district_is_refused_before_anything_is_sent(st: Stations, tmp_path: Path) -> None:
    other = new_store(tmp_path / "other").store
    try:
        build_org(other)
        with other.uow(write=True) as uow:
            ensure_identity(uow)                      # a station of its own, not one registered here
        export_ok = fingerprint(st.village), fingerprint(other)
        with serving(other) as server, pytest.raises(NotAStore) as refused:
            sync_with_server(st.village, system_actor(st.village), url_of(server))
        assert refused.value.code == "sync_server_not_district"
        assert (fingerprint(st.village), fingerprint(other)) == export_ok
    finally:
        other.close()


def test_over_tls_with_the_district_certificate_and_refused_without_it(st: Stations, tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    _case(st.village, st.unit(VILLAGE_A1), "经 TLS 上报的")
    with serving(st.district, tls=tls_context(str(cert), str(key))) as server:
        url = url_of(server)
        before = fingerprint(st.village)
        with pytest.raises(StoreError) as refused:   # a certificate no CA of this computer signed
            sync_with_server(st.village, system_actor(st.village), url)
        assert refused.value.code == "sync_server_certificate" and "?ca=" in refused.value.message
        assert fingerprint(st.village) == before
        result = sync_with_server(st.village, system_actor(st.village), f"{url}?ca={cert}")
    assert result.sent.applied and "经 TLS 上报的" in _titles(st.district)


def test_an_unreachable_service_is_said_quietly(st: Stations) -> None:
    before = fingerprint(st.village)
    with pytest.raises(ServerUnreachable) as refused:
        sync_with_server(st.village, system_actor(st.village), "http://127.0.0.1:1")
    assert refused.value.message.startswith("未能连接区平台（127.0.0.1:1），数据未改变。")
    assert fingerprint(st.village) == before


@pytest.mark.parametrize("url, says", [
    ("postgresql://fulian@10.0.0.2:5432/fulian?sslmode=require", "从不连接区平台的数据库"),
    ("http://10.0.0.2:8443", "须用 https://"),
    ("https://fulian:secret@10.0.0.2:8443", "不要写用户名或密码"),
])
def test_a_database_or_plain_http_address_is_refused_before_connecting(st: Stations, url: str, says: str) -> None:
    with pytest.raises(ValidationError) as refused:
        sync_with_server(st.village, system_actor(st.village), url)
    assert says in refused.value.message
