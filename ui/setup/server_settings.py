"""Connection settings for the district server (PostgreSQL): host, port, database, user, TLS, password.

Saving checks the connection first and points this data folder at the store found there; the
password goes to the OS keyring, never into a file.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from fulian_desktop.domain.errors import FulianError
from fulian_desktop.security.keyring_vault import KeyringVault
from fulian_desktop.store.paths import StorePaths
from fulian_desktop.store.server import connect_folder, probe_server, remember_password
from fulian_desktop.store.server_profile import SSL_MODES, ServerProfile

from ..errors import messages, present_error
from ..i18n import tr
from ..tasks import TaskRunner

_TLS_LABELS = {
    "verify-full": "verify-full（加密并核验服务器证书和主机名，推荐）",
    "verify-ca": "verify-ca（加密并核验证书）",
    "require": "require（加密，不核验证书）",
    "prefer": "prefer（能加密则加密）",
    "allow": "allow（不加密，服务器要求时才加密）",
    "disable": "disable（不加密，仅限本机测试）",
}


class ServerSettingsDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None, vault: KeyringVault | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("数据库服务器设置"))
        self.data_dir = Path(data_dir)
        self.vault = vault or KeyringVault()
        self.tasks = TaskRunner(self)
        self.store_id: str | None = None

        self.host = QLineEdit(objectName="host")
        self.port = QSpinBox(objectName="port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("fulian", objectName="database")
        self.user = QLineEdit(objectName="user")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.Password)
        self.tls = QComboBox(objectName="sslmode")
        for mode in SSL_MODES[::-1]:
            self.tls.addItem(tr(_TLS_LABELS[mode]), mode)
        self.ca = QLineEdit(objectName="sslrootcert")
        self.ca.setPlaceholderText(tr("CA 证书文件路径（verify-ca / verify-full 时填写）"))
        self.state = QLabel(objectName="state")
        self.state.setWordWrap(True)
        self._load_existing()

        form = QFormLayout()
        form.addRow(tr("服务器地址(&H)"), self.host)
        form.addRow(tr("端口(&P)"), self.port)
        form.addRow(tr("数据库(&D)"), self.database)
        form.addRow(tr("用户名(&U)"), self.user)
        form.addRow(tr("密码(&W)"), self.password)
        form.addRow(tr("TLS 加密(&T)"), self.tls)
        form.addRow(tr("CA 证书"), self.ca)
        hint = QLabel(tr("密码保存在本机系统钥匙串中，不写入任何文件。"))
        hint.setStyleSheet("color:#555")
        self.test_button = QPushButton(tr("测试连接"), objectName="test")
        self.test_button.clicked.connect(self.test_connection)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(tr("保存(&S)"))
        buttons.button(QDialogButtonBox.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def _load_existing(self) -> None:
        paths = StorePaths(self.data_dir)
        if not paths.is_server():
            self.tls.setCurrentIndex(self.tls.findData("verify-full"))
            return
        try:
            p = ServerProfile.load(paths.server_profile)
        except FulianError as exc:
            self.state.setText(exc.message)
            return
        self.host.setText(p.host)
        self.port.setValue(p.port)
        self.database.setText(p.database)
        self.user.setText(p.user)
        self.tls.setCurrentIndex(max(self.tls.findData(p.sslmode), 0))
        self.ca.setText(p.sslrootcert or "")

    def profile(self) -> ServerProfile:
        return ServerProfile(host=self.host.text().strip(), port=self.port.value(), database=self.database.text().strip(),
                             user=self.user.text().strip(), sslmode=self.tls.currentData(),
                             sslrootcert=self.ca.text().strip() or None)

    def _busy(self, busy: bool, text: str = "") -> None:
        self.test_button.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        self.state.setStyleSheet("")
        self.state.setText(text)

    def test_connection(self) -> None:
        try:
            profile = self.profile()
        except FulianError as exc:
            present_error(self, exc)
            return
        self._busy(True, tr("正在连接…"))
        self.tasks.run(probe_server, profile, self.password.text() or None,
                       on_done=self._tested, on_error=self._failed)

    def _tested(self, store_id: str | None) -> None:
        self._busy(False)
        self.state.setStyleSheet("color:#1b5e20")
        self.state.setText(tr("连接成功。") + (tr("服务器上已有数据存储。") if store_id else
                                               tr("服务器数据库是空的（可用 fulian init --server 创建数据存储）。")))

    def save(self) -> None:
        try:
            profile = self.profile()
        except FulianError as exc:
            present_error(self, exc)
            return
        self._busy(True, tr("正在连接…"))
        self.tasks.run(self._connect, profile, self.password.text() or None, on_done=self._saved,
                       on_error=self._failed)

    def _connect(self, profile: ServerProfile, password: str | None) -> tuple[str, bool]:
        store_id = connect_folder(self.data_dir, profile, password=password, vault=self.vault)
        return store_id, bool(password) and remember_password(profile, password, self.vault)

    def _saved(self, result: tuple[str, bool]) -> None:
        self.store_id, kept = result
        self._busy(False)
        if self.password.text() and not kept:
            messages.warn(self, tr("密码未保存"), tr("本机没有可用的系统钥匙串，密码未保存。请在启动前设置环境变量 FULIAN_PG_PASSWORD。"))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        present_error(self, exc)


def add_server_button(wizard) -> None:  # noqa: ANN001 - the setup wizard
    """First start at a district desk: connect to the server's store instead of creating a local one."""
    from PySide6.QtWidgets import QWizard

    from fulian_desktop.store.store import open_store

    def connect() -> None:
        dialog = ServerSettingsDialog(wizard.data_dir, wizard, vault=wizard.vault)
        if dialog.exec() != QDialog.Accepted:
            return
        try:
            wizard.store = open_store(wizard.data_dir, vault=wizard.vault)
        except FulianError as exc:
            present_error(wizard, exc)
            return
        wizard.accept()

    wizard.setButtonText(QWizard.CustomButton1, tr("连接数据库服务器(&S)…"))
    wizard.setOption(QWizard.HaveCustomButton1, True)
    wizard.customButtonClicked.connect(lambda which: connect() if which == QWizard.CustomButton1 else None)


def server_settings_button(data_dir: Path | None, parent: QWidget) -> QPushButton:
    """Settings page: change this desk's server connection (takes effect at the next start)."""
    button = QPushButton(tr("数据库服务器设置…"), parent, objectName="server_settings")
    button.setVisible(data_dir is not None and StorePaths(data_dir).is_server())

    def open_dialog() -> None:
        if ServerSettingsDialog(Path(data_dir), parent).exec() == QDialog.Accepted:
            messages.info(parent, tr("数据库服务器设置"), tr("已保存，重新启动程序后生效。"))

    button.clicked.connect(open_dialog)
    return button


def reconnect(data_dir: Path, exc: FulianError):  # noqa: ANN201 - Store | None
    """Start-up could not reach or log in to the server: show why, let the user fix the settings, try again."""
    from fulian_desktop.store.store import open_store

    messages.warn(None, tr("无法连接数据库服务器"), exc.message)
    while ServerSettingsDialog(Path(data_dir)).exec() == QDialog.Accepted:
        try:
            return open_store(data_dir)
        except FulianError as again:
            present_error(None, again)
    return None
