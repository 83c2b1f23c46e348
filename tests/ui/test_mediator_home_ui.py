"""The mediator's home: today's sessions (in bold) and the next six days', above the clock tasks and case
lists; a session opens its case. Other roles' homes have no session list."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.cases import cases
from fulian_desktop.services.mediation import mediation
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.cases.home import HomePage
from ui.session import AppSession
from ui.tasks import TaskRunner

TIMEOUT = 10_000


@pytest.fixture(autouse=True)
def _answer_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])


@pytest.fixture
def world(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    store = new_store(tmp_path / "data").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="周敏")
    add_user(store, "admin2", Role.STATION_ADMIN, org.units[VILLAGE_A1], display_name="站长")
    tasks = TaskRunner()
    session = AppSession(store, tasks)
    yield store, first_login(store, "med"), first_login(store, "admin2"), session
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=TIMEOUT)
    tasks.wait_idle()
    store.close()


def _case_with_sessions(store, med) -> str:  # noqa: ANN001
    now = clock.now_local().replace(second=0, microsecond=0)
    later_today = min(now + timedelta(minutes=30), now.replace(hour=23, minute=59))
    with store.uow(write=True) as uow:
        cid = cases.create_case(uow, med, cases.NewCase(title="李桂兰与张建国婚姻家庭纠纷", kind=CaseKind.MEDIATION)).row.id
        wife = cases.add_party(uow, med, cid, PersonInput(name="李桂兰", sex="female"), PartyRole.APPLICANT).id
        mediation.schedule(uow, med, cid, later_today, "郭亮村人民调解室", [med.user_id], "吴记录", [wife])
        mediation.schedule(uow, med, cid, now + timedelta(days=3), "高塘岭街道调解工作室", [med.user_id], "吴记录", [wife])
        mediation.schedule(uow, med, cid, now + timedelta(days=9), "郭亮村人民调解室", [med.user_id], "吴记录", [wife])
    return cid


def test_the_mediators_home_lists_todays_and_this_weeks_sessions(qtbot, world) -> None:  # noqa: ANN001
    store, med, _admin, session = world
    case_id = _case_with_sessions(store, med)
    session.set_actor(med)
    page = HomePage(session)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    panel = page.sessions
    assert panel is not None and page.lists.tabText(0) == "待办时限"     # the clocks stay first in the tabs
    qtbot.waitUntil(lambda: panel.data is not None, timeout=TIMEOUT)
    assert (len(panel.data.today), len(panel.data.week)) == (1, 1)       # the session in 9 days is not shown
    table = panel.table
    assert table.rowCount() == 2
    assert table.item(0, 0).text().startswith("今天 ") and table.item(0, 0).font().bold()
    assert not table.item(1, 0).font().bold() and table.item(1, 3).text() == "高塘岭街道调解工作室"
    assert "今天 1 次，今后 6 天 1 次" in panel.box.title()
    with qtbot.waitSignal(page.sig_open_case, timeout=TIMEOUT) as opened:
        table.setCurrentCell(1, 0)
        table.setFocus()
        qtbot.keyClick(table, Qt.Key_Return)
    assert opened.args == [case_id]


def test_an_empty_week_says_so_and_other_roles_have_no_session_list(qtbot, world) -> None:  # noqa: ANN001
    _store, med, admin, session = world
    session.set_actor(med)
    page = HomePage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.sessions.data is not None, timeout=TIMEOUT)
    assert page.sessions.table.rowCount() == 1 and "没有调解安排" in page.sessions.table.item(0, 0).text()
    session.set_actor(admin)
    other = HomePage(session)
    qtbot.addWidget(other)
    assert other.sessions is None
