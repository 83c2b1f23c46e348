"""The case screen's workflow on a real encrypted store: steps, approvals, clocks and referrals."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSpinBox

from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.enums import CaseKind, CaseStatus, PetitionOutcome, Role
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.clocks import clocks
from fulian_desktop.services.referral import referrals
from fulian_desktop.store.base import utcnow
from fulian_desktop.store.store import Store
from tests.support.qt_input import type_chinese
from tests.support.stores import TOWN_A, VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.cases.case_view import CLOCK_REFRESH_MS, CaseViewPage
from ui.session import AppSession
from ui.tasks import TaskRunner

TIMEOUT = 10_000


@dataclass
class World:
    store: Store
    mediator: Actor   # 张三, a village mediator (郭亮村)
    supervisor: Actor  # 李督导, district supervisor
    town: Actor       # 王街道, a mediator of the village's town
    units: dict[str, str]

    def new_case(self, *, opened_days_ago: int = 0, steps: tuple[T, ...] = (), closure_reason: str = "") -> str:
        opened = utcnow() - timedelta(days=opened_days_ago) if opened_days_ago else None
        with self.store.uow(write=True) as uow:
            case_id = cases.create_case(uow, self.mediator, cases.NewCase(
                title="刘某某反映家庭纠纷", kind=CaseKind.PETITION, category="婚姻家庭", opened_at=opened)).row.id
        for step in steps:
            closing = step == T.REQUEST_CLOSURE   # a petition closes with its 处理意见 and their facts and basis
            with self.store.uow(write=True) as uow:
                workflow.transition(uow, self.mediator, case_id, step, reason=closure_reason if closing else None,
                                    petition_outcome="support" if closing else None,
                                    petition_basis="经查属实，依法予以支持。" if closing else None,
                                    petition_facts="经走访核实，来访人反映的情况属实。" if closing else None)
        return case_id

    def status(self, case_id: str) -> CaseStatus:
        with self.store.uow(write=True) as uow:
            return cases.get_case(uow, self.supervisor, case_id).row.status


@pytest.fixture
def world(tmp_path) -> World:  # noqa: ANN001
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "cun", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="张三")
    add_user(store, "sup", Role.SUPERVISOR, org.district, display_name="李督导")
    add_user(store, "jie", Role.MEDIATOR, org.units[TOWN_A], display_name="王街道")
    yield World(store, first_login(store, "cun"), first_login(store, "sup"), first_login(store, "jie"), org.units)
    store.close()


@pytest.fixture(autouse=True)
def answered_messages():
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()


@pytest.fixture
def open_page(qtbot, world: World):  # noqa: ANN001, ANN201
    sessions: list[AppSession] = []

    def open_(case_id: str, actor: Actor | None = None) -> CaseViewPage:
        session = AppSession(world.store, TaskRunner())
        session.set_actor(actor or world.mediator)
        sessions.append(session)
        page = CaseViewPage(session, case_id)
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.show()
        qtbot.waitUntil(lambda: page.detail is not None and page.extras is not None, timeout=TIMEOUT)
        return page

    yield open_
    for session in sessions:
        qtbot.waitUntil(lambda s=session: not s.tasks.busy(), timeout=TIMEOUT)
        session.tasks.wait_idle()


def _button(page: CaseViewPage, name: str) -> QPushButton:
    button = page.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _dialog(qtbot, page: CaseViewPage):  # noqa: ANN001, ANN202
    qtbot.waitUntil(lambda: page.runner.dialog is not None and page.runner.dialog.isVisible(), timeout=TIMEOUT)
    return page.runner.dialog


def _settled(page: CaseViewPage) -> bool:
    return not page.runner.busy and not page.session.tasks.busy()


def _chip_kinds(page: CaseViewPage) -> list[str]:
    return [chip.objectName().removeprefix("clock_chip_") for chip in page.actions_bar.chips.chips]


# --- workflow steps --------------------------------------------------------------------------------

def test_accepting_a_registered_petition_stops_acceptance_and_starts_the_conclusion_clock(
        qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case()
    page = open_page(case_id)
    assert page.actions_bar.status.text() == "状态：登记"
    assert _chip_kinds(page) == [ClockKind.PETITION_ACCEPTANCE.value]
    assert page.actions_bar.chips.texts()[0].startswith("信访告知：剩 ")
    visible = [b.text() for b in page.actions_bar.buttons.values() if b.isVisibleTo(page)]
    assert visible == ["受理", "不予受理", "转办"]

    with qtbot.waitSignal(page.session.changes.sig_changed, timeout=TIMEOUT) as changed:
        qtbot.mouseClick(_button(page, "step_accept"), Qt.LeftButton)
    assert changed.args[0].kinds() == {"case"} and changed.args[0].case_ids == {page.case_id}
    qtbot.waitUntil(lambda: page.detail.row.status == CaseStatus.ACCEPTED
                    and _chip_kinds(page) == [ClockKind.PETITION_CONCLUSION.value], timeout=TIMEOUT)
    assert page.actions_bar.status.text() == "状态：受理"
    assert page.actions_bar.notice.text() == "已受理"
    assert re.match(r"信访办结：剩 6\d 天（20\d\d-\d\d-\d\d 到期）", page.actions_bar.chips.texts()[0])
    # The 时限 tab keeps the stopped acceptance clock, on time.
    rows = {page.clocks.table.item(r, 0).text(): page.clocks.table.item(r, 3).text()
            for r in range(page.clocks.table.rowCount())}
    assert rows == {"信访告知": "已停止（按时）", "信访办结": "进行中"}
    assert world.status(case_id) == CaseStatus.ACCEPTED
    visible = [b.text() for b in page.actions_bar.buttons.values() if b.isVisibleTo(page)]
    assert visible == ["开始办理", "申请结案", "转办", "终止"]


def test_requesting_closure_with_a_reason_shows_the_pending_approval(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case(steps=(T.ACCEPT, T.START))
    page = open_page(case_id)
    assert not page.approval_bar.isVisible()
    qtbot.mouseClick(_button(page, "step_request_closure"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert "督导审批" in dialog.notice.text()
    assert not dialog.ok_button.isEnabled()
    type_chinese(dialog.text, "双方已达成调解协议")
    dialog.radios[PetitionOutcome.SUPPORT].setChecked(True)   # a petition's 处理意见: tests/ui/test_petition_closure_ui.py
    type_chinese(dialog.facts_text, "经走访核实，情况属实。")
    type_chinese(dialog.basis_text, "经查属实，依法予以支持。")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    qtbot.waitUntil(lambda: page.approval_bar.texts() == ["待审批：结案（张三申请）"] and _settled(page),
                    timeout=TIMEOUT)
    assert page.approval_bar.isVisible()
    assert "双方已达成调解协议" in page.approval_bar.labels[0].text()
    assert page.detail.row.status == CaseStatus.PENDING_CLOSURE
    assert page.approval_bar.decide_buttons == {}  # a mediator cannot decide
    assert page.actions_bar.notice.text() == "已申请结案，等待督导审批"


def test_a_supervisor_approves_the_closure_right_in_the_header(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case(steps=(T.ACCEPT, T.START, T.REQUEST_CLOSURE), closure_reason="调解成功")
    page = open_page(case_id, world.supervisor)
    assert page.approval_bar.texts() == ["待审批：结案（张三申请）"]
    approve = _button(page, "approve_close")
    assert approve.isVisible() and _button(page, "reject_close").isVisible()

    qtbot.mouseClick(approve, Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert dialog.ok_button.isEnabled()  # the approval note may stay empty
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.detail.row.status == CaseStatus.CLOSED and not page.extras.approvals
                    and _settled(page), timeout=TIMEOUT)
    assert not page.approval_bar.isVisible()
    assert page.actions_bar.chips.chips == []  # every clock stopped
    assert world.status(case_id) == CaseStatus.CLOSED
    visible = [b.text() for b in page.actions_bar.buttons.values() if b.isVisibleTo(page)]
    assert visible == ["重新办理"]


def test_rejecting_a_closure_needs_a_note(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case(steps=(T.ACCEPT, T.START, T.REQUEST_CLOSURE), closure_reason="调解成功")
    page = open_page(case_id, world.supervisor)
    qtbot.mouseClick(_button(page, "reject_close"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert not dialog.ok_button.isEnabled()
    type_chinese(dialog.text, "协议履行情况未回访")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.detail.row.status == CaseStatus.IN_PROGRESS and not page.extras.approvals
                    and _settled(page), timeout=TIMEOUT)


def test_buqi_shouli_with_an_empty_reason_keeps_ok_disabled(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case()
    page = open_page(case_id)
    qtbot.mouseClick(_button(page, "step_reject"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert dialog.windowTitle() == "不予受理"
    assert "督导审批" in dialog.notice.text() and dialog.notice.isVisible()
    assert not dialog.ok_button.isEnabled()
    dialog.text.setPlainText("   \n  ")
    assert not dialog.ok_button.isEnabled()
    assert "请填写不予受理的理由" in dialog.hint.text()
    dialog.accept()  # e.g. Enter on the default button: refused while the reason is blank
    assert dialog.isVisible()
    type_chinese(dialog.text, "不属于妇联受理范围")
    assert dialog.ok_button.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: page.runner.dialog is None, timeout=TIMEOUT)
    assert world.status(case_id) == CaseStatus.REGISTERED


def test_a_gated_buqi_shouli_waits_for_the_supervisor(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case()
    page = open_page(case_id)
    qtbot.mouseClick(_button(page, "step_reject"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    type_chinese(dialog.text, "不属于妇联受理范围")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.approval_bar.texts() == ["待审批：不予受理（张三申请）"] and _settled(page),
                    timeout=TIMEOUT)
    assert page.detail.row.status == CaseStatus.REGISTERED  # unchanged until approved
    assert not _button(page, "step_reject").isEnabled()
    assert "已有待审批" in _button(page, "step_reject").toolTip()


def test_the_major_incident_flag_is_raised_with_a_reason(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case()
    page = open_page(case_id)
    assert not _button(page, "major_remove").isVisibleTo(page)
    qtbot.mouseClick(_button(page, "major_raise"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert not dialog.ok_button.isEnabled()
    type_chinese(dialog.text, "当事人扬言自杀")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.detail.row.major_incident and _settled(page), timeout=TIMEOUT)
    assert _button(page, "major_remove").isVisibleTo(page)
    assert not _button(page, "major_raise").isVisibleTo(page)


# --- clocks --------------------------------------------------------------------------------------

def test_an_overdue_clock_chip_is_red_and_says_overdue(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case(opened_days_ago=40)
    page = open_page(case_id)
    (chip,) = page.actions_bar.chips.chips
    assert chip.property("clock_status") == "overdue"
    assert chip.text().startswith("信访告知：已超期 ")
    assert "#b3261e" in chip.styleSheet()
    assert "信访工作条例" in chip.toolTip() and "第二十三条" in chip.toolTip()
    assert page.clocks.table.item(0, 3).text() == "已超期"
    # The minute tick re-reads the clocks without a full reload.
    assert page.clock_timer.isActive() and page.clock_timer.interval() == CLOCK_REFRESH_MS
    page.refresh_clocks()
    qtbot.waitUntil(lambda: not page._clock_refresh_busy, timeout=TIMEOUT)
    assert page.actions_bar.chips.chips[0].property("clock_status") == "overdue"


def test_clocks_tab_pauses_resumes_and_asks_for_an_extension(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case(steps=(T.ACCEPT,))
    page = open_page(case_id)
    page.tabs.setCurrentWidget(page.clocks)
    page.clocks.select_kind(ClockKind.PETITION_CONCLUSION.value)
    assert page.clocks.extend_button.isEnabled() and not page.clocks.resume_button.isEnabled()

    qtbot.mouseClick(page.clocks.pause_button, Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert not dialog.ok_button.isEnabled()
    type_chinese(dialog.text, "组织听证")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.clocks.selected() is not None and page.clocks.selected().paused
                    and _settled(page), timeout=TIMEOUT)
    assert page.actions_bar.chips.texts()[0].startswith("信访办结：已暂停")
    assert page.clocks.resume_button.isEnabled() and not page.clocks.pause_button.isEnabled()
    qtbot.mouseClick(page.clocks.resume_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.clocks.selected().paused and _settled(page), timeout=TIMEOUT)

    qtbot.mouseClick(page.clocks.extend_button, Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    days = dialog.findChild(QSpinBox, "extend_days")
    assert (days.minimum(), days.maximum()) == (1, 30)
    days.setValue(20)
    type_chinese(dialog.text, "情况复杂，需补充调查")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.approval_bar.texts() == ["待审批：延期 20 天（信访办结）（张三申请）"]
                    and _settled(page), timeout=TIMEOUT)
    assert not page.clocks.extend_button.isEnabled()  # one request at a time
    page.clocks.select_kind(ClockKind.PETITION_CONCLUSION.value)
    assert "等待督导审批" in page.clocks.extend_button.toolTip()


def test_extension_is_disabled_where_the_law_allows_none(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case()
    with world.store.uow(write=True) as uow:
        clocks.start_clock(uow, world.mediator, case_id, ClockKind.LEGAL_AID_DECISION)
    page = open_page(case_id)
    page.clocks.select_kind(ClockKind.LEGAL_AID_DECISION.value)
    assert page.clocks.pause_button.isEnabled()
    assert not page.clocks.extend_button.isEnabled()
    assert "不能延长" in page.clocks.extend_button.toolTip()


# --- referrals -------------------------------------------------------------------------------------

def test_referring_a_village_case_to_the_town_shows_it_waiting(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case(steps=(T.ACCEPT,))
    page = open_page(case_id)
    page.tabs.setCurrentWidget(page.referrals)
    assert page.referrals.table.rowCount() == 0
    qtbot.mouseClick(_button(page, "referral_tier"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=TIMEOUT)
    assert [dialog.target.itemText(i) for i in range(dialog.target.count())] == ["上报给 高塘岭街道（街镇）"]
    assert not dialog.ok_button.isEnabled()
    type_chinese(dialog.text, "涉及跨村纠纷，需街道协调")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    qtbot.waitUntil(lambda: page.referrals.table.rowCount() == 1 and _settled(page), timeout=TIMEOUT)
    cells = [page.referrals.table.item(0, c).text() for c in range(page.referrals.table.columnCount())]
    assert cells[:5] == ["层级转介", "上报", "郭亮村 → 高塘岭街道", "待接收", "涉及跨村纠纷，需街道协调"]
    assert not _button(page, "referral_tier").isEnabled()  # one pending tier referral at a time
    assert _button(page, "referral_withdraw").isEnabled()
    assert not _button(page, "referral_accept").isVisibleTo(page)  # the sender cannot accept
    assert "待接收" in page.referrals.details.text()


def test_the_receiving_town_accepts_from_the_case_screen(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case(steps=(T.ACCEPT,))
    with world.store.uow(write=True) as uow:
        referrals.refer_to_tier(uow, world.mediator, case_id, world.units[TOWN_A], "需街道协调")
    page = open_page(case_id, world.town)
    page.tabs.setCurrentWidget(page.referrals)
    page.referrals.table.selectRow(0)
    accept = _button(page, "referral_accept")
    assert accept.isVisible() and accept.isEnabled() and _button(page, "referral_return").isVisible()
    assert not _button(page, "referral_withdraw").isEnabled()
    qtbot.mouseClick(accept, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.detail.row.unit_name == TOWN_A and _settled(page), timeout=TIMEOUT)
    assert page.referrals.table.item(0, 3).text() == "已接收"
    assert not _button(page, "referral_accept").isVisible()


def test_referring_to_an_agency_records_consent_and_the_agencys_answer(qtbot, world, open_page) -> None:  # noqa: ANN001
    case_id = world.new_case(steps=(T.ACCEPT,))
    page = open_page(case_id)
    page.tabs.setCurrentWidget(page.referrals)
    qtbot.mouseClick(_button(page, "referral_agency"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    assert not dialog.consent_override.isVisibleTo(dialog)  # only supervisors may override consent
    dialog.agency_type.setCurrentIndex(dialog.agency_type.findData("legal_aid"))
    type_chinese(dialog.agency_name, "望城区法律援助中心")
    type_chinese(dialog.text, "申请法律援助")
    assert not dialog.ok_button.isEnabled() and "同意" in dialog.hint.text()
    dialog.consent_given.setChecked(True)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.referrals.table.rowCount() == 1 and _settled(page), timeout=TIMEOUT)
    assert page.referrals.table.item(0, 3).text() == "已发送"
    assert "基本情况、案情摘要" in page.referrals.details.text()

    qtbot.mouseClick(_button(page, "referral_response"), Qt.LeftButton)
    dialog = _dialog(qtbot, page)
    dialog.refused.setChecked(True)
    assert not dialog.ok_button.isEnabled()  # a refusal needs its reason
    dialog.received.setChecked(True)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.referrals.table.item(0, 3).text() == "已接收" and _settled(page), timeout=TIMEOUT)
    assert _button(page, "referral_feedback").isEnabled()
    assert not _button(page, "referral_response").isEnabled()
