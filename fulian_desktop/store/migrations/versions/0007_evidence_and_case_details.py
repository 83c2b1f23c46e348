"""evidence attachments; details for screening, leads, transfers, clocks, orders

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attachment_blob',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('chunk_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_attachment_blob'))
    )
    op.create_table('attachment_chunk',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['sha256'], ['attachment_blob.sha256'], name=op.f('fk_attachment_chunk_sha256_attachment_blob')),
    sa.PrimaryKeyConstraint('sha256', 'seq', name=op.f('pk_attachment_chunk'))
    )
    op.create_table('attachment',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('target_kind', sa.String(length=32), nullable=True),
    sa.Column('target_id', sa.String(length=36), nullable=True),
    sa.Column('doc_type', sa.String(length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('sensitive', sa.Boolean(), nullable=False),
    sa.Column('added_by_id', sa.String(length=36), nullable=True),
    sa.Column('added_by_name', sa.String(length=100), nullable=False),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_attachment_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_attachment_owner_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['sha256'], ['attachment_blob.sha256'], name=op.f('fk_attachment_sha256_attachment_blob')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_target_id'), ['target_id'], unique=False)

    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confirmation_court', sa.String(length=200), nullable=True))

    with op.batch_alter_table('case_clock', schema=None) as batch_op:
        batch_op.add_column(sa.Column('due_override_at', sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table('crisis_action', schema=None) as batch_op:
        batch_op.add_column(sa.Column('data', sa.JSON(), nullable=True))

    with op.batch_alter_table('intake_record', schema=None) as batch_op:
        batch_op.add_column(sa.Column('transfer_to', sa.String(length=200), nullable=True))

    with op.batch_alter_table('online_lead', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=16), server_default='open', nullable=False))
        batch_op.add_column(sa.Column('outcome', sa.Text(), nullable=True))

    with op.batch_alter_table('protection_order', schema=None) as batch_op:
        batch_op.add_column(sa.Column('applied_on_behalf_by', sa.String(length=200), nullable=True))

    with op.batch_alter_table('screening_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('resolved_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('resolution', sa.Text(), nullable=True))

    with op.batch_alter_table('screening_visit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('method', sa.String(length=16), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('screening_visit', schema=None) as batch_op:
        batch_op.drop_column('method')

    with op.batch_alter_table('screening_entry', schema=None) as batch_op:
        batch_op.drop_column('resolution')
        batch_op.drop_column('resolved_on')
        batch_op.drop_column('category')

    with op.batch_alter_table('protection_order', schema=None) as batch_op:
        batch_op.drop_column('applied_on_behalf_by')

    with op.batch_alter_table('online_lead', schema=None) as batch_op:
        batch_op.drop_column('outcome')
        batch_op.drop_column('status')

    with op.batch_alter_table('intake_record', schema=None) as batch_op:
        batch_op.drop_column('transfer_to')

    with op.batch_alter_table('crisis_action', schema=None) as batch_op:
        batch_op.drop_column('data')

    with op.batch_alter_table('case_clock', schema=None) as batch_op:
        batch_op.drop_column('due_override_at')

    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_column('confirmation_court')

    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_target_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))
        batch_op.drop_index(batch_op.f('ix_attachment_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_case_id'))

    op.drop_table('attachment')
    op.drop_table('attachment_chunk')
    op.drop_table('attachment_blob')
