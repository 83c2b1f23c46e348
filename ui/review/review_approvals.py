"""待审批: the supervisor's pending approvals, decided right here (批准 / 驳回 with a reason)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.changes import case_changed
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.cases import workflow
from fulian_desktop.services.cases.views import CaseRow
from fulian_desktop.services.cases.workflow import ApprovalView

from ..errors import domain_message, present_error
from ..i18n import tr
from ..common.case_no_width import keep_case_numbers_whole
from ..common.list_table import Column, ListTableModel
from ..session import AppSession
from ..common.guard import while_alive
from ..common.validated_field import ValidatedField

# What approving does, said on the button's tooltip and in the confirmation line.
EFFECT = {"close": QT_TRANSLATE_NOOP("", "案件结案"), "reject": QT_TRANSLATE_NOOP("", "案件不予受理"), "terminate": QT_TRANSLATE_NOOP("", "案件终止"), "extend_clock": QT_TRANSLATE_NOOP("", "期限延长"),
          "remove_major": QT_TRANSLATE_NOOP("", "取消重大案事件标记")}


@dataclass(frozen=True)
class PendingApproval:
    approval: ApprovalView
    case: CaseRow | None     # None: the case is no longer visible to this user


COLUMNS: list[Column[PendingApproval]] = [
    Column("case_no", QT_TRANSLATE_NOOP("", "案号"), lambda p: p.case.case_no if p.case else tr("（无权查看）")),
    Column("title", QT_TRANSLATE_NOOP("", "案件名称"), lambda p: p.case.title if p.case else ""),
    Column("unit", QT_TRANSLATE_NOOP("", "承办单位"), lambda p: p.case.unit_name if p.case else ""),
    Column("kind", QT_TRANSLATE_NOOP("", "申请事项"), lambda p: p.approval.label, colour=lambda p: "#1565c0"),
    Column("reason", QT_TRANSLATE_NOOP("", "申请理由"), lambda p: p.approval.reason + (
        tr("（拟处理意见：{label}）").format(label=tr(p.approval.petition_opinion.label))
        if p.approval.petition_opinion else "")),
    Column("by", QT_TRANSLATE_NOOP("", "申请人"), lambda p: p.approval.requested_by_name),
    Column("at", QT_TRANSLATE_NOOP("", "申请时间"), lambda p: format_local(p.approval.requested_at)),
]


class ApprovalsPanel(QWidget):
    sig_open_case = Signal(str)
    """(case id) — the user asked to open the case of an approval."""
    sig_decided = Signal(object)
    """(ApprovalView) — an approval was decided here."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.model: ListTableModel[PendingApproval] = ListTableModel(COLUMNS, self)
        self.title = QLabel(tr("<b>待审批</b>"), objectName="approvals_title")
        self.table = QTableView(objectName="approvals_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.model.column_of("reason"), QHeaderView.Stretch)
        for key, width in (("case_no", 190), ("title", 220), ("unit", 110), ("kind", 90), ("by", 80), ("at", 130)):
            self.table.setColumnWidth(self.model.column_of(key), width)
        keep_case_numbers_whole(self.table, self.model.column_of("case_no"))
        self.table.activated.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.note = QLineEdit(objectName="approval_note", placeholderText=tr("审批意见（驳回时必填）"))
        self.note.setMaxLength(500)
        self.note.textChanged.connect(lambda _t: self.note_field.set_issue(None))
        self.note_field = ValidatedField(self.note, "note")
        self.approve_button = QPushButton(tr("批准"), objectName="approve")
        self.reject_button = QPushButton(tr("驳回"), objectName="reject")
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.status = QLabel(objectName="approvals_status")
        self.status.setWordWrap(True)
        self.own_note = QLabel(tr("这是您本人提出的申请，不能自己审批，须由其他督导审批。"), objectName="approvals_own_note")
        self.own_note.setStyleSheet("color:#9a6700")
        self.own_note.setWordWrap(True)
        self.own_note.hide()
        actions = QHBoxLayout()
        actions.addWidget(QLabel(tr("意见")))
        actions.addWidget(self.note_field, 1)
        actions.addWidget(self.approve_button)
        actions.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.own_note)
        layout.addWidget(self.status)
        self._update_buttons()

    def set_items(self, items: list[PendingApproval]) -> None:
        selected = self.selected()
        self.model.set_items(items)
        self.title.setText(tr("<b>待审批（{n}）</b>").format(n=len(items)) + (tr("　<span style='color:#5f6368'>没有待审批的申请</span>")
                                                             if not items else ""))
        if selected is not None:
            row = next((i for i, p in enumerate(items) if p.approval.id == selected.approval.id), None)
            if row is not None:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> PendingApproval | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def select_case(self, case_id: str) -> bool:
        """Select the first pending approval of a case (from the queue); False if it has none."""
        row = next((i for i, p in enumerate(self.model.items) if p.approval.case_id == case_id), None)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _own(self, item: PendingApproval | None) -> bool:
        return item is not None and item.approval.requested_by_actor(self.session.actor)

    def _update_buttons(self) -> None:
        item = self.selected()
        own = self._own(item)
        enabled = item is not None and not self.busy and not own
        self.approve_button.setEnabled(enabled)
        self.reject_button.setEnabled(enabled)
        if own:
            why = tr("这是您本人提出的申请，不能自己审批，须由其他督导审批。")
            self.approve_button.setToolTip(why)
            self.reject_button.setToolTip(why)
        self.own_note.setVisible(own)
        if own:
            return
        effect = tr(EFFECT.get(item.approval.kind, "")) if item else ""
        self.approve_button.setToolTip(tr("批准后{effect}").format(effect=effect) if effect else "")
        self.reject_button.setToolTip(tr("驳回须填写意见。") if item else "")

    def _open(self, index) -> None:  # noqa: ANN001
        item = self.model.item_at(index.row())
        if item is not None:
            self.sig_open_case.emit(item.approval.case_id)

    def decide(self, approve: bool) -> None:
        item = self.selected()
        if item is None or self.busy or self._own(item):
            return
        note = self.note.text().strip()
        if not approve and not note:
            self.note_field.set_issue("error", tr("驳回须说明理由。"))
            self.note.setFocus()
            return
        self.busy = True
        self._update_buttons()
        self.status.setText(tr("正在提交…"))
        self.session.write(workflow.decide, item.approval.id, approve, note,
                           on_done=while_alive(self, lambda view: self._decided(item, view)),
                           on_error=while_alive(self, self._failed))

    def _decided(self, item: PendingApproval, view: ApprovalView) -> None:
        self.busy = False
        self.note.clear()
        what = item.case.case_no if item.case else ""
        verb = tr("已批准") if view.status == "approved" else tr("已驳回")
        effect = f"，{tr(EFFECT[view.kind])}" if view.status == "approved" and view.kind in EFFECT else ""
        self.status.setText(tr("<span style='color:#1e8e3e'>{verb} {what} 的{label}申请{effect}。</span>").format(verb=verb, what=what, label=tr(view.label), effect=effect))
        self._update_buttons()
        self.sig_decided.emit(view)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.status.setText("")
        self._update_buttons()
        message = domain_message(exc, field="note")
        if message is not None:
            self.note_field.set_issue("error", message)
            return
        present_error(self, exc)
        # Nothing was written here, so nothing was announced; yet someone else may have decided it first: every
        # screen of cases shows the latest (which case is unknown).
        self.session.changes.announce(case_changed())
