"""The setup wizard's recovery-code page (shown once) and the printed recovery sheet."""
from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWizard, QWizardPage

from fulian_desktop.domain import clock

from ..i18n import tr

if TYPE_CHECKING:
    from .setup_wizard import SetupWizard


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: "SetupWizard") -> None:
        super().__init__()
        self.setTitle(tr("恢复码（只显示这一次）"))
        self.setSubTitle(tr("换电脑、重装系统或忘记口令时，只有用恢复码才能打开数据存储。请现在打印或抄写，"
                         "与电脑分开、妥善保管。"))
        self._wizard = wizard
        self.code = QLabel(objectName="recovery_code")
        font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        font.setPointSize(20)
        font.setWeight(QFont.DemiBold)
        font.setLetterSpacing(QFont.AbsoluteSpacing, 1.0)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.code.setStyleSheet("QLabel{background:#fff8e1;border:1px solid #d7b45a;border-radius:4px;padding:14px;}")
        self.print_button = QPushButton(tr("打印恢复码(&P)…"))
        self.copy_button = QPushButton(tr("复制(&C)"))
        self.print_button.clicked.connect(self.print_recovery)
        self.copy_button.clicked.connect(self.copy_code)
        self.note = QLabel("")
        self.note.setObjectName("recovery_note")
        self.saved = QCheckBox(tr("我已抄写或打印恢复码(&S)"), objectName="recovery_saved")
        self.saved.toggled.connect(lambda _c: self.completeChanged.emit())
        self.where = QLabel()
        self.where.setWordWrap(True)
        reading = QLabel(tr("恢复码共 32 个字符，不区分大小写；不含字母 I、L、O、U，其中的“0”都是数字零。"))
        reading.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addSpacing(8)
        layout.addWidget(self.code)
        layout.addWidget(reading)
        layout.addLayout(buttons)
        layout.addWidget(self.where)
        layout.addStretch(1)
        layout.addWidget(self.saved)

    def initializePage(self) -> None:
        w = self._wizard
        assert w.created is not None
        self.code.setText(w.created.recovery_code)
        how = tr("系统钥匙串") if w.created.uses_keyring else tr("口令")
        self.where.setText(tr("数据存储已创建在 {data_dir}，密钥由{how}保护。恢复码不会保存在这台电脑上，关闭本页后无法再次查看。").format(data_dir=w.data_dir, how=how))
        w.setOption(QWizard.NoCancelButton, True)
        self.saved.setFocus()

    def isComplete(self) -> bool:
        return self.saved.isChecked()

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.code.text())
        self.note.setText(tr("已复制。粘贴保存到安全的地方后，请清空剪贴板。"))

    def choose_printer(self, printer: QPrinter) -> bool:
        """Asks the user for a printer; tests replace this to print into a PDF file without a dialog."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("打印恢复码"))
        return dialog.exec() == QPrintDialog.Accepted

    def print_recovery(self) -> bool:
        printer = QPrinter(QPrinter.HighResolution)
        printer.setDocName(tr("幸福号恢复码"))
        if not self.choose_printer(printer):
            return False
        render_recovery_sheet(printer, self.code.text(), self._wizard.data_dir, self.font())
        self.note.setText(tr("已发送打印。请确认打印清楚后再勾选下方的确认框。"))
        return True


def recovery_sheet_html(code: str, data_dir: Path, when: datetime) -> str:
    return (
        tr("<h2 style='text-align:center'>幸福号 · 数据存储恢复码</h2><p>创建日期：{when:%Y年%m月%d日 %H:%M}</p><p>数据存储位置：{data_dir}</p><p>恢复码：</p><p style='font-family:monospace;font-size:16pt;font-weight:bold;text-align:center;white-space:nowrap'>{code}</p><p>（共 32 个字符，不区分大小写；不含字母 I、L、O、U，看到的“0”都是数字零。）</p><p>换电脑、重装系统、系统钥匙串失效或忘记口令时，用此恢复码打开数据存储。任何人拿到恢复码和数据文件，就能读取其中的个人信息：请存放在上锁的柜子中，不要拍照、不要发到聊天软件，不要与电脑放在一起。</p><p>保管人：______________　　日期：______________</p>").format(when=when, data_dir=escape(str(data_dir)), code=escape(code)))


def render_recovery_sheet(printer: QPrinter, code: str, data_dir: Path, font: QFont | None = None) -> None:
    doc = QTextDocument()
    if font is not None:
        base = QFont(font)
        base.setPointSize(12)
        doc.setDefaultFont(base)
    doc.setHtml(recovery_sheet_html(code, data_dir, clock.now_local()))
    doc.print_(printer)
