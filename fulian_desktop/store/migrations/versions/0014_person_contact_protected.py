"""person.contact_protected: the 联系方式保密 mark follows the person to every station holding her

Revision ID: 0014
Revises: 0013

Backfilled from the party marks this store holds: she is protected when a live party row of hers is marked.
The backfilled persons are logged as changed, so the district's answer reaches the stations that hold only
her unmarked party (a difference in this flag alone is taken, not a sync conflict: sync/apply.py).
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_protected', sa.Boolean(), server_default=sa.false(), nullable=False))
    marked = ("SELECT person_id FROM case_party WHERE contact_confidential = TRUE AND deleted_at IS NULL")
    op.execute(f"UPDATE person SET contact_protected = TRUE WHERE id IN ({marked})")
    op.execute("INSERT INTO sync_change (table_name, record_id, origin_store) "
               f"SELECT DISTINCT 'person', person_id, NULL FROM ({marked}) AS m")


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('contact_protected')
