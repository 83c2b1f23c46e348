"""The 行动记录 sub-tab: the crisis action log (append-only), oldest first as the record reads, with
记录行动. Notes of shelter, medical and mandatory-report entries are shown as 保密 to users who may not
see confidential details (the core leaves them out)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.crisis.crisis import ActionKind, ActionView

from .crisis_action_dialog import CrisisActionDialog
from ..i18n import tr
from ..common.case_actions_runner import ActionRunner
from ..common.case_actions_table import fit_columns, setup_table
from ..common.crisis_common import hint_label

ORDER_KINDS = {k for k in ActionKind if k.value.startswith("order_")}


def columns() -> tuple[str, ...]:
    return (tr("时间"), tr("行动"), tr("记录人"), tr("情况说明"))


def detail_text(a: ActionView) -> str:
    if a.redacted:
        return tr("（保密内容，您的角色无权查看）")
    return "；".join([f"{tr(label)}：{value}" for label, value in a.lines]
                    + ([a.detail.replace("\n", "；")] if a.detail else [])) or "—"


class ActionLogPanel(QWidget):
    def __init__(self, runner: ActionRunner, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.case_id = runner, case_id
        self.views: tuple[ActionView, ...] = ()
        self.editable = False
        self.add_button = QPushButton(tr("记录行动(&A)…"), objectName="action_add")
        self.add_button.clicked.connect(self.start_add)
        self.count = QLabel(objectName="action_count")
        self.count.setStyleSheet("color:#5f6368")
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.count)
        top.addStretch(1)
        self.table = QTableWidget(0, len(columns()), objectName="action_table")
        setup_table(self.table, columns(), wrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint_label(tr("行动记录只增不改。保护令的各个环节由“保护令”登记后自动记入。")))
        runner.sig_busy.connect(lambda _b: self._update_buttons())

    def set_data(self, views: tuple[ActionView, ...], editable: bool) -> None:
        self.views, self.editable = views, editable
        self.table.setRowCount(len(views))
        for row, a in enumerate(views):
            for column, text in enumerate((format_local(a.at), a.label, a.by_name, detail_text(a))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 1 and a.kind in ORDER_KINDS:
                    item.setForeground(QBrush(QColor("#174ea6")))
                if column == 3 and a.redacted:
                    item.setForeground(QBrush(QColor("#80868b")))
                item.setTextAlignment(Qt.AlignLeft | Qt.AlignTop)
                self.table.setItem(row, column, item)
        fit_columns(self.table, stretch=3, caps={1: 200})
        if views:
            self.table.scrollToBottom()
        self.count.setText(tr("共 {n} 条").format(n=len(views)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.editable and not self.runner.busy)
        self.add_button.setToolTip("" if self.editable else tr("您的角色不能登记，或案件已办结。"))

    def start_add(self) -> None:
        if self.runner.busy or not self.editable:
            return
        dialog = CrisisActionDialog(self)

        def save() -> None:
            v = dialog.values()
            self.runner.write(crisis.log_action, self.case_id, v["kind"], at=v["at"], detail=v["detail"],
                              data=v["data"], notice=tr("已记录行动：{kind}").format(
                                  kind=ActionKind(v["kind"]).label))
        self.runner.open_dialog(dialog, save)
