"""Dialogs of the agreement section: a party's signature (签名 / 盖章 / 按指印), the mediator's signature or the
committee's seal (a time), the judicial-confirmation application (terms a court cannot confirm are left out and
cannot be put back), the court's result, and the performance of one term."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.mediation_rules import ConfirmationResult, Performance, SignatureHow
from fulian_desktop.services.mediation.agreements import AgreementView, TermView
from fulian_desktop.services.mediation.mediation_sessions import MediatorRef

from ..i18n import tr
from .mediation_data import from_qdate, from_qdatetime, now_local
from .mediation_terms import FLAG_STYLE, flag_text
from .mediation_base import MediationDialog, date_edit, datetime_edit


def _future(edit) -> bool:  # noqa: ANN001 - QDateTimeEdit
    return from_qdatetime(edit.dateTime()) > now_local() + timedelta(minutes=10)


class PartySignDialog(MediationDialog):
    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent, tr("记录签署：{name}").format(name=name), ok_text=tr("记录签署"))
        self.setObjectName("mediation_sign_dialog")
        self.group = QButtonGroup(self)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.choices: dict[str, QRadioButton] = {}
        for how in (SignatureHow.SIGNED, SignatureHow.SEALED, SignatureHow.FINGERPRINT):
            button = QRadioButton(tr(how.label), objectName=f"sign_{how.value}")
            self.group.addButton(button)
            self.choices[how.value] = button
            row.addWidget(button)
        row.addStretch(1)
        self.choices[SignatureHow.SIGNED.value].setChecked(True)
        self.at = datetime_edit("sign_at")
        self.add_row(tr("签署方式"), box)
        self.add_row(tr("签署时间"), self.at)
        self.at.dateTimeChanged.connect(self.update_ok)
        self.finish_layout(420)

    def how(self) -> str:
        return next(code for code, button in self.choices.items() if button.isChecked())

    def problem(self) -> str:
        return tr("签署时间不能晚于现在。") if _future(self.at) else ""

    def moment(self):  # noqa: ANN201
        return from_qdatetime(self.at.dateTime())


class MomentDialog(MediationDialog):
    """调解员签名 (with who signed) or 加盖印章: a time."""

    def __init__(self, parent: QWidget | None, title: str, label: str, *, ok_text: str,
                 mediators: tuple[MediatorRef, ...] = (), me: str | None = None) -> None:
        super().__init__(parent, title, ok_text=ok_text)
        self.setObjectName("mediation_moment_dialog")
        self.who: QComboBox | None = None
        if mediators:
            self.who = QComboBox(objectName="moment_mediator")
            for m in mediators:
                self.who.addItem(m.name, m.user_id)
            self.who.setCurrentIndex(max(self.who.findData(me), 0))
            self.add_row(tr("签名的调解员"), self.who)
        self.at = datetime_edit("moment_at")
        self.add_row(label, self.at)
        self.at.dateTimeChanged.connect(self.update_ok)
        self.finish_layout(420)

    def problem(self) -> str:
        return tr("时间不能晚于现在。") if _future(self.at) else ""

    def moment(self):  # noqa: ANN201
        return from_qdatetime(self.at.dateTime())

    def mediator_id(self) -> str | None:
        return self.who.currentData() if self.who is not None else None


class ConfirmationDialog(MediationDialog):
    def __init__(self, parent: QWidget | None, agreement: AgreementView) -> None:
        deadline = agreement.confirmation_deadline
        super().__init__(parent, tr("申请司法确认"), ok_text=tr("记录申请"),
                         notice=tr("双方当事人自调解协议生效之日起三十日内共同向人民法院申请（人民调解法第三十三条）；"
                                   "本协议 {effective} 生效，申请期限至 {deadline}（含当日）。").format(
                             effective=agreement.effective_on.isoformat() if agreement.effective_on else "—",
                             deadline=deadline.isoformat() if deadline else "—"))
        self.setObjectName("mediation_confirmation_dialog")
        self.agreement = agreement
        self.applied_on = date_edit("confirmation_applied_on")
        self.court = QLineEdit(objectName="confirmation_court", placeholderText=tr("例如：长沙市望城区人民法院"))
        self.court.setMaxLength(100)
        terms_box = QWidget(objectName="confirmation_terms")
        column = QVBoxLayout(terms_box)
        column.setContentsMargins(0, 0, 0, 0)
        self.excluded: dict[str, QCheckBox] = {}
        for term in agreement.terms:
            check = QCheckBox(tr("第 {n} 条（{obligor}）：{content}").format(n=term.seq, obligor=term.obligor,
                                                                       content=term.content),
                              objectName=f"confirmation_exclude_{term.seq}")
            column.addWidget(check)
            if not term.confirmable:
                check.setChecked(True)
                check.setEnabled(False)
                flag = QLabel(flag_text(term.non_confirmable_reason or ""))
                flag.setWordWrap(True)
                flag.setStyleSheet(FLAG_STYLE)
                column.addWidget(flag)
            check.toggled.connect(self.update_ok)
            self.excluded[term.id] = check
        self.add_row(tr("申请日期"), self.applied_on)
        self.add_row(tr("受理法院"), self.court)
        self.add_row(tr("不申请确认的条款"), terms_box)
        self.applied_on.dateChanged.connect(self.update_ok)
        self.finish_layout(600)

    def excluded_ids(self) -> list[str]:
        return [tid for tid, box in self.excluded.items() if box.isChecked()]

    def problem(self) -> str:
        applied = from_qdate(self.applied_on.date())
        a = self.agreement
        if a.effective_on and applied < a.effective_on:
            return tr("申请日期早于协议生效日期（{day}）。").format(day=a.effective_on.isoformat())
        if applied > now_local().date():
            return tr("申请日期不能晚于今天。")
        if a.confirmation_deadline and applied > a.confirmation_deadline:
            return tr("已超过司法确认申请期限（{day}）。当事人可就协议履行或内容向人民法院提起诉讼"
                      "（人民调解法第三十二条）。").format(day=a.confirmation_deadline.isoformat())
        if len(self.excluded_ids()) == len(a.terms):
            return tr("排除后没有可申请确认的条款。")
        return ""

    def values(self) -> dict:
        return {"applied_on": from_qdate(self.applied_on.date()), "court": self.court.text().strip() or None,
                "excluded_term_ids": self.excluded_ids()}


class ConfirmationResultDialog(MediationDialog):
    def __init__(self, parent: QWidget | None, applied_on: date) -> None:
        super().__init__(parent, tr("记录司法确认结果"), ok_text=tr("保存"))
        self.setObjectName("mediation_result_dialog")
        self.applied = applied_on
        self.result = QComboBox(objectName="confirmation_result")
        self.result.addItem(tr("请选择"), None)
        for r in ConfirmationResult:
            self.result.addItem(tr(r.label), r.value)
        self.decided_on = date_edit("confirmation_decided_on")
        self.note = QLineEdit(objectName="confirmation_note", placeholderText=tr("裁定书文号等（可不填）"))
        self.add_row(tr("结果"), self.result)
        self.add_row(tr("决定日期"), self.decided_on)
        self.add_row(tr("说明"), self.note)
        self.result.currentIndexChanged.connect(self.update_ok)
        self.decided_on.dateChanged.connect(self.update_ok)
        self.finish_layout(460)

    def problem(self) -> str:
        if self.result.currentData() is None:
            return tr("请选择司法确认结果。")
        decided = from_qdate(self.decided_on.date())
        if decided < self.applied or decided > now_local().date():
            return tr("决定日期须在申请日期（{day}）之后、不晚于今天。").format(day=self.applied.isoformat())
        return ""


class PerformanceDialog(MediationDialog):
    def __init__(self, parent: QWidget | None, term: TermView) -> None:
        super().__init__(parent, tr("履行情况：第 {n} 条").format(n=term.seq), ok_text=tr("保存"),
                         notice=tr("{obligor}：{content}").format(obligor=term.obligor, content=term.content))
        self.setObjectName("mediation_performance_dialog")
        self.performance = QComboBox(objectName="performance_state")
        for p in Performance:
            self.performance.addItem(tr(p.label), p.value)
        self.performance.setCurrentIndex(max(self.performance.findData(term.performance.value), 0))
        self.has_date = QCheckBox(tr("履行日期"), objectName="performance_has_date")
        self.performed_on = date_edit("performance_date", term.performed_on)
        self.has_date.setChecked(term.performed_on is not None)
        date_box = QWidget()
        row = QHBoxLayout(date_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_date)
        row.addWidget(self.performed_on)
        row.addStretch(1)
        self.note = QLineEdit(term.performance_note or "", objectName="performance_note",
                              placeholderText=tr("如：已付 3 个月，余款约定下月结清"))
        self.add_row(tr("履行情况"), self.performance)
        self.add_row(tr("日期"), date_box)
        self.add_row(tr("说明"), self.note)
        self.performance.currentIndexChanged.connect(self._state_changed)
        self.has_date.toggled.connect(self.update_ok)
        self.performed_on.dateChanged.connect(self.update_ok)
        self._state_changed()
        self.finish_layout(480)

    def _state_changed(self, *_args: object) -> None:
        state = Performance(self.performance.currentData())
        if state in (Performance.DONE, Performance.PARTIAL):
            self.has_date.setChecked(True)
        self.has_date.setEnabled(state != Performance.PENDING)
        self.performed_on.setEnabled(state != Performance.PENDING and self.has_date.isChecked())
        self.update_ok()

    def performed(self) -> date | None:
        state = Performance(self.performance.currentData())
        if state == Performance.PENDING or not self.has_date.isChecked():
            return None
        return from_qdate(self.performed_on.date())

    def problem(self) -> str:
        self.performed_on.setEnabled(self.has_date.isEnabled() and self.has_date.isChecked())
        state = Performance(self.performance.currentData())
        if state in (Performance.DONE, Performance.PARTIAL) and self.performed() is None:
            return tr("“{label}”须填写履行日期。").format(label=tr(state.label))
        day = self.performed()
        if day is not None and day > now_local().date():
            return tr("履行日期不能晚于今天。")
        return ""
