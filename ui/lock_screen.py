"""What the window shows while locked: no case data, only a password prompt — for the same user, or, on a shared
desk PC, for whoever sits down next (切换用户), who may also change her password here (修改密码)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from fulian_desktop.domain.errors import FulianError
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.accounts import auth

from .errors import message_of
from .i18n import tr
from .session import AppSession


class LockScreen(QWidget):
    sig_unlocked = Signal(object)
    """(Actor) — the same user logged in again, or another user (切换用户): the window decides what follows."""
    sig_log_out = Signal()
    """注销 pressed: the window closes the previous user's screens."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.actor: Actor | None = None
        self.anyone = False  # True: any user may log in here (after 注销 or 切换用户)
        self.title = QLabel("<h2>{text}</h2>".format(text=tr("已锁定")))
        self.title.setAlignment(Qt.AlignCenter)
        self.who = QLabel()
        self.who.setAlignment(Qt.AlignCenter)
        width = self.fontMetrics().horizontalAdvance(tr("请输入密码以继续")) * 2
        self.username = QLineEdit(objectName="lock_username")
        self.username.setPlaceholderText(tr("用户名"))
        self.username.setFixedWidth(width)
        self.username.returnPressed.connect(lambda: self.password.setFocus())
        self.password = QLineEdit(echoMode=QLineEdit.Password, objectName="lock_password")
        self.password.setFixedWidth(width)
        self.password.setPlaceholderText(tr("请输入密码以继续"))
        self.password.returnPressed.connect(self.try_unlock)
        self.error = QLabel(objectName="error")
        self.error.setStyleSheet("color:#b3261e")
        self.error.setAlignment(Qt.AlignCenter)
        self.error.setWordWrap(True)
        self.unlock_button = QPushButton(tr("解锁(&U)"), objectName="lock_unlock")
        self.unlock_button.setFixedWidth(width)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button = QPushButton(tr("切换用户(&S)"), objectName="lock_switch_user")
        self.switch_button.clicked.connect(lambda: self.prepare(None, anyone=True))
        self.password_button = QPushButton(tr("修改密码(&P)"), objectName="lock_change_password")
        self.password_button.clicked.connect(self.change_password)
        self.log_out_button = QPushButton(tr("注销(&O)"), objectName="lock_log_out")
        self.log_out_button.setToolTip(tr("关闭上一位用户打开的案件（未保存的输入会丢失），让下一位用户登录"))
        self.log_out_button.clicked.connect(self.sig_log_out.emit)
        row = QHBoxLayout()
        for button in (self.switch_button, self.password_button, self.log_out_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.who, self.username, self.password, self.unlock_button):
            layout.addWidget(widget, 0, Qt.AlignHCenter)
        layout.addLayout(row)
        row.setAlignment(Qt.AlignHCenter)
        layout.addWidget(self.error)  # full width (text centred): a long message wraps, never clipped
        note = QLabel(tr("为保护当事人信息，长时间未操作或手动锁定后，案件信息已隐藏；未保存的输入仍保留。"))
        note.setAlignment(Qt.AlignCenter)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(2)

    def prepare(self, actor: Actor | None, *, anyone: bool = False) -> None:
        """Ready for the same user (`actor`, or the one locked before), or with `anyone` for any user."""
        self.anyone = anyone
        if not anyone:
            self.actor = actor or self.actor
        self.username.setVisible(anyone)
        self.switch_button.setVisible(not anyone)
        if anyone:
            self.who.setText(tr("请输入用户名和密码登录"))
            self.unlock_button.setText(tr("登录(&L)"))
            self.username.clear()
        elif self.actor:
            self.who.setText(tr("{name}（{username}）").format(name=self.actor.display_name,
                                                              username=self.actor.username))
            self.unlock_button.setText(tr("解锁(&U)"))
        self.password.clear()
        self.error.clear()
        (self.username if anyone else self.password).setFocus()

    def _username(self) -> str | None:
        if self.anyone:
            return self.username.text().strip() or None
        return self.actor.username if self.actor else None

    def _login(self) -> Actor | None:
        username = self._username()
        if username is None:
            self.error.setText(tr("请填写用户名。"))
            self.username.setFocus()
            return None
        try:
            return auth.login(self.session.store, username, self.password.text())
        except FulianError as exc:
            self.error.setText(message_of(exc))
            self.password.clear()
            return None

    def try_unlock(self) -> None:
        actor = self._login()
        if actor is None:
            return
        if actor.must_change_password:
            actor = self._changed_password(actor, forced=True)
            if actor is None:
                return
        self.sig_unlocked.emit(actor)

    def change_password(self) -> None:
        """修改密码 on the lock screen: the password just typed proves who she is, then the new one is set."""
        actor = self._login()
        if actor is not None and (changed := self._changed_password(actor, forced=actor.must_change_password)):
            self.sig_unlocked.emit(changed)

    def _changed_password(self, actor: Actor, *, forced: bool) -> Actor | None:
        from .accounts.login import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.session.store, actor, self, forced=forced)
        dialog.old.setText(self.password.text())
        self.password.clear()
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.actor
