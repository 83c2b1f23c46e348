"""The setup wizard's simple pages (welcome, first administrator, first supervisor, key protection) and the
small widgets the pages share."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QGridLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget, QWizardPage,
)

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.security.keyring_vault import KeyringVault
from fulian_desktop.security.passphrase_rule import MIN_PASSPHRASE as MIN_PASSPHRASE  # re-exported for the wizard
from fulian_desktop.security.passphrase_rule import passphrase_problem
from fulian_desktop.security.passwords import check_password_policy
from fulian_desktop.services.accounts import users

from ..i18n import tr
from ..tasks import TaskRunner


# --- small widgets ----------------------------------------------------------------------------------

def error_label(name: str = "") -> QLabel:
    label = QLabel("")
    label.setObjectName(name or "error")
    label.setStyleSheet("color:#b3261e")
    label.setWordWrap(True)
    return label


def buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def field_grid(rows: list[tuple[str, QWidget, QLabel | None]]) -> QGridLayout:
    """label | field | message beside the field."""
    grid = QGridLayout()
    grid.setColumnStretch(1, 2)
    grid.setColumnStretch(2, 3)
    grid.setColumnMinimumWidth(1, 240)
    for row, (text, widget, error) in enumerate(rows):
        grid.addWidget(buddy(text, widget), row, 0)
        grid.addWidget(widget, row, 1)
        if error is not None:
            grid.addWidget(error, row, 2)
    return grid


# --- pages --------------------------------------------------------------------------------------------

class WelcomePage(QWizardPage):
    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.setTitle(tr("欢迎使用幸福号"))
        self.setSubTitle(tr("首次使用，需要先创建本机的数据存储。"))
        text = QLabel(
            tr("<p>本向导将依次完成：</p><ol>"
            "<li>设置区名称和案号前缀，录入街镇和村（社区）——可逐个添加，也可从文件导入；</li>"
            "<li>创建第一个系统管理员和第一个督导的账号；</li>"
            "<li>选择数据存储的保护方式（系统钥匙串或口令）；</li>"
            "<li>创建加密的数据存储，并<b>显示一次恢复码</b>，请打印或抄写后妥善保管。</li></ol>"
            "<p>所有案件和个人信息都加密保存在本机的以下文件夹中：</p>"))
        text.setWordWrap(True)
        where = QLabel(f"<code>{escape(str(data_dir))}</code>")
        where.setObjectName("data_dir")
        where.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        where.setWordWrap(True)
        files = QLabel(tr("其中 fulian.db 是加密的数据库，keystore.json 是受保护的密钥文件，两者缺一不可，"
                       "备份时请一并保存。以后如需更换文件夹，可用 --data-dir 参数或环境变量 FULIAN_DATA_DIR 指定。"))
        files.setWordWrap(True)
        self.choose_new = QRadioButton(tr("新建数据存储（区平台首次使用）(&X)"), objectName="choose_new")
        self.choose_join = QRadioButton(tr("加入区平台（站点）：用区里交来的开通文件和开通码开通本站(&J)"),
                                        objectName="choose_join")
        join_text = QLabel(tr("<p>加入区平台时，本向导将依次完成：</p><ol>"
                              "<li>选择区里交来的站点开通文件（在U盘中），输入另行告知的开通码；</li>"
                              "<li>选择数据存储的保护方式（系统钥匙串或口令）；</li>"
                              "<li>用开通文件创建本站加密的数据存储，其中有本单位的案件和账号，"
                              "并<b>显示一次恢复码</b>，请打印或抄写后妥善保管。</li></ol>"
                              "<p>登录账号由区里创建，开通后用区里告知的账号登录。"
                              "本站的案件和个人信息都加密保存在本机的以下文件夹中：</p>"))
        join_text.setWordWrap(True)
        join_text.setVisible(False)
        self.choose_join.toggled.connect(join_text.setVisible)
        self.choose_join.toggled.connect(lambda on: text.setVisible(not on))
        self.choose_new.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choose_new)
        layout.addWidget(self.choose_join)
        layout.addWidget(text)
        layout.addWidget(join_text)
        layout.addWidget(where)
        layout.addWidget(files)
        layout.addStretch(1)

    def joining(self) -> bool:
        return self.choose_join.isChecked()


class AdminPage(QWizardPage):
    """The first system administrator's account. Subclassed for the first supervisor: the system administrator
    grants only the rights it holds (no case content), so the staff accounts are the supervisor's."""

    KEY = "admin"
    DEFAULT_USERNAME = "admin"

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("第一个系统管理员"))
        self.setSubTitle(tr("系统管理员负责组织机构、系统设置和账号的停用、解锁，不看案件内容；"
                            "工作人员的账号由督导创建。"))
        key = self.KEY
        self.username = QLineEdit(self.DEFAULT_USERNAME, objectName=f"{key}_username")
        self.name = QLineEdit(objectName=f"{key}_name", placeholderText=tr("如：张敏"))
        self.password = QLineEdit(objectName=f"{key}_password", echoMode=QLineEdit.Password)
        self.again = QLineEdit(objectName=f"{key}_password_again", echoMode=QLineEdit.Password)
        prefix = "" if key == "admin" else f"{key}_"  # the administrator's labels keep their old names
        self.errors = {name: error_label(f"{prefix}{name}_error") for name in ("username", "name", "password", "again")}
        rule = QLabel(tr("密码至少 8 位，须含字母、数字、符号中的至少两类，且不能与用户名相同。"))
        rule.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(field_grid([(tr("用户名(&U)"), self.username, self.errors["username"]),
                                      (tr("姓名(&M)"), self.name, self.errors["name"]),
                                      (tr("密码(&W)"), self.password, self.errors["password"]),
                                      (tr("再次输入密码(&A)"), self.again, self.errors["again"])]))
        layout.addWidget(rule)
        layout.addStretch(1)
        self.password.textEdited.connect(lambda _t: self._check_password(live=True))
        self.again.textEdited.connect(lambda _t: self._check_again(live=True))

    def _check_password(self, live: bool = False) -> bool:
        label = self.errors["password"]
        if live and not self.password.text():
            label.clear()
            return False
        try:
            check_password_policy(self.password.text(), username=self.username.text().strip())
        except ValidationError as exc:
            label.setText(exc.message)
            return False
        label.clear()
        return True

    def _check_again(self, live: bool = False) -> bool:
        label = self.errors["again"]
        text = self.again.text()
        if live and (not text or self.password.text().startswith(text)):
            label.clear()
            return False
        if text != self.password.text():
            label.setText(tr("两次输入的密码不一致。"))
            return False
        label.clear()
        return True

    def validatePage(self) -> bool:
        for label in self.errors.values():
            label.clear()
        first_bad: QLineEdit | None = None
        try:
            self.username.setText(users.normalise_username(self.username.text()))
        except ValidationError as exc:
            self.errors["username"].setText(exc.message)
            first_bad = self.username
        else:
            taken = self.taken_username()
            if taken and self.username.text() == taken:
                self.errors["username"].setText(tr("督导的用户名不能与系统管理员相同。"))
                first_bad = self.username
        if not self.name.text().strip():
            self.errors["name"].setText(self.missing_name())
            first_bad = first_bad or self.name
        if not self._check_password():
            first_bad = first_bad or self.password
        elif not self._check_again():
            first_bad = first_bad or self.again
        if first_bad is not None:
            first_bad.setFocus()
            first_bad.selectAll()
            return False
        return True

    def missing_name(self) -> str:
        return tr("请填写管理员姓名。")

    def taken_username(self) -> str:
        """A username this account may not have (the administrator's, for the supervisor)."""
        return ""


class SupervisorPage(AdminPage):
    """The first district supervisor: reviews cases, and makes the staff accounts of the district."""

    KEY = "supervisor"
    DEFAULT_USERNAME = "dudao"

    def __init__(self, admin_page: AdminPage) -> None:
        super().__init__()
        self.admin_page = admin_page
        self.setTitle(tr("第一个督导"))
        self.setSubTitle(tr("区督导审核案件，并在辖区内创建接待员、调解员、心理咨询师、站点管理员等工作人员的账号。"))
        self.name.setPlaceholderText(tr("如：李芳"))

    def missing_name(self) -> str:
        return tr("请填写督导姓名。")

    def taken_username(self) -> str:
        return self.admin_page.username.text().strip().lower()


class ProtectionPage(QWizardPage):
    def __init__(self, vault: KeyringVault, tasks: TaskRunner) -> None:
        super().__init__()
        self.setTitle(tr("保护数据存储"))
        self.setSubTitle(tr("数据库用随机生成的密钥加密。请选择这把密钥在本机如何保存。"))
        self.vault, self.tasks = vault, tasks
        self.keyring_available: bool | None = None  # None while probing
        self.keyring_failed = False  # creating found the keyring unusable after all
        self.status = QLabel(tr("正在检查本机的系统钥匙串…"))
        self.status.setWordWrap(True)
        self.optional = QCheckBox(tr("另外设置一个口令（钥匙串不可用时，可用口令打开）(&O)"))
        self.optional.setVisible(False)
        self.optional.toggled.connect(self._update_fields)
        self.passphrase = QLineEdit(objectName="passphrase", echoMode=QLineEdit.Password)
        self.again = QLineEdit(objectName="passphrase_again", echoMode=QLineEdit.Password)
        self.error = error_label("passphrase_error")
        self.again_error = error_label("passphrase_again_error")
        self.fields = QWidget()
        grid = field_grid([(tr("口令(&K)"), self.passphrase, self.error), (tr("再次输入口令(&G)"), self.again, self.again_error)])
        grid.setContentsMargins(0, 0, 0, 0)
        self.fields.setLayout(grid)
        self.note = QLabel(tr("请记住口令：忘记口令时只能用恢复码打开。恢复码将在创建后显示。"))
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.optional)
        layout.addWidget(self.fields)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._probe_started = False

    def initializePage(self) -> None:
        if self._probe_started:
            self._update_fields()
            return
        self._probe_started = True
        self._update_fields()
        self.tasks.run(lambda: (self.vault.available(), self.vault.describe()), on_done=self._probed,
                       on_error=lambda _exc: self._probed((False, "")))

    def _probed(self, result: tuple[bool, str]) -> None:
        self.keyring_available, name = result
        self._describe = name
        self._update_fields()
        self.completeChanged.emit()

    def mark_keyring_failed(self) -> None:
        """Creating found the keyring unusable after all: a passphrase becomes required."""
        self.keyring_failed = True
        self._update_fields()

    def needs_passphrase(self) -> bool:
        return not self.keyring_available or self.keyring_failed

    def wants_passphrase(self) -> bool:
        return self.needs_passphrase() or self.optional.isChecked()

    def _update_fields(self) -> None:
        if self.keyring_available is None:
            self.fields.setEnabled(False)
            return
        if self.keyring_failed:
            self.status.setText(tr("<b>系统钥匙串无法保存密钥。</b>请设置一个口令（至少 8 位），每次打开程序时输入。"))
        elif self.keyring_available:
            self.status.setText(tr("密钥将保存在本机的系统钥匙串（{describe}）中，登录本机账户后打开程序无需输入口令。").format(describe=escape(self._describe)))
        else:
            self.status.setText(tr("<b>本机没有可用的系统钥匙串。</b>请设置一个口令（至少 8 位）来保护数据存储，"
                                "每次打开程序时需要输入。"))
        self.optional.setVisible(bool(self.keyring_available) and not self.keyring_failed)
        enabled = self.wants_passphrase()
        self.fields.setEnabled(enabled)
        self.note.setVisible(enabled)
        if not enabled:
            self.error.clear()
            self.again_error.clear()

    def isComplete(self) -> bool:
        return self.keyring_available is not None

    def validatePage(self) -> bool:
        self.error.clear()
        self.again_error.clear()
        if not self.wants_passphrase():
            return True
        problem = passphrase_problem(self.passphrase.text())   # the same rule as `fulian init`
        if problem:
            self.error.setText(problem)
            self.passphrase.setFocus()
            return False
        if self.again.text() != self.passphrase.text():
            self.again_error.setText(tr("两次输入的口令不一致。"))
            self.again.setFocus()
            self.again.selectAll()
            return False
        return True

    def chosen(self) -> tuple[str | None, bool]:
        """(passphrase or None, use the keyring)."""
        passphrase = self.passphrase.text() if self.wants_passphrase() else None
        return passphrase, bool(self.keyring_available) and not self.keyring_failed

