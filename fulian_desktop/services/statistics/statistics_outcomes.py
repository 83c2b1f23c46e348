"""When mediation succeeded, and the marriage-mediation outcomes, counted in the month they happened.

A month's report must not change after it was sent up because a case opened that month settled later, so
these figures go by the day of the event, not by the day the case was opened:
- 调解成功: a mediation case counts once, on its first success — the day its first agreement took effect, or
  the day a success outcome (调和, 劝回, 指导协议离婚, 调解成功) was recorded, whichever came first;
- 调和 / 劝回 / 指导协议离婚 / 调解成功 / 调解不成 (marriage cases): the day the case's present outcome was recorded.

Only the mediation cases with an outcome event or an effective agreement dated in the report's windows are read
(found through the timeline's kind-and-moment index and the agreements), then by key each one's latest outcome
event and first effective agreement over its whole history, so a case that first succeeded last year does not
count again this year; the days are compared in Python.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, union

from ...domain.enums import CaseKind
from ...domain.localtime import local_date
from ...domain.mediation_rules import MarriageOutcome
from ...store.models import Agreement, Case, CaseEvent
from .statistics_tally import Cells, Tally

OUTCOME_EVENT = "mediation_outcome"   # services.mediation.mediation.OUTCOME_EVENT
MARRIAGE = "婚姻家庭"
SUCCESS_OUTCOMES = frozenset(o.value for o in (MarriageOutcome.RECONCILED, MarriageOutcome.WITHDRAWN_PERSUADED,
                                              MarriageOutcome.GUIDED_DIVORCE, MarriageOutcome.AGREEMENT))


def _candidates(t: Tally) -> Any:
    """The cases whose first success or present outcome can fall in the windows: those with an outcome event or
    an effective agreement dated in them (a day's margin each side; the days are compared exactly below). A
    case's latest outcome event, or its first effective agreement, is one of its events or agreements, so a
    case with none of them in the windows cannot count there."""
    lo, hi = min(t.period[0], t.year[0]) - timedelta(days=1), max(t.period[1], t.year[1]) + timedelta(days=1)
    events = select(CaseEvent.case_id).where(CaseEvent.kind == OUTCOME_EVENT, CaseEvent.occurred_at >= lo,
                                             CaseEvent.occurred_at < hi)
    agreements = select(Agreement.case_id).where(Agreement.deleted_at.is_(None), Agreement.effective_on >= lo.date(),
                                                 Agreement.effective_on <= hi.date())
    return union(events, agreements)


def outcome_figures(t: Tally) -> dict[str, Cells]:
    """{"successful": …, "m_reconciled": …, …} for the period and the year to date; cached on the tally."""
    cached = getattr(t, "_outcome_figures", None)
    if cached is not None:
        return cached
    marriage = or_(Case.dispute_type == MARRIAGE, Case.category == MARRIAGE)
    mediation = and_(Case.kind == CaseKind.MEDIATION.value, Case.deleted_at.is_(None), t.within(Case.owner_unit_id))
    # Over ALL of a candidate's outcome events and agreements (their indexes by case): its latest outcome (read
    # only when the case has one), its first effective agreement.
    recorded = (select(func.max(CaseEvent.occurred_at))
                .where(CaseEvent.case_id == Case.id, CaseEvent.kind == OUTCOME_EVENT, Case.mediation_outcome.is_not(None))
                .correlate(Case).scalar_subquery())
    first_day = (select(func.min(Agreement.effective_on))
                 .where(Agreement.case_id == Case.id, Agreement.deleted_at.is_(None), Agreement.effective_on.is_not(None))
                 .correlate(Case).scalar_subquery())
    # [unit, outcome, moment the outcome was recorded, first effective agreement day, marriage?], one per case
    rows = t.uow.s.execute(select(Case.owner_unit_id, Case.mediation_outcome, recorded, first_day, marriage)
                           .where(Case.id.in_(_candidates(t)), mediation)).all()
    windows = (t.days(t.period), t.days(t.year))
    keys = ["successful"] + [f"m_{o.value}" for o in MarriageOutcome]
    period: dict[str, dict[str, int]] = {k: {} for k in keys}
    ytd = dict.fromkeys(keys, 0)

    def count(key: str, day: date | None, tier: str) -> None:
        if day is None:
            return
        if windows[0][0] <= day <= windows[0][1]:
            period[key][tier] = period[key].get(tier, 0) + 1
        if windows[1][0] <= day <= windows[1][1]:
            ytd[key] += 1

    for unit, outcome, at, first_effective, is_marriage in rows:
        tier = t.tier_of.get(unit, "")
        outcome_day = local_date(at) if at is not None and outcome else None
        success_days = [d for d in (first_effective, outcome_day if outcome in SUCCESS_OUTCOMES else None) if d]
        count("successful", min(success_days) if success_days else None, tier)
        if is_marriage and outcome:
            count(f"m_{outcome}", outcome_day, tier)
    result = {k: Cells(period[k], ytd[k]) for k in keys}
    t._outcome_figures = result
    return result
