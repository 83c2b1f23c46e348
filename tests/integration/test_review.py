"""The supervisor's queue: what needs attention in the subtree, most urgent first."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.errors import PermissionDenied
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.cases import cases, review, workflow
from fulian_desktop.services.cases.review import Reason
from tests.support.stores import TOWN_A, VILLAGE_A1, VILLAGE_B1, add_user, build_org, first_login, new_store


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med_a", Role.MEDIATOR, org.units[VILLAGE_A1])
    add_user(store, "med_b", Role.MEDIATOR, org.units[VILLAGE_B1])
    add_user(store, "sup_town", Role.SUPERVISOR, org.units[TOWN_A])
    add_user(store, "sup", Role.SUPERVISOR, org.district)
    yield (store, first_login(store, "med_a"), first_login(store, "med_b"), first_login(store, "sup_town"),
           first_login(store, "sup"))
    store.close()


def _case(store, actor, title, kind=CaseKind.PETITION, opened_at=None) -> str:  # noqa: ANN001
    with store.uow(write=True) as uow:
        return cases.create_case(uow, actor, cases.NewCase(title=title, kind=kind, opened_at=opened_at)).row.id


def test_queue_orders_major_overdue_approval_soon_idle(world) -> None:  # noqa: ANN001
    store, med_a, med_b, sup_town, sup = world
    now = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)
    # The whole story happens on the clock it is told in: events are stamped by the product's clock.
    with clock.frozen_at(now):
        overdue = _case(store, med_a, "逾期未受理的来访", opened_at=now - timedelta(days=30))
        soon = _case(store, med_a, "即将到期的来访", opened_at=now - timedelta(days=13))
        major = _case(store, med_b, "家暴高危个案", kind=CaseKind.CRISIS, opened_at=now - timedelta(days=1))
        with store.uow(write=True) as uow:
            workflow.set_major_incident(uow, med_b, major, True, "危险评估为高")
        pending = _case(store, med_a, "申请结案的调解", kind=CaseKind.MEDIATION, opened_at=now)
        with store.uow(write=True) as uow:
            workflow.transition(uow, med_a, pending, T.ACCEPT)
            workflow.transition(uow, med_a, pending, T.REQUEST_CLOSURE, reason="调解成功")
        quiet = _case(store, med_a, "无人跟进的咨询", kind=CaseKind.COUNSELLING, opened_at=now - timedelta(days=50))
        with store.uow() as uow:
            queue = review.review_queue(uow, sup, now=now + timedelta(days=40))
        order = [item.case.id for item in queue]
        assert order.index(major) < order.index(overdue) < order.index(pending)
        first = {item.case.id: item.reasons[0] for item in queue}
        assert first[major] == Reason.MAJOR and first[overdue] == Reason.OVERDUE
        assert first[pending] in (Reason.OVERDUE, Reason.APPROVAL)
        assert Reason.APPROVAL in next(i for i in queue if i.case.id == pending).reasons
        assert first[quiet] == Reason.IDLE

        with store.uow() as uow:
            at_registration = {i.case.id: i for i in review.review_queue(uow, sup, now=now)}
        assert at_registration[soon].reasons == (Reason.DUE_SOON,)
        assert "到期" in at_registration[soon].detail and "办结" not in at_registration[soon].detail


def test_town_supervisor_sees_only_its_subtree_and_mediators_have_no_queue(world) -> None:  # noqa: ANN001
    store, med_a, med_b, sup_town, _sup = world
    mine = _case(store, med_a, "本街道的重大案件")
    theirs = _case(store, med_b, "另一街道的重大案件")
    with store.uow(write=True) as uow:
        workflow.set_major_incident(uow, med_a, mine, True, "高危")
        workflow.set_major_incident(uow, med_b, theirs, True, "高危")
    with store.uow() as uow:
        ids = {i.case.id for i in review.review_queue(uow, sup_town)}
    assert mine in ids and theirs not in ids
    with pytest.raises(PermissionDenied):
        with store.uow() as uow:
            review.review_queue(uow, med_a)
