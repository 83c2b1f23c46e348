"""打印/导出: choose a paper of the case and who it is for, see it (QtPdf), then print it or save it as a file.

The PDF is made by the core (`documents.api.render`, which writes the audit entry) off the UI thread. The
preview, the print and the saved file each render once: the same data gives the same bytes, and each of the
three is a separate disclosure in the audit log (preview and save as "export", printing as "print").
"""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from fulian_desktop.documents.api import DocumentKind, PrintPurpose, Recipient, available_documents, file_name, render
from fulian_desktop.domain.errors import FulianError
from fulian_desktop.security.private_files import write_private

from ..errors import domain_message, messages, present_error
from ..i18n import tr
from ..session import AppSession
from ..common.screen_fit import fitted_size

MAX_PRINT_DPI = 300


def load_pdf(document: QPdfDocument, data: bytes, owner: QWidget) -> QBuffer:
    """Load PDF bytes into `document` from memory; the buffer must outlive the document's use of it."""
    buffer = QBuffer(owner)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.ReadOnly)
    document.load(buffer)
    return buffer


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page of `document` on `printer`, one sheet per page, scaled to the printable area."""
    return paint_documents([document], printer)


def paint_documents(documents: list[QPdfDocument], printer: QPrinter) -> int:
    """One print job: every page of each document in turn. Returns the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise FulianError(tr("无法开始打印：打印机不可用。"))
    printed = 0
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for document in documents:
            for page in range(document.pageCount()):
                if printed:
                    printer.newPage()
                points = document.pagePointSize(page)
                image = document.render(page, QSize(int(points.width() / 72 * dpi),
                                                    int(points.height() / 72 * dpi)))
                scale = min(area.width() / image.width(), area.height() / image.height())
                painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
                printed += 1
    finally:
        painter.end()
    return printed


class DocumentPreviewDialog(QDialog):
    sig_rendered = Signal(int)
    """(page count) — a new preview is on screen."""
    sig_saved = Signal(str)
    """(path) — the document was saved as a file."""
    sig_printed = Signal(int)
    """(pages) — the document was sent to the printer."""

    def __init__(self, session: AppSession, case_id: str, case_no: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id, self.case_no = case_id, case_no
        self.data: bytes | None = None
        self._buffer: QBuffer | None = None
        self.setWindowTitle(tr("打印/导出 {case_no}").format(case_no=case_no).strip())
        self.kind = QComboBox(objectName="doc_kind")
        self.recipient = QComboBox(objectName="doc_recipient")
        for r in Recipient:
            self.recipient.addItem(tr(r.label), r.value)
        self.status = QLabel(tr("正在读取可出具的文书…"), objectName="doc_status")
        self.status.setWordWrap(True)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self, objectName="doc_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.print_button = QPushButton(tr("打印…"), objectName="doc_print")
        self.save_button = QPushButton(tr("另存为…"), objectName="doc_save")
        close = QPushButton(tr("关闭"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("文书")))
        top.addWidget(self.kind, 1)
        top.addWidget(QLabel(tr("出具给")))
        top.addWidget(self.recipient)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.print_button, self.save_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)   # its own line: a saved-to path or an error wraps without squeezing the buttons
        layout.addLayout(buttons)
        self.resize(fitted_size(self, QSize(900, 1000)))
        self._set_ready(False)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.recipient.currentIndexChanged.connect(lambda _i: self.refresh())
        self.session.read(available_documents, case_id, on_done=self._kinds_loaded)

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _kinds_loaded(self, kinds: list[DocumentKind]) -> None:
        self.kind.blockSignals(True)
        for k in kinds:
            self.kind.addItem(tr(k.label), k.value)
        self.kind.blockSignals(False)
        if not kinds:
            self.status.setText(tr("本案暂无可出具的文书。"))
            return
        self.refresh()

    def choice(self) -> tuple[DocumentKind, Recipient]:
        return DocumentKind(self.kind.currentData()), Recipient(self.recipient.currentData())

    def _render(self, purpose: PrintPurpose, on_done, on_error=None) -> None:  # noqa: ANN001
        kind, recipient = self.choice()
        self.session.write(render, self.case_id, kind, recipient, purpose=purpose, on_done=on_done,
                           on_error=on_error or (lambda exc: present_error(self, exc)))

    def refresh(self) -> None:
        if self.kind.currentData() is None:
            return
        self._set_ready(False)
        self.status.setText(tr("正在生成…"))
        self._render(PrintPurpose.EXPORT, self._show, self._preview_failed)

    def _preview_failed(self, exc: BaseException) -> None:
        self.data = None
        self.document.close()
        message = domain_message(exc)  # e.g. this paper cannot go to this recipient
        if message is not None:
            self.status.setText(message)
        else:
            present_error(self, exc)

    def _show(self, data: bytes) -> None:
        self.data = data
        self.document.close()
        self._buffer = load_pdf(self.document, data, self)
        pages = self.document.pageCount()
        kind, recipient = self.choice()
        self.status.setText(tr("{kind} · {recipient} · 共 {pages} 页").format(
            kind=tr(kind.label), recipient=tr(recipient.label), pages=pages))
        self._set_ready(pages > 0)
        self.sig_rendered.emit(pages)

    def suggested_name(self) -> str:
        kind, recipient = self.choice()
        return file_name(self.case_no or self.case_id, kind, recipient)

    # --- save as -----------------------------------------------------------------------------------
    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("另存为"), self.suggested_name(), tr("PDF 文件 (*.pdf)"))
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        def done(data: bytes) -> None:
            try:
                write_private(path, data)
            except OSError as exc:
                messages.warn(self, tr("保存失败"), tr("无法写入 {path}：{reason}").format(path=path, reason=exc.strerror))
                return
            self.status.setText(tr("已保存到 {path}").format(path=path))
            self.sig_saved.emit(path)

        self._render(PrintPurpose.EXPORT, done)

    # --- print -------------------------------------------------------------------------------------
    def print_document(self) -> None:
        printer = QPrinter(QPrinter.HighResolution)
        printer.setPageOrientation(QPageLayout.Portrait)
        printer.setDocName(self.suggested_name())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.Accepted:
            self.print_with(printer)

    def print_with(self, printer: QPrinter) -> None:
        """Render for printing (audited as a print) and paint the pages on `printer`."""
        def done(data: bytes) -> None:
            document = QPdfDocument(self)
            buffer = load_pdf(document, data, self)
            try:
                pages = paint_pdf(document, printer)
            except FulianError as exc:
                present_error(self, exc)
                return
            finally:
                document.close()
                buffer.close()
            self.status.setText(tr("已发送到打印机：{pages} 页").format(pages=pages))
            self.sig_printed.emit(pages)

        self._render(PrintPurpose.PRINT, done)


__all__ = ["DocumentPreviewDialog", "add_print_button", "load_pdf", "paint_documents", "paint_pdf"]


def add_print_button(page) -> QPushButton:  # noqa: ANN001 - a CaseViewPage
    """The case page's 打印/导出 button (in its header), for users who may print; opens the preview dialog."""
    from fulian_desktop.security.permissions import Permission, can

    button = QPushButton(tr("打印/导出…"), objectName="case_print")
    button.setToolTip(tr("预览、打印或另存本案的文书和卷宗"))

    def open_dialog() -> None:
        case_no = page.detail.row.case_no if page.detail is not None else ""
        page.document_dialog = DocumentPreviewDialog(page.session, page.case_id, case_no, page)
        page.document_dialog.setAttribute(Qt.WA_DeleteOnClose)
        page.document_dialog.show()

    button.clicked.connect(open_dialog)
    page.header.actions.addWidget(button)
    actor = page.session.actor
    button.setVisible(actor is not None and can(actor, Permission.PRINT_EXPORT))
    return button
