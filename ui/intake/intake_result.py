"""The confirmation shown above the intake form after a save: what was decided, and the case it made."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from fulian_desktop.domain.intake_rules import IntakeDecision
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.intake.intake import IntakeView

from ..i18n import tr


def describe(view: IntakeView) -> str:
    """One paragraph in Chinese: who, how, the decision and what it did."""
    head = tr("已登记 <b>{visitor_name}</b> 的{label}（{received_at}").format(visitor_name=view.visitor_name, label=tr(view.channel.label), received_at=format_local(view.received_at))
    head += tr("，{people_count} 人，集体访）").format(people_count=view.people_count) if view.is_group else "）"
    match view.decision:
        case IntakeDecision.ACCEPT:
            what = tr("处理：<b>受理</b>，已立案 <b>{case_no}</b>，转入办理。").format(case_no=view.case_no)
        case IntakeDecision.REJECT:
            what = tr("处理：<b>不予受理</b>，已立案 <b>{case_no}</b>，待督导审批后书面告知信访人。").format(case_no=view.case_no)
        case IntakeDecision.TRANSFER:
            what = tr("处理：<b>转办</b>至 {transfer_to}，案件 <b>{case_no}</b>。").format(
                transfer_to=escape(view.transfer_to or ""), case_no=view.case_no)
            if view.decision_note:
                what += tr("理由：{note}").format(note=escape(view.decision_note))
        case _:
            what = tr("处理：<b>{label}</b>，已计入接待登记，不立案。").format(label=tr(view.decision.label))
    parts = [head + "。", what]
    if view.is_repeat:
        why = "；".join(view.repeat_reasons)
        parts.append(tr("已按<b>重复访</b>登记：{why}。").format(why=why) if why else tr("已按<b>重复访</b>登记。"))
    if view.warnings:
        parts.append("<span style='color:#9a6700'>" + tr("提示：{warnings}").format(warnings="；".join(view.warnings)) + "</span>")
    return "<br>".join(parts)


class IntakeResultBanner(QFrame):
    sig_open_case = Signal(str)
    """(case id) — 打开案件 was clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake_result")
        self.setStyleSheet("#intake_result { background:#e6f4ea; border:1px solid #1e8e3e; border-radius:6px; }")
        self.view: IntakeView | None = None
        self.text = QLabel(objectName="intake_result_text")
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.open_button = QPushButton(tr("打开案件(&V)"), objectName="intake_open_case")
        self.open_button.clicked.connect(lambda: self.view and self.view.case_id
                                         and self.sig_open_case.emit(self.view.case_id))
        close = QPushButton(tr("知道了(&0)"), objectName="intake_result_close")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(QLabel("<span style='color:#1e8e3e; font-size:18px'>✓</span>"))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(close)
        self.hide()

    def show_view(self, view: IntakeView) -> None:
        self.view = view
        self.text.setText(describe(view))
        self.open_button.setVisible(view.case_id is not None)
        self.show()

    def add_note(self, note: str) -> None:
        """A line after the description (the danger assessment's result, or that it is still owed)."""
        self.text.setText(self.text.text() + "<br><b>" + escape(note) + "</b>")
