"""The 时限 tab: every statutory clock of the case, with 暂停计时, 恢复计时 and 申请延期.

Pausing (hearing, appraisal …) needs a reason; an extension is asked of the supervisor (days within
the legal maximum and a reason) and is disabled where the law allows none or it was used already.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.clocks import RULES, ClockKind
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.clocks import clocks
from fulian_desktop.services.crisis import mandatory_reports
from fulian_desktop.services.clocks.clocks import ClockView
from fulian_desktop.services.cases import workflow
from fulian_desktop.services.cases.workflow import ApprovalKind, ApprovalView

from ..common.case_actions_reason import ReasonDialog
from ..crisis.mandatory_report_dialog import MandatoryReportDialog
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from ..common.case_actions_table import fit_columns, setup_table
from ..common.case_clocks_chips import CHIP_COLOURS, chip_state, clock_tooltip, due_text

COLUMNS = (QT_TRANSLATE_NOOP("", "时限"), QT_TRANSLATE_NOOP("", "开始"), QT_TRANSLATE_NOOP("", "届满"), QT_TRANSLATE_NOOP("", "状态"), QT_TRANSLATE_NOOP("", "倒计时"), QT_TRANSLATE_NOOP("", "暂停 / 延期"))


def status_text(view: ClockView) -> str:
    if view.stopped_at is not None:
        return tr("已停止（按时）") if view.stopped_at < view.deadline.due_at else tr("已停止（超期）")
    if view.paused:
        return tr("暂停中")
    return tr(view.status.label)


def adjust_text(view: ClockView) -> str:
    parts = []
    if view.paused_days or view.paused:
        parts.append(tr("暂停 {paused_days} 天").format(paused_days=view.paused_days) + (tr("（暂停中）") if view.paused else ""))
    if view.extended_days:
        parts.append(tr("已延期 {extended_days} 天").format(extended_days=view.extended_days))
    if view.fixed:   # a court's (or another body's) date, not the statutory computation
        parts.append(tr("届满日由他方确定"))
    return "；".join(parts) or "—"


class CaseClocksPanel(QWidget):
    def __init__(self, session: AppSession, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner = session, runner
        self.views: tuple[ClockView, ...] = ()
        self.approvals: tuple[ApprovalView, ...] = ()
        self.table = QTableWidget(0, len(COLUMNS), objectName="clock_table")
        setup_table(self.table, COLUMNS)
        self.table.setAlternatingRowColors(False)  # the status colours carry the meaning
        self.table.itemSelectionChanged.connect(self.update_buttons)

        self.pause_button = QPushButton(tr("暂停计时"), objectName="clock_pause")
        self.pause_button.clicked.connect(self.start_pause)
        self.resume_button = QPushButton(tr("恢复计时"), objectName="clock_resume")
        self.resume_button.clicked.connect(self.start_resume)
        self.extend_button = QPushButton(tr("申请延期"), objectName="clock_extend")
        self.extend_button.clicked.connect(self.start_extend)
        self.report_button = QPushButton(tr("登记强制报告…"), objectName="clock_report")
        self.report_button.setToolTip(tr("向公安机关报案后，在此登记报告情况；登记后该时限停止"))
        self.report_button.clicked.connect(self.start_report)
        self.hint = QLabel(tr("听证、鉴定等时间不计入期限时，可暂停计时；恢复后暂停的天数顺延。将鼠标停在时限上可查看法律依据。"))
        self.hint.setStyleSheet("color:#666")
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.pause_button, self.resume_button, self.extend_button, self.report_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        runner.sig_busy.connect(lambda _b: self.update_buttons())
        self.update_buttons()

    def set_clocks(self, views: tuple[ClockView, ...], approvals: tuple[ApprovalView, ...] | None = None) -> None:
        selected = self.selected()
        self.views = views
        if approvals is not None:
            self.approvals = approvals
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            cells = (view.label, format_local(view.started_at), due_text(view), status_text(view),
                     view.countdown if view.stopped_at is None else tr("{stopped_at} 停止").format(stopped_at=format_local(view.stopped_at)),
                     adjust_text(view))
            state = chip_state(view)
            background, colour, _border = CHIP_COLOURS[state]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(clock_tooltip(view))
                if column == 3 and state not in ("stopped", "running"):
                    item.setBackground(QBrush(QColor(background)))
                    item.setForeground(QBrush(QColor(colour)))
                self.table.setItem(row, column, item)
        fit_columns(self.table, stretch=len(COLUMNS) - 1)
        row = next((i for i, v in enumerate(views) if selected and v.id == selected.id), None)
        if row is None:  # the first running clock, else the first
            row = next((i for i, v in enumerate(views) if v.stopped_at is None), 0 if views else None)
        if row is not None:
            self.table.selectRow(row)
        self.update_buttons()

    def selected(self) -> ClockView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.views):
            return None
        return self.views[rows[0].row()]

    def select_kind(self, kind: str) -> None:
        row = next((i for i, v in enumerate(self.views) if v.kind == kind and v.stopped_at is None), None)
        if row is not None:
            self.table.selectRow(row)

    def _pending_extension(self, view: ClockView) -> ApprovalView | None:
        return next((a for a in self.approvals if a.kind == ApprovalKind.EXTEND_CLOCK
                     and (a.payload or {}).get("clock_id") == view.id), None)

    def update_buttons(self) -> None:
        actor = self.session.actor
        may = actor is not None and can(actor, Permission.CASE_EDIT)
        for button in (self.pause_button, self.resume_button, self.extend_button):
            button.setVisible(may)
        view = self.selected()
        running = view is not None and view.stopped_at is None and not self.runner.busy
        report = running and view.kind is ClockKind.MANDATORY_REPORT
        self.report_button.setVisible(may and any(v.kind is ClockKind.MANDATORY_REPORT and v.stopped_at is None
                                                  for v in self.views))
        self.report_button.setEnabled(bool(report))
        if report:   # a mandatory report is made at once: it is neither paused nor extended
            running = False
        self.pause_button.setEnabled(running and not view.paused)
        self.resume_button.setEnabled(running and view.paused)
        pending = self._pending_extension(view) if view else None
        self.extend_button.setEnabled(running and view.can_extend and pending is None)
        self.extend_button.setToolTip(self._extend_tip(view, pending))

    @staticmethod
    def _extend_tip(view: ClockView | None, pending: ApprovalView | None) -> str:
        if view is None:
            return tr("请先选择一个时限。")
        rule = RULES[view.kind]
        if view.stopped_at is not None:
            return tr("该时限已停止计时。")
        if pending is not None:
            return tr("已申请延期（{requested_by_name}），等待督导审批。").format(requested_by_name=pending.requested_by_name)
        if not rule.max_extension_days:
            return tr("“{label}”的期限依规定不能延长。").format(label=tr(view.label))
        if view.extended_days:
            return tr("“{label}”只能延长一次，已延长 {extended_days} 天。").format(label=tr(view.label), extended_days=view.extended_days)
        return tr("申请延期（最多 {max_extension_days} 日，须督导批准）").format(max_extension_days=rule.max_extension_days)

    # --- actions -----------------------------------------------------------------------------------
    def start_pause(self) -> None:
        view = self.selected()
        if view is None or self.runner.busy:
            return
        dialog = ReasonDialog(self, tr("暂停计时：{label}").format(label=tr(view.label)), tr("暂停的理由（如听证、鉴定）"),
                              notice=tr("暂停期间不计入期限；恢复计时后，暂停的天数顺延。"), ok_text=tr("暂停计时"))
        dialog.setObjectName("clock_pause_dialog")
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            clocks.pause_clock, view.id, dialog.reason(), notice=tr("已暂停计时：{label}").format(label=tr(view.label))))

    def start_resume(self) -> None:
        view = self.selected()
        if view is None or self.runner.busy:
            return
        self.runner.write(clocks.resume_clock, view.id, notice=tr("已恢复计时：{label}").format(label=tr(view.label)))

    def start_extend(self) -> None:
        view = self.selected()
        if view is None or self.runner.busy or not view.can_extend:
            return
        most = RULES[view.kind].max_extension_days or 30
        dialog = ReasonDialog(self, tr("申请延期：{label}").format(label=tr(view.label)), tr("延期的理由（将告知当事人）"), ok_text=tr("提交审批"),
                              notice=tr("延期须经督导审批，只能延长一次，最多 {most} 日。当前届满：{due_text}。").format(most=most, due_text=due_text(view)))
        dialog.setObjectName("clock_extend_dialog")
        days = QSpinBox(objectName="extend_days")
        days.setRange(1, min(most, 30))
        days.setValue(min(most, 30))
        days.setSuffix(tr(" 天"))
        dialog.add_row(tr("延长天数"), days)
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            workflow.request_extension, view.id, days.value(), dialog.reason(),
            notice=tr("已申请延期 {value} 天，等待督导审批").format(value=days.value())))

    def start_report(self) -> None:
        view = self.selected()
        if view is None or self.runner.busy or view.kind is not ClockKind.MANDATORY_REPORT:
            return
        dialog = MandatoryReportDialog(self, tr("未成年人或无民事行为能力、限制民事行为能力的成年人"))
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            mandatory_reports.record_report_for_clock, view.id, notice=tr("已登记强制报告"), **dialog.values()))
