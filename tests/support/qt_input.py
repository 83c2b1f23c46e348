"""Typing Chinese in Qt tests.

`qtbot.keyClicks` with Chinese characters aborts Qt (there are no key codes for them); a real user's
input method delivers committed text as a QInputMethodEvent, so tests do the same.
"""
from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_chinese(widget: QWidget, text: str) -> None:
    """Commit `text` at the cursor, as an input method does (textChanged and textEdited fire)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
