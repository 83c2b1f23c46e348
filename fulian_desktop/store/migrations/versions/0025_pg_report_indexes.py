"""PostgreSQL: indexes for the monthly report's year-to-date reads (partial, covering)

Revision ID: 0025
Revises: 0023

Each one lets a statement of the report read only the rows it needs, from the index alone:
- the deleted cases and the cases still open (statistics_tally.case_is: a record's case is live, or has ended,
  when its key is not among these few; the conditions are those the report writes, ENDED in
  statistics_sections);
- the screening visits by day (statistics_sections.screening_section: the entries visited in a window);
- the mediation outcome events by moment with their case (statistics_outcomes: the candidate cases), where
  0009's (kind, occurred_at) index needs a row read per event for its case;
- each case's follow-up visits by moment with the satisfaction (statistics_petition_kpis: the latest visit after
  the closure, without a sort).

SQLite plans these reads differently (statistics indexes of 0021): nothing to do there.
"""
from alembic import op

revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None

INDEXES = {
    "ix_case_file_pg_deleted": "ON case_file (id) WHERE deleted_at IS NOT NULL",
    "ix_case_file_pg_open":
        "ON case_file (id) WHERE status NOT IN ('closed', 'rejected', 'transferred', 'terminated')",
    "ix_screening_visit_pg_day":
        "ON screening_visit (visited_on) INCLUDE (entry_id) WHERE deleted_at IS NULL",
    "ix_case_event_pg_outcome":
        "ON case_event (occurred_at) INCLUDE (case_id) WHERE kind = 'mediation_outcome'",
    "ix_follow_up_visit_pg_latest":
        "ON follow_up_visit (case_id, visited_at) INCLUDE (satisfaction) WHERE deleted_at IS NULL",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, definition in INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
