"""Mandatory reports (强制报告, 反家庭暴力法第十四条): raised by the product, closed only by recording the report.

The rule (domain/mandatory_report_rules.py): in a case of domestic violence (flagged 家暴, or a crisis case), a
party who suffers or may suffer it and is a minor, or an adult recorded without or with limited civil capacity,
must be reported to the police at once. `raise_due` (services/cases/report_duty.py) is called wherever one of those facts can change (a party
added or edited, the 家暴 flag raised, a danger assessment at 高, a person's capacity recorded) and opens one
report task per such person, with its own clock (ClockKind.MANDATORY_REPORT, due by 24:00 that day), which shows in
the case's clocks, the task list and the home page's to-dos like every other clock.

`record_report` closes it: police unit, time, how (电话 / 书面 / 当面), receipt number, the officer, the facts found
and the reporter. 第十四条 keeps the reporter confidential: the reporter is never written into the timeline or
the audit log, and a view or paper shows it only as access/disclosure.py `reporter_shown` allows. Recording is
audited (who recorded, when, to whom it was reported), and it enters the crisis action log as 强制报告, so the
monthly statistics count it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ...access.cases import load_case, record_event
from ...access.disclosure import Audience, reader_of, reporter_shown
from ...domain import clock
from ...domain.errors import NotFound, ValidationError, WorkflowError
from ...domain.localtime import format_local
from ...domain.mandatory_report_rules import (
    Ground, ReportMethod, ReportStatus, clean_record,
)
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.models import MandatoryReport
from ...store.uow import UnitOfWork
from ..cases.report_duty import open_reports
from ..clocks.clocks import ClockView, case_clocks, open_case_statuses, stop_task_clock


@dataclass(frozen=True)
class MandatoryReportView:
    id: str
    case_id: str
    person_id: str
    subject_name: str
    ground: Ground
    ground_note: str
    raised_at: datetime
    status: ReportStatus
    clock: ClockView | None          # its countdown (“今天到期”, “已超期 1 天”), stopped once reported
    reported_at: datetime | None
    police_unit: str | None
    method: ReportMethod | None
    receipt_no: str | None
    officer: str | None
    facts: str | None
    reporter_name: str | None        # None when the viewer may not see who reported
    reporter_post: str | None
    reporter_phone: str | None
    reporter_hidden: bool            # a reporter is on record but withheld from this viewer
    recorded_by: str | None

    @property
    def open(self) -> bool:
        return self.status is ReportStatus.OPEN


def _view(row: MandatoryReport, clocks: dict[str, ClockView], shown: bool) -> MandatoryReportView:
    has_reporter = bool(row.reporter_name)
    return MandatoryReportView(
        id=row.id, case_id=row.case_id, person_id=row.person_id, subject_name=row.subject_name,
        ground=Ground(row.ground), ground_note=row.ground_note or "", raised_at=row.raised_at,
        status=ReportStatus(row.status), clock=clocks.get(row.clock_id or ""), reported_at=row.reported_at,
        police_unit=row.police_unit, method=ReportMethod(row.method) if row.method else None,
        receipt_no=row.receipt_no, officer=row.officer, facts=row.facts,
        reporter_name=row.reporter_name if shown else None, reporter_post=row.reporter_post if shown else None,
        reporter_phone=row.reporter_phone if shown else None, reporter_hidden=has_reporter and not shown,
        recorded_by=row.recorded_by)


def case_reports(uow: UnitOfWork, actor: Actor, case_id: str) -> list[MandatoryReportView]:
    """The case's mandatory reports, oldest first; the reporter only for a viewer `reporter_shown` allows."""
    require(actor, Permission.CASE_READ)
    case = load_case(uow, actor, case_id)
    clocks = {c.id: c for c in case_clocks(uow, actor, case.id)}
    shown = reporter_shown(reader_of(actor, Audience.STAFF))
    return [_view(r, clocks, shown) for r in open_reports(uow, case.id)]


def record_report(uow: UnitOfWork, actor: Actor, report_id: str, *, reported_at: datetime, police_unit: str,
                  method: ReportMethod | str, receipt_no: str, officer: str, facts: str, reporter_name: str,
                  reporter_post: str = "", reporter_phone: str = "") -> MandatoryReportView:
    """Record the report made to the police: closes the task and stops its clock at ``reported_at``."""
    require(actor, Permission.CASE_EDIT)
    row = uow.s.get(MandatoryReport, report_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("强制报告事项不存在。")
    case = load_case(uow, actor, row.case_id)
    if row.status != ReportStatus.OPEN.value:
        raise WorkflowError("该强制报告已登记，不能重复登记。", code="report_recorded")
    if not isinstance(reported_at, datetime) or reported_at.tzinfo is None:
        raise ValidationError("请填写报告时间。", field="reported_at")
    if reported_at > clock.now_utc():
        raise ValidationError("报告时间不能晚于现在。", field="reported_at")
    rec = clean_record(police_unit=police_unit, method=str(method or ""), receipt_no=receipt_no, officer=officer,
                       facts=facts, reporter_name=reporter_name, reporter_post=reporter_post,
                       reporter_phone=reporter_phone)
    row.status, row.reported_at = ReportStatus.REPORTED.value, reported_at
    row.police_unit, row.method, row.receipt_no, row.officer, row.facts = (
        rec.police_unit, rec.method.value, rec.receipt_no or None, rec.officer, rec.facts)
    row.reporter_name, row.reporter_post, row.reporter_phone = (
        rec.reporter_name, rec.reporter_post or None, rec.reporter_phone or None)
    row.recorded_by = actor.display_name
    uow.flush()
    if row.clock_id:
        stop_task_clock(uow, actor, case, row.clock_id, "已向公安机关报告", at=reported_at)
    when = format_local(reported_at)
    # Neither the timeline nor the audit log carries the reporter (第十四条): only that one was recorded.
    record_event(uow, actor, case, "mandatory_report_recorded",
                 f"强制报告已登记：{row.subject_name}，{when}以{rec.method.label}方式向{rec.police_unit}报案"
                 + (f"，回执编号 {rec.receipt_no}" if rec.receipt_no else "") + "；报告人信息已保密登记",
                 data={"report_id": row.id})
    audit.record(uow.s, actor, audit.Action.UPDATE, entity="mandatory_report", entity_id=row.id, case_id=case.id,
                 owner_unit_id=case.owner_unit_id,
                 detail={"changes": {"status": [ReportStatus.OPEN.value, ReportStatus.REPORTED.value]},
                         "reported_at": reported_at.isoformat(), "police_unit": rec.police_unit,
                         "method": rec.method.value, "receipt_no": rec.receipt_no, "officer": rec.officer,
                         "reporter_recorded": True})
    if case.status in open_case_statuses():
        from .crisis import ActionKind, log_action   # crisis imports clocks: late, like the other services

        log_action(uow, actor, case.id, ActionKind.MANDATORY_REPORT, at=reported_at,
                   data={"concerns": f"{row.subject_name}（{row.ground_note}）"[:300],
                         "reported_to": rec.police_unit})
    clocks = {c.id: c for c in case_clocks(uow, actor, case.id)}
    return _view(row, clocks, reporter_shown(reader_of(actor, Audience.STAFF)))


def record_report_for_clock(uow: UnitOfWork, actor: Actor, clock_id: str, **fields: Any) -> MandatoryReportView:
    """`record_report` for the report whose clock this is (the case's 时限 tab starts from the clock)."""
    require(actor, Permission.CASE_EDIT)
    report_id = uow.s.execute(select(MandatoryReport.id).where(MandatoryReport.clock_id == clock_id,
                                                               MandatoryReport.deleted_at.is_(None))).scalar()
    if report_id is None:
        raise NotFound("该时限没有对应的强制报告事项。")
    return record_report(uow, actor, report_id, **fields)


__all__ = ["MandatoryReportView", "case_reports", "record_report", "record_report_for_clock"]
