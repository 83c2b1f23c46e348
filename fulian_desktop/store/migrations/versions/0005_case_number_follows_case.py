"""a case keeps its number when it moves to another unit

The number's series belongs to the unit that issued it; `case_no` alone stays unique.

Revision ID: 0005
Revises: 0004
"""
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.drop_constraint('uq_case_file_number', type_='unique')


def downgrade() -> None:
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_case_file_number', ['owner_unit_id', 'kind', 'case_year', 'case_seq'])
