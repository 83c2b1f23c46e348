"""待办时限: every running clock of an open case in scope as a task — overdue first, then due today, then by due time.

Status coloured (overdue red, due today orange, due soon amber); double-click or Enter opens the case.
Loads off the UI thread, again whenever a case or the working-day calendar changes, and every five minutes
(countdowns move).
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.clocks import ClockStatus
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.cases.clock_tasks import ClockTask, clock_tasks

from ..errors import error_text
from ..i18n import tr
from ..common.list_table import Column, ListTableModel
from ..reloader import Reloader
from ..session import AppSession

REFRESH_MS = 300_000
STATUS_COLOURS = {ClockStatus.OVERDUE: "#b3261e", ClockStatus.DUE_TODAY: "#e65100", ClockStatus.DUE_SOON: "#9a6700"}


def _due_text(task: ClockTask) -> str:
    return task.due.last_day.isoformat() if task.due.last_day else format_local(task.due.due_at)


def _status_text(task: ClockTask) -> str:
    return tr(task.status.label) + (tr("（暂停中）") if task.paused else "")


def _colour(task: ClockTask) -> str | None:
    return STATUS_COLOURS.get(task.status)


COLUMNS: list[Column[ClockTask]] = [
    Column("status", QT_TRANSLATE_NOOP("", "状态"), _status_text, _colour),
    Column("countdown", QT_TRANSLATE_NOOP("", "倒计时"), lambda t: t.countdown, _colour),
    Column("clock", QT_TRANSLATE_NOOP("", "时限"), lambda t: tr(t.label)),
    Column("due", QT_TRANSLATE_NOOP("", "届满日"), _due_text),
    Column("case_no", QT_TRANSLATE_NOOP("", "案号"), lambda t: t.case_no),
    Column("title", QT_TRANSLATE_NOOP("", "案件名称"), lambda t: t.title),
    Column("unit", QT_TRANSLATE_NOOP("", "单位"), lambda t: t.unit_name),
]


class ClockTasksPanel(QWidget):
    sig_open_case = Signal(str)
    """(case id) — the user asked to open a case."""
    sig_loaded = Signal(int)
    """(number of tasks) — a reload arrived."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = Reloader(session, self, clock_tasks, self._loaded, self._failed,
                               params=lambda: {"mine_only": self.mine_only.isChecked()})
        self.model: ListTableModel[ClockTask] = ListTableModel(COLUMNS, self)
        self.mine_only = QCheckBox(tr("只看我承办的案件"), objectName="tasks_mine_only")
        self.mine_only.toggled.connect(lambda _on: self.refresh())
        self.table = QTableView(objectName="tasks_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(self.model.column_of("title"), QHeaderView.Stretch)
        for key, width in (("status", 90), ("countdown", 220), ("clock", 120), ("due", 110), ("case_no", 190)):
            self.table.setColumnWidth(self.model.column_of(key), width)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.empty = QLabel(tr("没有计时中的时限。"), objectName="tasks_empty")
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color:#5f6368; padding:24px")
        self.empty.hide()
        self.error = QLabel(objectName="tasks_error")
        self.error.setStyleSheet("color:#b3261e")
        self.error.hide()
        top = QHBoxLayout()
        top.addWidget(self.mine_only)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self.timer.start()
        session.changes.subscribe(self, {"case", "calendar"}, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.loader.request()  # nothing while locked

    def _loaded(self, tasks: list[ClockTask]) -> None:
        self.error.hide()
        self.model.set_items(tasks)
        self.table.setVisible(bool(tasks))
        self.empty.setVisible(not tasks)
        self.sig_loaded.emit(len(tasks))

    def _failed(self, exc: BaseException) -> None:
        message = error_text(exc, tr("读取失败，请稍后重试。"))
        self.error.setText(tr("无法加载待办时限：{message}").format(message=message))
        self.error.show()

    def open_row(self, row: int) -> None:
        task = self.model.item_at(row)
        if task is not None:
            self.sig_open_case.emit(task.case_id)
