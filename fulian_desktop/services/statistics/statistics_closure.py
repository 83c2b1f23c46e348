"""Recorded results of the mediation section: the closure outcomes and the agreements' performance.

- 防止民转刑 / 防止自杀 / 制止群体性上访: cases closed in the window (any kind) on which the approved closure
  recorded the outcome (domain/closure_outcomes.py); the persons are the head counts recorded with it. Only
  recorded facts count: a case closed before outcomes were recorded has none (no guess from risk flags).
- 履行情况 (全部 / 部分 / 未履行): the effective agreements whose performance fell due in the window — their
  last term deadline, or the day they took effect when no term has a deadline — by what their terms record
  now (domain.mediation_rules.agreement_performance), so the three always add up to the agreements due.
  Only the agreements that can fall due in the windows are read: those with a term whose deadline, or that
  took effect on a day, in them (found through the indexes on the deadline and the effective day).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, select, true, union

from ...domain.closure_outcomes import ClosureOutcome
from ...domain.enums import CaseStatus
from ...domain.mediation_rules import Performance
from ...store.models import Agreement, AgreementTerm, Case
from ...store.models_stats import CLOSURE_OUTCOME_RECORDED
from .statistics_tally import Cells, Tally


def closure_outcome_figures(t: Tally) -> dict[str, Cells]:
    """{"prevented_crime": cases, "prevented_crime_persons": persons, …} by the day the case was closed."""
    figures: dict[str, Any] = {}
    for outcome in ClosureOutcome:
        flag = getattr(Case, outcome.value).is_(True)
        figures[outcome.value] = flag
        figures[f"{outcome.value}_persons"] = (flag, func.coalesce(getattr(Case, f"{outcome.value}_persons"), 0))
    # The very condition of the partial index of such cases (store/models_stats.py), so it answers this.
    scope = and_(Case.deleted_at.is_(None), t.within(Case.owner_unit_id), Case.status == CaseStatus.CLOSED.value,
                 CLOSURE_OUTCOME_RECORDED)
    return t.sums(Case.owner_unit_id, scope, figures, moment=Case.closed_at)


def performance_figures(t: Tally) -> dict[str, Cells]:
    """{"due": agreements due in the window, "full": …, "partial": …, "none": …}."""
    live = AgreementTerm.deleted_at.is_(None)
    first, last = t.days(t.span)
    # An agreement falls due on its last term deadline, or (no term has one) on the day it took effect: either
    # way on the deadline of one of its terms or on that day, so these candidates hold every one due in the
    # windows (the due day is compared exactly below).
    on_postgres = t.uow.s.get_bind().dialect.name == "postgresql"
    terms_due = [live, AgreementTerm.deadline >= first, AgreementTerm.deadline <= last]
    took_effect = [Agreement.deleted_at.is_(None), Agreement.effective_on >= first, Agreement.effective_on <= last]
    if on_postgres and not t.everything:
        # A subtree: only its own agreements (through the indexes by unit of 0027), not every agreement of the
        # database due in the windows.
        terms_due.append(AgreementTerm.agreement_id.in_(
            select(Agreement.id).where(Agreement.deleted_at.is_(None), t.within(Agreement.owner_unit_id))))
        took_effect.append(t.within(Agreement.owner_unit_id))
    candidates = union(select(AgreementTerm.agreement_id).where(*terms_due), select(Agreement.id).where(*took_effect))
    done = AgreementTerm.performance == Performance.DONE.value
    some = AgreementTerm.performance.in_((Performance.DONE.value, Performance.PARTIAL.value))
    aggregates = (func.max(AgreementTerm.deadline).label("last_deadline"), func.count(AgreementTerm.id).label("n"),
                  func.sum(case((done, 1), else_=0)).label("done"), func.sum(case((some, 1), else_=0)).label("some"))
    if on_postgres:
        # Each candidate's terms through the index by agreement (one short range per agreement): grouping the
        # terms of the candidates read every term of the database (the server hash-joins them, whatever the
        # candidates' number).
        terms: Any = select(*aggregates).where(live, AgreementTerm.agreement_id == Agreement.id).lateral("terms")
        joined: Any = true()
    else:
        terms = (select(AgreementTerm.agreement_id.label("agreement_id"), *aggregates)
                 .where(live, AgreementTerm.agreement_id.in_(candidates)).group_by(AgreementTerm.agreement_id)
                 .subquery())
        joined = terms.c.agreement_id == Agreement.id
    n, n_done, n_some = (func.coalesce(c, 0) for c in (terms.c.n, terms.c.done, terms.c.some))
    due = func.coalesce(terms.c.last_deadline, Agreement.effective_on)
    rows = (select(Agreement.owner_unit_id.label("owner"), due.label("due"), n.label("n"),
                   n_done.label("done"), n_some.label("some"))
            .select_from(Agreement).outerjoin(terms, joined)
            .where(Agreement.id.in_(candidates), Agreement.deleted_at.is_(None), Agreement.effective_on.is_not(None),
                   t.live_case(Agreement.case_id), t.within(Agreement.owner_unit_id))
            .subquery())

    def due_in(condition: Any) -> Callable[[datetime, datetime], Any]:
        def in_window(start: datetime, end: datetime) -> Any:
            lo, hi = t.days((start, end))
            return and_(rows.c.due >= lo, rows.c.due <= hi, condition)
        return in_window

    full = and_(rows.c.n > 0, rows.c.done == rows.c.n)
    return t.sums(rows.c.owner, and_(rows.c.due >= first, rows.c.due <= last), {
        "due": due_in(true()),
        "full": due_in(full),
        "partial": due_in(and_(rows.c.some > 0, ~full)),
        "none": due_in(rows.c.some == 0),
    })
