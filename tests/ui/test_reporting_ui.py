"""The 上报 page on a real encrypted store (a district server all tiers log into): the village supervisor submits
November, the town supervisor returns it with a reason (not without one), the village sees the reason and resubmits,
the town accepts, and the consolidated figures show; the supervisor's home reminds of what is late."""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import Role
from fulian_desktop.security.actor import Actor
from fulian_desktop.store.store import Store
from tests.support.report_stations import day, new_mediation
from tests.support.stores import TOWN_A, VILLAGE_A1, VILLAGE_A2, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.reporting.reporting_page import ReportingPage
from ui.review.review_home import ReviewHomePage
from ui.session import AppSession
from ui.tasks import TaskRunner

WAIT = 15_000


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Store, Actor, Actor]]:
    with clock.frozen_at(day(11, 2)):
        store = new_store(tmp_path / "s").store
        org = build_org(store)
        add_user(store, "cunzhang", Role.SUPERVISOR, org.units[VILLAGE_A1], display_name="郭亮村督导")
        add_user(store, "jiedao", Role.SUPERVISOR, org.units[TOWN_A], display_name="高塘岭督导")
        village, town = first_login(store, "cunzhang"), first_login(store, "jiedao")
    new_mediation(store, village, "邻里纠纷", day(11, 9))
    messages.auto_answer = True
    messages.recorded.clear()
    with clock.frozen_at(day(12, 3)):
        yield store, village, town
    messages.auto_answer = None
    store.close()


def _page(qtbot, store: Store, actor: Actor) -> ReportingPage:  # noqa: ANN001
    session = AppSession(store, TaskRunner())
    session.set_actor(actor)
    page = ReportingPage(session)
    qtbot.addWidget(page)
    page.resize(1500, 900)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT)
    return page


def _act(qtbot, page: ReportingPage, button) -> None:  # noqa: ANN001
    with qtbot.waitSignal(page.sig_loaded, timeout=WAIT):
        button.click()


def _board(page: ReportingPage) -> dict[str, str]:
    return {page.board.item(r, 0).text(): page.board.item(r, 2).text() for r in range(page.board.rowCount())}


def _select(page: ReportingPage, unit: str) -> None:
    for r in range(page.board.rowCount()):
        if page.board.item(r, 0).text() == unit:
            page.board.selectRow(r)
            return
    raise AssertionError(unit)


def test_submit_return_resubmit_accept_on_the_page(qtbot, world, tmp_path: Path) -> None:  # noqa: ANN001
    store, village, town = world
    mine = _page(qtbot, store, village)
    assert mine.month.currentData() == "2026-11" and mine.month.currentText() == "2026年11月"
    assert "草稿" in mine.own_status.text() and mine.submit_button.isEnabled()
    assert mine.own_figures.item(0, 1).text() == "1"          # 调解案件数: the case of 11月9日
    assert not mine.below_box.isVisibleTo(mine)               # a village has no units below
    _act(qtbot, mine, mine.submit_button)
    assert "已提交" in mine.own_status.text() and "第1次报送" in mine.own_status.text()
    assert not mine.submit_button.isEnabled()

    above = _page(qtbot, store, town)
    assert _board(above) == {VILLAGE_A1: "已提交", VILLAGE_A2: "未报"}
    assert not above.accept_button.isEnabled()
    _select(above, VILLAGE_A1)
    assert above.accept_button.isEnabled() and above.return_button.isEnabled()
    assert above.unit_figures.item(0, 1).text() == "1"
    messages.recorded.clear()
    above.return_button.click()                               # no reason: refused, nothing changed
    qtbot.waitUntil(lambda: bool(messages.recorded), timeout=WAIT)
    assert "退回原因" in messages.recorded[-1][1]
    above.reason.setText("11月20日登记的案件漏报")
    _act(qtbot, above, above.return_button)
    assert _board(above)[VILLAGE_A1] == "已退回"
    row = next(r for r in range(above.board.rowCount()) if above.board.item(r, 0).text() == VILLAGE_A1)
    assert above.board.item(row, 5).text() == "11月20日登记的案件漏报"

    new_mediation(store, village, "补录的案件", day(11, 20))
    mine.loader.request()
    qtbot.waitUntil(lambda: "已退回" in mine.own_status.text(), timeout=WAIT)
    assert "11月20日登记的案件漏报" in mine.own_status.text() and mine.submit_button.text() == "重新提交"
    _act(qtbot, mine, mine.submit_button)
    assert "第2次报送" in mine.own_status.text() and mine.own_figures.item(0, 1).text() == "2"

    above.loader.request()
    qtbot.waitUntil(lambda: _board(above)[VILLAGE_A1] == "已提交", timeout=WAIT)
    _select(above, VILLAGE_A1)
    _act(qtbot, above, above.accept_button)
    assert _board(above)[VILLAGE_A1] == "已通过"
    assert "已汇总 1 个单位" in above.total_summary.text() and VILLAGE_A2 in above.total_summary.text()
    assert above.total.item(0, 1).text() == "2" and above.total.item(0, 2).text() == "2"
    mine.loader.request()
    qtbot.waitUntil(lambda: "已通过" in mine.own_status.text(), timeout=WAIT)

    # The accepted report as a paper: its frozen figures, its state and its signature.
    pdf = tmp_path / "report.pdf"
    _select(above, VILLAGE_A1)
    messages.recorded.clear()
    above.export_to(str(pdf), above.selected_row().unit_id)
    qtbot.waitUntil(lambda: bool(messages.recorded), timeout=WAIT)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "郭亮村" in text and "2026年11月" in text
    assert "已通过（第2次报送" in text and "数字与报送站点签名相符" in text


def test_the_home_page_reminds_of_late_and_waiting_reports(qtbot, world) -> None:  # noqa: ANN001
    store, village, town = world
    mine = _page(qtbot, store, village)
    _act(qtbot, mine, mine.submit_button)
    with clock.frozen_at(day(12, 6)):
        session = AppSession(store, TaskRunner())
        session.set_actor(town)
        home = ReviewHomePage(session)
        qtbot.addWidget(home)
        home.show()
        qtbot.waitUntil(lambda: home.reminder.isVisible(), timeout=WAIT)
        text = home.reminder.text()
        assert "本单位2026年11月报表已逾期未报（截止12月5日）" in text
        assert "1 个下级单位的2026年11月报表待审核" in text
        assert f"1 个单位逾期未报（{VILLAGE_A2}）" in text
        # Accepting on the 上报 page (same session) updates the reminder at once.
        page = ReportingPage(session)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT)
        _select(page, VILLAGE_A1)
        _act(qtbot, page, page.accept_button)
        qtbot.waitUntil(lambda: "待审核" not in home.reminder.text(), timeout=WAIT)
        assert f"1 个单位逾期未报（{VILLAGE_A2}）" in home.reminder.text()
