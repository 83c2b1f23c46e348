"""Shared by the kept-counts tests (statistics_prefix): the October report of a unit as values, whether the next
one would go through kept counts, and the comparison with a report counted afresh."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text

from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.services.accounts.orgunits import subtree_ids
from fulian_desktop.services.intake import intake
from fulian_desktop.services.statistics import statistics
from fulian_desktop.services.statistics.statistics_prefix import forget, kept_counts
from fulian_desktop.store.store import Store
from tests.support.stats_world import OCT_FROM, OCT_TO
from tests.support.stores import on_postgres

YTD = 4   # the 本年累计 column of a row's values
KEEPS = not on_postgres()   # PostgreSQL keeps nothing: its reports must be right all the same


def report_values(store: Store, unit_id: str, date_to: date = OCT_TO) -> dict[tuple[str, str], tuple]:
    """The unit's report from 1 October to `date_to`: {(section, row): values}."""
    with store.uow() as uow:
        report = statistics.build_report(uow, unit_id, "", subtree_ids(uow.s, unit_id), OCT_FROM, date_to)
    return {(s.key, r.key): r.values for s in report.sections for r in s.rows}


def uses_kept(store: Store, unit_id: str) -> bool:
    """The next October report of the unit would use counts kept from an earlier one."""
    with store.uow() as uow:
        return kept_counts(uow, subtree_ids(uow.s, unit_id), OCT_FROM, OCT_TO)[0] is not None


def counted_afresh_the_same(store: Store, unit_id: str) -> dict:
    """The report now (through whatever is kept) equals one counted afresh; returns it."""
    now = report_values(store, unit_id)
    forget(store.engine)
    assert now == report_values(store, unit_id), "the kept counts missed a change"
    return now


def desk_call(store: Store, actor: Any, name: str, when: Any) -> None:
    """A phone call answered at the desk, registered with the day it came in."""
    with store.uow(write=True) as uow:
        intake.register_contact(uow, actor, IntakeInput(
            name=name, channel=Channel.CALL, decision=IntakeDecision.ANSWERED, request="咨询",
            category="婚姻家庭", received_at=when))


def stored_rows(store: Store) -> int:
    """Rows of kept counts in the store (migration 0028)."""
    with store.uow() as uow:
        return uow.s.execute(text("SELECT count(*) FROM stats_kept")).scalar_one()
