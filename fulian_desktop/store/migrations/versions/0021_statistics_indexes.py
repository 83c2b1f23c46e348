"""statistics: covering indexes for the monthly report, year to date and dashboard (store/models_stats.py)

Revision ID: 0021
Revises: 0018
"""
from alembic import op


revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_case_file_stats_closed', 'case_file', ['status', 'closed_at', 'kind', 'deleted_at', 'owner_unit_id', 'id', 'mediation_outcome', 'major_incident', 'petition_evaluation'], unique=False)
    op.create_index('ix_case_file_stats_opened', 'case_file', ['opened_at', 'deleted_at', 'owner_unit_id', 'kind', 'status', 'dispute_type', 'category', 'sub_category', 'source', 'tier', 'domestic_violence', 'major_incident', 'id'], unique=False)
    op.create_index('ix_case_file_stats_id', 'case_file', ['id', 'deleted_at', 'kind', 'owner_unit_id', 'status', 'dispute_type', 'category'], unique=False)
    op.create_index('ix_case_file_stats_outcome', 'case_file', ['mediation_outcome', 'kind', 'deleted_at', 'owner_unit_id', 'id', 'dispute_type', 'category'], unique=False)
    op.create_index('ix_intake_record_stats', 'intake_record', ['received_at', 'deleted_at', 'owner_unit_id', 'channel', 'category', 'sub_category', 'decision', 'is_group', 'is_repeat', 'people_count', 'case_id', 'id'], unique=False)
    op.create_index('ix_intake_record_case_live', 'intake_record', ['case_id', 'deleted_at'], unique=False)
    op.create_index('ix_case_clock_stats_started', 'case_clock', ['started_at', 'deleted_at', 'owner_unit_id', 'kind', 'stopped_at', 'due_at', 'due_override_at', 'id'], unique=False)
    op.create_index('ix_case_clock_stats_stopped', 'case_clock', ['kind', 'stopped_at', 'deleted_at', 'owner_unit_id', 'due_at', 'case_id'], unique=False)
    op.create_index('ix_case_clock_stats_case', 'case_clock', ['case_id', 'kind', 'deleted_at', 'due_at'], unique=False)
    op.create_index('ix_agreement_first', 'agreement', ['case_id', 'deleted_at', 'effective_on'], unique=False)
    op.create_index('ix_agreement_stats', 'agreement', ['owner_unit_id', 'deleted_at', 'case_id', 'effective_on', 'form', 'confirmation_applied_on', 'confirmation_result'], unique=False)
    op.create_index('ix_screening_visit_stats', 'screening_visit', ['entry_id', 'deleted_at', 'visited_on', 'created_at', 'risk_level', 'id'], unique=False)
    op.create_index('ix_screening_entry_stats', 'screening_entry', ['id', 'deleted_at', 'owner_unit_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_screening_entry_stats', table_name='screening_entry')
    op.drop_index('ix_screening_visit_stats', table_name='screening_visit')
    op.drop_index('ix_agreement_stats', table_name='agreement')
    op.drop_index('ix_agreement_first', table_name='agreement')
    op.drop_index('ix_case_clock_stats_case', table_name='case_clock')
    op.drop_index('ix_case_clock_stats_stopped', table_name='case_clock')
    op.drop_index('ix_case_clock_stats_started', table_name='case_clock')
    op.drop_index('ix_intake_record_case_live', table_name='intake_record')
    op.drop_index('ix_intake_record_stats', table_name='intake_record')
    op.drop_index('ix_case_file_stats_outcome', table_name='case_file')
    op.drop_index('ix_case_file_stats_id', table_name='case_file')
    op.drop_index('ix_case_file_stats_opened', table_name='case_file')
    op.drop_index('ix_case_file_stats_closed', table_name='case_file')
