"""申请结案 for a petition: the reason, plus the 处理意见 (支持 / 解释说明 / 不予支持) and its facts and basis.

The 信访事项处理意见书 prints both, so 提交审批 stays disabled until an outcome is chosen, the facts found (查明的事实)
and the reasons are written. The statute articles it relies on are ticked from the list in resources/statutes/
(信访工作条例第三十二条 is cited anyway). The petitioner's evaluation of the handling (满意 / 基本满意 / 不满意, or
未评价 when none was given) goes with them: it is what the report's 满意率 counts. They reach the case only when the
supervisor approves the closure.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QHBoxLayout, QListWidget, QListWidgetItem, QPlainTextEdit, QRadioButton, QWidget,
)

from fulian_desktop.domain.enums import PetitionOutcome
from fulian_desktop.domain.mediation_rules import Satisfaction
from fulian_desktop.domain.petition_rules import BASIS_MAX, FACTS_MAX
from fulian_desktop.domain.statutes import choosable

from ..i18n import tr
from ..common.case_actions_reason import ReasonDialog
from .closure_outcomes import add_outcomes


class PetitionClosureDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str, notice: str) -> None:
        notice = notice + "\n" + tr("信访事项须出具处理意见书：请选择处理意见，写明查明的事实和理由，勾选依据条文；"
                                     "督导批准结案后写入意见书。")
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
        self.facts_text = QPlainTextEdit(objectName="petition_facts")
        self.facts_text.setPlaceholderText(tr("经调查核实查明的事实（不是来访人的陈述）"))
        self.facts_text.setTabChangesFocus(True)
        self.facts_text.setMinimumHeight(90)
        self.basis_text = QPlainTextEdit(objectName="petition_basis")
        self.basis_text.setPlaceholderText(tr("作出该处理意见的理由"))
        self.basis_text.setTabChangesFocus(True)
        self.basis_text.setMinimumHeight(80)
        self.articles = QListWidget(objectName="petition_articles")
        for article in choosable():
            short = article.citation.replace("中华人民共和国", "")
            item = QListWidgetItem(f"{short}　{article.text.splitlines()[0][:18]}…")
            item.setData(Qt.ItemDataRole.UserRole, article.code)
            item.setToolTip(article.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.articles.addItem(item)
        self.articles.setMinimumHeight(110)
        self.articles.setToolTip(tr("意见书另引《信访工作条例》第三十二条；勾选的条文连同原文印在“依据”一节。"))
        self.add_row(tr("处理意见（必选）"), choices)
        self.add_row(tr("查明的事实（必填）"), self.facts_text)
        self.add_row(tr("处理意见的理由（必填）"), self.basis_text)
        self.evaluation = QComboBox(objectName="petition_evaluation")
        self.evaluation.addItem(tr("未评价"), None)
        for member in Satisfaction:
            self.evaluation.addItem(tr(member.label), member.value)
        self.evaluation.setToolTip(tr("信访人对办理结果的评价；信访人未表态的选“未评价”，回访时可再记录。"))
        self.add_row(tr("依据条文（可多选）"), self.articles)
        self.add_row(tr("信访人评价"), self.evaluation)
        self.closure_outcomes = add_outcomes(self)
        self.outcomes.buttonToggled.connect(lambda *_: self.update_ok())
        self.facts_text.textChanged.connect(self.update_ok)
        self.basis_text.textChanged.connect(self.update_ok)
        self.set_extra_check(self._problem)
        self.setMinimumWidth(560)

    def outcome(self) -> PetitionOutcome | None:
        return next((o for o, radio in self.radios.items() if radio.isChecked()), None)

    def basis(self) -> str:
        return self.basis_text.toPlainText().strip()

    def facts(self) -> str:
        return self.facts_text.toPlainText().strip()

    def chosen_articles(self) -> list[str]:
        items = (self.articles.item(i) for i in range(self.articles.count()))
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def opinion(self) -> dict[str, str | list[str] | None]:
        """The keyword arguments `workflow.transition` takes for the opinion."""
        outcome = self.outcome()
        return {"petition_outcome": outcome.value if outcome else None, "petition_basis": self.basis(),
                "petition_facts": self.facts(), "petition_articles": self.chosen_articles(),
                "petition_evaluation": self.evaluation.currentData(),
                "closure_outcomes": self.closure_outcomes.values()}

    def _problem(self) -> str:
        if self.outcome() is None:
            return tr("请选择处理意见：支持、解释说明或不予支持。")
        if not self.facts():
            return tr("请填写查明的事实。")
        if len(self.facts()) > FACTS_MAX:
            return tr("查明的事实最多 {max_length} 字。").format(max_length=FACTS_MAX)
        if not self.basis():
            return tr("请填写处理意见的理由。")
        if len(self.basis()) > BASIS_MAX:
            return tr("处理意见的理由最多 {max_length} 字。").format(max_length=BASIS_MAX)
        return ""
