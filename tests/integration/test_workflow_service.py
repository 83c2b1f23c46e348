"""Workflow through the services: steps, supervisor approvals, and the clocks they start and stop."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from fulian_desktop.domain.clocks import ClockKind, ClockStatus
from fulian_desktop.domain.enums import CaseKind, CaseStatus, Role
from fulian_desktop.domain.errors import (
    ConflictError, NotFound, PermissionDenied, ValidationError, WorkflowError,
)
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.clocks import clocks
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])
    add_user(store, "sup", Role.SUPERVISOR, org.district)
    add_user(store, "sup2", Role.SUPERVISOR, org.district)
    yield store, first_login(store, "med"), first_login(store, "sup"), first_login(store, "sup2")
    store.close()


def _new(store, actor, kind=CaseKind.PETITION, opened_at=None):  # noqa: ANN001, ANN202
    with store.uow(write=True) as uow:
        return cases.create_case(uow, actor, cases.NewCase(title="王某某反映家庭纠纷", kind=kind,
                                                           opened_at=opened_at)).row.id


def _status(store, actor, case_id) -> CaseStatus:  # noqa: ANN001
    with store.uow(write=True) as uow:
        return cases.get_case(uow, actor, case_id).row.status


def _step(store, actor, case_id, step, reason=None, **opinion):  # noqa: ANN001, ANN202
    with store.uow(write=True) as uow:
        return workflow.transition(uow, actor, case_id, step, reason=reason, **opinion)


SUPPORTED = {"petition_outcome": "support", "petition_basis": "经查属实，依据《信访工作条例》第三十二条予以支持。",
             "petition_facts": "经走访核实，来访人反映的情况属实。"}


def test_petition_runs_from_registration_to_closure_with_approval(world) -> None:  # noqa: ANN001
    store, med, sup, _ = world
    case_id = _new(store, med)
    with store.uow() as uow:
        (acceptance,) = clocks.case_clocks(uow, med, case_id)
    assert acceptance.kind == ClockKind.PETITION_ACCEPTANCE and acceptance.stopped_at is None

    assert _step(store, med, case_id, T.ACCEPT) == CaseStatus.ACCEPTED
    with store.uow() as uow:
        views = {c.kind: c for c in clocks.case_clocks(uow, med, case_id)}
    assert views[ClockKind.PETITION_ACCEPTANCE].stopped_at is not None
    assert views[ClockKind.PETITION_CONCLUSION].stopped_at is None

    _step(store, med, case_id, T.START)
    assert _step(store, med, case_id, T.REQUEST_CLOSURE, "已调解成功，双方签署协议",
                 **SUPPORTED) == CaseStatus.PENDING_CLOSURE
    with store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, sup, pending_only=True)
    assert pending.label == "结案" and pending.requested_by_name == "med"

    with pytest.raises(PermissionDenied):  # a mediator cannot approve
        with store.uow(write=True) as uow:
            workflow.decide(uow, med, pending.id, True)
    with store.uow(write=True) as uow:
        decided = workflow.decide(uow, sup, pending.id, True, "材料齐全")
    assert decided.status == "approved" and decided.decided_by_name == "sup"
    assert _status(store, med, case_id) == CaseStatus.CLOSED
    with store.uow() as uow:
        assert all(c.stopped_at is not None for c in clocks.case_clocks(uow, med, case_id))
        assert verify_chain(uow.s).ok
    with store.uow(write=True) as uow:
        timeline = [e.summary for e in cases.get_case(uow, sup, case_id).events]
    assert any("申请结案" in s for s in timeline) and any("经 sup 批准" in s for s in timeline)


def test_a_decided_request_cannot_be_decided_again(world) -> None:  # noqa: ANN001
    store, med, sup, sup2 = world
    case_id = _new(store, med)
    _step(store, med, case_id, T.ACCEPT)
    _step(store, med, case_id, T.REQUEST_CLOSURE, "办结", **SUPPORTED)
    with store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, sup, pending_only=True)
    with store.uow(write=True) as uow:
        workflow.decide(uow, sup, pending.id, False, "笔录不全，请补充")
    assert _status(store, med, case_id) == CaseStatus.IN_PROGRESS
    with pytest.raises(ConflictError) as err:
        with store.uow(write=True) as uow:
            workflow.decide(uow, sup2, pending.id, True)
    assert "sup" in err.value.message


def test_rejection_and_termination_wait_for_the_supervisor(world) -> None:  # noqa: ANN001
    store, med, sup, _ = world
    case_id = _new(store, med)
    assert _step(store, med, case_id, T.REJECT, "不属于妇联受理范围") == CaseStatus.REGISTERED
    with pytest.raises(WorkflowError) as err:
        _step(store, med, case_id, T.REJECT, "再次申请")
    assert err.value.code == "already_pending"
    with store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, sup, case_id=case_id, pending_only=True)
    with store.uow(write=True) as uow:
        workflow.decide(uow, sup, pending.id, True)
    assert _status(store, med, case_id) == CaseStatus.REJECTED
    assert _step(store, med, case_id, T.REOPEN, "当事人补充了新材料") == CaseStatus.IN_PROGRESS


def test_illegal_step_and_blank_reason_change_nothing(world) -> None:  # noqa: ANN001
    store, med, sup, _ = world
    case_id = _new(store, med)
    with pytest.raises(WorkflowError):
        _step(store, med, case_id, T.START)
    with pytest.raises(WorkflowError):
        _step(store, med, case_id, T.TRANSFER, " ")
    with pytest.raises(NotFound):
        with store.uow(write=True) as uow:
            workflow.decide(uow, sup, "no-such-request", False, "无")
    assert _status(store, med, case_id) == CaseStatus.REGISTERED


def test_removing_the_major_flag_needs_approval_raising_it_does_not(world) -> None:  # noqa: ANN001
    store, med, sup, _ = world
    case_id = _new(store, med)
    with store.uow(write=True) as uow:
        workflow.set_major_incident(uow, med, case_id, True, "当事人有自伤风险")
    with store.uow(write=True) as uow:
        workflow.set_major_incident(uow, med, case_id, False, "风险已解除")
    with store.uow(write=True) as uow:
        assert cases.get_case(uow, med, case_id).row.major_incident
        (pending,) = workflow.list_approvals(uow, sup, case_id=case_id, pending_only=True)
    with store.uow(write=True) as uow:
        workflow.decide(uow, sup, pending.id, True, "已核实")
    with store.uow(write=True) as uow:
        assert not cases.get_case(uow, med, case_id).row.major_incident


def test_extension_once_with_approval_moves_the_deadline(world) -> None:  # noqa: ANN001
    store, med, sup, _ = world
    case_id = _new(store, med)
    _step(store, med, case_id, T.ACCEPT)
    with store.uow() as uow:
        conclusion = next(c for c in clocks.case_clocks(uow, med, case_id)
                          if c.kind == ClockKind.PETITION_CONCLUSION)
    with pytest.raises(ValidationError):
        with store.uow(write=True) as uow:
            workflow.request_extension(uow, med, conclusion.id, 45, "情况复杂")
    with store.uow(write=True) as uow:
        request = workflow.request_extension(uow, med, conclusion.id, 30, "需调取派出所材料")
    with store.uow(write=True) as uow:
        workflow.decide(uow, sup, request.id, True, "同意延期")
    with store.uow() as uow:
        after = next(c for c in clocks.case_clocks(uow, med, case_id) if c.id == conclusion.id)
    assert after.extended_days == 30 and not after.can_extend
    assert after.deadline.due_at >= conclusion.deadline.due_at + timedelta(days=30)
    with pytest.raises(ValidationError):
        with store.uow(write=True) as uow:
            workflow.request_extension(uow, med, conclusion.id, 5, "再延")


def test_old_acceptance_clock_is_overdue(world) -> None:  # noqa: ANN001
    store, med, _, _ = world
    long_ago = datetime(2026, 9, 1, 2, 0, tzinfo=timezone.utc)
    case_id = _new(store, med, opened_at=long_ago)
    with store.uow() as uow:
        (clock,) = clocks.case_clocks(uow, med, case_id, now=datetime(2026, 11, 1, tzinfo=timezone.utc))
    assert clock.status == ClockStatus.OVERDUE and clock.countdown.startswith("已超期")


def test_a_case_waiting_for_the_town_cannot_be_closed_meanwhile(world) -> None:  # noqa: ANN001
    from fulian_desktop.services.referral import referrals

    store, med, sup, _ = world
    case_id = _new(store, med)
    _step(store, med, case_id, T.ACCEPT)
    with store.uow() as uow:
        from fulian_desktop.services.accounts import orgunits

        town = next(u for u in orgunits.list_units(uow, sup) if u.name == "高塘岭街道")
    with store.uow(write=True) as uow:
        referrals.refer_to_tier(uow, med, case_id, town.id, "涉及多村，需街道协调")
    with pytest.raises(WorkflowError) as err:
        _step(store, med, case_id, T.REQUEST_CLOSURE, "已办结", **SUPPORTED)
    assert err.value.code == "referral_pending" and "撤回" in err.value.message
    assert _status(store, med, case_id) == CaseStatus.ACCEPTED
