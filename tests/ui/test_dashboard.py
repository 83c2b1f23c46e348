"""The supervisor's dashboard on a real encrypted store: the charts show the subtree's figures, clicking a bar or a
slice shows exactly the cases behind it, a double click opens one, and the monthly report exports from the page."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPointF, Qt
from sqlalchemy import select

from fulian_desktop.store.models import AuditEntry, Case
from tests.support.stats_world import StatsWorld, build_stats_world
from ui.errors import messages
from ui.navigation import pages_for
from ui.statistics.dashboard import DashboardPage
from ui.session import AppSession
from ui.tasks import TaskRunner

WAIT = 15_000


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> StatsWorld:  # noqa: ANN001
    w = build_stats_world(Path(tmp_path_factory.mktemp("dash")) / "s")
    yield w
    w.store.close()


@pytest.fixture
def session(qtbot, world: StatsWorld):  # noqa: ANN001, ANN201
    session = AppSession(world.store, TaskRunner())
    session.set_actor(world.sup)
    yield session
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)
    session.tasks.wait_idle()


@pytest.fixture
def page(qtbot, session: AppSession) -> DashboardPage:  # noqa: ANN001
    messages.auto_answer = True
    messages.recorded.clear()
    page = DashboardPage(session)
    qtbot.addWidget(page)
    page.resize(1500, 950)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None and page.unit.count() > 0, timeout=WAIT)
    page.date_from.setDate(QDate(2026, 1, 1))
    page.date_to.setDate(QDate(2026, 11, 30))
    with qtbot.waitSignal(page.sig_loaded, timeout=WAIT):
        page.refresh()
    yield page
    messages.auto_answer = None


def _ids_of(world: StatsWorld, *where) -> set[str]:  # noqa: ANN002
    with world.store.uow() as uow:
        return set(uow.s.execute(select(Case.id).where(*where)).scalars())


def _drill(qtbot, page: DashboardPage, click) -> set[str]:  # noqa: ANN001
    """Click (a callable emitting the chart's signal); the ids the list then shows."""
    with qtbot.waitSignal(page.sig_drilled, timeout=WAIT), qtbot.waitSignal(page.cases.model.sig_loaded,
                                                                             timeout=WAIT):
        click()
    qtbot.waitUntil(lambda: not page.session.tasks.busy(), timeout=WAIT)
    return set(page.cases.model.ids)


def test_clicking_the_village_bar_lists_the_village_cases(qtbot, page: DashboardPage, world: StatsWorld) -> None:  # noqa: ANN001
    tiers = page.charts["tier"]
    assert [[s.at(i) for i in range(s.count())] for s in tiers.bar_sets] == [[2.0, 2.0, 6.0], [0.0, 0.0, 0.0]]
    # A real mouse click in the middle of the third bar (村社区: 6 cases, legal-aid L3 among them).
    series = tiers.chart.series()[0]
    at_bar = tiers.chart.mapToPosition(QPointF(1.875, 2.5), series)   # this period's bar, left of last year's
    pos = tiers.view.mapFromScene(tiers.chart.mapToScene(at_bar))
    listed = _drill(qtbot, page, lambda: qtbot.mouseClick(tiers.view.viewport(), Qt.LeftButton, pos=pos))
    assert listed == _ids_of(world, Case.tier == "village")
    assert page.cases.count_label.text() == "共 6 件"
    assert "村社区" in page.caption.text()
    # Double-clicking a row asks the window to open that case.
    qtbot.waitUntil(lambda: page.cases.model.row_at(0) is not None, timeout=WAIT)
    with qtbot.waitSignal(page.sig_open_case, timeout=WAIT) as opened:
        page.cases.table.doubleClicked.emit(page.cases.model.index(0, 0))
    assert opened.args[0] in _ids_of(world, Case.tier == "village")


def test_clicking_the_high_risk_slice_and_a_month_bar(qtbot, page: DashboardPage, world: StatsWorld) -> None:  # noqa: ANN001
    risk = page.charts["risk"]
    assert [(m.label(), m.slice().value()) for m in risk.chart.legend().markers()] == [("高风险 1", 1.0)]
    assert _drill(qtbot, page, risk.slices[0].clicked.emit) == {world.case_ids["C1"]}
    march = [b.label for b in page.data.by_month].index("2026-03")
    month = page.charts["month"].bar_sets[0]
    assert _drill(qtbot, page, lambda: month.clicked.emit(march)) == {world.case_ids["M4"], world.case_ids["L2"]}


def test_the_clock_chart_lists_cases_whose_deadline_passed(qtbot, page: DashboardPage, world: StatsWorld) -> None:  # noqa: ANN001
    clocks = page.charts["clocks"]
    missed = clocks.bar_sets[1]
    index = next(i for i in range(missed.count()) if missed.at(i) > 0)
    listed = _drill(qtbot, page, lambda: missed.clicked.emit(index))
    assert len(listed) == int(missed.at(index)) and listed


def test_export_from_the_dashboard_writes_the_report_and_audits_it(qtbot, page: DashboardPage, world: StatsWorld,  # noqa: ANN001
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "报表.xlsx"
    page.export_to(str(out))
    qtbot.waitUntil(lambda: out.exists() and bool(messages.recorded), timeout=WAIT)
    with world.store.uow() as uow:
        assert uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "statistics")).first() is not None


def test_only_supervisors_get_the_dashboard_page(qtbot, world: StatsWorld) -> None:  # noqa: ANN001
    for actor, wanted in ((world.sup, True), (world.village, False)):
        session = AppSession(world.store, TaskRunner())
        session.set_actor(actor)
        assert ("dashboard" in [p.key for p in pages_for(session)]) is wanted
