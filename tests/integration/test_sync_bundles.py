"""Bundles that arrive twice, out of order, half copied, altered, or at the wrong station: each is either
applied exactly once or refused with a message, and a refused bundle changes nothing in the store."""
from __future__ import annotations

import pytest

from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.services.cases import cases
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.sync.errors import BundleDamaged, BundleForeign, BundleOutOfOrder, BundleTampered
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from fulian_desktop.sync.identity import StationCard, add_peer, identity
from tests.support.stores import TOWN_A, TOWN_B, VILLAGE_A1
from tests.support.sync_stations import Stations, deliver, dump, fingerprint, make_stations, provision


@pytest.fixture
def stations(tmp_path):  # noqa: ANN001, ANN201
    st = make_stations(tmp_path)
    yield st
    st.close()


def _case(store, title: str) -> str:  # noqa: ANN001
    with store.uow(write=True) as uow:
        actor = system_actor(store)
        unit = identity(uow).unit_id   # the station's own unit
        return cases.create_case(uow, actor, cases.NewCase(title=title, kind=CaseKind.PETITION, unit_id=unit)).row.id


def _export(store, unit: str) -> bytes:  # noqa: ANN001
    return export_bundle(store, system_actor(store), unit)[0]


def _import(store, data: bytes):  # noqa: ANN001, ANN202
    return import_bundle(store, system_actor(store), data)


def _refused(store, data: bytes, error: type, words: str) -> None:  # noqa: ANN001
    before = fingerprint(store)
    with pytest.raises(error) as caught:
        _import(store, data)
    assert words in caught.value.message and "数据未改变" in caught.value.message
    assert fingerprint(store) == before


def test_replayed_and_reordered_bundles_apply_once(stations: Stations) -> None:
    st, district = stations, stations.org.district
    _case(st.village, "第一件")
    first = _export(st.village, district)
    _case(st.village, "第二件")
    second = _export(st.village, district)       # carries both cases: nothing was acknowledged yet
    result = _import(st.district, second)
    assert result.applied and result.counts["case_file"] == 2
    state = fingerprint(st.district)
    again = _import(st.district, second)
    assert not again.applied and "已导入过" in again.message
    older = _import(st.district, first)          # arrives late: already contained in the second
    assert not older.applied and "已包含" in older.message
    assert fingerprint(st.district) == state


def test_a_lost_bundle_costs_nothing(stations: Stations) -> None:
    st, district = stations, stations.org.district
    _case(st.village, "丢失的包里的案件")
    _export(st.village, district)                # this file never reaches the district
    _case(st.village, "下一件")
    result = _import(st.district, _export(st.village, district))
    assert result.counts["case_file"] == 2
    village_rows = dump(st.village, ("case_file",))["case_file"]
    assert dump(st.district, ("case_file",))["case_file"] == village_rows


def test_acknowledged_changes_are_not_sent_again(stations: Stations) -> None:
    st, district = stations, stations.org.district
    _case(st.village, "一件")
    deliver(st.village, st.district, district)
    deliver(st.district, st.village, st.unit(VILLAGE_A1))     # carries the acknowledgement
    _, later = export_bundle(st.village, system_actor(st.village), district)
    assert later.records == 0 and later.from_seq > 0


def test_truncated_and_tampered_bundles_are_refused(stations: Stations) -> None:
    st, district = stations, stations.org.district
    _case(st.village, "被篡改的包")
    data = _export(st.village, district)
    for cut in (10, len(data) // 2, len(data) - 1):
        _refused(st.district, data[:cut], BundleDamaged, "不完整")
    _refused(st.district, data + b"x", BundleDamaged, "不完整")
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01                  # one bit of the ciphertext
    _refused(st.district, bytes(flipped), BundleTampered, "签名校验失败")
    header_edit = data.replace(b'"to_seq": ', b'"to_seq": 9', 1)   # a forged header (and a wrong length)
    with pytest.raises((BundleDamaged, BundleTampered)):
        _import(st.district, header_edit)
    assert _import(st.district, data).applied    # the genuine file still goes in afterwards


def test_foreign_bundles_are_refused(stations: Stations, tmp_path) -> None:  # noqa: ANN001
    st = stations
    _case(st.village, "发给区里的")
    for_district = _export(st.village, st.org.district)
    _refused(st.town, for_district, BundleForeign, "不是发给")
    # A station the district never provisioned signs a bundle addressed to the district: unknown sender.
    stranger = provision(st.district, tmp_path / "stranger", TOWN_B)
    with st.district.uow(write=True) as uow:         # forget it again, as if it were never registered
        from fulian_desktop.store.models_sync import SyncPeer

        uow.s.delete(uow.s.get(SyncPeer, _station_id(stranger)))
    _case(stranger, "陌生站点的")
    data = _export(stranger, st.org.district)
    _refused(st.district, data, BundleForeign, "未登记的站点")
    stranger.close()


def _station_id(store) -> str:  # noqa: ANN001
    with store.uow() as uow:
        return identity(uow).station_id


def test_a_gap_is_refused_until_the_sender_exports_again(stations: Stations) -> None:
    st, district = stations, stations.org.district
    _case(st.village, "甲")
    deliver(st.village, st.district, district)
    deliver(st.district, st.village, st.unit(VILLAGE_A1))   # the village learns the district has it
    _case(st.village, "乙")
    newer = _export(st.village, district)
    # The district is restored from an older backup: it has lost what it had received.
    with st.district.uow(write=True) as uow:
        from fulian_desktop.store.models_sync import SyncPeer

        peer = uow.s.get(SyncPeer, _station_id(st.village))
        peer.received_seq = 0
    _refused(st.district, newer, BundleOutOfOrder, "缺少更早的同步包")
    # The village sends everything in the district's scope once; that fills the gap, and nothing doubles.
    full = export_bundle(st.village, system_actor(st.village), district, full=True)[0]
    assert _import(st.district, full).applied
    assert dump(st.district, ("case_file",))["case_file"] == dump(st.village, ("case_file",))["case_file"]
    assert len(dump(st.district, ("case_file",))["case_file"]) == 2


def test_a_peer_card_round_trips(stations: Stations) -> None:
    from fulian_desktop.sync.identity import my_card

    with stations.town.uow(write=True) as uow:
        card = my_card(uow)
    again = StationCard.from_json(card.to_json())
    assert again == card and again.unit_id == stations.unit(TOWN_A)
    with stations.village.uow(write=True) as uow:
        view = add_peer(uow, system_actor(stations.village), again)
    assert view.name == TOWN_A


def test_a_signed_bundle_with_an_ill_typed_header_is_refused(stations: Stations) -> None:
    """A genuine peer's signature over a header a correct program never writes (a text sequence number, a list
    for an id): refused as damaged once the signature checks, never a crash, nothing written."""
    from fulian_desktop.sync.bundle import parse, seal
    from fulian_desktop.sync.identity import peer_for_unit

    st = stations
    _case(st.village, "头部格式不对的包")
    genuine = parse(_export(st.village, st.org.district))
    with st.village.uow() as uow:
        ident, peer = identity(uow), peer_for_unit(uow, st.org.district)
        keys = {"sign_private": ident.sign_private, "receiver_box_public": peer.box_public}
    for field, value in (("to_seq", "9"), ("from_seq", None), ("bundle_id", ["x"]), ("ack", True), ("to_seq", -1)):
        data = seal({**genuine.header, field: value}, {"changes": {}, "refs": {}, "blobs": {}, "audit": []}, **keys)
        _refused(st.district, data, BundleDamaged, "头部信息格式不正确")
