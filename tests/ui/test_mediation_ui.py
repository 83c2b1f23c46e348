"""The mediation tab and the mediation calendar on a real encrypted store: recording a session through the dialog
(refused while a notice is missing), making an agreement whose 解除婚姻关系 term is flagged as not confirmable,
recording every signature (the effective date appears only after the last), the 调解不成 outcome's routes,
and the calendar opening a case."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.mediation_rules import Notice, SessionOutcome, SessionStatus
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.mediation.mediation_sessions import mediator_choices
from fulian_desktop.store.store import Store
from tests.support.qt_input import type_chinese
from tests.support.stores import VILLAGE_A1, VILLAGE_A2, add_user, build_org, first_login, new_store
from ui.mediation.mediation_agreement_dialog import CreateAgreementDialog
from ui.mediation.mediation_followup_dialogs import OutcomeDialog
from ui.mediation.mediation_session_dialogs import RecordSessionDialog
from ui.errors import messages
from ui.mediation.mediation_calendar import MediationCalendarPage
from ui.session import AppSession
from ui.tasks import TaskRunner
from ui.mediation.mediation_agreement_panel import FLAG_COLUMN
from ui.mediation.mediation_tab import MediationTab, build_mediation_tab
from ui.mediation.mediation_terms import TermsEditor

WAIT = 10_000


@dataclass
class World:
    store: Store
    actor: Actor
    case_id: str
    wife: str
    husband: str
    session_id: str


@pytest.fixture
def world(tmp_path) -> World:  # noqa: ANN001
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="周调解")
    add_user(store, "med2", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="吴调解")
    add_user(store, "far", Role.MEDIATOR, org.units[VILLAGE_A2], display_name="郑调解")
    actor = first_login(store, "med")
    first_login(store, "med2")
    first_login(store, "far")
    now = clock.now_local().replace(second=0, microsecond=0)
    scheduled = max(now - timedelta(hours=1), now.replace(hour=0, minute=0))   # earlier today
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, actor, cases.NewCase(title="李桂兰与张建国婚姻家庭纠纷",
                                                              kind=CaseKind.MEDIATION)).row.id
        wife = cases.add_party(uow, actor, case_id, PersonInput(name="李桂兰", sex="female"), PartyRole.APPLICANT).id
        husband = cases.add_party(uow, actor, case_id, PersonInput(name="张建国", sex="male"),
                                  PartyRole.RESPONDENT).id
        session_id = mediation.schedule(uow, actor, case_id, scheduled, "郭亮村人民调解室", [actor.user_id], "吴记录",
                                        [wife, husband]).id
    yield World(store, actor, case_id, wife, husband, session_id)
    store.close()


@pytest.fixture(autouse=True)
def answered_messages():
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()


@pytest.fixture
def session(qtbot, world: World):  # noqa: ANN001, ANN201
    session = AppSession(world.store, TaskRunner())
    session.set_actor(world.actor)
    yield session
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)
    session.tasks.wait_idle()


@pytest.fixture
def hosted(qtbot, session: AppSession, world: World):  # noqa: ANN001, ANN201
    """The tab in a plain QWidget, as the case page hosts it (kept alive by this fixture); `changes` counts
    on_changed calls."""
    changes: list[int] = []
    host = QWidget()
    qtbot.addWidget(host)
    tab = build_mediation_tab(session, world.case_id, lambda: changes.append(1))
    QVBoxLayout(host).addWidget(tab)
    host.resize(1300, 820)
    host.show()
    qtbot.waitUntil(lambda: tab.data is not None, timeout=WAIT)
    yield tab, changes
    host.close()


def _click(qtbot, button) -> None:  # noqa: ANN001
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.LeftButton)


def _save(qtbot, tab: MediationTab, dialog) -> None:  # noqa: ANN001
    """Press the dialog's 保存 and wait until the tab shows the result."""
    with qtbot.waitSignal(tab.sig_loaded, timeout=WAIT):
        _click(qtbot, dialog.ok_button)


def _status_cell(tab: MediationTab, row: int) -> str:
    return tab.sessions.table.item(row, 4).text()


# --- the session record ------------------------------------------------------------------------------

def test_recording_a_session_is_refused_while_a_notice_is_missing_then_saved(qtbot, hosted, world):  # noqa: ANN001
    tab, changes = hosted
    assert tab.sessions.table.rowCount() == 1 and _status_cell(tab, 0) == SessionStatus.SCHEDULED.label
    tab.sessions.table.selectRow(0)
    _click(qtbot, tab.sessions.record_button)
    dialog = tab.runner.dialog
    assert isinstance(dialog, RecordSessionDialog) and dialog.isVisible()
    # The expected parties are ticked as present; nothing is told yet.
    assert dialog.present[world.wife].isChecked() and dialog.present[world.husband].isChecked()
    type_chinese(dialog.statements.rows[0].text, "今天依法调解，双方有权申请调解员回避。")
    row = dialog.statements.add_row()
    assert row.speaker.currentData() == world.wife          # the next speaker after the mediator
    type_chinese(row.text, "他长期酗酒，不给生活费。")
    row = dialog.statements.add_row()
    assert row.speaker.currentData() == world.husband
    type_chinese(row.text, "我愿意改。")
    dialog.notices[Notice.RECUSAL.value].setChecked(True)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(SessionOutcome.CONTINUE.value))
    assert "告知权利义务" in dialog.hint.text()

    _click(qtbot, dialog.ok_button)                         # refused: the dialog says what is missing
    assert dialog.isVisible()
    title, text = messages.recorded[-1]
    assert title == "调解记录不完整" and "告知权利义务" in text and "调解笔录" not in text
    assert changes == []

    dialog.notices[Notice.RIGHTS_DUTIES.value].setChecked(True)
    assert dialog.hint.text() == ""
    # Reorder: the husband's statement moves above the wife's.
    dialog.statements.move(dialog.statements.rows[2], -1)
    assert [s for s, _ in dialog.statements.statements()] == ["mediator", world.husband, world.wife]
    _save(qtbot, tab, dialog)

    assert _status_cell(tab, 0) == SessionStatus.HELD.label
    assert tab.sessions.table.item(0, 5).text() == SessionOutcome.CONTINUE.label
    assert "我愿意改。" in tab.sessions.details.text() and "告知权利义务" in tab.sessions.details.text()
    assert changes == [1]
    assert not tab.sessions.record_button.isEnabled()       # a held session cannot be recorded again
    with world.store.uow() as uow:
        view = mediation.get_session(uow, world.actor, world.session_id)
    assert view.status == SessionStatus.HELD
    assert [s.text for s in view.statements] == ["今天依法调解，双方有权申请调解员回避。", "我愿意改。", "他长期酗酒，不给生活费。"]
    assert set(view.notices_given) == {Notice.RIGHTS_DUTIES, Notice.RECUSAL}


def test_scheduling_offers_the_mediators_in_scope(qtbot, hosted, world):  # noqa: ANN001
    tab, _changes = hosted
    with world.store.uow() as uow:
        names = [m.name for m in mediator_choices(uow, world.actor)]
    assert "周调解" in names and "吴调解" in names and "郑调解" not in names   # another village is out of scope
    _click(qtbot, tab.sessions.schedule_button)
    dialog = tab.runner.dialog
    listed = [dialog.mediators.item(i).text() for i in range(dialog.mediators.count())]
    assert sorted(listed) == sorted(names)
    assert dialog.mediator_ids() == [world.actor.user_id]   # the user is ticked
    assert not dialog.ok_button.isEnabled()                  # no place yet
    type_chinese(dialog.place, "郭亮村人民调解室")
    _save(qtbot, tab, dialog)
    assert tab.sessions.table.rowCount() == 2


# --- the agreement -----------------------------------------------------------------------------------

def test_a_dissolution_term_is_flagged_as_the_user_types() -> None:
    editor = TermsEditor(())
    row = editor.add_row()
    row.content.setText("双方自愿解除婚姻关系")
    assert row.flag.isVisibleTo(editor) and "不可申请司法确认" in row.flag.text() and "解除婚姻关系" in row.flag.text()
    row.content.setText("离婚后男方每月支付抚养费1500元")
    assert not row.flag.isVisibleTo(editor)
    row.content.setText("双方同意")
    row.manner.setText("到民政局办理离婚登记")          # the manner counts too, as in the core
    assert row.flag.isVisibleTo(editor)


def test_agreement_signatures_and_the_effective_date(qtbot, hosted, world):  # noqa: ANN001
    tab, changes = hosted
    tab.sections.setCurrentWidget(tab.agreement)
    assert tab.agreement.empty.isVisible()
    _click(qtbot, tab.agreement.create_button)
    dialog = tab.runner.dialog
    assert isinstance(dialog, CreateAgreementDialog)
    type_chinese(dialog.facts, "双方于2012年登记结婚，男方长期酗酒。")
    type_chinese(dialog.disputes, "离婚及子女抚养")
    type_chinese(dialog.responsibility, "男方酗酒是主要原因。")
    first = dialog.terms.rows[0]
    first.obligor.setCurrentText("李桂兰、张建国")
    type_chinese(first.content, "双方自愿解除婚姻关系")
    assert first.flag.isVisible() and "不可申请司法确认" in first.flag.text()
    second = dialog.terms.add_row()
    second.obligor.setCurrentText("张建国")
    type_chinese(second.content, "每月支付女儿抚养费1500元")
    assert not second.flag.isVisible()
    assert dialog.copies.value() == 3
    _save(qtbot, tab, dialog)

    panel = tab.agreement
    agreement = panel.current()
    assert agreement is not None and len(agreement.terms) == 2
    flag = panel.terms.item(0, FLAG_COLUMN)
    assert flag.text() == "不可申请司法确认" and panel.terms.item(1, FLAG_COLUMN).text() == "可申请"
    assert "解除婚姻关系" in flag.toolTip()
    checklist = panel.signatures
    steps = [("sign_party_0", "李桂兰"), ("sign_party_1", "张建国"), ("sign_mediator", None), ("sign_seal", None)]
    for i, (name, who) in enumerate(steps):
        assert "已生效" not in checklist.effective.text()
        assert not panel.confirmation.apply_button.isEnabled()
        button = checklist.findChild(QPushButton, name)
        _click(qtbot, button)
        sign = tab.runner.dialog
        assert sign is not None and sign.isVisible()
        if who:
            assert who in sign.windowTitle()
            sign.choices["fingerprint" if i else "signed"].setChecked(True)
        _save(qtbot, tab, sign)
        checklist = tab.agreement.signatures
        assert not checklist.findChild(QPushButton, name).isVisible()   # recorded: no button any more
    agreement = tab.agreement.current()
    assert agreement.effective_on is not None
    assert checklist.effective.text() == f"已生效：{agreement.effective_on.isoformat()}"
    assert "2 项" not in tab.agreement.summary.text() and "已生效" in tab.agreement.summary.text()
    confirmation = tab.agreement.confirmation
    assert "司法确认申请期限" in confirmation.window.text() and confirmation.apply_button.isEnabled()
    assert "第 1 条涉及身份关系" in confirmation.status.text()
    assert len(changes) == 5
    # Applying for confirmation: the flagged term is left out and cannot be put back.
    _click(qtbot, confirmation.apply_button)
    apply = tab.runner.dialog
    locked = apply.excluded[agreement.terms[0].id]
    assert locked.isChecked() and not locked.isEnabled()
    _save(qtbot, tab, apply)
    assert "不含第 1 条" in tab.agreement.confirmation.status.text()


def test_marriage_outcome_failed_needs_every_route_told(qtbot, hosted, world):  # noqa: ANN001
    tab, _changes = hosted
    _click(qtbot, tab.outcome_button)
    dialog = tab.runner.dialog
    assert isinstance(dialog, OutcomeDialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("failed"))
    assert dialog.routes_box.isVisible() and not dialog.ok_button.isEnabled()
    dialog.routes["arbitration"].setChecked(True)
    dialog.routes["administrative"].setChecked(True)
    assert "诉讼" in dialog.hint.text() and not dialog.ok_button.isEnabled()
    dialog.routes["litigation"].setChecked(True)
    _save(qtbot, tab, dialog)
    assert "调解不成" in tab.outcome.text()
    assert tab.data.overview.state.ended and "调解终止" in tab.state.text()
    assert tab.resume_button.isVisible() and not tab.sessions.schedule_button.isEnabled()


# --- the calendar ------------------------------------------------------------------------------------

def test_calendar_shows_the_week_and_opens_the_case(qtbot, session, world):  # noqa: ANN001
    page = MediationCalendarPage(session)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert page.model.item_at(0).case_id == world.case_id
    assert not page.who.isVisible()                          # a mediator sees only her own sessions
    page.shift(7)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and page.empty.isVisible(), timeout=WAIT)
    page.go_today()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    with qtbot.waitSignal(page.sig_open_case, timeout=WAIT) as opened:
        rect = page.table.visualRect(page.model.index(0, 3))
        qtbot.mouseClick(page.table.viewport(), Qt.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert opened.args == [world.case_id]
