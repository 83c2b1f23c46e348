"""Covering indexes for the statistics (monthly report, year to date, dashboard).

Their queries filter each table by a date (opened, closed, received, stopped …) and count a few short columns,
grouped by the owning unit. Case, contact and agreement rows carry long texts (summary, facts), so reading the
rows themselves means decrypting most of the file; these indexes hold every column those queries read, and
the counting never leaves them. Each is listed with the queries it serves.
"""
from __future__ import annotations

from sqlalchemy import Index

from .base import Base

# Columns by table name, not the model classes: models.py imports this module once its tables exist, and this
# module must not import models back.
case = Base.metadata.tables["case_file"].c
intake = Base.metadata.tables["intake_record"].c
clock = Base.metadata.tables["case_clock"].c
agreement = Base.metadata.tables["agreement"].c
visit = Base.metadata.tables["screening_visit"].c
entry = Base.metadata.tables["screening_entry"].c

STATISTICS_INDEXES = (
    # Cases closed in a period: the success-rate cohort, the petition closures, 防止民转刑/自杀.
    Index("ix_case_file_stats_closed", case.status, case.closed_at, case.kind, case.deleted_at, case.owner_unit_id,
          case.id, case.mediation_outcome, case.major_incident, case.petition_evaluation),
    # Cases opened in a period: every per-case figure, by type, source, sub-type; the dashboard's charts.
    Index("ix_case_file_stats_opened", case.opened_at, case.deleted_at, case.owner_unit_id, case.kind, case.status,
          case.dispute_type, case.category, case.sub_category, case.source, case.tier, case.domestic_violence,
          case.major_incident, case.id),
    # "The record's case is live" and a record's case looked up by key, without reading the case.
    Index("ix_case_file_stats_id", case.id, case.deleted_at, case.kind, case.owner_unit_id, case.status,
          case.dispute_type, case.category),
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
)
