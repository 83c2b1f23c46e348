"""audit checkpoints other stations sent (the anchor their chains must extend, and the flags)

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_audit_checkpoint',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('origin_store', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('checkpoint', sa.JSON(), nullable=False),
    sa.Column('bundle_id', sa.String(length=36), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('problem', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_audit_checkpoint'))
    )
    with op.batch_alter_table('sync_audit_checkpoint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_audit_checkpoint_origin_store'), ['origin_store'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_audit_checkpoint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_audit_checkpoint_origin_store'))

    op.drop_table('sync_audit_checkpoint')
