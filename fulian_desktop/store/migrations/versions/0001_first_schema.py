"""first schema: org units, users, people, cases, audit

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    op.create_table('audit_log',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.String(length=36), nullable=True),
    sa.Column('actor_name', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=True),
    sa.Column('entity_id', sa.String(length=36), nullable=True),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('id', name=op.f('uq_audit_log_id'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_entity_id'), ['entity_id'], unique=False)

    op.create_table('case_counter',
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('owner_unit_id', 'kind', 'year', name=op.f('pk_case_counter'))
    )
    op.create_table('org_unit',
    sa.Column('parent_id', sa.String(length=36), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('tier', sa.String(length=64), nullable=False),
    sa.Column('case_prefix', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['org_unit.id'], name=op.f('fk_org_unit_parent_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_unit'))
    )
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_unit_parent_id'), ['parent_id'], unique=False)

    op.create_table('store_meta',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('demo', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_store_meta'))
    )
    op.create_table('person',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('name_pinyin', sa.String(length=200), nullable=False),
    sa.Column('name_initials', sa.String(length=50), nullable=False),
    sa.Column('sex', sa.String(length=16), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('marital_status', sa.String(length=32), nullable=True),
    sa.Column('ethnicity', sa.String(length=32), nullable=True),
    sa.Column('occupation', sa.String(length=100), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_person_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_id_number'), ['id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name_initials'), ['name_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name_pinyin'), ['name_pinyin'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_phone'), ['phone'], unique=False)

    op.create_table('user_account',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_user_account_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_account_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('case_file',
    sa.Column('case_no', sa.String(length=64), nullable=False),
    sa.Column('case_year', sa.Integer(), nullable=False),
    sa.Column('case_seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('tier', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=64), nullable=False),
    sa.Column('category', sa.String(length=64), nullable=True),
    sa.Column('sub_category', sa.String(length=64), nullable=True),
    sa.Column('dispute_type', sa.String(length=64), nullable=True),
    sa.Column('source', sa.String(length=32), nullable=True),
    sa.Column('urgency', sa.String(length=16), nullable=False),
    sa.Column('major_incident', sa.Boolean(), nullable=False),
    sa.Column('involves_minor', sa.Boolean(), nullable=False),
    sa.Column('domestic_violence', sa.Boolean(), nullable=False),
    sa.Column('handler_id', sa.String(length=36), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['handler_id'], ['user_account.id'], name=op.f('fk_case_file_handler_id_user_account')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_case_file_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_file')),
    sa.UniqueConstraint('case_no', name=op.f('uq_case_file_case_no')),
    sa.UniqueConstraint('owner_unit_id', 'kind', 'case_year', 'case_seq', name='uq_case_file_number')
    )
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_file_handler_id'), ['handler_id'], unique=False)
        batch_op.create_index('ix_case_file_opened', ['opened_at'], unique=False)
        batch_op.create_index('ix_case_file_owner_opened', ['owner_unit_id', 'opened_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_file_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index('ix_case_file_status_tier', ['status', 'tier', 'opened_at'], unique=False)

    op.create_table('case_event',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.String(length=36), nullable=True),
    sa.Column('actor_name', sa.String(length=100), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_case_event_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_case_event_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_event'))
    )
    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_event_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_event_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('case_party',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=64), nullable=False),
    sa.Column('contact_confidential', sa.Boolean(), nullable=False),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_case_party_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_case_party_owner_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_case_party_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_party'))
    )
    with op.batch_alter_table('case_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_party_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_party_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_party_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('case_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_party_person_id'))
        batch_op.drop_index(batch_op.f('ix_case_party_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_case_party_case_id'))

    op.drop_table('case_party')
    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_event_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_case_event_case_id'))

    op.drop_table('case_event')
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.drop_index('ix_case_file_status_tier')
        batch_op.drop_index(batch_op.f('ix_case_file_owner_unit_id'))
        batch_op.drop_index('ix_case_file_owner_opened')
        batch_op.drop_index('ix_case_file_opened')
        batch_op.drop_index(batch_op.f('ix_case_file_handler_id'))

    op.drop_table('case_file')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_account_owner_unit_id'))

    op.drop_table('user_account')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_phone'))
        batch_op.drop_index(batch_op.f('ix_person_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_person_name_pinyin'))
        batch_op.drop_index(batch_op.f('ix_person_name_initials'))
        batch_op.drop_index(batch_op.f('ix_person_name'))
        batch_op.drop_index(batch_op.f('ix_person_id_number'))

    op.drop_table('person')
    op.drop_table('store_meta')
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_unit_parent_id'))

    op.drop_table('org_unit')
    op.drop_table('case_counter')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_entity_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_case_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_action'))

    op.drop_table('audit_log')
    op.drop_table('audit_head')
