"""station sync: identity, peers, change log, lineage, conflicts

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_applied_bundle',
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('sender_store', sa.String(length=36), nullable=False),
    sa.Column('from_seq', sa.Integer(), nullable=False),
    sa.Column('to_seq', sa.Integer(), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('bundle_id', name=op.f('pk_sync_applied_bundle'))
    )
    op.create_table('sync_change',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('origin_store', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_change'))
    )
    op.create_table('sync_conflict',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=True),
    sa.Column('peer_store', sa.String(length=36), nullable=False),
    sa.Column('local_row', sa.JSON(), nullable=False),
    sa.Column('remote_row', sa.JSON(), nullable=False),
    sa.Column('remote_lineage', sa.JSON(), nullable=False),
    sa.Column('local_by', sa.String(length=200), nullable=True),
    sa.Column('remote_by', sa.String(length=200), nullable=True),
    sa.Column('local_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('remote_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('resolved_by', sa.String(length=200), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('choice', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflict_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_conflict_status'), ['status'], unique=False)

    op.create_table('sync_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('unit_id', sa.String(length=36), nullable=False),
    sa.Column('sign_private', sa.LargeBinary(), nullable=False),
    sa.Column('box_private', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_identity'))
    )
    op.create_table('sync_lineage',
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('hashes', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'record_id', name=op.f('pk_sync_lineage'))
    )
    op.create_table('sync_peer',
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('unit_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sign_public', sa.LargeBinary(), nullable=False),
    sa.Column('box_public', sa.LargeBinary(), nullable=False),
    sa.Column('acked_seq', sa.Integer(), nullable=False),
    sa.Column('received_seq', sa.Integer(), nullable=False),
    sa.Column('audit_sent_seq', sa.Integer(), nullable=False),
    sa.Column('last_export_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_import_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('station_id', name=op.f('pk_sync_peer'))
    )
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_peer_unit_id'), ['unit_id'], unique=False)

    op.create_table('sync_remote_audit',
    sa.Column('origin_store', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('entry', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('origin_store', 'seq', name=op.f('pk_sync_remote_audit'))
    )


def downgrade() -> None:
    op.drop_table('sync_remote_audit')
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_peer_unit_id'))

    op.drop_table('sync_peer')
    op.drop_table('sync_lineage')
    op.drop_table('sync_identity')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflict_status'))
        batch_op.drop_index(batch_op.f('ix_sync_conflict_record_id'))

    op.drop_table('sync_conflict')
    op.drop_table('sync_change')
    op.drop_table('sync_applied_bundle')
