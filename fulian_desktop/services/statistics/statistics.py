"""The monthly statistics reported upward (DOMAIN.md), for a unit's subtree and any date range.

`monthly_report(uow, actor, date_from, date_to, unit_id=None)` returns a `MonthlyReport`: sections of
rows (by category), each row with a figure per tier column (区级 / 街镇 / 村（社区）/ 小计 / 本年累计).
The database does the counting: grouped queries by owning unit, several figures per pass and both windows
(period and year to date) in one scan where they share rows (``statistics_tally``); only a short list is read
row by row (settled mediation cases: ``statistics_outcomes``). The closure outcomes recorded on closed cases and
the agreements' performance are counted in ``statistics_closure``. A record's tier is the tier of the unit that
owns it. How each figure is counted is printed under its table (the section's `notes`);
sections three to five are built in ``statistics_sections``.

Who may: supervisors (their subtree) and the system administrator (aggregates only, no personal data);
both need 打印导出. Exports of the report are audited by `record_export`.
"""
from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import and_, func, select, true

from ...domain.closure_outcomes import ClosureOutcome
from ...domain.enums import COMPLAINT_CATEGORIES, DISPUTE_TYPES, CaseKind, CaseSource, CaseStatus, Role
from ...domain.errors import NotFound, PermissionDenied, ValidationError
from ...domain.intake_rules import Channel
from ...domain.mediation_rules import AgreementForm, ConfirmationResult, Satisfaction
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, can, require, require_scope
from ...store.models import Agreement, Case, FollowUpVisit, IntakeRecord, OrgUnit
from ...store.uow import UnitOfWork, one_snapshot
from ..accounts.orgunits import root_unit, subtree_ids
from .statistics_closure import closure_outcome_figures, performance_figures
from .statistics_outcomes import SUCCESS_OUTCOMES, outcome_figures
from .statistics_petition_kpis import NOTES as KPI_NOTES
from .statistics_petition_kpis import petition_kpi_rows
from .statistics_prefix import kept_counts
from .statistics_sections import (
    case_figures, crisis_section, intake_figures, marriage_section, screening_section, subtype_rows,
)
from .statistics_tally import Cells, EarlierMismatch, Ledger, Tally, add, category_rows, count_row, money_row, rate_row
from .statistics_views import MonthlyReport, StatSection

MAX_DAYS = 366 * 5
log = logging.getLogger(__name__)


def may_see_statistics(actor: Actor) -> bool:
    """Supervisors, and the system administrator: the report holds counts only, no case content (it reads no
    case, so it holds no PRINT_EXPORT; separation of duties, security/permissions.py)."""
    return actor.is_system or actor.role == Role.SYSTEM_ADMIN or (
        can(actor, Permission.PRINT_EXPORT) and can(actor, Permission.CASE_APPROVE))


def _require_statistics(uow: UnitOfWork, actor: Actor, unit_id: str | None) -> OrgUnit:
    require(actor, Permission.SETTINGS_MANAGE if actor.role == Role.SYSTEM_ADMIN else Permission.PRINT_EXPORT)
    if not may_see_statistics(actor):
        raise PermissionDenied(f"您的角色（{actor.role.label}）不能查看统计报表：统计报表由督导或系统管理员查看和导出。",
                               code="no_permission")
    if unit_id is None:
        unit = uow.s.get(OrgUnit, actor.unit_id) if not actor.is_system else root_unit(uow.s)
    else:
        unit = uow.s.get(OrgUnit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise NotFound("所选单位不存在。")
    if actor.role != Role.SYSTEM_ADMIN:
        require_scope(actor, unit.id, "所选单位")
    return unit


def find_unit(uow: UnitOfWork, actor: Actor, name: str) -> str:
    """The id of the unit called `name` (for `fulian stats --unit NAME`)."""
    found = list(uow.s.execute(select(OrgUnit.id).where(OrgUnit.name == name.strip(),
                                                        OrgUnit.deleted_at.is_(None))).scalars())
    if not found:
        raise NotFound(f"没有名为“{name}”的单位。")
    return found[0]


def monthly_report(uow: UnitOfWork, actor: Actor, date_from: date, date_to: date, *,
                   unit_id: str | None = None) -> MonthlyReport:
    """The report of `unit_id`'s subtree (default: the actor's unit; the district for the command line)."""
    if date_to < date_from:
        raise ValidationError("统计时段的结束日期早于开始日期。", field="period")
    if (date_to - date_from).days > MAX_DAYS:
        raise ValidationError("统计时段最长五年。", field="period")
    unit = _require_statistics(uow, actor, unit_id)
    return build_report(uow, unit.id, unit.name, subtree_ids(uow.s, unit.id), date_from, date_to)


def build_report(uow: UnitOfWork, unit_id: str, unit_name: str, units: frozenset[str], date_from: date,
                 date_to: date) -> MonthlyReport:
    """The report over exactly `units` (no permission check: callers check). services/reporting reports a
    unit's own work with `units={unit_id}`. Counted in one snapshot of the store, also inside a write unit of
    work (a submission, an export), whatever other desks save meanwhile."""
    with one_snapshot(uow) as reading:
        return _build_report(reading, unit_id, unit_name, units, date_from, date_to)


def _build_report(uow: UnitOfWork, unit_id: str, unit_name: str, units: frozenset[str], date_from: date,
                  date_to: date) -> MonthlyReport:
    # The year's months before the period, when kept from an earlier report (statistics_prefix): then only the
    # period is counted; else both windows are, and what lies before the period is kept for the next report.
    earlier, keep = kept_counts(uow, units, date_from, date_to)
    record: Ledger | None = [] if keep is not None else None
    try:
        t = Tally(uow, units, date_from, date_to, earlier=earlier, record=record)
        sections = _sections(t)
        if t.earlier:
            raise EarlierMismatch("kept counts left over")
    except EarlierMismatch:
        log.exception("statistics: kept year-to-date counts did not match the report; counted afresh")
        t = Tally(uow, units, date_from, date_to)
        sections, keep = _sections(t), None
    if keep is not None and record is not None:
        keep(record)
    return MonthlyReport(unit_id, unit_name, date_from, date_to, sections)


def _sections(t: Tally) -> tuple[StatSection, ...]:
    return (mediation_section(t), petition_section(t), marriage_section(t), crisis_section(t),
            screening_section(t))


def record_export(uow: UnitOfWork, actor: Actor, report: MonthlyReport, fmt: str, size: int, *,
                  into: str | None = None) -> None:
    """One audit entry per exported or printed report (needs a write unit of work); `into`: the city whose
    report the figures went into."""
    detail = {"report": "monthly", "unit": report.unit_name, "from": report.date_from.isoformat(),
              "to": report.date_to.isoformat(), "format": fmt, "bytes": size}
    if into is not None:
        detail["into"] = into
    audit.record(uow.s, actor, audit.Action.EXPORT, entity="statistics", entity_id=report.unit_id,
                 owner_unit_id=report.unit_id, detail=detail)


# --- mediation ---------------------------------------------------------------------------------------

def _mediation_cohort(t: Tally, start, end):  # noqa: ANN001, ANN202
    """Mediation cases opened in the window within the subtree, rejected ones left out."""
    return and_(Case.kind == CaseKind.MEDIATION.value, Case.deleted_at.is_(None), t.within(Case.owner_unit_id),
                Case.opened_at >= start, Case.opened_at < end, Case.status != CaseStatus.REJECTED.value)


def mediation_section(t: Tally) -> StatSection:
    by_type = t.grouped(lambda s, e: select(Case.owner_unit_id, Case.dispute_type, func.count(Case.id))
                        .where(_mediation_cohort(t, s, e)).group_by(Case.owner_unit_id, Case.dispute_type))
    by_source = t.grouped(lambda s, e: select(Case.owner_unit_id, Case.source, func.count(Case.id))
                          .where(_mediation_cohort(t, s, e)).group_by(Case.owner_unit_id, Case.source))
    mediated, success = case_figures(t)["mediated"], outcome_figures(t)["successful"]
    closed = _closed_cohort(t)

    def on(column):  # noqa: ANN001, ANN202
        """A date column in the window (local days)."""
        def condition(start, end):  # noqa: ANN001, ANN202
            first, last = t.days((start, end))
            return and_(column >= first, column <= last)
        return condition

    effective, applied = on(Agreement.effective_on), on(Agreement.confirmation_applied_on)
    # Two passes for both windows, each over the agreements dated in them through the index on its date: those
    # that took effect (oral, written, amount) and those whose 司法确认 was applied for.
    first, last = t.span
    live = and_(Agreement.deleted_at.is_(None), t.within(Agreement.owner_unit_id), t.live_case(Agreement.case_id))
    paper = t.sums(Agreement.owner_unit_id, and_(live, effective(first, last)), {
        "oral": lambda s, e: and_(effective(s, e), Agreement.form == AgreementForm.ORAL.value),
        "written": lambda s, e: and_(effective(s, e), Agreement.form == AgreementForm.WRITTEN.value),
        "amount": (effective, func.coalesce(Agreement.amount_involved_fen, 0)),
    }) | t.sums(Agreement.owner_unit_id, and_(live, applied(first, last)), {
        "applied": applied,
        "confirmed": lambda s, e: and_(applied(s, e),
                                       Agreement.confirmation_result == ConfirmationResult.CONFIRMED.value),
    })
    performed = performance_figures(t)

    by_type_group, by_source_group, totals, prevent = "按纠纷类型", "按案件来源", "调解情况", "防止与制止"
    performance = "协议履行"
    rows = category_rows("type", by_type_group, DISPUTE_TYPES, by_type)
    rows += category_rows("source", by_source_group, [s.value for s in CaseSource], by_source)
    # Sources are stored as codes: show their labels.
    labels = {s.value: s.label for s in CaseSource}
    rows = [r if not r.key.startswith("source:") or r.label not in labels
            else type(r)(r.key, labels[r.label], r.values, r.kind, r.group, r.unit) for r in rows]
    rows += [
        count_row("mediated", "调解案件数（本期登记）", mediated, group=totals),
        count_row("closed", "调解结案数（本期结案）", closed["closed"], group=totals),
        count_row("closed_successful", "其中调解成功", closed["closed_successful"], group=totals),
        rate_row("success_rate", "调解成功率（结案中成功）", closed["closed_successful"], closed["closed"], group=totals),
        count_row("successful", "本期调解成功数（按成功日期）", success, group=totals),
        count_row("oral", "口头协议", paper["oral"], group=totals),
        count_row("written", "书面协议（调解协议书）", paper["written"], group=totals),
        count_row("confirm_applied", "申请司法确认", paper["applied"], group=totals),
        count_row("confirmed", "司法确认有效", paper["confirmed"], group=totals),
        money_row("amount", "协议涉及金额", paper["amount"], group=totals),
        count_row("perf_due", "履行期限届满的协议", performed["due"], group=performance),
        count_row("perf_full", "其中全部履行", performed["full"], group=performance),
        count_row("perf_partial", "其中部分履行", performed["partial"], group=performance),
        count_row("perf_none", "其中未履行", performed["none"], group=performance),
    ]
    recorded = closure_outcome_figures(t)
    for key, outcome, cases_label in (("prevent_crime", ClosureOutcome.PREVENTED_CRIME, "防止民转刑案件"),
                                      ("prevent_suicide", ClosureOutcome.PREVENTED_SUICIDE, "防止自杀案件"),
                                      ("stop_group", ClosureOutcome.STOPPED_GROUP_PETITION, "制止群体性上访")):
        rows += [count_row(key, cases_label, recorded[outcome.value], group=prevent),
                 count_row(f"{key}_persons", f"{outcome.label}人数", recorded[f"{outcome.value}_persons"],
                           group=prevent, unit="人")]
    notes = (
        "调解案件：统计期内登记的调解类案件（不予受理的除外），按纠纷类型、来源分列。",
        "调解成功率只在一批案件上计算：分母为统计期内结案的调解类案件，分子为其中调解成功的（有生效的调解协议，或记录了"
        "调和、劝回、指导协议离婚、调解成功的结果），故不会超过100%；终止、转办的案件无结案日期，不在其内。",
        "本期调解成功数（按成功日期）：统计期内首次调解成功的调解类案件（首份调解协议生效，或记录上述成功结果，以先到者为准），"
        "不论何时登记，与本期登记数不是同一批案件，不可相除。",
        "口头/书面协议及协议涉及金额按协议生效日期计（金额为协议载明的涉及金额之和，单位元）；"
        "司法确认按申请日期计，“司法确认有效”为其中人民法院裁定确认有效的。",
        "协议履行：履行期限在统计期内届满的已生效协议（最后一项履行期限所在日；各项均无期限的，以生效日计），"
        "按出具报表时各项协议内容的履行记录分列：各项均已履行为全部履行，有一项已履行或部分履行为部分履行，其余为未履行，"
        "三项之和等于届满的协议数。",
        "防止民转刑、防止自杀、制止群体性上访：统计期内结案、且结案时（经督导批准）记录了该项成效的案件，人数为记录的"
        "涉及人数之和。只计结案时的记录，不按风险评估或集体访推算；本功能启用前结案的案件没有此项记录，不计入。",
    )
    return StatSection("mediation", "一、人民调解", tuple(rows), notes)


def _closed_cohort(t: Tally) -> dict[str, Cells]:
    """The success rate's one cohort: mediation cases closed in the window, and those of them that succeeded
    (an effective agreement, or a success outcome), whenever they were registered."""
    agreed = Tally.any_row(Agreement.effective_on, Agreement.case_id == Case.id, Agreement.deleted_at.is_(None),
                           Agreement.effective_on.is_not(None))
    succeeded = Case.mediation_outcome.in_(sorted(SUCCESS_OUTCOMES)) | agreed
    scope = and_(Case.kind == CaseKind.MEDIATION.value, Case.deleted_at.is_(None), t.within(Case.owner_unit_id),
                 Case.status == CaseStatus.CLOSED.value)
    return t.sums(Case.owner_unit_id, scope, {"closed": true(), "closed_successful": succeeded},
                  moment=Case.closed_at)


# --- petitions ---------------------------------------------------------------------------------------

def _intake_base(t: Tally, start, end, *columns):  # noqa: ANN001, ANN202
    return (select(IntakeRecord.owner_unit_id, *columns)
            .where(IntakeRecord.deleted_at.is_(None), t.within(IntakeRecord.owner_unit_id),
                   IntakeRecord.received_at >= start, IntakeRecord.received_at < end))


def petition_section(t: Tally) -> StatSection:
    matters, persons = func.count(IntakeRecord.id), func.sum(IntakeRecord.people_count)
    # The contacts counted once by (channel, category, sub-category), per window; the channel, category and
    # sub-category rows are sums of these groups.
    keys = (IntakeRecord.channel, IntakeRecord.category, IntakeRecord.sub_category)
    by_key = {unit: t.grouped(lambda s, e, v=value: _intake_base(t, s, e, *keys, v).group_by(
        IntakeRecord.owner_unit_id, *keys)) for unit, value in (("件", matters), ("人", persons))}

    def grouped(by: str, unit: str) -> dict:
        """{channel, category or (category, sub-category): Cells} of the matters (件) or persons (人)."""
        pick = {"channel": lambda k: k[0], "category": lambda k: k[1], "subcategory": lambda k: (k[1], k[2])}[by]
        parts: dict = {}
        for key, cells in by_key[unit].items():
            parts.setdefault(pick(key), []).append(cells)
        return {key: add(*cells) for key, cells in parts.items()}

    channels = [c.value for c in Channel]
    labels = {c.value: c.label for c in Channel}
    rows = []
    for unit, suffix in (("件", "件次"), ("人", "人次")):
        found = grouped("channel", unit)
        rows += [type(r)(r.key + f":{unit}", labels.get(r.label, r.label), r.values, r.kind, r.group, r.unit)
                 for r in category_rows("channel", f"按渠道（{suffix}）", channels, found, unit=unit)]
    for unit, suffix in (("件", "件次"), ("人", "人次")):
        found = grouped("category", unit)
        rows += [type(r)(r.key + f":{unit}", r.label, r.values, r.kind, r.group, r.unit)
                 for r in category_rows("category", f"按类别（{suffix}）", list(COMPLAINT_CATEGORIES), found,
                                        unit=unit)]
    rows += subtype_rows(t, "subcategory", "按子类（件次）", grouped("subcategory", "件"),
                         {c: subs for c, subs in COMPLAINT_CATEGORIES.items() if subs})
    f = intake_figures(t)
    all_matters, all_persons, handled = f["matters"], f["persons"], f["handled"]
    group_m, group_p, repeat_m, repeat_p = f["group"], f["group_persons"], f["repeat"], f["repeat_persons"]
    follow_ups = _satisfaction(t)
    visited, satisfied = follow_ups["visits"], follow_ups["satisfied"]
    g = "信访总量"
    rows += [
        count_row("matters", "信访总件次", all_matters, group=g),
        count_row("persons", "信访总人次", all_persons, group=g, unit="人"),
        count_row("group", "集体访件次", group_m, group=g),
        count_row("group_persons", "集体访人次", group_p, group=g, unit="人"),
        count_row("repeat", "重复访件次", repeat_m, group=g),
        count_row("repeat_persons", "重复访人次", repeat_p, group=g, unit="人"),
        count_row("handled", "已办结件次", handled, group=g),
        rate_row("handling_rate", "办结率", handled, all_matters, group=g),
        count_row("visits", "回访次数", visited, group=g, unit="次"),
        count_row("satisfied", "其中满意和基本满意", satisfied, group=g, unit="次"),
        rate_row("satisfaction_rate", "回访满意率", satisfied, visited, group=g),
    ]
    rows += petition_kpi_rows(t)
    notes = (
        "信访：统计期内登记的来访、来电、来信、网上信访（接待登记），件次为登记数，人次为登记人数之和；"
        "有子类的类别按登记时所选子类分列，未选子类的计入“未填子类”。",
        "办结率＝已办结件次÷信访总件次，分子分母同为统计期内登记的信访。已办结：当场答复、咨询、转办、不予受理的登记，以及所立案件已结案、终止、转办或不予受理的登记。",
        "回访满意率：统计期内对由信访登记立案的案件所做的回访中，评价为“满意”和“基本满意”的次数÷回访次数（同一批回访）。",
        *KPI_NOTES,
    )
    return StatSection("petition", "二、信访接待", tuple(rows), notes)


def _satisfaction(t: Tally) -> dict[str, Cells]:
    """Follow-up visits on cases filed from the reception register, and the satisfied ones; one pass."""
    from_intake = Tally.any_row(IntakeRecord.case_id, IntakeRecord.case_id == FollowUpVisit.case_id,
                                IntakeRecord.deleted_at.is_(None))
    scope = and_(FollowUpVisit.deleted_at.is_(None), t.live_case(FollowUpVisit.case_id),
                 t.within(FollowUpVisit.owner_unit_id), from_intake)
    ok = (Satisfaction.SATISFIED.value, Satisfaction.BASICALLY.value)
    return t.sums(FollowUpVisit.owner_unit_id, scope, {"visits": true(), "satisfied": FollowUpVisit.satisfaction.in_(ok)},
                  moment=FollowUpVisit.visited_at)


__all__ = ["monthly_report", "build_report", "record_export", "may_see_statistics", "find_unit", "add"]
