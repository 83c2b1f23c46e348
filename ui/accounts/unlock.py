"""Unlocking the store when the keyring cannot: passphrase, or the recovery code on request."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.errors import FulianError, WrongKey
from fulian_desktop.store.store import Store, Unlock, open_store

from ..i18n import tr


class UnlockDialog(QDialog):
    def __init__(self, data_dir: Path, reason: str, parent: QWidget | None = None, vault=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setWindowTitle(tr("打开数据存储"))
        self.data_dir, self.vault = data_dir, vault
        self.store: Store | None = None
        self.use_recovery = False
        self.reason = QLabel(reason)
        self.reason.setWordWrap(True)
        self.secret = QLineEdit(echoMode=QLineEdit.Password)
        self.secret.setObjectName("secret")
        self.secret_label = QLabel(tr("口令"))
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        self.toggle = QPushButton(tr("改用恢复码"))
        self.toggle.setFlat(True)
        self.toggle.setCursor(Qt.PointingHandCursor)
        self.toggle.setStyleSheet("QPushButton { color: #1a5fb4; text-decoration: underline; border: none;"
                                  " padding: 2px 0; text-align: left; }")
        self.toggle.clicked.connect(self._toggle_mode)
        form = QFormLayout()
        form.addRow(self.secret_label, self.secret)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("打开"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("退出"))
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("数据存储：{path}").format(path=data_dir)))
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.toggle, 0, Qt.AlignLeft)
        layout.addWidget(buttons)
        self.resize(520, 220)

    def _toggle_mode(self) -> None:
        self.use_recovery = not self.use_recovery
        self.secret_label.setText(tr("恢复码") if self.use_recovery else tr("口令"))
        self.secret.setEchoMode(QLineEdit.Normal if self.use_recovery else QLineEdit.Password)
        self.secret.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" if self.use_recovery else "")
        self.toggle.setText(tr("改用口令") if self.use_recovery else tr("改用恢复码"))
        self.secret.clear()
        self.error.clear()

    def try_open(self) -> None:
        secret = self.secret.text()
        if not secret:
            self.error.setText(tr("请输入恢复码。") if self.use_recovery else tr("请输入口令。"))
            return
        unlock = Unlock(recovery_code=secret) if self.use_recovery else Unlock(passphrase=secret)
        try:
            self.store = open_store(self.data_dir, unlock, vault=self.vault)
        except WrongKey as exc:
            self.error.setText(exc.message)
            self.secret.selectAll()
            return
        except FulianError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
