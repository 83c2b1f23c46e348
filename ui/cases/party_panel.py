"""The 当事人 tab: the parties table with add and edit buttons."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from fulian_desktop.services.cases.views import PartyView

from ..i18n import tr
from .party_table import PartyTableModel


class PartyPanel(QWidget):
    sig_add = Signal()
    """() — the user wants to add a party."""
    sig_edit = Signal(object)
    """(PartyView) — the user wants to edit this party (double-click or the button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PartyTableModel(self)
        self.table = QTableView(objectName="party_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self._edit_row(index.row()))
        self.add_button = QPushButton(tr("添加当事人"), objectName="party_add")
        self.add_button.clicked.connect(self.sig_add)
        self.edit_button = QPushButton(tr("编辑当事人"), objectName="party_edit")
        self.edit_button.clicked.connect(lambda: self._edit_row(self.table.currentIndex().row()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def set_parties(self, parties: tuple[PartyView, ...]) -> None:
        self.model.set_parties(parties)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):  # a little air between columns
            self.table.setColumnWidth(column, max(self.table.columnWidth(column) + 18, 64))

    def set_editable(self, editable: bool) -> None:
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(editable)

    def _edit_row(self, row: int) -> None:
        party = self.model.party_at(row)
        if party is not None and self.add_button.isEnabled():
            self.sig_edit.emit(party)
