"""The year's earlier months of a monthly report kept in the store (statistics_prefix, migration 0028): a new
session's first report uses them under the same change-log rules, only when counted by the same code, and a
damaged, made-up or out-of-date row is counted afresh, never added to the figures or allowed to fail the report."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest
from sqlalchemy import text

from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.accounts.orgunits import subtree_ids
from fulian_desktop.services.intake import intake
from fulian_desktop.services.statistics import statistics
from fulian_desktop.services.statistics.statistics_prefix import forget
from fulian_desktop.services.statistics.statistics_tally import Tally
from tests.support.kept_reports import KEEPS, counted_afresh_the_same, desk_call, report_values, stored_rows, uses_kept
from tests.support.stats_world import OCT_FROM, OCT_TO, StatsWorld, at, build_stats_world


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> StatsWorld:  # noqa: ANN001
    w = build_stats_world(Path(tmp_path_factory.mktemp("kept_stored")) / "s")
    yield w
    w.store.close()


@pytest.mark.sqlite_only
def test_a_new_session_finds_the_earlier_months_in_the_store(tmp_path: Path) -> None:
    """A report keeps its earlier months in the store too: the store closed and opened again (the desk's next
    session), its first report uses them — and equals one counted afresh; a change dated in those months made
    in between makes it count them again."""
    from fulian_desktop.store.store import Unlock, open_store
    from tests.support.stores import PASSPHRASE, NoKeyringVault

    w = build_stats_world(tmp_path / "s")
    district = w.org.district
    counted = report_values(w.store, district)
    assert stored_rows(w.store) == 1
    w.store.close()

    store = open_store(tmp_path / "s", Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault())
    try:
        assert uses_kept(store, district)
        assert report_values(store, district) == counted
        forget(store.engine)
        assert stored_rows(store) == 0
        assert report_values(store, district) == counted            # counted afresh: the same figures
        assert stored_rows(store) == 1
        # Work dated in March, then a new session: what was kept no longer holds, and the report shows the work.
        actor = system_actor(store)
        with store.uow(write=True) as uow:
            intake.register_contact(uow, actor, IntakeInput(
                name="三月来电", channel=Channel.CALL, decision=IntakeDecision.ANSWERED, request="咨询",
                category="婚姻家庭", received_at=at(3, 9)))
        forget(store.engine, memory_only=True)
        assert not uses_kept(store, district)
        after = report_values(store, district)
        assert after != counted
        forget(store.engine)
        assert after == report_values(store, district)
    finally:
        store.close()


@pytest.mark.sqlite_only
def test_counts_kept_by_other_code_or_unreadable_are_counted_afresh(world: StatsWorld) -> None:
    """Counts kept by another version of the counting code, or a row that does not read back, are never used:
    the report counts again and is right."""
    store, district = world.store, world.org.district
    fresh = report_values(store, district)
    for change in ("UPDATE stats_kept SET code = 'an older version'", "UPDATE stats_kept SET ledger = '[{\"t\":'"):
        forget(store.engine, memory_only=True)
        with store.engine.begin() as conn:
            conn.execute(text(change))
        assert not uses_kept(store, district)
        assert report_values(store, district) == fresh
        forget(store.engine)
        assert report_values(store, district) == fresh


def test_a_ledger_reads_back_as_it_was_kept(world: StatsWorld) -> None:
    """The text kept in the store gives back the same counts, grouped keys (tuples, None) included."""
    from fulian_desktop.services.statistics.statistics_prefix import ledger_from_text, ledger_text

    with world.store.uow() as uow:
        units = subtree_ids(uow.s, world.org.district)
        record: list = []
        statistics._sections(Tally(uow, units, OCT_FROM, OCT_TO, record=record))
    assert any(isinstance(key, tuple) for _call, _keys, found in record for key in found)
    assert ledger_from_text(ledger_text(record)) == record


def test_a_shorter_period_from_the_same_day_shows_no_row_of_the_longer_one(world: StatsWorld) -> None:
    """Counts kept by the report of 1 to 31 October serve one of 1 to 15 October too (the same months before):
    a category met only in the second half of October is not a row of that report, as when counted afresh."""
    store, district = world.store, world.org.district
    forget(store.engine)
    shorter = report_values(store, district, date(2026, 10, 1))
    forget(store.engine)
    assert set(report_values(store, district, OCT_TO)) - set(shorter), "no row of the month's report outside its first day"
    forget(store.engine, memory_only=True)       # the next session: the month's counts from the store
    assert uses_kept(store, district) == KEEPS
    assert report_values(store, district, date(2026, 10, 1)) == shorter


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
        counted = report_values(store, district)
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
            assert report_values(store, district) == counted
        finally:
            done.set()
            holder.join()
        assert stored_rows(store) == 0
        forget(store.engine, memory_only=True)
        assert report_values(store, district) == counted
        assert stored_rows(store) == 1
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
        fresh = report_values(store, district)
        forget(store.engine, memory_only=True)
        assert uses_kept(store, district)                  # the same build's next session uses them
        program.write_bytes(b"build 2")                # the program updated, then a new session
        code_digest.cache_clear()
        forget(store.engine, memory_only=True)
        assert not uses_kept(store, district)
        assert report_values(store, district) == fresh
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
    report_values(world.store, world.org.district)
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
    fresh = report_values(store, district)
    with store.engine.begin() as conn:
        ledger = conn.execute(text("SELECT ledger FROM stats_kept")).scalar_one()
        conn.execute(text("UPDATE stats_kept SET ledger = :ledger"), {"ledger": damage(ledger)})
    forget(store.engine, memory_only=True)
    assert not uses_kept(store, district)
    assert report_values(store, district) == fresh


@pytest.mark.sqlite_only
def test_a_kept_row_numbered_past_the_log_is_counted_afresh(world: StatsWorld) -> None:
    """A kept row whose last change is past the log's last (written by hand, or a log begun again) would hide every
    change logged until the log caught up with it: work dated in March must show in the next session's report."""
    store, district = world.store, world.org.district
    forget(store.engine)
    report_values(store, district)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE stats_kept SET seq = seq + 1000000"))
    desk_call(store, world.village, "三月补录来电", at(3, 11))
    forget(store.engine, memory_only=True)
    assert not uses_kept(store, district)
    counted_afresh_the_same(store, district)


@pytest.mark.sqlite_only
def test_a_log_begun_again_under_a_running_program_makes_it_count_again(world: StatsWorld) -> None:
    """The log dropped and made again (migrations 0026 down and up) numbers its changes from 1 again: counts this
    session kept under a higher number must not hide the changes logged after."""
    store, district = world.store, world.org.district
    forget(store.engine)
    report_values(store, district)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM stats_change"))
        conn.execute(text("DELETE FROM sqlite_sequence WHERE name = 'stats_change'"))
    with store.uow(write=True) as uow:
        intake.register_contact(uow, world.village, IntakeInput(
            name="二月补录来访", channel=Channel.VISIT, decision=IntakeDecision.ANSWERED, request="咨询",
            category="婚姻家庭", received_at=at(2, 11)))
    assert not uses_kept(store, district)
    counted_afresh_the_same(store, district)
