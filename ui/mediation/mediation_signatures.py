"""The signature state of one agreement as a checklist: each signatory party (签名 / 盖章 / 按指印 and when), the
mediator's signature and the committee's seal, each with a button to record it; then the effective date once
everything is in (人民调解法第二十九条), or what is still missing. An oral agreement shows each party's recorded
assent and no buttons (it took effect when reached, 第三十条)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.domain.mediation_rules import AgreementForm
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.mediation.agreements import AgreementView

from .mediation_sign_dialogs import MomentDialog, PartySignDialog
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from .mediation_data import MediationData

DONE, TODO = "#1e7e34", "#9a6700"


class SignatureChecklist(QGroupBox):
    def __init__(self, session: AppSession, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(tr("签署情况"), parent)
        self.setObjectName("agreement_signatures")
        self.session, self.runner = session, runner
        self.agreement: AgreementView | None = None
        self.data: MediationData | None = None
        self.buttons: list[QPushButton] = []
        self.rows = QWidget()
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setColumnStretch(3, 1)
        self.effective = QLabel(objectName="agreement_effective")
        self.effective.setWordWrap(True)
        self.effective.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rows)
        layout.addWidget(self.effective)
        runner.sig_busy.connect(lambda _b: self.update_buttons())

    def set_agreement(self, agreement: AgreementView | None, data: MediationData) -> None:
        self.agreement, self.data = agreement, data
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from findChild at once, not only when deleted
                widget.deleteLater()
        self.buttons = []
        if agreement is None:
            self.effective.setText("")
            return
        written = agreement.form == AgreementForm.WRITTEN
        row = 0
        for i, sig in enumerate(agreement.signatures):
            how, when = (sig.how_label or "", format_local(sig.at)) if sig.signed else (tr("未签署"), "")
            button = self._button(tr("记录签署…"), f"sign_party_{i}", not sig.signed and written,
                                  lambda _c=False, pid=sig.party_id, name=sig.name: self.start_party(pid, name))
            self._row(row, sig.signed, tr("{name}（{role}）").format(name=sig.name, role=sig.role_label), how, when,
                      button if written else None)
            row += 1
        if written:
            for key, label, how, at, text, slot in (
                    ("mediator", tr("调解员"), tr("签名"), agreement.mediator_signed_at, tr("调解员签名…"),
                     self.start_mediator),
                    ("seal", tr("调解委员会"), tr("盖章"), agreement.seal_applied_at, tr("加盖印章…"), self.start_seal)):
                button = self._button(text, f"sign_{key}", at is None, slot)
                self._row(row, at is not None, label, how if at else tr("未完成"), format_local(at), button)
                row += 1
        if agreement.effective_on:
            self.effective.setText(tr("已生效：{day}").format(day=agreement.effective_on.isoformat()))
            self.effective.setStyleSheet(f"color:{DONE}; font-weight:bold")
        else:
            self.effective.setText(tr("尚未生效，还缺：{items}").format(items=tr("、").join(agreement.missing)))
            self.effective.setStyleSheet(f"color:{TODO}")
        self.update_buttons()

    def _row(self, row: int, done: bool, label: str, how: str, when: str, button: QPushButton | None) -> None:
        mark = QLabel("✔" if done else "○")
        mark.setStyleSheet(f"color:{DONE if done else TODO}; font-weight:bold")
        mark.setAccessibleName(tr("已完成") if done else tr("未完成"))
        how_label = QLabel(how)
        how_label.setStyleSheet("" if done else "color:#666")
        self.grid.addWidget(mark, row, 0)
        self.grid.addWidget(QLabel(label), row, 1)
        self.grid.addWidget(how_label, row, 2)
        self.grid.addWidget(QLabel(when), row, 3)
        if button is not None:
            self.grid.addWidget(button, row, 4)

    def _button(self, text: str, name: str, needed: bool, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text, objectName=name)
        button.setProperty("needed", needed)
        button.clicked.connect(slot)
        self.buttons.append(button)
        return button

    def may_sign(self) -> bool:
        actor, data = self.session.actor, self.data
        return (actor is not None and can(actor, Permission.CASE_EDIT) and data is not None and data.case_open
                and not data.overview.state.ended and not self.runner.busy)

    def update_buttons(self) -> None:
        may = self.may_sign()
        actor = self.session.actor
        editor = actor is not None and can(actor, Permission.CASE_EDIT)
        for button in self.buttons:
            button.setVisible(editor and bool(button.property("needed")))
            button.setEnabled(may)

    # --- actions ---------------------------------------------------------------------------------------
    def start_party(self, party_id: str, name: str) -> None:
        agreement = self.agreement
        if agreement is None or not self.may_sign():
            return
        dialog = PartySignDialog(self, name)
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            mediation.sign_party, agreement.id, party_id, dialog.how(), dialog.moment(),
            notice=tr("已记录{name}签署").format(name=name)))

    def start_mediator(self) -> None:
        agreement, actor = self.agreement, self.session.actor
        if agreement is None or not self.may_sign():
            return
        dialog = MomentDialog(self, tr("调解员签名"), tr("签名时间"), ok_text=tr("记录签名"),
                              mediators=self.data.mediators, me=actor.user_id if actor else None)
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            mediation.mediator_sign, agreement.id, dialog.moment(), dialog.mediator_id(),
            notice=tr("已记录调解员签名")))

    def start_seal(self) -> None:
        agreement = self.agreement
        if agreement is None or not self.may_sign():
            return
        dialog = MomentDialog(self, tr("加盖调解委员会印章"), tr("盖章时间"), ok_text=tr("记录盖章"))
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            mediation.apply_seal, agreement.id, dialog.moment(), notice=tr("已记录加盖印章")))
