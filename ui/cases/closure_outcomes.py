"""申请结案: what the case achieved (防止民转刑 / 防止自杀 / 制止群体性上访), each ticked with the persons concerned.

`ClosureOutcomesBox` sits in every closure dialog (the petition one too); its persons field is enabled only
while its outcome is ticked and runs from 1 to PERSONS_MAX, so a ticked outcome always carries a head count.
`ClosureDialog` is the closure request of cases other than petitions: the reason and these outcomes. They are
written on the case when the supervisor approves the closure, and the monthly report counts them.
"""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QSpinBox, QWidget

from fulian_desktop.domain.closure_outcomes import PERSONS_MAX, ClosureOutcome

from ..common.case_actions_reason import ReasonDialog
from ..i18n import tr


class ClosureOutcomesBox(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closure_outcomes")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[ClosureOutcome, QCheckBox] = {}
        self.persons: dict[ClosureOutcome, QSpinBox] = {}
        for row, outcome in enumerate(ClosureOutcome):
            check = QCheckBox(tr(outcome.label), objectName=f"closure_{outcome.value}")
            spin = QSpinBox(objectName=f"closure_{outcome.value}_persons")
            spin.setRange(1, PERSONS_MAX)
            spin.setSuffix(tr(" 人"))
            spin.setEnabled(False)
            spin.setFixedWidth(110)
            spin.setToolTip(tr("涉及人数（1 至 {max} 人）").format(max=PERSONS_MAX))
            check.toggled.connect(spin.setEnabled)
            grid.addWidget(check, row, 0)
            grid.addWidget(spin, row, 1)
            self.checks[outcome], self.persons[outcome] = check, spin
        grid.setColumnStretch(2, 1)
        self.setToolTip(tr("本案办理中实际防止了民转刑案件、自杀，或制止了群体性上访的，勾选并填写涉及人数；"
                           "统计报表按此计数。"))

    def values(self) -> dict[str, int | None]:
        """Outcome code -> persons (None when not ticked), as `workflow.transition(closure_outcomes=…)` takes."""
        return {o.value: (self.persons[o].value() if self.checks[o].isChecked() else None) for o in ClosureOutcome}


def add_outcomes(dialog: ReasonDialog) -> ClosureOutcomesBox:
    box = ClosureOutcomesBox(dialog)
    dialog.add_row(tr("结案成效（如有）"), box)
    return box


class ClosureDialog(ReasonDialog):
    """申请结案 of a case other than a petition."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, notice: str) -> None:
        super().__init__(parent, title, prompt, notice=notice, ok_text=tr("提交审批"))
        self.setObjectName("step_dialog_request_closure")
        self.outcomes = add_outcomes(self)

    def closure_outcomes(self) -> dict[str, int | None]:
        return self.outcomes.values()
