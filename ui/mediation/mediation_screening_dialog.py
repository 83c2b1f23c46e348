"""联合调解前安全评估: before each joint (面对面) session of a domestic-violence case, the mediator asks the victim,
alone, whether she can speak freely, whether she fears the other party, whether there has been violence since the
last session; tells her she may choose separate sessions (背对背); and writes down her choice in her own words.
The core decides the result (joint allowed, or a supervisor's approval needed); the dialog shows it as she answers."""
from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QRadioButton, QWidget

from fulian_desktop.domain.dv_mediation import ScreeningAnswers, VictimChoice, evaluate_screening
from fulian_desktop.domain.enums import PartyRole
from fulian_desktop.services.mediation.mediation_sessions import PartyRef

from ..i18n import tr
from .mediation_base import MediationDialog
from .mediation_session_dialogs import party_label

RESULT_STYLE = "padding:6px;border-radius:4px;background:#fff4e5;color:#7a4b00"


class ScreeningDialog(MediationDialog):
    def __init__(self, parent: QWidget | None, parties: tuple[PartyRef, ...], risk_label: str) -> None:
        super().__init__(parent, tr("联合调解前安全评估"), ok_text=tr("保存评估"), strict=True,
                         notice=tr("请在对方不在场时单独询问受害人。面对面联合调解只在她能自由表达、本人同意时进行；"
                                   "危险评估为高、她害怕对方或又发生暴力时，还须督导批准。背对背调解（分别进行）"
                                   "随时可以安排。当前危险评估：{risk}。").format(risk=risk_label))
        self.setObjectName("mediation_screening_dialog")
        self.risk_high = risk_label == "高"
        self.victim = QComboBox(objectName="screening_victim")
        for p in parties:
            if p.role in (PartyRole.VICTIM, PartyRole.APPLICANT):
                self.victim.addItem(party_label(p), p.id)
        self.speaks = QCheckBox(tr("她能在对方面前自由表达自己的意愿"), objectName="screening_speaks")
        self.fears = QCheckBox(tr("她害怕对方"), objectName="screening_fears")
        self.since = QCheckBox(tr("上次调解（或登记）以来又发生暴力或威胁"), objectName="screening_since")
        self.offered = QCheckBox(tr("已告知她可以选择背对背调解（分别进行）"), objectName="screening_offered")
        self.joint = QRadioButton(tr("同意面对面联合调解"), objectName="screening_joint")
        self.separate = QRadioButton(tr("要求背对背调解"), objectName="screening_separate")
        group = QButtonGroup(self)
        group.addButton(self.joint)
        group.addButton(self.separate)
        self.separate.setChecked(True)
        choice = QWidget()
        row = QHBoxLayout(choice)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.joint)
        row.addWidget(self.separate)
        row.addStretch(1)
        self.words = QPlainTextEdit(objectName="screening_words")
        self.words.setPlaceholderText(tr("用她自己的话记录，例如：“我愿意和他当面谈孩子的抚养费，有调解员在场我不怕。”"))
        self.words.setTabChangesFocus(True)
        self.words.setFixedHeight(self.words.fontMetrics().lineSpacing() * 4 + 14)
        self.result = QLabel(objectName="screening_result")
        self.result.setWordWrap(True)
        self.result.setStyleSheet(RESULT_STYLE)
        self.add_row(tr("受害人"), self.victim)
        for box in (self.speaks, self.fears, self.since, self.offered):
            self.form.addRow("", box)
            box.toggled.connect(self.update_ok)
        self.add_row(tr("她的选择"), choice)
        self.add_row(tr("她的原话"), self.words)
        self.form.addRow(tr("评估结论"), self.result)
        self.joint.toggled.connect(self.update_ok)
        self.words.textChanged.connect(self.update_ok)
        self.finish_layout(640)

    def answers(self) -> ScreeningAnswers:
        return ScreeningAnswers(self.speaks.isChecked(), self.fears.isChecked(), self.since.isChecked(),
                                self.offered.isChecked(),
                                VictimChoice.JOINT if self.joint.isChecked() else VictimChoice.SEPARATE,
                                self.words.toPlainText().strip())

    def update_ok(self, *_args: object) -> None:
        outcome = evaluate_screening(self.answers(), self.risk_high)
        if not outcome.joint_allowed:
            text = tr("不宜面对面调解：{reasons}。只能背对背调解。").format(reasons=tr("、").join(outcome.reasons))
        elif outcome.needs_approval:
            text = tr("可面对面调解，但须督导批准：{reasons}。").format(reasons=tr("、").join(outcome.reasons))
        else:
            text = tr("可安排一次面对面联合调解。")
        if hasattr(self, "result"):
            self.result.setText(text)
        super().update_ok()

    def problem(self) -> str:
        if self.victim.count() == 0:
            return tr("本案没有受害人或申请人：请先在案件中添加。")
        if not self.offered.isChecked():
            return tr("须先告知受害人可以选择背对背调解，并勾选“已告知”。")
        if not self.words.toPlainText().strip():
            return tr("请用受害人自己的话记录她的意愿。")
        return ""

    def values(self) -> dict:
        a = self.answers()
        return {"victim_party_id": self.victim.currentData(), "speaks_freely": a.speaks_freely,
                "fears_other_party": a.fears_other_party, "violence_since_last": a.violence_since_last,
                "separate_offered": a.separate_offered, "victim_choice": a.victim_choice.value,
                "victim_words": a.victim_words}
