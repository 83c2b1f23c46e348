"""审核队列: what needs the supervisor's attention in the subtree, most urgent first.

Reason filters with counts along the top, the queue (double-click or Enter opens the case), and the
pending approvals below with 批准 / 驳回 acting at once. Reloads when a service changes case data
and every 60 s; the count goes to the navigation and tab title: "审核队列 (12)".
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fulian_desktop.domain import clock
from fulian_desktop.services.cases import case_queries, review, workflow
from fulian_desktop.services.cases.review import AccountNotice, QueueItem, Reason

from ..errors import error_text
from ..i18n import tr
from .review_table import REASON_COLOURS, QueueModel, ReasonTagDelegate
from ..reloader import Reloader
from ..session import AppSession
from ..common.guard import while_alive
from .review_approvals import ApprovalsPanel, PendingApproval

REFRESH_MS = 60_000
TITLE = QT_TRANSLATE_NOOP("", "审核队列")


@dataclass(frozen=True)
class QueueData:
    items: list[QueueItem]
    approvals: list[PendingApproval]   # oldest request first
    notices: tuple[AccountNotice, ...] = ()   # accounts whose password the key holder reset


def load_queue(uow, actor) -> QueueData:  # noqa: ANN001
    """The queue and the pending approvals with their cases, in one read."""
    items = review.review_queue(uow, actor)
    approvals = list(reversed(workflow.list_approvals(uow, actor, pending_only=True)))
    rows = {i.case.id: i.case for i in items}
    missing = [a.case_id for a in approvals if a.case_id not in rows]
    if missing:
        rows.update({r.id: r for r in case_queries.fetch_case_rows(uow, actor, missing)})
    return QueueData(items, [PendingApproval(a, rows.get(a.case_id)) for a in approvals],
                     tuple(review.account_notices(uow, actor)))


class ReviewQueuePage(QWidget):
    sig_open_case = Signal(str)
    """(case id) — the user asked to open a case."""
    sig_nav_title = Signal(str)
    """(title) — the page title with the number of cases waiting, e.g. "审核队列 (12)"."""
    sig_loaded = Signal(int)
    """(number of cases in the queue) — a reload arrived."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data = QueueData([], [])
        self.reason_filter: str | None = None
        self.loader = Reloader(session, self, load_queue, self._loaded, self._load_failed)
        self.model = QueueModel(self)
        self._build()
        self.timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self.timer.start()
        session.changes.subscribe(self, {"case"}, self.refresh)
        self.refresh()

    # --- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.chips = QButtonGroup(self)
        self.chips.setExclusive(True)
        self.chip_buttons: dict[str | None, QPushButton] = {}
        chips = QHBoxLayout()
        chips.setSpacing(6)
        for reason in (None, *Reason.ORDER):
            button = QPushButton(objectName=f"filter_{reason or 'all'}", checkable=True)
            background, colour = REASON_COLOURS.get(reason, ("#5f6368", "#ffffff"))
            button.setStyleSheet(
                "QPushButton { border:1px solid #c6c9ce; border-radius:12px; padding:3px 12px; background:#ffffff; }"
                f"QPushButton:checked {{ background:{background}; color:{colour}; border-color:{background}; }}")
            button.clicked.connect(lambda _c=False, r=reason: self.set_filter(r))
            self.chips.addButton(button)
            self.chip_buttons[reason] = button
            chips.addWidget(button)
        self.chip_buttons[None].setChecked(True)
        chips.addStretch(1)
        self.updated = QLabel(objectName="queue_updated")
        self.updated.setStyleSheet("color:#5f6368")
        refresh = QPushButton(tr("刷新 (F5)"), objectName="queue_refresh", shortcut="F5")
        refresh.clicked.connect(self.refresh)
        chips.addWidget(self.updated)
        chips.addWidget(refresh)

        self.table = QTableView(objectName="queue_table")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(self.model.column_of("reasons"), ReasonTagDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(self.model.column_of("detail"), QHeaderView.Stretch)
        for key, width in (("reasons", 200), ("case_no", 190), ("title", 240), ("unit", 110), ("status", 80),
                           ("due", 170)):
            self.table.setColumnWidth(self.model.column_of(key), width)
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._follow(current.row()))
        self.empty = QLabel(tr("审核队列为空：辖区内没有需要督导关注的案件。"), objectName="queue_empty")
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color:#5f6368; padding:24px")
        self.empty.hide()
        self.error = QLabel(objectName="queue_error")
        self.error.setStyleSheet("color:#b3261e")
        self.error.hide()

        self.approvals = ApprovalsPanel(self.session)
        self.approvals.sig_open_case.connect(self.sig_open_case)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty)
        split = QSplitter(Qt.Vertical)
        split.addWidget(top)
        split.addWidget(self.approvals)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([600, 240])
        split.setChildrenCollapsible(False)
        self.notices = QWidget(objectName="account_notices")
        self.notices.setStyleSheet("QWidget#account_notices { background:#fdecea; border:1px solid #b3261e; }")
        QVBoxLayout(self.notices)
        self.notices.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.notices)
        layout.addLayout(chips)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)
        self._update_chips()

    # --- loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.loader.request()  # nothing while locked

    def _loaded(self, data: QueueData) -> None:
        self.data = data
        self.error.hide()
        self._show()
        self.approvals.set_items(data.approvals)
        self._show_notices(data.notices)
        self.updated.setText(tr("更新于 {now:%H:%M}").format(now=clock.now_local()))
        self.sig_nav_title.emit(self.title_text())
        self.sig_loaded.emit(len(data.items))

    def _show_notices(self, notices: tuple[AccountNotice, ...]) -> None:
        """One red line per account the key holder took over, each with a button that marks it seen."""
        box = self.notices.layout()
        while box.count():
            widget = box.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for notice in notices:
            line = QWidget()
            row = QHBoxLayout(line)
            row.setContentsMargins(6, 2, 6, 2)
            text = QLabel(notice.text, objectName="account_notice")
            text.setWordWrap(True)
            text.setStyleSheet("color:#b3261e")
            seen = QPushButton(tr("已核实"))
            seen.clicked.connect(lambda _c=False, entry=notice.entry_id: self._acknowledge(entry))
            row.addWidget(text, 1)
            row.addWidget(seen)
            box.addWidget(line)
        self.notices.setVisible(bool(notices))

    def _acknowledge(self, entry_id: str) -> None:
        self.session.write(review.acknowledge_notice, entry_id, on_done=while_alive(self, lambda _r: self.refresh()),
                           on_error=while_alive(self, self._load_failed))

    def _load_failed(self, exc: BaseException) -> None:
        message = error_text(exc, tr("读取失败，请稍后重试。"))
        self.error.setText(tr("无法加载审核队列：{message}").format(message=message))
        self.error.show()

    def title_text(self) -> str:
        return f"{tr(TITLE)} ({len(self.data.items)})" if self.data.items else tr(TITLE)

    # --- filtering and opening ---------------------------------------------------------------------
    def set_filter(self, reason: str | None) -> None:
        self.reason_filter = reason
        self.chip_buttons[reason].setChecked(True)
        self._show()

    def visible_items(self) -> list[QueueItem]:
        if self.reason_filter is None:
            return self.data.items
        return [i for i in self.data.items if self.reason_filter in i.reasons]

    def _show(self) -> None:
        current = self.model.item_at(self.table.currentIndex().row())
        items = self.visible_items()
        self.model.set_items(items)
        if current is not None:
            row = next((n for n, i in enumerate(items) if i.case.id == current.case.id), None)
            if row is not None:
                self.table.selectRow(row)
        self.table.setVisible(bool(items) or bool(self.data.items))
        self.empty.setVisible(not self.data.items)
        self._update_chips()

    def _update_chips(self) -> None:
        for reason, button in self.chip_buttons.items():
            count = len(self.data.items) if reason is None else sum(reason in i.reasons for i in self.data.items)
            label = tr("全部") if reason is None else tr(Reason.LABELS[reason])
            button.setText(f"{label} {count}")

    def _open(self, row: int) -> None:
        item = self.model.item_at(row)
        if item is not None:
            self.sig_open_case.emit(item.case.id)

    def _follow(self, row: int) -> None:
        """Selecting a case with a pending approval selects that approval below, ready to decide."""
        item = self.model.item_at(row)
        if item is not None and Reason.APPROVAL in item.reasons:
            self.approvals.select_case(item.case.id)
