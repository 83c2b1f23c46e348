"""intake, approvals, referrals, clocks, calendar

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calendar_day',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('is_workday', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=100), nullable=True),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_calendar_day'))
    )
    op.create_table('approval_request',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=True),
    sa.Column('requested_by', sa.String(length=36), nullable=True),
    sa.Column('requested_by_name', sa.String(length=100), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.String(length=36), nullable=True),
    sa.Column('decided_by_name', sa.String(length=100), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_approval_request_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_approval_request_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approval_request'))
    )
    with op.batch_alter_table('approval_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_approval_request_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_approval_request_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_approval_request_status'), ['status'], unique=False)

    op.create_table('case_clock',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('paused_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paused_days', sa.Integer(), nullable=False),
    sa.Column('extended_days', sa.Integer(), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('stopped_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('stop_note', sa.String(length=200), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_case_clock_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_case_clock_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_clock'))
    )
    with op.batch_alter_table('case_clock', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_clock_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_clock_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_clock_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('intake_record',
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('visitor_name', sa.String(length=100), nullable=False),
    sa.Column('sex', sa.String(length=16), nullable=False),
    sa.Column('age', sa.Integer(), nullable=True),
    sa.Column('marital_status', sa.String(length=32), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('contact', sa.String(length=64), nullable=True),
    sa.Column('people_count', sa.Integer(), nullable=False),
    sa.Column('is_group', sa.Boolean(), nullable=False),
    sa.Column('representatives', sa.JSON(), nullable=True),
    sa.Column('request', sa.Text(), nullable=False),
    sa.Column('facts', sa.Text(), nullable=True),
    sa.Column('category', sa.String(length=64), nullable=True),
    sa.Column('sub_category', sa.String(length=64), nullable=True),
    sa.Column('decision', sa.String(length=32), nullable=False),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.Column('is_repeat', sa.Boolean(), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('handler_id', sa.String(length=36), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_intake_record_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_intake_record_owner_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_intake_record_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_record'))
    )
    with op.batch_alter_table('intake_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_record_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_intake_record_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_intake_record_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_intake_record_received_at'), ['received_at'], unique=False)

    op.create_table('referral',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('from_unit_id', sa.String(length=36), nullable=False),
    sa.Column('to_unit_id', sa.String(length=36), nullable=True),
    sa.Column('agency_type', sa.String(length=32), nullable=True),
    sa.Column('agency_name', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('consent', sa.String(length=16), nullable=True),
    sa.Column('consent_note', sa.Text(), nullable=True),
    sa.Column('shared_items', sa.JSON(), nullable=True),
    sa.Column('sent_by', sa.String(length=36), nullable=True),
    sa.Column('sent_by_name', sa.String(length=100), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('responded_by_name', sa.String(length=100), nullable=True),
    sa.Column('responded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('response_note', sa.Text(), nullable=True),
    sa.Column('feedback', sa.Text(), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_referral_case_id_case_file')),
    sa.ForeignKeyConstraint(['from_unit_id'], ['org_unit.id'], name=op.f('fk_referral_from_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_referral_owner_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['to_unit_id'], ['org_unit.id'], name=op.f('fk_referral_to_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_to_unit_id'), ['to_unit_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_to_unit_id'))
        batch_op.drop_index(batch_op.f('ix_referral_status'))
        batch_op.drop_index(batch_op.f('ix_referral_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_referral_case_id'))

    op.drop_table('referral')
    with op.batch_alter_table('intake_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_record_received_at'))
        batch_op.drop_index(batch_op.f('ix_intake_record_person_id'))
        batch_op.drop_index(batch_op.f('ix_intake_record_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_intake_record_case_id'))

    op.drop_table('intake_record')
    with op.batch_alter_table('case_clock', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_clock_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_case_clock_due_at'))
        batch_op.drop_index(batch_op.f('ix_case_clock_case_id'))

    op.drop_table('case_clock')
    with op.batch_alter_table('approval_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_approval_request_status'))
        batch_op.drop_index(batch_op.f('ix_approval_request_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_approval_request_case_id'))

    op.drop_table('approval_request')
    op.drop_table('calendar_day')
