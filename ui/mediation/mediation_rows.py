"""An editable list of rows (the statements of a 调解笔录, the terms of an agreement): add, remove, move up and
down, each row a small form. Subclasses say how a row is built and how its values are read and written;
reordering moves values, not widgets, so the tab order stays top to bottom.

Every row has 上移 / 下移 / 删除 buttons (reachable with Tab) and Alt+Up / Alt+Down / Ctrl+Delete work while a
field of the row has focus.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout,
    QWidget,
)

from ..i18n import tr


class EditorRow(QFrame):
    """One row: a number, the fields (laid out by the owner in `grid`), and its move/remove buttons."""

    def __init__(self, owner: "RowListEditor") -> None:
        super().__init__()
        self.owner = owner
        self.setObjectName("editor_row")
        self.setFrameShape(QFrame.StyledPanel)
        self.number = QLabel()
        self.number.setAlignment(Qt.AlignRight | Qt.AlignTop)
        self.number.setMinimumWidth(28)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(4)
        self.up = self._tool("↑", tr("上移（Alt+↑）"), "row_up")
        self.down = self._tool("↓", tr("下移（Alt+↓）"), "row_down")
        self.remove = self._tool("✕", tr("删除此条（Ctrl+Delete）"), "row_remove")
        self.up.clicked.connect(lambda: owner.move(self, -1))
        self.down.clicked.connect(lambda: owner.move(self, 1))
        self.remove.clicked.connect(lambda: owner.remove_row(self))
        tools = QVBoxLayout()
        tools.setSpacing(2)
        for button in (self.up, self.down, self.remove):
            tools.addWidget(button)
        tools.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.number)
        layout.addLayout(self.grid, 1)
        layout.addLayout(tools)
        for keys, slot in (("Alt+Up", lambda: owner.move(self, -1)), ("Alt+Down", lambda: owner.move(self, 1)),
                           ("Ctrl+Delete", lambda: owner.remove_row(self))):
            QShortcut(QKeySequence(keys), self, context=Qt.WidgetWithChildrenShortcut).activated.connect(slot)

    def _tool(self, text: str, tip: str, name: str) -> QToolButton:
        button = QToolButton(objectName=name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.StrongFocus)
        button.setFixedSize(26, 22)
        return button


class RowListEditor(QWidget):
    sig_changed = Signal()
    """() — a row was added, removed, moved or edited."""

    def __init__(self, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EditorRow] = []
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(6)
        self.body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.body)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.empty = QLabel(objectName="rows_empty")
        self.empty.setStyleSheet("color:#666")
        self.add_button = QPushButton(add_text, objectName="rows_add")
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.empty, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bottom)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        self._renumber()

    # --- for subclasses --------------------------------------------------------------------------------
    def build_row(self, row: EditorRow) -> None:
        """Put the row's fields into `row.grid` and connect their change signals to `self.changed`."""
        raise NotImplementedError

    def row_values(self, row: EditorRow) -> Any:
        raise NotImplementedError

    def set_row_values(self, row: EditorRow, values: Any) -> None:
        raise NotImplementedError

    def default_values(self, index: int) -> Any:
        return None

    def first_field(self, row: EditorRow) -> QWidget | None:
        return None

    # --- the list --------------------------------------------------------------------------------------
    def changed(self, *_args: Any) -> None:
        self.sig_changed.emit()

    def add_row(self, values: Any = None, *, focus: bool = False) -> EditorRow:
        row = EditorRow(self)
        self.build_row(row)
        self.body_layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        values = values if values is not None else self.default_values(len(self.rows) - 1)
        if values is not None:
            self.set_row_values(row, values)
        self._renumber()
        if focus:
            field = self.first_field(row)
            if field is not None:
                field.setFocus(Qt.TabFocusReason)
            self.scroll.ensureWidgetVisible(row)
        self.changed()
        return row

    def remove_row(self, row: EditorRow) -> None:
        if row not in self.rows:
            return
        index = self.rows.index(row)
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        if self.rows:
            field = self.first_field(self.rows[min(index, len(self.rows) - 1)])
            if field is not None:
                field.setFocus(Qt.TabFocusReason)
        else:
            self.add_button.setFocus(Qt.TabFocusReason)
        self.changed()

    def move(self, row: EditorRow, step: int) -> None:
        index = self.rows.index(row) if row in self.rows else -1
        target = index + step
        if index < 0 or not 0 <= target < len(self.rows):
            return
        values = [self.row_values(r) for r in self.rows]
        values[index], values[target] = values[target], values[index]
        self.set_values(values, keep_rows=True)
        field = self.first_field(self.rows[target])
        if field is not None:
            field.setFocus(Qt.TabFocusReason)
        self.changed()

    def set_values(self, values: list[Any], *, keep_rows: bool = False) -> None:
        if not keep_rows:
            while self.rows:
                row = self.rows.pop()
                row.hide()
                row.deleteLater()
            for item in values:
                self.add_row(item)
        else:
            for row, item in zip(self.rows, values):
                self.set_row_values(row, item)
        self._renumber()

    def values(self) -> list[Any]:
        return [self.row_values(r) for r in self.rows]

    def _renumber(self) -> None:
        for i, row in enumerate(self.rows):
            row.number.setText(f"{i + 1}.")
            row.up.setEnabled(i > 0)
            row.down.setEnabled(i < len(self.rows) - 1)
        self.empty.setText(self.empty_text() if not self.rows else "")

    def empty_text(self) -> str:
        return ""
