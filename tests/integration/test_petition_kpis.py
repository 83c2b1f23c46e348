"""The petition KPIs on a hand-made store whose answer is known: 及时受理率, 按期办结率 and 满意率 (满意 / 基本满意 /
不满意 / 未评价), each on its cohort; the identities hold; the PDF and the workbook show the rows.

Every step is taken through the services with the clock frozen at the day it happened, so the statutory clocks
start, stop and are extended as they would be in use.

Six petitions of village A1 (2026):
  P5 received 9/1,  accepted 9/10  (in time), closed 10/20 (in time), 未评价; a visit BEFORE the closure says 满意
  P6 received 9/20, accepted 9/22  (in time), closed 10/15 (in time), 未评价 at closure, visit on 10/25: 不满意
  P1 received 9/25, accepted 10/5  (in time), closed 12/10 (late: due 12/4), 满意
  P2 received 10/1, accepted 10/10 (in time), extended 20 days (due 12/29), closed 12/20 (in time), 基本满意
  P3 received 10/2, accepted 10/30 (late: 28 days), still open
  P4 received 10/3, accepted 10/12 (in time), closed 12/15 (late: due 12/11), 不满意
Period 10/1–12/31: decisions P1 P2 P3 P4 → 3 of 4 in time (75 %); year: + P5 P6 → 5 of 6.
Closed in the period: P1 P2 P4 P5 P6 → on time P2 P5 P6, 3 of 5 (60 %).
Evaluations: 满意 P1, 基本满意 P2, 不满意 P4 P6, 未评价 P5 → 2 of 4 evaluated (50 %), 1 未评价.
"""
from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fulian_desktop.documents.statistics_report import render_report
from fulian_desktop.documents.statistics_xlsx import render_workbook
from fulian_desktop.domain import clock
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.domain.mediation_rules import Satisfaction
from fulian_desktop.services.cases import cases, history, workflow
from fulian_desktop.services.clocks.clocks import pause_clock, running_clocks
from fulian_desktop.services.statistics import statistics
from fulian_desktop.services.statistics.statistics_checks import check_line, failures
from fulian_desktop.services.statistics.statistics_views import MonthlyReport, StatSection
from fulian_desktop.store.models import Case, CaseClock, CaseEvent
from tests.support.petition_world import World, at, build_petition_world

FROM, TO = date(2026, 10, 1), date(2026, 12, 31)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = build_petition_world(Path(tmp_path_factory.mktemp("kpis")) / "s")
    yield w
    w.store.close()


@pytest.fixture(scope="module")
def report(world: World) -> MonthlyReport:
    with clock.frozen_at(datetime(2027, 1, 5, 9, 0, tzinfo=LOCAL_TZ)), world.store.uow() as uow:
        return statistics.monthly_report(uow, world.sup, FROM, TO)


def _petition(report: MonthlyReport) -> StatSection:
    return next(s for s in report.sections if s.key == "petition")


def _figures(report: MonthlyReport, column: str) -> dict[str, float | int | None]:
    return {r.key: r.value(column) for r in _petition(report).rows}


def test_timely_acceptance_is_three_of_the_four_decided_in_the_period(report: MonthlyReport) -> None:
    f = _figures(report, "subtotal")
    assert (f["accept_decided"], f["accept_timely"]) == (4, 3)
    assert f["timely_acceptance_rate"] == pytest.approx(0.75)
    assert _figures(report, "village")["accept_decided"] == 4
    y = _figures(report, "ytd")
    assert (y["accept_decided"], y["accept_timely"]) == (6, 5)


def test_on_time_closure_counts_the_extended_limit(report: MonthlyReport) -> None:
    f = _figures(report, "subtotal")
    assert (f["concluded"], f["concluded_on_time"]) == (5, 3)
    assert f["on_time_rate"] == pytest.approx(0.6)


def test_satisfaction_from_the_closure_or_a_later_visit_with_the_unevaluated_apart(report: MonthlyReport) -> None:
    f = _figures(report, "subtotal")
    assert (f["eval_satisfied"], f["eval_basically"], f["eval_unsatisfied"], f["eval_none"]) == (1, 1, 2, 1)
    assert (f["evaluated"], f["evaluated_satisfied"]) == (4, 2)
    assert f["petitioner_satisfaction_rate"] == pytest.approx(0.5)


def test_each_kpi_states_its_cohort_and_every_identity_holds(report: MonthlyReport) -> None:
    notes = "".join(_petition(report).notes)
    for name in ("及时受理率：", "按期办结率：", "满意率：统计期内结案的信访案件"):
        assert name in notes
    assert failures(report) == []
    assert "全部相符" in check_line(report)


def test_a_kpi_numerator_over_its_denominator_is_caught(report: MonthlyReport) -> None:
    from dataclasses import replace
    petition = _petition(report)
    rows = tuple(replace(r, values=(0, 0, 9, 9, 9)) if r.key == "accept_timely" else r for r in petition.rows)
    broken = replace(report, sections=tuple(replace(s, rows=rows) if s.key == "petition" else s
                                            for s in report.sections))
    rules = {f.rule for f in failures(broken)}
    assert "部分不超过整体" in rules and "比率＝分子÷分母（同一批案件）" in rules


def test_the_evaluation_is_stored_on_the_case_and_a_bad_one_is_refused(world: World) -> None:
    with world.store.uow() as uow:
        assert uow.s.get(Case, world.ids["P1"]).petition_evaluation == "satisfied"
        assert uow.s.get(Case, world.ids["P5"]).petition_evaluation is None
    with world.store.uow(write=True) as uow:
        assert cases.get_case(uow, world.med, world.ids["P2"]).petition_evaluation is Satisfaction.BASICALLY
        changes = [(e.label, e.new) for h in history.case_history(uow, world.sup, world.ids["P2"])
                   for e in h.changes]
    assert ("信访人评价", "基本满意") in changes, changes
    world.receive("P7", at(12, 21))
    world.accept("P7", at(12, 22))
    with clock.frozen_at(at(12, 23)), world.store.uow(write=True) as uow:
        with pytest.raises(ValidationError, match="信访人评价无效"):
            workflow.transition(uow, world.med, world.ids["P7"], T.REQUEST_CLOSURE, reason="已答复",
                                petition_outcome="support", petition_basis="依据", petition_evaluation="很好")
        with pytest.raises(ValidationError, match="只在申请结案时填写"):
            workflow.transition(uow, world.med, world.ids["P7"], T.START, petition_evaluation="satisfied")


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_the_pdf_and_the_workbook_show_the_kpi_rows(report: MonthlyReport, tmp_path: Path) -> None:
    pdf = tmp_path / "kpis.pdf"
    pdf.write_bytes(render_report(report))
    flat = " ".join(_pdftotext(pdf).split())
    for label in ("及时受理率", "75.0%", "按期办结率", "60.0%", "满意率（信访人评价）", "50.0%", "信访人评价：未评价"):
        assert label in flat, label
    path = tmp_path / "kpis.xlsx"
    path.write_bytes(render_workbook(report))
    wb = load_workbook(path)
    ws = wb.worksheets[[s.key for s in report.sections].index("petition")]
    found = {ws.cell(r, 2).value: [ws.cell(r, c).value for c in range(4, 9)] for r in range(5, ws.max_row + 1)}
    assert found["及时受理率"][3] == pytest.approx(0.75)
    assert found["按期办结率"][3] == pytest.approx(0.6)
    assert found["满意率（信访人评价）"][3] == pytest.approx(0.5)
    assert found["信访人评价：未评价"][3] == 1


def test_days_a_clock_stood_still_do_not_make_an_acceptance_late(tmp_path: Path) -> None:
    """Received 10/1, the 信访告知 clock paused on 10/5 (a hearing) and the acceptance decided on 10/28 while it
    stood still: 4 days counted of 15, so in time, on the report as on the timeline."""
    w = World(tmp_path / "s")
    try:
        w.receive("Q", at(10, 1))
        with clock.frozen_at(at(10, 5)), w.store.uow(write=True) as uow:
            (acceptance,) = running_clocks(uow, w.ids["Q"])
            clock_id = acceptance.id
            pause_clock(uow, w.med, clock_id, "听证")
        w.accept("Q", at(10, 28))
        with clock.frozen_at(at(11, 2)), w.store.uow() as uow:
            report = statistics.monthly_report(uow, w.sup, date(2026, 10, 1), date(2026, 10, 31))
            stopped = uow.s.get(CaseClock, clock_id)
            assert stopped is not None and stopped.due_at is not None and stopped.stopped_at is not None
            assert stopped.stopped_at < stopped.due_at
            (event,) = uow.s.query(CaseEvent).filter_by(case_id=w.ids["Q"], kind="clock_stopped").all()
            assert event.data["met"] is True
        f = _figures(report, "subtotal")
        assert (f["accept_decided"], f["accept_timely"], f["timely_acceptance_rate"]) == (1, 1, 1.0)
    finally:
        w.store.close()
