"""The reception desk's intake form, the supervisor's review queue and the referral inbox,
on a real encrypted store in tmp_path."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import select

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, CaseStatus, PartyRole, Role
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.workflow import Transition
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.intake import intake
from fulian_desktop.services.referral import referrals
from fulian_desktop.store.models import IntakeRecord
from fulian_desktop.store.store import Store
from tests.support.qt_input import type_chinese
from tests.support.stores import DISTRICT, TOWN_A, VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.navigation import pages_for
from ui.referral.inbox import InboxPage
from ui.crisis.danger_assessment_dialog import DangerAssessmentDialog
from ui.intake.receipt_dialog import ReceiptDialog
from ui.intake.intake_fields import plain
from ui.intake.intake_form import IntakeFormPage
from ui.review.review_queue import ReviewQueuePage
from ui.session import AppSession
from ui.tasks import TaskRunner

VISITOR_ID = make_id_number("430122", date(1986, 8, 15), 222)   # 刘桂兰, on file with an open case
NEW_ID = make_id_number("430122", date(1990, 3, 9), 128)
TIMEOUT = 10_000


@dataclass
class World:
    store: Store
    actors: dict[str, Actor]
    units: dict[str, str]
    person_id: str
    first_case_id: str
    first_case_no: str


@pytest.fixture
def world(tmp_path) -> World:  # noqa: ANN001
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    for name, role, unit, display in (("rec", Role.RECEPTION, VILLAGE_A1, "赵接待"),
                                      ("med", Role.MEDIATOR, VILLAGE_A1, "郭调解"),
                                      ("town", Role.MEDIATOR, TOWN_A, "街道李"),
                                      ("sup", Role.SUPERVISOR, DISTRICT, "区督导")):
        add_user(store, name, role, org.units[unit] if unit != DISTRICT else org.district, display_name=display)
    actors = {n: first_login(store, n) for n in ("rec", "med", "town", "sup")}
    with store.uow(write=True) as uow:
        first = intake.register_contact(uow, actors["rec"], IntakeInput(
            name="刘桂兰", channel=Channel.VISIT, decision=IntakeDecision.ACCEPT, request="要求丈夫停止殴打",
            category="婚姻家庭", sub_category="家庭暴力", sex="female", id_number=VISITOR_ID, phone="13907312468",
            address="郭亮村五组 12 号", received_at=clock.now_utc() - timedelta(days=3)))
    yield World(store, actors, org.units, first.person_id, first.case_id, first.case_no)
    store.close()


@pytest.fixture(autouse=True)
def answered_messages():  # noqa: ANN201
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()


@pytest.fixture
def sessions(qtbot, world: World):  # noqa: ANN001, ANN201
    made: list[AppSession] = []

    def make(name: str) -> AppSession:
        session = AppSession(world.store, TaskRunner())
        session.set_actor(world.actors[name])
        made.append(session)
        return session

    yield make
    for session in made:
        qtbot.waitUntil(lambda s=session: not s.tasks.busy(), timeout=TIMEOUT)
        session.tasks.wait_idle()


def _show(qtbot, page):  # noqa: ANN001, ANN202
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=TIMEOUT)  # keyboard focus, as at a real desk
    return page


def _pick(combo, value: str) -> None:  # noqa: ANN001
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


# --- the intake form -------------------------------------------------------------------------------

def test_a_known_id_number_warns_and_same_person_saves_a_repeat_visit_on_that_person(qtbot, world, sessions):  # noqa: ANN001
    session = sessions("rec")
    page = _show(qtbot, IntakeFormPage(session))
    ed = page.ed
    assert ed.channel.currentText() == "来访" and ed.received_at.dateTime().isValid()
    qtbot.keyClicks(ed.id_number, VISITOR_ID)  # digits: keyClicks is fine
    qtbot.waitUntil(lambda: world.person_id in page.duplicates.cards, timeout=TIMEOUT)
    card = page.duplicates.cards[world.person_id]
    assert "刘桂兰" in card.findChild(QLabel, "match_name").text()
    assert "身份证号相同" in [label.text() for label in card.findChildren(QLabel)]
    assert "139****2468" in card.findChild(QLabel, "match_contacts").text()  # reception sees masked contacts
    assert any(world.first_case_no in label.text() for label in card.findChildren(QLabel, "match_case"))
    assert ed.sex.currentData() == "female" and ed.age.value() > 30  # filled from the ID number
    with qtbot.waitSignal(page.sig_open_case) as opened:
        qtbot.mouseClick(card.findChild(QPushButton, "open_case"), Qt.LeftButton)
    assert opened.args == [world.first_case_id]

    qtbot.mouseClick(card.findChild(QPushButton, "same_person"), Qt.LeftButton)
    assert page.person_id == world.person_id
    assert ed.name.text() == "刘桂兰"  # taken from the person on file
    qtbot.waitUntil(lambda: page.duplicates.cards[world.person_id].findChild(QLabel, "chosen_label") is not None,
                    timeout=TIMEOUT)
    type_chinese(ed.address, "郭亮村五组 12 号")
    type_chinese(ed.request, "再次要求处理丈夫家暴问题")
    type_chinese(ed.facts, "上次调解后仍有殴打")
    _pick(ed.category, "婚姻家庭")
    _pick(ed.sub_category, "家庭暴力")
    _pick(ed.decision, "accept")
    assert page.fields["decision_note"].isVisible() and plain(page.row_labels["decision_note"].text()) == "受理意见"
    assert not page.fields["transfer_to"].isVisible()
    qtbot.waitUntil(lambda: ed.is_repeat.isChecked(), timeout=TIMEOUT)  # the service says: repeat visit
    assert "重复访" in page.findChild(QLabel, "error_is_repeat").text()
    qtbot.waitUntil(page.save_button.isEnabled, timeout=TIMEOUT)

    ed.decision_note.setFocus()
    with qtbot.waitSignal(page.sig_saved, timeout=TIMEOUT) as saved:
        qtbot.keyClick(ed.decision_note, Qt.Key_Return)  # Enter in the last single-line field saves
    view = saved.args[0]
    assert view.decision == IntakeDecision.ACCEPT and view.is_repeat and view.person_id == world.person_id
    assert view.case_id and view.case_id != world.first_case_id
    assert page.result.isVisible() and view.case_no in page.result.text.text()
    assert "受理" in page.result.text.text() and "重复访" in page.result.text.text()
    assert ed.name.text() == "" and ed.id_number.text() == "" and page.person_id is None  # ready for the next
    assert ed.channel.currentText() == "来访"
    # "家暴" and "殴打" were typed: the danger assessment opens before the form is left, then the receipt.
    assessment = page.after_save_dialog
    assert isinstance(assessment, DangerAssessmentDialog) and assessment.isVisible()
    assessment.reject()   # 稍后评估
    qtbot.waitUntil(lambda: isinstance(page.after_save_dialog, ReceiptDialog), timeout=TIMEOUT)
    assert "危险评估尚未完成" in page.result.text.text()
    page.after_save_dialog.reject()   # 不打印
    assert page.after_save_dialog is None
    qtbot.waitUntil(ed.name.hasFocus, timeout=TIMEOUT)   # ready for the next visitor
    with qtbot.waitSignal(page.sig_open_case) as opened:
        qtbot.mouseClick(page.result.open_button, Qt.LeftButton)
    assert opened.args == [view.case_id]
    qtbot.waitUntil(lambda: not page.session.tasks.busy(), timeout=TIMEOUT)   # the receipt's render is done

    with world.store.uow() as uow:
        detail = cases.get_case(uow, world.actors["rec"], view.case_id)
        record = uow.s.execute(select(IntakeRecord.is_repeat, IntakeRecord.person_id)
                               .where(IntakeRecord.id == view.id)).one()
    assert detail.row.status == CaseStatus.ACCEPTED and detail.row.kind == CaseKind.PETITION
    (party,) = detail.parties
    assert party.person_id == world.person_id and party.role == PartyRole.APPLICANT
    assert record.is_repeat and record.person_id == world.person_id


def test_an_invalid_id_number_shows_the_checksum_error_beside_it_and_blocks_saving(qtbot, world, sessions):  # noqa: ANN001
    page = _show(qtbot, IntakeFormPage(sessions("rec")))
    ed = page.ed
    type_chinese(ed.name, "钱秀英")
    type_chinese(ed.request, "咨询离婚财产分割")
    _pick(ed.decision, "consultation")
    qtbot.waitUntil(page.save_button.isEnabled, timeout=TIMEOUT)

    wrong = NEW_ID[:-1] + ("1" if NEW_ID[-1] != "1" else "2")
    ed.id_number.setFocus()
    qtbot.keyClicks(ed.id_number, wrong[:10])
    error = page.findChild(QLabel, "error_id_number")
    assert error.text() == ""  # half typed: not an error yet
    assert not page.save_button.isEnabled()
    qtbot.keyClicks(ed.id_number, wrong[10:])
    assert "校验位" in error.text() and f"应为 {NEW_ID[-1]}" in error.text() and error.isVisible()
    assert ed.id_number.property("validation") == "error"
    assert not page.save_button.isEnabled()
    assert "身份证号" in page.status.text()
    page.save()  # Ctrl+S does the same: nothing is written
    assert not page.saving and ed.id_number.hasFocus()

    ed.id_number.setText(NEW_ID)
    assert error.text() == "湖南省长沙市望城县" and ed.id_number.property("validation") == ""  # the region beside it
    qtbot.waitUntil(page.save_button.isEnabled, timeout=TIMEOUT)
    assert ed.sex.currentData() == "female" and ed.birth_date.date().toPython() == date(1990, 3, 9)
    with qtbot.waitSignal(page.sig_saved, timeout=TIMEOUT) as saved:
        qtbot.keyClick(ed.request, Qt.Key_S, Qt.ControlModifier)  # Ctrl+S saves, even in a text box
    assert saved.args[0].case_id is None and "不立案" in page.result.text.text()
    assert not page.result.open_button.isVisible()
    type_chinese(ed.name, "李四")
    type_chinese(ed.request, "咨询")
    _pick(ed.decision, "answered")
    assert not page.save_button.isEnabled() and "投诉类别" in page.status.text()  # 当场答复 is counted by category
    _pick(ed.category, "综合")
    assert not ed.sub_category.isEnabled()  # 综合 has no sub-types
    qtbot.waitUntil(page.save_button.isEnabled, timeout=TIMEOUT)
    with qtbot.waitSignal(page.sig_saved, timeout=TIMEOUT):
        qtbot.keyClick(ed.name, Qt.Key_S, Qt.ControlModifier)


def test_keyboard_enter_moves_on_and_the_decision_shows_its_fields(qtbot, world, sessions):  # noqa: ANN001
    page = _show(qtbot, IntakeFormPage(sessions("rec")))
    ed = page.ed
    ed.name.setFocus()
    qtbot.keyClick(ed.name, Qt.Key_Return)
    assert ed.id_number.hasFocus()   # the ID number next: it gives sex, birth date and age
    qtbot.keyClick(ed.id_number, Qt.Key_Return)
    assert ed.sex.hasFocus()         # no valid ID number: sex is asked
    ed.people_count.setFocus()
    qtbot.keyClick(ed.people_count, Qt.Key_Return)
    assert ed.is_group.hasFocus()  # the (hidden) representatives are skipped
    ed.is_group.setChecked(True)
    assert page.fields["representatives"].isVisible() and ed.people_count.value() == 2
    _pick(ed.decision, "transfer")
    assert page.fields["transfer_to"].isVisible() and plain(page.row_labels["decision_note"].text()) == "转办说明"
    _pick(ed.decision, "reject")
    assert not page.fields["transfer_to"].isVisible() and plain(page.row_labels["decision_note"].text()) == "不予受理理由"
    page.save()  # every field now shows what it lacks
    assert page.findChild(QLabel, "error_decision_note").text().startswith("不予受理须写明理由")
    assert page.findChild(QLabel, "error_name").text()
    type_chinese(ed.name, "孙某")
    page.ask_clear()  # Esc: asks, then clears (the test answers yes)
    assert messages.recorded[-1][0] == "清空表单" and ed.name.text() == "" and ed.decision.currentData() is None


# --- the review queue ------------------------------------------------------------------------------

def test_the_queue_lists_a_major_incident_first_and_approving_a_closure_closes_the_case(qtbot, world, sessions):  # noqa: ANN001
    store, med = world.store, world.actors["med"]
    now = clock.now_utc()
    with store.uow(write=True) as uow:
        overdue = cases.create_case(uow, med, cases.NewCase(title="陈某反映征地补偿分配不公", kind=CaseKind.PETITION,
                                                            opened_at=now - timedelta(days=40))).row.id
        major = cases.create_case(uow, med, cases.NewCase(title="黄某某家暴高危求助", kind=CaseKind.CRISIS)).row.id
        closing = cases.create_case(uow, med, cases.NewCase(title="周某离婚纠纷调解", kind=CaseKind.MEDIATION)).row.id
    with store.uow(write=True) as uow:
        workflow.set_major_incident(uow, med, major, True, "危险评估为高")
        workflow.transition(uow, med, closing, Transition.ACCEPT)
        workflow.transition(uow, med, closing, Transition.REQUEST_CLOSURE, reason="双方达成协议并已履行")

    session = sessions("sup")
    page = ReviewQueuePage(session)
    with qtbot.waitSignal(page.sig_nav_title, timeout=TIMEOUT) as titled:
        _show(qtbot, page)
    count = len(page.data.items)
    assert titled.args == [f"审核队列 ({count})"]
    ids = [item.case.id for item in page.data.items]
    assert ids[0] == major and page.model.index(0, 0).data().startswith("重大案事件")
    assert ids.index(major) < ids.index(overdue) < ids.index(closing)
    assert "已超期" in page.model.index(ids.index(overdue), 0).data()
    assert page.chip_buttons["approval"].text() == "待审批 1"
    page.set_filter("major")
    assert [i.case.id for i in page.model.items] == [major]
    page.set_filter("approval")
    assert [i.case.id for i in page.model.items] == [closing]
    with qtbot.waitSignal(page.sig_open_case) as opened:
        page.table.setFocus()
        page.table.setCurrentIndex(page.model.index(0, 1))
        qtbot.keyClick(page.table, Qt.Key_Return)
    assert opened.args == [closing]
    assert page.approvals.selected().approval.case_id == closing  # the queue row selects its approval

    qtbot.mouseClick(page.approvals.reject_button, Qt.LeftButton)  # 驳回 without a reason: refused here
    assert "驳回须说明理由" in page.approvals.findChild(QLabel, "error_note").text()
    qtbot.mouseClick(page.approvals.approve_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: closing not in [i.case.id for i in page.data.items], timeout=TIMEOUT)
    assert "已批准" in page.approvals.status.text() and page.approvals.model.rowCount() == 0
    with store.uow() as uow:
        assert cases.get_case(uow, world.actors["sup"], closing).row.status == CaseStatus.CLOSED


# --- the referral inbox ----------------------------------------------------------------------------

def test_the_town_accepts_the_villages_referral_from_its_inbox(qtbot, world, sessions):  # noqa: ANN001
    store, med = world.store, world.actors["med"]
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, med, cases.NewCase(title="吴某赡养纠纷", kind=CaseKind.MEDIATION)).row.id
    with store.uow(write=True) as uow:
        referrals.refer_to_tier(uow, med, case_id, world.units[TOWN_A], "村调解三次未果，请街道介入")

    district_view = _show(qtbot, InboxPage(sessions("sup")))  # sees it for oversight, may not act on it
    qtbot.waitUntil(lambda: district_view.inbox_model.rowCount() == 1, timeout=TIMEOUT)
    district_view.inbox_table.selectRow(0)
    assert not district_view.accept_button.isEnabled() and TOWN_A in district_view.hint.text()

    page = InboxPage(sessions("town"))
    with qtbot.waitSignal(page.sig_nav_title, timeout=TIMEOUT) as titled:
        _show(qtbot, page)
    assert titled.args == ["转介收件箱 (1)"]
    item = page.inbox_model.item_at(0)
    assert item.case_id == case_id and item.from_unit_name == VILLAGE_A1 and item.direction_label == "上报"
    assert page.inbox_model.index(0, page.inbox_model.column_of("reason")).data() == "村调解三次未果，请街道介入"
    assert not page.accept_button.isEnabled()  # nothing selected yet
    page.inbox_table.selectRow(0)
    qtbot.mouseClick(page.return_button, Qt.LeftButton)  # 退回 needs a reason
    assert "退回须说明理由" in page.findChild(QLabel, "error_reason").text()
    page.note.setText("已安排街道调解室")
    with qtbot.waitSignal(page.sig_nav_title, timeout=TIMEOUT):
        qtbot.mouseClick(page.accept_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.banner.isVisible() and page.inbox_model.rowCount() == 0, timeout=TIMEOUT)
    assert "已接收" in page.banner_text.text() and TOWN_A in page.banner_text.text()
    with qtbot.waitSignal(page.sig_open_case) as opened:
        qtbot.mouseClick(page.open_button, Qt.LeftButton)
    assert opened.args == [case_id]
    with store.uow() as uow:
        row = cases.get_case(uow, world.actors["town"], case_id).row
    assert row.unit_id == world.units[TOWN_A] and row.handler_name == "街道李"

    village = _show(qtbot, InboxPage(sessions("med")))
    qtbot.waitUntil(lambda: village.outbox_model.rowCount() == 1, timeout=TIMEOUT)
    sent = village.outbox_model.item_at(0)
    assert sent.status_label == "已接收" and sent.to_unit_name == TOWN_A


# --- navigation ------------------------------------------------------------------------------------

def test_each_role_gets_its_home_and_pages(world, sessions) -> None:  # noqa: ANN001
    def keys(name: str) -> list[str]:
        return [spec.key for spec in pages_for(sessions(name))]

    rec = pages_for(sessions("rec"))
    assert rec[0].key == "intake" and rec[0].title == "来访登记" and rec[0].shortcut == "Ctrl+N"
    assert {"my_cases", "unit_cases", "inbox"} <= set(keys("rec")) and "review" not in keys("rec")
    assert keys("sup")[0] == "review" and {"intake", "inbox", "my_cases", "unit_cases"} <= set(keys("sup"))
    assert keys("med")[0] == "home" and {"intake", "inbox"} <= set(keys("med")) and "review" not in keys("med")


def test_the_main_window_shows_the_queue_count_and_opens_cases_from_the_new_pages(qtbot, world, sessions,  # noqa: ANN001
                                                                                 tmp_path):
    from ui.main_window import MainWindow

    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    with world.store.uow(write=True) as uow:
        workflow.set_major_incident(uow, world.actors["rec"], world.first_case_id, True, "扬言杀人")
    session = sessions("sup")
    window = MainWindow(session, unit_name=DISTRICT)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "审核队列 (1)", timeout=TIMEOUT)
    assert window.tabs.tabText(window.tabs.indexOf(window.page("review"))) == "审核队列 (1)"
    window.page("review").queue.sig_open_case.emit(world.first_case_id)
    assert world.first_case_id in window.case_tabs
    assert window.tabs.currentWidget() is window.case_tabs[world.first_case_id]
    intake_action = next(a for a in window.findChildren(QAction) if a.text() == "来访登记")
    assert intake_action.shortcut().toString() == "Ctrl+N"
    intake_action.trigger()  # Ctrl+N from a case tab brings the form forward
    assert window.tabs.currentWidget() is window.page("intake")
    window.page("intake").sig_open_case.emit(world.first_case_id)
    assert window.tabs.currentWidget() is window.case_tabs[world.first_case_id]
    intake_action.trigger()
    assert window.tabs.currentWidget() is window.page("intake")
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=TIMEOUT)
    window.close()  # as the app does: the window goes before the session's task runner
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=TIMEOUT)
    qtbot.wait(50)  # let queued results arrive while the window still exists
