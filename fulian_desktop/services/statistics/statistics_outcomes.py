"""When mediation succeeded, and the marriage-mediation outcomes, counted in the month they happened.

A month's report must not change after it was sent up because a case opened that month settled later, so
these figures go by the day of the event, not by the day the case was opened:
- 调解成功: a mediation case counts once, on its first success — the day its first agreement took effect, or
  the day a success outcome (调和, 劝回, 指导协议离婚, 调解成功) was recorded, whichever came first;
- 调和 / 劝回 / 指导协议离婚 / 调解成功 / 调解不成 (marriage cases): the day the case's present outcome was recorded.

Only the mediation cases with an outcome event or an effective agreement dated in the report's windows are read
(found through the partial index of outcome events and the agreements' index by day), then by key each one's
latest outcome event and first effective agreement over its whole history, so a case that first succeeded last
year does not count again this year; the database compares the days and counts.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, any_, case, func, literal_column, null, or_, select, true, union

from ...domain.enums import CaseKind
from ...domain.mediation_rules import MarriageOutcome
from ...store.models import Agreement, Case, CaseEvent
from ...store.models_stats import OUTCOME_EVENT as OUTCOME_EVENT_KIND
from .statistics_tally import Cells, Tally

OUTCOME_EVENT = OUTCOME_EVENT_KIND   # services.mediation.mediation.OUTCOME_EVENT
MARRIAGE = "婚姻家庭"
SUCCESS_OUTCOMES = frozenset(o.value for o in (MarriageOutcome.RECONCILED, MarriageOutcome.WITHDRAWN_PERSUADED,
                                              MarriageOutcome.GUIDED_DIVORCE, MarriageOutcome.AGREEMENT))


def _candidates(t: Tally) -> Any:
    """The cases whose first success or present outcome can fall in the windows: those with an outcome event or
    an effective agreement dated in them (a day's margin each side; the days are compared exactly below). A
    case's latest outcome event, or its first effective agreement, is one of its events or agreements, so a
    case with none of them in the windows cannot count there."""
    lo, hi = t.span[0] - timedelta(days=1), t.span[1] + timedelta(days=1)
    # The kind as a literal: the partial index of outcome events (store/models_stats.py) then answers this.
    outcome_kind = literal_column(f"'{OUTCOME_EVENT_KIND}'")
    events = select(CaseEvent.case_id).where(CaseEvent.kind == outcome_kind, CaseEvent.occurred_at >= lo,
                                             CaseEvent.occurred_at < hi)
    agreements = select(Agreement.case_id).where(Agreement.deleted_at.is_(None), Agreement.effective_on >= lo.date(),
                                                 Agreement.effective_on <= hi.date())
    return union(events, agreements)


def _among(t: Tally, key: Any, keys: Any) -> Any:
    """`key` is one of `keys`. The whole tree on PostgreSQL: as an array, which the server looks up key by key in
    an index holding the case's columns; as a set it joined it to a read of every mediation case (135,000 of
    300,000). A subtree reads its own mediation cases (index by unit of 0027) and joins the set to them."""
    if t.everything and t.uow.s.get_bind().dialect.name == "postgresql":
        return key == any_(func.array(select(keys.subquery()).scalar_subquery()))
    return key.in_(keys)


def outcome_figures(t: Tally) -> dict[str, Cells]:
    """{"successful": …, "m_reconciled": …, …} for the period and the year to date; cached on the tally."""
    cached = getattr(t, "_outcome_figures", None)
    if cached is not None:
        return cached
    marriage = or_(Case.dispute_type == MARRIAGE, Case.category == MARRIAGE)
    mediation = and_(Case.kind == CaseKind.MEDIATION.value, Case.deleted_at.is_(None), t.within(Case.owner_unit_id))
    # Over ALL of a candidate's outcome events and agreements (small indexes by case): its latest outcome (read
    # only when the case has one), its first effective agreement. The kind as a literal, for the partial index.
    recorded = (select(func.max(CaseEvent.occurred_at))
                .where(CaseEvent.case_id == Case.id, CaseEvent.kind == literal_column(f"'{OUTCOME_EVENT_KIND}'"),
                       Case.mediation_outcome.is_not(None))
                .correlate(Case).scalar_subquery())
    first_day = (select(func.min(Agreement.effective_on))
                 .where(Agreement.case_id == Case.id, Agreement.deleted_at.is_(None), Agreement.effective_on.is_not(None))
                 .correlate(Case).scalar_subquery())
    # One row per candidate, computed once (MATERIALIZED: not re-run in each sum below), then counted by tier.
    cases = (select(Case.owner_unit_id.label("owner"), Case.mediation_outcome.label("outcome"),
                    recorded.label("recorded"), first_day.label("first_day"), marriage.label("marriage"))
             .where(_among(t, Case.id, _candidates(t)), mediation).cte("outcome_candidates").prefix_with("MATERIALIZED"))
    success_at = case((cases.c.outcome.in_(sorted(SUCCESS_OUTCOMES)), cases.c.recorded), else_=null())

    def successful(start: datetime, end: datetime) -> Any:
        """The first success — the earlier of the first agreement's day and the success outcome's (local) day — in
        the window: neither is before it, and one of them is in it."""
        first, last = t.days((start, end))
        day, at = cases.c.first_day, success_at
        return and_(or_(day.is_(None), day >= first), or_(at.is_(None), at >= start),
                    or_(and_(day.is_not(None), day <= last), and_(at.is_not(None), at < end)))

    def recorded_as(outcome: str) -> Any:
        return lambda start, end: and_(cases.c.marriage.is_(True), cases.c.outcome == outcome,
                                       cases.c.recorded >= start, cases.c.recorded < end)

    figures = {"successful": successful} | {f"m_{o.value}": recorded_as(o.value) for o in MarriageOutcome}
    result = t.sums(cases.c.owner, true(), figures)
    t._outcome_figures = result
    return result
