"""What each station receives: a village its own cases and those assigned to it, a town its villages', the
district everything. Attachments travel with their contents; station audit entries reach the district;
a case assigned down (交办) while offline is accepted at the village like any other; the direct
connection exchanges the same bundles."""
from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from fulian_desktop.domain.attachments import AttachmentType
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.services.attachments import attachments
from fulian_desktop.services.cases import cases
from fulian_desktop.services.referral import referrals
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.models import AuditEntry, Case
from fulian_desktop.store.models_sync import SyncRemoteAudit
from fulian_desktop.sync.direct import sync_direct
from tests.support.stores import TOWN_A, TOWN_B, VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, add_user, first_login
from tests.support.sync_stations import Stations, deliver, make_stations


@pytest.fixture
def stations(tmp_path):  # noqa: ANN001, ANN201
    st = make_stations(tmp_path)
    yield st
    st.close()


def _case(store, unit_id: str, title: str) -> str:  # noqa: ANN001
    with store.uow(write=True) as uow:
        return cases.create_case(uow, system_actor(store), cases.NewCase(title=title, kind=CaseKind.PETITION,
                                                                         unit_id=unit_id)).row.id


def _titles(store) -> set[str]:  # noqa: ANN001
    with store.uow() as uow:
        return set(uow.s.execute(select(Case.title)).scalars())


def _everyone_syncs(st: Stations) -> None:
    deliver(st.village, st.district, st.org.district)
    deliver(st.town, st.district, st.org.district)
    deliver(st.district, st.town, st.unit(TOWN_A))
    deliver(st.district, st.village, st.unit(VILLAGE_A1))


def test_each_station_receives_only_its_scope(stations: Stations) -> None:
    st = stations
    for unit in (VILLAGE_A1, VILLAGE_A2, TOWN_A, TOWN_B, VILLAGE_B1):
        _case(st.district, st.unit(unit), f"{unit}的案件")
    _case(st.district, st.org.district, "区本级的案件")
    _everyone_syncs(st)
    assert _titles(st.village) == {f"{VILLAGE_A1}的案件"}
    assert _titles(st.town) == {f"{VILLAGE_A1}的案件", f"{VILLAGE_A2}的案件", f"{TOWN_A}的案件"}
    assert len(_titles(st.district)) == 6
    # Cases the village opens offline reach the town (its parent) through the district, and nothing else moves.
    _case(st.village, st.unit(VILLAGE_A1), "村里离线登记的")
    _everyone_syncs(st)
    assert "村里离线登记的" in _titles(st.town) and "村里离线登记的" in _titles(st.district)
    assert _titles(st.village) == {f"{VILLAGE_A1}的案件", "村里离线登记的"}


def test_a_case_assigned_down_while_offline_is_accepted_at_the_village(stations: Stations) -> None:
    st = stations
    add_user(st.district, "jie", Role.MEDIATOR, st.unit(TOWN_A), display_name="街道调解员")
    add_user(st.district, "cun", Role.MEDIATOR, st.unit(VILLAGE_A1), display_name="郭亮调解员")
    _everyone_syncs(st)
    jie, cun = first_login(st.town, "jie"), first_login(st.village, "cun")
    case_id = _case(st.town, st.unit(TOWN_A), "街道交办的案件")
    with st.town.uow(write=True) as uow:
        referral = referrals.refer_to_tier(uow, jie, case_id, st.unit(VILLAGE_A1), "由村里就近调解。")
    _everyone_syncs(st)
    with st.village.uow(write=True) as uow:
        assert [i.case_title for i in referrals.inbox(uow, cun)] == ["街道交办的案件"]
        referrals.accept(uow, cun, referral.id, "村里接收")
    _everyone_syncs(st)
    _everyone_syncs(st)
    for store in (st.district, st.town, st.village):
        with store.uow() as uow:
            case = uow.s.get(Case, case_id)
            assert case.owner_unit_id == st.unit(VILLAGE_A1)
            assert referrals.get_referral(uow, system_actor(store), referral.id).status == "accepted"


def test_attachments_travel_with_their_contents(stations: Stations) -> None:
    st = stations
    case_id = _case(st.village, st.unit(VILLAGE_A1), "带附件的案件")
    content = "调解申请书：".encode() + bytes(range(256)) * 4000   # about 1 MB, several chunks
    with st.village.uow(write=True) as uow:
        view = attachments.attach(uow, system_actor(st.village), case_id, io.BytesIO(content),
                                  doc_type=AttachmentType.EVIDENCE, filename="申请书.pdf")
    deliver(st.village, st.district, st.org.district)
    deliver(st.district, st.town, st.unit(TOWN_A))
    for store in (st.district, st.town):
        with store.uow(write=True) as uow:
            assert attachments.attachment_bytes(uow, system_actor(store), view.id) == content


def test_station_audit_entries_reach_the_district_and_its_chain_stays_whole(stations: Stations) -> None:
    st = stations
    _case(st.village, st.unit(VILLAGE_A1), "留痕")
    deliver(st.village, st.district, st.org.district)
    with st.village.uow() as uow:
        village_entries = uow.s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    with st.district.uow() as uow:
        kept = uow.s.execute(select(SyncRemoteAudit.entry)).scalars().all()
    assert len(kept) >= village_entries - 1 and any(e["action"] == "create" and e["entity"] == "case" for e in kept)
    # Sent again (no acknowledgement yet): nothing is stored twice.
    deliver(st.village, st.district, st.org.district)
    with st.district.uow() as uow:
        assert uow.s.execute(select(func.count()).select_from(SyncRemoteAudit)).scalar_one() >= len(kept)
        seqs = uow.s.execute(select(SyncRemoteAudit.seq)).scalars().all()
        assert len(seqs) == len(set(seqs))


def test_direct_connection_exchanges_both_ways(stations: Stations) -> None:
    st = stations
    _case(st.village, st.unit(VILLAGE_A1), "村里的")
    _case(st.district, st.unit(VILLAGE_A1), "区里替村登记的")
    result = sync_direct(st.village, system_actor(st.village), st.district, system_actor(st.district))
    assert result.sent.applied and result.received.applied
    assert _titles(st.village) == _titles(st.district) == {"村里的", "区里替村登记的"}


def test_one_number_given_twice_offline_is_settled_the_same_way_everywhere(stations: Stations) -> None:
    st = stations
    first = _case(st.village, st.unit(VILLAGE_A1), "村里先登记的")
    second = _case(st.district, st.unit(VILLAGE_A1), "区里后登记的")       # same series, same number
    _everyone_syncs(st)
    _everyone_syncs(st)
    numbers = []
    for store in (st.district, st.town, st.village):
        with store.uow() as uow:
            a, b = uow.s.get(Case, first), uow.s.get(Case, second)
            numbers.append((a.case_no, b.case_no))
            events = [e.summary for e in cases.case_detail(uow, system_actor(store), b).events]
        assert any("已被另一处离线登记的案件先用" in s for s in events)
    assert len(set(numbers)) == 1
    kept, moved = numbers[0]
    assert moved.startswith(kept) and "重号" in moved


def test_a_party_arriving_by_bundle_is_found_by_name(stations: Stations) -> None:
    from fulian_desktop.domain.enums import PartyRole
    from fulian_desktop.domain.validation import PersonInput
    from fulian_desktop.services.cases import case_queries

    st = stations
    case_id = _case(st.village, st.unit(VILLAGE_A1), "查找当事人")
    with st.village.uow(write=True) as uow:
        cases.add_party(uow, system_actor(st.village), case_id, PersonInput(name="欧阳春华", sex="female"),
                        PartyRole.APPLICANT)
    deliver(st.village, st.district, st.org.district)
    with st.district.uow() as uow:
        found = case_queries.quick_search(uow, system_actor(st.district), "欧阳春华")
    assert [row.id for row in found] == [case_id]
