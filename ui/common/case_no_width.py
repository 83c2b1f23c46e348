"""Case numbers are read whole: a case-number column is as wide as its longest entry (a long sample number while
there are no rows), and stays so as rows change; other columns give way."""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QTableView

# The longest kind of number the district issues: year, unit prefix, case type, a five-digit serial.
SAMPLE = "（2026）望高高塘岭婚调字第10000号"
PADDING = 28  # the cell's margins and the sort arrow
MEASURED_ROWS = 500  # enough for every list these columns are in; a lazy list measures what it has


def case_no_width(table: QTableView, column: int) -> int:
    model: QAbstractItemModel = table.model()
    metrics = table.fontMetrics()
    widest = metrics.horizontalAdvance(str(model.headerData(column, Qt.Horizontal, Qt.DisplayRole) or ""))
    if model.rowCount() == 0:
        widest = max(widest, metrics.horizontalAdvance(SAMPLE))
    for row in range(min(model.rowCount(), MEASURED_ROWS)):
        text = model.data(model.index(row, column), Qt.DisplayRole)
        if text:
            widest = max(widest, metrics.horizontalAdvance(str(text)))
    return widest + PADDING


def keep_case_numbers_whole(table: QTableView, column: int) -> None:
    """Size `column` of `table` to its case numbers now and whenever the model's rows change."""
    model = table.model()

    def fit(*_args: object) -> None:
        if column < model.columnCount():
            table.setColumnWidth(column, case_no_width(table, column))

    model.modelReset.connect(fit)
    model.rowsInserted.connect(fit)
    model.layoutChanged.connect(fit)
    fit()
