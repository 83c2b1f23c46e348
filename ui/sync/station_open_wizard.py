"""开通站点 (district side): the key holder proves it with the store's passphrase or recovery code, picks a
unit that has no station yet, writes the provisioning package to a file (a USB drive), and is shown the
one-time code on screen, with a printable slip. The package and the code go to the station separately."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QProgressBar, QPushButton,
    QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from fulian_desktop.domain import clock
from fulian_desktop.domain.errors import FulianError
from fulian_desktop.security.keyfile import KdfParams
from fulian_desktop.security.private_files import write_private
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.store import Store, confirm_key_holder
from fulian_desktop.sync import stations
from fulian_desktop.sync.provision import Provisioned, provision_station

from ..errors import error_text
from ..i18n import tr
from ..tasks import TaskRunner
from ..setup.setup_pages import error_label

PACKAGE_SUFFIX = ".fprov"


class KeyHolderPage(QWizardPage):
    def __init__(self, wizard: "StationOpenWizard") -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("确认密钥持有人"))
        self.setSubTitle(tr("开通文件里有该单位的全部案件和新站点的密钥，只能由本数据存储的密钥持有人办理。"))
        self.secret = QLineEdit(objectName="key_holder_secret", echoMode=QLineEdit.Password)
        self.secret.setPlaceholderText(tr("数据存储口令，或恢复码"))
        self.error = error_label("key_holder_error")
        note = QLabel(tr("请输入创建本数据存储时设置的口令；没有设置口令的，请输入恢复码（32 个字符）。"
                         "此信息只用于确认身份，不会保存。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.secret)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        self.error.clear()
        QApplication.setOverrideCursor(QCursor(Qt.WaitCursor))   # argon2: about a second
        try:
            confirm_key_holder(self._wizard.store, self.secret.text())
        except FulianError as exc:
            self.error.setText(exc.message)
            self.secret.selectAll()
            self.secret.setFocus()
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.secret.clear()   # not kept longer than needed
        return True


class UnitPage(QWizardPage):
    def __init__(self, wizard: "StationOpenWizard") -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("选择要开通站点的单位"))
        self.setSubTitle(tr("只列出还没有站点的街镇和村（社区）。开通后，该单位的全部案件会随开通文件交给新站点。"))
        self.units = QListWidget(objectName="unit_list")
        self.units.currentRowChanged.connect(lambda _r: self.completeChanged.emit())
        self.empty = QLabel(tr("所有单位都已开通站点。如需为某个单位更换电脑，请先在站点列表中停用它原来的站点。"))
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.units, 1)
        layout.addWidget(self.empty)

    def initializePage(self) -> None:
        with self._wizard.store.uow() as uow:
            found = stations.units_without_station(uow)
        self.units.clear()
        for unit_id, name, where in found:
            item = QListWidgetItem(where)
            item.setData(Qt.UserRole, unit_id)
            item.setData(Qt.UserRole + 1, name)
            self.units.addItem(item)
        self.empty.setVisible(not found)

    def chosen(self) -> tuple[str, str] | None:
        item = self.units.currentItem()
        return (item.data(Qt.UserRole), item.data(Qt.UserRole + 1)) if item is not None else None

    def isComplete(self) -> bool:
        return self.chosen() is not None


class PackagePage(QWizardPage):
    def __init__(self, wizard: "StationOpenWizard") -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("保存开通文件"))
        self.setSubTitle(tr("请插入U盘，选择保存位置。开通文件已加密，没有开通码打不开；开通码在下一页显示。"))
        self.setCommitPage(True)
        self.path = QLineEdit(objectName="package_path")
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        browse = QPushButton(tr("选择位置(&L)…"), objectName="browse_package")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.state = QLabel("")
        self.error = error_label("package_error")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.state)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.running = False
        self.finished = False

    def initializePage(self) -> None:
        chosen = self._wizard.unit_page.chosen()
        if chosen and not self.path.text():
            self.path.setText(str(Path.home() / f"{chosen[1]}-站点开通文件{PACKAGE_SUFFIX}"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("保存开通文件"), self.path.text(),
                                              tr("站点开通文件 (*.fprov)"))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and not self.running

    def validatePage(self) -> bool:
        if self.finished:
            return True
        if not self.running:
            self.start()
        return False

    def start(self) -> None:
        w = self._wizard
        chosen = w.unit_page.chosen()
        if chosen is None:
            return
        target = Path(self.path.text().strip())
        if target.is_dir():
            target = target / f"{chosen[1]}-站点开通文件{PACKAGE_SUFFIX}"
        if not target.parent.is_dir():
            self.error.setText(tr("找不到文件夹 {folder}。请插好U盘后重新选择位置。").format(folder=target.parent))
            return
        self.running = True
        self.error.clear()
        self.busy.setVisible(True)
        self.state.setText(tr("正在生成开通文件…"))
        self.completeChanged.emit()
        store, kdf = w.store, w.kdf

        def work() -> tuple[Provisioned, Path]:
            made = provision_station(store, system_actor(store, "站点开通向导"), chosen[0], kdf=kdf)
            write_private(target, made.package)
            return made, target

        w.tasks.run(work, on_done=self._made, on_error=self._failed)

    def _made(self, result: tuple[Provisioned, Path]) -> None:
        self.running, self.finished = False, True
        self.busy.setVisible(False)
        self._wizard.made, self._wizard.package_path = result
        self.state.setText(tr("已保存。"))
        self.completeChanged.emit()
        self._wizard.next()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.busy.setVisible(False)
        self.state.clear()
        self.error.setText(error_text(exc, tr("生成开通文件时出错，没有开通站点。请检查保存位置后重试。")))
        self.completeChanged.emit()


class CodePage(QWizardPage):
    def __init__(self, wizard: "StationOpenWizard") -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("开通码（只显示这一次）"))
        self.setSubTitle(tr("开通码与开通文件要分开交付：当面念给对方，或打印纸条另行交给对方。"))
        self.code = QLabel(objectName="provision_code")
        font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        font.setPointSize(20)
        font.setWeight(QFont.DemiBold)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.code.setStyleSheet("QLabel{background:#fff8e1;border:1px solid #d7b45a;border-radius:4px;padding:14px;}")
        self.where = QLabel(objectName="package_where")
        self.where.setWordWrap(True)
        self.print_button = QPushButton(tr("打印开通码纸条(&P)…"), objectName="print_slip")
        self.print_button.clicked.connect(self.print_slip)
        self.note = QLabel("")
        self.saved = QCheckBox(tr("我已记下开通码，会与开通文件分开交给站点(&S)"), objectName="code_saved")
        self.saved.toggled.connect(lambda _c: self.completeChanged.emit())
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.note, 1)
        how = QLabel(tr("站点首次启动幸福号时，选择“加入区平台（站点）”，选择开通文件并输入此开通码。"
                        "开通码不区分大小写；“0”都是数字零。"))
        how.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code)
        layout.addWidget(how)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addStretch(1)
        layout.addWidget(self.saved)

    def initializePage(self) -> None:
        w = self._wizard
        assert w.made is not None
        self.code.setText(w.made.code)
        self.where.setText(tr("已为“{unit}”开通站点（{n} 条记录），开通文件保存在：{path}").format(
            unit=w.made.unit_name, n=w.made.records, path=w.package_path))
        w.setOption(QWizard.NoCancelButton, True)
        w.setOption(QWizard.NoBackButtonOnLastPage, True)

    def isComplete(self) -> bool:
        return self.saved.isChecked()

    def choose_printer(self, printer: QPrinter) -> bool:
        """Asks the user for a printer; tests replace this to print into a PDF file without a dialog."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("打印开通码"))
        return dialog.exec() == QPrintDialog.Accepted

    def print_slip(self) -> bool:
        made = self._wizard.made
        if made is None:
            return False
        printer = QPrinter(QPrinter.HighResolution)
        printer.setDocName(tr("幸福号站点开通码"))
        if not self.choose_printer(printer):
            return False
        doc = QTextDocument()
        base = QFont(self.font())
        base.setPointSize(12)
        doc.setDefaultFont(base)
        doc.setHtml(slip_html(made.unit_name, made.code))
        doc.print_(printer)
        self.note.setText(tr("已发送打印。请把纸条与开通文件分开交给站点。"))
        return True


def slip_html(unit: str, code: str) -> str:
    when = clock.now_local()
    return tr("<h2 style='text-align:center'>幸福号 · 站点开通码</h2><p>站点单位：{unit}</p>"
              "<p>生成时间：{when:%Y年%m月%d日 %H:%M}</p><p>开通码：</p>"
              "<p style='font-family:monospace;font-size:16pt;font-weight:bold;text-align:center;white-space:nowrap'>"
              "{code}</p><p>使用方法：在站点电脑上首次启动幸福号，选择“加入区平台（站点）”，选择U盘中的开通文件，"
              "输入上面的开通码。</p><p>开通码只能与对应的开通文件一起使用。请不要把本纸条和U盘放在一起交付；"
              "站点开通后请将本纸条销毁。</p><p>交付人：______________　　接收人：______________</p>").format(
        unit=escape(unit), when=when, code=escape(code))


class StationOpenWizard(QWizard):
    def __init__(self, store: Store, parent: QWidget | None = None, *, tasks: TaskRunner | None = None,
                 kdf: KdfParams | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.kdf = kdf or KdfParams()
        self.tasks = tasks or TaskRunner(self)
        self.made: Provisioned | None = None
        self.package_path: Path | None = None
        self.setWindowTitle(tr("开通站点"))
        self.setWizardStyle(QWizard.ModernStyle)
        for which, text in ((QWizard.NextButton, tr("下一步(&N)")), (QWizard.BackButton, tr("上一步(&B)")),
                            (QWizard.FinishButton, tr("完成(&F)")), (QWizard.CancelButton, tr("取消")),
                            (QWizard.CommitButton, tr("生成开通文件(&C)"))):
            self.setButtonText(which, text)
        self.key_page = KeyHolderPage(self)
        self.unit_page = UnitPage(self)
        self.package_page = PackagePage(self)
        self.code_page = CodePage(self)
        for page in (self.key_page, self.unit_page, self.package_page, self.code_page):
            self.addPage(page)
        self.resize(760, 520)

    def reject(self) -> None:
        if self.package_page.running:
            return
        if self.made is not None and not self.code_page.saved.isChecked():
            return   # the code is shown once: leave only after it is noted
        super().reject()
