"""How SQLite reads the monthly report (a supervisor's report takes seconds at 100,000 cases otherwise): every
statement reads the period's rows from an index that holds what it counts, never the rows of the big tables,
and the partial indexes of migration 0024 are the ones used (they are only when the statement states their
condition in the same words: store/models_stats.py).

SQLite keeps no statistics here, so its plans do not depend on how many rows a store holds: the small
statistics store shows the plans of a district's store."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from fulian_desktop.services.statistics import statistics
from tests.support.stats_world import OCT_FROM, OCT_TO, build_stats_world

pytestmark = pytest.mark.sqlite_only  # SQLite's query planner

# Tables whose rows carry long texts, or are many: read only through their indexes.
BIG = ("case_file", "case_event", "agreement", "agreement_term", "intake_record", "case_clock", "follow_up_visit",
       "screening_entry", "screening_visit", "counselling_session")


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> list[str]:  # noqa: ANN001
    world = build_stats_world(Path(tmp_path_factory.mktemp("plans")) / "s")
    statements: list[tuple[str, tuple]] = []

    def seen(_conn, _cursor, statement, parameters, _context, _many) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, tuple(parameters)))

    event.listen(world.store.engine, "before_cursor_execute", seen)
    try:
        for first in (OCT_FROM, OCT_FROM.replace(month=1)):   # the month (two windows) and the year to date
            with world.store.uow() as uow:
                statistics.monthly_report(uow, world.sup, first, OCT_TO)
    finally:
        event.remove(world.store.engine, "before_cursor_execute", seen)
    steps = []
    with world.store.engine.connect() as conn:
        for statement, parameters in statements:
            steps += [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
    world.store.close()
    return steps


def reads(step: str) -> str:
    """The table a plan step reads ('' for the other steps)."""
    words = step.split()
    return words[1] if words[0] in ("SCAN", "SEARCH") and len(words) > 1 else ""


def test_no_statement_of_the_report_reads_every_row_of_a_big_table(plans: list[str]) -> None:
    scans = [step for step in plans if step.startswith("SCAN ") and reads(step) in BIG]
    assert scans == []


def test_big_tables_are_read_through_indexes_that_hold_what_is_counted(plans: list[str]) -> None:
    row_reads = [step for step in plans if reads(step) in BIG and "COVERING INDEX" not in step]
    # Left: a few look-ups of a case by its key (whether the case filed from a reception record has ended, 办结率;
    # a follow-up visit's case is live), which SQLite answers from the primary key whatever other index holds.
    assert all(reads(step) == "case_file" and step.endswith("USING INDEX sqlite_autoindex_case_file_1 (id=?)")
               for step in row_reads), row_reads


def test_the_partial_indexes_answer_the_outcome_events_and_the_closure_outcomes(plans: list[str]) -> None:
    assert any("COVERING INDEX ix_case_event_outcome (" in step for step in plans)       # candidates by moment
    assert any("COVERING INDEX ix_case_event_outcome_case (" in step for step in plans)  # a case's latest outcome
    assert any("COVERING INDEX ix_case_file_closure_outcome (" in step for step in plans)
