"""A table with nothing to list says why in one grey row across the width, headings spread evenly."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem


def show_empty_row(table: QTableWidget, text: str) -> None:
    table.setRowCount(1)
    table.setSpan(0, 0, 1, table.columnCount())
    item = QTableWidgetItem(text)
    item.setForeground(Qt.gray)
    item.setFlags(Qt.ItemIsEnabled)
    table.setItem(0, 0, item)
    for column in range(1, table.columnCount()):
        table.setItem(0, column, QTableWidgetItem(""))
    header = table.horizontalHeader()   # the headings spread over the width, not bunched on the left
    for column in range(table.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.Stretch)
