"""User accounts: list, add, reset a password, unlock, disable/enable, change role or unit."""
from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import Role
from fulian_desktop.domain.errors import FulianError
from fulian_desktop.domain.localtime import format_local, to_local
from fulian_desktop.security.actor import Actor
from fulian_desktop.security.passwords import check_password_policy
from fulian_desktop.security.permissions import grantable_roles, may_manage
from fulian_desktop.services.accounts import orgunits, users
from fulian_desktop.services.accounts.orgunits import OrgUnitView
from fulian_desktop.services.accounts.users import UserView

from ..errors import message_of, messages, present_error
from ..i18n import tr
from ..session import AppSession

COLUMNS = (QT_TRANSLATE_NOOP("", "用户名"), QT_TRANSLATE_NOOP("", "姓名"), QT_TRANSLATE_NOOP("", "角色"), QT_TRANSLATE_NOOP("", "单位"), QT_TRANSLATE_NOOP("", "状态"), QT_TRANSLATE_NOOP("", "最近登录"))
_LETTERS = "abcdefghjkmnpqrstuvwxyz"  # no i, l, o: a temporary password is read aloud or copied by hand


def temporary_password() -> str:
    """Four letters, a dash, four digits: meets the policy and is easy to pass on."""
    return "".join(secrets.choice(_LETTERS) for _ in range(4)) + "-" + "".join(
        secrets.choice("23456789") for _ in range(4))


def status_text(user: UserView, now: datetime | None = None) -> str:
    now = now or clock.now_utc()
    if not user.active:
        return tr("停用")
    if user.locked_until is not None and user.locked_until > now:
        local = to_local(user.locked_until)
        same_day = local.date() == to_local(now).date()
        return tr("锁定至 {local:%H:%M}").format(local=local) if same_day else tr("锁定至 {local:%m-%d %H:%M}").format(local=local)
    return tr("正常")


def _error_label(name: str) -> QLabel:
    label = QLabel("", objectName=name)
    label.setStyleSheet("color:#b3261e")
    label.setWordWrap(True)
    return label


def _role_combo(actor: Actor | None, current: Role | None = None) -> QComboBox:
    """Only the roles the actor may grant (security/permissions.py, the rule the core enforces)."""
    combo = QComboBox(objectName="role")
    allowed = grantable_roles(actor) if actor is not None else frozenset()
    for role in Role:
        if role in allowed:
            combo.addItem(tr(role.label), role)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def _unit_combo(units: list[OrgUnitView], current: str | None = None) -> QComboBox:
    combo = QComboBox(objectName="unit")
    for unit in units:
        combo.addItem("　" * unit.depth + unit.name, unit.id)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class _ServiceDialog(QDialog):
    """A form whose OK runs one service write off the UI thread; errors stay beside their fields."""

    def __init__(self, session: AppSession, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.session = session
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnMinimumWidth(1, 260)
        self.field_errors: dict[str, QLabel] = {}
        self.error = _error_label("error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.result_value: Any = None

    def add_row(self, label: str, widget: QWidget, field: str | None = None, extra: QWidget | None = None) -> None:
        row = self.grid.rowCount()
        text = QLabel(label)
        text.setBuddy(widget)
        self.grid.addWidget(text, row, 0)
        if extra is None:
            self.grid.addWidget(widget, row, 1)
        else:
            box = QHBoxLayout()
            box.addWidget(widget, 1)
            box.addWidget(extra)
            self.grid.addLayout(box, row, 1)
        if field:
            self.field_errors[field] = _error_label(f"{field}_error")
            self.grid.addWidget(self.field_errors[field], row, 2)
            self.grid.setColumnMinimumWidth(2, 200)

    def clear_errors(self) -> None:
        self.error.clear()
        for label in self.field_errors.values():
            label.clear()

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, FulianError):
            field = {"display_name": "name", "new_password": "password"}.get(exc.field or "", exc.field or "")
            (self.field_errors.get(field) or self.error).setText(message_of(exc))
        else:
            present_error(self, exc)

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.clear_errors()
        self.buttons.setEnabled(False)
        self.session.write(fn, *args, on_done=self._done, on_error=self._failed, **kwargs)

    def _done(self, value: Any) -> None:
        self.buttons.setEnabled(True)
        self.result_value = value
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_error(exc)

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class _PasswordField(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.edit = QLineEdit(temporary_password(), objectName="password")
        self.edit.setToolTip(tr("临时密码会显示出来，以便告诉用户；用户首次登录时须改为自己的密码。"))
        self.generate = QPushButton(tr("重新生成(&G)"))
        self.generate.clicked.connect(lambda: self.edit.setText(temporary_password()))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.edit, 1)
        box.addWidget(self.generate)
        self.setFocusProxy(self.edit)


class AddUserDialog(_ServiceDialog):
    def __init__(self, session: AppSession, units: list[OrgUnitView], parent: QWidget | None = None) -> None:
        super().__init__(session, tr("新增用户"), parent)
        actor = session.actor
        self.username = QLineEdit(objectName="username", placeholderText=tr("小写字母开头，如 zhangmin"))
        self.name = QLineEdit(objectName="display_name")
        self.role = _role_combo(actor, Role.RECEPTION)
        self.unit = _unit_combo(units, actor.unit_id if actor else None)
        self.password = _PasswordField()
        self.add_row(tr("用户名(&U)"), self.username, "username")
        self.add_row(tr("姓名(&M)"), self.name, "name")
        self.add_row(tr("角色(&R)"), self.role, "role")
        self.add_row(tr("所属单位(&D)"), self.unit, "unit")
        self.add_row(tr("临时密码(&P)"), self.password, "password")
        note = QLabel(tr("用户首次登录时须修改密码。请把用户名和临时密码当面或电话告知本人。"))
        note.setWordWrap(True)
        self.grid.addWidget(note, self.grid.rowCount(), 0, 1, 3)
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("创建"))
        self.resize(640, 300)

    def submit(self) -> None:
        self.clear_errors()
        if not self.name.text().strip():
            self.field_errors["name"].setText(tr("请填写姓名。"))
            self.name.setFocus()
            return
        if self.unit.currentData() is None:
            self.field_errors["unit"].setText(tr("请选择所属单位。"))
            return
        self.run(users.add_user, username=self.username.text(), display_name=self.name.text(),
                 role=Role(self.role.currentData()), unit_id=self.unit.currentData(), password=self.password.edit.text())


class EditUserDialog(_ServiceDialog):
    def __init__(self, session: AppSession, user: UserView, units: list[OrgUnitView],
                 parent: QWidget | None = None) -> None:
        super().__init__(session, tr("修改角色/单位"), parent)
        self.user = user
        actor = session.actor
        self.name = QLineEdit(user.display_name, objectName="display_name")
        self.role = _role_combo(actor, user.role)
        self.unit = _unit_combo(units, user.unit_id)
        if actor is not None and actor.user_id == user.id:  # one's own role and unit are someone else's decision
            self.role.setEnabled(False)
            self.unit.setEnabled(False)
        who = QLabel(f"<b>{user.username}</b>")
        self.grid.addWidget(QLabel(tr("用户名")), 0, 0)
        self.grid.addWidget(who, 0, 1)
        self.add_row(tr("姓名(&M)"), self.name, "name")
        self.add_row(tr("角色(&R)"), self.role, "role")
        self.add_row(tr("所属单位(&D)"), self.unit, "unit")
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("保存"))
        self.resize(600, 220)

    def submit(self) -> None:
        user = self.user
        role = Role(self.role.currentData())  # the combo hands the enum back as a plain str
        unit_id = self.unit.currentData()
        name = self.name.text().strip()
        if not name:
            self.field_errors["name"].setText(tr("请填写姓名。"))
            return
        self.run(users.update_user, user.username, role=role if role != user.role else None,
                 unit_id=unit_id if unit_id != user.unit_id else None,
                 display_name=name if name != user.display_name else None)


class ResetPasswordDialog(_ServiceDialog):
    def __init__(self, session: AppSession, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(session, tr("重置密码"), parent)
        self.user = user
        self.password = _PasswordField()
        self.grid.addWidget(QLabel(tr("用户")), 0, 0)
        self.grid.addWidget(QLabel(f"<b>{user.display_name}</b>（{user.username}）"), 0, 1)
        self.add_row(tr("临时密码(&P)"), self.password, "password")
        note = QLabel(tr("重置后该用户的锁定也一并解除；下次登录时须修改密码。"))
        note.setWordWrap(True)
        self.grid.addWidget(note, self.grid.rowCount(), 0, 1, 3)
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("重置"))
        self.resize(600, 200)

    def submit(self) -> None:
        password = self.password.edit.text()
        try:
            check_password_policy(password, username=self.user.username)
        except FulianError as exc:
            self.clear_errors()
            self.field_errors["password"].setText(message_of(exc))
            return
        self.run(users.reset_password, self.user.username, password)


class UsersPage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.users: list[UserView] = []
        self.units: list[OrgUnitView] = []
        self.dialog: QDialog | None = None  # the open dialog, for tests
        self._reselect: str | None = None

        self.filter = QLineEdit(objectName="filter", placeholderText=tr("筛选：用户名、姓名、角色或单位"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self._apply_filter())
        self.add_button = QPushButton(tr("新增用户(&A)…"))
        self.edit_button = QPushButton(tr("修改角色/单位(&E)…"))
        self.reset_button = QPushButton(tr("重置密码(&R)…"))
        self.unlock_button = QPushButton(tr("解锁(&U)"))
        self.active_button = QPushButton(tr("停用(&D)"))
        self.refresh_button = QPushButton(tr("刷新"))
        self.add_button.clicked.connect(self.open_add_dialog)
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.reset_button.clicked.connect(self.open_reset_dialog)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.active_button.clicked.connect(self.toggle_active)
        self.refresh_button.clicked.connect(self.reload)

        self.table = QTableWidget(0, len(COLUMNS), objectName="users_table")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 110, 110, 220, 130)):
            header.resizeSection(column, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _index: self.open_edit_dialog())
        self.count = QLabel(tr("正在加载…"))

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        for button in (self.add_button, self.edit_button, self.reset_button, self.unlock_button,
                       self.active_button, self.refresh_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.setTabOrder(self.filter, self.table)
        self.session.changes.subscribe(self, {"user", "org"}, self.reload)
        self._update_buttons()
        self.reload()

    # --- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        self.session.read(users.list_users, on_done=self._fill, on_error=lambda exc: present_error(self, exc))
        self.session.read(orgunits.list_units, on_done=self._set_units)

    def _set_units(self, units: list[OrgUnitView]) -> None:
        self.units = units

    def _fill(self, found: list[UserView]) -> None:
        selected = self.selected()
        target = self._reselect or (selected.username if selected else None)
        self._reselect = None
        self.users = found
        now = clock.now_utc()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(found))
        for row, user in enumerate(found):
            values = (user.username, user.display_name, user.role.label, user.unit_name, status_text(user, now),
                      format_local(user.last_login_at) if user.last_login_at else tr("从未登录"))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, user.username)
                if column == 4 and text != tr("正常"):
                    item.setForeground(Qt.darkRed)
                if user.must_change_password:
                    item.setToolTip(tr("使用临时密码，首次登录时须修改"))
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        if target:
            self.select_username(target)
        self._apply_filter()
        self._update_buttons()

    def _apply_filter(self) -> None:
        words = self.filter.text().strip().lower().split()
        shown = 0
        for row in range(self.table.rowCount()):
            text = " ".join(self.table.item(row, c).text().lower() for c in range(4))
            hide = any(w not in text for w in words)
            self.table.setRowHidden(row, hide)
            shown += not hide
        total = self.table.rowCount()
        self.count.setText(tr("共 {total} 个用户").format(total=total) if shown == total else tr("显示 {shown} / 共 {total} 个用户").format(shown=shown, total=total))

    # --- selection ---------------------------------------------------------------------------------
    def selected(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        username = self.table.item(rows[0].row(), 0).data(Qt.UserRole)
        return next((u for u in self.users if u.username == username), None)

    def select_username(self, username: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.UserRole) == username:
                self.table.selectRow(row)
                self.table.scrollToItem(self.table.item(row, 0))
                return

    def _update_buttons(self) -> None:
        user = self.selected()
        actor = self.session.actor
        manageable = user is not None and actor is not None and may_manage(actor, user.role, user.unit_id)
        for button in (self.edit_button, self.reset_button):
            button.setEnabled(manageable)
        locked = user is not None and status_text(user).startswith(tr("锁定"))
        self.unlock_button.setEnabled(locked)
        self.active_button.setText(tr("启用(&D)") if user is not None and not user.active else tr("停用(&D)"))
        self.active_button.setEnabled(user is not None and not (actor and actor.user_id == user.id))

    # --- actions -----------------------------------------------------------------------------------
    def _open(self, dialog: QDialog, on_accepted: Callable[[QDialog], None]) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_accepted(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _changed(self, username: str) -> None:
        """After a change: keep `username` selected when the list reloads (on the change of users the write
        announces, through the change bus every user list listens to)."""
        self._reselect = username

    def open_add_dialog(self) -> QDialog:
        def added(dialog: QDialog) -> None:
            view: UserView = dialog.result_value
            self._changed(view.username)
            messages.info(self, tr("已创建用户"),
                          tr('已创建用户 {display_name}（{username}），角色：{label}。\n临时密码：{text}\n请告知本人，首次登录时须修改密码。').format(display_name=view.display_name, username=view.username, label=tr(view.role.label), text=dialog.password.edit.text()))

        return self._open(AddUserDialog(self.session, self.units, self), added)

    def _manageable(self) -> UserView | None:
        """The selected account, if the actor may change its role, unit or password (else the buttons are off)."""
        user = self.selected()
        actor = self.session.actor
        if user is None or actor is None or not may_manage(actor, user.role, user.unit_id):
            return None
        return user

    def open_edit_dialog(self) -> QDialog | None:
        user = self._manageable()
        if user is None:
            return None
        return self._open(EditUserDialog(self.session, user, self.units, self),
                          lambda _d: self._changed(user.username))

    def open_reset_dialog(self) -> QDialog | None:
        user = self._manageable()
        if user is None:
            return None

        def reset(dialog: QDialog) -> None:
            self._changed(user.username)
            messages.info(self, tr("已重置密码"), tr('{display_name}（{username}）的临时密码：{text}\n下次登录时须修改密码。').format(display_name=user.display_name, username=user.username, text=dialog.password.edit.text()))

        return self._open(ResetPasswordDialog(self.session, user, self), reset)

    def unlock_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        self.session.write(users.unlock_user, user.username,
                           on_done=lambda _r: self._changed(user.username),
                           on_error=lambda exc: present_error(self, exc))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.active and not messages.confirm(
                self, tr("停用用户"), tr('停用后 {display_name}（{username}）将无法登录，其经办的案件保留。\n确定停用吗？').format(display_name=user.display_name, username=user.username)):
            return
        self.session.write(users.set_active, user.username, not user.active,
                           on_done=lambda _r: self._changed(user.username),
                           on_error=lambda exc: present_error(self, exc))
