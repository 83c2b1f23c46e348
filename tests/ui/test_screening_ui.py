"""The screening register page on a real encrypted store: adding an entry, recording a visit (the next
visit moves, the overdue row clears), turning an entry into a case (source 排查发现) and a lead likewise."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from fulian_desktop.domain.enums import CaseSource, Role
from fulian_desktop.domain.localtime import local_date
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases
from fulian_desktop.services.intake import leads
from fulian_desktop.services.screening import screening
from fulian_desktop.store.base import utcnow
from fulian_desktop.store.store import Store
from tests.support.qt_input import type_chinese
from tests.support.stores import TOWN_A, VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.screening.screening_tables import RegisterModel
from ui.screening.screening_register import ScreeningRegisterPage
from ui.session import AppSession
from ui.tasks import TaskRunner
from ui.common.crisis_common import OVERDUE_TINT


@dataclass
class World:
    store: Store
    town: Actor          # a town mediator: sees the town's villages, chooses the unit
    village: Actor       # a village mediator
    units: dict[str, str]


@pytest.fixture
def world(tmp_path) -> World:  # noqa: ANN001
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "lihua", Role.MEDIATOR, org.units[TOWN_A], display_name="李华")
    add_user(store, "zhoumin", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="周敏")
    yield World(store, first_login(store, "lihua"), first_login(store, "zhoumin"), org.units)
    store.close()


@pytest.fixture(autouse=True)
def answered_messages():
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()


@pytest.fixture
def page(qtbot, world: World):  # noqa: ANN001, ANN201
    session = AppSession(world.store, TaskRunner())
    session.set_actor(world.town)
    page = ScreeningRegisterPage(session)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitUntil(lambda: page.unit.count() > 0 and not page.loader.loading, timeout=10_000)
    yield page
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=10_000)
    session.tasks.wait_idle()


def _today() -> date:
    return local_date(utcnow())


def _entry(world: World, subject: str = "赵某某家庭", due: date | None = None) -> str:
    with world.store.uow(write=True) as uow:
        return screening.add_entry(uow, world.village, subject=subject, reason="夫妻长期争吵，丈夫酒后打骂妻子",
                                   risk_level="high", first_visit_due=due).id


def _reload(qtbot, page: ScreeningRegisterPage, rows: int) -> None:  # noqa: ANN001
    page.refresh()
    qtbot.waitUntil(lambda: page.register_model.rowCount() == rows and not page.loader.loading, timeout=10_000)


def _select(qtbot, page: ScreeningRegisterPage, entry_id: str) -> None:  # noqa: ANN001
    row = page.register_model.row_of(entry_id)
    rect = page.register.visualRect(page.register_model.index(row, 1))
    qtbot.mouseClick(page.register.viewport(), Qt.LeftButton, pos=rect.center())
    assert page.selected() is not None and page.selected().id == entry_id


def test_a_town_user_adds_an_entry_to_a_village(qtbot, page, world):  # noqa: ANN001
    village = world.units[VILLAGE_A1]
    page.unit.setCurrentIndex(page.unit.findData(village))
    qtbot.waitUntil(lambda: not page.loader.loading, timeout=10_000)
    assert page.register_model.rowCount() == 0
    qtbot.mouseClick(page.buttons["add"], Qt.LeftButton)
    dialog = page.runner.dialog
    assert dialog.unit.currentData() == village
    qtbot.waitUntil(lambda: dialog.responsible.isEnabled(), timeout=10_000)
    assert not dialog.ok_button.isEnabled()
    type_chinese(dialog.subject, "钱某与孙某")
    type_chinese(dialog.address, "郭亮村二组")
    dialog.risk.setCurrentIndex(dialog.risk.findData("medium"))
    dialog.responsible.setCurrentIndex(dialog.responsible.findText("周敏", Qt.MatchStartsWith))
    dialog.every.setValue(14)
    type_chinese(dialog.text, "宅基地边界纠纷，双方多次争执")
    assert dialog.ok_button.isEnabled(), dialog.hint.text()
    dialog.accept()
    qtbot.waitUntil(lambda: page.register_model.rowCount() == 1 and not page.loader.loading, timeout=10_000)
    entry = page.register_model.items[0]
    assert (entry.subject, entry.address, entry.risk_label, entry.responsible_name, entry.visit_every_days) == (
        "钱某与孙某", "郭亮村二组", "中", "周敏", 14)
    assert entry.next_visit_due == _today() + timedelta(days=14) and not entry.overdue


def test_recording_a_visit_moves_the_next_due_date_and_clears_the_overdue_row(qtbot, page, world):  # noqa: ANN001
    entry_id = _entry(world, due=_today() - timedelta(days=5))
    _reload(qtbot, page, 1)
    model: RegisterModel = page.register_model
    brush = model.data(model.index(0, 0), Qt.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == OVERDUE_TINT     # highlighted
    assert model.items[0].overdue_label == "逾期 5 天"
    assert page.overdue_model.rowCount() == 1 and "（1）" in page.tabs.tabText(1)

    _select(qtbot, page, entry_id)
    qtbot.mouseClick(page.buttons["visit"], Qt.LeftButton)
    dialog = page.runner.dialog
    assert dialog.visitor.text() == "李华"
    assert (_today() + timedelta(days=30)).isoformat() in dialog.next_due.text()
    dialog.risk.setCurrentIndex(dialog.risk.findData("medium"))
    type_chinese(dialog.text, "双方情绪平稳，约定下周村委会调解")
    dialog.accept()
    qtbot.waitUntil(lambda: page.overdue_model.rowCount() == 0 and not page.loader.loading, timeout=10_000)
    entry = model.items[0]
    assert entry.next_visit_due == _today() + timedelta(days=30) and entry.last_visit_on == _today()
    assert not entry.overdue and entry.risk_label == "中"
    assert model.data(model.index(0, 0), Qt.BackgroundRole) is None
    qtbot.waitUntil(lambda: "走访记录（1 次）" in page.detail.text(), timeout=10_000)
    assert "双方情绪平稳" in page.detail.text()


def test_turning_an_entry_into_a_case_opens_it(qtbot, page, world):  # noqa: ANN001
    entry_id = _entry(world)
    _reload(qtbot, page, 1)
    _select(qtbot, page, entry_id)
    qtbot.mouseClick(page.buttons["case"], Qt.LeftButton)
    dialog = page.runner.dialog
    assert dialog.title.text() == "排查发现：赵某某家庭"
    with qtbot.waitSignal(page.sig_open_case, timeout=10_000) as opened:
        dialog.accept()
    case_id = opened.args[0]
    with world.store.uow(write=True) as uow:
        detail = cases.get_case(uow, world.town, case_id)
    assert CaseSource(detail.source).label == "排查发现"
    assert any("矛盾纠纷排查登记" in e.summary for e in detail.events)
    qtbot.waitUntil(lambda: not page.loader.loading and page.register_model.items[0].case_id == case_id, timeout=10_000)
    assert page.register_model.items[0].status_label == "已转案件"
    _select(qtbot, page, entry_id)
    assert page.buttons["open"].isEnabled() and not page.buttons["visit"].isEnabled()
    with qtbot.waitSignal(page.sig_open_case, timeout=5_000) as again:
        qtbot.mouseClick(page.buttons["open"], Qt.LeftButton)
    assert again.args == [case_id]


def test_an_online_lead_is_added_and_opens_a_case(qtbot, page, world):  # noqa: ANN001
    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.buttons["lead_add"], Qt.LeftButton)
    dialog = page.runner.dialog
    type_chinese(dialog.where, "抖音“望城身边事”")
    type_chinese(dialog.text, "网民发视频称某村一男子当街殴打妻子")
    dialog.accept()
    qtbot.waitUntil(lambda: page.leads_model.rowCount() == 1 and not page.loader.loading, timeout=10_000)
    page.leads.selectRow(0)
    qtbot.mouseClick(page.buttons["lead_case"], Qt.LeftButton)
    with qtbot.waitSignal(page.sig_open_case, timeout=10_000) as opened:
        page.runner.dialog.accept()
    with world.store.uow() as uow:
        lead = leads.list_leads(uow, world.town)[0]
    assert lead.case_id == opened.args[0]
    with world.store.uow(write=True) as uow:
        assert cases.get_case(uow, world.town, lead.case_id).source == CaseSource.ONLINE_OPINION.value
