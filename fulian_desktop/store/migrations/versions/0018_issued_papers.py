"""verifiable prints: the issued_paper register (each paper's verification code, file digest and station signature)

Revision ID: 0018
Revises: 0017
"""
from alembic import op
import sqlalchemy as sa


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_paper',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('case_no', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('recipient', sa.String(length=16), nullable=False),
    sa.Column('purpose', sa.String(length=16), nullable=False),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('issued_by', sa.String(length=100), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_paper'))
    )
    with op.batch_alter_table('issued_paper', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_paper_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_paper_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_paper_sha256'), ['sha256'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('issued_paper', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_paper_sha256'))
        batch_op.drop_index(batch_op.f('ix_issued_paper_code'))
        batch_op.drop_index(batch_op.f('ix_issued_paper_case_id'))
    op.drop_table('issued_paper')
