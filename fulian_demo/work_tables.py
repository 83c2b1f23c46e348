"""Column orders of the demo's work records (the rows `work.WorkMaker` builds), in insert order.

Rows are tuples in these orders, ending with the owner unit and the record columns, like the
case tables in writer.py. The order of the dict is the insert order: a row's foreign keys
point at rows of tables listed before it.
"""
from __future__ import annotations

from sqlalchemy import Table

from fulian_desktop.store.models import (
    Agreement, AgreementTerm, CounsellingSession, CrisisAction, FollowUpVisit, IntakeRecord, MediationSession,
    OnlineLead, ProtectionOrder, Referral, RiskAssessment, SafetyPlan, ScreeningEntry, ScreeningVisit,
)
from fulian_desktop.store.models_evidence import Attachment

RECORD = ("owner_unit_id", "created_at", "updated_at", "version", "deleted_at")

WORK_COLS: dict[str, tuple[Table, tuple[str, ...]]] = {
    "intake_record": (IntakeRecord.__table__, (
        "id", "channel", "received_at", "person_id", "visitor_name", "sex", "age", "marital_status", "address",
        "contact", "people_count", "is_group", "representatives", "request", "facts", "category", "sub_category",
        "decision", "decision_note", "is_repeat", "case_id", "handler_id", "transfer_to")),
    "referral": (Referral.__table__, (
        "id", "case_id", "kind", "from_unit_id", "to_unit_id", "agency_type", "agency_name", "status", "reason",
        "consent", "consent_note", "shared_items", "sent_by", "sent_by_name", "sent_at", "responded_by_name",
        "responded_at", "response_note", "feedback")),
    "mediation_session": (MediationSession.__table__, (
        "id", "case_id", "scheduled_at", "place", "mediators", "recorder", "expected_parties", "status", "held_at",
        "parties_present", "notices_given", "statements", "outcome", "outcome_note", "cancel_reason", "mode")),
    "agreement": (Agreement.__table__, (
        "id", "case_id", "form", "facts", "disputes", "responsibility", "party_signatures", "mediator_signed_at",
        "seal_applied_at", "effective_on", "copies", "confirmation_applied_on", "confirmation_result",
        "confirmation_court", "amount_involved_fen")),
    "agreement_term": (AgreementTerm.__table__, (
        "id", "agreement_id", "seq", "obligor", "content", "manner", "deadline", "performance", "performed_on",
        "performance_note")),
    "follow_up_visit": (FollowUpVisit.__table__, (
        "id", "case_id", "agreement_id", "visited_at", "visitor", "method", "performance", "satisfaction", "note")),
    "counselling_session": (CounsellingSession.__table__, (
        "id", "case_id", "counsellor_id", "counsellor_name", "held_at", "form", "notes", "next_appointment")),
    "risk_assessment": (RiskAssessment.__table__, (
        "id", "case_id", "assessed_at", "assessor", "answers", "score", "computed_level", "red_flags",
        "final_level", "override_reason")),
    "safety_plan": (SafetyPlan.__table__, ("id", "case_id", "contents", "reviewed_on")),
    "protection_order": (ProtectionOrder.__table__, (
        "id", "case_id", "court", "applied_at", "urgent", "consent_recorded", "applied_on_behalf_by", "status",
        "decided_at", "issued_on", "served_on", "expires_on", "measures", "history")),
    "crisis_action": (CrisisAction.__table__, (
        "id", "case_id", "kind", "at", "by_name", "detail", "protection_order_id", "data")),
    "screening_entry": (ScreeningEntry.__table__, (
        "id", "subject", "person_id", "address", "risk_level", "reason", "responsible_id", "responsible_name",
        "visit_every_days", "next_visit_due", "status", "case_id", "category", "resolved_on", "resolution")),
    "screening_visit": (ScreeningVisit.__table__, (
        "id", "entry_id", "visited_on", "visitor", "findings", "risk_level", "method")),
    "online_lead": (OnlineLead.__table__, ("id", "where_seen", "summary", "seen_on", "case_id", "status", "outcome")),
    "attachment": (Attachment.__table__, (
        "id", "case_id", "target_kind", "target_id", "doc_type", "description", "filename", "media_type", "size",
        "sha256", "sensitive", "added_by_id", "added_by_name")),
}

WORK_TABLES: dict[str, tuple[Table, tuple[str, ...]]] = {
    name: (table, cols + RECORD) for name, (table, cols) in WORK_COLS.items()}
