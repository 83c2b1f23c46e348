"""closure outcomes on the case (防止民转刑 / 防止自杀 / 制止群体性上访, each a flag and a head count) and the amount
involved in an agreement (涉及金额, in 分), for the monthly report

Revision ID: 0023
Revises: 0018
"""
from alembic import op
import sqlalchemy as sa


revision = '0023'
down_revision = '0021'
branch_labels = None
depends_on = None

_OUTCOMES = ('prevented_crime', 'prevented_suicide', 'stopped_group_petition')


def upgrade() -> None:
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        for name in _OUTCOMES:
            batch_op.add_column(sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()))
            batch_op.add_column(sa.Column(f'{name}_persons', sa.Integer(), nullable=True))
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('amount_involved_fen', sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_column('amount_involved_fen')
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        for name in reversed(_OUTCOMES):
            batch_op.drop_column(f'{name}_persons')
            batch_op.drop_column(name)
