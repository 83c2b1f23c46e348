"""A unit's submitted monthly report as a paper: the frozen figures laid out as the monthly statistics report, with a
line saying its state (已提交 / 已退回 / 已通过, which submission), who submitted and reviewed it, and whether its
figures still hold under its station's signature."""
from __future__ import annotations

from pathlib import Path

from ..domain.errors import FulianError, ValidationError
from ..domain.localtime import LOCAL_TZ
from ..domain.unit_reports import STATUS_LABELS, ReportStatus
from ..security.actor import Actor
from ..services.reporting import reports
from ..services.reporting.reports import ReportView
from ..services.statistics import statistics
from ..store.uow import UnitOfWork
from .statistics_report import render_report


def report_note(view: ReportView) -> str:
    if view.status == ReportStatus.DRAFT:
        return "草稿：尚未提交，数字为导出时的实时数。"
    when = view.submitted_at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M") if view.submitted_at else ""
    note = f"报送状态：{STATUS_LABELS[view.status]}（第{view.submission_no}次报送，{view.submitted_by}于{when}提交"
    if view.reviewed_by and view.status != ReportStatus.SUBMITTED:
        note += f"，{view.reviewed_by}审核"
    note += "）。"
    if view.status == ReportStatus.RETURNED and view.return_reason:
        note += f"退回原因：{view.return_reason}。"
    note += "数字与报送站点签名相符。" if view.signature_ok else "注意：数字与报送站点签名不符，可能被改动过。"
    return note


def export_unit_report(uow: UnitOfWork, actor: Actor, period: str, path: str | Path, *,
                       unit_id: str | None = None) -> ReportView:
    """Write a unit's report for the month (the actor's own by default) as a PDF and audit the export. Needs a write
    unit of work."""
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise ValidationError("输出文件须以 .pdf 结尾。", field="output")
    view = reports.unit_report(uow, actor, period, unit_id)
    data = render_report(view.report, report_note(view))
    try:
        from ..security.private_files import write_private

        write_private(target, data)
    except OSError as exc:
        raise FulianError(f"无法写入文件 {target}：{exc.strerror}") from exc
    statistics.record_export(uow, actor, view.report, "pdf", len(data))
    return view
