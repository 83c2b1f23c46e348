"""核验文书: is a paper in hand one this store issued? Type the verification code printed at its foot, scan its QR code
with a USB scanner (which types the code and presses Enter), or open its PDF file. The core's
`documents.verify` gives the verdict (一致 / 不一致 / 未登记) and what the register holds (case number, paper, for
whom, when), which the user compares with the paper."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from fulian_desktop.documents.layout import group_code
from fulian_desktop.documents.verify import Verdict, VerifyResult, verify_code, verify_pdf
from fulian_desktop.domain.localtime import to_local

from ..errors import present_error
from ..i18n import tr
from ..session import AppSession

# The core's verdict sentences (documents/verify.py), marked here so they are translated when shown.
MARKED = (
    QT_TRANSLATE_NOOP("", "输入的不是幸福号的核验码：核验码为 16 位字母和数字，例如 ABCD-EFGH-JKMN-PQRS。"),
    QT_TRANSLATE_NOOP("", "本系统没有出具过带此核验码的文书。"),
    QT_TRANSLATE_NOOP("", "登记记录的签名不符：登记内容已被改动，请勿采信。"),
    QT_TRANSLATE_NOOP("", "本系统出具过此文书，请核对纸面上的案号和文书名称与下列一致。"),
    QT_TRANSLATE_NOOP("", "此文件没有幸福号的核验码，不是本系统出具的文书。"),
    QT_TRANSLATE_NOOP("", "本系统没有出具过此文书（核验码未登记），可能来自其他数据存储。"),
    QT_TRANSLATE_NOOP("", "文件内容与出具时不一致：文件在出具后被改动过。"),
    QT_TRANSLATE_NOOP("", "文件与本系统出具的文书逐字节一致。"),
)
_COLOURS = {Verdict.MATCH: "#1b7a2f", Verdict.MISMATCH: "#b3261e", Verdict.UNKNOWN: "#8a5a00"}


class VerifyDialog(QDialog):
    sig_verified = Signal(object)
    """(VerifyResult) — a code or a file was checked; the verdict is shown."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.result: VerifyResult | None = None
        self.setWindowTitle(tr("核验文书"))
        intro = QLabel(tr("输入文书页脚的核验码，或用扫码枪扫描页脚的二维码，然后按回车。也可以打开 PDF 文件核验。"))
        intro.setWordWrap(True)
        # A scanner types the whole code fast and ends with Enter: the field takes it all and Enter checks it.
        self.code = QLineEdit(objectName="verify_code", placeholderText=tr("核验码，例如 ABCD-EFGH-JKMN-PQRS"))
        self.code.setMaxLength(64)
        self.code.returnPressed.connect(self.check_code)
        check = QPushButton(tr("核验"), objectName="verify_check")
        check.setAutoDefault(False)
        check.clicked.connect(self.check_code)
        open_file = QPushButton(tr("核验 PDF 文件…"), objectName="verify_file")
        open_file.setAutoDefault(False)
        open_file.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(check)
        self.verdict = QLabel(objectName="verify_verdict")
        self.details = QLabel(objectName="verify_details")
        self.details.setWordWrap(True)
        close = QPushButton(tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(open_file)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.resize(520, 320)

    def check_code(self) -> None:
        text = self.code.text().strip()
        if not text:
            return
        self.verdict.setText(tr("正在核验…"))
        self.details.clear()
        self.session.read(verify_code, text, on_done=self._show, on_error=self._failed)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("选择要核验的 PDF 文件"), "", tr("PDF 文件 (*.pdf)"))
        if name:
            self.check_file(Path(name))

    def check_file(self, path: Path) -> None:
        try:
            pdf = path.read_bytes()
        except OSError:
            self.verdict.setText(tr("无法读取文件“{name}”。").format(name=path.name))
            return
        self.verdict.setText(tr("正在核验…"))
        self.details.clear()
        self.session.read(verify_pdf, pdf, on_done=self._show, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.verdict.clear()
        present_error(self, exc)

    def _show(self, result: VerifyResult) -> None:
        self.result = result
        label = {Verdict.MATCH: tr("一致"), Verdict.MISMATCH: tr("不一致"), Verdict.UNKNOWN: tr("未登记")}[result.verdict]
        heading = tr("核验结果：{verdict}").format(verdict=label)
        self.verdict.setText(f"<span style='font-size:18pt; font-weight:bold; color:{_COLOURS[result.verdict]}'>"
                             f"{heading}</span>")
        self.details.setText("\n".join(self.detail_lines(result)))
        self.code.selectAll()           # the next scan replaces this code
        self.sig_verified.emit(result)

    @staticmethod
    def detail_lines(result: VerifyResult) -> list[str]:
        """What the register holds, in the user's language, for comparing with the paper in hand."""
        lines = [tr(result.message)]
        if result.code:
            lines.append(tr("核验码：{code}").format(code=group_code(result.code)))
        if result.case_no:
            lines += [tr("案号：{case_no}").format(case_no=result.case_no),
                      tr("文书：{kind}").format(kind=tr(result.kind)),
                      tr("出具对象：{recipient}").format(recipient=tr(result.recipient))]
        if result.issued_at is not None:
            lines.append(tr("出具时间：{at}").format(at=f"{to_local(result.issued_at):%Y-%m-%d %H:%M}"))
        if result.unit_name:
            lines.append(tr("出具单位：{unit}").format(unit=result.unit_name))
        return lines
