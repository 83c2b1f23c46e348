"""The agreement part of the mediation tab: 制作调解协议, the chosen agreement's contents and terms (each with its
performance and a red 不可申请司法确认 flag where a court cannot confirm it), 记录履行情况 per term; beside them the
signature checklist with the effective date, and judicial confirmation."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from fulian_desktop.domain.mediation_rules import Performance, agreement_performance
from fulian_desktop.domain.money import yuan_text
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.mediation.agreements import AgreementView, TermView

from .mediation_agreement_dialog import CreateAgreementDialog
from .mediation_followup_dialogs import agreement_label
from .mediation_sign_dialogs import PerformanceDialog
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from ..common.case_actions_table import fit_columns, setup_table
from .mediation_confirmation import ConfirmationBox
from .mediation_data import MediationData
from .mediation_signatures import SignatureChecklist

PERFORMANCE_COLOURS = {Performance.PENDING: "#5f6368", Performance.PARTIAL: "#9a6700", Performance.DONE: "#1e7e34",
                       Performance.BREACHED: "#b3261e"}
FLAG_BG, FLAG_FG = "#b3261e", "#ffffff"


def term_cells(t: TermView) -> tuple[str, ...]:
    performance = t.performance_label + (tr("（{day}）").format(day=t.performed_on.isoformat())
                                         if t.performed_on else "")
    if t.overdue:
        performance += tr("，已逾期")
    if not t.confirmable:
        flag = tr("不可申请司法确认")
    else:
        flag = tr("未申请确认") if t.excluded_from_confirmation else tr("可申请")
    # The order of TERM_COLUMNS: the flag stays beside the content it is about.
    return (str(t.seq), t.obligor, t.content, flag, t.manner or "—", t.deadline.isoformat() if t.deadline else "—",
            performance)


CONTENT_COLUMN, FLAG_COLUMN, PERFORMANCE_COLUMN = 2, 3, 6
CONTENT_MIN = 200


def agreement_summary(a: AgreementView) -> str:
    rows = [(tr("协议形式"), a.form_label), (tr("主要事实"), a.facts), (tr("争议事项"), a.disputes or "—"),
            (tr("各方责任"), a.responsibility or "—")]
    if a.copies:
        rows.append((tr("份数"), tr("一式 {n} 份").format(n=a.copies)))
    if a.is_effective and a.terms:
        state = agreement_performance(t.performance.value for t in a.terms)
        rows.append((tr("履行情况"), tr(state.label)))
    if a.amount_involved_fen is not None:
        rows.append((tr("涉及金额"), tr("{amount} 元").format(amount=yuan_text(a.amount_involved_fen))))
    rows.append((tr("状态"), a.signature_state))
    return "<table>" + "".join(
        f"<tr><td style='color:#555;padding-right:12px;vertical-align:top'>{escape(k)}</td><td>{escape(v)}</td></tr>"
        for k, v in rows) + "</table>"


class MediationAgreementPanel(QWidget):
    def __init__(self, session: AppSession, runner: ActionRunner, case_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.case_id = session, runner, case_id
        self.data: MediationData | None = None
        self.agreements: tuple[AgreementView, ...] = ()
        self.choice = QComboBox(objectName="agreement_choice")
        self.choice.currentIndexChanged.connect(self._show_chosen)
        self.choice_label = QLabel(tr("调解协议"))
        self.choice_label.setBuddy(self.choice)
        self.create_button = QPushButton(tr("制作调解协议…"), objectName="agreement_create")
        self.create_button.clicked.connect(self.start_create)
        self.empty = QLabel(tr("本案尚无调解协议。达成协议后，点“制作调解协议…”记录协议内容，再逐项记录签署。"),
                            objectName="agreement_empty")
        self.empty.setStyleSheet("color:#666")
        self.empty.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.choice_label)
        top.addWidget(self.choice)
        top.addStretch(1)
        top.addWidget(self.create_button)

        self.summary = QLabel(objectName="agreement_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.columns = (tr("条"), tr("履行人"), tr("履行事项"), tr("司法确认"), tr("履行方式"), tr("期限"),
                        tr("履行情况"))
        self.terms = QTableWidget(0, len(self.columns), objectName="agreement_terms_table")
        setup_table(self.terms, self.columns, wrap=True)
        self.terms.itemSelectionChanged.connect(self.update_buttons)
        self.terms.viewport().installEventFilter(self)  # the content column follows the table's width
        self.terms.doubleClicked.connect(lambda _i: self.start_performance())
        QShortcut(QKeySequence(Qt.Key_Return), self.terms, context=Qt.WidgetShortcut).activated.connect(
            self.start_performance)
        self.performance_button = QPushButton(tr("记录履行情况…"), objectName="agreement_performance")
        self.performance_button.clicked.connect(self.start_performance)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.terms, 1)
        perf_row = QHBoxLayout()
        perf_row.addWidget(self.performance_button)
        perf_row.addStretch(1)
        left_layout.addLayout(perf_row)

        self.signatures = SignatureChecklist(session, runner)
        self.confirmation = ConfirmationBox(session, runner)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.signatures)
        right_layout.addWidget(self.confirmation)
        right_layout.addStretch(1)
        self.split = QSplitter(Qt.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.split, 1)
        runner.sig_busy.connect(lambda _b: self.update_buttons())
        self.update_buttons()

    # --- data ------------------------------------------------------------------------------------------
    def set_data(self, data: MediationData) -> None:
        chosen = self.current()
        self.data = data
        self.agreements = data.overview.agreements
        self.choice.blockSignals(True)
        self.choice.clear()
        for i, a in enumerate(self.agreements, start=1):
            self.choice.addItem(agreement_label(i, a), a.id)
        index = next((i for i, a in enumerate(self.agreements) if chosen and a.id == chosen.id),
                     len(self.agreements) - 1)
        self.choice.setCurrentIndex(index)
        self.choice.blockSignals(False)
        has = bool(self.agreements)
        self.empty.setVisible(not has)
        self.split.setVisible(has)
        self.choice.setVisible(len(self.agreements) > 1)
        self.choice_label.setVisible(len(self.agreements) > 1)
        self._show_chosen()

    def current(self) -> AgreementView | None:
        index = self.choice.currentIndex()
        return self.agreements[index] if 0 <= index < len(self.agreements) else None

    def _show_chosen(self, *_args: object) -> None:
        a = self.current()
        selected = self.selected_term()
        terms = a.terms if a else ()
        self.summary.setText(agreement_summary(a) if a else "")
        self.terms.setRowCount(len(terms))
        for row, t in enumerate(terms):
            for column, text in enumerate(term_cells(t)):
                item = QTableWidgetItem(text)
                item.setToolTip(t.non_confirmable_reason or text if column == FLAG_COLUMN else text)
                if column == PERFORMANCE_COLUMN:
                    colour = "#b3261e" if t.overdue else PERFORMANCE_COLOURS[t.performance]
                    item.setForeground(QBrush(QColor(colour)))
                if column == FLAG_COLUMN and not t.confirmable:
                    item.setBackground(QBrush(QColor(FLAG_BG)))
                    item.setForeground(QBrush(QColor(FLAG_FG)))
                self.terms.setItem(row, column, item)
        self._fit_terms()
        # The previous selection only: a selected row would hide a term's red 不可申请司法确认 flag.
        row = next((i for i, t in enumerate(terms) if selected and t.id == selected.id), -1)
        if row >= 0:
            self.terms.selectRow(row)
        else:
            self.terms.clearSelection()
        if self.data is not None:
            self.signatures.set_agreement(a, self.data)
            self.confirmation.set_agreement(a, self.data)
        self.update_buttons()

    def _fit_terms(self) -> None:
        """Every column fitted (the obligor, manner and performance capped, wrapping); the content takes the
        rest of the width but never less than CONTENT_MIN, so the red flag beside it stays in view."""
        table = self.terms
        fit_columns(table, stretch=CONTENT_COLUMN, caps={1: 110, 4: 130, 6: 130})
        header = table.horizontalHeader()
        header.setSectionResizeMode(CONTENT_COLUMN, QHeaderView.Interactive)
        others = sum(table.columnWidth(c) for c in range(table.columnCount()) if c != CONTENT_COLUMN)
        table.setColumnWidth(CONTENT_COLUMN, max(CONTENT_MIN, table.viewport().width() - others))
        table.resizeRowsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.terms.viewport() and event.type() == QEvent.Resize and self.terms.rowCount():
            self._fit_terms()
        return super().eventFilter(watched, event)

    def selected_term(self) -> TermView | None:
        a = self.current()
        rows = self.terms.selectionModel().selectedRows()
        if a is None or not rows or rows[0].row() >= len(a.terms):
            return None
        return a.terms[rows[0].row()]

    # --- who may do what now ---------------------------------------------------------------------------
    def update_buttons(self) -> None:
        actor, data = self.session.actor, self.data
        may = actor is not None and can(actor, Permission.CASE_EDIT)
        idle = not self.runner.busy
        self.create_button.setVisible(may)
        self.performance_button.setVisible(may)
        can_create = data is not None and data.case_open and not data.overview.state.ended
        self.create_button.setEnabled(idle and can_create)
        self.create_button.setToolTip("" if can_create else tr("案件已办结或调解已终止，不能制作调解协议。"))
        a = self.current()
        effective = a is not None and a.is_effective
        self.performance_button.setEnabled(idle and effective and self.selected_term() is not None)
        self.performance_button.setToolTip(
            tr("协议生效后才能记录履行情况。") if not effective else tr("记录所选条款的履行情况（也可双击条款）")
            if self.selected_term() else tr("请先在表中选择一条协议内容。"))

    # --- actions ---------------------------------------------------------------------------------------
    def start_create(self) -> None:
        if self.data is None or self.runner.busy or not self.create_button.isEnabled():
            return
        dialog = CreateAgreementDialog(self, self.data.parties,
                                       dv_case=self.data.safety is not None and self.data.safety.dv_case)

        def save() -> None:
            v = dialog.values()
            self.runner.write(mediation.create_agreement, self.case_id, v["form"], v["facts"], v["disputes"],
                              v["responsibility"], v["terms"], v["copies"],
                              extra_signatory_ids=v["extra_signatory_ids"], agreed_at=v["agreed_at"],
                              violence_not_a_term=v["violence_not_a_term"],
                              amount_involved_fen=v["amount_involved_fen"], notice=tr("已制作调解协议"))
        self.runner.open_dialog(dialog, save)

    def start_performance(self) -> None:
        term, a = self.selected_term(), self.current()
        if term is None or a is None or not a.is_effective or not self.performance_button.isEnabled():
            return
        dialog = PerformanceDialog(self, term)
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            mediation.record_performance, term.id, dialog.performance.currentData(), dialog.performed(),
            dialog.note.text().strip() or None, notice=tr("已记录第 {n} 条履行情况").format(n=term.seq)))
