"""添加回访 (a follow-up visit: when, who, visit or phone, performance, satisfaction) and the marriage-mediation
outcome (调和 / 劝回 / 指导协议离婚 / 调解成功 / 调解不成 — 调解不成 needs every other route ticked as told,
人民调解法第二十六条; 调解成功 needs an agreement that has taken effect)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QRadioButton, QWidget,
)

from fulian_desktop.domain.mediation_rules import FollowUpMethod, MarriageOutcome, OtherRoute, Satisfaction
from fulian_desktop.services.mediation.agreements import AgreementView
from fulian_desktop.services.mediation.mediation import OutcomeView

from ..i18n import tr
from .mediation_data import from_qdatetime, now_local
from .mediation_base import MediationDialog, datetime_edit
from .mediation_session_dialogs import check_grid


def agreement_label(index: int, a: AgreementView) -> str:
    return tr("协议 {n}（{form}，{state}）").format(n=index, form=a.form_label, state=a.signature_state)


class FollowUpDialog(MediationDialog):
    def __init__(self, parent: QWidget | None, agreements: tuple[AgreementView, ...], visitor: str) -> None:
        super().__init__(parent, tr("添加回访"), ok_text=tr("保存回访"),
                         notice=tr("回访记录保存后不能修改；更正请再添加一次回访。"))
        self.setObjectName("mediation_followup_dialog")
        self.visited_at = datetime_edit("followup_at")
        self.visitor = QLineEdit(visitor, objectName="followup_visitor")
        self.visitor.setMaxLength(100)
        self.visit = QRadioButton(tr(FollowUpMethod.VISIT.label), objectName="followup_visit")
        self.phone = QRadioButton(tr(FollowUpMethod.PHONE.label), objectName="followup_phone")
        self.visit.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.visit)
        group.addButton(self.phone)
        method_box = QWidget()
        row = QHBoxLayout(method_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.visit)
        row.addWidget(self.phone)
        row.addStretch(1)
        self.agreement = QComboBox(objectName="followup_agreement")
        self.agreement.addItem(tr("不关联协议"), None)
        for i, a in enumerate(agreements, start=1):
            self.agreement.addItem(agreement_label(i, a), a.id)
        if agreements:
            self.agreement.setCurrentIndex(len(agreements))
        self.performance = QPlainTextEdit(objectName="followup_performance")
        self.performance.setPlaceholderText(tr("协议履行情况，如：男方已按月支付抚养费，双方关系缓和"))
        self.performance.setTabChangesFocus(True)
        self.performance.setFixedHeight(self.performance.fontMetrics().lineSpacing() * 3 + 14)
        self.satisfaction = QComboBox(objectName="followup_satisfaction")
        self.satisfaction.addItem(tr("请选择"), None)
        for s in Satisfaction:
            self.satisfaction.addItem(tr(s.label), s.value)
        self.note = QLineEdit(objectName="followup_note", placeholderText=tr("备注（可不填）"))
        self.add_row(tr("回访时间"), self.visited_at)
        self.add_row(tr("回访人"), self.visitor)
        self.add_row(tr("回访方式"), method_box)
        self.add_row(tr("调解协议"), self.agreement)
        self.add_row(tr("履行情况"), self.performance)
        self.add_row(tr("满意度"), self.satisfaction)
        self.add_row(tr("备注"), self.note)
        for signal in (self.visitor.textChanged, self.performance.textChanged,
                       self.satisfaction.currentIndexChanged, self.visited_at.dateTimeChanged):
            signal.connect(self.update_ok)
        self.finish_layout(560)

    def problem(self) -> str:
        if not self.visitor.text().strip():
            return tr("请填写回访人。")
        if not self.performance.toPlainText().strip():
            return tr("请填写协议履行情况。")
        if self.satisfaction.currentData() is None:
            return tr("请选择满意度。")
        if from_qdatetime(self.visited_at.dateTime()) > now_local():
            return tr("回访时间不能晚于现在。")
        return ""

    def values(self) -> dict:
        return {"agreement_id": self.agreement.currentData(),
                "visited_at": from_qdatetime(self.visited_at.dateTime()), "visitor": self.visitor.text().strip(),
                "method": (FollowUpMethod.VISIT if self.visit.isChecked() else FollowUpMethod.PHONE).value,
                "performance": self.performance.toPlainText().strip(),
                "satisfaction": self.satisfaction.currentData(), "note": self.note.text().strip() or None}


class OutcomeDialog(MediationDialog):
    def __init__(self, parent: QWidget | None, current: OutcomeView | None, has_effective_agreement: bool,
                 routes: tuple[OtherRoute, ...] = tuple(OtherRoute)) -> None:
        super().__init__(parent, tr("婚姻调解结果"), ok_text=tr("保存结果"))
        self.setObjectName("mediation_outcome_dialog")
        self.has_effective_agreement = has_effective_agreement
        self.required_routes = tuple(routes)
        self.outcome = QComboBox(objectName="outcome_choice")
        self.outcome.addItem(tr("请选择"), None)
        for o in MarriageOutcome:
            self.outcome.addItem(tr(o.label), o.value)
        if current is not None:
            self.outcome.setCurrentIndex(max(self.outcome.findData(current.outcome.value), 0))
        self.routes_label = QLabel(tr("已告知当事人可依法通过以下途径维护自己的权利（人民调解法第二十六条）："))
        self.routes_label.setWordWrap(True)
        self.routes_box, self.routes = check_grid([(r.value, tr(r.label)) for r in self.required_routes],
                                                  "outcome_route", set(), self.update_ok)
        # 仲裁法第三条: a marriage or family dispute cannot go to arbitration, so it is not offered.
        self.no_arbitration = QLabel(tr("本案属婚姻家庭纠纷，依法不能仲裁（仲裁法第三条），无需告知仲裁途径。"),
                                     objectName="outcome_no_arbitration")
        self.no_arbitration.setWordWrap(True)
        self.no_arbitration.setStyleSheet("color:#5f6368")
        self.ends = QLabel(tr("记录“调解不成”将终止本案调解，并取消尚未举行的调解安排。"), objectName="outcome_ends")
        self.ends.setWordWrap(True)
        self.ends.setStyleSheet("color:#9a6700")
        self.note = QLineEdit(current.note if current and current.note else "", objectName="outcome_note",
                              placeholderText=tr("说明（可不填）"))
        self.note.setMaxLength(500)
        self.add_row(tr("结果"), self.outcome)
        self.form.addRow(self.routes_label)
        self.form.addRow("", self.routes_box)
        self.form.addRow(self.no_arbitration)
        self.form.addRow(self.ends)
        self.add_row(tr("说明"), self.note)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        self.finish_layout(520)

    def _failed(self) -> bool:
        return self.outcome.currentData() == MarriageOutcome.FAILED.value

    def _outcome_changed(self, *_args: object) -> None:
        failed = self._failed()
        for widget in (self.routes_label, self.routes_box, self.ends):
            widget.setVisible(failed)
        self.no_arbitration.setVisible(failed and OtherRoute.ARBITRATION not in self.required_routes)
        self.update_ok()
        self.adjustSize()

    def routes_told(self) -> list[str]:
        return [code for code, box in self.routes.items() if box.isChecked()] if self._failed() else []

    def problem(self) -> str:
        value = self.outcome.currentData()
        if value is None:
            return tr("请选择婚姻调解结果。")
        if self._failed():
            untold = [tr(OtherRoute(code).label) for code, box in self.routes.items() if not box.isChecked()]
            if untold:
                return tr("调解不成的，须告知当事人可以依法通过其他途径维护自己的权利。"
                          "尚未确认告知：{items}。").format(items=tr("、").join(untold))
        if value == MarriageOutcome.AGREEMENT.value and not self.has_effective_agreement:
            return tr("“调解成功”须有已生效的调解协议：请先制作协议并完成签署。")
        return ""

    def values(self) -> dict:
        return {"outcome": self.outcome.currentData(), "routes_told": self.routes_told(),
                "note": self.note.text().strip() or None}
