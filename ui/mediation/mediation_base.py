"""The frame every dialog of the mediation tab shares: an optional notice, a form, a hint line naming what is still
missing, and 确定 / 取消.

`problem()` (overridden) returns what the core would refuse, in Chinese, or "". With `strict=True` (the default)
确定 stays disabled while there is a problem; with `strict=False` it stays enabled and pressing it shows the
problem in a message box (through ui.errors.messages) and keeps the dialog open — for long forms like the
调解笔录, where a disabled button would not say what is wrong. The core still checks everything.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget,
)

from ..errors import messages
from ..i18n import tr
from .mediation_data import now_local, to_qdate, to_qdatetime
from ..common.case_actions_reason import NOTICE_STYLE

HINT_STYLE = "color:#b3261e"


class MediationDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, *, ok_text: str = "", notice: str = "",
                 strict: bool = True, refuse_title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.strict = strict
        self.refuse_title = refuse_title or tr("尚不能保存")
        self.notice = QLabel(notice, objectName="reason_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setVisible(bool(notice))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.hint = QLabel(objectName="dialog_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(ok_text or tr("保存"))
        self.ok_button.setObjectName("dialog_ok")
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.notice)
        self.body.addLayout(self.form)

    def finish_layout(self, min_width: int = 520) -> None:
        """Call at the end of the subclass's constructor, after its rows."""
        self.body.addWidget(self.hint)
        self.body.addWidget(self.buttons)
        self.setMinimumWidth(min_width)
        self.update_ok()

    def add_row(self, label: str, widget: QWidget) -> None:
        self.form.addRow(label, widget)
        found = self.form.labelForField(widget)
        if isinstance(found, QLabel):
            found.setBuddy(widget)

    # --- validation ------------------------------------------------------------------------------------
    def problem(self) -> str:
        return ""

    def update_ok(self, *_args: object) -> None:
        problem = self.problem()
        self.hint.setText(problem)
        self.hint.setVisible(bool(problem))
        if self.strict:
            self.ok_button.setEnabled(not problem)
            self.ok_button.setToolTip(problem)

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.update_ok()
            if not self.strict:
                messages.warn(self, self.refuse_title, problem)
            return
        super().accept()


def datetime_edit(name: str, value=None) -> QDateTimeEdit:  # noqa: ANN001 - datetime | None
    edit = QDateTimeEdit(objectName=name, calendarPopup=True, displayFormat="yyyy-MM-dd HH:mm")
    edit.setDateTime(to_qdatetime(value or now_local()))
    return edit


def date_edit(name: str, value=None) -> QDateEdit:  # noqa: ANN001 - date | None
    edit = QDateEdit(objectName=name, calendarPopup=True, displayFormat="yyyy-MM-dd")
    edit.setDate(to_qdate(value or now_local().date()))
    return edit
