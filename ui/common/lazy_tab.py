"""A tab whose content is built the first time it is shown, so opening a case stays quick."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.widget: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.widget is None:
            self.widget = self._factory()
            self._layout.addWidget(self.widget)
        return self.widget

    def reload(self) -> None:
        """Refresh the content if it exists; an unbuilt tab loads fresh data when first shown."""
        if self.widget is not None and hasattr(self.widget, "reload"):
            self.widget.reload()

    def showEvent(self, event) -> None:  # noqa: ANN001
        self.ensure_built()
        super().showEvent(event)
