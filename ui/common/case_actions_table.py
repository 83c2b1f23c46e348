"""Small helpers shared by the case screen's tables (时限, 转介, 接待记录): common settings and column
widths that fit their contents with a little air, one column taking the remaining width."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

from ..i18n import tr

PADDING = 18  # pixels of air added to each fitted column


def setup_table(table: QTableWidget, headers: tuple[str, ...], *, wrap: bool = False) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels([tr(h) for h in headers])  # headers may be QT_TRANSLATE_NOOP constants
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(wrap)
    table.verticalHeader().setVisible(False)
    if wrap:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    else:
        table.verticalHeader().setDefaultSectionSize(28)


def fit_columns(table: QTableWidget, stretch: int, caps: dict[int, int] | None = None) -> None:
    """Every column as wide as its contents (at most `caps[column]`), plus air; `stretch` fills the rest."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(table.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.Interactive)
    table.resizeColumnsToContents()
    for column in range(table.columnCount()):
        width = table.columnWidth(column) + PADDING
        if caps and column in caps:
            width = min(width, caps[column])
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    if table.wordWrap():
        table.resizeRowsToContents()
