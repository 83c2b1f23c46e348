"""The recorded results in the monthly report: closure outcomes with their persons, the sum agreements involve,
and the agreements' performance — each with its known answer on the statistics store, and its identity."""
from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from fulian_desktop.documents.statistics_report import render_report
from fulian_desktop.documents.statistics_xlsx import render_workbook
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.cases import workflow
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.statistics import statistics
from fulian_desktop.services.statistics.statistics_checks import check_line, failures
from fulian_desktop.store.models import Agreement, Case
from tests.support.stats_world import OCT_FROM, OCT_TO, StatsWorld, at, build_stats_world


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> StatsWorld:  # noqa: ANN001
    w = build_stats_world(Path(tmp_path_factory.mktemp("recorded")) / "s")
    yield w
    w.store.close()


@pytest.fixture(scope="module")
def report(world: StatsWorld):  # noqa: ANN201
    with world.store.uow() as uow:
        return statistics.monthly_report(uow, world.sup, OCT_FROM, OCT_TO)


def cells(report, row: str) -> tuple:  # noqa: ANN001
    return report.section("mediation").row(row).values


def test_amount_is_the_sum_of_agreements_effective_in_the_period_in_yuan(report) -> None:  # noqa: ANN001
    # M1: 12,345.50 (village); M3: 12,000.00 and 500.00 (district, the second due only in November).
    assert cells(report, "amount") == (1_250_000, 0, 1_234_550, 2_484_550, 2_484_550)
    row = report.section("mediation").row("amount")
    assert (row.unit, row.text("subtotal"), row.text("district")) == ("元", "24,845.50", "12,500.00")


def test_performance_of_the_agreements_due_in_the_period(report) -> None:  # noqa: ANN001
    # Due in October: M1's first (no deadline: the day it took effect), partly performed; M1's second (20 Oct),
    # nothing; M3's first (30 Oct), every term done. M3's second falls due on 15 November.
    assert cells(report, "perf_due") == (1, 0, 2, 3, 3)
    assert cells(report, "perf_full") == (1, 0, 0, 1, 1)
    assert cells(report, "perf_partial") == (0, 0, 1, 1, 1)
    assert cells(report, "perf_none") == (0, 0, 1, 1, 1)


def test_closure_outcomes_count_cases_closed_in_the_period_and_sum_their_persons(report) -> None:  # noqa: ANN001
    assert cells(report, "prevent_crime") == (1, 0, 1, 2, 2)
    assert cells(report, "prevent_crime_persons") == (3, 0, 2, 5, 5)
    assert cells(report, "prevent_suicide") == (0, 0, 1, 1, 2)          # L2 closed in March: year to date
    assert cells(report, "prevent_suicide_persons") == (0, 0, 1, 1, 2)
    assert cells(report, "stop_group") == (1, 0, 0, 1, 1)
    assert cells(report, "stop_group_persons") == (8, 0, 0, 8, 8)
    notes = "".join(report.section("mediation").notes)
    assert "只计结案时的记录" in notes and "履行期限在统计期内届满" in notes


def test_identities_hold_and_a_broken_one_is_named(report) -> None:  # noqa: ANN001
    assert failures(report) == []
    assert "人数不少于件数" in check_line(report)
    section = report.section("mediation")
    rows = tuple(replace(r, values=(0, 0, 1, 1, 1)) if r.key == "prevent_crime_persons"
                 else replace(r, values=(0, 0, 2, 2, 2)) if r.key == "perf_none" else r for r in section.rows)
    broken = replace(report, sections=tuple(replace(s, rows=rows) if s.key == "mediation" else s
                                            for s in report.sections))
    found = {(f.rule, f.detail.split("（")[0]) for f in failures(broken)}
    assert ("人数不少于件数", "防止民转刑人数1＜防止民转刑案件2") in found
    assert any(rule == "分项之和等于合计" and "协议履行情况" in detail for rule, detail in found)


def test_outcomes_reach_the_case_only_with_the_approved_closure_and_leave_with_reopening(world: StatsWorld) -> None:
    store, ids = world.store, world.case_ids
    with store.uow() as uow:
        l1 = uow.s.get(Case, ids["L1"])
        assert (l1.prevented_crime, l1.prevented_crime_persons) == (True, 3)
        assert (l1.stopped_group_petition_persons, l1.prevented_suicide, l1.prevented_suicide_persons) == (8, False, None)
        l3 = uow.s.get(Case, ids["L3"])
        assert not (l3.prevented_crime or l3.prevented_suicide or l3.stopped_group_petition)
    with store.uow(write=True) as uow:
        workflow.transition(uow, world.district, ids["L1"], T.REOPEN, reason="当事人再次求助")
    with store.uow() as uow:
        l1 = uow.s.get(Case, ids["L1"])
        assert (l1.prevented_crime, l1.prevented_crime_persons, l1.stopped_group_petition) == (False, None, False)
    # Asked again with the closure: it waits for the supervisor.
    with store.uow(write=True) as uow:
        workflow.transition(uow, world.district, ids["L1"], T.REQUEST_CLOSURE, reason="办结",
                            closure_outcomes={"prevented_suicide": 2})
    with store.uow() as uow:
        assert uow.s.get(Case, ids["L1"]).prevented_suicide is False
        (pending,) = workflow.list_approvals(uow, world.sup, case_id=ids["L1"], pending_only=True)
        assert pending.closure_outcomes.text() == "防止自杀 2 人"
    with store.uow(write=True) as uow:
        workflow.decide(uow, world.sup, pending.id, True, "同意")
        uow.s.execute(update(Case).where(Case.id == ids["L1"]).values(closed_at=at(10, 22)))
    with store.uow() as uow:
        l1 = uow.s.get(Case, ids["L1"])
        assert (l1.prevented_suicide, l1.prevented_suicide_persons, l1.prevented_crime) == (True, 2, False)
        again = statistics.monthly_report(uow, world.sup, OCT_FROM, OCT_TO)
    assert again.figure("mediation", "prevent_suicide_persons", "district") == 2
    assert again.figure("mediation", "stop_group") == 0


@pytest.mark.parametrize(("given", "message"), [
    ({"prevented_crime": 0.5}, "已勾选“防止民转刑”：请填写涉及人数（至少 1 人）。"),
    ({"prevented_crime": -2}, "已勾选“防止民转刑”：请填写涉及人数（至少 1 人）。"),
    ({"stopped_group_petition": 1001}, "“制止群体性上访”的人数最多 1000 人，请核对。"),
    ({"prevented_murder": 1}, "未知的结案成效：prevented_murder。"),
])
def test_bad_outcomes_are_refused_and_nothing_changes(world: StatsWorld, given: dict, message: str) -> None:
    case_id = world.case_ids["M2"]
    with world.store.uow(write=True) as uow:
        with pytest.raises(ValidationError) as refused:
            workflow.transition(uow, world.town, case_id, T.REQUEST_CLOSURE, reason="办结", closure_outcomes=given)
    assert refused.value.message == message
    with world.store.uow() as uow:
        assert workflow.list_approvals(uow, world.sup, case_id=case_id, pending_only=True) == []
        assert uow.s.get(Case, case_id).status == "accepted"


def test_outcomes_are_given_only_with_a_closure_request(world: StatsWorld) -> None:
    with world.store.uow(write=True) as uow:
        with pytest.raises(ValidationError, match="只在申请结案时填写"):
            workflow.transition(uow, world.town, world.case_ids["M2"], T.START,
                                closure_outcomes={"prevented_crime": 1})


@pytest.mark.parametrize("fen", [-1, 1.5, True, 10_000_000_000 * 100 + 1])
def test_a_bad_amount_is_refused(world: StatsWorld, fen: object) -> None:
    with world.store.uow() as uow:
        before = uow.s.query(Agreement).count()
    with world.store.uow(write=True) as uow:
        with pytest.raises(ValidationError):
            mediation.create_agreement(uow, world.town, world.case_ids["M2"], "oral", "事实", terms=[
                mediation.TermInput("甲", "道歉")], agreed_at=at(10, 9), amount_involved_fen=fen)
    with world.store.uow() as uow:
        assert uow.s.query(Agreement).count() == before


def test_the_new_rows_are_printed_and_the_workbook_holds_yuan(report, tmp_path: Path) -> None:  # noqa: ANN001
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_report(report))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout

    def printed(label: str) -> list[str]:
        return next(line.split() for line in text.splitlines() if label in line.split())[-5:]

    assert printed("协议涉及金额") == ["12,500.00", "0.00", "12,345.50", "24,845.50", "24,845.50"]
    assert printed("其中部分履行") == ["0", "0", "1", "1", "1"]
    assert printed("防止民转刑人数") == ["3", "0", "2", "5", "5"]
    assert "全部相符" in text
    book = tmp_path / "report.xlsx"
    book.write_bytes(render_workbook(report))
    ws = load_workbook(book).worksheets[0]
    (row,) = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "协议涉及金额"]
    assert [ws.cell(row, c).value for c in range(3, 9)] == ["元", 12_500.0, 0, 12_345.5, 24_845.5, 24_845.5]
    assert ws.cell(row, 7).number_format == "#,##0.00"
