"""The 信访事项处理意见书 prints the 处理意见 approved with the closure and its facts and basis; only a case closed
before the store kept it falls back to what the closure notes say."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from fulian_desktop.documents.api import DocumentKind, Recipient, render
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.store.models import Case
from tests.integration.test_documents_world import flat, pdftotext
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store

# The closure note talks of explaining; the approved outcome is 不予支持: the paper must follow the outcome.
CLOSURE_NOTE = "已向来访人解释说明有关政策"
FACTS = "经走访村民小组、查阅村民会议记录，该组土地补偿款于2026年5月按人口平均分配，来访人一家四口均已足额领取。"
BASIS = "经核查，该村土地补偿款已按村民会议决议分配，来访人的份额计算无误，其要求另行补偿缺乏依据。"


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="郭调解")
    add_user(store, "sup", Role.SUPERVISOR, org.district, display_name="区督导")
    med, sup = first_login(store, "med"), first_login(store, "sup")
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, med, cases.NewCase(title="陈某反映土地补偿分配不公", kind=CaseKind.PETITION,
                                                            summary="来访人认为土地补偿款分配少于同组村民。")).row.id
        workflow.transition(uow, med, case_id, T.ACCEPT)
        workflow.transition(uow, med, case_id, T.REQUEST_CLOSURE, reason=CLOSURE_NOTE,
                            petition_outcome="not_support", petition_basis=BASIS, petition_facts=FACTS,
                            petition_articles=["fq55", "fq56"])
    with store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, sup, case_id=case_id, pending_only=True)
    with store.uow(write=True) as uow:
        workflow.decide(uow, sup, pending.id, True, "同意")
    yield store, med, case_id
    store.close()


def _opinion(store, actor, case_id, tmp: Path) -> str:  # noqa: ANN001
    with store.uow(write=True) as uow:
        pdf = render(uow, actor, case_id, DocumentKind.PETITION_OPINION, Recipient.PARTY)
    return flat(pdftotext(pdf, tmp))


def test_the_opinion_letter_ticks_the_stored_outcome_and_prints_its_basis(world, tmp_path: Path) -> None:  # noqa
    store, med, case_id = world
    text = _opinion(store, med, case_id, tmp_path)
    assert "信访事项处理意见书" in text
    assert "■不予支持" in text and "□支持" in text and "□解释说明" in text
    assert flat(BASIS) in text
    with store.uow(write=True) as uow:
        report = flat(pdftotext(render(uow, med, case_id, DocumentKind.CLOSING_REPORT, Recipient.FILE), tmp_path))
    assert "处理意见不予支持" in report and "处理意见：不予支持" in report   # the table row and the work done
    assert "→" not in report and "待结案审核" not in report      # what was done, not the workflow's states


def test_a_case_closed_before_the_outcome_was_kept_falls_back_to_its_notes(world, tmp_path: Path) -> None:  # noqa
    store, med, case_id = world
    with store.uow(write=True) as uow:   # as the store held it before schema 0010
        uow.s.execute(update(Case).where(Case.id == case_id).values(petition_outcome=None))
    text = _opinion(store, med, case_id, tmp_path)
    assert "■解释说明" in text and "□不予支持" in text
    assert flat(CLOSURE_NOTE) in text and flat(BASIS) not in text
