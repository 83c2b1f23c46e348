"""The 历史 tab: who did what to the case, from the audit log; field changes as old → new."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.cases import history
from fulian_desktop.services.cases.history import FieldChange, HistoryEntry

from ..errors import present_error
from ..i18n import tr
from ..session import AppSession
from ..common.guard import while_alive

_MUTED = QBrush(QColor("#666666"))


def change_text(change: FieldChange) -> str:
    if not change.values_shown:
        return tr("已修改（个人信息内容不记入历史）")
    return tr("由“{old}”改为“{new}”").format(old=change.old, new=change.new)


class CaseHistoryPanel(QWidget):
    sig_loaded = Signal(int)
    """(entry count) — the history was (re)loaded."""

    def __init__(self, session: AppSession, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.entries: list[HistoryEntry] = []
        self._generation = 0
        self.include_views = QCheckBox(tr("显示查看记录"), objectName="history_include_views")
        self.include_views.setChecked(True)
        self.include_views.toggled.connect(self.reload)
        refresh = QPushButton(tr("刷新"))
        refresh.clicked.connect(self.reload)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.include_views)
        top.addWidget(refresh)
        top.addStretch(1)
        top.addWidget(self.count)
        self.tree = QTreeWidget(objectName="case_history")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("时间"), tr("操作人"), tr("操作"), tr("内容")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        header.setMinimumSectionSize(64)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.session.read(history.case_history, self.case_id, include_views=self.include_views.isChecked(),
                          on_done=while_alive(self, lambda entries: self._show(generation, entries)),
                          on_error=while_alive(self, lambda exc: present_error(self, exc)))

    def _show(self, generation: int, entries: list[HistoryEntry]) -> None:
        if generation != self._generation:
            return
        self.entries = entries
        self.tree.clear()
        for entry in entries:
            item = QTreeWidgetItem([format_local(entry.at), entry.actor_name, entry.action_label, entry.summary])
            item.setToolTip(3, entry.summary)
            if entry.action == "view":
                for column in range(4):
                    item.setForeground(column, _MUTED)
            for change in entry.changes:
                text = change_text(change)
                child = QTreeWidgetItem(["", "", "", f"{change.label}：{text}"])
                child.setToolTip(3, f"{change.label}：{text}")
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        if entries:
            self.tree.scrollToItem(self.tree.topLevelItem(self.tree.topLevelItemCount() - 1))
        self.count.setText(tr("共 {n} 条").format(n=len(entries)))
        self.sig_loaded.emit(len(entries))
