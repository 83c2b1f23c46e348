"""The terms of an agreement as an editable list: who performs (履行人), what (履行事项), how (履行方式) and by when
(履行期限). As the user types, a term that confirms, voids or dissolves a marriage, parentage or adoption shows a
red 不可申请司法确认 flag with the reason (mediation_rules.non_confirmable, the same check the core makes)."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from fulian_desktop.domain import clock
from fulian_desktop.domain.mediation_rules import non_confirmable
from fulian_desktop.services.mediation.agreements import TermInput
from fulian_desktop.services.mediation.mediation_sessions import PartyRef

from ..i18n import tr
from .mediation_data import from_qdate, to_qdate
from .mediation_rows import EditorRow, RowListEditor

FLAG_STYLE = ("QLabel { color: #b3261e; background: #fdecea; border: 1px solid #f1b0aa; border-radius: 3px;"
              " padding: 2px 6px; }")


def term_text(content: str, manner: str | None) -> str:
    """The text the core checks: content and manner joined as agreements.agreement_term_text joins them."""
    return "，".join(x for x in (content.strip(), (manner or "").strip()) if x)


def flag_text(reason: str) -> str:
    return tr("不可申请司法确认：{reason}").format(reason=reason)


class TermsEditor(RowListEditor):
    def __init__(self, parties: tuple[PartyRef, ...], parent: QWidget | None = None) -> None:
        self.names = [p.name for p in parties]
        super().__init__(tr("添加条款"), parent)
        self.setObjectName("terms_editor")

    def build_row(self, row: EditorRow) -> None:
        row.obligor = QComboBox(objectName="term_obligor")
        row.obligor.setEditable(True)
        row.obligor.addItems([""] + self.names)
        row.obligor.lineEdit().setPlaceholderText(tr("履行人"))
        row.obligor.setAccessibleName(tr("履行人"))
        row.obligor.setMinimumWidth(130)
        row.content = QLineEdit(objectName="term_content", placeholderText=tr("履行事项，如：男方每月支付抚养费 1500 元"))
        row.content.setAccessibleName(tr("履行事项"))
        row.manner = QLineEdit(objectName="term_manner", placeholderText=tr("履行方式，如：每月5日前银行转账"))
        row.manner.setAccessibleName(tr("履行方式"))
        row.has_deadline = QCheckBox(tr("期限"), objectName="term_has_deadline")
        row.deadline = QDateEdit(objectName="term_deadline", calendarPopup=True, displayFormat="yyyy-MM-dd")
        row.deadline.setDate(to_qdate(clock.today_local() + timedelta(days=30)))
        row.deadline.setEnabled(False)
        row.deadline.setAccessibleName(tr("履行期限"))
        row.has_deadline.toggled.connect(row.deadline.setEnabled)
        row.flag = QLabel(objectName="term_flag")
        row.flag.setWordWrap(True)
        row.flag.setStyleSheet(FLAG_STYLE)
        row.flag.hide()
        row.grid.addWidget(QLabel(tr("履行人")), 0, 0)
        row.grid.addWidget(row.obligor, 0, 1)
        row.grid.addWidget(QLabel(tr("履行事项")), 0, 2)
        row.grid.addWidget(row.content, 0, 3, 1, 2)
        row.grid.addWidget(QLabel(tr("履行方式")), 1, 0)
        row.grid.addWidget(row.manner, 1, 1, 1, 3)
        deadline_box = QWidget()
        box = QHBoxLayout(deadline_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(row.has_deadline)
        box.addWidget(row.deadline)
        row.grid.addWidget(deadline_box, 1, 4)
        row.grid.addWidget(row.flag, 2, 0, 1, 5)
        row.grid.setColumnStretch(3, 1)
        for signal in (row.obligor.currentTextChanged, row.content.textChanged, row.manner.textChanged,
                       row.has_deadline.toggled, row.deadline.dateChanged):
            signal.connect(self.changed)
        for signal in (row.content.textChanged, row.manner.textChanged):
            signal.connect(lambda _t, r=row: self._update_flag(r))

    def _update_flag(self, row: EditorRow) -> None:
        reason = non_confirmable(term_text(row.content.text(), row.manner.text()))
        row.flag.setText(flag_text(reason) if reason else "")
        row.flag.setToolTip(reason or "")
        row.flag.setVisible(bool(reason))

    def row_values(self, row: EditorRow) -> TermInput:
        return TermInput(row.obligor.currentText().strip(), row.content.text().strip(),
                         row.manner.text().strip() or None,
                         from_qdate(row.deadline.date()) if row.has_deadline.isChecked() else None)

    def set_row_values(self, row: EditorRow, values: TermInput) -> None:
        row.obligor.setCurrentText(values.obligor)
        row.content.setText(values.content)
        row.manner.setText(values.manner or "")
        row.has_deadline.setChecked(values.deadline is not None)
        if values.deadline is not None:
            row.deadline.setDate(to_qdate(values.deadline))
        self._update_flag(row)

    def first_field(self, row: EditorRow) -> QWidget:
        return row.obligor

    def empty_text(self) -> str:
        return tr("至少须有一条协议内容。")

    def flags(self) -> list[str | None]:
        """Each row's non-confirmable reason (None where the term may be confirmed)."""
        return [non_confirmable(term_text(t.content, t.manner)) for t in self.values()]

    def problem(self) -> str:
        terms = self.values()
        if not terms:
            return tr("请至少添加一条协议内容。")
        for i, t in enumerate(terms, start=1):
            if not t.obligor or not t.content:
                return tr("第 {n} 条协议内容须写明履行人和履行事项。").format(n=i)
        return ""
