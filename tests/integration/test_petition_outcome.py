"""A petition's 处理意见 (支持 / 解释说明 / 不予支持) with its facts and basis: asked for with the closure, written on the
case only when the supervisor approves, audited, shown on the case and withdrawn when the case is reopened."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.enums import CaseKind, CaseStatus, PetitionOutcome, Role
from fulian_desktop.domain.errors import ValidationError, WorkflowError
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import cases, history, workflow
from fulian_desktop.store.models import ApprovalRequest, AuditEntry, Case
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store

BASIS = "经查，来访人所在村已按规定分配土地补偿款，来访人份额无误。依据《信访工作条例》第三十二条，予以解释说明。"


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="郭调解")
    add_user(store, "sup", Role.SUPERVISOR, org.district, display_name="区督导")
    yield store, first_login(store, "med"), first_login(store, "sup")
    store.close()


def _accepted(store, actor, kind=CaseKind.PETITION) -> str:  # noqa: ANN001
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, actor, cases.NewCase(title="陈某反映土地补偿分配", kind=kind)).row.id
        workflow.transition(uow, actor, case_id, T.ACCEPT)
    return case_id


FACTS = "经走访村民小组核实，来访人所在组土地补偿款已按村民会议决议分配。"


def _request(store, actor, case_id, **opinion):  # noqa: ANN001, ANN202
    if opinion.get("petition_outcome"):
        opinion.setdefault("petition_facts", FACTS)
    with store.uow(write=True) as uow:
        return workflow.transition(uow, actor, case_id, T.REQUEST_CLOSURE, reason="已答复来访人", **opinion)


def _decide(store, sup, case_id, approve=True, note="同意") -> None:  # noqa: ANN001
    with store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, sup, case_id=case_id, pending_only=True)
    with store.uow(write=True) as uow:
        workflow.decide(uow, sup, pending.id, approve, note)


def _detail(store, actor, case_id):  # noqa: ANN001, ANN202
    with store.uow(write=True) as uow:
        return cases.get_case(uow, actor, case_id)


def _outcome_changes(store, case_id) -> list[list]:  # noqa: ANN001
    with store.uow() as uow:
        entries = uow.s.execute(select(AuditEntry).where(AuditEntry.case_id == case_id, AuditEntry.entity == "case")
                                .order_by(AuditEntry.seq)).scalars()
        return [e.detail["changes"]["petition_outcome"] for e in entries
                if "petition_outcome" in (e.detail or {}).get("changes", {})]


def test_closing_a_petition_needs_an_outcome_and_its_facts_and_basis(world) -> None:  # noqa: ANN001
    store, med, _ = world
    case_id = _accepted(store, med)
    with pytest.raises(ValidationError) as err:
        _request(store, med, case_id)
    assert err.value.code == "petition_outcome_required" and "支持、解释说明或不予支持" in err.value.message
    with pytest.raises(ValidationError) as err:
        _request(store, med, case_id, petition_outcome="explain", petition_basis="  ")
    assert err.value.code == "petition_basis_required" and "事实和依据" in err.value.message
    with pytest.raises(ValidationError) as err:
        _request(store, med, case_id, petition_outcome="partly", petition_basis=BASIS)
    assert err.value.field == "petition_outcome" and "不予支持" in err.value.message
    # Nothing moved: the case still waits, and no approval was filed.
    assert _detail(store, med, case_id).row.status == CaseStatus.ACCEPTED
    with store.uow() as uow:
        assert workflow.list_approvals(uow, med, case_id=case_id) == []


def test_other_kinds_of_case_carry_no_outcome(world) -> None:  # noqa: ANN001
    store, med, sup = world
    case_id = _accepted(store, med, CaseKind.MEDIATION)
    with pytest.raises(ValidationError) as err:
        _request(store, med, case_id, petition_outcome=PetitionOutcome.SUPPORT, petition_basis=BASIS)
    assert err.value.code == "not_a_petition" and "婚姻调解" in err.value.message
    assert _request(store, med, case_id) == CaseStatus.PENDING_CLOSURE   # closes as before without one
    _decide(store, sup, case_id)
    detail = _detail(store, med, case_id)
    assert detail.row.status == CaseStatus.CLOSED and detail.petition_outcome is None
    # And no other step takes one.
    petition = _accepted(store, med)
    with pytest.raises(ValidationError) as err:
        with store.uow(write=True) as uow:
            workflow.transition(uow, med, petition, T.START, petition_outcome="support")
    assert err.value.code == "petition_outcome_not_here"


def test_the_outcome_waits_for_the_supervisor_and_is_stored_audited_and_shown(world) -> None:  # noqa: ANN001
    store, med, sup = world
    case_id = _accepted(store, med)
    assert _request(store, med, case_id, petition_outcome="解释说明", petition_basis=BASIS) == CaseStatus.PENDING_CLOSURE
    with store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, sup, case_id=case_id, pending_only=True)
        assert uow.s.get(Case, case_id).petition_outcome is None          # not before the approval
    assert pending.petition_opinion.outcome is PetitionOutcome.EXPLAIN and pending.petition_opinion.basis == BASIS
    waiting = _detail(store, med, case_id)
    assert waiting.petition_outcome is None and waiting.petition_outcome_label == ""
    assert any("拟处理意见：解释说明" in e.summary for e in waiting.events)

    _decide(store, sup, case_id, note="答复适当")
    detail = _detail(store, med, case_id)
    assert detail.row.status == CaseStatus.CLOSED
    assert detail.petition_outcome is PetitionOutcome.EXPLAIN and detail.petition_outcome_label == "解释说明"
    assert detail.petition_basis == BASIS
    (event,) = [e for e in detail.events if e.kind == "petition_outcome"]
    assert event.actor_name == "区督导" and event.summary.startswith("信访处理意见：解释说明") and BASIS in event.summary
    kinds = [e.kind for e in detail.events]
    assert kinds.index("status_close") < kinds.index("petition_outcome")
    assert _outcome_changes(store, case_id) == [[None, "explain"]]
    with store.uow() as uow:   # the 历史 tab says it in words
        shown = [(c.label, c.old, c.new) for h in history.case_history(uow, sup, case_id) for c in h.changes
                 if c.field == "petition_outcome"]
    assert shown == [("信访处理意见", "（空）", "解释说明")]
    with store.uow() as uow:
        assert uow.s.get(Case, case_id).petition_outcome == "explain"
        assert verify_chain(uow.s).ok


def test_a_rejected_closure_leaves_no_outcome_and_reopening_withdraws_it(world) -> None:  # noqa: ANN001
    store, med, sup = world
    case_id = _accepted(store, med)
    _request(store, med, case_id, petition_outcome="support", petition_basis=BASIS)
    _decide(store, sup, case_id, approve=False, note="事实未查清")
    assert _detail(store, med, case_id).petition_outcome is None
    with store.uow() as uow:
        assert uow.s.get(Case, case_id).petition_outcome is None

    _request(store, med, case_id, petition_outcome="not_support", petition_basis=BASIS)
    _decide(store, sup, case_id)
    assert _detail(store, med, case_id).petition_outcome is PetitionOutcome.NOT_SUPPORT
    with store.uow(write=True) as uow:
        workflow.transition(uow, med, case_id, T.REOPEN, reason="来访人提供了新证据")
    reopened = _detail(store, med, case_id)
    assert reopened.row.status == CaseStatus.IN_PROGRESS and reopened.petition_outcome is None
    assert any("原处理意见“不予支持”不再有效" in e.summary for e in reopened.events)
    assert _outcome_changes(store, case_id) == [[None, "not_support"], ["not_support", None]]


def test_a_closure_request_without_an_outcome_cannot_be_approved(world) -> None:  # noqa: ANN001
    """A request filed before the outcome was kept (or by another path) must be returned, not approved."""
    store, med, sup = world
    case_id = _accepted(store, med)
    _request(store, med, case_id, petition_outcome="support", petition_basis=BASIS)
    with store.uow(write=True) as uow:   # as an older version of the program filed it
        uow.s.execute(select(ApprovalRequest).where(ApprovalRequest.case_id == case_id)).scalar_one().payload = None
    with pytest.raises(WorkflowError) as err:
        _decide(store, sup, case_id)
    assert err.value.code == "petition_outcome_missing" and "驳回" in err.value.message
    assert _detail(store, med, case_id).row.status == CaseStatus.PENDING_CLOSURE
    _decide(store, sup, case_id, approve=False, note="请填写处理意见后重新申请")
    assert _detail(store, med, case_id).row.status == CaseStatus.IN_PROGRESS
