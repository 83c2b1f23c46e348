"""转介收件箱: tier referrals waiting for the user's unit (接收 / 退回), and the referrals it sent.

Before accepting, the receiver sees only what InboxItem carries (no parties, no contacts). 接收 moves
the case to the user's unit with the user as handler, and offers to open it; 退回 needs a reason.
Referrals addressed to a unit below the user's (visible for oversight) are in a tab of their own (下级待接收):
only the receiving unit may act on them, and the 待接收 count is what its tab lists.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
    QTabWidget, QVBoxLayout, QWidget,
)

from fulian_desktop.services.referral import referrals
from fulian_desktop.services.referral.referrals import InboxItem, ReferralView

from ..errors import domain_message, error_text, present_error
from ..i18n import tr
from ..common.case_no_width import keep_case_numbers_whole
from ..common.list_table import ListTableModel
from .referral_table import INBOX_COLUMNS, OUTBOX_COLUMNS
from ..reloader import Reloader
from ..session import AppSession
from ..common.guard import while_alive
from ..common.validated_field import ValidatedField

REFRESH_MS = 60_000
TITLE = QT_TRANSLATE_NOOP("", "转介收件箱")


def load_boxes(uow, actor) -> tuple[list[InboxItem], list[ReferralView]]:  # noqa: ANN001
    return referrals.inbox(uow, actor), referrals.outbox(uow, actor)


def _table(model: ListTableModel, name: str, widths: dict[str, int], stretch: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setSectionResizeMode(model.column_of(stretch), QHeaderView.Stretch)
    for key, width in widths.items():
        table.setColumnWidth(model.column_of(key), width)
    if "case_no" in widths:
        keep_case_numbers_whole(table, model.column_of("case_no"))
    return table


class InboxPage(QWidget):
    sig_open_case = Signal(str)
    """(case id) — open a case (after accepting it, or from the outbox)."""
    sig_nav_title = Signal(str)
    """(title) — "转介收件箱 (3)": the referrals this user may accept."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.accepted: ReferralView | None = None
        self.loader = Reloader(session, self, load_boxes, self._loaded, self._load_failed)
        self.inbox_model: ListTableModel[InboxItem] = ListTableModel(INBOX_COLUMNS, self)
        self.outbox_model: ListTableModel[ReferralView] = ListTableModel(OUTBOX_COLUMNS, self)
        self.below_model: ListTableModel[InboxItem] = ListTableModel(INBOX_COLUMNS, self)
        self.outbox_all: list[ReferralView] = []
        self._build()
        self.timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self.timer.start()
        session.changes.subscribe(self, {"case"}, self.refresh)
        self.refresh()

    # --- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.banner = QFrame(objectName="inbox_banner")
        self.banner.setStyleSheet("#inbox_banner { background:#e6f4ea; border:1px solid #1e8e3e; border-radius:6px; }")
        self.banner_text = QLabel(objectName="inbox_banner_text")
        self.banner_text.setWordWrap(True)
        self.open_button = QPushButton(tr("打开案件"), objectName="inbox_open_case")
        self.open_button.clicked.connect(lambda: self.accepted and self.sig_open_case.emit(self.accepted.case_id))
        dismiss = QPushButton(tr("知道了"))
        dismiss.clicked.connect(self.banner.hide)
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(12, 8, 12, 8)
        banner.addWidget(self.banner_text, 1)
        banner.addWidget(self.open_button)
        banner.addWidget(dismiss)
        self.banner.hide()

        self.inbox_table = _table(self.inbox_model, "inbox_table",
                                  {"direction": 56, "case_no": 190, "title": 220, "from": 110, "to": 110,
                                   "sent_at": 130, "sent_by": 90}, "reason")
        self.inbox_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel(tr("没有等待本单位接收的转介。"), objectName="inbox_empty")
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color:#5f6368; padding:24px")
        self.note = QLineEdit(objectName="inbox_note", placeholderText=tr("接收说明（可不填）；退回时必填退回理由"))
        self.note.setMaxLength(500)
        self.note.textChanged.connect(lambda _t: self.note_field.set_issue(None))
        self.note_field = ValidatedField(self.note, "reason")
        self.accept_button = QPushButton(tr("接收"), objectName="inbox_accept")
        self.return_button = QPushButton(tr("退回"), objectName="inbox_return")
        self.accept_button.clicked.connect(self.accept_selected)
        self.return_button.clicked.connect(self.return_selected)
        self.hint = QLabel(objectName="inbox_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#5f6368")
        self.actions = QWidget()
        actions = QHBoxLayout(self.actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(QLabel(tr("说明")))
        actions.addWidget(self.note_field, 1)
        actions.addWidget(self.accept_button)
        actions.addWidget(self.return_button)
        inbox = QWidget()
        inbox_layout = QVBoxLayout(inbox)
        inbox_layout.addWidget(self.inbox_table, 1)
        inbox_layout.addWidget(self.empty, 1)
        inbox_layout.addWidget(self.actions)
        inbox_layout.addWidget(self.hint)

        self.outbox_table = _table(self.outbox_model, "outbox_table",
                                   {"direction": 56, "case_no": 190, "title": 200, "to": 130, "status": 70,
                                    "sent_at": 130, "sent_by": 80, "answer": 240}, "reason")
        self.outbox_table.activated.connect(self._open_sent)
        self.open_only = QCheckBox(tr("只看未办结的"), objectName="outbox_open_only")
        self.open_only.toggled.connect(lambda _c: self._show_outbox())
        outbox = QWidget()
        outbox_layout = QVBoxLayout(outbox)
        outbox_layout.addWidget(self.open_only)
        outbox_layout.addWidget(self.outbox_table, 1)

        self.below_table = _table(self.below_model, "inbox_below_table",
                                  {"direction": 56, "case_no": 190, "title": 220, "from": 110, "to": 110,
                                   "sent_at": 130, "sent_by": 90}, "reason")
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_note = QLabel(tr("发给下级单位、等待其接收的转介，仅供了解；由接收单位接收或退回。"))
        below_note.setStyleSheet("color:#5f6368")
        below_layout.addWidget(below_note)
        below_layout.addWidget(self.below_table, 1)

        self.tabs = QTabWidget(objectName="inbox_tabs")
        self.tabs.addTab(inbox, tr("待接收"))
        self.tabs.addTab(outbox, tr("已发出"))
        self.below_tab = below
        self.tabs.addTab(below, tr("下级待接收"))
        self.error = QLabel(objectName="inbox_error")
        self.error.setStyleSheet("color:#b3261e")
        self.error.hide()
        refresh = QPushButton(tr("刷新 (F5)"), shortcut="F5")
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("<b>转介收件箱</b>　<span style='color:#5f6368'>上级交办、下级上报给本单位的案件；"
                             "接收后案件移交本单位，由接收人承办。</span>")), 1)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        self._update_buttons()

    # --- loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.loader.request()

    def _loaded(self, boxes: tuple[list[InboxItem], list[ReferralView]]) -> None:
        everything, sent = boxes
        items = [i for i in everything if i.can_accept]  # the 待接收 tab lists what this unit may accept
        below = [i for i in everything if not i.can_accept]
        self.below_model.set_items(below)
        self.tabs.setTabVisible(self.tabs.indexOf(self.below_tab), bool(below))
        self.tabs.setTabText(self.tabs.indexOf(self.below_tab),
                             tr("下级待接收（{n}）").format(n=len(below)) if below else tr("下级待接收"))
        selected = self.selected()
        self.inbox_model.set_items(items)
        if selected is not None:
            row = next((n for n, i in enumerate(items) if i.referral_id == selected.referral_id), None)
            if row is not None:
                self.inbox_table.selectRow(row)
        self.empty.setVisible(not items)
        self.inbox_table.setVisible(bool(items))
        self.actions.setVisible(bool(items))
        self.outbox_all = sent
        self._show_outbox()
        waiting = len(items)
        self.tabs.setTabText(0, tr("待接收（{waiting}）").format(waiting=waiting) if waiting else tr("待接收"))
        self.tabs.setTabText(1, tr("已发出（{n}）").format(n=len(sent)) if sent else tr("已发出"))
        self.error.hide()
        self._update_buttons()
        self.sig_nav_title.emit(f"{tr(TITLE)} ({waiting})" if waiting else tr(TITLE))

    def _load_failed(self, exc: BaseException) -> None:
        message = error_text(exc, tr("读取失败，请稍后重试。"))
        self.error.setText(tr("无法加载转介：{message}").format(message=message))
        self.error.show()

    def _show_outbox(self) -> None:
        sent = [v for v in self.outbox_all if v.is_open] if self.open_only.isChecked() else self.outbox_all
        self.outbox_model.set_items(sent)

    # --- acting ------------------------------------------------------------------------------------
    def selected(self) -> InboxItem | None:
        rows = self.inbox_table.selectionModel().selectedRows()
        return self.inbox_model.item_at(rows[0].row()) if rows else None


    def _update_buttons(self) -> None:
        item = self.selected()
        ok = item is not None and item.can_accept and not self.busy
        self.accept_button.setEnabled(ok)
        self.return_button.setEnabled(ok)
        if item is not None and not item.can_accept:
            self.hint.setText(tr("该转介发给{to_unit_name}，只有该单位的工作人员可以接收或退回。").format(to_unit_name=item.to_unit_name))
        elif item is None and self.inbox_model.items:
            self.hint.setText(tr("选择一条转介后可接收或退回。"))
        else:
            self.hint.setText("")

    def accept_selected(self) -> None:
        item = self.selected()
        if item is None or not item.can_accept or self.busy:
            return
        self._start()
        self.session.write(referrals.accept, item.referral_id, self.note.text().strip(),
                           on_done=while_alive(self, self._accepted), on_error=while_alive(self, self._failed))

    def return_selected(self) -> None:
        item = self.selected()
        if item is None or not item.can_accept or self.busy:
            return
        reason = self.note.text().strip()
        if not reason:
            self.note_field.set_issue("error", tr("退回须说明理由（发送单位会看到）。"))
            self.note.setFocus()
            return
        self._start()
        self.session.write(referrals.return_referral, item.referral_id, reason,
                           on_done=while_alive(self, self._returned), on_error=while_alive(self, self._failed))

    def _start(self) -> None:
        self.busy = True
        self._update_buttons()

    def _accepted(self, view: ReferralView) -> None:
        self.busy = False
        self.note.clear()
        self.accepted = view
        self.banner_text.setText(tr("<b>已接收</b> {case_no}《{case_title}》：案件已移交{to_unit_name}，由您承办。现在打开案件？").format(case_no=view.case_no, case_title=view.case_title, to_unit_name=view.to_unit_name))
        self.open_button.show()
        self.banner.show()
        self.open_button.setFocus()

    def _returned(self, view: ReferralView) -> None:
        self.busy = False
        self.note.clear()
        self.accepted = None
        self.banner_text.setText(tr("<b>已退回</b> {case_no}《{case_title}》给{from_unit_name}，案件仍由发送单位办理。").format(case_no=view.case_no, case_title=view.case_title, from_unit_name=view.from_unit_name))
        self.open_button.hide()
        self.banner.show()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        message = domain_message(exc, field="reason")
        if message is not None:
            self.note_field.set_issue("error", message)
            return
        present_error(self, exc)
        self.refresh()  # someone else may have acted on it: show the latest

    def _open_sent(self, index) -> None:  # noqa: ANN001
        view = self.outbox_model.item_at(index.row())
        if view is not None:
            self.sig_open_case.emit(view.case_id)
