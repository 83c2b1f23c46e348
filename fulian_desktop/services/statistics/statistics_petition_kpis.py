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

from sqlalchemy import and_, exists, func, or_, select, true

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


def _acceptance(t: Tally) -> dict[str, Cells]:
    """Acceptance clocks stopped in the window, and those stopped before their deadline."""
    scope = and_(CaseClock.kind == ClockKind.PETITION_ACCEPTANCE.value, CaseClock.deleted_at.is_(None),
                 CaseClock.stopped_at.is_not(None), t.within(CaseClock.owner_unit_id),
                 t.live_case(CaseClock.case_id))
    timely = and_(CaseClock.due_at.is_not(None), CaseClock.stopped_at < CaseClock.due_at)
    return t.sums(CaseClock.owner_unit_id, scope, {"decided": true(), "timely": timely}, moment=CaseClock.stopped_at)


def _closures(t: Tally) -> dict[str, Cells]:
    """Petition cases closed in the window: on time or not, and by the petitioner's evaluation."""
    on_time = exists().where(CaseClock.case_id == Case.id, CaseClock.deleted_at.is_(None),
                             CaseClock.kind == ClockKind.PETITION_CONCLUSION.value, CaseClock.due_at.is_not(None),
                             Case.closed_at < CaseClock.due_at)
    latest_visit = (select(FollowUpVisit.satisfaction)
                    .where(FollowUpVisit.case_id == Case.id, FollowUpVisit.deleted_at.is_(None),
                           FollowUpVisit.visited_at >= Case.closed_at)
                    .order_by(FollowUpVisit.visited_at.desc()).limit(1).scalar_subquery())
    evaluation = func.coalesce(latest_visit, Case.petition_evaluation)
    known = [member.value for _key, member in EVALUATIONS]
    scope = and_(Case.kind == CaseKind.PETITION.value, Case.deleted_at.is_(None), t.within(Case.owner_unit_id),
                 Case.status == CaseStatus.CLOSED.value)
    figures = {"concluded": true(), "on_time": on_time,
               **{key: evaluation == member.value for key, member in EVALUATIONS},
               "eval_none": or_(evaluation.is_(None), evaluation.not_in(known))}
    return t.sums(Case.owner_unit_id, scope, figures, moment=Case.closed_at)


def petition_kpi_rows(t: Tally) -> list[StatRow]:
    """The KPI rows of section 二 (keys listed in statistics_checks for the identities)."""
    accepted, closed = _acceptance(t), _closures(t)
    evaluated = add(*(closed[key] for key, _member in EVALUATIONS))
    satisfied = add(closed["eval_satisfied"], closed["eval_basically"])
    g = GROUP
    return [
        count_row("accept_decided", "作出受理决定件数（本期）", accepted["decided"], group=g),
        count_row("accept_timely", "其中15日内作出", accepted["timely"], group=g),
        rate_row("timely_acceptance_rate", "及时受理率", accepted["timely"], accepted["decided"], group=g),
        count_row("concluded", "信访案件结案数（本期结案）", closed["concluded"], group=g),
        count_row("concluded_on_time", "其中按期办结", closed["on_time"], group=g),
        rate_row("on_time_rate", "按期办结率", closed["on_time"], closed["concluded"], group=g),
        *(count_row(key, f"信访人评价：{member.label}", closed[key], group=g) for key, member in EVALUATIONS),
        count_row("eval_none", "信访人评价：未评价", closed["eval_none"], group=g),
        count_row("evaluated", "有评价件数", evaluated, group=g),
        count_row("evaluated_satisfied", "其中满意和基本满意", satisfied, group=g),
        rate_row("petitioner_satisfaction_rate", "满意率（信访人评价）", satisfied, evaluated, group=g),
    ]


__all__ = ["petition_kpi_rows", "NOTES", "GROUP"]
