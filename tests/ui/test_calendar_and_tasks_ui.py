"""Issue 4 gaps in the widgets: the administrator's 工作日历 in 设置, and the 待办时限 tab on the home page."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from fulian_desktop.domain import clock
from fulian_desktop.domain.clocks import ClockStatus  # noqa: E402
from fulian_desktop.domain.enums import CaseKind, Role  # noqa: E402
from fulian_desktop.domain.localtime import LOCAL_TZ  # noqa: E402
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases
from fulian_desktop.services.clocks import clocks  # noqa: E402
from fulian_desktop.store.base import utcnow  # noqa: E402
from tests.support.stores import ADMIN_PASSWORD, VILLAGE_A1, VILLAGE_A2, add_user, build_org, first_login, new_store  # noqa: E402
from ui.errors import messages  # noqa: E402
from ui.session import AppSession  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402


@pytest.fixture(autouse=True)
def _answer_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])


@pytest.fixture
def world(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    store = new_store(tmp_path / "data").store
    org = build_org(store)
    tasks = TaskRunner()
    session = AppSession(store, tasks)
    yield store, org, session
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10_000)
    tasks.wait_idle()
    store.close()


def _petition(store, actor, title: str, opened_at: datetime) -> str:  # noqa: ANN001
    with store.uow(write=True) as uow:
        return cases.create_case(uow, actor, cases.NewCase(title=title, kind=CaseKind.PETITION,
                                                           opened_at=opened_at)).row.id


def test_settings_edit_an_unknown_years_calendar(qtbot, world) -> None:  # noqa: ANN001
    from ui.accounts.settings import SettingsPage

    store, _org, session = world
    system = auth.system_actor(store)
    # 信访告知 from 2030-12-20: nominal last day Sat 2031-01-04; 2031 is provisional (no holiday then): Mon 01-06.
    case_id = _petition(store, system, "孙某反映家庭纠纷", datetime(2030, 12, 20, 10, tzinfo=LOCAL_TZ))
    session.set_actor(first_login(store, "admin", password=ADMIN_PASSWORD))
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.show()
    assert page.calendar_year.value() == clock.today_local().year + 1
    page.calendar_year.setValue(2031)
    qtbot.waitUntil(lambda: "2031 年尚未确认" in page.calendar_note.text() and page.calendar_save.isEnabled())
    assert page.calendar_text.toPlainText() == "" and not page.calendar_complete.isChecked()

    page.calendar_text.setPlainText("2031-01-01 休\n2031-01-06 放个假\n")
    page.save_calendar()
    qtbot.waitUntil(lambda: "第 2 行" in page.calendar_state.text())

    page.calendar_text.setPlainText("# 元旦\n2031-01-01 休\n2031-01-06 休\n")
    page.calendar_complete.setChecked(True)
    with qtbot.waitSignal(session.changes.sig_changed, timeout=10_000):
        page.save_calendar()
    assert page.calendar_state.text() == "已保存，1 个时限已重新计算"
    assert "由管理员录入，已声明完整" in page.calendar_note.text()
    with store.uow() as uow:
        assert clocks.calendar_text(uow, 2031) == "2031-01-01 休\n2031-01-06 休\n"
        (view,) = clocks.case_clocks(uow, system, case_id, now=datetime(2030, 12, 30, tzinfo=LOCAL_TZ))
    assert view.deadline.last_day.isoformat() == "2031-01-07" and "日历未知" not in view.countdown

    page.calendar_year.setValue(2025)
    qtbot.waitUntil(lambda: "内置日历包" in page.calendar_note.text())


def test_home_lists_clock_tasks_and_opens_a_case(qtbot, world) -> None:  # noqa: ANN001
    from ui.cases.home import HomePage

    store, org, session = world
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])
    add_user(store, "other", Role.MEDIATOR, org.units[VILLAGE_A2])
    med, other = first_login(store, "med"), first_login(store, "other")
    overdue = _petition(store, med, "李某反映家暴", utcnow() - timedelta(days=40))
    fresh = _petition(store, med, "张某反映赡养纠纷", utcnow() - timedelta(days=1))
    _petition(store, other, "赵某反映邻里纠纷", utcnow() - timedelta(days=40))  # another village
    session.set_actor(med)
    page = HomePage(session)
    qtbot.addWidget(page)
    page.show()
    assert page.lists.currentWidget() is page.tasks and page.lists.tabText(0) == "待办时限"
    panel = page.tasks
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    first, second = panel.model.items
    assert (first.case_id, first.status) == (overdue, ClockStatus.OVERDUE) and second.case_id == fresh
    index = panel.model.index(0, panel.model.column_of("status"))
    assert panel.model.data(index) == "已超期"
    assert panel.model.data(index, Qt.ForegroundRole).color().name() == "#b3261e"

    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    with qtbot.waitSignal(page.sig_open_case, timeout=2_000) as opened:
        qtbot.keyClick(panel.table, Qt.Key_Return)
    assert opened.args == [overdue]
