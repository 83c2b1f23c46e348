"""Nobody decides their own request: a supervisor who asked for a closure sees 批准/驳回 disabled on it, with a
tooltip saying why, on the case screen and in the review queue; another supervisor decides it."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from fulian_desktop.domain.enums import CaseKind, CaseStatus, Role
from fulian_desktop.domain.errors import PermissionDenied
from fulian_desktop.domain.workflow import Transition
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases, review, workflow
from fulian_desktop.store.store import Store
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.cases.case_view import CaseViewPage
from ui.review.review_queue import ReviewQueuePage
from ui.session import AppSession
from ui.tasks import TaskRunner

TIMEOUT = 10_000
WHY = "本人提出的申请"


@dataclass
class World:
    store: Store
    sup: Actor      # 李督导: requests the closure
    sup2: Actor     # 王督导: another supervisor
    med: Actor
    case_id: str


@pytest.fixture
def world(tmp_path) -> World:  # noqa: ANN001
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "sup", Role.SUPERVISOR, org.district, display_name="李督导")
    add_user(store, "sup2", Role.SUPERVISOR, org.district, display_name="王督导")
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="张三")
    sup, sup2, med = (first_login(store, n) for n in ("sup", "sup2", "med"))
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, med, cases.NewCase(title="周某离婚纠纷调解", kind=CaseKind.MEDIATION)).row.id
        workflow.transition(uow, med, case_id, Transition.ACCEPT)
        workflow.transition(uow, sup, case_id, Transition.REQUEST_CLOSURE, reason="双方达成协议并已履行")
    yield World(store, sup, sup2, med, case_id)
    store.close()


@pytest.fixture(autouse=True)
def answered_messages():  # noqa: ANN201
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()


@pytest.fixture
def session_for(qtbot, world: World):  # noqa: ANN001, ANN201
    made: list[AppSession] = []

    def make(actor: Actor) -> AppSession:
        session = AppSession(world.store, TaskRunner())
        session.set_actor(actor)
        made.append(session)
        return session

    yield make
    for session in made:
        qtbot.waitUntil(lambda s=session: not s.tasks.busy(), timeout=TIMEOUT)
        session.tasks.wait_idle()


def _show(qtbot, page):  # noqa: ANN001, ANN202
    qtbot.addWidget(page)
    page.resize(1300, 820)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_approval_view_names_its_requester_and_the_core_refuses_self_approval(world: World) -> None:
    with world.store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, world.sup2, case_id=world.case_id, pending_only=True)
        (queued,) = [i for i in review.review_queue(uow, world.sup2) if i.case.id == world.case_id]
    assert queued.approval_requested_by == (world.sup.user_id,)
    assert pending.requested_by == world.sup.user_id and pending.requested_by_name == "李督导"
    assert pending.requested_by_actor(world.sup) and not pending.requested_by_actor(world.sup2)
    assert not pending.may_decide(world.sup) and pending.may_decide(world.sup2)
    assert not pending.may_decide(world.med)                     # a mediator decides nothing
    with pytest.raises(PermissionDenied) as err:
        with world.store.uow(write=True) as uow:
            workflow.decide(uow, world.sup, pending.id, True)
    assert err.value.code == "self_approval" and "其他督导" in err.value.message


def test_the_case_screen_disables_deciding_ones_own_request(qtbot, world: World, session_for) -> None:  # noqa: ANN001
    own = _show(qtbot, CaseViewPage(session_for(world.sup), world.case_id))
    qtbot.waitUntil(lambda: own.approval_bar.texts() == ["待审批：结案（李督导申请）"], timeout=TIMEOUT)
    approve, reject = own.approval_bar.decide_buttons[next(iter(own.approval_bar.decide_buttons))]
    assert not approve.isEnabled() and not reject.isEnabled()
    assert WHY in approve.toolTip() and WHY in reject.toolTip()
    own.approval_bar._busy(False)                                # the runner going idle does not re-enable them
    assert not approve.isEnabled()
    qtbot.mouseClick(approve, Qt.LeftButton)
    assert own.runner.dialog is None

    other = _show(qtbot, CaseViewPage(session_for(world.sup2), world.case_id))
    qtbot.waitUntil(lambda: other.approval_bar.texts() == ["待审批：结案（李督导申请）"], timeout=TIMEOUT)
    approve2, reject2 = next(iter(other.approval_bar.decide_buttons.values()))
    assert approve2.isEnabled() and reject2.isEnabled() and WHY not in approve2.toolTip()


def test_the_review_queue_lets_another_supervisor_decide(qtbot, world: World, session_for) -> None:  # noqa: ANN001
    page = _show(qtbot, ReviewQueuePage(session_for(world.sup)))
    qtbot.waitUntil(lambda: page.data is not None and page.approvals.model.rowCount() == 1, timeout=TIMEOUT)
    assert page.approvals.select_case(world.case_id)
    panel = page.approvals
    assert not panel.approve_button.isEnabled() and not panel.reject_button.isEnabled()
    assert WHY in panel.approve_button.toolTip() and panel.own_note.isVisible()
    panel.decide(True)                                            # refused here, nothing sent
    assert not panel.busy and panel.status.text() == ""

    page2 = _show(qtbot, ReviewQueuePage(session_for(world.sup2)))
    qtbot.waitUntil(lambda: page2.data is not None and page2.approvals.model.rowCount() == 1, timeout=TIMEOUT)
    assert page2.approvals.select_case(world.case_id)
    assert page2.approvals.approve_button.isEnabled() and not page2.approvals.own_note.isVisible()
    qtbot.mouseClick(page2.approvals.approve_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "已批准" in page2.approvals.status.text(), timeout=TIMEOUT)
    with world.store.uow() as uow:
        assert cases.get_case(uow, world.sup2, world.case_id).row.status == CaseStatus.CLOSED
