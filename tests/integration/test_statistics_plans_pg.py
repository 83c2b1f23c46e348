"""How PostgreSQL reads the monthly report when a set does not fit in memory. `x IN (SELECT …)` is a hashed
subplan only while the set fits in work_mem; past that (the screening register of a 1,000,000-case district)
PostgreSQL reads the whole set again for every row outside: the report ran for more than six minutes there.

A small store with work_mem at its floor (64 kB) makes the server plan as it would at that size: no subplan of
the report may then read an uncorrelated set row after row."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import event

from fulian_desktop.services.statistics import statistics
from tests.support.stats_world import OCT_FROM, OCT_TO, build_stats_world
from tests.support.stores import on_postgres

pytestmark = pytest.mark.skipif(not on_postgres(), reason="PostgreSQL's planner (the PostgreSQL pass)")


def _report_statements(world, actor) -> list[tuple[str, dict]]:  # noqa: ANN001
    statements: list[tuple[str, dict]] = []

    def seen(_conn, _cursor, statement, parameters, _context, _many) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    event.listen(world.store.engine, "before_cursor_execute", seen)
    try:
        for first in (OCT_FROM, OCT_FROM.replace(month=1)):   # the month (two windows) and the year to date
            with world.store.uow() as uow:
                statistics.monthly_report(uow, actor, first, OCT_TO)
    finally:
        event.remove(world.store.engine, "before_cursor_execute", seen)
    return statements


def _aliases(node: dict) -> set[str]:
    names = {node[key] for key in ("Alias", "CTE Name") if key in node}
    for child in node.get("Plans", ()):
        names |= _aliases(child)
    return names


def _references(node: dict) -> set[str]:
    """The tables named in the conditions of `node` and below it (`alias.column`)."""
    text = " ".join(str(value) for key, value in node.items() if key != "Plans")
    names = set(re.findall(r"\b([a-z_][a-z0-9_]*)\.[a-z_]", text))
    for child in node.get("Plans", ()):
        names |= _references(child)
    return names


# Sets read once on purpose, small by nature: the cases deleted or still open (statistics_tally.case_is) and
# the follow-up visits since the year began (statistics_petition_kpis.kpi_cells).
BOUNDED = (("case_file", "deleted_at IS NOT NULL"), ("case_file", "status"), ("follow_up_visit", "visited_at >="))


def _rereads(node: dict) -> list[str]:
    """The plain (not hashed) subplans under `node` that read a set without looking at the row outside (no
    condition names a table they do not read themselves): PostgreSQL reads that set again for every outer row."""
    found = []
    if (node.get("Parent Relationship") == "SubPlan" and not node.get("Subplan Name", "").startswith("hashed")
            and node.get("Node Type") != "Result" and _references(node) <= _aliases(node)):
        relation = node.get("Relation Name", node.get("Node Type"))
        condition = f"{node.get('Index Cond', '')} {node.get('Filter', '')}"
        if not any(relation == table and words in condition for table, words in BOUNDED):
            found.append(f"{node.get('Subplan Name')}: {relation} {condition.strip()}")
    for child in node.get("Plans", ()):
        found += _rereads(child)
    return found


@pytest.fixture(scope="module")
def world(tmp_path_factory):  # noqa: ANN001, ANN201
    world = build_stats_world(Path(tmp_path_factory.mktemp("plans_pg")) / "s")
    yield world
    world.store.close()


def test_no_subplan_of_the_report_rereads_a_set_per_row_when_memory_is_short(world) -> None:  # noqa: ANN001
    statements = _report_statements(world, world.sup)   # the district supervisor: the whole tree
    assert len(statements) > 10
    rereading = []
    with world.store.engine.connect() as conn:
        conn.exec_driver_sql("SET work_mem = '64kB'")
        for statement, parameters in statements:
            plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters).scalar_one()
            plan = plan if isinstance(plan, list) else json.loads(plan)
            names = _rereads(plan[0]["Plan"])
            if names:
                rereading.append((statement[:160], names))
    assert rereading == []
