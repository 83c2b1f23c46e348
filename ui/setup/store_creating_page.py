"""The wizard's commit step that makes the store in the background: a summary, a busy bar, then on to the recovery
code, or a message and nothing left on disk. New store and joining station share it; each says what it makes."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWizard, QWizardPage

from fulian_desktop.domain.errors import KeyUnavailable

from ..errors import error_text, message_of
from .setup_pages import error_label


class StoreCreatingPage(QWizardPage):
    def __init__(self, wizard: Any, error_name: str) -> None:
        super().__init__()
        self._wizard = wizard
        self.setCommitPage(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.state = QLabel("")
        self.error = error_label(error_name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.state)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        self.running = False
        self.finished = False

    def isComplete(self) -> bool:  # noqa: N802
        return not self.running

    def validatePage(self) -> bool:  # noqa: N802
        if self.finished:
            return True
        if not self.running:
            self.start()
        return False

    def start(self) -> None:
        raise NotImplementedError

    def begin(self, doing: str) -> None:
        """The work has started: say what it does; Cancel and Back wait for it."""
        self.running = True
        self.error.clear()
        self.state.setText(doing)
        self.busy.setVisible(True)
        self.completeChanged.emit()
        self._wizard.button(QWizard.CancelButton).setEnabled(False)
        self._wizard.button(QWizard.BackButton).setEnabled(False)

    def succeeded(self, done: str) -> None:
        """The store exists: on to the next page (the recovery code)."""
        self.running, self.finished = False, True
        self.busy.setVisible(False)
        self.state.setText(done)
        self._wizard.button(QWizard.CancelButton).setEnabled(True)
        self.completeChanged.emit()
        self._wizard.next()

    def failed(self, exc: BaseException, after_passphrase: str, unexpected: str) -> None:
        """Nothing was made: a keyring that failed sends the user back to set a passphrase, anything else is
        explained (`after_passphrase` takes the message, `unexpected` is the text for an error of no known kind)."""
        self.running = False
        self.busy.setVisible(False)
        self.state.clear()
        w = self._wizard
        w.button(QWizard.CancelButton).setEnabled(True)
        w.button(QWizard.BackButton).setEnabled(True)
        if isinstance(exc, KeyUnavailable):
            w.protection_page.mark_keyring_failed()
            self.error.setText(after_passphrase.format(message=message_of(exc)))
        else:
            self.error.setText(error_text(exc, unexpected))
        self.completeChanged.emit()
