"""Changes announced once: a write on one screen refreshes every other screen showing that kind of record,
without them asking; a reload asked for while one runs runs once more, and only once; no string topics left.
On a real encrypted store, through the real pages."""
from __future__ import annotations

import ast
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget

from fulian_desktop.domain.changes import Changes, case_changed
from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases
from fulian_desktop.services.referral import referrals
from fulian_desktop.store.store import Store
from tests.support.qt_input import type_chinese
from tests.support.stores import TOWN_A, VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import domain_message, error_text, messages
from ui.cases.case_list import CaseListPage
from ui.cases.case_view import CaseViewPage
from ui.clocks.clock_tasks import ClockTasksPanel
from ui.referral.inbox import InboxPage
from ui.reloader import Reloader
from ui.session import AppSession
from ui.tasks import TaskRunner

TIMEOUT = 10_000
UI = Path(__file__).resolve().parents[2] / "ui"


@dataclass
class World:
    store: Store
    village: Actor   # 张三, mediator of 郭亮村
    town: Actor      # 王街道, mediator of the village's town
    units: dict[str, str]

    def new_case(self, title: str, kind: CaseKind = CaseKind.PETITION) -> str:
        with self.store.uow(write=True) as uow:
            return cases.create_case(uow, self.village, cases.NewCase(title=title, kind=kind,
                                                                        category="婚姻家庭")).row.id


@pytest.fixture
def world(tmp_path) -> World:  # noqa: ANN001
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "cun", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="张三")
    add_user(store, "jie", Role.MEDIATOR, org.units[TOWN_A], display_name="王街道")
    yield World(store, first_login(store, "cun"), first_login(store, "jie"), org.units)
    store.close()


@pytest.fixture(autouse=True)
def answered_messages():  # noqa: ANN201
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()


@pytest.fixture
def session_of(qtbot, world: World):  # noqa: ANN001, ANN201
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


def _show(qtbot, widget: QWidget) -> QWidget:  # noqa: ANN001
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


# --- one change, every screen ------------------------------------------------------------------------

def test_accepting_a_referral_in_the_inbox_refreshes_the_other_case_screens_unasked(qtbot, world, session_of):  # noqa: ANN001
    case_id = world.new_case("吴某赡养纠纷", CaseKind.MEDIATION)
    with world.store.uow(write=True) as uow:
        referrals.refer_to_tier(uow, world.village, case_id, world.units[TOWN_A], "村调解三次未果，请街道介入")
    session = session_of(world.town)
    mine = _show(qtbot, CaseListPage(session, settings_key="change_bus_mine", mine_only=True))
    qtbot.waitUntil(lambda: mine.model.active and mine.count_label.text().startswith("共"), timeout=TIMEOUT)
    assert case_id not in mine.model.ids            # still the village's case, handled by 张三
    tasks = _show(qtbot, ClockTasksPanel(session))
    qtbot.waitUntil(lambda: not tasks.loader.loading, timeout=TIMEOUT)
    inbox = _show(qtbot, InboxPage(session))
    qtbot.waitUntil(lambda: inbox.inbox_model.rowCount() == 1, timeout=TIMEOUT)
    assert set(session.changes.listeners("case")) >= {mine, tasks, inbox}
    tasks_loads, announced = tasks.loader.started, []
    session.changes.sig_changed.connect(announced.append)

    inbox.inbox_table.selectRow(0)
    inbox.note.setText("已安排街道调解室")
    qtbot.mouseClick(inbox.accept_button, Qt.LeftButton)

    # Nobody told the list or the task panel: the inbox's write announced a change of that case.
    qtbot.waitUntil(lambda: case_id in mine.model.ids, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tasks.loader.started > tasks_loads and not tasks.loader.loading, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: inbox.inbox_model.rowCount() == 0, timeout=TIMEOUT)
    # Announced once, naming the case (its parties moved to the town with it: a change of party records too).
    assert len(announced) == 1 and announced[0].kinds() == {"case", "party"} and announced[0].case_ids == {case_id}


def test_renaming_a_party_in_her_dialog_refreshes_the_case_page_and_the_list_unasked(qtbot, world, session_of):  # noqa: ANN001
    case_id = world.new_case("王某家庭纠纷")
    with world.store.uow(write=True) as uow:
        cases.add_party(uow, world.village, case_id, PersonInput(name="王秀兰", sex="female"), PartyRole.APPLICANT)
    session = session_of(world.village)
    announced: list[Changes] = []
    session.changes.sig_changed.connect(announced.append)
    found = _show(qtbot, CaseListPage(session, settings_key="change_bus_found"))
    found.search.setText("王秀芳")   # the list searches for the name she is about to be given: nothing yet
    found.apply()
    qtbot.waitUntil(lambda: found.model.active and found.count_label.text().startswith("搜索"), timeout=TIMEOUT)
    assert case_id not in found.model.ids
    page = _show(qtbot, CaseViewPage(session, case_id))
    qtbot.waitUntil(lambda: page.detail is not None and page.parties.model.rowCount() == 1, timeout=TIMEOUT)
    assert announced == []   # opening a case is an audited read: it writes the audit trail only, and announces nothing

    page.edit_party(page.parties.model.parties[0])
    qtbot.waitUntil(lambda: page.party_dialog is not None and page.party_dialog.isVisible(), timeout=TIMEOUT)
    dialog = page.party_dialog
    dialog.name.clear()
    type_chinese(dialog.name, "王秀芳")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    # The dialog names no change: the write's unit of work saw a party of this case written.
    qtbot.waitUntil(lambda: [p.name for p in page.parties.model.parties] == ["王秀芳"], timeout=TIMEOUT)
    qtbot.waitUntil(lambda: case_id in found.model.ids, timeout=TIMEOUT)
    assert len(announced) == 1 and {"party", "case"} <= announced[0].kinds() and announced[0].case_ids == {case_id}
    source = (UI / "cases" / "party_dialog.py").read_text(encoding="utf-8")
    assert "Changes" not in source and "case_changed" not in source


def test_a_step_on_the_case_page_shows_its_new_clock_in_the_task_list_unasked(qtbot, world, session_of):  # noqa: ANN001
    case_id = world.new_case("刘某某反映家庭纠纷")
    session = session_of(world.village)
    tasks = _show(qtbot, ClockTasksPanel(session))
    qtbot.waitUntil(lambda: tasks.model.rowCount() == 1, timeout=TIMEOUT)   # 受理 clock of the new petition
    assert tasks.model.items[0].kind == ClockKind.PETITION_ACCEPTANCE
    page = _show(qtbot, CaseViewPage(session, case_id))
    qtbot.waitUntil(lambda: page.detail is not None and page.extras is not None, timeout=TIMEOUT)

    qtbot.mouseClick(page.findChild(QWidget, "step_accept"), Qt.LeftButton)  # 受理: no dialog

    qtbot.waitUntil(lambda: [t.kind for t in tasks.model.items] == [ClockKind.PETITION_CONCLUSION], timeout=TIMEOUT)


def test_a_closed_screen_is_no_longer_called_and_other_kinds_are_not_delivered(qtbot, world, session_of):  # noqa: ANN001
    session = session_of(world.village)
    calls: list[str] = []
    gone, kept = QWidget(), QWidget()
    qtbot.addWidget(kept)
    session.changes.subscribe(gone, {"case"}, lambda: calls.append("gone"))
    session.changes.subscribe(kept, {"user"}, lambda: 1 / 0)   # a broken screen keeps no other one stale
    session.changes.subscribe(kept, {"user", "org"}, lambda: calls.append("users"))
    session.changes.subscribe(kept, {"attachments"}, lambda: calls.append("files of A"), case_id="A")
    gone.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)   # the widget is deleted, as a closed tab is
    assert not shiboken6.isValid(gone)

    session.changes.announce(case_changed("A"))
    session.changes.announce(Changes(user=True))
    session.changes.announce(Changes(attachments=True, case_ids=frozenset({"B"})))
    session.changes.announce(Changes(attachments=True, case_ids=frozenset({"A"})))
    session.changes.announce(Changes())   # nothing changed: nothing announced

    assert calls == ["users", "files of A"]
    assert session.changes.listeners("case") == []
    with pytest.raises(ValueError, match="cases"):
        session.changes.subscribe(kept, {"cases"}, lambda: None)   # a typo would listen to nothing


# --- reload once more, and only once -------------------------------------------------------------------

def test_loads_asked_for_while_one_runs_run_once_more_and_only_once(qtbot, world, session_of):  # noqa: ANN001
    session = session_of(world.village)
    owner = QWidget()
    qtbot.addWidget(owner)
    gate = threading.Event()
    answers = iter(range(1, 10))
    shown: list[int] = []

    def load(uow, actor) -> int:  # noqa: ANN001
        gate.wait(TIMEOUT / 1000)
        return next(answers)

    loader = Reloader(session, owner, load, shown.append, lambda exc: pytest.fail(str(exc)))
    loader.request()
    for _ in range(3):   # while the first load is held up
        loader.request()
    assert loader.started == 1 and loader.loading and loader.again
    gate.set()
    qtbot.waitUntil(lambda: len(shown) == 2 and not loader.loading, timeout=TIMEOUT)
    qtbot.wait(200)
    assert shown == [1, 2] and loader.started == 2 and not loader.again


def test_a_latest_only_loader_never_shows_an_answer_overtaken_by_a_request(qtbot, world, session_of):  # noqa: ANN001
    session = session_of(world.village)
    owner = QWidget()
    qtbot.addWidget(owner)
    gate = threading.Event()
    unit = {"name": "郭亮村"}
    shown: list[str] = []

    def load(uow, actor, name: str) -> str:  # noqa: ANN001
        gate.wait(TIMEOUT / 1000)
        return name

    loader = Reloader(session, owner, load, shown.append, lambda exc: pytest.fail(str(exc)),
                      params=lambda: {"name": unit["name"]}, latest_only=True)
    loader.request()
    unit["name"] = "望高村"   # the user picks another unit while the first list loads
    loader.request()
    gate.set()
    qtbot.waitUntil(lambda: bool(shown) and not loader.loading, timeout=TIMEOUT)
    assert shown == ["望高村"] and loader.started == 2


def test_the_inbox_asked_three_times_while_loading_loads_twice(qtbot, world, session_of):  # noqa: ANN001
    inbox = _show(qtbot, InboxPage(session_of(world.town)))
    qtbot.waitUntil(lambda: not inbox.loader.loading, timeout=TIMEOUT)
    before = inbox.loader.started
    for _ in range(3):   # the timer, a change, the user: no answer can arrive in between (same UI turn)
        inbox.refresh()
    qtbot.waitUntil(lambda: not inbox.loader.loading and not inbox.loader.again, timeout=TIMEOUT)
    qtbot.wait(200)
    assert inbox.loader.started == before + 2


def test_a_locked_session_loads_nothing(qtbot, world, session_of):  # noqa: ANN001
    session = session_of(world.town)
    inbox = _show(qtbot, InboxPage(session))
    qtbot.waitUntil(lambda: not inbox.loader.loading, timeout=TIMEOUT)
    before = inbox.loader.started
    session.set_actor(None)
    inbox.refresh()
    assert inbox.loader.started == before and not inbox.loader.loading


# --- the error text ------------------------------------------------------------------------------------

def test_the_error_text_is_the_domain_message_and_never_an_unexpected_errors_own_text() -> None:
    refused = ValidationError("退回须说明理由（发送单位会看到）。", field="reason")
    assert error_text(refused, "读取失败，请稍后重试。") == "退回须说明理由（发送单位会看到）。"
    assert domain_message(refused, field="reason") == "退回须说明理由（发送单位会看到）。"
    assert domain_message(refused, field="note") is None
    leak = OSError("/home/fulian/.local/share/幸福号/store.db: database disk image is malformed")
    assert error_text(leak, "读取失败，请稍后重试。") == "读取失败，请稍后重试。"
    assert domain_message(leak) is None


# --- no string topics left -----------------------------------------------------------------------------

def _ui_sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in UI.rglob("*.py")}


def test_no_screen_announces_or_listens_by_string_topic() -> None:
    string_emits, signals = [], []
    for path, text in _ui_sources().items():
        for node in ast.walk(ast.parse(text)):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "emit"
                    and "session" in ast.unparse(node.func.value)):
                string_emits.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
        if "sig_data_changed" in text:
            signals.append(path.name)
    assert string_emits == [] and signals == [], (string_emits, signals)


def test_the_reload_and_error_logic_is_not_copied_into_screens() -> None:
    copies = []
    for path, text in _ui_sources().items():
        if path.name in ("reloader.py", "errors.py"):
            continue
        for pattern in (r"self\._again\b", r"isinstance\(\w+, FulianError\) else", r"getattr\(\w+, \"message\""):
            copies += [f"{path.name}: {pattern}" for _ in re.finditer(pattern, text)]
    assert copies == []
