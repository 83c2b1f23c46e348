"""Closure outcomes (防止民转刑 … with persons) and an agreement's 涉及金额 arriving in a bundle: a station's key holder
writes its own store with the ORM, past the desk's checks, and sends an ordinary signed bundle. On its own cases
too, the district checks the values as the desk does (persons 1 … PERSONS_MAX with the outcome ticked, none
without; an amount from 0 to MAX_FEN) and refuses the bundle whole, changing nothing."""
from __future__ import annotations

from datetime import date
from typing import Any, Iterator

import pytest

from fulian_desktop.domain.closure_outcomes import PERSONS_MAX
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.money import MAX_FEN
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.store.models import Agreement, Case
from fulian_desktop.sync.authority import SenderOverreach
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from tests.support.stores import VILLAGE_A1, add_user, first_login
from tests.support.sync_stations import Stations, deliver, fingerprint, make_stations, without_audit


@pytest.fixture
def stations(tmp_path) -> Iterator[Stations]:  # noqa: ANN001
    st = make_stations(tmp_path)
    add_user(st.district, "cun", Role.MEDIATOR, st.unit(VILLAGE_A1), display_name="郭亮调解员")
    add_user(st.district, "dudao", Role.SUPERVISOR, st.unit(VILLAGE_A1), display_name="郭亮督导")
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    first_login(st.village, "cun")
    first_login(st.village, "dudao")
    assert deliver(st.village, st.district, st.org.district).applied
    yield st
    st.close()


def _closed_case(st: Stations) -> str:
    """A case of the village's own, closed honestly with 防止民转刑 2 人, already at the district."""
    cun = auth.login(st.village, "cun", "Own-Secret-456")
    sup = auth.login(st.village, "dudao", "Own-Secret-456")
    with st.village.uow(write=True) as uow:
        case_id = cases.create_case(uow, cun, cases.NewCase(title="郭亮村的纠纷", kind=CaseKind.MEDIATION)).row.id
        workflow.transition(uow, cun, case_id, T.ACCEPT)
        workflow.transition(uow, cun, case_id, T.REQUEST_CLOSURE, reason="调解成功",
                            closure_outcomes={"prevented_crime": 2})
    with st.village.uow() as uow:
        (pending,) = workflow.list_approvals(uow, sup, case_id=case_id, pending_only=True)
    with st.village.uow(write=True) as uow:
        workflow.decide(uow, sup, pending.id, True, "同意")
    assert deliver(st.village, st.district, st.org.district).applied
    return case_id


def _refused(st: Stations, needle: str) -> None:
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    before = fingerprint(st.district)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(st.district, system_actor(st.district), data)
    assert needle in str(refused.value) and "数据未改变" in str(refused.value), str(refused.value)
    assert without_audit(fingerprint(st.district)) == without_audit(before)


@pytest.mark.parametrize("forged", [
    {"prevented_crime_persons": -5},                                   # negative persons
    {"prevented_crime_persons": PERSONS_MAX * 1000},                    # a thousand times the cap
    {"prevented_crime_persons": 0},                                    # ticked with nobody
    {"prevented_suicide": False, "prevented_suicide_persons": 40},    # persons of an outcome not recorded
], ids=["negative", "huge", "zero", "unticked-with-persons"])
def test_impossible_outcome_persons_on_its_own_case_are_refused(stations: Stations, forged: dict[str, Any]) -> None:
    case_id = _closed_case(stations)
    with stations.village.uow(write=True) as uow:
        case = uow.s.get(Case, case_id)
        for column, value in forged.items():
            setattr(case, column, value)
    _refused(stations, "结案成效")
    with stations.district.uow() as uow:
        assert uow.s.get(Case, case_id).prevented_crime_persons == 2


def test_outcomes_on_a_case_that_was_never_closed_are_refused(stations: Stations) -> None:
    """The report counts closed cases only, but an outcome on an open case is a record no desk could write."""
    cun = auth.login(stations.village, "cun", "Own-Secret-456")
    with stations.village.uow(write=True) as uow:
        case_id = cases.create_case(uow, cun, cases.NewCase(title="尚在办理的纠纷", kind=CaseKind.MEDIATION)).row.id
        workflow.transition(uow, cun, case_id, T.ACCEPT)
    assert deliver(stations.village, stations.district, stations.org.district).applied
    with stations.village.uow(write=True) as uow:
        case = uow.s.get(Case, case_id)
        case.prevented_suicide, case.prevented_suicide_persons = True, 3
    _refused(stations, "结案成效")
    with stations.district.uow() as uow:
        assert uow.s.get(Case, case_id).prevented_suicide is not True


@pytest.mark.parametrize("fen", [-100, MAX_FEN + 1, 10**17], ids=["negative", "over-cap", "absurd"])
def test_an_impossible_amount_on_its_own_agreement_is_refused(stations: Stations, fen: int) -> None:
    case_id = _closed_case(stations)
    with stations.village.uow(write=True) as uow:
        uow.s.add(Agreement(case_id=case_id, owner_unit_id=stations.unit(VILLAGE_A1), form="oral", facts="协议",
                            effective_on=date(2026, 10, 1), amount_involved_fen=fen))
    _refused(stations, "涉及金额")
