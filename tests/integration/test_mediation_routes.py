"""调解不成: the routes the parties are told depend on the dispute (人民调解法第二十六条, 仲裁法第三条)."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.mediation_rules import OtherRoute
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.cases import cases
from fulian_desktop.services.mediation import mediation
from fulian_desktop.store.models import CaseEvent
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="周调解")
    yield store, first_login(store, "med")
    store.close()


def _case(store, med, **classification) -> str:  # noqa: ANN001, ANN003
    with store.uow(write=True) as uow:
        cid = cases.create_case(uow, med, cases.NewCase(title="纠纷调解", kind=CaseKind.MEDIATION,
                                                        **classification)).row.id
        cases.add_party(uow, med, cid, PersonInput(name="李桂兰", sex="female"), PartyRole.APPLICANT)
        cases.add_party(uow, med, cid, PersonInput(name="张建国", sex="male"), PartyRole.RESPONDENT)
    return cid


def _timeline(store, case_id: str) -> list[str]:  # noqa: ANN001
    with store.uow() as uow:
        return list(uow.s.execute(select(CaseEvent.summary).where(CaseEvent.case_id == case_id)).scalars())


def test_a_marriage_dispute_fails_without_arbitration(world) -> None:  # noqa: ANN001
    store, med = world
    cid = _case(store, med, category="婚姻家庭", sub_category="离婚问题", dispute_type="婚姻家庭")
    with store.uow() as uow:
        assert mediation.routes_for_case(uow, med, cid) == (OtherRoute.ADMINISTRATIVE, OtherRoute.LITIGATION)
        assert mediation.mediation_overview(uow, med, cid).routes == (OtherRoute.ADMINISTRATIVE, OtherRoute.LITIGATION)
    with pytest.raises(ValidationError) as err:     # telling them of arbitration would mislead them
        with store.uow(write=True) as uow:
            mediation.set_mediation_outcome(uow, med, cid, "failed", ["arbitration", "administrative", "litigation"])
    assert err.value.code == "arbitration_excluded" and "仲裁法第三条" in err.value.message
    with pytest.raises(ValidationError) as err:
        with store.uow(write=True) as uow:
            mediation.set_mediation_outcome(uow, med, cid, "failed", ["litigation"])
    assert err.value.code == "routes_not_told" and "仲裁" not in err.value.message
    with store.uow(write=True) as uow:
        outcome = mediation.set_mediation_outcome(uow, med, cid, "failed", ["administrative", "litigation"],
                                                  "女方坚持起诉离婚")
    assert outcome.route_labels == ("行政处理", "诉讼")
    line = next(s for s in _timeline(store, cid) if s.startswith("婚姻调解结果"))
    assert "行政处理、诉讼" in line and "仲裁" not in line


def test_an_inheritance_dispute_is_not_arbitrable_either_but_a_contract_dispute_is(world) -> None:  # noqa: ANN001
    store, med = world
    inheritance = _case(store, med, category="财产权益", sub_category="继承")
    contract = _case(store, med, dispute_type="合同")
    with store.uow() as uow:
        assert OtherRoute.ARBITRATION not in mediation.routes_for_case(uow, med, inheritance)
        assert mediation.routes_for_case(uow, med, contract) == tuple(OtherRoute)
    with pytest.raises(ValidationError) as err:
        with store.uow(write=True) as uow:
            mediation.set_mediation_outcome(uow, med, contract, "failed", ["administrative", "litigation"])
    assert err.value.code == "routes_not_told" and "仲裁" in err.value.message
    with store.uow(write=True) as uow:
        done = mediation.set_mediation_outcome(uow, med, contract, "failed", list(OtherRoute))
    assert done.route_labels == ("仲裁", "行政处理", "诉讼")
