"""reports up the tiers: unit_report (a unit's monthly figures, frozen, signed by its station, and their review)

Revision ID: 0019
Revises: 0018
"""
from alembic import op
import sqlalchemy as sa



revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('unit_report',
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('submission_no', sa.Integer(), nullable=False),
    sa.Column('submitted_by', sa.String(length=200), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('signature', sa.String(length=128), nullable=False),
    sa.Column('reviewed_by', sa.String(length=200), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('return_reason', sa.Text(), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_unit_report_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_report')),
    sa.UniqueConstraint('owner_unit_id', 'period', name=op.f('uq_unit_report_owner_unit_id'))
    )
    with op.batch_alter_table('unit_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_report_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_report_period'), ['period'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('unit_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_report_period'))
        batch_op.drop_index(batch_op.f('ix_unit_report_owner_unit_id'))
    op.drop_table('unit_report')
