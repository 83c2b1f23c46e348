"""Dialog sizes that fit the screen: a 1366×768 reception laptop, or any screen at 200 % scaling."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget


def fitted_size(widget: QWidget, wanted: QSize) -> QSize:
    """`wanted`, shrunk to 90 % of the free area of the widget's screen (the title bar and taskbar need the rest)."""
    screen = widget.screen()
    if screen is None:
        return wanted
    return wanted.boundedTo(screen.availableGeometry().size() * 0.9)
