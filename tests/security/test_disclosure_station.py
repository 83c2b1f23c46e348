"""At a village station, a person protected in another village's case stays protected.

The mark lives on the party row of the other village's case, which the station never receives; marking also
sets the person-level flag (`person.contact_protected`), and the person row goes to every station holding a
party of hers. Only the district, which holds every case, clears the flag; a station's bundle clearing it is
refused. Real district and village stores, real bundles.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases
from fulian_desktop.store.models import Person
from fulian_desktop.store.store import Store
from fulian_desktop.sync.authority import SenderOverreach
from tests.support.stores import VILLAGE_A1, VILLAGE_A2, add_user, first_login
from tests.support.sync_stations import Stations, deliver, fingerprint, make_stations

SHELTER = "长沙市望城区某临时庇护场所5号房"
PHONE = "13912345678"
HER = PersonInput(name="周小红", sex="female", phone=PHONE, address=SHELTER)


_ACTORS: dict[tuple[int, str], Actor] = {}


def login(store: Store, username: str) -> Actor:
    """The user's actor at this store: first login (password change) once, then the same actor."""
    key = (id(store), username)
    if key not in _ACTORS:
        _ACTORS[key] = first_login(store, username)
    return _ACTORS[key]


@pytest.fixture
def stations(tmp_path: Path):  # noqa: ANN201
    _ACTORS.clear()
    st = make_stations(tmp_path)
    add_user(st.district, "dudao", Role.SUPERVISOR, st.org.district)
    add_user(st.district, "desk", Role.RECEPTION, st.unit(VILLAGE_A1))
    add_user(st.district, "cun", Role.MEDIATOR, st.unit(VILLAGE_A1))
    yield st
    st.close()
    _ACTORS.clear()


def seen_at_village(st: Stations, case_id: str) -> cases.PartyView:
    desk = login(st.village, "desk")
    with st.village.uow(write=True) as uow:
        (her,) = cases.get_case(uow, desk, case_id).parties
    return her


def marked_elsewhere(st: Stations, *, hers_first_here: bool) -> tuple[str, str, str]:
    """Her party in a village A1 case (unmarked) and in a village A2 case (marked), both made at the district.
    `hers_first_here`: her person row is made with the A1 case (owned by the village) rather than the A2 one.
    Returns (A1 case, A2 case, marking party)."""
    sup = login(st.district, "dudao")
    with st.district.uow(write=True) as uow:
        here = cases.create_case(uow, sup, cases.NewCase(title="婚姻纠纷", kind=CaseKind.MEDIATION,
                                                         unit_id=st.unit(VILLAGE_A1)))
        other = cases.create_case(uow, sup, cases.NewCase(title="家暴求助", kind=CaseKind.CRISIS,
                                                          unit_id=st.unit(VILLAGE_A2)))
        if hers_first_here:
            mine = cases.add_party(uow, sup, here.row.id, HER, PartyRole.APPLICANT)
            mark = cases.add_party(uow, sup, other.row.id, HER, PartyRole.VICTIM, contact_confidential=True,
                                   person_id=mine.person_id)
        else:
            mark = cases.add_party(uow, sup, other.row.id, HER, PartyRole.VICTIM, contact_confidential=True)
            cases.add_party(uow, sup, here.row.id, PersonInput(name="周小红"), PartyRole.APPLICANT,
                            person_id=mark.person_id)
    return here.row.id, other.row.id, mark.id


def flag(store: Store, person_id: str) -> bool:
    with store.uow() as uow:
        return uow.s.get(Person, person_id).contact_protected


def test_her_mark_in_another_village_travels_to_the_station_that_holds_her_unmarked(stations: Stations) -> None:
    st = stations
    here, _other, _mark = marked_elsewhere(st, hers_first_here=False)
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    her = seen_at_village(st, here)
    assert her.phone is None and her.address is None and her.redacted
    assert not her.contact_confidential          # her party here carries no mark of its own


def test_a_relative_sharing_her_address_at_the_station_is_hidden_too(stations: Stations) -> None:
    """The shared-address rule weighs the travelling flag as it weighs a mark held here."""
    st = stations
    here, _other, _mark = marked_elsewhere(st, hers_first_here=False)
    sup = login(st.district, "dudao")
    with st.district.uow(write=True) as uow:
        cases.add_party(uow, sup, here, PersonInput(name="周大明", sex="male", address=SHELTER,
                                                    phone="13700001111"), PartyRole.RESPONDENT)
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    desk = login(st.village, "desk")
    with st.village.uow(write=True) as uow:
        relative = next(p for p in cases.get_case(uow, desk, here).parties if p.name == "周大明")
    assert relative.address is None and relative.phone is None


def test_unmarking_at_the_district_frees_her_contacts_at_the_station_after_the_next_exchange(
        stations: Stations) -> None:
    st = stations
    here, other, mark = marked_elsewhere(st, hers_first_here=False)
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    assert seen_at_village(st, here).address is None
    sup = login(st.district, "dudao")
    with st.district.uow(write=True) as uow:
        party = next(p for p in cases.get_case(uow, sup, other).parties if p.id == mark)
        cases.update_party(uow, sup, mark, party.person_version, HER, contact_confidential=False)
    assert not flag(st.district, party.person_id)
    assert seen_at_village(st, here).address is None      # not before the exchange
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    her = seen_at_village(st, here)
    assert (her.address, her.phone, her.redacted) == (SHELTER, PHONE, False)


def test_a_village_bundle_clearing_her_protection_is_refused_whole(stations: Stations) -> None:
    """Her person row belongs to the village (ownership alone would let it edit her); the mark is in a case of
    another village it does not hold."""
    st = stations
    here, _other, _mark = marked_elsewhere(st, hers_first_here=True)
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    her = seen_at_village(st, here)
    assert her.address is None
    with st.village.uow(write=True) as uow:      # the station's own key, a plain write
        uow.s.get(Person, her.person_id).contact_protected = False
    before = fingerprint(st.district)
    with pytest.raises(SenderOverreach, match="联系方式保密") as refused:
        deliver(st.village, st.district, st.org.district)
    assert refused.value.table == "person" and refused.value.record_id == her.person_id
    after = fingerprint(st.district)
    assert after.pop("audit_log") != before.pop("audit_log")    # the refusal is on record
    after.pop("audit_head"), before.pop("audit_head")
    assert after == before                                      # nothing else written
    assert flag(st.district, her.person_id)


def test_a_village_may_mark_her_in_its_own_case_though_another_village_owns_her(stations: Stations) -> None:
    """The flag set at the village on a person of village A2 travels up: setting is allowed, and the district
    then protects her everywhere, her A2 case included."""
    st = stations
    sup = login(st.district, "dudao")
    with st.district.uow(write=True) as uow:
        other = cases.create_case(uow, sup, cases.NewCase(title="邻里纠纷", kind=CaseKind.MEDIATION,
                                                          unit_id=st.unit(VILLAGE_A2)))
        theirs = cases.add_party(uow, sup, other.row.id, HER, PartyRole.APPLICANT)
        here = cases.create_case(uow, sup, cases.NewCase(title="家暴求助", kind=CaseKind.CRISIS,
                                                         unit_id=st.unit(VILLAGE_A1)))
        party = cases.add_party(uow, sup, here.row.id, PersonInput(name="周小红"), PartyRole.VICTIM,
                                person_id=theirs.person_id)
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    cun = login(st.village, "cun")
    with st.village.uow(write=True) as uow:
        mine = next(p for p in cases.get_case(uow, cun, here.row.id).parties if p.id == party.id)
        cases.update_party(uow, cun, party.id, mine.person_version, HER, contact_confidential=True)
    assert flag(st.village, theirs.person_id)
    assert deliver(st.village, st.district, st.org.district).applied
    assert flag(st.district, theirs.person_id)
    add_user(st.district, "desk2", Role.RECEPTION, st.unit(VILLAGE_A2))
    desk2 = login(st.district, "desk2")
    with st.district.uow(write=True) as uow:
        (seen,) = cases.get_case(uow, desk2, other.row.id).parties
    assert seen.address is None and seen.phone is None


def test_a_village_unmarking_its_only_mark_clears_her_through_the_district(stations: Stations) -> None:
    """The station never clears the flag itself; the district does when the unmarked party arrives, and the
    cleared person row comes back down."""
    st = stations
    sup = login(st.district, "dudao")
    with st.district.uow(write=True) as uow:
        here = cases.create_case(uow, sup, cases.NewCase(title="家暴求助", kind=CaseKind.CRISIS,
                                                         unit_id=st.unit(VILLAGE_A1)))
        party = cases.add_party(uow, sup, here.row.id, HER, PartyRole.VICTIM, contact_confidential=True)
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    cun = login(st.village, "cun")
    with st.village.uow(write=True) as uow:
        mine = next(p for p in cases.get_case(uow, cun, here.row.id).parties if p.id == party.id)
        cases.update_party(uow, cun, party.id, mine.person_version, HER, contact_confidential=False)
    assert flag(st.village, party.person_id)            # she may be marked in a case it does not hold
    assert deliver(st.village, st.district, st.org.district).applied
    assert not flag(st.district, party.person_id)
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    assert not flag(st.village, party.person_id)
    her = seen_at_village(st, here.row.id)
    assert (her.address, her.phone) == (SHELTER, PHONE)
