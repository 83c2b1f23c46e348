"""申请结案 for a petition: the reason, plus the 处理意见 (支持 / 解释说明 / 不予支持) and its facts and basis.

The 信访事项处理意见书 prints both, so 提交审批 stays disabled until an outcome is chosen and its facts and basis
are written. They reach the case only when the supervisor approves the closure.
"""
from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPlainTextEdit, QRadioButton, QWidget

from fulian_desktop.domain.enums import PetitionOutcome
from fulian_desktop.domain.petition_rules import BASIS_MAX

from ..i18n import tr
from ..common.case_actions_reason import ReasonDialog


class PetitionClosureDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str, notice: str) -> None:
        notice = notice + "\n" + tr("信访事项须出具处理意见书：请选择处理意见并写明事实和依据，督导批准结案后写入意见书。")
        super().__init__(parent, title, prompt, notice=notice, ok_text=tr("提交审批"))
        self.setObjectName("step_dialog_request_closure")
        self.outcomes = QButtonGroup(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.radios: dict[PetitionOutcome, QRadioButton] = {}
        for outcome in PetitionOutcome:
            radio = QRadioButton(tr(outcome.label), objectName=f"petition_outcome_{outcome.value}")
            self.outcomes.addButton(radio)
            self.radios[outcome] = radio
            row.addWidget(radio)
        row.addStretch(1)
        choices = QWidget(objectName="petition_outcome_choices")
        choices.setLayout(row)
        self.basis_text = QPlainTextEdit(objectName="petition_basis")
        self.basis_text.setPlaceholderText(tr("查明的事实，以及作出该处理意见所依据的法律、法规、政策"))
        self.basis_text.setTabChangesFocus(True)
        self.basis_text.setMinimumHeight(110)
        self.add_row(tr("处理意见（必选）"), choices)
        self.add_row(tr("事实和依据（必填）"), self.basis_text)
        self.outcomes.buttonToggled.connect(lambda *_: self.update_ok())
        self.basis_text.textChanged.connect(self.update_ok)
        self.set_extra_check(self._problem)
        self.setMinimumWidth(560)

    def outcome(self) -> PetitionOutcome | None:
        return next((o for o, radio in self.radios.items() if radio.isChecked()), None)

    def basis(self) -> str:
        return self.basis_text.toPlainText().strip()

    def opinion(self) -> dict[str, str | None]:
        """The keyword arguments `workflow.transition` takes for the opinion."""
        outcome = self.outcome()
        return {"petition_outcome": outcome.value if outcome else None, "petition_basis": self.basis()}

    def _problem(self) -> str:
        if self.outcome() is None:
            return tr("请选择处理意见：支持、解释说明或不予支持。")
        if not self.basis():
            return tr("请填写处理意见的事实和依据。")
        if len(self.basis()) > BASIS_MAX:
            return tr("事实和依据最多 {max_length} 字。").format(max_length=BASIS_MAX)
        return ""
