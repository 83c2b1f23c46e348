"""上报: the unit's monthly report (its draft from live figures, 提交 / 重新提交), the units below with the state of
their reports (已提交 / 已退回 / 已通过 / 逾期未报) and the review of those directly below (通过, 退回 with a reason),
and the consolidated figures of the accepted reports beside the live ones."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.unit_reports import ReportStatus, parse_period, period_of
from fulian_desktop.services.reporting import board, reports
from fulian_desktop.services.reporting.board import BoardRow
from fulian_desktop.services.statistics.statistics_views import RATE, format_value, previous_month

from ..errors import messages, present_error
from ..i18n import tr
from ..qdates import today_qdate
from ..reloader import Reloader
from ..session import AppSession
from .reporting_data import ReportingData, load_reporting

# The figures shown on this page (the whole report prints from the dashboard): (section, row, label).
HEADLINE: tuple[tuple[str, str, str], ...] = (
    ("mediation", "mediated", QT_TRANSLATE_NOOP("", "调解案件数（本期登记）")),
    ("mediation", "closed", QT_TRANSLATE_NOOP("", "调解结案数")),
    ("mediation", "closed_successful", QT_TRANSLATE_NOOP("", "其中调解成功")),
    ("mediation", "success_rate", QT_TRANSLATE_NOOP("", "调解成功率")),
    ("petition", "matters", QT_TRANSLATE_NOOP("", "信访总件次")),
    ("petition", "persons", QT_TRANSLATE_NOOP("", "信访总人次")),
    ("petition", "timely_acceptance_rate", QT_TRANSLATE_NOOP("", "及时受理率")),
    ("marriage", "consultations", QT_TRANSLATE_NOOP("", "婚姻家庭咨询")),
    ("marriage", "accepted", QT_TRANSLATE_NOOP("", "受理婚姻家庭纠纷")),
    ("crisis", "crisis_cases", QT_TRANSLATE_NOOP("", "危机干预案件")),
    ("crisis", "dv_cases", QT_TRANSLATE_NOOP("", "家庭暴力案件")),
    ("screening", "screened", QT_TRANSLATE_NOOP("", "排查户数")),
    ("screening", "risk_total", QT_TRANSLATE_NOOP("", "风险户合计")),
)
RATES = {"success_rate", "timely_acceptance_rate"}
STATUS_TEXT = {
    "draft": QT_TRANSLATE_NOOP("", "草稿（未提交）"), "submitted": QT_TRANSLATE_NOOP("", "已提交"),
    "returned": QT_TRANSLATE_NOOP("", "已退回"), "accepted": QT_TRANSLATE_NOOP("", "已通过"),
    "overdue": QT_TRANSLATE_NOOP("", "逾期未报"), "not_yet": QT_TRANSLATE_NOOP("", "未报"),
}
STATUS_COLOURS = {"submitted": "#1a73e8", "returned": "#b06000", "accepted": "#188038", "overdue": "#c5221f"}
MONTHS_SHOWN = 12


def month_text(period: str) -> str:
    parsed = parse_period(period)
    assert parsed is not None
    return tr("{year}年{month}月").format(year=parsed[0], month=parsed[1])


def _when(at: datetime | None) -> str:
    return at.astimezone(LOCAL_TZ).strftime("%m-%d %H:%M") if at is not None else ""


def _value(figures: dict[str, Any] | None, section: str, key: str) -> str:
    values = ((figures or {}).get(section) or {}).get(key)
    value = values[3] if isinstance(values, list) and len(values) == 5 else None
    return format_value(value, RATE if key in RATES else "count") if figures is not None else ""


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if c > 0 and (text[:1].isdigit() or text[:1] in "-+—"):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def _table(name: str, headers: list[str], stretch: int = 0) -> QTableWidget:
    """A read-only table; column `stretch` takes the room left, the others fit their contents."""
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


class ReportingPage(QWidget):
    sig_loaded = Signal(object)
    """(ReportingData) — the page shows a month's reports."""
    sig_done = Signal(object)
    """(ReportView) — a report was submitted, accepted or returned here."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: ReportingData | None = None
        self._build()
        self.loader = Reloader(session, self, load_reporting, self._loaded, lambda exc: present_error(self, exc),
                               params=lambda: {"period": self.period()}, latest_only=True)
        # A bundle brings reports and verdicts; new or changed cases move the live figures and the draft.
        session.changes.subscribe(self, {"sync", "case", "settings", "reports"}, self.loader.request)
        self.loader.request()

    # --- building ------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.month = QComboBox(objectName="report_month")
        first, _last = previous_month(today_qdate().toPython())
        day = first
        for _ in range(MONTHS_SHOWN):
            period = period_of(day)
            self.month.addItem(month_text(period), period)
            day = previous_month(day)[0]
        self.month.currentIndexChanged.connect(lambda _i: self.loader.request())
        self.due = QLabel(objectName="report_due")
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("报表月份")))
        top.addWidget(self.month)
        top.addWidget(self.due, 1)

        self.own_box = QGroupBox(tr("本单位月度报表"))
        self.own_status = QLabel(objectName="report_own_status", wordWrap=True)
        self.own_status.setTextFormat(Qt.TextFormat.RichText)
        self.own_figures = _table("report_own_figures", [tr("项目"), tr("本单位")])
        self.submit_button = QPushButton(tr("提交"), objectName="report_submit")
        self.submit_button.setToolTip(tr("提交后数字冻结，并以本站密钥签名，随同步包报送上一级审核"))
        self.submit_button.clicked.connect(self.submit)
        own = QVBoxLayout(self.own_box)
        own.addWidget(self.own_status)
        own.addWidget(self.own_figures, 1)
        self.export_button = QPushButton(tr("导出 PDF…"), objectName="report_export")
        self.export_button.setToolTip(tr("把本单位该月报表（已提交的为冻结的数字）导出为 PDF"))
        self.export_button.clicked.connect(lambda: self.export(None))
        own_buttons = QHBoxLayout()
        own_buttons.addStretch(1)
        own_buttons.addWidget(self.export_button)
        own_buttons.addWidget(self.submit_button)
        own.addLayout(own_buttons)

        self.below_box = QGroupBox(tr("下级单位报送情况"))
        self.board = _table("report_board", [tr("单位"), tr("上级单位"), tr("状态"), tr("提交时间"), tr("报送次数"),
                                             tr("退回原因")], stretch=5)
        self.board.itemSelectionChanged.connect(self._selected)
        self.unit_figures = _table("report_unit_figures", [tr("项目"), tr("所报数字")])
        self.reason = QLineEdit(objectName="report_return_reason")
        self.reason.setPlaceholderText(tr("退回原因（必填）：写明要更正什么"))
        self.accept_button = QPushButton(tr("通过"), objectName="report_accept")
        self.return_button = QPushButton(tr("退回"), objectName="report_return")
        self.accept_button.clicked.connect(self.accept)
        self.return_button.clicked.connect(self.send_back)
        review = QHBoxLayout()
        self.export_unit_button = QPushButton(tr("导出所选报表…"), objectName="report_export_unit")
        self.export_unit_button.clicked.connect(self._export_selected)
        review.addWidget(self.export_unit_button)
        review.addWidget(self.reason, 1)
        review.addWidget(self.accept_button)
        review.addWidget(self.return_button)
        split = QSplitter()
        split.addWidget(self.board)
        split.addWidget(self.unit_figures)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([640, 260])
        below = QVBoxLayout(self.below_box)
        below.addWidget(split, 1)
        below.addLayout(review)

        self.total_box = QGroupBox(tr("汇总（已通过的报表合计，与实时数对比）"))
        self.total_summary = QLabel(objectName="report_total_summary", wordWrap=True)
        self.total = _table("report_total", [tr("项目"), tr("上报合计"), tr("实时数"), tr("差异")])
        total = QVBoxLayout(self.total_box)
        total.addWidget(self.total_summary)
        total.addWidget(self.total, 1)

        lower = QSplitter(Qt.Orientation.Vertical)
        upper = QSplitter()
        upper.addWidget(self.own_box)
        upper.addWidget(self.below_box)
        upper.setStretchFactor(0, 2)
        upper.setStretchFactor(1, 3)
        upper.setSizes([520, 880])
        lower.addWidget(upper)
        lower.addWidget(self.total_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(lower, 1)
        self._enable()

    # --- loading -------------------------------------------------------------------------------------

    def period(self) -> str:
        return str(self.month.currentData())

    def select_period(self, period: str) -> None:
        index = self.month.findData(period)
        if index >= 0:
            self.month.setCurrentIndex(index)

    def _loaded(self, data: ReportingData) -> None:
        self.data = data
        self.due.setText(tr("报送截止：{due}（中国时间）").format(due=data.due.strftime("%Y-%m-%d")))
        self._show_own()
        self._show_board()
        self._show_total()
        self._enable()
        self.sig_loaded.emit(data)

    def _show_own(self) -> None:
        own = self.data.own if self.data is not None else None
        self.own_box.setVisible(own is not None)
        if own is None:
            return
        figures = reports.freeze(own.report)
        _fill(self.own_figures, [[tr(label), _value(figures, s, k)] for s, k, label in HEADLINE])
        status = own.status.value
        colour = STATUS_COLOURS.get(status, "#5f6368")
        text = tr("{unit}{month}报表：<b style='color:{colour}'>{status}</b>").format(
            unit=own.unit_name, month=month_text(own.period), colour=colour, status=tr(STATUS_TEXT[status]))
        if own.status != ReportStatus.DRAFT:
            text += tr("（第{n}次报送，{who}于{when}提交）").format(n=own.submission_no, who=own.submitted_by,
                                                        when=_when(own.submitted_at))
        if own.status == ReportStatus.RETURNED:
            text += "<br>" + tr("退回原因：{reason}（{who}）。请更正数据后重新提交。").format(
                reason=own.return_reason or "", who=own.reviewed_by or "")
        elif own.status == ReportStatus.ACCEPTED:
            text += "<br>" + tr("已由{who}审核通过。").format(who=own.reviewed_by or "")
        elif own.status == ReportStatus.DRAFT:
            text += "<br>" + tr("下表为本单位本月工作的实时数字；提交后冻结。")
        if own.signature_ok is False:
            text += "<br><span style='color:#c5221f'>" + tr("报表数字与本站签名不符，可能被改动过。") + "</span>"
        self.own_status.setText(text)
        self.submit_button.setText(tr("重新提交") if own.status == ReportStatus.RETURNED else tr("提交"))

    def _show_board(self) -> None:
        rows = self.data.below if self.data is not None else ()
        self.below_box.setVisible(bool(rows))
        _fill(self.board, [[r.unit_name, r.parent_name, tr(STATUS_TEXT[r.status]), _when(r.submitted_at),
                            str(r.submission_no) if r.submission_no else "", r.return_reason or ""] for r in rows])
        for i, r in enumerate(rows):
            item = self.board.item(i, 2)
            if item is not None and r.status in STATUS_COLOURS:
                item.setForeground(QColor(STATUS_COLOURS[r.status]))
            reason = self.board.item(i, 5)
            if reason is not None and r.return_reason:
                reason.setToolTip(r.return_reason)   # a long reason is cut short in its cell
        self._selected()

    def _show_total(self) -> None:
        data = self.data
        total = data.consolidated if data is not None else None
        self.total_box.setVisible(data is not None and bool(data.below))
        if data is None:
            return
        if total is None:
            self.total_summary.setText(data.consolidation_error or "")
            self.total_summary.setStyleSheet("color:#c5221f")
            _fill(self.total, [])
            return
        self.total_summary.setStyleSheet("")
        summary = tr("已汇总 {n} 个单位的已通过报表。").format(n=len(total.included))
        if total.missing:
            summary += tr("尚未通过：{names}。").format(names="、".join(total.missing))
        if total.differences:
            summary += tr("有 {n} 项与实时数不符（报表通过后数据又有变动）。").format(n=len(total.differences))
        self.total_summary.setText(summary)
        lines = {(line.section_key, line.key): line for line in total.lines}
        rows = []
        for s, k, label in HEADLINE:
            line = lines.get((s, k))
            if line is not None:
                rows.append(self._total_row(tr(label), line))
        shown = {(s, k) for s, k, _label in HEADLINE}
        rows += [self._total_row(tr(line.label), line) for line in total.differences
                 if (line.section_key, line.key) not in shown]
        _fill(self.total, rows)

    @staticmethod
    def _total_row(label: str, line: Any) -> list[str]:
        diff = "" if line.difference in (None, 0) else (
            f"{line.difference:+.1%}" if line.kind == RATE else f"{int(line.difference):+d}")
        return [label, format_value(line.reported, line.kind), format_value(line.live, line.kind), diff]

    # --- selection and actions -----------------------------------------------------------------------

    def selected_row(self) -> BoardRow | None:
        rows = self.data.below if self.data is not None else ()
        index = self.board.currentRow()
        return rows[index] if 0 <= index < len(rows) and self.board.selectionModel().hasSelection() else None

    def _selected(self) -> None:
        row = self.selected_row()
        figures = row.figures if row is not None else None
        _fill(self.unit_figures, [[tr(label), _value(figures, s, k)] for s, k, label in HEADLINE] if figures else [])
        self._enable()

    def _enable(self) -> None:
        own = self.data.own if self.data is not None else None
        finished = self.data is not None and self.data.period < period_of(today_qdate().toPython())
        self.submit_button.setEnabled(own is not None and finished and
                                      own.status in (ReportStatus.DRAFT, ReportStatus.RETURNED))
        row = self.selected_row()
        reviewable = row is not None and row.reviewable and row.status == ReportStatus.SUBMITTED.value
        self.accept_button.setEnabled(reviewable)
        self.export_unit_button.setEnabled(row is not None and row.report_id is not None)
        self.export_button.setEnabled(own is not None)
        self.return_button.setEnabled(reviewable)
        self.reason.setEnabled(reviewable)

    def submit(self) -> None:
        own = self.data.own if self.data is not None else None
        if own is None:
            return
        if not messages.confirm(self, tr("提交报表"), tr("提交{month}报表？提交后数字冻结并签名，随同步包报送上一级审核；"
                                                          "如被退回，可更正后重新提交。").format(month=month_text(own.period))):
            return
        self.session.write(reports.submit, own.period, expected_version=own.version or None,
                           on_done=self._done, on_error=lambda exc: present_error(self, exc))

    def accept(self) -> None:
        row = self.selected_row()
        if row is None or row.report_id is None:
            return
        self.session.write(reports.accept, row.report_id, expected_version=row.version,
                           on_done=self._done, on_error=lambda exc: present_error(self, exc))

    def send_back(self) -> None:
        row = self.selected_row()
        if row is None or row.report_id is None:
            return
        self.session.write(reports.return_report, row.report_id, self.reason.text(), expected_version=row.version,
                           on_done=self._returned, on_error=lambda exc: present_error(self, exc))

    def _export_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.export(row.unit_id)

    def export(self, unit_id: str | None) -> None:
        name = tr("{period}-月度统计报表.pdf").format(period=self.period())
        path, _ = QFileDialog.getSaveFileName(self, tr("导出报表"), name, tr("PDF 文件 (*.pdf)"))
        if path:
            self.export_to(path, unit_id)

    def export_to(self, path: str, unit_id: str | None = None) -> None:
        from fulian_desktop.documents.unit_report_pdf import export_unit_report   # ReportLab only when exporting

        self.session.write(export_unit_report, self.period(), path, unit_id=unit_id,
                           on_done=lambda _view: messages.info(self, tr("已导出"), tr("报表已保存到 {path}").format(
                               path=path)), on_error=lambda exc: present_error(self, exc))

    def _returned(self, view: Any) -> None:
        self.reason.clear()
        self._done(view)

    def _done(self, view: Any) -> None:
        self.sig_done.emit(view)
        self.loader.request()


def reminder_text(note: board.Reminder) -> str:
    """The line on a supervisor's home page about last month's reports ("" when nothing is needed)."""
    month = month_text(note.period)
    parts = []
    if note.own_status == ReportStatus.DRAFT and note.own_late:
        parts.append(tr("本单位{month}报表已逾期未报（截止{due}）").format(month=month, due=_date(note.due)))
    elif note.own_status == ReportStatus.DRAFT:
        parts.append(tr("本单位{month}报表尚未提交（截止{due}）").format(month=month, due=_date(note.due)))
    elif note.own_status == ReportStatus.RETURNED:
        parts.append(tr("本单位{month}报表被退回：{reason}，请更正后重新提交").format(month=month,
                                                                         reason=note.own_reason or ""))
    if note.to_review:
        parts.append(tr("{n} 个下级单位的{month}报表待审核").format(n=note.to_review, month=month))
    if note.overdue:
        parts.append(tr("{n} 个单位逾期未报（{names}）").format(n=note.overdue, names="、".join(note.overdue_names)))
    return (tr("上报提醒：") + "；".join(parts) + tr("。请到“上报”页办理。")) if parts else ""


def _date(day: date) -> str:
    return tr("{month}月{day}日").format(month=day.month, day=day.day)
