"""Login (with the core's lockout) and the forced password change."""
from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.errors import FulianError
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.accounts import auth, users
from fulian_desktop.store.store import Store

from ..errors import message_of
from ..i18n import tr


def _error_label() -> QLabel:
    label = QLabel("")
    label.setObjectName("error")
    label.setStyleSheet("color:#b3261e")
    label.setWordWrap(True)
    return label


class LoginDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None, *, title: str | None = None,
                 username: str = "", note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("幸福号 · {title}").format(title=tr("登录") if title is None else title))
        self.store = store
        self.actor: Actor | None = None
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit(echoMode=QLineEdit.Password)
        self.password.setObjectName("password")
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(tr("用户名"), self.username)
        form.addRow(tr("密码"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("登录"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("退出"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(tr("<h2>幸福号</h2><p>妇联维权服务与婚姻家庭矛盾纠纷调处平台</p>")
                         + ("<p style='color:#b3261e'>{text}</p>".format(text=tr("演示数据")) if store.demo else ""))
        layout.addWidget(heading)
        if note:
            layout.addWidget(QLabel(note))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()
        self.resize(420, 260)

    def try_login(self) -> None:
        # The password check (argon2id, a quarter of a second or so) runs in a thread and releases
        # the GIL: meanwhile this thread imports the main window, which comes next.
        outcome: dict[str, object] = {}
        store, username, password = self.store, self.username.text(), self.password.text()  # widgets: this thread only

        def check() -> None:
            try:
                outcome["actor"] = auth.login(store, username, password)
            except BaseException as exc:  # noqa: BLE001 - handed back to this thread
                outcome["error"] = exc

        from ..preload import main_window_modules
        from ..tasks import ui_thread_gc

        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            with ui_thread_gc():  # the check's thread must not collect (and so destroy) Qt objects
                worker = threading.Thread(target=check, name="login", daemon=True)
                worker.start()
                main_window_modules()
                worker.join()
        finally:
            QApplication.restoreOverrideCursor()
        error = outcome.get("error")
        if isinstance(error, FulianError):
            self.error.setText(message_of(error))
            self.password.clear()
            self.password.setFocus()
            return
        if error is not None:
            raise error  # type: ignore[misc]
        self.actor = outcome["actor"]  # type: ignore[assignment]
        self.accept()


class ChangePasswordDialog(QDialog):
    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None, *, forced: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("修改密码"))
        self.store, self.actor = store, actor
        self.old = QLineEdit(echoMode=QLineEdit.Password, objectName="old_password")
        self.new = QLineEdit(echoMode=QLineEdit.Password, objectName="new_password")
        self.again = QLineEdit(echoMode=QLineEdit.Password, objectName="new_password_again")
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(tr("原密码"), self.old)
        form.addRow(tr("新密码"), self.new)
        form.addRow(tr("再次输入新密码"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("修改"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("退出") if forced else tr("取消"))
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if forced:
            hint = QLabel(tr("首次登录或密码已被重置，请先设置新密码：至少 8 位，须含字母、数字、符号中的至少两类，"
                             "且不能与用户名相同。"))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(tr("首次登录或密码已被重置，请先设置新密码：至少 8 位")))

    def try_change(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(tr("两次输入的新密码不一致。"))
            return
        try:
            with self.store.uow(write=True) as uow:
                users.change_own_password(uow, self.actor, self.old.text(), self.new.text())
            self.actor = auth.refreshed(self.store, self.actor)
        except FulianError as exc:
            self.error.setText(message_of(exc))
            return
        self.accept()
