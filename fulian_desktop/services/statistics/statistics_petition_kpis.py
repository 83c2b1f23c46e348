"""The petition KPIs of the monthly report: 及时受理率, 按期办结率 and 满意率, each on ONE cohort.

- 及时受理率: petition cases whose acceptance decision (受理、不予受理 or 转办, which stops the 信访告知 clock of
  信访工作条例第二十三条) fell in the window; on time when it stopped before its deadline (15 days from receipt, plus
  any days the clock stood still). The clock row keeps both moments, so the database compares them.
- 按期办结率: petition cases closed in the window; on time when closed before the deadline of their 信访办结 clock
  (60 days from acceptance, or the extended limit: 第三十四条). A closed case with no such clock (closed without
  being accepted through the workflow) counts as not on time: nothing shows it was.
- 满意率: the same closed cases, by the petitioner's evaluation: the latest follow-up visit made at or after the
  closure if there is one, else the evaluation recorded with the closure opinion (Case.petition_evaluation);
  满意 and 基本满意 over the cases with an evaluation; 未评价 shown beside, outside the rate.

Figures of one cohort come from one grouped pass (``Tally.sums``) for both windows.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select, true

from ...domain.clocks import ClockKind
from ...domain.enums import CaseKind, CaseStatus
from ...domain.mediation_rules import Satisfaction
from ...store.models import Case, CaseClock, FollowUpVisit
from .statistics_tally import Cells, Tally, add, count_row, rate_row
from .statistics_views import StatRow

GROUP = "办理时效与评价"
EVALUATIONS = (("eval_satisfied", Satisfaction.SATISFIED), ("eval_basically", Satisfaction.BASICALLY),
               ("eval_unsatisfied", Satisfaction.UNSATISFIED))

NOTES = (
    "及时受理率：统计期内作出受理决定（受理、不予受理或转办，即“信访告知”时限停止）的信访案件中，在收到信访事项之日起15日内"
    "（暂停计时的天数不计入）作出的件数÷作出决定的件数。",
    "按期办结率：统计期内结案的信访案件中，在“信访办结”时限内（受理之日起60日，经批准延长的按延长后的期限）结案的件数÷"
    "结案件数；未经受理即结案、没有办结时限记录的，计为未按期。",
    "满意率：统计期内结案的信访案件中，信访人评价为“满意”和“基本满意”的件数÷有评价的件数（满意、基本满意、不满意）；"
    "评价取结案后最近一次回访的满意度，没有回访的取结案时记录的信访人评价；未评价的单列，不计入分母。",
)


@dataclass(frozen=True)
class Cohort:
    """One KPI's cases: the rows (`scope`, with the moment that puts a row in a window), the case each row is,
    and the figures counted over them (conditions). The report counts them (`Tally.sums`); the dashboard lists
    the cases behind a figure from the same conditions (`figure_case_ids`), so the two cannot disagree."""

    owner: Any
    case_id: Any
    moment: Any
    scope: Any
    figures: dict[str, Any]


def acceptance_cohort(within: Any) -> Cohort:
    """Acceptance clocks stopped in the window, and those stopped before their deadline."""
    scope = and_(CaseClock.kind == ClockKind.PETITION_ACCEPTANCE.value, CaseClock.deleted_at.is_(None),
                 CaseClock.stopped_at.is_not(None), within(CaseClock.owner_unit_id),
                 Tally.live_case(CaseClock.case_id))
    timely = and_(CaseClock.due_at.is_not(None), CaseClock.stopped_at < CaseClock.due_at)
    return Cohort(CaseClock.owner_unit_id, CaseClock.case_id, CaseClock.stopped_at, scope,
                  {"accept_decided": true(), "accept_timely": timely})


def closure_cohort(within: Any, *, hashed_visits: datetime | None = None) -> Cohort:
    """Petition cases closed in the window: on time or not, and by the petitioner's evaluation."""
    on_time = Tally.any_row(CaseClock.due_at, CaseClock.case_id == Case.id, CaseClock.deleted_at.is_(None),
                            CaseClock.kind == ClockKind.PETITION_CONCLUSION.value, CaseClock.due_at.is_not(None),
                            Case.closed_at < CaseClock.due_at)
    latest_visit = (select(FollowUpVisit.satisfaction)
                    .where(FollowUpVisit.case_id == Case.id, FollowUpVisit.deleted_at.is_(None),
                           FollowUpVisit.visited_at >= Case.closed_at)
                    .order_by(FollowUpVisit.visited_at.desc()).limit(1).scalar_subquery())
    evaluation = func.coalesce(latest_visit, Case.petition_evaluation)
    if hashed_visits is not None:
        # PostgreSQL: most closed cases have no follow-up visit; the cases that have one are read once (a hashed
        # set), so the others skip the per-case lookup of their latest visit. (SQLite would read the whole visit
        # index for that set: its per-case lookup through the index is cheaper.) `hashed_visits` is the earliest
        # moment a counted case can have closed: only a visit since then can follow a closure, so the set holds
        # the visits from then on (through the index by moment), not every visit of the database.
        visited = Case.id.in_(select(FollowUpVisit.case_id).where(FollowUpVisit.deleted_at.is_(None),
                                                                  FollowUpVisit.visited_at >= hashed_visits))
        evaluation = func.coalesce(case((visited, latest_visit)), Case.petition_evaluation)
    known = [member.value for _key, member in EVALUATIONS]
    scope = and_(Case.kind == CaseKind.PETITION.value, Case.deleted_at.is_(None), within(Case.owner_unit_id),
                 Case.status == CaseStatus.CLOSED.value)
    ok = [Satisfaction.SATISFIED.value, Satisfaction.BASICALLY.value]
    figures = {"concluded": true(), "concluded_on_time": on_time,
               **{key: evaluation == member.value for key, member in EVALUATIONS},
               "eval_none": or_(evaluation.is_(None), evaluation.not_in(known)),
               # The rate's two counts, as conditions too: the dashboard lists their cases.
               "evaluated": evaluation.in_(known), "evaluated_satisfied": evaluation.in_(ok)}
    return Cohort(Case.owner_unit_id, Case.id, Case.closed_at, scope, figures)


# Which cohort holds each figure (the report's row keys).
FIGURES: dict[str, Any] = {key: acceptance_cohort for key in ("accept_decided", "accept_timely")} | {
    key: closure_cohort for key in ("concluded", "concluded_on_time", "eval_satisfied", "eval_basically",
                                    "eval_unsatisfied", "eval_none", "evaluated", "evaluated_satisfied")}


def figure_case_ids(figure: str, within: Any, start: datetime, end: datetime) -> Select[Any]:
    """The ids of the cases behind one figure (a report row key) in the window [start, end)."""
    cohort = FIGURES[figure](within)
    return (select(cohort.case_id).where(cohort.scope, cohort.moment >= start, cohort.moment < end,
                                         cohort.figures[figure]))


def _counted(t: Tally, cohort: Cohort, keys: tuple[str, ...]) -> dict[str, Cells]:
    figures = {key: cohort.figures[key] for key in keys}
    if t.uow.s.get_bind().dialect.name != "postgresql":
        return t.sums(cohort.owner, cohort.scope, figures, moment=cohort.moment)
    # PostgreSQL: each row's figures worked out once (MATERIALIZED), then counted for both windows; counted
    # straight, every figure was worked out once per window (a case's clock and its latest visit looked up twice).
    lo, hi = min(t.period[0], t.year[0]), max(t.period[1], t.year[1])
    rows = (select(cohort.owner.label("owner"), cohort.moment.label("moment"),
                   *(case((condition, 1), else_=0).label(f"f{i}") for i, condition in enumerate(figures.values())))
            .where(cohort.scope, cohort.moment >= lo, cohort.moment < hi)
            .cte("kpi_rows").prefix_with("MATERIALIZED"))
    return t.sums(rows.c.owner, true(), {key: rows.c[f"f{i}"] == 1 for i, key in enumerate(figures)},
                  moment=rows.c.moment)


def kpi_cells(t: Tally) -> dict[str, Cells]:
    """Every KPI figure, by tier and for the year to date: two grouped passes."""
    on_postgres = t.uow.s.get_bind().dialect.name == "postgresql"
    # The hashed set of visited cases pays for the whole tree's closed cases; a subtree's few hundred look their
    # latest visit up by key (the set would be built once per figure, each time from every visit since then).
    since = min(t.period[0], t.year[0]) if on_postgres and t.everything else None
    closed = _counted(t, closure_cohort(t.within, hashed_visits=since), ("concluded", "concluded_on_time",
                                                     *(key for key, _member in EVALUATIONS)))
    closed["evaluated"] = add(*(closed[key] for key, _member in EVALUATIONS))
    # 未评价 is every other closed case (its condition is the complement of the three): subtracted, not counted,
    # as each count re-reads the evaluation per case.
    closed["eval_none"] = _minus(closed["concluded"], closed["evaluated"])
    closed["evaluated_satisfied"] = add(closed["eval_satisfied"], closed["eval_basically"])
    return _counted(t, acceptance_cohort(t.within), ("accept_decided", "accept_timely")) | closed


def _minus(whole: Cells, part: Cells) -> Cells:
    return Cells({tier: n - part.tiers.get(tier, 0) for tier, n in whole.tiers.items()}, whole.ytd - part.ytd)


def petition_kpi_rows(t: Tally) -> list[StatRow]:
    """The KPI rows of section 二 (keys listed in statistics_checks for the identities)."""
    closed = kpi_cells(t)
    evaluated, satisfied = closed["evaluated"], closed["evaluated_satisfied"]
    g = GROUP
    return [
        count_row("accept_decided", "作出受理决定件数（本期）", closed["accept_decided"], group=g),
        count_row("accept_timely", "其中15日内作出", closed["accept_timely"], group=g),
        rate_row("timely_acceptance_rate", "及时受理率", closed["accept_timely"], closed["accept_decided"], group=g),
        count_row("concluded", "信访案件结案数（本期结案）", closed["concluded"], group=g),
        count_row("concluded_on_time", "其中按期办结", closed["concluded_on_time"], group=g),
        rate_row("on_time_rate", "按期办结率", closed["concluded_on_time"], closed["concluded"], group=g),
        *(count_row(key, f"信访人评价：{member.label}", closed[key], group=g) for key, member in EVALUATIONS),
        count_row("eval_none", "信访人评价：未评价", closed["eval_none"], group=g),
        count_row("evaluated", "有评价件数", evaluated, group=g),
        count_row("evaluated_satisfied", "其中满意和基本满意", satisfied, group=g),
        rate_row("petitioner_satisfaction_rate", "满意率（信访人评价）", satisfied, evaluated, group=g),
    ]


__all__ = ["petition_kpi_rows", "kpi_cells", "figure_case_ids", "FIGURES", "Cohort", "NOTES", "GROUP"]
