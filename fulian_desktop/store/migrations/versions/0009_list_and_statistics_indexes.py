"""indexes: the case list's all-ids query from the index alone; statistics by closing date and event kind

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.create_index('ix_case_event_kind_occurred', ['kind', 'occurred_at'], unique=False)
        batch_op.create_index('ix_case_event_case_kind', ['case_id', 'kind', 'occurred_at'], unique=False)

    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_file_opened'))
        batch_op.create_index('ix_case_file_closed', ['closed_at'], unique=False)
        batch_op.create_index('ix_case_file_opened_cover', ['opened_at', 'id', 'owner_unit_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.drop_index('ix_case_file_opened_cover')
        batch_op.drop_index('ix_case_file_closed')
        batch_op.create_index(batch_op.f('ix_case_file_opened'), ['opened_at'], unique=False)

    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.drop_index('ix_case_event_case_kind')
        batch_op.drop_index('ix_case_event_kind_occurred')

