"""Judicial confirmation of one agreement (人民调解法第三十三条): the 30-day window from the effective date (with the
JUDICIAL_CONFIRMATION clock's countdown when it is running), the terms a court cannot confirm, the application
(申请司法确认, leaving those terms out) and the court's result."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fulian_desktop.domain.mediation_rules import AgreementForm
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.mediation.agreements import AgreementView
from fulian_desktop.services.clocks.clocks import ClockView

from .mediation_sign_dialogs import ConfirmationDialog, ConfirmationResultDialog
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from ..common.case_clocks_chips import CHIP_COLOURS, chip_state
from .mediation_data import MediationData, now_local


def window_clock(agreement: AgreementView, clocks: tuple[ClockView, ...]) -> ClockView | None:
    """The JUDICIAL_CONFIRMATION clock this agreement started (same last day), if any."""
    return next((c for c in clocks if agreement.confirmation_deadline is not None
                 and c.deadline.last_day == agreement.confirmation_deadline), None)


def window_text(agreement: AgreementView, clocks: tuple[ClockView, ...]) -> tuple[str, str]:
    """(text, state) for the application window; state is a CHIP_COLOURS key."""
    deadline = agreement.confirmation_deadline
    if deadline is None:
        return "", "stopped"
    clock = window_clock(agreement, clocks)
    if clock is not None and clock.stopped_at is None:
        return tr("司法确认申请期限：{countdown}").format(countdown=clock.countdown), chip_state(clock)
    left = (deadline - now_local().date()).days
    if left < 0:
        return tr("申请期限已于 {day} 届满").format(day=deadline.isoformat()), "overdue"
    return tr("司法确认申请期限：剩 {n} 天（{day} 到期）").format(day=deadline.isoformat(), n=left), "running"


class ConfirmationBox(QGroupBox):
    def __init__(self, session: AppSession, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(tr("司法确认"), parent)
        self.setObjectName("agreement_confirmation")
        self.session, self.runner = session, runner
        self.agreement: AgreementView | None = None
        self.data: MediationData | None = None
        self.window = QLabel(objectName="confirmation_window")
        self.window.setWordWrap(True)
        self.status = QLabel(objectName="confirmation_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.RichText)
        self.apply_button = QPushButton(tr("申请司法确认…"), objectName="confirmation_apply")
        self.apply_button.clicked.connect(self.start_apply)
        self.result_button = QPushButton(tr("记录确认结果…"), objectName="confirmation_record_result")
        self.result_button.clicked.connect(self.start_result)
        row = QHBoxLayout()
        row.addWidget(self.apply_button)
        row.addWidget(self.result_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.window)
        layout.addWidget(self.status)
        layout.addLayout(row)
        runner.sig_busy.connect(lambda _b: self.update_buttons())

    def set_agreement(self, agreement: AgreementView | None, data: MediationData) -> None:
        self.agreement, self.data = agreement, data
        self.window.setText("")
        self.window.setStyleSheet("")
        lines: list[str] = []
        if agreement is not None and agreement.form == AgreementForm.ORAL:
            lines.append(escape(tr("口头协议须先制作调解协议书，才能申请司法确认。")))
        elif agreement is not None and not agreement.is_effective:
            lines.append(escape(tr("协议生效后三十日内，双方当事人可共同向人民法院申请司法确认。")))
        elif agreement is not None:
            text, state = window_text(agreement, data.confirmation_clocks)
            if agreement.confirmation_applied_on is None:
                background, colour, border = CHIP_COLOURS.get(state, CHIP_COLOURS["running"])
                self.window.setText(text)
                self.window.setStyleSheet(f"QLabel {{ background:{background}; color:{colour};"
                                          f" border:1px solid {border}; border-radius:3px; padding:3px 6px; }}")
            else:
                court = tr("，{court}").format(court=agreement.confirmation_court) if agreement.confirmation_court \
                    else ""
                excluded = [str(t.seq) for t in agreement.terms if t.excluded_from_confirmation]
                lines.append(escape(tr("已于 {day} 申请{court}").format(
                    day=agreement.confirmation_applied_on.isoformat(), court=court)
                    + (tr("，不含第 {items} 条").format(items=tr("、").join(excluded)) if excluded else "")))
                if agreement.confirmation_result_label:
                    lines.append("<b>" + escape(tr("结果：{label}（{day}）").format(
                        label=agreement.confirmation_result_label,
                        day=agreement.confirmation_decided_on.isoformat() if agreement.confirmation_decided_on
                        else "—")) + "</b>")
                else:
                    lines.append(escape(tr("等待法院决定。")))
        if agreement is not None and agreement.non_confirmable_count:
            seqs = tr("、").join(str(t.seq) for t in agreement.terms if not t.confirmable)
            lines.append("<span style='color:#b3261e'>" + escape(tr(
                "第 {items} 条涉及身份关系，不可申请司法确认（民诉法解释第三百五十五条），申请时须排除。").format(
                items=seqs)) + "</span>")
        self.status.setText("<br>".join(lines))
        self.window.setVisible(bool(self.window.text()))
        self.update_buttons()

    def _can_apply(self) -> bool:
        a = self.agreement
        if a is None or a.form != AgreementForm.WRITTEN or not a.is_effective:
            return False
        if a.confirmation_deadline is not None and now_local().date() > a.confirmation_deadline:
            return False
        return a.confirmation_applied_on is None or (a.confirmation_result is not None
                                                    and a.confirmation_result.allows_reapplication)

    def update_buttons(self) -> None:
        actor = self.session.actor
        may = actor is not None and can(actor, Permission.CASE_EDIT)
        a = self.agreement
        written = a is not None and a.form == AgreementForm.WRITTEN
        self.apply_button.setVisible(may and written)
        self.result_button.setVisible(may and written)
        idle = not self.runner.busy
        self.apply_button.setEnabled(idle and self._can_apply())
        self.apply_button.setToolTip(tr("记录双方当事人共同向人民法院申请司法确认") if self._can_apply() else
                                     tr("协议生效后三十日内才能申请；已申请的，待法院决定。"))
        self.result_button.setEnabled(idle and a is not None and a.confirmation_applied_on is not None
                                      and a.confirmation_result is None)

    def start_apply(self) -> None:
        agreement = self.agreement
        if agreement is None or self.runner.busy or not self._can_apply():
            return
        dialog = ConfirmationDialog(self, agreement)

        def save() -> None:
            v = dialog.values()
            self.runner.write(mediation.apply_for_confirmation, agreement.id, v["applied_on"], court=v["court"],
                              excluded_term_ids=v["excluded_term_ids"], notice=tr("已记录司法确认申请"))
        self.runner.open_dialog(dialog, save)

    def start_result(self) -> None:
        agreement = self.agreement
        if agreement is None or self.runner.busy or agreement.confirmation_applied_on is None:
            return
        dialog = ConfirmationResultDialog(self, agreement.confirmation_applied_on)
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            mediation.record_confirmation_result, agreement.id, dialog.result.currentData(),
            dialog.decided_on.date().toPython(), dialog.note.text().strip() or None,
            notice=tr("已记录司法确认结果")))
