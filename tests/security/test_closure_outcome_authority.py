"""The closure outcomes (防止民转刑 … with persons) and an agreement's 涉及金额 travel with the case and agreement
rows: a village station sends up what it recorded on its own cases, and may not set them on a case of another
unit (the district refuses the whole bundle and writes nothing)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.store.models import Agreement, Case
from fulian_desktop.sync.authority import SenderOverreach
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from tests.support.stores import VILLAGE_A1, VILLAGE_A2, add_user, first_login
from tests.support.sync_stations import Stations, deliver, fingerprint, make_stations, without_audit


@pytest.fixture
def stations(tmp_path):  # noqa: ANN001, ANN201
    st = make_stations(tmp_path)
    add_user(st.district, "cun", Role.MEDIATOR, st.unit(VILLAGE_A1), display_name="郭亮调解员")
    add_user(st.district, "dudao", Role.SUPERVISOR, st.unit(VILLAGE_A1), display_name="郭亮督导")
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    first_login(st.village, "cun")
    first_login(st.village, "dudao")
    assert deliver(st.village, st.district, st.org.district).applied
    yield st
    st.close()


def test_outcomes_recorded_on_its_own_case_travel_up(stations: Stations) -> None:
    st = stations
    cun = auth.login(st.village, "cun", "Own-Secret-456")
    sup = auth.login(st.village, "dudao", "Own-Secret-456")
    with st.village.uow(write=True) as uow:
        case_id = cases.create_case(uow, cun, cases.NewCase(title="郭亮村的危机干预", kind=CaseKind.CRISIS)).row.id
        workflow.transition(uow, cun, case_id, T.ACCEPT)
        workflow.transition(uow, cun, case_id, T.REQUEST_CLOSURE, reason="危险已解除",
                            closure_outcomes={"prevented_crime": 2, "prevented_suicide": 1})
    with st.village.uow() as uow:
        (pending,) = workflow.list_approvals(uow, sup, case_id=case_id, pending_only=True)
    with st.village.uow(write=True) as uow:
        workflow.decide(uow, sup, pending.id, True, "同意")
    assert deliver(st.village, st.district, st.org.district).applied
    with st.district.uow() as uow:
        case = uow.s.get(Case, case_id)
        assert (case.prevented_crime, case.prevented_crime_persons) == (True, 2)
        assert (case.prevented_suicide_persons, case.stopped_group_petition) == (1, False)


def test_a_village_cannot_set_outcomes_or_amounts_on_another_villages_case(stations: Stations) -> None:
    st = stations
    with st.district.uow(write=True) as uow:
        other = cases.create_case(uow, system_actor(st.district), cases.NewCase(
            title="望城另一村的案件", kind=CaseKind.MEDIATION, unit_id=st.unit(VILLAGE_A2))).row
        row = uow.s.get(Case, other.id)
        columns = {c.name: getattr(row, c.key) for c in Case.__table__.columns}
    # The village forges its own copy of that case, with outcomes it never recorded, and an agreement on it.
    with st.village.uow(write=True) as uow:
        forged = Case(**{**columns, "status": "closed", "prevented_crime": True, "prevented_crime_persons": 99,
                         "version": 7})
        uow.s.add(forged)
        uow.s.flush()
        uow.s.add(Agreement(case_id=other.id, owner_unit_id=st.unit(VILLAGE_A2), form="oral", facts="伪造",
                            effective_on=date(2026, 10, 1), amount_involved_fen=999_999_900))
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    before = fingerprint(st.district)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(st.district, system_actor(st.district), data)
    assert "已整体拒绝导入" in str(refused.value) and other.id in str(refused.value)
    assert without_audit(fingerprint(st.district)) == without_audit(before)
    with st.district.uow() as uow:
        assert uow.s.get(Case, other.id).prevented_crime is False
        assert uow.s.execute(select(Agreement).where(Agreement.case_id == other.id)).first() is None
