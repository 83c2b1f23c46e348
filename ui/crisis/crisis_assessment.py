"""The 危险评估 sub-tab: the live form on the left; on the right the result box, the trend of levels as a
small chart and every assessment so far. Saving runs `crisis.record_assessment`; when the saved level is
高 a red banner says the case is now a major incident at the top of the supervisor's queue.
"""
from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame, QGroupBox, QLabel, QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.domain.risk import RiskLevel
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.crisis.crisis import AssessmentView

from ..errors import present_error
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_table import fit_columns, setup_table
from ..common.crisis_common import LEVEL_COLOURS, banner
from ..common.guard import while_alive
from .risk_chart import RiskTrendChart, TrendPoint
from .risk_form import RiskForm, flag_names


LEVEL_COLUMN = 1


def history_columns() -> tuple[str, ...]:
    return (tr("评估时间"), tr("等级"), tr("得分"), tr("较上次"), tr("依据"), tr("评估人"))


def history_cells(a: AssessmentView) -> tuple[str, ...]:
    trend = f"{a.trend.arrow} {tr(a.trend.label)}" if a.trend else "—"
    level = tr(a.final_level.label)
    if a.overridden:
        level = tr("{computed}→{final}").format(computed=tr(a.computed_level.label), final=tr(a.final_level.label))
    why = []
    if a.red_flags:
        why.append(tr("红色警示：{flags}").format(flags=flag_names(a.red_flags)))
    if a.overridden:
        why.append(tr("专业判断：{reason}").format(reason=a.override_reason or ""))
    score = str(a.score) + (f"（{a.score_change:+d}）" if a.score_change else "")
    return (format_local(a.assessed_at), level, score, trend, "；".join(why) or "—", a.assessor)


class AssessmentPanel(QWidget):
    sig_saved = Signal(object)
    """(AssessmentView) — an assessment was stored (the owner reloads and tells the case page)."""

    def __init__(self, session: AppSession, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.views: tuple[AssessmentView, ...] = ()
        self.form = RiskForm(self)
        self.form.sig_submit.connect(self.save)
        self.banner = banner("danger", "crisis_major_banner")

        self.chart = RiskTrendChart(self)
        self.table = QTableWidget(0, len(history_columns()), objectName="risk_history")
        setup_table(self.table, history_columns())
        self.table.setAlternatingRowColors(False)
        self.table.setMinimumHeight(112)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.details = QLabel(objectName="risk_history_details")
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color:#3c4043")
        history = QGroupBox(tr("评估记录与趋势"), objectName="risk_history_box")
        h = QVBoxLayout(history)
        h.addWidget(self.chart)
        h.addWidget(self.table, 1)
        h.addWidget(self.details)

        right = QSplitter(Qt.Vertical)
        right.addWidget(self.form.result)
        right.addWidget(history)
        right.setStretchFactor(1, 1)
        right.setSizes([200, 600])
        right_scroll = QScrollArea(objectName="risk_right_scroll")   # never forces the window taller
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QFrame.NoFrame)
        right_scroll.setWidget(right)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.form.checklist)
        split.addWidget(right_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)

    # --- data --------------------------------------------------------------------------------------
    def set_data(self, views: tuple[AssessmentView, ...], editable: bool, major: bool) -> None:
        self.views = views
        self.chart.set_points([TrendPoint(a.assessed_at, a.final_level.value, a.overridden) for a in views])
        self.table.setRowCount(len(views))
        for row, a in enumerate(reversed(views)):  # newest on top
            for column, text in enumerate(history_cells(a)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == LEVEL_COLUMN:
                    background, colour = LEVEL_COLOURS[a.final_level.value]
                    item.setBackground(QBrush(QColor(background)))
                    item.setForeground(QBrush(QColor(colour)))
                    item.setTextAlignment(Qt.AlignCenter)
                self.table.setItem(row, column, item)
        fit_columns(self.table, stretch=4)
        if views:
            self.table.selectRow(0)
        if views and not self.form.answered():
            self.form.set_relationship(views[-1].relationship)   # a reassessment uses the same set
        self.form.set_previous(dict(views[-1].answers) if views else None)
        self.form.set_editable(editable)
        latest = views[-1] if views else None
        if latest is not None and latest.final_level == RiskLevel.HIGH and major and not self.banner.isVisible():
            self._show_banner(latest, just_saved=False)
        elif latest is None or latest.final_level != RiskLevel.HIGH:
            self.banner.hide()
        self._show_selected()

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.views:
            self.details.setText(tr("尚无评估。填写左侧评估表后点“保存评估”。") if not self.views else "")
            return
        a = list(reversed(self.views))[rows[0].row()]
        yes = [i for i, v in a.answers.items() if v]
        labels = flag_names(yes) or tr("无")
        self.details.setText(tr("该次评估回答“是”的项目：{items}").format(items=labels))

    # --- saving ------------------------------------------------------------------------------------
    def save(self, answers: dict, level: RiskLevel | None, reason: str | None, at: datetime) -> None:
        if self.form.busy:
            return
        self.form.set_busy(True)
        self.session.write(crisis.record_assessment, self.case_id, answers, level, reason, assessed_at=at,
                           on_done=while_alive(self, self._saved), on_error=while_alive(self, self._failed))

    def _saved(self, view: AssessmentView) -> None:
        self.form.set_busy(False)
        self.form.clear()
        if view.final_level == RiskLevel.HIGH:
            self._show_banner(view, just_saved=True)
        else:
            self.banner.hide()
        self.sig_saved.emit(view)

    def _failed(self, exc: BaseException) -> None:
        self.form.set_busy(False)
        present_error(self, exc)   # the answers stay ticked, as entered

    def _show_banner(self, view: AssessmentView, *, just_saved: bool) -> None:
        why = flag_names(view.red_flags)
        if view.overridden:
            why = tr("专业判断：{reason}").format(reason=view.override_reason or "")
        text = tr("⚠ 危险评估为“高”：本案已标记为重大案事件，并置于督导审核队列首位。") if just_saved else \
            tr("⚠ 最近一次危险评估为“高”（{at}）：本案为重大案事件，在督导审核队列首位。").format(
                at=format_local(view.assessed_at))
        text += "<br>"
        if why:
            text += tr("依据：{why}。").format(why=escape(why))
        text += tr("请立即制定或核对安全计划，必要时报警、申请人身安全保护令或安排临时庇护。")
        self.banner.setText(text)
        self.banner.show()
