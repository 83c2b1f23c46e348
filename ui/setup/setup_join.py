"""The setup wizard's "加入区平台（站点）" path: the station picks the provisioning package the district gave it
(on a USB drive) and types the one-time code; the code is checked before anything is created, then the
store is made from the package with the chosen key protection, and the recovery code is shown once."""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWizard,
    QWizardPage,
)

from fulian_desktop.domain.errors import FulianError
from fulian_desktop.sync.provision import JoinedStation, create_station_store, read_package

from ..i18n import tr
from .setup_pages import error_label
from .store_creating_page import StoreCreatingPage

if TYPE_CHECKING:
    from .setup_wizard import SetupWizard

MAX_PACKAGE = 1 << 30


class JoinPackagePage(QWizardPage):
    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("加入区平台：开通文件和开通码"))
        self.setSubTitle(tr("请插入区里交来的U盘，选择其中的站点开通文件（.fprov），再输入另行告知您的开通码。"))
        self.path = QLineEdit(objectName="join_package")
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        browse = QPushButton(tr("选择文件(&L)…"), objectName="browse_join_package")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.code = QLineEdit(objectName="join_code")
        self.code.setPlaceholderText(tr("如：ABCD-EFGH-…（共 32 个字符，不区分大小写）"))
        self.code.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.error = error_label("join_error")
        layout = QVBoxLayout(self)
        file_label = QLabel(tr("开通文件(&F)"))
        file_label.setBuddy(self.path)
        layout.addWidget(file_label)
        layout.addLayout(row)
        label = QLabel(tr("开通码(&C)"))
        label.setBuddy(self.code)
        layout.addWidget(label)
        layout.addWidget(self.code)
        layout.addWidget(self.error)
        note = QLabel(tr("开通码只用于打开这个开通文件。输错时不会创建任何文件，可以重新输入。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        self.package = b""

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("选择站点开通文件"), self.path.text(),
                                              tr("站点开通文件 (*.fprov);;所有文件 (*)"))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and bool(self.code.text().strip())

    def validatePage(self) -> bool:
        """The code is checked here, before the key protection is chosen and long before any file is made."""
        self.error.clear()
        path = Path(self.path.text().strip())
        try:
            if not path.is_file():
                raise FileNotFoundError
            if path.stat().st_size > MAX_PACKAGE:
                self.error.setText(tr("这个文件太大，不是站点开通文件。"))
                return False
            self.package = path.read_bytes()
        except OSError:
            self.error.setText(tr("无法读取 {path}。请确认U盘已插好、文件存在。").format(path=path))
            return False
        QApplication.setOverrideCursor(QCursor(Qt.WaitCursor))   # argon2: about a second
        try:
            read_package(self.package, self.code.text())
        except FulianError as exc:
            self.error.setText(exc.message)
            self.code.setFocus()
            self.code.selectAll()
            return False
        finally:
            QApplication.restoreOverrideCursor()
        return True


class JoinCreatePage(StoreCreatingPage):
    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__(wizard, "join_create_error")
        self.setTitle(tr("开通站点"))
        self.setSubTitle(tr("请核对以下内容，然后点击“开通站点”。"))
        self.setButtonText(QWizard.CommitButton, tr("开通站点(&C)"))
        self.unit_name = ""

    def initializePage(self) -> None:
        w = self._wizard
        passphrase, use_keyring = w.protection_page.chosen()
        protection = ((tr("系统钥匙串，另设口令") if passphrase else tr("系统钥匙串")) if use_keyring else tr("口令"))
        self.summary.setText(tr("<table cellspacing=6><tr><td>数据文件夹</td><td><code>{data_dir}</code></td></tr>"
                                "<tr><td>开通文件</td><td>{package}</td></tr><tr><td>密钥保护</td><td>{protection}"
                                "</td></tr></table><p>开通后，本机将作为站点与区平台交换同步包；登录账号由区里创建。</p>")
                             .format(data_dir=escape(str(w.data_dir)), package=escape(w.join_page.path.text()),
                                     protection=protection))
        self.error.clear()

    def start(self) -> None:
        w = self._wizard
        passphrase, use_keyring = w.protection_page.chosen()
        self.begin(tr("正在创建加密数据存储并写入本单位的案件，请稍候…"))
        w.tasks.run(create_station_store, w.data_dir, w.join_page.package, w.join_page.code.text(),
                    passphrase=passphrase, vault=w.vault, use_keyring=use_keyring, kdf=w.kdf,
                    on_done=self._created, on_error=self._failed)

    def _created(self, joined: JoinedStation) -> None:
        self.unit_name = joined.unit_name
        w = self._wizard
        w.created = joined.created
        w.store = joined.created.store
        w.joined_unit = joined.unit_name
        self.succeeded(tr("已开通：{unit}").format(unit=joined.unit_name))

    def _failed(self, exc: BaseException) -> None:
        self.failed(exc, tr("{message}请点击“上一步”设置口令后再开通。"),
                    tr("开通站点时遇到意外错误，没有留下任何文件。详细信息已记入日志；"
                       "请检查文件夹是否可写、磁盘空间是否充足后重试。"))
