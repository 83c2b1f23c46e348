"""Screens fixed (issue 15): case numbers whole, the inbox counts what it lists, the settings page scrolls at
1000 px, the dashboard's axes have units and a log scale where one bar dwarfs the rest, pie legends in full, empty
lists say what belongs there, and names masked in case lists when the setting asks for it. Real stores."""
from __future__ import annotations

import pytest
from PySide6.QtCharts import QLogValueAxis, QValueAxis
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QGroupBox

from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.services.cases import cases
from fulian_desktop.services.referral import referrals
from fulian_desktop.services.accounts import settings as core_settings
from fulian_desktop.services.statistics.dashboard import Bar
from tests.support.stores import TOWN_A, VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.session import AppSession
from ui.tasks import TaskRunner
from ui.statistics.dashboard_charts import DashboardChart, dwarfed

TIMEOUT = 15_000


@pytest.fixture
def world(tmp_path, qapp):  # noqa: ANN001, ANN201
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    messages.auto_answer = True
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    for name, role, unit in (("med", Role.MEDIATOR, org.units[VILLAGE_A1]), ("town", Role.MEDIATOR, org.units[TOWN_A]),
                             ("sup", Role.SUPERVISOR, org.district), ("sysadm", Role.SYSTEM_ADMIN, org.district),
                             ("rec", Role.RECEPTION, org.units[VILLAGE_A1])):
        add_user(store, name, role, unit)
    actors = {n: first_login(store, n) for n in ("med", "town", "sup", "sysadm", "rec")}
    sessions: list[AppSession] = []

    def session(name: str) -> AppSession:
        s = AppSession(store, TaskRunner())
        s.set_actor(actors[name])
        sessions.append(s)
        return s

    yield store, org, actors, session
    for s in sessions:
        s.tasks.wait_idle()
    store.close()
    messages.auto_answer = None


def _show(qtbot, widget, size=(1400, 860)):  # noqa: ANN001, ANN202
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_inbox_counts_what_it_lists_and_case_numbers_are_whole(qtbot, world) -> None:  # noqa: ANN001
    from ui.referral.inbox import InboxPage

    store, org, actors, session = world
    with store.uow(write=True) as uow:
        case_ids = [cases.create_case(uow, actors["med"], cases.NewCase(
            title=f"吴某赡养纠纷{i}", kind=CaseKind.MEDIATION)).row.id for i in range(3)]
    with store.uow(write=True) as uow:
        for case_id in case_ids:
            referrals.refer_to_tier(uow, actors["med"], case_id, org.units[TOWN_A], "村调解三次未果，请街道介入")
    district = _show(qtbot, InboxPage(session("sup")))  # oversight only: 3 referrals addressed to the town
    qtbot.waitUntil(lambda: district.below_model.rowCount() == 3, timeout=TIMEOUT)
    assert district.inbox_model.rowCount() == 0 and district.tabs.tabText(0) == "待接收"
    assert district.tabs.tabText(district.tabs.indexOf(district.below_tab)) == "下级待接收（3）"

    town = _show(qtbot, InboxPage(session("town")))
    qtbot.waitUntil(lambda: town.inbox_model.rowCount() == 3, timeout=TIMEOUT)
    assert town.tabs.tabText(0) == "待接收（3）"  # the count is the rows listed
    assert not town.tabs.isTabVisible(town.tabs.indexOf(town.below_tab))
    column = town.inbox_model.column_of("case_no")
    metrics = town.inbox_table.fontMetrics()
    for row in range(3):
        case_no = town.inbox_model.index(row, column).data()
        assert town.inbox_table.columnWidth(column) >= metrics.horizontalAdvance(case_no) + 12  # never "…"


def test_the_settings_page_scrolls_at_1000_px_without_overlaps(qtbot, world) -> None:  # noqa: ANN001
    from ui.accounts.settings import SettingsPage

    _store, _org, _actors, session = world
    page = _show(qtbot, SettingsPage(session("sysadm")), (1400, 1000 - 160))  # the window's chrome takes the rest
    qtbot.waitUntil(lambda: not page.session.tasks.busy(), timeout=TIMEOUT)
    content = page.scroll.widget()
    assert content.minimumSizeHint().height() > page.scroll.viewport().height()
    assert page.scroll.verticalScrollBar().maximum() > 0  # taller than the screen: it scrolls
    boxes = [box for box in content.findChildren(QGroupBox) if box.parentWidget() is content]
    rects = sorted((box.geometry() for box in boxes), key=lambda r: r.top())
    for upper, lower in zip(rects, rects[1:]):
        assert upper.bottom() < lower.top()  # boxes one below the other, none drawn over the next
    save = page.save_button
    assert save.mapTo(content, save.rect().bottomLeft()).y() <= boxes[0].geometry().bottom()


def test_masked_names_in_case_lists_when_the_setting_asks(qtbot, world) -> None:  # noqa: ANN001
    from ui.cases.case_list import CaseListPage

    store, _org, actors, session = world
    with store.uow(write=True) as uow:
        cases.create_case(uow, actors["med"], cases.NewCase(title="王丽华反映丈夫酗酒后殴打", kind=CaseKind.MEDIATION))
    page = _show(qtbot, CaseListPage(session("med"), settings_key="unit_cases"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0) is not None, timeout=TIMEOUT)
    title = page.model.index(0, 1).data()
    assert title == "王丽华反映丈夫酗酒后殴打"
    with store.uow(write=True) as uow:
        core_settings.put(uow, actors["sysadm"], "mask_names_in_lists", True)
    page.apply()
    qtbot.waitUntil(lambda: page.model.row_at(0) is not None and page.model.index(0, 1).data() != title,
                    timeout=TIMEOUT)
    assert page.model.index(0, 1).data() == "王某某反映丈夫酗酒后殴打"


def test_an_empty_case_list_says_what_belongs_there_and_how_to_add_it(qtbot, world) -> None:  # noqa: ANN001
    from ui.cases.case_list import CaseListPage

    _store, _org, _actors, session = world
    page = _show(qtbot, CaseListPage(session("rec"), settings_key="my_cases", mine_only=True))
    qtbot.waitUntil(lambda: page.empty_hint.isVisible(), timeout=TIMEOUT)
    assert "您承办的案件" in page.empty_hint.text() and "新建来访" in page.empty_hint.text()


def test_dashboard_axes_have_units_a_log_scale_for_a_dwarfing_bar_and_full_legends(qtbot) -> None:  # noqa: ANN001
    assert dwarfed([878, 12, 9, 3]) and not dwarfed([40, 30, 12]) and not dwarfed([878])
    chart = _show(qtbot, DashboardChart("按层级", "chart_test"), (600, 400))
    chart.set_bars([("案件", [Bar("区", 878, None), Bar("街道", 12, None), Bar("村", 3, None)], "#1565c0")],
                   unit="件")
    y = chart.chart.axes(Qt.Vertical)[0]
    assert isinstance(y, QLogValueAxis) and y.titleText() == "件（对数刻度）" and y.min() < 3
    chart.set_bars([("案件", [Bar("区", 40, None), Bar("街道", 30, None)], "#1565c0")], unit="件")
    y = chart.chart.axes(Qt.Vertical)[0]
    assert isinstance(y, QValueAxis) and y.titleText() == "件"
    chart.set_pie([Bar("劳动和社会保障", 3, None), Bar("婚姻家庭", 40, None), Bar("财产权益", 5, None)])
    assert chart.legend.isVisible() and not chart.chart.legend().isVisible()  # a legend that wraps, never "…"
    assert chart.legend_names == ["劳动和社会保障 3", "婚姻家庭 40", "财产权益 5"]
    assert "劳动和社会保障&nbsp;3" in chart.legend.text()


def test_the_review_queue_says_when_it_was_updated_in_china_time(qtbot, world) -> None:  # noqa: ANN001
    from datetime import datetime, timezone

    from fulian_desktop.domain import clock
    from ui.review.review_queue import ReviewQueuePage

    _store, _org, _actors, session = world
    with clock.frozen_at(datetime(2026, 12, 6, 19, 46, tzinfo=timezone.utc)):  # 03:46 the next day in Hunan
        page = _show(qtbot, ReviewQueuePage(session("sup")))
        qtbot.waitUntil(lambda: page.updated.text() != "", timeout=TIMEOUT)
        assert page.updated.text() == "更新于 03:46"
