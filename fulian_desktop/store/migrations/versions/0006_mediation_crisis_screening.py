"""mediation, counselling, crisis, screening

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agreement',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('form', sa.String(length=16), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('disputes', sa.Text(), nullable=True),
    sa.Column('responsibility', sa.Text(), nullable=True),
    sa.Column('party_signatures', sa.JSON(), nullable=True),
    sa.Column('mediator_signed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('seal_applied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('effective_on', sa.Date(), nullable=True),
    sa.Column('copies', sa.Integer(), nullable=True),
    sa.Column('confirmation_applied_on', sa.Date(), nullable=True),
    sa.Column('confirmation_result', sa.String(length=200), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_agreement_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_agreement_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement'))
    )
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('counselling_session',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('counsellor_id', sa.String(length=36), nullable=True),
    sa.Column('counsellor_name', sa.String(length=100), nullable=False),
    sa.Column('held_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('form', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('next_appointment', sa.DateTime(timezone=True), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_counselling_session_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_counselling_session_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_counselling_session'))
    )
    with op.batch_alter_table('counselling_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_counselling_session_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_counselling_session_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('crisis_action',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('by_name', sa.String(length=100), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('protection_order_id', sa.String(length=36), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_crisis_action_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_crisis_action_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crisis_action'))
    )
    with op.batch_alter_table('crisis_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_crisis_action_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_crisis_action_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('mediation_session',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('scheduled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('mediators', sa.JSON(), nullable=False),
    sa.Column('recorder', sa.String(length=100), nullable=True),
    sa.Column('expected_parties', sa.JSON(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('held_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('parties_present', sa.JSON(), nullable=True),
    sa.Column('notices_given', sa.JSON(), nullable=True),
    sa.Column('statements', sa.JSON(), nullable=True),
    sa.Column('outcome', sa.String(length=32), nullable=True),
    sa.Column('outcome_note', sa.Text(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=200), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_mediation_session_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_mediation_session_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mediation_session'))
    )
    with op.batch_alter_table('mediation_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediation_session_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_session_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_session_scheduled_at'), ['scheduled_at'], unique=False)

    op.create_table('online_lead',
    sa.Column('where_seen', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('seen_on', sa.Date(), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_online_lead_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_online_lead_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_online_lead'))
    )
    with op.batch_alter_table('online_lead', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_online_lead_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('protection_order',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('court', sa.String(length=200), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('consent_recorded', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('served_on', sa.Date(), nullable=True),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('measures', sa.JSON(), nullable=True),
    sa.Column('history', sa.JSON(), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_protection_order_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_protection_order_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_protection_order'))
    )
    with op.batch_alter_table('protection_order', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_protection_order_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_protection_order_expires_on'), ['expires_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_protection_order_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('risk_assessment',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('assessed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('assessor', sa.String(length=100), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('computed_level', sa.String(length=8), nullable=False),
    sa.Column('red_flags', sa.JSON(), nullable=True),
    sa.Column('final_level', sa.String(length=8), nullable=False),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_risk_assessment_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_risk_assessment_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_assessment'))
    )
    with op.batch_alter_table('risk_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_assessment_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_assessment_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('safety_plan',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('contents', sa.JSON(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_safety_plan_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_safety_plan_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_plan')),
    sa.UniqueConstraint('case_id', name=op.f('uq_safety_plan_case_id'))
    )
    with op.batch_alter_table('safety_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_plan_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('screening_entry',
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('risk_level', sa.String(length=8), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('responsible_id', sa.String(length=36), nullable=True),
    sa.Column('responsible_name', sa.String(length=100), nullable=False),
    sa.Column('visit_every_days', sa.Integer(), nullable=False),
    sa.Column('next_visit_due', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_screening_entry_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_screening_entry_owner_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_screening_entry_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_entry'))
    )
    with op.batch_alter_table('screening_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_entry_next_visit_due'), ['next_visit_due'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_entry_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('agreement_term',
    sa.Column('agreement_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('obligor', sa.String(length=100), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('manner', sa.String(length=200), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('performance', sa.String(length=16), nullable=False),
    sa.Column('performed_on', sa.Date(), nullable=True),
    sa.Column('performance_note', sa.Text(), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_agreement_term_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_agreement_term_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_term'))
    )
    with op.batch_alter_table('agreement_term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_term_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_term_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('follow_up_visit',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('agreement_id', sa.String(length=36), nullable=True),
    sa.Column('visited_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('visitor', sa.String(length=100), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('performance', sa.Text(), nullable=False),
    sa.Column('satisfaction', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_follow_up_visit_agreement_id_agreement')),
    sa.ForeignKeyConstraint(['case_id'], ['case_file.id'], name=op.f('fk_follow_up_visit_case_id_case_file')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_follow_up_visit_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_visit'))
    )
    with op.batch_alter_table('follow_up_visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_visit_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_visit_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('screening_visit',
    sa.Column('entry_id', sa.String(length=36), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('visitor', sa.String(length=100), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('risk_level', sa.String(length=8), nullable=False),
    sa.Column('owner_unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['entry_id'], ['screening_entry.id'], name=op.f('fk_screening_visit_entry_id_screening_entry')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['org_unit.id'], name=op.f('fk_screening_visit_owner_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screening_visit'))
    )
    with op.batch_alter_table('screening_visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_visit_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_screening_visit_owner_unit_id'), ['owner_unit_id'], unique=False)

    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mediation_outcome', sa.String(length=32), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.drop_column('mediation_outcome')

    with op.batch_alter_table('screening_visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screening_visit_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_screening_visit_entry_id'))

    op.drop_table('screening_visit')
    with op.batch_alter_table('follow_up_visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_visit_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_visit_case_id'))

    op.drop_table('follow_up_visit')
    with op.batch_alter_table('agreement_term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_term_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_term_agreement_id'))

    op.drop_table('agreement_term')
    with op.batch_alter_table('screening_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screening_entry_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_screening_entry_next_visit_due'))

    op.drop_table('screening_entry')
    with op.batch_alter_table('safety_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_plan_owner_unit_id'))

    op.drop_table('safety_plan')
    with op.batch_alter_table('risk_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_assessment_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_risk_assessment_case_id'))

    op.drop_table('risk_assessment')
    with op.batch_alter_table('protection_order', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_protection_order_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_protection_order_expires_on'))
        batch_op.drop_index(batch_op.f('ix_protection_order_case_id'))

    op.drop_table('protection_order')
    with op.batch_alter_table('online_lead', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_online_lead_owner_unit_id'))

    op.drop_table('online_lead')
    with op.batch_alter_table('mediation_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mediation_session_scheduled_at'))
        batch_op.drop_index(batch_op.f('ix_mediation_session_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_mediation_session_case_id'))

    op.drop_table('mediation_session')
    with op.batch_alter_table('crisis_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_crisis_action_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_crisis_action_case_id'))

    op.drop_table('crisis_action')
    with op.batch_alter_table('counselling_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_counselling_session_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_counselling_session_case_id'))

    op.drop_table('counselling_session')
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_case_id'))

    op.drop_table('agreement')
