"""A monthly report is counted in one snapshot of the store: a desk that saves while it is being counted shows in
all of its figures or in none. On PostgreSQL a statement of its own sees what others committed before it began
(READ COMMITTED), so a report of thirty statements read half before a save and half after: its sections then
disagreed with each other, and a report frozen and sent up could fail its own check line (store/uow.one_snapshot;
papers: test_one_snapshot_papers.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from fulian_desktop.domain.enums import CaseKind, PartyRole
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.intake import intake
from fulian_desktop.services.reporting import reports
from fulian_desktop.services.statistics import statistics
from fulian_desktop.services.statistics.statistics_views import MonthlyReport
from fulian_desktop.store.models import OrgUnit
from tests.support.concurrent_save import SaveAfter, reads_of
from tests.support.report_stations import PERIOD, day, new_mediation, on, report_stations
from tests.support.stats_world import OCT_FROM, OCT_TO, StatsWorld, at, build_stats_world
from tests.support.stores import VILLAGE_A1, on_postgres


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> StatsWorld:
    return build_stats_world(tmp_path_factory.mktemp("snapshot"))


def _a_desk_saves(world: StatsWorld, n: int) -> None:
    """What another desk saves: a village mediation case opened and accepted in October, and a petition."""
    with world.store.uow(write=True) as uow:
        case_id = cases.create_case(uow, world.village, cases.NewCase(
            title=f"并发登记{n}", kind=CaseKind.MEDIATION, dispute_type="婚姻家庭", source="application",
            category="婚姻家庭", sub_category="家庭暴力", opened_at=at(10, 9))).row.id
        cases.add_party(uow, world.village, case_id, PersonInput(name=f"甲并发{n}", sex="female"),
                        PartyRole.APPLICANT)
        workflow.transition(uow, world.village, case_id, T.ACCEPT)
        intake.register_contact(uow, world.village, IntakeInput(
            name=f"并发来访{n}", channel=Channel.VISIT, decision=IntakeDecision.ACCEPT, request="离婚财产",
            category="婚姻家庭", sub_category="离婚问题", received_at=at(10, 9)))


def _report(world: StatsWorld, first_day=OCT_FROM) -> MonthlyReport:  # noqa: ANN001
    with world.store.uow() as uow:
        return statistics.monthly_report(uow, world.sup, first_day, OCT_TO)


@pytest.mark.parametrize("first_day", [OCT_FROM, OCT_FROM.replace(month=1)], ids=["month", "year-to-date"])
def test_a_save_during_the_report_shows_in_all_of_its_figures_or_in_none(world: StatsWorld, first_day) -> None:  # noqa: ANN001
    saves = iter(range(1, 100))
    before = _report(world, first_day)
    reads = reads_of(world.store, lambda: _report(world, first_day))
    assert reads >= 10, "the report is counted in several statements"
    for statement in (2, reads // 3, reads // 2, 2 * reads // 3):
        with SaveAfter(world.store, lambda: _a_desk_saves(world, next(saves)), statement=statement) as hook:
            during = _report(world, first_day)
        assert not hook.armed
        assert during.sections == before.sections, f"a save after read {statement} of {reads} showed in part of it"
        after = _report(world, first_day)
        assert after.sections != before.sections, "the save shows in the next report"
        before = after


@pytest.mark.skipif(not on_postgres(), reason="on SQLCipher no other desk can save while a submission writes")
def test_the_figures_a_unit_submits_are_counted_in_one_snapshot(tmp_path: Path) -> None:
    """Submitting writes (the report, its signature, the audit entry), so it runs in a write unit of work: the
    figures it freezes are counted in a snapshot of their own, whatever another desk saves meanwhile."""
    rs = report_stations(tmp_path)
    try:
        for n in range(3):
            new_mediation(rs.village, rs.village_sup, f"十一月纠纷{n}", day(11, 5 + n))
        with on(12, 2), rs.village.uow() as uow:
            before = reports.freeze(reports.live_report(uow, uow.s.get(OrgUnit, rs.unit(VILLAGE_A1)), PERIOD))
        saves = iter(range(1, 100))
        # The 6th read: the report's second (its first, of the unit's tree, is the 4th); cases are counted after.
        with on(12, 2), SaveAfter(rs.village, lambda: new_mediation(
                rs.village, rs.village_sup, f"提交时登记{next(saves)}", day(11, 9)), statement=6) as hook, \
                rs.village.uow(write=True) as uow:
            sent = reports.submit(uow, rs.village_sup, PERIOD)
        assert not hook.armed
        with rs.village.uow() as uow:
            row = reports.find(uow, rs.unit(VILLAGE_A1), PERIOD)
            assert row is not None and row.figures == before, "the frozen figures mix two states of the store"
            assert sent.report.figure("mediation", "mediated") == 3
            live = reports.freeze(reports.live_report(uow, uow.s.get(OrgUnit, rs.unit(VILLAGE_A1)), PERIOD))
        assert live != before, "the case saved meanwhile is in the live figures"
    finally:
        rs.st.close()
