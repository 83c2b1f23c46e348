"""What the window shows while locked: no case data, only a password prompt for the same user."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from fulian_desktop.domain.errors import FulianError
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.accounts import auth

from .i18n import tr
from .session import AppSession


class LockScreen(QWidget):
    sig_unlocked = Signal(object)
    """(Actor) — the same user logged in again."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.actor: Actor | None = None
        self.title = QLabel("<h2>{text}</h2>".format(text=tr("已锁定")))
        self.title.setAlignment(Qt.AlignCenter)
        self.who = QLabel()
        self.who.setAlignment(Qt.AlignCenter)
        self.password = QLineEdit(echoMode=QLineEdit.Password, objectName="lock_password")
        self.password.setFixedWidth(self.fontMetrics().horizontalAdvance(tr("请输入密码以继续")) * 2)
        self.password.setPlaceholderText(tr("请输入密码以继续"))
        self.password.returnPressed.connect(self.try_unlock)
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color:#b3261e")
        self.error.setAlignment(Qt.AlignCenter)
        self.error.setWordWrap(True)
        button = QPushButton(tr("解锁"))
        button.setFixedWidth(self.password.width())
        button.clicked.connect(self.try_unlock)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.who, self.password, button):
            layout.addWidget(widget, 0, Qt.AlignHCenter)
        layout.addWidget(self.error)  # full width (text centred): a long message wraps, never clipped
        note = QLabel(tr("为保护当事人信息，长时间未操作或手动锁定后，案件信息已隐藏；未保存的输入仍保留。"))
        note.setAlignment(Qt.AlignCenter)
        layout.addWidget(note)
        layout.addStretch(2)

    def prepare(self, actor: Actor | None) -> None:
        self.actor = actor or self.actor
        if self.actor:
            self.who.setText(tr("{name}（{username}）").format(name=self.actor.display_name, username=self.actor.username))
        self.password.clear()
        self.error.clear()
        self.password.setFocus()

    def try_unlock(self) -> None:
        if self.actor is None:
            return
        try:
            actor = auth.login(self.session.store, self.actor.username, self.password.text())
        except FulianError as exc:
            self.error.setText(exc.message)
            self.password.clear()
            return
        self.sig_unlocked.emit(actor)
