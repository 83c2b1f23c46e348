"""An empty list says what belongs there and how to add it, in grey across its middle, instead of a blank page."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QLabel):
    """Shown over `view` while its model has no rows and a text is set."""

    def __init__(self, view: QAbstractItemView, text: str = "", object_name: str = "empty_hint") -> None:
        super().__init__(text, view.viewport())
        self.view = view
        self.setObjectName(object_name)
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color:#5f6368; font-size:14px")
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update_visibility)
        self.update_visibility()

    def set_hint(self, text: str) -> None:
        self.setText(text)
        self.update_visibility()

    def update_visibility(self, *_args: object) -> None:
        self.setGeometry(self.view.viewport().rect().adjusted(24, 24, -24, -24))
        self.setVisible(bool(self.text()) and self.view.model().rowCount() == 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.update_visibility()
        return False
