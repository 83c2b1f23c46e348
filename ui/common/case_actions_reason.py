"""A small dialog asking for a reason (or a note) before a step on a case.

`ReasonDialog(parent, title, prompt, required=True)`: 确定 stays disabled until the reason holds
something other than spaces. `notice` is shown above the field (e.g. "提交后将送督导审批"); extra
inputs (days of an extension …) go in with `add_row` before the dialog opens, and `set_valid`
lets their owner block 确定 too.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget,
)

from ..i18n import tr

NOTICE_STYLE = ("QLabel#reason_notice { background: #fff4d6; border: 1px solid #e0b54a; border-radius: 4px;"
                " padding: 6px 8px; color: #5c3c00; }")


class ReasonDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str, *, required: bool = True,
                 notice: str = "", placeholder: str = "", ok_text: str = "", max_length: int = 2000) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("reason_dialog")
        self.required = required
        self.max_length = max_length
        self._extra_ok: Callable[[], str] | None = None  # returns why OK is blocked, or ""

        self.notice = QLabel(notice, objectName="reason_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setVisible(bool(notice))
        self.prompt_text = prompt
        self.prompt = QLabel(prompt + (tr("（必填）") if required else tr("（可不填）")), objectName="reason_prompt")
        self.prompt.setWordWrap(True)
        self.text = QPlainTextEdit(objectName="reason_text")
        self.text.setPlaceholderText(placeholder)
        self.text.setTabChangesFocus(True)  # Tab moves on to the buttons, as in any other field
        self.text.setMinimumHeight(90)
        self.prompt.setBuddy(self.text)
        self.text.textChanged.connect(self.update_ok)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.hint = QLabel(objectName="reason_hint")
        self.hint.setStyleSheet("color:#666")
        self.hint.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(ok_text or tr("确定"))
        self.ok_button.setObjectName("reason_ok")
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(self.form)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.text.setFocus(Qt.OtherFocusReason)
        self.update_ok()

    def add_row(self, label: str, widget: QWidget) -> None:
        self.form.addRow(label, widget)

    def set_extra_check(self, check: Callable[[], str]) -> None:
        """`check()` returns why 确定 must stay disabled (shown below the field), or ""."""
        self._extra_ok = check
        self.update_ok()

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    def update_ok(self) -> None:
        problem = ""
        if self.required and not self.reason():
            problem = tr("请填写{what}。").format(what=self.prompt_text.split("（")[0].rstrip("：:"))
        elif len(self.reason()) > self.max_length:
            problem = tr("最多 {max_length} 字。").format(max_length=self.max_length)
        elif self._extra_ok is not None:
            problem = self._extra_ok()
        self.ok_button.setEnabled(not problem)
        self.ok_button.setToolTip(problem)
        self.hint.setText(problem)

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.text.setFocus(Qt.OtherFocusReason)
