"""A monthly report, and a paper, is read in one snapshot of the store: a desk that saves while it is being read
shows in all of it or in none. On PostgreSQL a statement of its own sees what others committed before it began
(READ COMMITTED), so a report of thirty statements read half before a save and half after: its sections then
disagreed with each other, a report frozen and sent up could fail its own check line, and a printed case file
could say 已受理 above a timeline that had already begun the work (store/uow.one_snapshot)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event, select, update

from fulian_desktop.documents.assemble import prepare, render
from fulian_desktop.documents.verify import code_in_pdf
from fulian_desktop.documents.kinds import DocumentKind, PrintPurpose, Recipient
from fulian_desktop.domain.enums import CaseKind, PartyRole
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.intake import intake
from fulian_desktop.services.reporting import reports
from fulian_desktop.services.statistics import statistics
from fulian_desktop.services.statistics.statistics_views import MonthlyReport
from fulian_desktop.store.models import Case, OrgUnit
from fulian_desktop.store.models_papers import IssuedPaper
from fulian_desktop.store.store import Store
from tests.support.report_stations import PERIOD, day, new_mediation, on, report_stations
from tests.support.stores import VILLAGE_A1, on_postgres
from tests.support.stats_world import OCT_FROM, OCT_TO, StatsWorld, at, build_stats_world


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


class _SaveAfter:
    """Another desk commits `save` just after the `statement`-th read made through `store`'s engine."""

    def __init__(self, store: Store, statement: int, save: Callable[[], None]) -> None:
        self.store, self.statement, self.save, self.seen = store, statement, save, 0

    def __enter__(self) -> None:
        event.listen(self.store.engine, "after_cursor_execute", self._after)

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.store.engine, "after_cursor_execute", self._after)

    def _after(self, _conn, _cursor, statement_text, *_rest) -> None:  # noqa: ANN001
        if self.seen >= self.statement or not statement_text.lstrip().upper().startswith(("SELECT", "WITH")):
            return
        self.seen += 1
        if self.seen == self.statement:
            self.save()


def _report_with_a_save_after(world: StatsWorld, statement: int, save: Callable[[], None],
                              first_day=OCT_FROM) -> MonthlyReport:  # noqa: ANN001
    """The report, while another desk commits `save` just after the report's `statement`-th read."""
    with _SaveAfter(world.store, statement, save):
        return _report(world, first_day)


def _reads(world: StatsWorld, first_day=OCT_FROM) -> int:  # noqa: ANN001
    count = 0

    def seen(_conn, _cursor, statement_text, *_rest) -> None:  # noqa: ANN001
        nonlocal count
        count += statement_text.lstrip().upper().startswith(("SELECT", "WITH"))

    event.listen(world.store.engine, "after_cursor_execute", seen)
    try:
        _report(world, first_day)
    finally:
        event.remove(world.store.engine, "after_cursor_execute", seen)
    return count


@pytest.mark.parametrize("first_day", [OCT_FROM, OCT_FROM.replace(month=1)], ids=["month", "year-to-date"])
def test_a_save_during_the_report_shows_in_all_of_its_figures_or_in_none(world: StatsWorld, first_day) -> None:  # noqa: ANN001
    saves = iter(range(1, 100))
    before = _report(world, first_day)
    reads = _reads(world, first_day)
    assert reads >= 10, "the report is counted in several statements"
    for statement in (2, reads // 3, reads // 2, 2 * reads // 3):
        during = _report_with_a_save_after(world, statement, lambda: _a_desk_saves(world, next(saves)), first_day)
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
        with on(12, 2), _SaveAfter(rs.village, 6, lambda: new_mediation(
                rs.village, rs.village_sup, f"提交时登记{next(saves)}", day(11, 9))), rs.village.uow(write=True) as uow:
            sent = reports.submit(uow, rs.village_sup, PERIOD)
        with rs.village.uow() as uow:
            row = reports.find(uow, rs.unit(VILLAGE_A1), PERIOD)
            assert row is not None and row.figures == before, "the frozen figures mix two states of the store"
            assert sent.report.figure("mediation", "mediated") == 3
            live = reports.freeze(reports.live_report(uow, uow.s.get(OrgUnit, rs.unit(VILLAGE_A1)), PERIOD))
        assert live != before, "the case saved meanwhile is in the live figures"
    finally:
        rs.st.close()


def _paper(store: Store, actor, case_id: str):  # noqa: ANN001, ANN202
    """A case file's data as printing reads it: in a write unit of work (the print is audited in it)."""
    with store.uow(write=True) as uow:
        return prepare(uow, actor, case_id, DocumentKind.CASE_FILE, Recipient.FILE)[1]


@pytest.mark.skipif(not on_postgres(), reason="on SQLCipher no other desk can save while a print is audited")
@pytest.mark.parametrize("after_reading", ["FROM case_file", "FROM case_party"])
def test_a_case_file_is_read_in_one_snapshot(world: StatsWorld, after_reading: str) -> None:
    """Another desk begins the work on the case while its file is being read for printing: the paper shows the
    case before (已受理, two lines of history) or after (办理中, three), never the status of one and the history
    of the other. Found by a review of the report's fix: the paper was read statement by statement."""
    store, actor = world.store, world.village
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, actor, cases.NewCase(
            title=f"打印时开始办理（{after_reading}）", kind=CaseKind.MEDIATION, dispute_type="婚姻家庭",
            source="application", category="婚姻家庭", opened_at=at(10, 9))).row.id
        cases.add_party(uow, actor, case_id, PersonInput(name="甲打印", sex="female"), PartyRole.APPLICANT)
        workflow.transition(uow, actor, case_id, T.ACCEPT)
    before = _paper(store, actor, case_id)

    def start_the_work() -> None:
        with store.uow(write=True) as other:
            workflow.transition(other, actor, case_id, T.START)

    armed = True

    def after(_conn, _cursor, statement, *_rest) -> None:  # noqa: ANN001
        nonlocal armed
        if armed and after_reading in statement:
            armed = False
            start_the_work()

    event.listen(store.engine, "after_cursor_execute", after)
    try:
        during = _paper(store, actor, case_id)
    finally:
        event.remove(store.engine, "after_cursor_execute", after)
    assert not armed, "the save was made while the paper was read"
    later = _paper(store, actor, case_id)
    assert (later.status, len(later.timeline)) != (before.status, len(before.timeline))
    assert (during.status, during.timeline) in {(before.status, before.timeline), (later.status, later.timeline)}, \
        "the paper's status and its history come from two states of the store"


@pytest.mark.skipif(not on_postgres(), reason="on SQLCipher no other desk can save while a print is audited")
def test_the_register_holds_the_case_number_the_paper_prints(world: StatsWorld) -> None:
    """A case renumbered (as a bundle from the district can) while its paper is being made: the register holds the
    number printed on the paper, read in the paper's snapshot, not the one read before it."""
    store, actor = world.store, world.village
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, actor, cases.NewCase(
            title="打印时改号", kind=CaseKind.MEDIATION, dispute_type="邻里", source="application",
            opened_at=at(10, 9))).row.id
    armed = True

    def after(_conn, _cursor, statement, *_rest) -> None:  # noqa: ANN001
        nonlocal armed
        if armed and "FROM case_file" in statement:    # the print's first look at the case (its scope)
            armed = False
            with store.uow(write=True) as other:
                other.s.execute(update(Case).where(Case.id == case_id).values(case_no="（2026）改号第99号"))

    event.listen(store.engine, "after_cursor_execute", after)
    try:
        with store.uow(write=True) as uow:
            pdf = render(uow, actor, case_id, DocumentKind.CASE_FILE, Recipient.FILE, PrintPurpose.PRINT)
    finally:
        event.remove(store.engine, "after_cursor_execute", after)
    assert not armed
    with store.uow() as uow:
        registered = uow.s.execute(select(IssuedPaper.case_no).where(IssuedPaper.code == code_in_pdf(pdf))).scalar_one()
    assert registered == "（2026）改号第99号", "the register names another number than the paper"
