"""The follow-ups part of the mediation tab (回访记录): every visit or call — when, who, how, the agreement's
performance and the parties' satisfaction — and 添加回访. Visits are append-only (a correction is a new visit)
and may be added after the case is closed."""
from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.domain.mediation_rules import Satisfaction
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.mediation.mediation import FollowUpView

from .mediation_followup_dialogs import FollowUpDialog
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from ..common.case_actions_table import fit_columns, setup_table
from .mediation_data import MediationData

SATISFACTION_COLOURS = {Satisfaction.SATISFIED: "#1e7e34", Satisfaction.BASICALLY: "#9a6700",
                        Satisfaction.UNSATISFIED: "#b3261e"}


class MediationFollowUpsPanel(QWidget):
    def __init__(self, session: AppSession, runner: ActionRunner, case_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.case_id = session, runner, case_id
        self.data: MediationData | None = None
        self.columns = (tr("回访时间"), tr("方式"), tr("回访人"), tr("协议"), tr("履行情况"), tr("满意度"), tr("备注"))
        self.table = QTableWidget(0, len(self.columns), objectName="followups_table")
        setup_table(self.table, self.columns, wrap=True)
        self.add_button = QPushButton(tr("添加回访…"), objectName="followup_add")
        self.add_button.clicked.connect(self.start_add)
        self.empty = QLabel(objectName="followups_empty")
        self.empty.setStyleSheet("color:#666")
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.empty, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        runner.sig_busy.connect(lambda _b: self.update_buttons())
        self.update_buttons()

    def set_data(self, data: MediationData) -> None:
        self.data = data
        numbers = {a.id: i for i, a in enumerate(data.overview.agreements, start=1)}
        visits: tuple[FollowUpView, ...] = data.overview.follow_ups
        self.table.setRowCount(len(visits))
        for row, v in enumerate(visits):
            agreement = tr("协议 {n}").format(n=numbers[v.agreement_id]) if v.agreement_id in numbers else "—"
            cells = (format_local(v.visited_at), v.method_label, v.visitor, agreement, v.performance,
                     v.satisfaction_label, v.note or "—")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 5:
                    item.setForeground(QBrush(QColor(SATISFACTION_COLOURS[v.satisfaction])))
                self.table.setItem(row, column, item)
        fit_columns(self.table, stretch=4, caps={4: 420, 6: 240})
        self.empty.setText("" if visits else tr("尚无回访记录。协议生效后应回访当事人，了解履行情况和满意度。"))
        self.update_buttons()

    def update_buttons(self) -> None:
        actor = self.session.actor
        may = actor is not None and can(actor, Permission.CASE_EDIT)
        self.add_button.setVisible(may)
        self.add_button.setEnabled(may and self.data is not None and not self.runner.busy)

    def start_add(self) -> None:
        actor = self.session.actor
        if self.data is None or self.runner.busy or actor is None:
            return
        dialog = FollowUpDialog(self, self.data.overview.agreements, actor.display_name)

        def save() -> None:
            v = dialog.values()
            self.runner.write(mediation.add_follow_up, self.case_id, v["agreement_id"], v["visited_at"], v["visitor"],
                              v["method"], v["performance"], v["satisfaction"], v["note"], notice=tr("已添加回访"))
        self.runner.open_dialog(dialog, save)
