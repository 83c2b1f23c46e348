"""A bar shown when a save hit a newer version: reload the latest, then put the user's input back."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ..i18n import tr


class ConflictBar(QFrame):
    sig_reload = Signal()
    """() — the user wants the latest version loaded (their input is kept aside)."""
    sig_restore = Signal()
    """() — the user wants their kept input applied on top of the latest version."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_bar")
        self.setStyleSheet("#conflict_bar { background: #fff4d6; border: 1px solid #e0b54a; border-radius: 4px; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.reload_button = QPushButton(tr("重新加载"))
        self.reload_button.setObjectName("conflict_reload")
        self.reload_button.clicked.connect(self.sig_reload)
        self.restore_button = QPushButton(tr("恢复我的输入"))
        self.restore_button.setObjectName("conflict_restore")
        self.restore_button.clicked.connect(self.sig_restore)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.restore_button)
        self.hide()

    def show_conflict(self, what: str | None = None) -> None:
        what = what or tr("该记录")
        self.text.setText(tr("{what}已被其他用户修改，您的输入仍在下方，尚未保存。可点“重新加载”查看最新版本，再把您的修改重新应用后保存。").format(what=what))
        self.reload_button.show()
        self.restore_button.hide()
        self.show()

    def show_reloaded(self, version: int) -> None:
        self.text.setText(tr("已载入最新版本（第 {version} 版）。您刚才的修改已暂存：点“恢复我的输入”把它们应用到最新版本上，核对后再保存。").format(version=version))
        self.reload_button.hide()
        self.restore_button.show()
        self.show()

    def clear(self) -> None:
        self.hide()
