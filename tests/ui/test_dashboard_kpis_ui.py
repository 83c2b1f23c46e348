"""The dashboard's petition KPIs and its periods, on a real encrypted store whose answer is known.

The store: the six petitions of tests/support/petition_world.py (opened 9/1–10/3 of 2026) and three mediation
cases of 2025 (opened 10/10, 11/15 and 12/25 of 2025), for last year's same period.
- Period 2026-10-01 to 12-31: 及时受理率 3 of 4 (P1 P2 P4 of P1–P4), 按期办结率 3 of 5, 满意率 2 of 4; a click on a
  count lists exactly its cases.
- Today 2026-12-20: 本年 6 cases against 2 last year (+200 %); 本季度 3 against 2 (+50 %); 上月 0 against 1.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.services.cases import cases
from fulian_desktop.store.models import AuditEntry
from tests.support.petition_world import World, build_petition_world
from ui.errors import messages
from ui.session import AppSession
from ui.statistics.dashboard import DashboardPage
from ui.tasks import TaskRunner

WAIT = 15_000


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = build_petition_world(Path(tmp_path_factory.mktemp("dkpiui")) / "s")
    for key, (month, day) in {"L1": (10, 10), "L2": (11, 15), "L3": (12, 25)}.items():
        with w.store.uow(write=True) as uow:
            w.ids[key] = cases.create_case(uow, w.med, cases.NewCase(
                title=f"去年的案件{key}", kind=CaseKind.MEDIATION,
                opened_at=datetime(2025, month, day, 10, 0, tzinfo=LOCAL_TZ))).row.id
    yield w
    w.store.close()


def _page(qtbot, world: World, today: datetime) -> Iterator[DashboardPage]:  # noqa: ANN001
    messages.auto_answer = True
    messages.recorded.clear()
    session = AppSession(world.store, TaskRunner())
    session.set_actor(world.sup)
    with clock.frozen_at(today):
        page = DashboardPage(session)
        qtbot.addWidget(page)
        page.resize(1500, 950)
        page.show()
        qtbot.waitUntil(lambda: page.data is not None and page.unit.count() > 0, timeout=WAIT)
        qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)
        yield page
        qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)
    session.tasks.wait_idle()
    messages.auto_answer = None


@pytest.fixture
def page(qtbot, world: World) -> Iterator[DashboardPage]:  # noqa: ANN001
    yield from _page(qtbot, world, datetime(2027, 1, 5, 9, 0, tzinfo=LOCAL_TZ))


@pytest.fixture
def december(qtbot, world: World) -> Iterator[DashboardPage]:  # noqa: ANN001
    yield from _page(qtbot, world, datetime(2026, 12, 20, 10, 0, tzinfo=LOCAL_TZ))


def _names(world: World, ids) -> set[str]:  # noqa: ANN001
    by_id = {v: k for k, v in world.ids.items()}
    return {by_id[i] for i in ids}


def _custom(qtbot, page: DashboardPage, start: QDate, end: QDate) -> None:  # noqa: ANN001
    page.date_from.setDate(start)
    page.date_to.setDate(end)
    assert page.preset.currentData() == "custom"
    with qtbot.waitSignal(page.sig_loaded, timeout=WAIT):
        qtbot.mouseClick(page.findChild(type(page.kpis.links["concluded"]), "dashboard_refresh"), Qt.LeftButton)


def _click(qtbot, page: DashboardPage, figure: str) -> set[str]:  # noqa: ANN001
    button = page.kpis.links[figure]
    with qtbot.waitSignal(page.sig_drilled, timeout=WAIT), qtbot.waitSignal(page.cases.model.sig_loaded,
                                                                             timeout=WAIT):
        qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.session.tasks.busy(), timeout=WAIT)
    return set(page.cases.model.ids)


def test_a_click_on_a_kpi_count_lists_exactly_its_cases(qtbot, page: DashboardPage, world: World) -> None:  # noqa: ANN001
    _custom(qtbot, page, QDate(2026, 10, 1), QDate(2026, 12, 31))
    k = page.kpis
    assert [k.rates[key].text() for key in k.rates] == ["75.0%", "60.0%", "50.0%"]
    assert {f: b.text() for f, b in k.links.items()} == {
        "accept_timely": "3", "accept_decided": "4", "concluded_on_time": "3", "concluded": "5",
        "evaluated_satisfied": "2", "evaluated": "4", "eval_satisfied": "1", "eval_basically": "1",
        "eval_unsatisfied": "2", "eval_none": "1"}
    assert "作出受理决定" in page.findChild(type(k.rates["on_time_rate"]), "kpi_cohort_timely_acceptance_rate").text()
    assert _names(world, _click(qtbot, page, "accept_timely")) == {"P1", "P2", "P4"}
    assert "及时受理率 · 15日内作出" in page.caption.text()
    assert _names(world, _click(qtbot, page, "accept_decided")) == {"P1", "P2", "P3", "P4"}
    assert _names(world, _click(qtbot, page, "concluded_on_time")) == {"P2", "P5", "P6"}
    assert _names(world, _click(qtbot, page, "eval_unsatisfied")) == {"P4", "P6"}
    assert _names(world, _click(qtbot, page, "eval_none")) == {"P5"}
    assert page.cases.count_label.text() == "共 1 件"
    # Nothing last year: the comparison says so instead of inventing a rate.
    assert k.last_year["timely_acceptance_rate"].text() == "去年同期 —"


def test_periods_with_last_years_same_period_beside(qtbot, december: DashboardPage, world: World) -> None:  # noqa: ANN001
    page = december
    assert page.preset.currentData() == "this_year"
    assert page.period() == (date(2026, 1, 1), date(2026, 12, 20))
    assert (page.data.total_cases, page.previous.total_cases) == (6, 2)
    assert page.compare.text() == "去年同期（2025-01-01 至 2025-12-20）2 件（+200.0%）"

    with qtbot.waitSignal(page.sig_loaded, timeout=WAIT):
        page.choose("this_quarter")
    assert page.period() == (date(2026, 10, 1), date(2026, 12, 20))
    assert (page.data.total_cases, page.previous.total_cases) == (3, 2)
    assert page.compare.text().endswith("2 件（+50.0%）")
    month = page.charts["month"]
    assert [[s.at(i) for i in range(s.count())] for s in month.bar_sets] == [[3.0, 0.0, 0.0], [1.0, 1.0, 0.0]]
    assert [s.label() for s in month.bar_sets] == ["本期", "去年同期"]
    assert [s.at(i) for i in range(3) for s in page.charts["tier"].bar_sets[1:]] == [0.0, 0.0, 2.0]

    with qtbot.waitSignal(page.sig_loaded, timeout=WAIT):
        page.choose("last_month")
    assert page.period() == (date(2026, 11, 1), date(2026, 11, 30))
    assert (page.data.total_cases, page.previous.total_cases) == (0, 1)
    assert page.compare.text() == "去年同期（2025-11-01 至 2025-11-30）1 件（-100.0%）"
    # Last year's bar names its own cases.
    last = page.charts["month"].bar_sets[1]
    with qtbot.waitSignal(page.sig_drilled, timeout=WAIT), qtbot.waitSignal(page.cases.model.sig_loaded,
                                                                             timeout=WAIT):
        last.clicked.emit(0)
    assert _names(world, page.cases.model.ids) == {"L2"}


def test_the_export_is_of_the_chosen_period(qtbot, december: DashboardPage, world: World,  # noqa: ANN001
                                            tmp_path: Path) -> None:
    with qtbot.waitSignal(december.sig_loaded, timeout=WAIT):
        december.choose("this_quarter")
    out = tmp_path / "报表.xlsx"
    december.export_to(str(out))
    qtbot.waitUntil(lambda: out.exists() and bool(messages.recorded), timeout=WAIT)
    with world.store.uow() as uow:
        detail = uow.s.execute(select(AuditEntry.detail).where(AuditEntry.entity == "statistics")
                               .order_by(AuditEntry.seq.desc())).scalars().first()
    assert detail is not None and (detail["from"], detail["to"]) == ("2026-10-01", "2026-12-20")
