"""The confirmation shown above the intake form after a save: what was decided, and the case it made."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from fulian_desktop.domain.intake_rules import IntakeDecision
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.intake import IntakeView


def describe(view: IntakeView) -> str:
    """One paragraph in Chinese: who, how, the decision and what it did."""
    head = f"已登记 <b>{view.visitor_name}</b> 的{view.channel.label}（{format_local(view.received_at)}"
    head += f"，{view.people_count} 人，集体访）" if view.is_group else "）"
    match view.decision:
        case IntakeDecision.ACCEPT:
            what = f"处理：<b>受理</b>，已立案 <b>{view.case_no}</b>，转入办理。"
        case IntakeDecision.REJECT:
            what = f"处理：<b>不予受理</b>，已立案 <b>{view.case_no}</b>，待督导审批后书面告知信访人。"
        case IntakeDecision.TRANSFER:
            what = f"处理：<b>转办</b>（{view.decision_note or ''}），案件 <b>{view.case_no}</b>。"
        case _:
            what = f"处理：<b>{view.decision.label}</b>，已计入接待登记，不立案。"
    parts = [head + "。", what]
    if view.is_repeat:
        why = "；".join(view.repeat_reasons)
        parts.append("已按<b>重复访</b>登记" + (f"：{why}" if why else "") + "。")
    if view.warnings:
        parts.append("<span style='color:#9a6700'>提示：" + "；".join(view.warnings) + "</span>")
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
        self.open_button = QPushButton("打开案件", objectName="intake_open_case")
        self.open_button.clicked.connect(lambda: self.view and self.view.case_id
                                         and self.sig_open_case.emit(self.view.case_id))
        close = QPushButton("知道了", objectName="intake_result_close")
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
