"""A unit's monthly report up the tiers: its draft (live figures of the unit's own work), submitting it (the figures
frozen and signed with the station key), the review by the tier above (accept, or return with a reason), and
resubmitting a returned report with corrected figures.

Who may: the unit's own supervisor submits; a supervisor of the unit directly above reviews
(security/permissions.py `require_report_submitter`, `require_report_reviewer`). Every step is audited.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from ...domain import clock
from ...domain.errors import ConflictError, NotFound, ValidationError
from ...domain.unit_reports import (
    MAX_REASON, ReportStatus, parse_period, period_text, sign,
)
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import (
    Permission, require, require_report_reviewer, require_report_submitter, require_scope,
)
from ...store.models import OrgUnit
from ...store.models_reports import UnitReport
from ...store.uow import UnitOfWork
from ..statistics.statistics import build_report
from ..statistics.statistics_views import MonthlyReport, StatRow, StatSection, month_bounds
from .signing import report_bytes, signature_ok, station_signer

AUDIT_ENTITY = "unit_report"


@dataclass(frozen=True)
class ReportView:
    """A unit's report for a month: stored (submitted, returned, accepted) or the draft (id None)."""

    id: str | None
    unit_id: str
    unit_name: str
    period: str
    status: ReportStatus
    report: MonthlyReport          # the frozen figures (the live ones for a draft), laid out as the monthly report
    submission_no: int = 0
    submitted_by: str | None = None
    submitted_at: datetime | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    return_reason: str | None = None
    version: int = 0
    signature_ok: bool | None = None


def month_of(period: str) -> tuple[date, date]:
    parsed = parse_period(period)
    if parsed is None:
        raise ValidationError("报表月份格式应为“2026-11”。", field="period")
    return month_bounds(date(parsed[0], parsed[1], 1))


def freeze(report: MonthlyReport) -> dict[str, dict[str, list[Any]]]:
    """The figures as stored and signed: {section: {row: [five values]}}."""
    return {s.key: {r.key: list(r.values) for r in s.rows} for s in report.sections}


def thaw(layout: MonthlyReport, figures: dict[str, Any]) -> MonthlyReport:
    """Frozen figures laid out as `layout` (the live report: its labels and order); a row the frozen figures lack
    shows empty, one only they hold is added under its key."""
    sections = []
    for s in layout.sections:
        frozen = figures.get(s.key) or {}
        rows = [StatRow(r.key, r.label, tuple(frozen.get(r.key) or (None,) * 5), r.kind, r.group, r.unit)
                for r in s.rows]
        known = {r.key for r in s.rows}
        rows += [StatRow(k, k, tuple(v), group="") for k, v in frozen.items() if k not in known]
        sections.append(StatSection(s.key, s.title, tuple(rows), s.notes))
    return MonthlyReport(layout.unit_id, layout.unit_name, layout.date_from, layout.date_to, tuple(sections))


def live_report(uow: UnitOfWork, unit: OrgUnit, period: str) -> MonthlyReport:
    """The unit's own work in the month (not its villages': they report for themselves)."""
    first, last = month_of(period)
    return build_report(uow, unit.id, unit.name, frozenset({unit.id}), first, last)


def _unit(uow: UnitOfWork, unit_id: str) -> OrgUnit:
    unit = uow.s.get(OrgUnit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise NotFound("所选单位不存在。")
    return unit


def find(uow: UnitOfWork, unit_id: str, period: str) -> UnitReport | None:
    return uow.s.execute(select(UnitReport).where(UnitReport.owner_unit_id == unit_id, UnitReport.period == period,
                                                  UnitReport.deleted_at.is_(None))).scalar_one_or_none()


def view_of(uow: UnitOfWork, unit: OrgUnit, period: str, row: UnitReport | None,
            live: MonthlyReport | None = None) -> ReportView:
    """`live`: the unit's live report, when the caller has just counted it (its layout holds the frozen figures)."""
    live = live if live is not None else live_report(uow, unit, period)
    if row is None:
        return ReportView(None, unit.id, unit.name, period, ReportStatus.DRAFT, live)
    ok = signature_ok(uow.s.connection(), {c: getattr(row, c) for c in (
        "station_id", "owner_unit_id", "signature", "period", "submission_no", "figures", "submitted_by",
        "submitted_at")})
    return ReportView(row.id, unit.id, unit.name, period, ReportStatus(row.status), thaw(live, row.figures or {}),
                      row.submission_no, row.submitted_by, row.submitted_at, row.reviewed_by, row.reviewed_at,
                      row.return_reason, row.version, ok)


def unit_report(uow: UnitOfWork, actor: Actor, period: str, unit_id: str | None = None) -> ReportView:
    """A unit's report for the month (default: the actor's own unit): stored, or the draft from live figures."""
    require(actor, Permission.CASE_APPROVE)
    unit = _unit(uow, unit_id or actor.unit_id)
    require_scope(actor, unit.id, "所选单位")
    month_of(period)
    return view_of(uow, unit, period, find(uow, unit.id, period))


def _check_version(row: UnitReport, expected: int | None) -> None:
    if expected is not None and row.version != expected:
        raise ConflictError("该报表已被他人更改（可能刚同步到新的审核结果），请刷新后再操作。")


def submit(uow: UnitOfWork, actor: Actor, period: str, *, unit_id: str | None = None,
           expected_version: int | None = None) -> ReportView:
    """Freeze the unit's figures for a finished month and sign them; a returned report is resubmitted this way
    (the figures computed anew from the corrected data, one more submission)."""
    unit = _unit(uow, unit_id or actor.unit_id)
    require_report_submitter(actor, unit.id)
    first, last = month_of(period)
    if clock.today_local() <= last:
        raise ValidationError(f"{period_text(period)}尚未结束，月末之后才能提交该月报表。", field="period")
    if unit.parent_id is None:
        raise ValidationError("区级单位是最上一级，不需要上报；请查看汇总报表。", field="period")
    row = find(uow, unit.id, period)
    if row is not None:
        _check_version(row, expected_version)
        if row.status != ReportStatus.RETURNED:
            raise ValidationError(f"{unit.name}的{period_text(period)}报表已提交（{_status_text(row.status)}），"
                                  "只有被退回的报表才能重新提交。", field="period")
    live = live_report(uow, unit, period)
    station_id, _station_unit, private = station_signer(uow)
    now = clock.now_utc().replace(microsecond=0)
    fields = {"owner_unit_id": unit.id, "period": period, "figures": freeze(live), "submitted_by": actor.audit_name,
              "submitted_at": now, "station_id": station_id}
    if row is None:
        row = UnitReport(**fields, status=ReportStatus.SUBMITTED.value, submission_no=1, signature="")
        uow.s.add(row)
    else:
        for key, value in fields.items():
            setattr(row, key, value)
        row.status, row.submission_no = ReportStatus.SUBMITTED.value, row.submission_no + 1
        # The return's reason stays in the audit log and the report's history; the new submission is unreviewed.
        row.reviewed_by, row.reviewed_at, row.return_reason = None, None, None
    fields["submission_no"] = row.submission_no
    row.signature = sign(private, report_bytes(fields))
    uow.flush()
    view = view_of(uow, unit, period, row, live)
    # The audit entry last: it holds the audit chain's head, which every audited save waits for, till the commit.
    audit.record(uow.s, actor, "report_submit", entity=AUDIT_ENTITY, entity_id=row.id, owner_unit_id=unit.id,
                 detail={"unit": unit.name, "period": period, "submission": row.submission_no})
    return view


def _for_review(uow: UnitOfWork, actor: Actor, report_id: str, expected_version: int | None) -> tuple[UnitReport, OrgUnit]:
    row = uow.s.get(UnitReport, report_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("报表不存在。")
    unit = _unit(uow, row.owner_unit_id)
    require_report_reviewer(actor, unit.parent_id)
    _check_version(row, expected_version)
    if row.status != ReportStatus.SUBMITTED:
        raise ValidationError(f"{unit.name}的{period_text(row.period)}报表当前为“{_status_text(row.status)}”，"
                              "只能审核已提交的报表。")
    if not signature_ok(uow.s.connection(), {c: getattr(row, c) for c in (
            "station_id", "owner_unit_id", "signature", "period", "submission_no", "figures", "submitted_by",
            "submitted_at")}):
        raise ValidationError(f"{unit.name}的{period_text(row.period)}报表，统计数字与该站点的签名不符（数字在提交后"
                              "被改动过），不能审核。请退回或与该单位核实。")
    return row, unit


def accept(uow: UnitOfWork, actor: Actor, report_id: str, *, expected_version: int | None = None) -> ReportView:
    row, unit = _for_review(uow, actor, report_id, expected_version)
    row.status, row.reviewed_by, row.reviewed_at = ReportStatus.ACCEPTED.value, actor.audit_name, clock.now_utc()
    row.return_reason = None
    uow.flush()
    view = view_of(uow, unit, row.period, row)   # counted before the audit entry takes the chain's head
    audit.record(uow.s, actor, "report_accept", entity=AUDIT_ENTITY, entity_id=row.id, owner_unit_id=unit.id,
                 detail={"unit": unit.name, "period": row.period, "submission": row.submission_no})
    return view


def return_report(uow: UnitOfWork, actor: Actor, report_id: str, reason: str, *,
                  expected_version: int | None = None) -> ReportView:
    """Send a submitted report back to its unit with the reason; it corrects its data and resubmits."""
    text = (reason or "").strip()
    if not text:
        raise ValidationError("请写明退回原因，让报送单位知道要更正什么。", field="reason")
    if len(text) > MAX_REASON:
        raise ValidationError("退回原因最多 500 字。", field="reason")
    row, unit = _for_review(uow, actor, report_id, expected_version)
    row.status, row.reviewed_by, row.reviewed_at = ReportStatus.RETURNED.value, actor.audit_name, clock.now_utc()
    row.return_reason = text
    uow.flush()
    view = view_of(uow, unit, row.period, row)   # counted before the audit entry takes the chain's head
    audit.record(uow.s, actor, "report_return", entity=AUDIT_ENTITY, entity_id=row.id, owner_unit_id=unit.id,
                 detail={"unit": unit.name, "period": row.period, "reason": text})
    return view


def _status_text(status: str) -> str:
    from ...domain.unit_reports import STATUS_LABELS

    try:
        return STATUS_LABELS[ReportStatus(status)]
    except ValueError:
        return status
