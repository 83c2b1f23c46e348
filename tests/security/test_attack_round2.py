"""Second round of attacks on the trust boundaries of issue 13, each replayed on real stores through the real
services: a hostile village station (its own key, plain ORM writes, a normal export), low roles, a careless
clerk. Each test asserts the safe behaviour."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.services.cases import cases
from fulian_desktop.services.referral import referrals
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.models import Case
from fulian_desktop.sync.authority import SenderOverreach
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from tests.support.stores import TOWN_A, VILLAGE_A1, add_user, first_login
from tests.support.sync_stations import Stations, deliver, fingerprint, owner_of, staffed_stations, without_audit


@pytest.fixture
def stations(tmp_path: Path):  # noqa: ANN201
    st = staffed_stations(tmp_path)
    yield st
    st.close()




def _village_takes_the_case(st: Stations, case_id: str) -> None:
    """The village's key holder writes the case over to itself, as accepting it would."""
    with st.village.uow(write=True) as uow:
        case = uow.s.get(Case, case_id)
        case.owner_unit_id, case.tier, case.summary = st.unit(VILLAGE_A1), "village", "村里改写的情况"


def _assert_district_refuses(st: Stations, case_id: str) -> None:
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    before = fingerprint(st.district)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(st.district, system_actor(st.district), data)
    assert "已整体拒绝导入" in str(refused.value) and case_id in str(refused.value)
    assert without_audit(fingerprint(st.district)) == without_audit(before)
    assert owner_of(st.district, case_id) == st.unit(TOWN_A)


# --- 1. a referral the village answered long ago still gives it the case ------------------------------

def test_a_returned_assignment_gives_the_village_no_hold_on_the_case(stations: Stations) -> None:
    """The town assigns a case down; the village returns it. The old referral must not let the village's
    key holder later take the case over and rewrite it."""
    st = stations
    jie, cun = first_login(st.town, "jie"), first_login(st.village, "cun")
    with st.town.uow(write=True) as uow:
        case_id = cases.create_case(uow, jie, cases.NewCase(title="街道的案件", kind=CaseKind.MEDIATION)).row.id
        referral = referrals.refer_to_tier(uow, jie, case_id, st.unit(VILLAGE_A1), "请村里就近调解。")
    assert deliver(st.town, st.district, st.org.district).applied
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    with st.village.uow(write=True) as uow:
        referrals.return_referral(uow, cun, referral.id, "村里无力处理，退回街道。")
    assert deliver(st.village, st.district, st.org.district).applied
    _village_takes_the_case(st, case_id)
    _assert_district_refuses(st, case_id)


def test_a_case_handed_back_up_cannot_be_taken_back_by_the_village(stations: Stations) -> None:
    """The town assigns a case down, the village accepts it, later refers it back up and the town accepts.
    The first (accepted) assignment must not let the village take the case back over the town's version."""
    st = stations
    jie, cun = first_login(st.town, "jie"), first_login(st.village, "cun")
    with st.town.uow(write=True) as uow:
        case_id = cases.create_case(uow, jie, cases.NewCase(title="街道交办的案件", kind=CaseKind.MEDIATION)).row.id
        down = referrals.refer_to_tier(uow, jie, case_id, st.unit(VILLAGE_A1), "请村里就近调解。")
    assert deliver(st.town, st.district, st.org.district).applied
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    with st.village.uow(write=True) as uow:
        referrals.accept(uow, cun, down.id, "村里接收")
    with st.village.uow(write=True) as uow:
        up = referrals.refer_to_tier(uow, cun, case_id, st.unit(TOWN_A), "情况复杂，请街道处理。")
    assert deliver(st.village, st.district, st.org.district).applied
    assert deliver(st.district, st.town, st.unit(TOWN_A)).applied
    with st.town.uow(write=True) as uow:
        referrals.accept(uow, jie, up.id, "街道接收")
    assert deliver(st.town, st.district, st.org.district).applied
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    assert owner_of(st.district, case_id) == owner_of(st.village, case_id) == st.unit(TOWN_A)
    _village_takes_the_case(st, case_id)
    _assert_district_refuses(st, case_id)


# --- 2. the working-day calendar is the district's: a village cannot send one up ----------------------

@pytest.mark.parametrize("existing", [False, True], ids=["new_year", "district_year"])
def test_a_village_cannot_change_the_districts_calendar(stations: Stations, existing: bool) -> None:
    from fulian_desktop.store.base import utcnow
    from fulian_desktop.store.models import CalendarYear

    st = stations
    if existing:
        with st.district.uow(write=True) as uow:
            uow.s.add(CalendarYear(id="calendar-2027", year=2027, days={"2027-02-05": [False, "春节"]},
                                   complete=True, entered_by="区妇联"))
        assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    with st.village.uow(write=True) as uow:
        row = uow.s.get(CalendarYear, "calendar-2027")
        if row is None:
            row = CalendarYear(id="calendar-2027", year=2027, days={}, complete=False)
            uow.s.add(row)
        row.days = {"2027-03-01": [False, "村里自定的假日"]}
        row.complete, row.updated_at = True, utcnow()
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    before = fingerprint(st.district)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(st.district, system_actor(st.district), data)
    assert "calendar-2027" in str(refused.value)
    assert without_audit(fingerprint(st.district)) == without_audit(before)


# --- 3. a village that returned an assignment keeps receiving the victim's new address -----------------

SHELTER = "长沙市某某庇护所3号房"


def test_a_village_that_returned_an_assignment_no_longer_receives_her_new_address(stations: Stations) -> None:
    """The town assigns a domestic-violence case down; the village returns it. The town then moves her to a
    shelter and records the address. The village's key holder reads its own store directly: the shelter
    must not be there."""
    from fulian_desktop.domain.enums import PartyRole
    from fulian_desktop.domain.validation import PersonInput
    from fulian_desktop.store.models import CaseParty, Person

    st = stations
    jie, cun = first_login(st.town, "jie"), first_login(st.village, "cun")
    with st.town.uow(write=True) as uow:
        case_id = cases.create_case(uow, jie, cases.NewCase(title="街道的家暴案件", kind=CaseKind.MEDIATION)).row.id
        party = cases.add_party(uow, jie, case_id, PersonInput(name="周小红", sex="female", address="郭亮村5组"),
                                PartyRole.APPLICANT)
        referral = referrals.refer_to_tier(uow, jie, case_id, st.unit(VILLAGE_A1), "请村里就近调解。")
    assert deliver(st.town, st.district, st.org.district).applied
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    with st.village.uow(write=True) as uow:
        referrals.return_referral(uow, cun, referral.id, "村里无力处理，退回街道。")
    assert deliver(st.village, st.district, st.org.district).applied
    assert deliver(st.district, st.town, st.unit(TOWN_A)).applied
    with st.town.uow(write=True) as uow:
        row = uow.s.get(CaseParty, party.id)
        person = uow.s.get(Person, row.person_id)
        cases.update_party(uow, jie, party.id, person.version,
                           PersonInput(name="周小红", sex="female", address=SHELTER), contact_confidential=True)
    assert deliver(st.town, st.district, st.org.district).applied
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    with st.village.uow() as uow:
        addresses = list(uow.s.execute(select(Person.address)).scalars())
    assert SHELTER not in addresses


# --- 4. hidden characters arriving by sync, past the desks' text guard --------------------------------

@pytest.mark.parametrize("bad", ["\u202e", "\x00"], ids=["bidi_override", "nul"])
def test_a_station_cannot_send_hidden_characters_the_desks_refuse(stations: Stations, bad: str) -> None:
    """The village's key holder writes a case title with a bidi override (or NUL) by SQL, past the text guard
    of the desks, and exports: the district refuses the bundle, as its own desks would refuse the title."""
    from sqlalchemy import update

    st = stations
    cun = first_login(st.village, "cun")
    with st.village.uow(write=True) as uow:
        case_id = cases.create_case(uow, cun, cases.NewCase(title="村里的案件", kind=CaseKind.MEDIATION)).row.id
    with st.village.uow(write=True) as uow:
        uow.s.execute(update(Case).where(Case.id == case_id).values(title=f"周小红{bad}gpj.exe"))
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    before = fingerprint(st.district)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(st.district, system_actor(st.district), data)
    assert "控制字符" in str(refused.value) and case_id in str(refused.value)
    assert without_audit(fingerprint(st.district)) == without_audit(before)


# --- 5. a town station is no authority for accounts and the org tree -----------------------------------

def test_a_town_cannot_plant_an_account_at_its_village(stations: Stations) -> None:
    from fulian_desktop.security.passwords import hash_password
    from fulian_desktop.store.base import new_id
    from fulian_desktop.store.models import UserAccount
    from fulian_desktop.sync.identity import add_peer, my_card

    st = stations
    with st.town.uow() as uow:
        town_card = my_card(uow)
    with st.village.uow() as uow:
        village_card = my_card(uow)
    with st.town.uow(write=True) as uow:
        add_peer(uow, system_actor(st.town), village_card)
    with st.village.uow(write=True) as uow:
        add_peer(uow, system_actor(st.village), town_card)
    with st.town.uow(write=True) as uow:
        uow.s.add(UserAccount(id=new_id(), username="townspy", display_name="督导（假）", role=Role.SUPERVISOR.value,
                              password_hash=hash_password("Evil-Known-999"), must_change_password=False,
                              owner_unit_id=st.unit(VILLAGE_A1)))
    data, _ = export_bundle(st.town, system_actor(st.town), st.unit(VILLAGE_A1))
    with pytest.raises(SenderOverreach, match="只能由区妇联"):
        import_bundle(st.village, system_actor(st.village), data)
    with st.village.uow() as uow:
        assert uow.s.execute(select(UserAccount).where(UserAccount.username == "townspy")).first() is None


# --- 6. a case waiting for the village's answer: its records cannot be taken one by one ----------------

def test_a_pending_assignment_does_not_let_the_village_take_her_person_and_return_the_case(
        stations: Stations) -> None:
    """While the town's assignment waits, the village's key holder makes the victim's person (and her party
    record) the village's own, then returns the case through the normal service. The case stays with the
    town, so must every record of it: taking records one by one without accepting the case is refused."""
    from fulian_desktop.domain.enums import PartyRole
    from fulian_desktop.domain.validation import PersonInput
    from fulian_desktop.store.models import CaseParty, Person

    st = stations
    jie, cun = first_login(st.town, "jie"), first_login(st.village, "cun")
    with st.town.uow(write=True) as uow:
        case_id = cases.create_case(uow, jie, cases.NewCase(title="街道的家暴案件", kind=CaseKind.MEDIATION)).row.id
        party = cases.add_party(uow, jie, case_id, PersonInput(name="周小红", sex="female", address="郭亮村5组"),
                                PartyRole.APPLICANT)
        referral = referrals.refer_to_tier(uow, jie, case_id, st.unit(VILLAGE_A1), "请村里就近调解。")
    assert deliver(st.town, st.district, st.org.district).applied
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    with st.village.uow(write=True) as uow:
        row = uow.s.get(CaseParty, party.id)
        person_id = row.person_id
        row.owner_unit_id = st.unit(VILLAGE_A1)
        uow.s.get(Person, person_id).owner_unit_id = st.unit(VILLAGE_A1)
    with st.village.uow(write=True) as uow:
        referrals.return_referral(uow, cun, referral.id, "村里无力处理，退回街道。")
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    before = fingerprint(st.district)
    with pytest.raises(SenderOverreach):
        import_bundle(st.district, system_actor(st.district), data)
    assert without_audit(fingerprint(st.district)) == without_audit(before)
    with st.district.uow() as uow:
        assert uow.s.get(Person, person_id).owner_unit_id == st.unit(TOWN_A)


# --- 7. the village's own referral, once answered, is history: not re-aimed at itself ------------------

@pytest.mark.parametrize("rewrite", ["re_aim_at_itself", "tombstone"])
def test_a_village_cannot_rewrite_the_referral_it_sent_once_the_town_accepted(stations: Stations,
                                                                             rewrite: str) -> None:
    """The village refers its case up and the town accepts. The referral row stays the village's (its owner
    is the sender), but re-aiming it at the village as pending again (which would give the village a hold on
    the case) or tombstoning it (erasing how the case moved) is refused."""
    from fulian_desktop.store.base import utcnow
    from fulian_desktop.store.models import Referral

    st = stations
    jie, cun = first_login(st.town, "jie"), first_login(st.village, "cun")
    with st.village.uow(write=True) as uow:
        case_id = cases.create_case(uow, cun, cases.NewCase(title="村里上报的案件", kind=CaseKind.MEDIATION)).row.id
        up = referrals.refer_to_tier(uow, cun, case_id, st.unit(TOWN_A), "需要街道协调。")
    assert deliver(st.village, st.district, st.org.district).applied
    assert deliver(st.district, st.town, st.unit(TOWN_A)).applied
    with st.town.uow(write=True) as uow:
        referrals.accept(uow, jie, up.id, "街道接收")
    assert deliver(st.town, st.district, st.org.district).applied
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    with st.village.uow(write=True) as uow:
        row = uow.s.get(Referral, up.id)
        if rewrite == "tombstone":
            row.deleted_at = utcnow()
        else:
            row.to_unit_id, row.status = st.unit(VILLAGE_A1), "pending"
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    before = fingerprint(st.district)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(st.district, system_actor(st.district), data)
    assert up.id in str(refused.value)
    assert without_audit(fingerprint(st.district)) == without_audit(before)


def test_a_pending_assignment_does_not_let_the_village_lift_her_confidentiality_mark(stations: Stations) -> None:
    """The town marks her contacts confidential and assigns the case down. Before answering, the village's
    key holder lifts the mark (so reception at the town and the district would see her address), then
    returns the case. The village never held the case: the change is refused."""
    from fulian_desktop.domain.enums import PartyRole
    from fulian_desktop.domain.validation import PersonInput
    from fulian_desktop.store.models import CaseParty

    st = stations
    jie, cun = first_login(st.town, "jie"), first_login(st.village, "cun")
    with st.town.uow(write=True) as uow:
        case_id = cases.create_case(uow, jie, cases.NewCase(title="街道的家暴案件", kind=CaseKind.MEDIATION)).row.id
        party = cases.add_party(uow, jie, case_id, PersonInput(name="周小红", sex="female", address=SHELTER),
                                PartyRole.APPLICANT, contact_confidential=True)
        referral = referrals.refer_to_tier(uow, jie, case_id, st.unit(VILLAGE_A1), "请村里就近调解。")
    assert deliver(st.town, st.district, st.org.district).applied
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    with st.village.uow(write=True) as uow:
        uow.s.get(CaseParty, party.id).contact_confidential = False
    with st.village.uow(write=True) as uow:
        referrals.return_referral(uow, cun, referral.id, "村里无力处理，退回街道。")
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(st.district, system_actor(st.district), data)
    assert party.id in str(refused.value)
    with st.district.uow() as uow:
        assert uow.s.get(CaseParty, party.id).contact_confidential


# --- 8. the system administrator reads no case content: not through station provisioning either -------

def test_the_system_administrator_cannot_read_cases_by_provisioning_a_station(stations: Stations,
                                                                             tmp_path: Path) -> None:
    from fulian_desktop.domain.enums import PartyRole
    from fulian_desktop.domain.errors import PermissionDenied
    from fulian_desktop.domain.validation import PersonInput
    from fulian_desktop.store.models import Person
    from fulian_desktop.sync.identity import StationCard, add_peer, list_peers, my_card
    from fulian_desktop.sync.provision import join_station, provision_station
    from tests.support.stores import FAST_KDF, VILLAGE_A2, new_store

    st = stations
    with st.district.uow(write=True) as uow:
        boss = system_actor(st.district)
        case_id = cases.create_case(uow, boss, cases.NewCase(title="新康村的家暴案件", kind=CaseKind.MEDIATION,
                                                            unit_id=st.unit(VILLAGE_A2))).row.id
        cases.add_party(uow, boss, case_id, PersonInput(name="周小红", sex="female", address=SHELTER),
                        PartyRole.APPLICANT, contact_confidential=True)
    add_user(st.district, "sysadm", Role.SYSTEM_ADMIN, st.org.district, display_name="系统管理员")
    admin = first_login(st.district, "sysadm")
    with pytest.raises(PermissionDenied) as refused:
        made = provision_station(st.district, admin, VILLAGE_A2, kdf=FAST_KDF)
        rogue = new_store(tmp_path / "rogue").store   # what the refusal protects: her shelter address
        join_station(rogue, made.package, made.code)
        with rogue.uow() as uow:
            leaked = list(uow.s.execute(select(Person.address)).scalars())
        rogue.close()
        assert SHELTER not in leaked
    assert "密钥持有人" in refused.value.message
    # Nor by registering a station card of its own making for that unit and exporting to it.
    with st.village.uow() as uow:
        card = my_card(uow)
    rogue_card = StationCard("rogue-station", st.unit(VILLAGE_A2), VILLAGE_A2, card.sign_public, card.box_public)
    with pytest.raises(PermissionDenied), st.district.uow(write=True) as uow:
        add_peer(uow, admin, rogue_card)
    with st.district.uow() as uow:
        assert all(p.unit_id != st.unit(VILLAGE_A2) for p in list_peers(uow))


def test_a_pending_assignment_does_not_let_the_village_add_records_to_the_towns_case(stations: Stations) -> None:
    """Returning a referral writes one timeline entry owned by the town; nothing else new may be written into
    the town's case from the village while it waits (here: a forged timeline entry saying the town closed it)."""
    from fulian_desktop.store.base import new_id
    from fulian_desktop.store.models import CaseEvent

    st = stations
    jie = first_login(st.town, "jie")
    with st.town.uow(write=True) as uow:
        case_id = cases.create_case(uow, jie, cases.NewCase(title="街道的案件", kind=CaseKind.MEDIATION)).row.id
        referrals.refer_to_tier(uow, jie, case_id, st.unit(VILLAGE_A1), "请村里就近调解。")
    assert deliver(st.town, st.district, st.org.district).applied
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    forged = new_id()
    with st.village.uow(write=True) as uow:
        uow.s.add(CaseEvent(id=forged, case_id=case_id, kind="status_changed", summary="街道已办结（伪造）",
                            actor_name="街道调解员", owner_unit_id=st.unit(TOWN_A)))
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(st.district, system_actor(st.district), data)
    assert forged in str(refused.value)
