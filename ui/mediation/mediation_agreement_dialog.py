"""制作调解协议: written (调解协议书) or oral; the facts, matters in dispute and responsibility (人民调解法第二十九条);
the terms (each flagged as the user types when a court cannot confirm it); copies; any extra signatory.

Violence is not a term of mediation: wording from the reviewed phrase list (excusing or sharing the blame for
violence, giving up the police, a suit or a protection order) is named with its reason as the user types, and in a
domestic-violence case the dialog asks for the confirmation that the violence itself is not a term and shows the
statement the agreement will carry."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QRadioButton, QSpinBox, QWidget,
)

from fulian_desktop.domain.dv_mediation import find_excusing, refusal_message
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.money import parse_yuan, yuan_text

from fulian_desktop.domain.mediation_rules import (
    NEVER_SIGN_ROLES, SIGNATORY_ROLES, AgreementForm, default_copies,
)
from fulian_desktop.services.mediation.mediation_sessions import PartyRef

from ..errors import message_of
from ..i18n import tr
from .mediation_data import from_qdatetime, now_local
from .mediation_terms import TermsEditor
from .mediation_base import MediationDialog, datetime_edit
from .mediation_session_dialogs import check_grid, party_label


def text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 14)
    return box


class CreateAgreementDialog(MediationDialog):
    def __init__(self, parent: QWidget | None, parties: tuple[PartyRef, ...], *, dv_case: bool = False) -> None:
        super().__init__(parent, tr("制作调解协议"), ok_text=tr("制作协议"), strict=False,
                         refuse_title=tr("调解协议不完整"),
                         notice=tr("书面协议经各方当事人签名、盖章或按指印，调解员签名并加盖调解委员会印章后生效"
                                   "（人民调解法第二十九条）；口头协议自各方达成协议之日起生效（第三十条）。"
                                   "涉及婚姻、亲子、收养等身份关系的条款不能申请司法确认。"))
        self.setObjectName("mediation_agreement_dialog")
        self.parties = parties
        self.dv_case = dv_case
        self.violence_confirm = QCheckBox(tr("我已确认：家庭暴力本身不是本协议的条款，本协议不免除、不分担施暴责任，"
                                           "也不以任何条件换取受害人放弃保护手段。"),
                                        objectName="agreement_violence_confirm")
        self.violence_confirm.setStyleSheet("QCheckBox{color:#8a1c12}")
        self.violence_confirm.toggled.connect(self.update_ok)
        self.written = QRadioButton(tr(AgreementForm.WRITTEN.label), objectName="agreement_written")
        self.oral = QRadioButton(tr(AgreementForm.ORAL.label), objectName="agreement_oral")
        self.written.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.written)
        group.addButton(self.oral)
        form_box = QWidget()
        row = QHBoxLayout(form_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.written)
        row.addWidget(self.oral)
        row.addStretch(1)
        self.agreed_at = datetime_edit("agreement_agreed_at")
        self.agreed_label = QLabel(tr("达成时间"))
        self.facts = text_box("agreement_facts", tr("纠纷的主要事实"))
        self.disputes = text_box("agreement_disputes", tr("争议事项"))
        self.responsibility = text_box("agreement_responsibility", tr("各方责任"))
        self.signatories = [p for p in parties if p.role in SIGNATORY_ROLES]
        extra = [p for p in parties if p.role not in SIGNATORY_ROLES and p.role not in NEVER_SIGN_ROLES]
        self.extra_box, self.extra = check_grid([(p.id, party_label(p)) for p in extra], "agreement_extra", set(),
                                                self._signatories_changed)
        self.copies = QSpinBox(objectName="agreement_copies")
        self.copies.setRange(1, 50)
        self.copies.setSuffix(tr(" 份"))
        self.copies.setFixedWidth(120)
        self.signed_by = QLabel(objectName="agreement_signatories")
        self.signed_by.setWordWrap(True)
        self.amount = QLineEdit(objectName="agreement_amount")
        self.amount.setPlaceholderText(tr("不涉及金钱的可不填；如 12345.50、12,345.50 或 1.2万"))
        self.amount.setMaxLength(40)
        self.amount_shown = QLabel(objectName="agreement_amount_shown")
        self.amount_shown.setStyleSheet("color:#555")
        amount_box = QWidget()
        amount_row = QHBoxLayout(amount_box)
        amount_row.setContentsMargins(0, 0, 0, 0)
        self.amount.setMinimumWidth(self.amount.fontMetrics().horizontalAdvance("0") * 36)
        amount_row.addWidget(self.amount)
        amount_row.addWidget(self.amount_shown, 1)
        self.amount.textChanged.connect(self._amount_changed)
        self.terms = TermsEditor(parties)
        self.terms.add_row()
        self.terms.setMinimumHeight(250)
        self.terms.sig_changed.connect(self.update_ok)

        self.add_row(tr("协议形式"), form_box)
        self.form.addRow(self.agreed_label, self.agreed_at)
        self.add_row(tr("主要事实"), self.facts)
        self.add_row(tr("争议事项"), self.disputes)
        self.add_row(tr("各方责任"), self.responsibility)
        self.add_row(tr("签署当事人"), self.signed_by)
        if extra:
            self.add_row(tr("另列签署人"), self.extra_box)
        self.add_row(tr("份数"), self.copies)
        self.add_row(tr("涉及金额（元）"), amount_box)
        terms_label = QLabel(tr("协议内容"))
        terms_label.setBuddy(self.terms.add_button)
        self.form.addRow(terms_label, self.terms)
        if dv_case:
            statement = QLabel(tr("协议将载明：本协议仅处理上述民事事项，不处理、不免除、不分担家庭暴力的责任；受害人申请"
                                  "人身安全保护令、报警、向人民法院起诉等权利不因本协议受到任何限制。"),
                               objectName="agreement_dv_statement")
            statement.setWordWrap(True)
            self.form.addRow(tr("家庭暴力"), statement)
            self.form.addRow("", self.violence_confirm)
        else:
            self.violence_confirm.hide()
        for signal in (self.written.toggled, self.facts.textChanged, self.disputes.textChanged,
                       self.responsibility.textChanged, self.copies.valueChanged, self.agreed_at.dateTimeChanged):
            signal.connect(self.update_ok)
        self.written.toggled.connect(self._form_changed)
        self._signatories_changed()
        self._form_changed()
        self.finish_layout(880)
        self.resize(920, 860)

    def is_written(self) -> bool:
        return self.written.isChecked()

    def extra_ids(self) -> list[str]:
        return [pid for pid, box in self.extra.items() if box.isChecked()]

    def signatory_count(self) -> int:
        return len(self.signatories) + len(self.extra_ids())

    def _signatories_changed(self, *_args: object) -> None:
        names = [party_label(p) for p in self.signatories] + [
            party_label(p) for p in self.parties if p.id in self.extra_ids()]
        self.signed_by.setText(tr("、").join(names) or tr("（本案尚无申请人、被申请人或受害人）"))
        need = default_copies(self.signatory_count())
        self.copies.setMinimum(max(need, 1))
        self.copies.setValue(need)
        self.update_ok()

    def amount_fen(self) -> int | None:
        """The sum typed, in 分 (None: empty); raises ValidationError when it is not a sum."""
        return parse_yuan(self.amount.text())

    def _amount_changed(self, *_args: object) -> None:
        try:
            fen = self.amount_fen()
        except ValidationError:
            fen = None
        self.amount_shown.setText(tr("＝ {amount} 元").format(amount=yuan_text(fen)) if fen is not None else "")
        self.update_ok()

    def _form_changed(self, *_args: object) -> None:
        written = self.is_written()
        self.agreed_at.setVisible(not written)
        self.agreed_label.setVisible(not written)
        self.copies.setEnabled(written)
        for box in (self.disputes, self.responsibility):
            box.setPlaceholderText(tr("必填") if written else tr("可不填"))
        self.update_ok()

    def problem(self) -> str:
        written = self.is_written()
        missing = [label for label, box in ((tr("纠纷的主要事实"), self.facts), (tr("争议事项"), self.disputes),
                                            (tr("各方责任"), self.responsibility))
                   if not box.toPlainText().strip() and (written or box is self.facts)]
        if missing:
            return tr("调解协议须载明：{items}（人民调解法第二十九条）。").format(items=tr("、").join(missing))
        if self.signatory_count() < 2:
            return tr("调解协议须有双方当事人签署：请先在案件中添加申请人和被申请人。")
        if not written and from_qdatetime(self.agreed_at.dateTime()) > now_local() + timedelta(minutes=10):
            return tr("达成口头协议的时间不能晚于现在。")
        problem = self.terms.problem()
        if problem:
            return problem
        try:
            self.amount_fen()
        except ValidationError as exc:
            return message_of(exc)
        texts = [(tr("纠纷的主要事实"), self.facts.toPlainText()), (tr("争议事项"), self.disputes.toPlainText()),
                 (tr("各方责任"), self.responsibility.toPlainText())]
        texts += [(tr("第 {n} 条协议内容").format(n=n), "，".join(x for x in (t.obligor, t.content, t.manner) if x))
                  for n, t in enumerate(self.terms.values(), start=1)]
        hits = find_excusing(texts, dv_case=self.dv_case)
        if hits:
            return refusal_message(hits)
        if self.dv_case and not self.violence_confirm.isChecked():
            return tr("本案涉及家庭暴力：请勾选确认家庭暴力本身不是本协议的条款。")
        return ""

    def values(self) -> dict:
        written = self.is_written()
        return {"form": (AgreementForm.WRITTEN if written else AgreementForm.ORAL).value,
                "facts": self.facts.toPlainText().strip(),
                "disputes": self.disputes.toPlainText().strip() or None,
                "responsibility": self.responsibility.toPlainText().strip() or None,
                "terms": self.terms.values(), "copies": self.copies.value() if written else None,
                "extra_signatory_ids": self.extra_ids(),
                "agreed_at": None if written else from_qdatetime(self.agreed_at.dateTime()),
                "violence_not_a_term": self.dv_case and self.violence_confirm.isChecked(),
                "amount_involved_fen": self.amount_fen()}
