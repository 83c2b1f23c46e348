"""The 时间线 tab: the case's events in order, newest last, in China time."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.cases.views import CaseEventView

from ..i18n import tr


class CaseTimeline(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("case_timeline")
        self.setHorizontalHeaderLabels([tr("时间"), tr("经办人"), tr("事项")])
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        # Rows follow their wrapped text whatever the width (a fixed resize would freeze the first layout).
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)

    def set_events(self, events: tuple[CaseEventView, ...]) -> None:
        ordered = sorted(events, key=lambda e: e.occurred_at)  # newest last
        self.setRowCount(len(ordered))
        for row, event in enumerate(ordered):
            for column, text in enumerate((format_local(event.occurred_at), event.actor_name or tr("系统"),
                                           event.summary)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, column, item)
        if ordered:
            self.scrollToBottom()
