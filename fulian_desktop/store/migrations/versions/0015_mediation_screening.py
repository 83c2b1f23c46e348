"""mediation_screening, mediation_session.mode: a safety screening before each joint session of a DV case

Revision ID: 0015
Revises: 0014

Sessions recorded before this revision are joint (面对面), as they were held.
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('mediation_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mode', sa.String(length=16), server_default='joint', nullable=False))
    op.create_table('mediation_screening',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('victim_party_id', sa.String(length=36), nullable=False),
    sa.Column('session_id', sa.String(length=36), nullable=True),
    sa.Column('screened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('screened_by', sa.String(length=36), nullable=True),
    sa.Column('screened_by_name', sa.String(length=100), nullable=False),
    sa.Column('speaks_freely', sa.Boolean(), nullable=False),
    sa.Column('fears_other_party', sa.Boolean(), nullable=False),
    sa.Column('violence_since_last', sa.Boolean(), nullable=False),
    sa.Column('separate_offered', sa.Boolean(), nullable=False),
    sa.Column('victim_choice', sa.String(length=16), nullable=False),
    sa.Column('victim_words', sa.Text(), nullable=False),
    sa.Column('risk_level', sa.String(length=8), nullable=True),
    sa.Column('joint_allowed', sa.Boolean(), nullable=False),
    sa.Column('needs_approval', sa.Boolean(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=True),
    sa.Column('approved_by', sa.String(length=36), nullable=True),
    sa.Column('approved_by_name', sa.String(length=100), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('approval_note', sa.Text(), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_mediation_screening_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_mediation_screening_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mediation_screening'))
    )
    with op.batch_alter_table('mediation_screening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediation_screening_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_screening_owner_unit_id'), ['owner_unit_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('mediation_screening', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mediation_screening_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_mediation_screening_case_id'))
    op.drop_table('mediation_screening')
    with op.batch_alter_table('mediation_session', schema=None) as batch_op:
        batch_op.drop_column('mode')
