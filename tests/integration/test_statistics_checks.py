"""The monthly report's figures are right before they go up a tier: every rate on one cohort (never over
100 %, the July case of issue 17), every identity on every section (on the known store and on a demo store
of many months), the sub-type rows of petitions and marriage disputes, and the check line on the papers."""
from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from fulian_demo import generate_demo
from fulian_desktop.domain.enums import CaseKind, CaseStatus, PartyRole, Role
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.documents.statistics_report import render_report
from fulian_desktop.documents.statistics_xlsx import render_workbook
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.statistics import statistics
from fulian_desktop.services.statistics.statistics_checks import check_line, checks, failures
from fulian_desktop.services.statistics.statistics_views import COLUMN_KEYS, MonthlyReport
from fulian_desktop.store.models import Case, CaseEvent
from fulian_desktop.store.store import Store
from tests.support.stats_world import OCT_FROM, OCT_TO, StatsWorld, build_stats_world
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store

JULY = (date(2026, 7, 1), date(2026, 7, 31))


def _at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 10, 0, tzinfo=LOCAL_TZ)


def _assert_consistent(report: MonthlyReport) -> None:
    bad = failures(report)
    assert not bad, "\n".join(f.text() for f in bad)
    for section in report.sections:
        for row in section.rows:
            if row.kind == "rate":
                assert all(v is None or 0 <= v <= 1 for v in row.values), (section.key, row.key, row.values)


# --- the July cohort ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def july(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, MonthlyReport]]:
    """Two mediation cases registered in June that settled and closed in July, one marriage case registered in
    June whose 调和 was recorded in July, and one July case still open: the old figures gave 3 successes over
    1 registered case (300 %) and a 和好率 of 1 over 0."""
    store = new_store(Path(tmp_path_factory.mktemp("july")) / "s").store
    org = build_org(store)
    add_user(store, "sup", Role.SUPERVISOR, org.district, display_name="sup")
    add_user(store, "cun", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="cun")
    sup, village = first_login(store, "sup"), first_login(store, "cun")

    def case(key: str, opened: datetime, dispute: str, sub: str | None = None) -> str:
        with store.uow(write=True) as uow:
            case_id = cases.create_case(uow, village, cases.NewCase(
                title=f"七月{key}", kind=CaseKind.MEDIATION, dispute_type=dispute, category=dispute,
                sub_category=sub, source="application", opened_at=opened)).row.id
            cases.add_party(uow, village, case_id, PersonInput(name=f"甲{key}", sex="female"), PartyRole.APPLICANT)
            cases.add_party(uow, village, case_id, PersonInput(name=f"乙{key}", sex="male"), PartyRole.RESPONDENT)
            workflow.transition(uow, village, case_id, T.ACCEPT)
        return case_id

    a = case("A", _at(6, 10), "邻里")
    b = case("B", _at(6, 15), "婚姻家庭", "赡养")
    c = case("C", _at(6, 20), "婚姻家庭", "家庭暴力")
    case("D", _at(7, 3), "婚姻家庭", "离婚问题")
    with store.uow(write=True) as uow:
        mediation.create_agreement(uow, village, a, "oral", "邻里排水纠纷", terms=[
            mediation.TermInput("乙A", "疏通排水沟", "七日内")], agreed_at=_at(7, 5))
        mediation.set_mediation_outcome(uow, village, b, "guided_divorce")
        mediation.set_mediation_outcome(uow, village, c, "reconciled")
    with store.uow(write=True) as uow:   # the outcomes were recorded, and A and B closed, in July
        uow.s.execute(update(CaseEvent).where(CaseEvent.case_id.in_((b, c)), CaseEvent.kind == "mediation_outcome")
                      .values(occurred_at=_at(7, 12)))
        for case_id, day in ((a, 20), (b, 22)):
            uow.s.execute(update(Case).where(Case.id == case_id)
                          .values(status=CaseStatus.CLOSED.value, closed_at=_at(7, day)))
    with store.uow() as uow:
        report = statistics.monthly_report(uow, sup, *JULY)
    yield store, report
    store.close()


def test_july_successes_of_cases_registered_earlier_give_a_rate_of_at_most_100_percent(july) -> None:  # noqa: ANN001
    _store, report = july
    med = report.section("mediation")
    # The old division: 3 successes in July (A's agreement, B's and C's outcomes) over 1 case registered in July.
    assert med.row("successful").value("subtotal") == 3 and med.row("mediated").value("subtotal") == 1
    # The rate is on one cohort: the cases closed in July (A, B), both settled.
    assert med.row("closed").values == (0, 0, 2, 2, 2)
    assert med.row("closed_successful").values == (0, 0, 2, 2, 2)
    assert med.row("success_rate").values == (None, None, 1.0, 1.0, 1.0)
    # 和好率 over the marriage cases whose outcome was recorded in July (B 指导协议离婚, C 调和): 1 of 2.
    mar = report.section("marriage")
    assert mar.row("outcomes").value("subtotal") == 2 and mar.row("reconciled").value("subtotal") == 1
    assert mar.row("reconciliation_rate").value("subtotal") == 0.5
    assert mar.row("accepted").value("subtotal") == 1   # D only: B and C were registered in June
    assert mar.row("subtype:离婚问题").value("subtotal") == 1
    _assert_consistent(report)
    assert any("结案的调解类案件" in note and "100%" in note for note in med.notes)
    assert any("和好率只在这一批案件上计算" in note for note in mar.notes)


# --- identities --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StatsWorld]:
    w = build_stats_world(Path(tmp_path_factory.mktemp("stats_checks")) / "s")
    yield w
    w.store.close()


@pytest.fixture(scope="module")
def october(world: StatsWorld) -> MonthlyReport:
    with world.store.uow() as uow:
        return statistics.monthly_report(uow, world.sup, OCT_FROM, OCT_TO)


def test_every_identity_holds_on_every_section_of_the_known_store(october: MonthlyReport) -> None:
    _assert_consistent(october)
    done = checks(october)
    checked = {f.section for _ok, f in done}
    assert checked == {s.title for s in october.sections}
    assert len(done) > 300
    rules = {f.rule for _ok, f in done}
    assert {"各层级之和等于小计", "分项之和等于合计", "部分不超过整体", "比率＝分子÷分母（同一批案件）",
            "本年累计不低于本期", "比率在0%至100%之间"} <= rules


def test_sub_type_rows_of_petitions_and_marriage_disputes(october: MonthlyReport) -> None:
    pet = october.section("petition")
    assert pet.row("subcategory:婚姻家庭:离婚问题").label == "婚姻家庭·离婚问题"
    assert pet.row("subcategory:婚姻家庭:离婚问题").values == (0, 0, 1, 1, 1)
    assert pet.row("subcategory:婚姻家庭:家庭暴力").values == (0, 0, 0, 0, 0)
    assert pet.row("subcategory:婚姻家庭:").label == "婚姻家庭·未填子类"    # 钱来电 (Oct), 吴来信 (Feb)
    assert pet.row("subcategory:婚姻家庭:").values == (0, 1, 0, 1, 2)
    assert pet.row("subcategory:财产权益:继承").values == (0, 0, 1, 1, 1)
    mar = october.section("marriage")
    assert mar.row("subtype:家庭暴力").values == (0, 0, 1, 1, 1)    # M1
    assert mar.row("subtype:离婚问题").values == (1, 0, 0, 1, 1)    # M3
    assert mar.row("subtype:").values == (0, 0, 0, 0, 1)            # M4 (March) has no sub-type
    assert [r.label for r in mar.rows if r.key.startswith("subtype:")][:8] == [
        "家庭纠纷", "干涉婚姻", "配偶外遇/重婚/同居", "离婚问题", "家庭暴力", "赡养", "抚养", "其它"]


def test_a_broken_figure_is_caught_and_said_on_the_check_line(october: MonthlyReport) -> None:
    assert "全部相符" in check_line(october)
    med = october.section("mediation")
    row = med.row("type:邻里")
    wrong = replace(row, values=(0, 2, 0, 2, 2))    # town 2 instead of 1: the types no longer add up
    broken = replace(october, sections=(replace(med, rows=tuple(wrong if r is row else r for r in med.rows)),
                                        *october.sections[1:]))
    bad = failures(broken)
    assert bad and all(f.section == "一、人民调解" and f.rule == "分项之和等于合计" for f in bad)
    assert "发现不符" in check_line(broken) and "按纠纷类型" in check_line(broken)
    rate = med.row("success_rate")
    over = replace(october, sections=(replace(med, rows=tuple(
        replace(r, values=(1.5, *r.values[1:])) if r is rate else r for r in med.rows)), *october.sections[1:]))
    assert {f.rule for f in failures(over)} >= {"比率在0%至100%之间", "比率＝分子÷分母（同一批案件）"}


def test_the_check_line_is_printed_on_the_pdf_and_every_sheet(october: MonthlyReport, tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_report(october))
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                  text=True).stdout.split())
    assert "数据核对：已逐栏核对" in text and "全部相符" in text
    xlsx = tmp_path / "r.xlsx"
    xlsx.write_bytes(render_workbook(october))
    for ws in load_workbook(xlsx).worksheets:
        assert any(str(c.value or "").startswith("数据核对：") and "全部相符" in str(c.value)
                   for c in ws["A"]), ws.title


# --- a demo store, month by month --------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = new_store(Path(tmp_path_factory.mktemp("stats_demo")) / "s").store
    generate_demo(store, cases=1500, seed=17)
    yield store
    store.close()


def _months() -> list[tuple[date, date]]:
    out = []
    for month in range(1, 12):
        last = date(2026, month + 1, 1).toordinal() - 1
        out.append((date(2026, month, 1), date.fromordinal(last)))
    return out


def test_every_identity_holds_on_a_demo_store_month_by_month(demo: Store) -> None:
    actor = auth.system_actor(demo)
    with demo.uow() as uow:
        reports = [statistics.monthly_report(uow, actor, f, t) for f, t in _months()]
        reports.append(statistics.monthly_report(uow, actor, date(2026, 1, 1), date(2026, 6, 30)))
    for report in reports:
        _assert_consistent(report)
    # The demo's work is there: the rates have denominators and the sub-types are filled.
    year = reports[-2]
    assert sum(r.figure("mediation", "closed") or 0 for r in reports[:-1]) > 0
    assert year.figure("mediation", "closed", "ytd") > 0
    assert 0 < year.figure("mediation", "success_rate", "ytd") <= 1
    pet_subs = [r for r in year.section("petition").rows if r.key.startswith("subcategory:婚姻家庭:")]
    assert sum(r.value("ytd") or 0 for r in pet_subs if r.key != "subcategory:婚姻家庭:") > 0
    mar_subs = [r for r in year.section("marriage").rows if r.key.startswith("subtype:") and r.key != "subtype:"]
    assert sum(r.value("ytd") or 0 for r in mar_subs) > 0
    for rate, base in (("timely_acceptance_rate", "accept_decided"), ("on_time_rate", "concluded"),
                       ("petitioner_satisfaction_rate", "evaluated")):   # the petition KPIs have their cohorts
        assert year.figure("petition", base, "ytd") > 0 and 0 < year.figure("petition", rate, "ytd") <= 1
    assert COLUMN_KEYS[-1] == "ytd"
