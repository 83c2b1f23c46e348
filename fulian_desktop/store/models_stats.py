"""Covering indexes for the statistics (monthly report, year to date, dashboard).

Their queries filter each table by a date (opened, closed, received, stopped …) and count a few short columns,
grouped by the owning unit. Case, contact and agreement rows carry long texts (summary, facts), so reading the
rows themselves means decrypting most of the file; these indexes hold every column those queries read, and
the counting never leaves them. Each is listed with the queries it serves.
"""
from __future__ import annotations

from sqlalchemy import Index

from .models import Agreement, Case, CaseClock, IntakeRecord, ScreeningEntry, ScreeningVisit

STATISTICS_INDEXES = (
    # Cases closed in a period: the success-rate cohort, the petition closures, 防止民转刑/自杀.
    Index("ix_case_file_stats_closed", Case.status, Case.closed_at, Case.kind, Case.deleted_at, Case.owner_unit_id,
          Case.id, Case.mediation_outcome, Case.major_incident, Case.petition_evaluation),
    # Cases opened in a period: every per-case figure, by type, source, sub-type; the dashboard's charts.
    Index("ix_case_file_stats_opened", Case.opened_at, Case.deleted_at, Case.owner_unit_id, Case.kind, Case.status,
          Case.dispute_type, Case.category, Case.sub_category, Case.source, Case.tier, Case.domestic_violence,
          Case.major_incident, Case.id),
    # "The record's case is live" and a record's case looked up by key, without reading the case.
    Index("ix_case_file_stats_id", Case.id, Case.deleted_at, Case.kind, Case.owner_unit_id, Case.status,
          Case.dispute_type, Case.category),
    # Mediation cases with an outcome (调和, 劝回 …).
    Index("ix_case_file_stats_outcome", Case.mediation_outcome, Case.kind, Case.deleted_at, Case.owner_unit_id,
          Case.id, Case.dispute_type, Case.category),
    # The reception register by day received: every petition figure.
    Index("ix_intake_record_stats", IntakeRecord.received_at, IntakeRecord.deleted_at, IntakeRecord.owner_unit_id,
          IntakeRecord.channel, IntakeRecord.category, IntakeRecord.sub_category, IntakeRecord.decision,
          IntakeRecord.is_group, IntakeRecord.is_repeat, IntakeRecord.people_count, IntakeRecord.case_id,
          IntakeRecord.id),
    # "Filed from the reception register" (回访满意率).
    Index("ix_intake_record_case_live", IntakeRecord.case_id, IntakeRecord.deleted_at),
    # Clocks started in a period (dashboard) and stopped in a period (及时受理率).
    Index("ix_case_clock_stats_started", CaseClock.started_at, CaseClock.deleted_at, CaseClock.owner_unit_id,
          CaseClock.kind, CaseClock.stopped_at, CaseClock.due_at, CaseClock.due_override_at, CaseClock.id),
    Index("ix_case_clock_stats_stopped", CaseClock.kind, CaseClock.stopped_at, CaseClock.deleted_at,
          CaseClock.owner_unit_id, CaseClock.due_at, CaseClock.case_id),
    # A case's clock of a kind by key (按期办结: closed before its deadline). Without it the planner may prefer the
    # covering index above (kind = ?) for that lookup and read every clock of the kind once per case.
    Index("ix_case_clock_stats_case", CaseClock.case_id, CaseClock.kind, CaseClock.deleted_at, CaseClock.due_at),
    # Agreements: each case's first effective day; oral/written/司法确认 by unit.
    Index("ix_agreement_first", Agreement.case_id, Agreement.deleted_at, Agreement.effective_on),
    Index("ix_agreement_stats", Agreement.owner_unit_id, Agreement.deleted_at, Agreement.case_id,
          Agreement.effective_on, Agreement.form, Agreement.confirmation_applied_on, Agreement.confirmation_result),
    # Screening: an entry's visits (last risk level, visited in a period) and the entry's unit.
    Index("ix_screening_visit_stats", ScreeningVisit.entry_id, ScreeningVisit.deleted_at, ScreeningVisit.visited_on,
          ScreeningVisit.created_at, ScreeningVisit.risk_level, ScreeningVisit.id),
    Index("ix_screening_entry_stats", ScreeningEntry.id, ScreeningEntry.deleted_at, ScreeningEntry.owner_unit_id),
)
