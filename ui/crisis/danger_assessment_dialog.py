"""The danger assessment opened from the intake form, before the clerk leaves it (issue 15, triage).

When the visitor's words or the desk's questions point to violence, threats, self-harm or a child at risk,
the case just registered is assessed at once, with the question set that fits who harms whom. A 高 result
is stored by `crisis.record_assessment`, which marks the case a major incident: it is at the top of the
supervisors' review queue the moment the dialog closes.
"""
from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from fulian_desktop.domain.risk import Relationship, RiskLevel
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.crisis.crisis import AssessmentView

from ..errors import present_error
from ..i18n import tr
from ..session import AppSession
from ..common.crisis_common import banner
from ..common.guard import while_alive
from .risk_form import RiskForm
from ..common.screen_fit import fitted_size


class DangerAssessmentDialog(QDialog):
    sig_saved = Signal(object)
    """(AssessmentView) — the assessment was stored."""

    def __init__(self, session: AppSession, case_id: str, case_no: str, why: str,
                 relationship: Relationship = Relationship.PARTNER, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("danger_assessment_dialog")
        self.session, self.case_id = session, case_id
        self.saved: AssessmentView | None = None
        self.setWindowTitle(tr("危险性评估 {case_no}").format(case_no=case_no))
        intro = banner("warn", "assessment_why")
        intro.setText(tr("<b>登记前的筛查提示：</b>{why}<br>请与来访人逐项核对后勾选回答“是”的项目，"
                         "再按 Alt+S 保存。评估为高风险的，案件立即进入督导审核队列首位。").format(why=escape(why)))
        intro.show()
        self.form = RiskForm(self, relationship)
        self.form.sig_submit.connect(self.save)
        later = QPushButton(tr("稍后评估(&L)"), objectName="assessment_later")
        later.setAutoDefault(False)
        later.clicked.connect(self.reject)
        self.form.save_button.setDefault(True)
        columns = QHBoxLayout()
        columns.addWidget(self.form.checklist, 3)
        right = QVBoxLayout()
        right.addWidget(self.form.result)
        right.addWidget(later, 0, Qt.AlignRight)
        self.form.result.setMaximumWidth(520)   # the questions get the width: one line each
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        self.resize(fitted_size(self, QSize(1280, 860)))

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.form.relation.setFocus(Qt.OtherFocusReason)   # first: whose violence is it?

    def save(self, answers: dict, level: RiskLevel | None, reason: str | None, at: datetime) -> None:
        if self.form.busy:
            return
        self.form.set_busy(True)
        self.session.write(crisis.record_assessment, self.case_id, answers, level, reason, assessed_at=at,
                           relationship=self.form.relationship, on_done=while_alive(self, self._saved),
                           on_error=while_alive(self, self._failed))

    def _saved(self, view: AssessmentView) -> None:
        self.form.set_busy(False)
        self.saved = view
        self.sig_saved.emit(view)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.form.set_busy(False)
        present_error(self, exc)


def assessment_note(view: AssessmentView | None) -> str:
    """One line for the intake form's confirmation: what the assessment found, or that it is still owed."""
    if view is None:
        return tr("危险评估尚未完成：请尽快在案件的“危机干预”页完成。")
    text = tr("危险评估：{level}风险").format(level=tr(view.final_level.label))
    if view.final_level == RiskLevel.HIGH:
        text += tr("，已标记为重大案事件并置于督导审核队列首位")
    return text + "。"


__all__ = ["DangerAssessmentDialog", "assessment_note"]
