"""The petition KPIs on the dashboard, each figure one click from its cases: on the six petitions of
tests/support/petition_world.py (period 10/1–12/31 of 2026) the cases behind every numerator and denominator are
exactly the known ones, they are the report's counts, and nobody sees cases outside their scope.

Known answer: decisions P1 P2 P3 P4, in time P1 P2 P4; closed P1 P2 P4 P5 P6, on time P2 P5 P6; 满意 P1,
基本满意 P2, 不满意 P4 P6, 未评价 P5.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from fulian_desktop.domain import clock
from fulian_desktop.domain.errors import PermissionDenied
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.services.cases.case_queries import list_case_ids
from fulian_desktop.services.statistics import dashboard, statistics
from tests.support.petition_world import World, build_petition_world

FROM, TO = date(2026, 10, 1), date(2026, 12, 31)
AFTER = datetime(2027, 1, 5, 9, 0, tzinfo=LOCAL_TZ)

EXPECTED = {
    "accept_decided": {"P1", "P2", "P3", "P4"},
    "accept_timely": {"P1", "P2", "P4"},
    "concluded": {"P1", "P2", "P4", "P5", "P6"},
    "concluded_on_time": {"P2", "P5", "P6"},
    "eval_satisfied": {"P1"},
    "eval_basically": {"P2"},
    "eval_unsatisfied": {"P4", "P6"},
    "eval_none": {"P5"},
    "evaluated": {"P1", "P2", "P4", "P6"},
    "evaluated_satisfied": {"P1", "P2"},
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = build_petition_world(Path(tmp_path_factory.mktemp("dkpi")) / "s")
    yield w
    w.store.close()


def _names(world: World, ids: list[str]) -> set[str]:
    by_id = {v: k for k, v in world.ids.items()}
    return {by_id[i] for i in ids}


def test_the_cases_behind_every_kpi_figure_are_the_known_ones(world: World) -> None:
    with clock.frozen_at(AFTER), world.store.uow() as uow:
        found = dashboard.kpi_case_ids(uow, world.sup, FROM, TO)
    assert {key: _names(world, ids) for key, ids in found.items()} == EXPECTED


def test_the_dashboard_figures_are_the_reports_and_the_lists_length(world: World) -> None:
    with clock.frozen_at(AFTER), world.store.uow() as uow:
        data = dashboard.dashboard(uow, world.sup, FROM, TO)
        report = statistics.monthly_report(uow, world.sup, FROM, TO)
        rows = {r.key: r.value("subtotal") for s in report.sections for r in s.rows}
        figures = {b.label: b.value for b in data.kpis}
        assert figures == {key: len(v) for key, v in EXPECTED.items()}
        assert all(rows[key] == n for key, n in figures.items())
        # A click on a figure: the dashboard's list filter gives exactly those cases.
        for bar in data.kpis:
            f = dashboard.drill_filter(uow, world.sup, bar.drill)
            assert _names(world, list_case_ids(uow, world.sup, f)) == EXPECTED[bar.label], bar.label


def test_last_years_same_period_is_compared_and_holds_none_of_these(world: World) -> None:
    with clock.frozen_at(AFTER), world.store.uow() as uow:
        both = dashboard.compared(uow, world.sup, FROM, TO)
    assert (both.last_year.date_from, both.last_year.date_to) == (date(2025, 10, 1), date(2025, 12, 31))
    assert {b.label: b.value for b in both.current.kpis}["accept_decided"] == 4
    assert all(b.value == 0 for b in both.last_year.kpis)


def test_a_supervisor_of_another_town_sees_no_case_of_village_a1(world: World) -> None:
    with clock.frozen_at(AFTER), world.store.uow() as uow:
        own = dashboard.kpi_case_ids(uow, world.sup_b, FROM, TO)
        assert all(ids == [] for ids in own.values())
        with pytest.raises(PermissionDenied):
            dashboard.kpi_case_ids(uow, world.sup_b, FROM, TO, unit_id=world.sup.unit_id)
        with pytest.raises(PermissionDenied):
            dashboard.kpi_case_ids(uow, world.med, FROM, TO)


def test_a_narrower_period_keeps_only_its_own_cases(world: World) -> None:
    """December alone: decisions none; closed P1 P2 P4 (on time P2); evaluations 满意 P1, 基本满意 P2, 不满意 P4."""
    with clock.frozen_at(AFTER), world.store.uow() as uow:
        found = dashboard.kpi_case_ids(uow, world.sup, date(2026, 12, 1), date(2026, 12, 31))
    assert _names(world, found["accept_decided"]) == set()
    assert _names(world, found["concluded"]) == {"P1", "P2", "P4"}
    assert _names(world, found["concluded_on_time"]) == {"P2"}
    assert _names(world, found["evaluated_satisfied"]) == {"P1", "P2"}
