"""The mediation tab of a high-risk domestic-violence case, on a real store: 安排调解 without a screening offers the
safety screening (or a separate session) instead of a joint one; the screening dialog shows its result as she
answers; the joint mode stays unavailable until a supervisor approves; the agreement dialog names the excusing
phrase and asks for the confirmation that violence is not a term."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from fulian_desktop.domain.dv_mediation import SessionMode
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.mediation import mediation, mediation_safety
from fulian_desktop.store.store import Store
from tests.support.qt_input import type_chinese
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.mediation.mediation_agreement_dialog import CreateAgreementDialog
from ui.mediation.mediation_screening_dialog import ScreeningDialog
from ui.mediation.mediation_session_dialogs import ScheduleDialog
from ui.errors import messages
from ui.session import AppSession
from ui.tasks import TaskRunner
from ui.mediation.mediation_tab import build_mediation_tab

WAIT = 10_000


@dataclass
class World:
    store: Store
    med: Actor
    sup: Actor
    case_id: str
    wife: str


@pytest.fixture
def world(tmp_path) -> World:  # noqa: ANN001
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="周调解")
    add_user(store, "sup", Role.SUPERVISOR, org.district, display_name="区督导")
    med, sup = first_login(store, "med"), first_login(store, "sup")
    with store.uow(write=True) as uow:
        cid = cases.create_case(uow, med, cases.NewCase(title="李桂兰与张建国抚养费纠纷", kind=CaseKind.MEDIATION)).row.id
        wife = cases.add_party(uow, med, cid, PersonInput(name="李桂兰", sex="female"), PartyRole.APPLICANT).id
        cases.add_party(uow, med, cid, PersonInput(name="张建国", sex="male"), PartyRole.RESPONDENT)
        crisis.record_assessment(uow, med, cid, {"strangulation": True})
    yield World(store, med, sup, cid, wife)
    store.close()


@pytest.fixture(autouse=True)
def answered_messages():
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()


@pytest.fixture
def hosted(qtbot, world: World):  # noqa: ANN001, ANN201
    session = AppSession(world.store, TaskRunner())
    session.set_actor(world.med)
    host = QWidget()
    qtbot.addWidget(host)
    tab = build_mediation_tab(session, world.case_id, lambda: None)
    QVBoxLayout(host).addWidget(tab)
    host.resize(1300, 820)
    host.show()
    qtbot.waitUntil(lambda: tab.data is not None, timeout=WAIT)
    yield tab
    host.close()
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)
    session.tasks.wait_idle()


def _click(qtbot, button) -> None:  # noqa: ANN001
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.LeftButton)


def _save(qtbot, tab, dialog) -> None:  # noqa: ANN001
    with qtbot.waitSignal(tab.sig_loaded, timeout=WAIT):
        _click(qtbot, dialog.ok_button)


def test_joint_session_is_offered_only_after_screening_and_approval(qtbot, hosted, world):  # noqa: ANN001
    tab = hosted
    panel = tab.sessions
    assert panel.safety.isVisible() and "家庭暴力" in panel.safety.text() and "安全评估" in panel.safety.text()
    assert panel.screen_button.isVisible() and not panel.approve_button.isVisible()   # a mediator approves nothing

    # 安排调解 without a screening: the box offers the screening; she answers; the result shows as she answers.
    _click(qtbot, panel.schedule_button)
    title, text = messages.recorded[-1]
    assert title == "联合调解前须做安全评估" and "背对背" in text
    dialog = tab.runner.dialog
    assert isinstance(dialog, ScreeningDialog)
    assert not dialog.ok_button.isEnabled() and "告知" in dialog.hint.text()
    dialog.speaks.setChecked(True)
    dialog.offered.setChecked(True)
    dialog.joint.setChecked(True)
    type_chinese(dialog.words, "我愿意和他当面谈孩子的抚养费。")
    assert "督导批准" in dialog.result.text() and "危险评估为高" in dialog.result.text()
    _save(qtbot, tab, dialog)
    assert "待督导批准" in panel.safety.text()

    # Not yet approved: the schedule dialog offers only the separate mode, and says why.
    _click(qtbot, panel.schedule_button)
    dialog = tab.runner.dialog
    assert isinstance(dialog, ScheduleDialog)
    assert dialog.mode.currentData() == SessionMode.SEPARATE.value
    assert not dialog.mode.model().item(0).isEnabled() and "背对背" in dialog.notice.text()
    type_chinese(dialog.place, "郭亮村人民调解室")
    _save(qtbot, tab, dialog)
    with world.store.uow() as uow:
        (session,) = mediation.list_sessions(uow, world.med, world.case_id)
    assert session.mode == SessionMode.SEPARATE
    assert "背对背" in panel.details.text()

    # A supervisor approves (in the store, as her desk would); the joint mode is offered again.
    with world.store.uow(write=True) as uow:
        state = mediation_safety.safety_state(uow, world.sup, world.case_id)
        mediation_safety.approve_screening(uow, world.sup, state.usable.id, "分开到场、分开离场，工作人员陪同")
    with qtbot.waitSignal(tab.sig_loaded, timeout=WAIT):
        tab.reload()
    assert "已批准" in panel.safety.text()
    _click(qtbot, panel.schedule_button)
    dialog = tab.runner.dialog
    assert isinstance(dialog, ScheduleDialog) and dialog.mode.currentData() == SessionMode.JOINT.value
    assert dialog.mode.model().item(0).isEnabled()
    dialog.reject()


def test_agreement_dialog_names_the_excusing_phrase_and_asks_for_the_confirmation(qtbot, world):  # noqa: ANN001
    with world.store.uow() as uow:
        from fulian_desktop.services.mediation.mediation_sessions import case_party_refs
        parties = tuple(case_party_refs(uow, world.med, world.case_id))
    dialog = CreateAgreementDialog(None, parties, dv_case=True)
    qtbot.addWidget(dialog)
    type_chinese(dialog.facts, "张建国殴打李桂兰后双方分居，现就抚养费调解。")
    type_chinese(dialog.disputes, "女儿的抚养费")
    dialog.responsibility.setPlainText("双方均有过错，应当相互体谅。")
    row = dialog.terms.rows[0]
    row.obligor.setCurrentText("张建国")
    row.content.setText("每月支付抚养费1500元")
    assert "双方均有过错" in dialog.hint.text() and "施暴" in dialog.hint.text()
    dialog.responsibility.setPlainText("张建国承担女儿的抚养费。")
    assert "请勾选确认" in dialog.hint.text()
    assert dialog.findChild(QWidget, "agreement_dv_statement").isVisible() is dialog.isVisible()
    dialog.violence_confirm.setChecked(True)
    assert dialog.hint.text() == ""
    assert dialog.values()["violence_not_a_term"] is True


def test_a_supervisor_approves_from_the_tab_and_never_her_own_screening(qtbot, world):  # noqa: ANN001
    with world.store.uow(write=True) as uow:
        mediation_safety.record_screening(uow, world.med, world.case_id, world.wife, speaks_freely=True,
                                          fears_other_party=True, violence_since_last=False, separate_offered=True,
                                          victim_choice="joint", victim_words="我愿意当面谈。")
    session = AppSession(world.store, TaskRunner())
    session.set_actor(world.sup)
    host = QWidget()
    qtbot.addWidget(host)
    tab = build_mediation_tab(session, world.case_id, lambda: None)
    QVBoxLayout(host).addWidget(tab)
    host.show()
    qtbot.waitUntil(lambda: tab.data is not None, timeout=WAIT)
    panel = tab.sessions
    assert "待督导批准" in panel.safety.text() and "受害人害怕对方" in panel.safety.text()
    _click(qtbot, panel.approve_button)
    dialog = tab.runner.dialog
    assert "我愿意当面谈" in dialog.notice.text()
    type_chinese(dialog.text, "分开到场、分开离场，工作人员陪同")
    _save(qtbot, tab, dialog)
    assert "区督导 已批准" in panel.safety.text()
    assert not panel.approve_button.isEnabled()
    # Her own screening: the button stays off (and the core refuses it anyway).
    with world.store.uow(write=True) as uow:
        mediation_safety.record_screening(uow, world.sup, world.case_id, world.wife, speaks_freely=True,
                                          fears_other_party=True, violence_since_last=False, separate_offered=True,
                                          victim_choice="joint", victim_words="同意。")
    with qtbot.waitSignal(tab.sig_loaded, timeout=WAIT):
        tab.reload()
    assert "待督导批准" in panel.safety.text() and not panel.approve_button.isEnabled()
    host.close()
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)
    session.tasks.wait_idle()
