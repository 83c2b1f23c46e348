"""Covering indexes for the statistics (monthly report, year to date, dashboard).

Their queries filter each table by a date (opened, closed, received, stopped …) and count a few short columns,
grouped by the owning unit. Case, contact and agreement rows carry long texts (summary, facts), so reading the
rows themselves means decrypting most of the file; these indexes hold every column those queries read, and
the counting never leaves them. Each is listed with the queries it serves.
"""
from __future__ import annotations

from sqlalchemy import Index, or_

from .base import Base

# Columns by table name, not the model classes: models.py imports this module once its tables exist, and this
# module must not import models back.
case = Base.metadata.tables["case_file"].c
intake = Base.metadata.tables["intake_record"].c
clock = Base.metadata.tables["case_clock"].c
agreement = Base.metadata.tables["agreement"].c
visit = Base.metadata.tables["screening_visit"].c
entry = Base.metadata.tables["screening_entry"].c
event = Base.metadata.tables["case_event"].c
term = Base.metadata.tables["agreement_term"].c
follow_up = Base.metadata.tables["follow_up_visit"].c
counselling = Base.metadata.tables["counselling_session"].c

# The kind of timeline event that records a mediation outcome (services.mediation.mediation.OUTCOME_EVENT); the
# statistics compare with this literal, so the partial index below answers them.
OUTCOME_EVENT = "mediation_outcome"
# A closed case on which the closure recorded an outcome (domain/closure_outcomes.py): the statistics select
# them with this very condition, so the partial index below answers them.
CLOSURE_OUTCOME_RECORDED = or_(case.prevented_crime.is_(True), case.prevented_suicide.is_(True),
                               case.stopped_group_petition.is_(True))

STATISTICS_INDEXES = (
    # Cases closed in a period: the success-rate cohort, the petition closures, 防止民转刑/自杀.
    Index("ix_case_file_stats_closed", case.status, case.closed_at, case.kind, case.deleted_at, case.owner_unit_id,
          case.id, case.mediation_outcome, case.major_incident, case.petition_evaluation),
    # Cases opened in a period: every per-case figure, by type, source, sub-type; the dashboard's charts.
    Index("ix_case_file_stats_opened", case.opened_at, case.deleted_at, case.owner_unit_id, case.kind, case.status,
          case.dispute_type, case.category, case.sub_category, case.source, case.tier, case.domestic_violence,
          case.major_incident, case.id),
    # "The record's case is live" and a record's case looked up by key, without reading the case.
    # With the outcome and the day opened: 调解成功's candidates and the screening's 转为案件 look cases up by key.
    Index("ix_case_file_stats_id", case.id, case.deleted_at, case.kind, case.owner_unit_id, case.status,
          case.dispute_type, case.category, case.mediation_outcome, case.opened_at),
    # Mediation cases with an outcome (调和, 劝回 …).
    Index("ix_case_file_stats_outcome", case.mediation_outcome, case.kind, case.deleted_at, case.owner_unit_id,
          case.id, case.dispute_type, case.category),
    # The reception register by day received: every petition figure.
    Index("ix_intake_record_stats", intake.received_at, intake.deleted_at, intake.owner_unit_id,
          intake.channel, intake.category, intake.sub_category, intake.decision,
          intake.is_group, intake.is_repeat, intake.people_count, intake.case_id,
          intake.id),
    # "Filed from the reception register" (回访满意率).
    Index("ix_intake_record_case_live", intake.case_id, intake.deleted_at),
    # Clocks started in a period (dashboard) and stopped in a period (及时受理率).
    Index("ix_case_clock_stats_started", clock.started_at, clock.deleted_at, clock.owner_unit_id,
          clock.kind, clock.stopped_at, clock.due_at, clock.due_override_at, clock.id),
    Index("ix_case_clock_stats_stopped", clock.kind, clock.stopped_at, clock.deleted_at,
          clock.owner_unit_id, clock.due_at, clock.case_id),
    # A case's clock of a kind by key (按期办结: closed before its deadline). Without it the planner may prefer the
    # covering index above (kind = ?) for that lookup and read every clock of the kind once per case.
    Index("ix_case_clock_stats_case", clock.case_id, clock.kind, clock.deleted_at, clock.due_at),
    # Agreements: each case's first effective day; oral/written/司法确认 by unit.
    Index("ix_agreement_first", agreement.case_id, agreement.deleted_at, agreement.effective_on),
    Index("ix_agreement_stats", agreement.owner_unit_id, agreement.deleted_at, agreement.case_id,
          agreement.effective_on, agreement.form, agreement.confirmation_applied_on, agreement.confirmation_result),
    # Screening: an entry's visits (last risk level, visited in a period) and the entry's unit.
    Index("ix_screening_visit_stats", visit.entry_id, visit.deleted_at, visit.visited_on,
          visit.created_at, visit.risk_level, visit.id),
    Index("ix_screening_entry_stats", entry.id, entry.deleted_at, entry.owner_unit_id),
    # Migration 0024: the rest of the report reads the period's rows through these, never the rows themselves.
    # Outcome events by moment, with their case (调解成功 and the marriage outcomes: the candidates). Partial
    # indexes lead with the columns of the full index the planner would otherwise prefer (here
    # ix_case_event_kind_occurred), so, covering as well, they win without the planner's statistics.
    Index("ix_case_event_outcome", event.kind, event.occurred_at, event.case_id,
          sqlite_where=event.kind == OUTCOME_EVENT, postgresql_where=event.kind == OUTCOME_EVENT),
    # A case's outcome events (its latest), beside ix_case_event_case_kind: a small index the page cache keeps.
    Index("ix_case_event_outcome_case", event.case_id, event.kind, event.occurred_at,
          sqlite_where=event.kind == OUTCOME_EVENT, postgresql_where=event.kind == OUTCOME_EVENT),
    # Agreements by the day they took effect (口头/书面, 金额, 调解成功's candidates, agreements due without a
    # term deadline) and by the day 司法确认 was applied for; an agreement by key (its performance).
    Index("ix_agreement_effective", agreement.effective_on, agreement.deleted_at, agreement.owner_unit_id,
          agreement.case_id, agreement.form, agreement.amount_involved_fen, agreement.id),
    Index("ix_agreement_applied", agreement.confirmation_applied_on, agreement.deleted_at, agreement.owner_unit_id,
          agreement.case_id, agreement.confirmation_result),
    Index("ix_agreement_stats_id", agreement.id, agreement.deleted_at, agreement.effective_on,
          agreement.owner_unit_id, agreement.case_id),
    # Terms by deadline (agreements falling due in a period) and an agreement's terms (how they were performed).
    Index("ix_agreement_term_deadline", term.deadline, term.deleted_at, term.agreement_id),
    Index("ix_agreement_term_stats", term.agreement_id, term.deleted_at, term.deadline, term.performance, term.id),
    # Follow-up visits by moment (回访满意率) and a case's visits (满意率: the latest after closing).
    Index("ix_follow_up_visit_stats", follow_up.visited_at, follow_up.deleted_at, follow_up.owner_unit_id,
          follow_up.case_id, follow_up.satisfaction),
    Index("ix_follow_up_visit_case_stats", follow_up.case_id, follow_up.deleted_at, follow_up.visited_at,
          follow_up.satisfaction),
    # The screening register read whole from its index (in the register, resolved, risk at the end, persons),
    # and its visits by day.
    Index("ix_screening_entry_register", entry.deleted_at, entry.owner_unit_id, entry.created_at, entry.status,
          entry.resolved_on, entry.updated_at, entry.case_id, entry.person_id, entry.risk_level, entry.id),
    Index("ix_screening_visit_day", visit.visited_on, visit.deleted_at, visit.entry_id),
    # Counselling sessions by moment (心理疏导次数).
    Index("ix_counselling_session_stats", counselling.held_at, counselling.deleted_at, counselling.owner_unit_id,
          counselling.case_id, counselling.id),
    # Closed cases with a recorded closure outcome (防止民转刑/自杀, 制止群体性上访): few, so a partial index.
    Index("ix_case_file_closure_outcome", case.status, case.closed_at, case.deleted_at, case.owner_unit_id,
          case.prevented_crime, case.prevented_crime_persons, case.prevented_suicide, case.prevented_suicide_persons,
          case.stopped_group_petition, case.stopped_group_petition_persons,
          sqlite_where=CLOSURE_OUTCOME_RECORDED, postgresql_where=CLOSURE_OUTCOME_RECORDED),
)
