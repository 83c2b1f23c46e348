"""Conflicts: only records changed on both sides are conflicts; timeline entries added on both sides
merge; a choice saved over a local edit made meanwhile is refused; a resolved conflict stays resolved."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import ConflictError, ValidationError
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.models import Case, CaseEvent
from fulian_desktop.sync import conflicts
from tests.support.stores import NEW_PASSWORD, VILLAGE_A1, add_user, first_login
from tests.support.sync_stations import Stations, deliver, make_stations


@pytest.fixture
def stations(tmp_path):  # noqa: ANN001, ANN201
    st = make_stations(tmp_path)
    yield st
    st.close()


def _edit(store, case_id: str, **changes) -> None:  # noqa: ANN001
    with store.uow(write=True) as uow:
        cases.update_case(uow, system_actor(store), case_id, uow.s.get(Case, case_id).version, changes)


def _shared_case(st: Stations) -> str:
    with st.village.uow(write=True) as uow:
        case_id = cases.create_case(uow, system_actor(st.village), cases.NewCase(
            title="共同编辑的案件", kind=CaseKind.MEDIATION, unit_id=st.unit(VILLAGE_A1))).row.id
    deliver(st.village, st.district, st.org.district)
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    return case_id


def _events(store, case_id: str) -> int:  # noqa: ANN001
    with store.uow() as uow:
        return uow.s.execute(select(func.count()).select_from(CaseEvent).where(CaseEvent.case_id == case_id)).scalar_one()


def test_timeline_and_different_records_merge_without_conflict(stations: Stations) -> None:
    st = stations
    case_id = _shared_case(st)
    # Both sides work on the case, but on different records: the district adds a party, the village
    # edits the case; each writes timeline entries.
    with st.district.uow(write=True) as uow:
        cases.add_party(uow, system_actor(st.district), case_id, PersonInput(name="赵敏", sex="female"),
                        PartyRole.APPLICANT)
    _edit(st.village, case_id, summary="村里补充的案情")
    assert deliver(st.village, st.district, st.org.district).conflicts == 0
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).conflicts == 0
    assert _events(st.village, case_id) == _events(st.district, case_id) >= 3   # created, party, edit
    for store in (st.district, st.village):
        with store.uow() as uow:
            detail = cases.case_detail(uow, system_actor(store), uow.s.get(Case, case_id))
            assert detail.summary == "村里补充的案情" and [p.name for p in detail.parties] == ["赵敏"]


def test_a_choice_over_a_newer_local_edit_is_refused(stations: Stations) -> None:
    st = stations
    case_id = _shared_case(st)
    _edit(st.district, case_id, title="区里改的")
    _edit(st.village, case_id, title="村里改的")
    assert deliver(st.village, st.district, st.org.district).conflicts == 1
    actor = system_actor(st.district)
    with st.district.uow() as uow:
        shown = conflicts.list_conflicts(uow, actor)[0]
    _edit(st.district, case_id, urgency="urgent")            # another desk, while the first one decides
    with st.district.uow(write=True) as uow, pytest.raises(ConflictError) as refused:
        conflicts.resolve_conflict(uow, actor, shown.id, {"title": "remote"}, shown.local_version)
    assert "又被修改" in refused.value.message
    with st.district.uow() as uow:
        fresh = conflicts.get_conflict(uow, actor, shown.id)
    assert {f.name for f in fresh.differing} == {"title", "urgency"}
    with st.district.uow(write=True) as uow, pytest.raises(ValidationError):
        conflicts.resolve_conflict(uow, actor, shown.id, {"id": "remote"}, fresh.local_version)
    with st.district.uow(write=True) as uow:
        done = conflicts.resolve_conflict(uow, actor, shown.id, {"title": "remote"}, fresh.local_version)
    assert done.status == "resolved" and done.choice == {"title": "remote", "urgency": "local"}
    with st.district.uow(write=True) as uow, pytest.raises(ConflictError):
        conflicts.resolve_conflict(uow, actor, shown.id, {"title": "local"})
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    with st.village.uow() as uow:
        case = uow.s.get(Case, case_id)
        assert (case.title, case.urgency) == ("村里改的", "urgent")
        assert conflicts.conflict_total(uow) == 0


def test_logging_in_at_two_stations_is_not_a_conflict(stations: Stations) -> None:
    st = stations
    add_user(st.district, "cun", Role.MEDIATOR, st.unit(VILLAGE_A1), display_name="郭亮调解员")
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    first_login(st.village, "cun")                      # the new password travels up
    deliver(st.village, st.district, st.org.district)
    auth.login(st.district, "cun", NEW_PASSWORD)        # then she logs in on both sides
    auth.login(st.village, "cun", NEW_PASSWORD)
    assert deliver(st.village, st.district, st.org.district).conflicts == 0
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).conflicts == 0
    auth.login(st.district, "cun", NEW_PASSWORD)
