"""mandatory reports (反家庭暴力法第十四条): the mandatory_report table, and an adult's recorded civil capacity on
the person (civil_capacity none | limited, who recorded it and on what basis)

Revision ID: 0016
Revises: 0015
"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('civil_capacity', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('civil_capacity_by', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('civil_capacity_basis', sa.String(length=200), nullable=True))

    op.create_table('mandatory_report',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('party_id', sa.String(length=36), nullable=True),
    sa.Column('subject_name', sa.String(length=100), nullable=False),
    sa.Column('ground', sa.String(length=32), nullable=False),
    sa.Column('ground_note', sa.String(length=300), nullable=True),
    sa.Column('raised_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('clock_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('police_unit', sa.String(length=200), nullable=True),
    sa.Column('method', sa.String(length=16), nullable=True),
    sa.Column('receipt_no', sa.String(length=200), nullable=True),
    sa.Column('officer', sa.String(length=200), nullable=True),
    sa.Column('facts', sa.Text(), nullable=True),
    sa.Column('reporter_name', sa.String(length=200), nullable=True),
    sa.Column('reporter_post', sa.String(length=200), nullable=True),
    sa.Column('reporter_phone', sa.String(length=200), nullable=True),
    sa.Column('recorded_by', sa.String(length=100), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_mandatory_report_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'],
                            name=op.f('fk_mandatory_report_owner_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_mandatory_report_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mandatory_report'))
    )
    with op.batch_alter_table('mandatory_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mandatory_report_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mandatory_report_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mandatory_report_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('mandatory_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mandatory_report_person_id'))
        batch_op.drop_index(batch_op.f('ix_mandatory_report_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_mandatory_report_case_id'))
    op.drop_table('mandatory_report')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('civil_capacity_basis')
        batch_op.drop_column('civil_capacity_by')
        batch_op.drop_column('civil_capacity')
