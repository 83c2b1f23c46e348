"""statistics: the rest of the report reads only the period's rows, from indexes (store/models_stats.py)

Revision ID: 0024
Revises: 0023
"""
from alembic import op
import sqlalchemy as sa


revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None

_FLAGS = ('prevented_crime', 'prevented_suicide', 'stopped_group_petition')


def _any_flag(true: str) -> sa.TextClause:
    return sa.text(' OR '.join(f'{flag} IS {true}' for flag in _FLAGS))


def upgrade() -> None:
    op.drop_index('ix_case_file_stats_id', table_name='case_file')
    op.create_index('ix_case_file_stats_id', 'case_file', ['id', 'deleted_at', 'kind', 'owner_unit_id', 'status', 'dispute_type', 'category', 'mediation_outcome', 'opened_at'], unique=False)
    op.create_index('ix_case_event_outcome', 'case_event', ['kind', 'occurred_at', 'case_id'], unique=False,
                    sqlite_where=sa.text("kind = 'mediation_outcome'"),
                    postgresql_where=sa.text("kind = 'mediation_outcome'"))
    op.create_index('ix_case_event_outcome_case', 'case_event', ['case_id', 'kind', 'occurred_at'], unique=False,
                    sqlite_where=sa.text("kind = 'mediation_outcome'"),
                    postgresql_where=sa.text("kind = 'mediation_outcome'"))
    op.create_index('ix_agreement_effective', 'agreement', ['effective_on', 'deleted_at', 'owner_unit_id', 'case_id', 'form', 'amount_involved_fen', 'id'], unique=False)
    op.create_index('ix_agreement_applied', 'agreement', ['confirmation_applied_on', 'deleted_at', 'owner_unit_id', 'case_id', 'confirmation_result'], unique=False)
    op.create_index('ix_agreement_stats_id', 'agreement', ['id', 'deleted_at', 'effective_on', 'owner_unit_id', 'case_id'], unique=False)
    op.create_index('ix_agreement_term_deadline', 'agreement_term', ['deadline', 'deleted_at', 'agreement_id'], unique=False)
    op.create_index('ix_agreement_term_stats', 'agreement_term', ['agreement_id', 'deleted_at', 'deadline', 'performance', 'id'], unique=False)
    op.create_index('ix_follow_up_visit_stats', 'follow_up_visit', ['visited_at', 'deleted_at', 'owner_unit_id', 'case_id', 'satisfaction'], unique=False)
    op.create_index('ix_follow_up_visit_case_stats', 'follow_up_visit', ['case_id', 'deleted_at', 'visited_at', 'satisfaction'], unique=False)
    op.create_index('ix_screening_entry_register', 'screening_entry', ['deleted_at', 'owner_unit_id', 'created_at', 'status', 'resolved_on', 'updated_at', 'case_id', 'person_id', 'risk_level', 'id'], unique=False)
    op.create_index('ix_screening_visit_day', 'screening_visit', ['visited_on', 'deleted_at', 'entry_id'], unique=False)
    op.create_index('ix_counselling_session_stats', 'counselling_session', ['held_at', 'deleted_at', 'owner_unit_id', 'case_id', 'id'], unique=False)
    op.create_index('ix_case_file_closure_outcome', 'case_file', ['status', 'closed_at', 'deleted_at', 'owner_unit_id', 'prevented_crime', 'prevented_crime_persons', 'prevented_suicide', 'prevented_suicide_persons', 'stopped_group_petition', 'stopped_group_petition_persons'], unique=False,
                    sqlite_where=_any_flag('1'), postgresql_where=_any_flag('true'))


def downgrade() -> None:
    for name, table in (('ix_case_file_closure_outcome', 'case_file'),
                        ('ix_counselling_session_stats', 'counselling_session'), ('ix_screening_visit_day', 'screening_visit'),
                        ('ix_screening_entry_register', 'screening_entry'),
                        ('ix_follow_up_visit_case_stats', 'follow_up_visit'),
                        ('ix_follow_up_visit_stats', 'follow_up_visit'),
                        ('ix_agreement_term_stats', 'agreement_term'), ('ix_agreement_term_deadline', 'agreement_term'),
                        ('ix_agreement_stats_id', 'agreement'), ('ix_agreement_applied', 'agreement'),
                        ('ix_agreement_effective', 'agreement'), ('ix_case_event_outcome_case', 'case_event'),
                        ('ix_case_event_outcome', 'case_event')):
        op.drop_index(name, table_name=table)
    op.drop_index('ix_case_file_stats_id', table_name='case_file')
    op.create_index('ix_case_file_stats_id', 'case_file', ['id', 'deleted_at', 'kind', 'owner_unit_id', 'status', 'dispute_type', 'category'], unique=False)
