"""The year's earlier months kept between monthly reports (statistics_prefix, migration 0026's log): every way
work reaches a month before the report's period makes the next report count it, and a report through the kept
counts always equals one counted afresh."""
from __future__ import annotations

import json
import sys
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
from fulian_desktop.services.statistics.statistics_prefix import forget, kept_counts
from fulian_desktop.services.statistics.statistics_tally import EarlierMismatch, Tally
from fulian_desktop.store.models import Case, ScreeningEntry
from fulian_desktop.store import migrate
from fulian_desktop.store.store import Store
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from fulian_desktop.sync.identity import identity
from tests.support.stats_world import OCT_FROM, OCT_TO, StatsWorld, at, build_stats_world
from tests.support.stores import TOWN_A, VILLAGE_A1, on_postgres
from tests.support.sync_stations import make_stations

YTD = 4   # the 本年累计 column of a row's values
KEEPS = not on_postgres()   # PostgreSQL keeps nothing: its reports must be right all the same


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> StatsWorld:  # noqa: ANN001
    w = build_stats_world(Path(tmp_path_factory.mktemp("kept")) / "s")
    yield w
    w.store.close()


def _values(store: Store, unit_id: str) -> dict[tuple[str, str], tuple]:
    with store.uow() as uow:
        report = statistics.build_report(uow, unit_id, "", subtree_ids(uow.s, unit_id), OCT_FROM, OCT_TO)
    return {(s.key, r.key): r.values for s in report.sections for r in s.rows}


def _kept(store: Store, unit_id: str) -> bool:
    """The next October report of the unit would use counts kept from an earlier one."""
    with store.uow() as uow:
        return kept_counts(uow, subtree_ids(uow.s, unit_id), OCT_FROM, OCT_TO)[0] is not None


def _written(store: Store, unit_id: str, write: Callable[[], Any]) -> tuple[dict, dict, bool]:
    """(the report before the write, after it, whether the kept counts still held): a report is made (and its
    earlier months kept), `write` runs, the next report goes through what was kept and must equal a report
    counted afresh."""
    before = _values(store, unit_id)
    assert _kept(store, unit_id) == KEEPS
    write()
    still = _kept(store, unit_id)
    after = _values(store, unit_id)
    forget(store.engine)
    assert after == _values(store, unit_id), "the kept counts missed a change"
    return before, after, still


def _ytd(values: dict, section: str, row: str) -> Any:
    return values[(section, row)][YTD]


def _call(store: Store, actor: Any, name: str, when: Any) -> None:
    """A phone call answered at the desk, registered with the day it came in."""
    with store.uow(write=True) as uow:
        intake.register_contact(uow, actor, IntakeInput(
            name=name, channel=Channel.CALL, decision=IntakeDecision.ANSWERED, request="咨询",
            category="婚姻家庭", received_at=when))


def _counted_afresh_the_same(store: Store, unit_id: str) -> dict:
    """The report now (through whatever is kept) equals one counted afresh; returns it."""
    now = _values(store, unit_id)
    forget(store.engine)
    assert now == _values(store, unit_id), "the kept counts missed a change"
    return now


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
    _values(store, district)
    assert _kept(store, district)
    for day in (19, 20):                   # changes in the period only …
        _call(store, world.village, "十月来电", at(10, day))
    with store.uow(write=True) as uow:     # … then the log drops all but its newest entry
        last = uow.s.execute(text("SELECT max(seq) FROM stats_change")).scalar()
        uow.s.execute(text("DELETE FROM stats_change WHERE seq < :last"), {"last": last})
    assert not _kept(store, district)
    _counted_afresh_the_same(store, district)


@pytest.mark.sqlite_only
def test_a_report_inside_a_write_that_is_rolled_back_keeps_nothing_of_it(world: StatsWorld) -> None:
    store, district = world.store, world.org.district
    _values(store, district)

    class Undo(Exception):
        pass

    with pytest.raises(Undo), store.uow(write=True) as uow:
        case_id = cases.create_case(uow, world.village, cases.NewCase(
            title="撤销的三月案件", kind=CaseKind.MEDIATION, opened_at=at(3, 12))).row.id
        workflow.transition(uow, world.village, case_id, T.ACCEPT)
        units = subtree_ids(uow.s, district)
        inside = statistics.build_report(uow, district, "", units, OCT_FROM, OCT_TO)
        assert inside.section("mediation").row("mediated").values[YTD] == \
            _values(store, district)[("mediation", "mediated")][YTD] + 1
        raise Undo
    with store.uow(write=True) as uow:     # the next write transaction's report: the case is not there
        again = statistics.build_report(uow, district, "", subtree_ids(uow.s, district), OCT_FROM, OCT_TO)
    assert {(s.key, r.key): r.values for s in again.sections for r in s.rows} == _values(store, district)


@pytest.mark.sqlite_only
def test_the_demo_bulk_load_without_the_log_still_makes_the_next_report_count_again(world: StatsWorld) -> None:
    """fulian_demo's big load drops the log's triggers with the indexes (looking a case's records up without
    them made it ten times slower) and puts them back: the next report counts the earlier months again."""
    from fulian_demo.writer import drop_secondary_indexes, recreate_indexes

    store, district = world.store, world.org.district
    before = _values(store, district)
    count = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'stats_change%'"
    with store.uow(write=True) as uow:
        triggers = uow.s.execute(text(count)).scalar()
        conn = uow.s.connection()
        dropped = drop_secondary_indexes(conn)
        assert uow.s.execute(text(count)).scalar() == 0
        uow.s.execute(update(Case).where(Case.id == world.case_ids["M4"]).values(deleted_at=clock.now_utc()))
        recreate_indexes(conn, dropped)
        assert uow.s.execute(text(count)).scalar() == triggers > 0
    assert not _kept(store, district)
    after = _values(store, district)
    assert _ytd(after, "mediation", "mediated") == _ytd(before, "mediation", "mediated") - 1
    forget(store.engine)
    assert after == _values(store, district)


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

        before = _values(store, district)
        assert not _kept(store, district)
        leaves()
        after = _values(store, district)
        forget(store.engine)
        assert after == _values(store, district), "the kept counts missed work on the rebuilt table"
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
        _values(store, district)
        assert _kept(store, district)
        _rebuild_table(store, "agreement", as_upgrade_does=True)
        assert not _kept(store, district)

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


# --- kept in the store (0028): the next session's first report ----------------------------------------------

def _stored_rows(store: Store) -> int:
    with store.uow() as uow:
        return uow.s.execute(text("SELECT count(*) FROM stats_kept")).scalar_one()


@pytest.mark.sqlite_only
def test_a_new_session_finds_the_earlier_months_in_the_store(tmp_path: Path) -> None:
    """A report keeps its earlier months in the store too: the store closed and opened again (the desk's next
    session), its first report uses them — and equals one counted afresh; a change dated in those months made
    in between makes it count them again."""
    from tests.support.stores import PASSPHRASE, NoKeyringVault
    from fulian_desktop.store.store import Unlock, open_store

    w = build_stats_world(tmp_path / "s")
    district = w.org.district
    counted = _values(w.store, district)
    assert _stored_rows(w.store) == 1
    w.store.close()

    store = open_store(tmp_path / "s", Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault())
    try:
        assert _kept(store, district)
        assert _values(store, district) == counted
        forget(store.engine)
        assert _stored_rows(store) == 0
        assert _values(store, district) == counted            # counted afresh: the same figures
        assert _stored_rows(store) == 1
        # Work dated in March, then a new session: what was kept no longer holds, and the report shows the work.
        actor = system_actor(store)
        with store.uow(write=True) as uow:
            intake.register_contact(uow, actor, IntakeInput(
                name="三月来电", channel=Channel.CALL, decision=IntakeDecision.ANSWERED, request="咨询",
                category="婚姻家庭", received_at=at(3, 9)))
        forget(store.engine, memory_only=True)
        assert not _kept(store, district)
        after = _values(store, district)
        assert after != counted
        forget(store.engine)
        assert after == _values(store, district)
    finally:
        store.close()


@pytest.mark.sqlite_only
def test_counts_kept_by_other_code_or_unreadable_are_counted_afresh(world: StatsWorld) -> None:
    """Counts kept by another version of the counting code, or a row that does not read back, are never used:
    the report counts again and is right."""
    store, district = world.store, world.org.district
    fresh = _values(store, district)
    for change in ("UPDATE stats_kept SET code = 'an older version'", "UPDATE stats_kept SET ledger = '[{\"t\":'"):
        forget(store.engine, memory_only=True)
        with store.engine.begin() as conn:
            conn.execute(text(change))
        assert not _kept(store, district)
        assert _values(store, district) == fresh
        forget(store.engine)
        assert _values(store, district) == fresh


def test_a_ledger_reads_back_as_it_was_kept(world: StatsWorld) -> None:
    """The text kept in the store gives back the same counts, grouped keys (tuples, None) included."""
    from fulian_desktop.services.statistics.statistics_prefix import ledger_from_text, ledger_text

    with world.store.uow() as uow:
        units = subtree_ids(uow.s, world.org.district)
        record: list = []
        statistics._sections(Tally(uow, units, OCT_FROM, OCT_TO, record=record))
    assert any(isinstance(key, tuple) for _call, _keys, found in record for key in found)
    assert ledger_from_text(ledger_text(record)) == record


def _report(store: Store, unit_id: str, date_to: date) -> dict[tuple[str, str], tuple]:
    with store.uow() as uow:
        report = statistics.build_report(uow, unit_id, "", subtree_ids(uow.s, unit_id), OCT_FROM, date_to)
    return {(s.key, r.key): r.values for s in report.sections for r in s.rows}


def test_a_shorter_period_from_the_same_day_shows_no_row_of_the_longer_one(world: StatsWorld) -> None:
    """Counts kept by the report of 1 to 31 October serve one of 1 to 15 October too (the same months before):
    a category met only in the second half of October is not a row of that report, as when counted afresh."""
    store, district = world.store, world.org.district
    forget(store.engine)
    shorter = _report(store, district, date(2026, 10, 1))
    forget(store.engine)
    assert set(_report(store, district, OCT_TO)) - set(shorter), "no row of the month's report outside its first day"
    forget(store.engine, memory_only=True)       # the next session: the month's counts from the store
    assert _kept(store, district) == KEEPS
    assert _report(store, district, date(2026, 10, 1)) == shorter


@pytest.mark.sqlite_only
def test_a_report_while_another_desk_writes_does_not_wait_for_its_lock(tmp_path: Path) -> None:
    """The report is a read and never waited for a writer; keeping its counts in the store must not make it wait
    the busy timeout (15 s) either. Another connection holds the write lock until the report is back (or 10 s,
    within which a waiting report would get the lock): nothing is kept in the store then, and the report is
    right. The next session's report, the lock free, keeps them; the pool's connections still wait for a busy lock."""
    import threading

    from fulian_desktop.store.engine import BUSY_TIMEOUT_MS

    w = build_stats_world(tmp_path / "s")
    store, district = w.store, w.org.district
    try:
        counted = _values(store, district)
        forget(store.engine)
        locked, done = threading.Event(), threading.Event()

        def hold() -> None:
            with store.write_engine.begin() as conn:
                conn.execute(text("UPDATE store_meta SET store_id = store_id"))
                locked.set()
                done.wait(10)

        holder = threading.Thread(target=hold)
        holder.start()
        try:
            assert locked.wait(60)
            assert _values(store, district) == counted
        finally:
            done.set()
            holder.join()
        assert _stored_rows(store) == 0
        forget(store.engine, memory_only=True)
        assert _values(store, district) == counted
        assert _stored_rows(store) == 1
        conns = [store.engine.connect() for _ in range(4)]
        try:
            assert {c.exec_driver_sql("PRAGMA busy_timeout").scalar() for c in conns} == {BUSY_TIMEOUT_MS}
        finally:
            for c in conns:
                c.close()
    finally:
        store.close()


@pytest.mark.sqlite_only
def test_counts_kept_by_another_build_of_the_packaged_program_are_counted_afresh(
        world: StatsWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The packaged program (PyInstaller) has no source files beside its modules: its counting code is told apart
    by its executable. Counts kept by one build are not used by the next (an update may count otherwise)."""
    from fulian_desktop.services.statistics.statistics_prefix import code_digest

    store, district = world.store, world.org.district
    program = tmp_path / "fulian-desktop"
    program.write_bytes(b"build 1")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    code_digest.cache_clear()
    try:
        forget(store.engine)
        fresh = _values(store, district)
        forget(store.engine, memory_only=True)
        assert _kept(store, district)                  # the same build's next session uses them
        program.write_bytes(b"build 2")                # the program updated, then a new session
        code_digest.cache_clear()
        forget(store.engine, memory_only=True)
        assert not _kept(store, district)
        assert _values(store, district) == fresh
    finally:
        monkeypatch.undo()
        code_digest.cache_clear()


def test_the_counting_code_includes_the_rules_the_counts_read(world: StatsWorld) -> None:
    """The digest that tells counting code apart reads the domain's rules and the models the report counts with,
    not the statistics package alone (a changed risk level or outcome list changes the counts); and a new session,
    which has imported less, finds the same digest as this one after a report."""
    import subprocess

    from fulian_desktop.services.statistics.statistics_prefix import code_digest, counting_modules

    names = {module.__name__ for module in counting_modules()}
    assert {"fulian_desktop.domain.risk", "fulian_desktop.domain.closure_outcomes", "fulian_desktop.domain.enums",
            "fulian_desktop.domain.localtime", "fulian_desktop.store.models",
            "fulian_desktop.services.statistics.statistics_tally"} <= names
    _values(world.store, world.org.district)
    fresh = subprocess.run([sys.executable, "-c", "from fulian_desktop.services.statistics.statistics_prefix import "
                            "code_digest; print(code_digest())"], capture_output=True, text=True, check=True)
    assert fresh.stdout.strip() == code_digest()


def _first_entry_as(ledger: str, found: Callable[[Any], Any]) -> str:
    """The kept text with its first counting call's counts replaced by `found(its counts)`."""
    entries = json.loads(ledger)
    call, keys, counts = entries[0]["t"]
    return json.dumps([{"t": [call, keys, found(counts)]}] + entries[1:], ensure_ascii=False)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("damage", [
    pytest.param(lambda ledger: _first_entry_as(ledger, lambda counts: 5), id="counts-not-a-map"),
    pytest.param(lambda ledger: _first_entry_as(ledger, lambda counts: {"d": [[k, "x"] for k, _n in counts["d"]]}),
                 id="counts-as-text"),
    pytest.param(lambda ledger: _first_entry_as(ledger, lambda counts: {"d": [[k, 0.5] for k, _n in counts["d"]]}),
                 id="counts-as-fractions"),
    pytest.param(lambda ledger: json.dumps({"d": [["sums", 1]]}), id="not-a-list"),
    pytest.param(lambda ledger: json.dumps([["sums"]]), id="entry-too-short"),
    pytest.param(lambda ledger: "[" * 100_000 + "]" * 100_000, id="nested-too-deep"),
])
def test_a_damaged_kept_row_neither_fails_nor_changes_the_report(world: StatsWorld,
                                                                 damage: Callable[[str], str]) -> None:
    """A kept row that reads back as text but not as counts of the report's shape (damaged, or written by hand)
    is counted afresh: no failed report (every later session would fail too: the row stays), no fraction."""
    store, district = world.store, world.org.district
    forget(store.engine)
    fresh = _values(store, district)
    with store.engine.begin() as conn:
        ledger = conn.execute(text("SELECT ledger FROM stats_kept")).scalar_one()
        conn.execute(text("UPDATE stats_kept SET ledger = :ledger"), {"ledger": damage(ledger)})
    forget(store.engine, memory_only=True)
    assert not _kept(store, district)
    assert _values(store, district) == fresh


@pytest.mark.sqlite_only
def test_a_kept_row_numbered_past_the_log_is_counted_afresh(world: StatsWorld) -> None:
    """A kept row whose last change is past the log's last (written by hand, or a log begun again) would hide every
    change logged until the log caught up with it: work dated in March must show in the next session's report."""
    store, district = world.store, world.org.district
    forget(store.engine)
    _values(store, district)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE stats_kept SET seq = seq + 1000000"))
    _call(store, world.village, "三月补录来电", at(3, 11))
    forget(store.engine, memory_only=True)
    assert not _kept(store, district)
    _counted_afresh_the_same(store, district)


@pytest.mark.sqlite_only
def test_a_log_begun_again_under_a_running_program_makes_it_count_again(world: StatsWorld) -> None:
    """The log dropped and made again (migrations 0026 down and up) numbers its changes from 1 again: counts this
    session kept under a higher number must not hide the changes logged after."""
    store, district = world.store, world.org.district
    forget(store.engine)
    _values(store, district)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM stats_change"))
        conn.execute(text("DELETE FROM sqlite_sequence WHERE name = 'stats_change'"))
    with store.uow(write=True) as uow:
        intake.register_contact(uow, world.village, IntakeInput(
            name="二月补录来访", channel=Channel.VISIT, decision=IntakeDecision.ANSWERED, request="咨询",
            category="婚姻家庭", received_at=at(2, 11)))
    assert not _kept(store, district)
    _counted_afresh_the_same(store, district)
