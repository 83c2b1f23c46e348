"""The petition KPIs on the dashboard (及时受理率, 按期办结率, 满意率), each figure one click from its cases.

The figures are the monthly report's (``statistics_petition_kpis``: the same cohorts, the same conditions), for
the dashboard's unit subtree and period. `kpi_counts` gives each figure; `case_select` (and ``dashboard.kpi_case_ids``) gives the ids of the cases behind every numerator and denominator, limited to what the actor may
see (``access.cases.in_scope``), so a figure and its list are counted from the same rows.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Select, select

from ...access.cases import in_scope
from ...domain.errors import ValidationError
from ...security.actor import Actor
from ...store.models import Case
from ...store.uow import UnitOfWork
from .statistics_petition_kpis import FIGURES, figure_case_ids, kpi_cells
from .statistics_tally import Tally, day_bounds

# The three rates: (key, numerator figure, denominator figure), and the figures shown beside them.
RATES = (("timely_acceptance_rate", "accept_timely", "accept_decided"),
         ("on_time_rate", "concluded_on_time", "concluded"),
         ("petitioner_satisfaction_rate", "evaluated_satisfied", "evaluated"))
PARTS = {"petitioner_satisfaction_rate": ("eval_satisfied", "eval_basically", "eval_unsatisfied", "eval_none")}


def _within(units: list[str]) -> Callable[[Any], Any]:
    return lambda column: column.in_(units)


def kpi_counts(uow: UnitOfWork, units: frozenset[str], date_from: date, date_to: date) -> dict[str, int]:
    """Every KPI figure for the subtree `units` over the period (local days, both ends included)."""
    cells = kpi_cells(Tally(uow, units, date_from, date_to, year_to_date=False))   # the dashboard shows no 本年累计
    return {key: cells[key].subtotal for key in FIGURES}


def case_select(actor: Actor, units: frozenset[str], figure: str, date_from: date, date_to: date) -> Select[Any]:
    """The ids of the live cases behind one figure, within `units` and the actor's scope."""
    if figure not in FIGURES:
        raise ValidationError(f"未知的信访指标：{figure}", field="figure")
    start, end = day_bounds(date_from, date_to)
    behind = figure_case_ids(figure, _within(sorted(units)), start, end)
    return select(Case.id).where(Case.id.in_(behind), Case.deleted_at.is_(None), in_scope(actor, Case.owner_unit_id))


__all__ = ["RATES", "PARTS", "kpi_counts", "case_select"]
