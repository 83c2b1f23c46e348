"""The 危机干预 and 心理疏导 tabs on a real encrypted store: the live danger level, saving a 高 assessment
(major incident, top of the supervisor's queue), the override that can only raise, the safety plan's
version conflict, a protection-order application, and the counselling tab's visibility."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.risk import RiskLevel
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases, review
from fulian_desktop.services.counselling import counselling
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.cases.review import Reason
from fulian_desktop.store.store import Store
from tests.support.qt_input import type_chinese
from tests.support.stores import TOWN_A, VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.session import AppSession
from ui.tasks import TaskRunner
from ui.counselling.counselling_tab import CounsellingTab, build_counselling_tab
from ui.crisis.crisis_tab import CrisisTab, build_crisis_tab


@dataclass
class World:
    store: Store
    mediator: Actor
    counsellor: Actor
    supervisor: Actor
    reception: Actor
    case_id: str
    overdue_case_id: str


@pytest.fixture
def world(tmp_path) -> World:  # noqa: ANN001
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "lihua", Role.MEDIATOR, org.units[TOWN_A], display_name="李华")
    add_user(store, "chenjing", Role.COUNSELLOR, org.units[TOWN_A], display_name="陈静")
    add_user(store, "sup", Role.SUPERVISOR, org.district, display_name="王督导")
    add_user(store, "rec", Role.RECEPTION, org.units[TOWN_A], display_name="接待员")
    mediator, counsellor, supervisor = (first_login(store, u) for u in ("lihua", "chenjing", "sup"))
    reception = first_login(store, "rec")
    now = clock.now_utc()
    with store.uow(write=True) as uow:
        overdue = cases.create_case(uow, mediator, cases.NewCase(
            title="逾期未告知的来访", kind=CaseKind.PETITION, opened_at=now - timedelta(days=40))).row.id
        case_id = cases.create_case(uow, mediator, cases.NewCase(
            title="刘某某遭受家庭暴力求助", kind=CaseKind.CRISIS, unit_id=org.units[VILLAGE_A1])).row.id
    yield World(store, mediator, counsellor, supervisor, reception, case_id, overdue)
    store.close()


@pytest.fixture(autouse=True)
def answered_messages():
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()
    _HOSTS.clear()


@pytest.fixture
def sessions(qtbot, world: World):  # noqa: ANN001, ANN201
    made: list[AppSession] = []

    def make(actor: Actor) -> AppSession:
        session = AppSession(world.store, TaskRunner())
        session.set_actor(actor)
        made.append(session)
        return session

    yield make
    for session in made:
        qtbot.waitUntil(lambda s=session: not s.tasks.busy(), timeout=10_000)
        session.tasks.wait_idle()


_HOSTS: list[QWidget] = []   # qtbot.addWidget does not keep the window alive


def _host(qtbot, widget: QWidget, title: str) -> QWidget:  # noqa: ANN001
    """The tab inside a plain window, as the case page will hold it."""
    host = QWidget()
    _HOSTS.append(host)
    tabs = QTabWidget()
    tabs.addTab(widget, title)
    QVBoxLayout(host).addWidget(tabs)
    qtbot.addWidget(host)
    host.resize(1400, 860)
    host.show()
    return host


def _crisis_tab(qtbot, session: AppSession, case_id: str, notices: list[str]) -> CrisisTab:  # noqa: ANN001
    tab = build_crisis_tab(session, case_id, notices.append)
    _host(qtbot, tab, "危机干预")
    qtbot.waitUntil(lambda: tab.data is not None or bool(messages.recorded), timeout=10_000)
    assert tab.data is not None, messages.recorded
    return tab


def _queue(world: World) -> list:
    with world.store.uow() as uow:
        return review.review_queue(uow, world.supervisor)


# --- the danger assessment -------------------------------------------------------------------------

def test_strangulation_alone_makes_the_live_level_high_and_saving_puts_the_case_first(qtbot, world, sessions):  # noqa: ANN001
    assert _queue(world)[0].case.id == world.overdue_case_id
    notices: list[str] = []
    tab = _crisis_tab(qtbot, sessions(world.mediator), world.case_id, notices)
    form = tab.assessment.form
    # A blank form shows 未评估, not 低风险 (issue 15).
    assert form.badge.property("risk_level") == "" and form.badge.text() == "未评估"
    assert not tab.assessment.banner.isVisible()

    qtbot.mouseClick(form.boxes["strangulation"], Qt.LeftButton, pos=form.boxes["strangulation"].rect().center())
    assert form.boxes["strangulation"].isChecked()
    assert form.badge.property("risk_level") == "high"       # computed at once, before any save
    assert form.result_now.score == 5 and form.result_now.red_flags == ("strangulation",)
    assert "掐脖窒息" in form.forced.text() and "红色警示" in form.forced.text()
    assert form.override.count() == 1 and not form.override.isEnabled()   # nothing above 高

    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: tab.data is not None and len(tab.data.assessments) == 1 and not tab.loading,
                    timeout=10_000)
    banner = tab.assessment.banner
    assert banner.isVisible() and "重大案事件" in banner.text() and "首位" in banner.text()
    assert tab.level.property("risk_level") == "high"
    assert tab.data.case.major_incident and tab.assessment.table.rowCount() == 1
    assert notices and "高风险" in notices[-1]
    assert not form.boxes["strangulation"].isChecked()      # the form is ready for the next assessment

    queue = _queue(world)
    assert queue[0].case.id == world.case_id and queue[0].reasons[0] == Reason.MAJOR
    assert [i.case.id for i in queue].index(world.overdue_case_id) > 0


def test_the_override_only_raises_and_a_lower_level_is_refused(qtbot, world, sessions):  # noqa: ANN001
    tab = _crisis_tab(qtbot, sessions(world.mediator), world.case_id, [])
    form = tab.assessment.form
    for code in ("controlling", "abuser_substance", "abuser_unemployed"):   # 2 + 2 + 2 = 6: 中
        form.boxes[code].setChecked(True)
    assert form.result_now.computed_level == RiskLevel.MEDIUM
    offered = [form.override.itemData(i) for i in range(form.override.count())]
    assert offered == [None, RiskLevel.HIGH.value]          # 低 is not offered
    form.override.setCurrentIndex(1)
    assert form.badge.property("risk_level") == "high"
    assert not form.save_button.isEnabled() and "理由" in form.problem.text()   # a reason is required
    type_chinese(form.reason, "昨晚扬言要放火烧房子")
    assert form.save_button.isEnabled()

    # Ticking a red flag lifts the computed level to 高: the raise to 高 is no longer an override.
    form.boxes["weapon"].setChecked(True)
    assert form.override.count() == 1 and form.override_level() is None

    # Asked directly, the core refuses to lower the level, and nothing is stored.
    tab.assessment.save(form.answers(), RiskLevel.LOW, "她说最近好多了", clock.now_local())
    qtbot.waitUntil(lambda: bool(messages.recorded) and not form.busy, timeout=10_000)
    assert "只能调高" in messages.recorded[-1][1]
    with world.store.uow(write=True) as uow:
        assert crisis.assessments(uow, world.mediator, world.case_id) == []

    form.boxes["weapon"].setChecked(False)
    form.override.setCurrentIndex(1)
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: tab.data is not None and len(tab.data.assessments) == 1 and not tab.loading,
                    timeout=10_000)
    saved = tab.data.assessments[0]
    assert (saved.computed_level, saved.final_level, saved.override_reason) == (
        RiskLevel.MEDIUM, RiskLevel.HIGH, "昨晚扬言要放火烧房子")
    assert tab.assessment.banner.isVisible() and "专业判断" in tab.assessment.banner.text()


# --- the safety plan, the action log and protection orders ---------------------------------------------

def test_safety_plan_saves_and_a_conflict_keeps_the_input(qtbot, world, sessions):  # noqa: ANN001
    tab = _crisis_tab(qtbot, sessions(world.mediator), world.case_id, [])
    tab.tabs.setCurrentWidget(tab.plan)
    editor = tab.plan
    qtbot.waitUntil(lambda: editor.loaded, timeout=10_000)
    assert not editor.save_button.isEnabled()
    type_chinese(editor.editors["code_word"], "帮我收一下晾的被子")
    qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: editor.plan is not None and editor.plan.version == 1, timeout=10_000)

    with world.store.uow(write=True) as uow:     # someone else saves version 2 meanwhile
        crisis.save_safety_plan(uow, world.mediator, world.case_id, {"code_word": "今晚吃饺子"}, expected_version=1)
    editor.editors["escape_route"].setPlainText("从后门出去，到姐姐家")
    qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: editor.conflict.isVisible(), timeout=10_000)
    assert "第 2 版" in editor.conflict.text()
    assert editor.editors["escape_route"].toPlainText() == "从后门出去，到姐姐家"   # input kept
    qtbot.mouseClick(editor.overwrite_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: editor.plan is not None and editor.plan.version == 3, timeout=10_000)
    assert editor.plan.sections["escape_route"] == "从后门出去，到姐姐家" and not editor.conflict.isVisible()


def test_reception_may_not_read_the_safety_plan_or_confidential_notes(qtbot, world, sessions):  # noqa: ANN001
    with world.store.uow(write=True) as uow:
        crisis.save_safety_plan(uow, world.mediator, world.case_id, {"code_word": "今晚吃饺子"})
        crisis.log_action(uow, world.mediator, world.case_id, "shelter", detail="望城区救助管理站东楼302")
    tab = _crisis_tab(qtbot, sessions(world.reception), world.case_id, [])
    tab.tabs.setCurrentWidget(tab.plan)
    qtbot.waitUntil(lambda: tab.plan.loaded, timeout=10_000)
    assert tab.plan.denied.isVisible() and not tab.plan.sections.isVisible()
    assert tab.plan.editors["code_word"].toPlainText() == ""
    assert "救助管理站" not in tab.actions.table.item(0, 3).text() and "保密" in tab.actions.table.item(0, 3).text()


def test_mandatory_report_needs_whom_it_concerns(qtbot, world, sessions):  # noqa: ANN001
    tab = _crisis_tab(qtbot, sessions(world.mediator), world.case_id, [])
    tab.tabs.setCurrentWidget(tab.actions)
    qtbot.mouseClick(tab.actions.add_button, Qt.LeftButton)
    dialog = tab.runner.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("mandatory_report"))
    assert not dialog.ok_button.isEnabled() and "报告对象" in dialog.hint.text()
    type_chinese(dialog.concerns, "女儿张小雨，9 岁")
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: tab.data is not None and len(tab.data.actions) == 1 and not tab.loading, timeout=10_000)
    assert "女儿张小雨" in tab.actions.table.item(0, 3).text()


def test_applying_for_a_protection_order_needs_consent_and_starts_the_decision_clock(qtbot, world, sessions):  # noqa: ANN001
    tab = _crisis_tab(qtbot, sessions(world.mediator), world.case_id, [])
    tab.tabs.setCurrentWidget(tab.orders)
    qtbot.mouseClick(tab.orders.buttons["apply"], Qt.LeftButton)
    dialog = tab.runner.dialog
    type_chinese(dialog.court, "长沙市望城区人民法院")
    dialog.measures.boxes["no_violence"].setChecked(True)
    dialog.urgent.setChecked(True)
    assert not dialog.ok_button.isEnabled() and "同意" in dialog.hint.text()
    dialog.lacks.setChecked(True)
    assert not dialog.ok_button.isEnabled()               # the reason is required then
    dialog.consent.setChecked(True)
    assert dialog.ok_button.isEnabled() and not dialog.lacks.isChecked()
    dialog.accept()
    qtbot.waitUntil(lambda: tab.data is not None and len(tab.data.orders) == 1 and not tab.loading, timeout=10_000)
    chips = [tab.orders.chips.itemAt(i).widget() for i in range(tab.orders.chips.count())]
    assert any(c.objectName() == "clock_chip_protection_order_decision" and "剩" in c.text() for c in chips)
    assert "24" in tab.orders.table.item(0, 3).text() or "小时" in tab.orders.table.item(0, 3).text()
    assert tab.orders.buttons["decide"].isEnabled() and not tab.orders.buttons["apply"].isEnabled()


# --- counselling -------------------------------------------------------------------------------------

def test_counselling_tab_is_none_for_a_mediator_and_shows_sessions_for_a_counsellor(qtbot, world, sessions):  # noqa: ANN001
    assert build_counselling_tab(sessions(world.mediator), world.case_id, None) is None
    with world.store.uow(write=True) as uow:
        counselling.add_session(uow, world.counsellor, world.case_id,
                                clock.now_local() - timedelta(days=2), "face_to_face", "情绪低落，进行疏导。")
    notices: list[str] = []
    tab = build_counselling_tab(sessions(world.counsellor), world.case_id, notices.append)
    assert isinstance(tab, CounsellingTab)
    _host(qtbot, tab, "心理疏导")
    qtbot.waitUntil(lambda: tab.loaded, timeout=10_000)
    assert tab.table.rowCount() == 1 and tab.notes.toPlainText() == "情绪低落，进行疏导。"

    qtbot.mouseClick(tab.add_button, Qt.LeftButton)
    dialog = tab.runner.dialog
    dialog.form_choice.setCurrentIndex(dialog.form_choice.findData("phone"))
    type_chinese(dialog.text, "电话回访：睡眠好转。")
    dialog.has_next.setChecked(True)
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2 and not tab.loading, timeout=10_000)
    assert tab.table.item(0, 1).text() == "电话" and tab.table.item(0, 3).text() != "—"
    assert notices == ["已添加心理疏导记录"]
