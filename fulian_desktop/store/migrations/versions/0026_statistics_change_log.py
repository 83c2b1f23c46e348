"""statistics (SQLCipher): a log of the days each write can change the monthly report's counts on

Revision ID: 0026
Revises: 0025

A monthly report's 本年累计 is the period plus the year's earlier months; services/statistics/statistics_prefix
keeps that earlier part between reports and uses it again only when no day logged here since falls in it.
Triggers on every table the report reads log, for each inserted, updated or deleted row, the days (moments, as
stored) of every counted record the row can change: its own dates, old and new, and those of the records whose
count depends on it (a case's records are counted only while the case is live; an agreement makes its case's
closure successful and can be its first success; a term moves its agreement's due day …). The log keeps its
newest 20,000 days: a kept count older than that is counted again. An empty day ('') means any day may have
changed (the demo generator's bulk load drops these triggers with the indexes, and logs that).

PostgreSQL keeps no counts between reports: nothing to do there.
"""
from alembic import op

revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None

LOG = "stats_change"
KEEP = 20000
OUTCOME = "'mediation_outcome'"

# Every record of a case the report counts, by the dates it is counted on: {R} is the row's case id.
_CASE_RECORDS = (
    "SELECT received_at FROM intake_record WHERE case_id = {R}",
    "SELECT stopped_at FROM case_clock WHERE case_id = {R}",
    "SELECT visited_at FROM follow_up_visit WHERE case_id = {R}",
    "SELECT effective_on FROM agreement WHERE case_id = {R}",
    "SELECT confirmation_applied_on FROM agreement WHERE case_id = {R}",
    "SELECT t.deadline FROM agreement_term t JOIN agreement a ON a.id = t.agreement_id WHERE a.case_id = {R}",
    f"SELECT occurred_at FROM case_event WHERE case_id = {{R}} AND kind = {OUTCOME}",
    "SELECT held_at FROM counselling_session WHERE case_id = {R}",
    "SELECT assessed_at FROM risk_assessment WHERE case_id = {R}",
    "SELECT applied_at FROM protection_order WHERE case_id = {R}",
    "SELECT issued_on FROM protection_order WHERE case_id = {R}",
    "SELECT at FROM crisis_action WHERE case_id = {R}",
)
# A case's first success and present outcome: over all its outcome events and effective agreements.
_OUTCOME_GROUP = (
    f"SELECT occurred_at FROM case_event WHERE case_id = {{R}} AND kind = {OUTCOME}",
    "SELECT effective_on FROM agreement WHERE case_id = {R}",
)
_CLOSED = ("SELECT closed_at FROM case_file WHERE id = {R}",)

# table: (own date columns, [(row column standing for {R}, the selects of related days)], WHEN condition)
TABLES: dict[str, tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...], str]] = {
    "case_file": (("opened_at", "closed_at"), (("id", _CASE_RECORDS),), ""),
    "intake_record": (("received_at",), (
        ("case_id", ("SELECT visited_at FROM follow_up_visit WHERE case_id = {R}",)),), ""),
    "case_clock": (("stopped_at",), (("case_id", _CLOSED),), ""),
    "follow_up_visit": (("visited_at",), (("case_id", _CLOSED),), ""),
    "agreement": (("effective_on", "confirmation_applied_on"), (
        ("case_id", _CLOSED + _OUTCOME_GROUP),
        ("id", ("SELECT deadline FROM agreement_term WHERE agreement_id = {R}",))), ""),
    "agreement_term": (("deadline",), (
        ("agreement_id", ("SELECT deadline FROM agreement_term WHERE agreement_id = {R}",
                          "SELECT effective_on FROM agreement WHERE id = {R}")),), ""),
    "case_event": (("occurred_at",), (("case_id", _OUTCOME_GROUP),), f"{{X}}.kind = {OUTCOME}"),
    "counselling_session": (("held_at",), (), ""),
    "risk_assessment": (("assessed_at",), (), ""),
    "protection_order": (("applied_at", "issued_on"), (), ""),
    "crisis_action": (("at",), (), ""),
    "screening_entry": (("created_at", "updated_at", "resolved_on"), (
        ("id", ("SELECT visited_on FROM screening_visit WHERE entry_id = {R}",)),
        ("case_id", ("SELECT opened_at FROM case_file WHERE id = {R}",))), ""),
    "screening_visit": (("visited_on",), (), ""),
}


def _days(table: str, row: str, *, keyed: bool = True) -> list[str]:
    """The days a row (NEW or OLD) logs; `keyed=False` leaves out the records found by the row's own key (an
    update's old and new row have the same)."""
    own, related, _when = TABLES[table]
    selects = [f"SELECT {row}.{column} AS d" for column in own]
    for column, queries in related:
        if keyed or column != "id":
            selects += [q.format(R=f"{row}.{column}") for q in queries]
    return selects


def trigger_statements() -> list[str]:
    out = []
    for table, (_own, _related, when) in TABLES.items():
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            selects = [s for row in rows for s in _days(table, row, keyed=row == rows[-1])]
            condition = " OR ".join(when.format(X=row) for row in rows) if when else ""
            out.append(
                f"CREATE TRIGGER {LOG}_{table}_{event.lower()} AFTER {event} ON {table}"
                + (f" WHEN {condition}" if condition else "")
                + f" BEGIN INSERT INTO {LOG} (at) SELECT d FROM ({' UNION '.join(selects)})"
                  " WHERE d IS NOT NULL; END")
    out.append(f"CREATE TRIGGER {LOG}_keep AFTER INSERT ON {LOG} BEGIN "
               f"DELETE FROM {LOG} WHERE seq <= NEW.seq - {KEEP}; END")
    return out


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"CREATE TABLE {LOG} (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL)")
    for statement in trigger_statements():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {LOG}_{table}_{event}")
    op.execute(f"DROP TRIGGER IF EXISTS {LOG}_keep")
    op.execute(f"DROP TABLE IF EXISTS {LOG}")
