"""Sections three to five of the monthly report: marriage mediation, crisis intervention, screening."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, or_, select, true
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.orm import aliased

from ...domain.enums import COMPLAINT_CATEGORIES, CaseKind, CaseStatus
from ...domain.intake_rules import IntakeDecision
from ...domain.mediation_rules import MarriageOutcome
from ...domain.risk import RiskLevel
from ...domain.screening_rules import EntryStatus
from ...store.models import (
    Case,
    CounsellingSession,
    CrisisAction,
    IntakeRecord,
    ProtectionOrder,
    RiskAssessment,
    ScreeningEntry,
    ScreeningVisit,
)
from .statistics_outcomes import outcome_figures
from .statistics_tally import Cells, Tally, Window, add, case_is, category_rows, count_row, rate_row
from .statistics_views import StatRow, StatSection

MARRIAGE = "婚姻家庭"
ENDED = tuple(s.value for s in (CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.TRANSFERRED,
                                CaseStatus.TERMINATED))
LEVELS = (RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW)
MARRIAGE_CONSULTATION = and_(IntakeRecord.decision == IntakeDecision.CONSULTATION.value,
                             IntakeRecord.category == MARRIAGE)


def marriage_accepted():  # noqa: ANN201
    """A marriage/family mediation case that was accepted (not merely registered, not rejected)."""
    return and_(Case.kind == CaseKind.MEDIATION.value, Case.status != CaseStatus.REJECTED.value,
                or_(Case.dispute_type == MARRIAGE, Case.category == MARRIAGE),
                Case.status != CaseStatus.REGISTERED.value)


def case_figures(t: Tally) -> dict:
    """Every figure about cases opened in the window, counted in one pass over them (per window); cached
    on the tally, as the mediation, marriage and crisis sections all use it."""
    if getattr(t, "_case_figures", None) is not None:
        return t._case_figures
    mediation = and_(Case.kind == CaseKind.MEDIATION.value, Case.status != CaseStatus.REJECTED.value)
    figures = {
        "mediated": mediation,
        "crisis_cases": Case.kind == CaseKind.CRISIS.value,
        "dv_cases": Case.domestic_violence.is_(True),
        "major_incidents": Case.major_incident.is_(True),
    }
    scope = and_(Case.deleted_at.is_(None), t.within(Case.owner_unit_id))
    t._case_figures = t.sums(Case.owner_unit_id, scope, figures, moment=Case.opened_at)
    return t._case_figures


def intake_figures(t: Tally) -> dict[str, Cells]:
    """The reception register's totals in one pass over the contacts of both windows (cached on the tally):
    used by the petition and marriage (咨询) sections."""
    cached = getattr(t, "_intake_figures", None)
    if cached is not None:
        return cached
    people = IntakeRecord.people_count
    group, repeat = IntakeRecord.is_group.is_(True), IntakeRecord.is_repeat.is_(True)
    on_the_spot = (IntakeDecision.ANSWERED.value, IntakeDecision.CONSULTATION.value, IntakeDecision.TRANSFER.value,
                   IntakeDecision.REJECT.value)
    case_ended = case_is(IntakeRecord.case_id, Case.status.in_(ENDED), Case.status.not_in(ENDED))
    figures = {
        "matters": true(), "persons": (true(), people), "group": group, "group_persons": (group, people),
        "repeat": repeat, "repeat_persons": (repeat, people),
        "handled": IntakeRecord.decision.in_(on_the_spot) | case_ended,
        "marriage_consultations": MARRIAGE_CONSULTATION,
    }
    scope = and_(IntakeRecord.deleted_at.is_(None), t.within(IntakeRecord.owner_unit_id))
    t._intake_figures = t.sums(IntakeRecord.owner_unit_id, scope, figures, moment=IntakeRecord.received_at)
    return t._intake_figures


def marriage_consultations(t: Tally) -> Cells:
    """婚姻家庭咨询: from the reception register's pass when the report has made it (the petition section), else
    counted alone (the same condition), so the section on its own does not count every petition figure."""
    cached = getattr(t, "_intake_figures", None)
    if cached is not None:
        return cached["marriage_consultations"]
    scope = and_(IntakeRecord.deleted_at.is_(None), t.within(IntakeRecord.owner_unit_id))
    return t.sums(IntakeRecord.owner_unit_id, scope, {"marriage_consultations": MARRIAGE_CONSULTATION},
                  moment=IntakeRecord.received_at)["marriage_consultations"]


def _case_record(t: Tally, model):  # noqa: ANN001, ANN202
    """The live rows of a case's table (assessments, orders …) within the subtree, their case live."""
    return and_(model.deleted_at.is_(None), t.live_case(model.case_id), t.within(model.owner_unit_id))


def _case_bound(t: Tally, model, moment, start, end, *where):  # noqa: ANN001, ANN202
    """Rows of a case's table (sessions, assessments …) dated in the window, by their (the case's) unit."""
    return (select(model.owner_unit_id, func.count(model.id))
            .where(model.deleted_at.is_(None), t.live_case(model.case_id), t.within(model.owner_unit_id),
                   moment >= start, moment < end, *where).group_by(model.owner_unit_id))


def subtype_rows(t: Tally, prefix: str, group: str, query, order: dict[str, tuple[str, ...]]) -> list[StatRow]:  # noqa: ANN001
    """Sub-type rows of the categories in `order`: `query(start, end)` selects (owner unit, category, sub-type,
    n), or `query` is those counts already made ({(category, sub-type): Cells}). Each category gets its
    prescribed sub-types (zeros included), any other recorded one, and 未填子类 for records without a sub-type,
    so its rows add up to the category's row."""
    found = query if isinstance(query, dict) else t.grouped(query)
    rows: list[StatRow] = []
    for category, subs in order.items():
        mine = {sub: cells for (cat, sub), cells in found.items() if cat == category}
        for r in category_rows(f"{prefix}:{category}", group, subs, mine, other="未填子类"):
            rows.append(StatRow(r.key, f"{category}·{r.label}", r.values, r.kind, r.group, r.unit))
    return rows


# --- marriage mediation ------------------------------------------------------------------------------

def marriage_section(t: Tally) -> StatSection:
    outcomes = outcome_figures(t)

    def outcome(value: str):  # noqa: ANN202
        return outcomes[f"m_{value}"]


    consultations = marriage_consultations(t)
    reconciled = outcome(MarriageOutcome.RECONCILED.value)
    persuaded = outcome(MarriageOutcome.WITHDRAWN_PERSUADED.value)
    guided = outcome(MarriageOutcome.GUIDED_DIVORCE.value)
    agreed = outcome(MarriageOutcome.AGREEMENT.value)
    failed = outcome(MarriageOutcome.FAILED.value)
    counselling = t.cells(lambda s, e: _case_bound(t, CounsellingSession, CounsellingSession.held_at, s, e))
    by_subtype = t.grouped(lambda s, e: select(Case.owner_unit_id, Case.sub_category, func.count(Case.id))
                           .where(Case.deleted_at.is_(None), t.within(Case.owner_unit_id), marriage_accepted(),
                                  Case.opened_at >= s, Case.opened_at < e)
                           .group_by(Case.owner_unit_id, Case.sub_category))
    # Accepted: the sub-types' rows add up to it (未填子类 included), so no other pass over the cases.
    accepted = add(*by_subtype.values())
    outcomes = add(reconciled, persuaded, guided, agreed, failed)
    g, g2, g3 = "婚姻家庭纠纷调解", "受理按子类", "调处结果"
    rows = [
        count_row("consultations", "婚姻家庭咨询", consultations, group=g, unit="次"),
        count_row("accepted", "受理婚姻家庭纠纷", accepted, group=g),
    ]
    rows += category_rows("subtype", g2, COMPLAINT_CATEGORIES[MARRIAGE], by_subtype, other="未填子类")
    rows += [
        count_row("outcomes", "记录调处结果的案件", outcomes, group=g3),
        count_row("reconciled", "调和", reconciled, group=g3),
        count_row("persuaded", "劝回", persuaded, group=g3),
        count_row("guided_divorce", "指导协议离婚登记", guided, group=g3),
        count_row("agreement", "调解成功（达成协议）", agreed, group=g3),
        count_row("failed", "调解不成", failed, group=g3),
        rate_row("reconciliation_rate", "和好率（调和＋劝回）", add(reconciled, persuaded), outcomes, group=g3),
        count_row("counselling_sessions", "心理疏导次数", counselling, group=g3, unit="次"),
    ]
    notes = ("婚姻家庭纠纷：纠纷类型或投诉类别为“婚姻家庭”的调解类案件（不予受理的除外）；受理：其中统计期内登记并已受理的，"
             "按案件子类（家庭暴力、离婚问题、赡养、抚养……）分列，未选子类的计入“未填子类”。",
             "调和、劝回、指导协议离婚、调解成功、调解不成：统计期内记录该结果的案件（按现结果），不论何时登记。"
             "和好率只在这一批案件上计算：（调和＋劝回）÷统计期内记录调处结果的案件，故不会超过100%。",
             "咨询：统计期内处理方式为“咨询”、类别为婚姻家庭的接待登记；心理疏导次数：统计期内进行的心理疏导次数。")
    return StatSection("marriage", "三、婚姻家庭纠纷调解", tuple(rows), notes)


# --- crisis intervention -----------------------------------------------------------------------------

def crisis_section(t: Tally) -> StatSection:
    cohort = case_figures(t)
    crisis, dv, major = cohort["crisis_cases"], cohort["dv_cases"], cohort["major_incidents"]
    g1, g2 = "案件", "风险评估与处置"
    rows = [count_row("crisis_cases", "危机干预案件", crisis, group=g1),
            count_row("dv_cases", "家庭暴力案件", dv, group=g1),
            count_row("major_incidents", "重大案事件", major, group=g1)]
    # One pass per table for both windows: the assessments by level, the orders, the actions by kind.
    levels = t.sums(RiskAssessment.owner_unit_id, _case_record(t, RiskAssessment),
                    {lv.value: RiskAssessment.final_level == lv.value for lv in LEVELS}, moment=RiskAssessment.assessed_at)
    for level in LEVELS:
        rows.append(count_row(f"risk:{level.value}", f"风险评估：{level.label}风险", levels[level.value], group=g2,
                              unit="次"))
    orders = _case_record(t, ProtectionOrder)
    applied = t.sums(ProtectionOrder.owner_unit_id, orders, {"applied": true()},
                     moment=ProtectionOrder.applied_at)["applied"]

    def issued_in(s, e):  # noqa: ANN001, ANN202
        first, last = t.days((s, e))
        return and_(ProtectionOrder.issued_on >= first, ProtectionOrder.issued_on <= last)
    issued = t.sums(ProtectionOrder.owner_unit_id, and_(orders, issued_in(*t.span)), {"issued": issued_in})["issued"]
    rows += [count_row("orders_applied", "申请人身安全保护令", applied, group=g2),
             count_row("orders_issued", "法院作出保护令", issued, group=g2)]
    kinds = (("warning_letter", "公安告诫书"), ("shelter", "临时庇护"), ("mandatory_report", "强制报告"))
    actions = t.sums(CrisisAction.owner_unit_id, _case_record(t, CrisisAction),
                     {kind: CrisisAction.kind == kind for kind, _label in kinds}, moment=CrisisAction.at)
    for kind, label in kinds:
        rows.append(count_row(f"action:{kind}", label, actions[kind], group=g2, unit="次"))
    notes = ("案件按登记日期计；风险评估按评估时间、以最终风险等级计；保护令申请按申请时间、作出按作出日期计；"
             "告诫书、庇护、强制报告按处置记录时间计。",)
    return StatSection("crisis", "四、危机干预与反家暴", tuple(rows), notes)


# --- dispute screening -------------------------------------------------------------------------------

def _entries(t: Tally, *columns):  # noqa: ANN001, ANN202
    return (select(ScreeningEntry.owner_unit_id, *columns)
            .where(ScreeningEntry.deleted_at.is_(None), t.within(ScreeningEntry.owner_unit_id)))


def _resolved_before(moment):  # noqa: ANN001, ANN202
    """Resolved before the local midnight `moment`: on its resolution day, or for entries resolved before that
    column existed, at their last change (frozen since; as screening_views.resolved_on counts it)."""
    day = moment.date()
    return and_(ScreeningEntry.status == EntryStatus.RESOLVED.value,
                or_(ScreeningEntry.resolved_on < day,
                    and_(ScreeningEntry.resolved_on.is_(None), ScreeningEntry.updated_at < moment)))


class _WholeTreeJoins(NamedTuple):
    """The whole register's visits, cases and last visits, each read once and joined to the entries by id."""

    seen: Any         # per entry: 1 in column `w` when visited in window `w`
    opened: Any       # per entry with a case opened in the windows: that case's opening moment
    last_level: Any   # per entry: the risk level of its last visit before the period's end


def _whole_tree_joins(t: Tally, windows: dict[str, Window], last_day: date) -> _WholeTreeJoins:
    """PostgreSQL, whole tree (a million cases: 128,427 entries). Each part replaces a look-up or a set per entry:
    `id IN (the window's visits)` is hashed only while the ids fit in work_mem, past that the server re-read the
    visits for every entry (over six minutes); each entry's last visit looked up by key took 1.4 s. The cases: an
    inner join of the entries that have one, not the entries outer-joined on their case ids, whose hash join put
    the NULLs of the many entries without a case into one bucket (48 s)."""
    first = min(t.days(window)[0] for window in windows.values())
    last = max(t.days(window)[1] for window in windows.values())
    seen = (select(ScreeningVisit.entry_id,
                   *(func.max(case((ScreeningVisit.visited_on.between(*t.days(window)), 1), else_=0)).label(w)
                     for w, window in windows.items()))
            .where(ScreeningVisit.deleted_at.is_(None), ScreeningVisit.visited_on >= first,
                   ScreeningVisit.visited_on <= last)
            .group_by(ScreeningVisit.entry_id).subquery("seen"))
    entry = aliased(ScreeningEntry)
    opened = (select(entry.id.label("entry_id"), Case.opened_at)
              .join(Case, Case.id == entry.case_id)
              .where(entry.case_id.is_not(None), entry.deleted_at.is_(None),
                     Case.opened_at >= min(w[0] for w in windows.values()),
                     Case.opened_at < max(w[1] for w in windows.values()))
              .subquery("entry_case"))
    last_level = (select(ScreeningVisit.entry_id, ScreeningVisit.risk_level)
                  .where(ScreeningVisit.deleted_at.is_(None), ScreeningVisit.visited_on <= last_day)
                  .ext(distinct_on(ScreeningVisit.entry_id))
                  .order_by(ScreeningVisit.entry_id.desc(), ScreeningVisit.visited_on.desc(),
                            ScreeningVisit.created_at.desc()).subquery("last_level"))
    return _WholeTreeJoins(seen, opened, last_level)


def screening_section(t: Tally) -> StatSection:
    # Three ways to read the register's visits and cases. PostgreSQL, whole tree: joined in bulk
    # (_whole_tree_joins). PostgreSQL, a subtree: each entry's looked up by key (the sets would read the whole
    # database's visits and cases of the windows for a register of a few thousand entries; a scalar subquery, as
    # the server would turn an EXISTS back into such a set). SQLite: the windows' visits and cases read once from
    # their indexes by day, as sets.
    on_postgres = t.uow.s.get_bind().dialect.name == "postgresql"
    by_key = on_postgres and not t.everything
    windows = {"p": t.period} if t.year == t.period else {"p": t.period, "y": t.year}
    end = t.period[1]
    last_day = end.date() - timedelta(days=1)
    bulk = _whole_tree_joins(t, windows, last_day) if on_postgres and t.everything else None
    window_of = {t.days(window): w for w, window in windows.items()}

    def found(column, *where):  # noqa: ANN001, ANN202
        return select(column).where(*where).limit(1).scalar_subquery().is_not(None)

    def visits_in(first, last):  # noqa: ANN001, ANN202
        if bulk is not None:
            return bulk.seen.c[window_of[(first, last)]] == 1
        if by_key:
            return found(ScreeningVisit.entry_id, ScreeningVisit.entry_id == ScreeningEntry.id,
                         ScreeningVisit.deleted_at.is_(None), ScreeningVisit.visited_on >= first,
                         ScreeningVisit.visited_on <= last)
        return ScreeningEntry.id.in_(select(ScreeningVisit.entry_id).where(
            ScreeningVisit.deleted_at.is_(None), ScreeningVisit.visited_on >= first, ScreeningVisit.visited_on <= last))

    def screened(s, e):  # noqa: ANN001, ANN202
        first, last = t.days((s, e))
        return and_(ScreeningEntry.created_at >= s, ScreeningEntry.created_at < e) | visits_in(first, last)

    def visited(s, e):  # noqa: ANN001, ANN202
        first, last = t.days((s, e))
        return and_(ScreeningVisit.visited_on >= first, ScreeningVisit.visited_on <= last)

    def on_register(s, e):  # noqa: ANN001, ANN202
        return and_(ScreeningEntry.created_at < e, ~_resolved_before(s))

    def resolved(s, e):  # noqa: ANN001, ANN202
        return and_(_resolved_before(e), ~_resolved_before(s))

    def at_end(e):  # noqa: ANN001, ANN202
        return and_(ScreeningEntry.created_at < e, ~_resolved_before(e))

    def cases_opened(s, e):  # noqa: ANN001, ANN202
        if bulk is not None:
            return and_(bulk.opened.c.opened_at >= s, bulk.opened.c.opened_at < e)
        if by_key:
            return and_(ScreeningEntry.case_id.is_not(None),
                        found(Case.id, Case.id == ScreeningEntry.case_id, Case.opened_at >= s, Case.opened_at < e))
        return and_(ScreeningEntry.case_id.is_not(None),
                    ScreeningEntry.case_id.in_(select(Case.id).where(Case.opened_at >= s, Case.opened_at < e)))

    # ONE pass over the register (materialized, so each condition is evaluated once per entry) gives every
    # per-entry figure for both windows, and the risk level and person of each entry still on the register at
    # the period's end (the level: that of the last visit before the end, else the entry's own).
    if bulk is not None:
        last_visit = bulk.last_level.c.risk_level
    else:
        last_visit = (select(ScreeningVisit.risk_level).where(
            ScreeningVisit.entry_id == ScreeningEntry.id, ScreeningVisit.deleted_at.is_(None),
            ScreeningVisit.visited_on <= last_day)
            .order_by(ScreeningVisit.visited_on.desc(), ScreeningVisit.created_at.desc()).limit(1)
            .correlate(ScreeningEntry).scalar_subquery())
    figures = {"screened": screened, "on_register": on_register, "resolved": resolved, "cases_opened": cases_opened}
    flags = [case((figure(*window), 1), else_=0).label(f"{key}_{w}")
             for key, figure in figures.items() for w, window in windows.items()]
    register = _entries(t, *flags,
                        case((at_end(end), func.coalesce(last_visit, ScreeningEntry.risk_level))).label("level"),
                        case((at_end(end), ScreeningEntry.person_id)).label("person"))
    if bulk is not None:
        for part in bulk:
            register = register.outerjoin(part, part.c.entry_id == ScreeningEntry.id)
    register = register.cte("screening_register").prefix_with("MATERIALIZED")
    year_key = "y" if "y" in windows else "p"
    counted = [func.sum(register.c[f"{key}_{w}"]) for key in figures for w in ("p", year_key)]
    counted += [func.sum(case((register.c.level == lv.value, 1), else_=0)) for lv in LEVELS]
    counted.append(func.count(func.distinct(register.c.person)))
    tiers: dict[str, dict[str, int]] = {key: {} for key in (*figures, *(lv.value for lv in LEVELS), "key_persons")}
    ytd = dict.fromkeys(figures, 0)
    for unit, *values in t.uow.s.execute(select(register.c.owner_unit_id, *counted)
                                         .group_by(register.c.owner_unit_id)).all():
        tier = t.tier_of.get(unit, "")
        for i, key in enumerate(figures):
            tiers[key][tier] = tiers[key].get(tier, 0) + int(values[2 * i] or 0)
            ytd[key] += int(values[2 * i + 1] or 0)
        for key, n in zip((*(lv.value for lv in LEVELS), "key_persons"), values[2 * len(figures):]):
            tiers[key][tier] = tiers[key].get(tier, 0) + int(n or 0)
    f = {key: Cells(tiers[key], ytd[key]) for key in figures}
    # At the period's end: the 本年累计 column is the same count (the year to date ends on the same day).
    by_level = {lv.value: Cells(tiers[lv.value], sum(tiers[lv.value].values())) for lv in LEVELS}
    key_persons = Cells(tiers["key_persons"], sum(tiers["key_persons"].values()))
    # The visits of both windows in one pass (each entry's visits through their index).
    first, last = t.days(t.span)
    visit_count = t.sums(ScreeningEntry.owner_unit_id, and_(
        ScreeningEntry.id == ScreeningVisit.entry_id, ScreeningVisit.deleted_at.is_(None),
        ScreeningEntry.deleted_at.is_(None), t.within(ScreeningEntry.owner_unit_id),
        ScreeningVisit.visited_on >= first, ScreeningVisit.visited_on <= last), {"visits": visited})["visits"]
    registered, done = f["on_register"], f["resolved"]
    g1, g2 = "排查走访", "风险户（期末）"
    rows = [count_row("screened", "排查户数", f["screened"], group=g1, unit="户"),
            count_row("visits", "走访次数", visit_count, group=g1, unit="次"),
            count_row("on_register", "期内在册户数", registered, group=g1, unit="户"),
            count_row("resolved", "化解数", done, group=g1, unit="户"),
            rate_row("resolved_rate", "化解率", done, registered, group=g1),
            count_row("cases_opened", "转为案件", f["cases_opened"], group=g1, unit="户")]
    for level in LEVELS:
        rows.append(count_row(f"risk:{level.value}", f"{level.label}风险户", by_level[level.value], group=g2, unit="户"))
    rows += [count_row("risk_total", "风险户合计", add(*by_level.values()), group=g2, unit="户"),
             count_row("key_persons", "重点人员", key_persons, group=g2, unit="人")]
    notes = ("排查户数：统计期内新登记或有走访记录的重点户；期内在册：期末前登记、且未在期初前化解的；化解率＝化解数÷期内在册户数。",
             "风险户与重点人员为期末在册数（风险等级取期末前最后一次走访的评定），“本年累计”一栏同为期末数。")
    return StatSection("screening", "五、矛盾纠纷排查", tuple(rows), notes)
