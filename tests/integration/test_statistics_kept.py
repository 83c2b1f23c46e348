"""The year's earlier months kept between monthly reports (statistics_prefix, migration 0026's log): every way
work reaches a month before the report's period makes the next report count it, and a report through the kept
counts always equals one counted afresh."""
from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest
from sqlalchemy import text, update

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, PartyRole
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.accounts.orgunits import subtree_ids
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.counselling import counselling
from fulian_desktop.services.intake import intake
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.screening import screening
from fulian_desktop.services.statistics import statistics
from fulian_desktop.services.statistics.statistics_prefix import forget
from fulian_desktop.services.statistics.statistics_tally import EarlierMismatch, Tally
from fulian_desktop.store import migrate
from fulian_desktop.store.models import Case, ScreeningEntry
from fulian_desktop.store.store import Store
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from fulian_desktop.sync.identity import identity
from tests.support.kept_reports import KEEPS, YTD, counted_afresh_the_same, desk_call, report_values, uses_kept
from tests.support.stats_world import OCT_FROM, OCT_TO, StatsWorld, at, build_stats_world
from tests.support.stores import TOWN_A, VILLAGE_A1
from tests.support.sync_stations import make_stations


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> StatsWorld:  # noqa: ANN001
    w = build_stats_world(Path(tmp_path_factory.mktemp("kept")) / "s")
    yield w
    w.store.close()


def _written(store: Store, unit_id: str, write: Callable[[], Any]) -> tuple[dict, dict, bool]:
    """(the report before the write, after it, whether the kept counts still held): a report is made (and its
    earlier months kept), `write` runs, the next report goes through what was kept and must equal a report
    counted afresh."""
    before = report_values(store, unit_id)
    assert uses_kept(store, unit_id) == KEEPS
    write()
    still = uses_kept(store, unit_id)
    after = report_values(store, unit_id)
    forget(store.engine)
    assert after == report_values(store, unit_id), "the kept counts missed a change"
    return before, after, still


def _ytd(values: dict, section: str, row: str) -> Any:
    return values[(section, row)][YTD]


def _mediation_case(w: StatsWorld, opened_month: int, title: str) -> str:
    with w.store.uow(write=True) as uow:
        case_id = cases.create_case(uow, w.village, cases.NewCase(
            title=title, kind=CaseKind.MEDIATION, dispute_type="婚姻家庭", source="application",
            opened_at=at(opened_month, 10))).row.id
        cases.add_party(uow, w.village, case_id, PersonInput(name=f"甲{title}", sex="female"), PartyRole.APPLICANT)
        cases.add_party(uow, w.village, case_id, PersonInput(name=f"乙{title}", sex="male"), PartyRole.RESPONDENT)
        workflow.transition(uow, w.village, case_id, T.ACCEPT)
    return case_id


def test_work_in_the_period_keeps_the_earlier_months(world: StatsWorld) -> None:
    def contact() -> None:
        with world.store.uow(write=True) as uow:
            intake.register_contact(uow, world.village, IntakeInput(
                name="十月来访", channel=Channel.VISIT, decision=IntakeDecision.ANSWERED, request="咨询",
                category="婚姻家庭", received_at=at(10, 9)))

    before, after, still = _written(world.store, world.org.district, contact)
    assert still == KEEPS
    assert _ytd(after, "petition", "matters") == _ytd(before, "petition", "matters") + 1
    assert after[("petition", "matters")][3] == before[("petition", "matters")][3] + 1


def test_a_case_registered_later_with_an_earlier_day_and_its_closure_and_reopening(world: StatsWorld) -> None:
    store, district = world.store, world.org.district
    made: list[str] = []
    before, after, still = _written(store, district, lambda: made.append(_mediation_case(world, 3, "补录三月案件")))
    assert not still
    assert _ytd(after, "mediation", "mediated") == _ytd(before, "mediation", "mediated") + 1
    (case_id,) = made

    def close() -> None:
        with store.uow(write=True) as uow:
            workflow.transition(uow, world.village, case_id, T.REQUEST_CLOSURE, reason="办结")
        with store.uow() as uow:
            (pending,) = workflow.list_approvals(uow, world.sup, case_id=case_id, pending_only=True)
        with clock.frozen_at(at(9, 12)), store.uow(write=True) as uow:   # approved on 12 September
            workflow.decide(uow, world.sup, pending.id, True, "同意")

    before, after, still = _written(store, district, close)
    assert not still
    assert _ytd(after, "mediation", "closed") == _ytd(before, "mediation", "closed") + 1

    def reopen() -> None:
        with store.uow(write=True) as uow:
            workflow.transition(uow, world.village, case_id, T.REOPEN, reason="当事人反悔")

    before, after, still = _written(store, district, reopen)
    assert not still
    assert _ytd(after, "mediation", "closed") == _ytd(before, "mediation", "closed") - 1


def _oral_agreement_in_may(store, actor, case_id: str) -> None:  # noqa: ANN001
    """An oral agreement reached on 2 May, one term due 20 May: work dated before a later report's period."""
    with store.uow(write=True) as uow:
        mediation.create_agreement(uow, actor, case_id, "oral", "和好", terms=[
            mediation.TermInput("乙", "不再争吵", None, date(2026, 5, 20))], agreed_at=at(5, 2))


def test_mediation_work_dated_in_earlier_months(world: StatsWorld) -> None:
    store, district = world.store, world.org.district
    case_id = _mediation_case(world, 4, "四月婚姻纠纷")

    before, after, still = _written(store, district, lambda: _oral_agreement_in_may(store, world.village, case_id))
    assert not still
    assert _ytd(after, "mediation", "oral") == _ytd(before, "mediation", "oral") + 1
    assert _ytd(after, "mediation", "successful") == _ytd(before, "mediation", "successful") + 1

    def outcome() -> None:
        with clock.frozen_at(at(6, 3)), store.uow(write=True) as uow:
            mediation.set_mediation_outcome(uow, world.village, case_id, "reconciled")

    before, after, still = _written(store, district, outcome)
    assert not still
    assert _ytd(after, "marriage", "reconciled") == _ytd(before, "marriage", "reconciled") + 1

    def session() -> None:
        with store.uow(write=True) as uow:
            counselling.add_session(uow, world.sup, case_id, at(9, 1), "face_to_face", "九月疏导")

    before, after, still = _written(store, district, session)
    assert not still
    assert _ytd(after, "marriage", "counselling_sessions") == _ytd(before, "marriage", "counselling_sessions") + 1


def test_a_screening_entry_registered_and_resolved_in_earlier_months(world: StatsWorld) -> None:
    store = world.store
    made: list[str] = []

    def register() -> None:
        with clock.frozen_at(at(5, 6)), store.uow(write=True) as uow:
            made.append(screening.add_entry(uow, world.village, subject="五月登记户", reason="邻里纠纷",
                                            risk_level="low").id)

    _written(store, world.org.district, register)

    def resolve() -> None:
        with clock.frozen_at(at(6, 1)), store.uow(write=True) as uow:
            screening.resolve_entry(uow, world.village, made[0], "已化解", resolved_on=date(2026, 6, 1))

    before, after, still = _written(store, world.org.district, resolve)
    assert not still
    assert _ytd(after, "screening", "resolved") == _ytd(before, "screening", "resolved") + 1


def test_a_case_moved_to_another_unit_and_a_deleted_case(world: StatsWorld) -> None:
    store, village = world.store, world.org.units[VILLAGE_A1]
    case_id = _mediation_case(world, 2, "二月移交案件")

    def move() -> None:
        with store.uow(write=True) as uow:
            uow.s.execute(update(Case).where(Case.id == case_id).values(owner_unit_id=world.org.units[TOWN_A]))

    before, after, still = _written(store, village, move)
    assert not still
    assert _ytd(after, "mediation", "mediated") == _ytd(before, "mediation", "mediated") - 1

    def delete() -> None:
        with store.uow(write=True) as uow:
            uow.s.execute(update(Case).where(Case.id == world.case_ids["L2"]).values(deleted_at=clock.now_utc()))

    before, after, still = _written(store, world.org.district, delete)
    assert not still
    assert _ytd(after, "mediation", "prevent_suicide") == _ytd(before, "mediation", "prevent_suicide") - 1


def test_an_imported_bundle_with_work_of_earlier_months(tmp_path: Path) -> None:
    st = make_stations(tmp_path)
    try:
        district = st.org.district

        def imported() -> None:
            with st.village.uow(write=True) as uow:
                unit = identity(uow).unit_id
                case_id = cases.create_case(uow, system_actor(st.village), cases.NewCase(
                    title="村站三月案件", kind=CaseKind.MEDIATION, dispute_type="邻里", unit_id=unit,
                    opened_at=at(3, 15))).row.id
                workflow.transition(uow, system_actor(st.village), case_id, T.ACCEPT)
            data = export_bundle(st.village, system_actor(st.village), district)[0]
            assert import_bundle(st.district, system_actor(st.district), data).applied

        before, after, still = _written(st.district, district, imported)
        assert not still
        assert _ytd(after, "mediation", "mediated") == _ytd(before, "mediation", "mediated") + 1
    finally:
        st.close()


def test_work_in_the_period_that_changes_how_an_earlier_month_counts(world: StatsWorld) -> None:
    """A case's outcome recorded in June and recorded again in October: June no longer counts it (the year to
    date still does, once, under its new outcome)."""
    store = world.store
    case_id = _mediation_case(world, 4, "六月和好十月再调")
    with clock.frozen_at(at(6, 3)), store.uow(write=True) as uow:
        mediation.set_mediation_outcome(uow, world.village, case_id, "reconciled")

    def again() -> None:
        with clock.frozen_at(at(10, 12)), store.uow(write=True) as uow:
            mediation.set_mediation_outcome(uow, world.village, case_id, "withdrawn_persuaded")

    before, after, still = _written(store, world.org.district, again)
    assert not still
    assert _ytd(after, "marriage", "reconciled") == _ytd(before, "marriage", "reconciled") - 1
    assert _ytd(after, "marriage", "persuaded") == _ytd(before, "marriage", "persuaded") + 1
    assert _ytd(after, "marriage", "outcomes") == _ytd(before, "marriage", "outcomes")


@pytest.mark.sqlite_only
def test_kept_counts_older_than_the_log_are_counted_again(world: StatsWorld) -> None:
    """The log keeps its newest entries only (0026): when the entries after the kept counts are gone, nothing
    shows what changed, so the next report counts the earlier months again."""
    store, district = world.store, world.org.district
    report_values(store, district)
    assert uses_kept(store, district)
    for day in (19, 20):                   # changes in the period only …
        desk_call(store, world.village, "十月来电", at(10, day))
    with store.uow(write=True) as uow:     # … then the log drops all but its newest entry
        last = uow.s.execute(text("SELECT max(seq) FROM stats_change")).scalar()
        uow.s.execute(text("DELETE FROM stats_change WHERE seq < :last"), {"last": last})
    assert not uses_kept(store, district)
    counted_afresh_the_same(store, district)


@pytest.mark.sqlite_only
def test_a_report_inside_a_write_that_is_rolled_back_keeps_nothing_of_it(world: StatsWorld) -> None:
    store, district = world.store, world.org.district
    report_values(store, district)

    class Undo(Exception):
        pass

    with pytest.raises(Undo), store.uow(write=True) as uow:
        case_id = cases.create_case(uow, world.village, cases.NewCase(
            title="撤销的三月案件", kind=CaseKind.MEDIATION, opened_at=at(3, 12))).row.id
        workflow.transition(uow, world.village, case_id, T.ACCEPT)
        units = subtree_ids(uow.s, district)
        inside = statistics.build_report(uow, district, "", units, OCT_FROM, OCT_TO)
        assert inside.section("mediation").row("mediated").values[YTD] == \
            report_values(store, district)[("mediation", "mediated")][YTD] + 1
        raise Undo
    with store.uow(write=True) as uow:     # the next write transaction's report: the case is not there
        again = statistics.build_report(uow, district, "", subtree_ids(uow.s, district), OCT_FROM, OCT_TO)
    assert {(s.key, r.key): r.values for s in again.sections for r in s.rows} == report_values(store, district)


@pytest.mark.sqlite_only
def test_the_demo_bulk_load_without_the_log_still_makes_the_next_report_count_again(world: StatsWorld) -> None:
    """fulian_demo's big load drops the log's triggers with the indexes (looking a case's records up without
    them made it ten times slower) and puts them back: the next report counts the earlier months again."""
    from fulian_demo.writer import drop_secondary_indexes, recreate_indexes

    store, district = world.store, world.org.district
    before = report_values(store, district)
    count = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'stats_change%'"
    with store.uow(write=True) as uow:
        triggers = uow.s.execute(text(count)).scalar()
        conn = uow.s.connection()
        dropped = drop_secondary_indexes(conn)
        assert uow.s.execute(text(count)).scalar() == 0
        uow.s.execute(update(Case).where(Case.id == world.case_ids["M4"]).values(deleted_at=clock.now_utc()))
        recreate_indexes(conn, dropped)
        assert uow.s.execute(text(count)).scalar() == triggers > 0
    assert not uses_kept(store, district)
    after = report_values(store, district)
    assert _ytd(after, "mediation", "mediated") == _ytd(before, "mediation", "mediated") - 1
    forget(store.engine)
    assert after == report_values(store, district)


def test_kept_counts_of_another_report_are_refused(world: StatsWorld) -> None:
    """Counts kept in another order than this report's counting calls are never added to its figures."""
    with world.store.uow() as uow:
        units = subtree_ids(uow.s, world.org.district)
        t = Tally(uow, units, OCT_FROM, OCT_TO, earlier=[("sums", ("mediated",), {"mediated": 5})])
        with pytest.raises(EarlierMismatch):
            statistics.mediation_section(t)


def _rebuild_table(store: Store, name: str, *, as_upgrade_does: bool = False) -> None:
    """What a later migration does to alter a column on SQLite (as 0023 did to case_file and agreement): Alembic's
    batch mode copies the table into a new one and drops the old — and SQLite drops a table's triggers with it."""
    import sqlalchemy as sa
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys = OFF")   # as store/migrate.upgrade runs every migration
        try:
            with conn.begin(), migrate.change_log_set_aside(conn) if as_upgrade_does else nullcontext():
                with Operations(MigrationContext.configure(conn)).batch_alter_table(name, recreate="always") as b:
                    b.add_column(sa.Column("later_note", sa.Text(), nullable=True))
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


@pytest.mark.sqlite_only
def test_a_table_rebuilt_without_its_triggers_keeps_nothing(tmp_path: Path) -> None:
    """A store whose schema lost a logged table's triggers (a migration rebuilt the table; SQLite drops a table's
    triggers with it) must not keep counts: later work on that table would never reach the 本年累计. Here a
    screening entry visited in September leaves the register after the rebuild: 走访次数 must drop by one."""
    w = build_stats_world(tmp_path / "s")
    try:
        store, district = w.store, w.org.district
        with clock.frozen_at(at(9, 8)), store.uow(write=True) as uow:
            entry_id = screening.add_entry(uow, w.village, subject="九月走访户", reason="邻里纠纷", risk_level="low").id
            screening.record_visit(uow, w.village, entry_id, date(2026, 9, 8), None, "调解中", "low",
                                   today=date(2026, 9, 8))
        with store.engine.connect() as conn:
            lost = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                        "AND tbl_name = 'screening_entry'").scalar()
        _rebuild_table(store, "screening_entry")
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                        "AND tbl_name = 'screening_entry'").scalar() == 0 < lost

        def leaves() -> None:
            with store.uow(write=True) as uow:
                uow.s.execute(update(ScreeningEntry).where(ScreeningEntry.id == entry_id)
                              .values(deleted_at=clock.now_utc()))

        before = report_values(store, district)
        assert not uses_kept(store, district)
        leaves()
        after = report_values(store, district)
        forget(store.engine)
        assert after == report_values(store, district), "the kept counts missed work on the rebuilt table"
        assert _ytd(after, "screening", "visits") == _ytd(before, "screening", "visits") - 1
    finally:
        w.store.close()


@pytest.mark.sqlite_only
def test_a_migration_rebuilding_a_logged_table_runs_and_the_table_stays_logged(tmp_path: Path) -> None:
    """store/migrate.upgrade sets the log's triggers aside while migrations run: with them in place, rebuilding a
    table another trigger reads (agreement, as 0023 rebuilt it) failed at the rename and the store could not be
    upgraded. After it the table is logged again, and what the migration changed makes the next report count."""
    w = build_stats_world(tmp_path / "s")
    try:
        store, district = w.store, w.org.district
        case_id = _mediation_case(w, 4, "迁移后补录协议")
        report_values(store, district)
        assert uses_kept(store, district)
        _rebuild_table(store, "agreement", as_upgrade_does=True)
        assert not uses_kept(store, district)

        before, after, still = _written(store, district, lambda: _oral_agreement_in_may(store, w.village, case_id))
        assert not still
        assert _ytd(after, "mediation", "oral") == _ytd(before, "mediation", "oral") + 1
    finally:
        w.store.close()


def test_an_imported_bundle_that_changes_records_already_here(tmp_path: Path) -> None:
    """A bundle's newer versions of rows this store holds are written by one UPDATE over many rows (sync/apply):
    a term's performance recorded at the village moves an April agreement from 未履行 to 全部履行 here."""
    from fulian_desktop.services.mediation import agreement_followup

    st = make_stations(tmp_path)
    try:
        district, actor = st.org.district, system_actor(st.village)
        with st.village.uow(write=True) as uow:
            case_id = cases.create_case(uow, actor, cases.NewCase(
                title="村站三月协议", kind=CaseKind.MEDIATION, dispute_type="邻里", unit_id=identity(uow).unit_id,
                opened_at=at(3, 2))).row.id
            cases.add_party(uow, actor, case_id, PersonInput(name="甲村民", sex="female"), PartyRole.APPLICANT)
            cases.add_party(uow, actor, case_id, PersonInput(name="乙村民", sex="male"), PartyRole.RESPONDENT)
            workflow.transition(uow, actor, case_id, T.ACCEPT)
            view = mediation.create_agreement(uow, actor, case_id, "oral", "赔偿", terms=[
                mediation.TermInput("乙", "赔偿修理费", None, date(2026, 4, 10))], agreed_at=at(3, 20))
        term_id = view.terms[0].id

        def send() -> None:
            data = export_bundle(st.village, system_actor(st.village), district)[0]
            assert import_bundle(st.district, system_actor(st.district), data).applied

        send()

        def performed() -> None:
            with st.village.uow(write=True) as uow:
                agreement_followup.record_performance(uow, actor, term_id, "done", performed_on=date(2026, 4, 9))
            send()

        before, after, still = _written(st.district, district, performed)
        assert not still
        assert _ytd(after, "mediation", "perf_full") == _ytd(before, "mediation", "perf_full") + 1
        assert _ytd(after, "mediation", "perf_none") == _ytd(before, "mediation", "perf_none") - 1
    finally:
        st.close()
