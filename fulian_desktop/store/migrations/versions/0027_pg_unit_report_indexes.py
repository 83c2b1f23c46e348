"""PostgreSQL: the monthly report of a unit's subtree reads that subtree's rows only

Revision ID: 0027
Revises: 0026

The report of a street or town (a few of the tree's units) had read the windows' rows of the whole database
through the indexes by day (0021, 0024) and dropped the other units' rows afterwards: its cost grew with the
database, not with the street. These indexes lead with the owning unit, then the day, and hold what the
report's statements read, so `owner_unit_id IN (the subtree)` with the window is a few short index ranges
read without the table (statistics_tally.Tally.within). The whole tree's report (no unit condition) keeps
the indexes by day.

And, for any scope: each screening entry's last visit (the risk level at the period's end) without a sort,
and the case list's ids in display order through a narrow index of the live cases.

SQLite plans these reads differently (statistics indexes of 0021 and 0024): nothing to do there.
"""
from alembic import op

revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None

INDEXES = {
    # the reception register (信访 figures, channels and categories, 婚姻家庭咨询)
    "ix_intake_record_pg_unit":
        "ON intake_record (owner_unit_id, received_at) INCLUDE (deleted_at, channel, category, sub_category, "
        "decision, is_group, is_repeat, people_count, case_id, id)",
    # cases opened in a window (调解 by type and source, 婚姻家庭, the cases of the sections), and a subtree's
    # mediation cases with their outcome (statistics_outcomes)
    "ix_case_file_pg_unit_opened":
        "ON case_file (owner_unit_id, opened_at) INCLUDE (deleted_at, kind, status, dispute_type, category, "
        "mediation_outcome, sub_category, source, tier, domestic_violence, major_incident, id)",
    # cases closed in a window (调解结案, 信访结案 and their evaluations)
    "ix_case_file_pg_unit_closed":
        "ON case_file (owner_unit_id, status, kind, closed_at) INCLUDE (deleted_at, id, mediation_outcome, "
        "major_incident, petition_evaluation)",
    # the petition clocks stopped in a window (及时受理率)
    "ix_case_clock_pg_unit":
        "ON case_clock (owner_unit_id, kind, stopped_at) INCLUDE (deleted_at, due_at, case_id)",
    # follow-up visits in a window (回访满意率)
    "ix_follow_up_visit_pg_unit":
        "ON follow_up_visit (owner_unit_id, visited_at) INCLUDE (deleted_at, case_id, satisfaction)",
    # agreements by the day they took effect and by the day 司法确认 was applied for
    "ix_agreement_pg_unit_effective":
        "ON agreement (owner_unit_id, effective_on) INCLUDE (deleted_at, case_id, form, amount_involved_fen, id)",
    "ix_agreement_pg_unit_applied":
        "ON agreement (owner_unit_id, confirmation_applied_on) INCLUDE (deleted_at, case_id, confirmation_result)",
    # each screening entry's last visit before a day, newest first without a sort (the risk levels at the
    # period's end, statistics_sections.screening_section)
    "ix_screening_visit_pg_last":
        "ON screening_visit (entry_id, visited_on, created_at) INCLUDE (risk_level) WHERE deleted_at IS NULL",
    # the case list's ids in display order (services/cases/case_queries.list_case_ids), from the index alone
    "ix_case_file_pg_list": "ON case_file (opened_at, id) WHERE deleted_at IS NULL",
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
