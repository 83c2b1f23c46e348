"""An input with its validation message beside it: red for errors, amber for warnings.

`ValidatedField(editor, "id_number")` names the message label `error_id_number`, so tests and
forms find it by the same field name the core's validation report uses.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#9a6700"  # amber, dark enough to read on white
NOTE_COLOUR = "#5f6368"     # grey: information, not a problem
MESSAGE_WIDTH = 320
EDITOR_MIN_WIDTH = 320


class ValidatedField(QWidget):
    def __init__(self, editor: QWidget, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.field = field
        self.severity: str | None = None
        self.message = QLabel("")
        self.message.setObjectName(f"error_{field}")
        self.message.setWordWrap(True)
        self.message.setFixedWidth(MESSAGE_WIDTH)
        self.message.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.message.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Preferred)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        editor.setMinimumWidth(EDITOR_MIN_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor, 1)
        layout.addWidget(self.message)

    def set_issue(self, severity: str | None, text: str = "") -> None:
        """severity: 'error', 'warning' or None (valid)."""
        if severity == self.severity and text == self.message.text():
            return
        self.severity = severity
        self.message.setText(text if severity else "")
        colour = {"error": ERROR_COLOUR, "warning": WARNING_COLOUR}.get(severity or "")
        self.message.setStyleSheet(f"color:{colour}" if colour else "")
        self.message.setToolTip(text if severity else "")
        # A long message wraps: make the row tall enough for every line (the form grows with it).
        lines = self.message.fontMetrics().boundingRect(QRect(0, 0, MESSAGE_WIDTH, 10_000), Qt.TextWordWrap,
                                                         self.message.text()).height()
        self.message.setMinimumHeight(lines + 2 if severity else 0)
        kind = type(self.editor).__name__
        if colour:
            self.editor.setStyleSheet(f"{kind} {{ border: 1px solid {colour}; border-radius: 3px; padding: 2px; }}")
        else:
            self.editor.setStyleSheet("")
        self.editor.setProperty("validation", severity or "")

    def set_note(self, text: str) -> None:
        """A neutral remark beside a valid input (the region an ID number names); an issue replaces it."""
        if self.severity is not None:
            return
        self.message.setText(text)
        self.message.setStyleSheet(f"color:{NOTE_COLOUR}" if text else "")
        self.message.setToolTip(text)
