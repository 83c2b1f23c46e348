"""来访登记回执 at the desk: shown as soon as the contact is saved, printed with one key (Enter). The register line
of an office keeping a paper register (register_dialog.py) is shown and printed the same way (DeskPrintDialog).

The receipt is a document kind of the core (`DocumentKind.INTAKE_RECEIPT`), so it looks like every other
paper and its printing is audited as one. It goes to the desk's default printer without a print dialog:
the clerk hands it over while the visitor is still at the counter. `printer_factory` lets a test (or a desk
that prints to a file) choose the printer.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QSize, Qt, Signal
from PySide6.QtGui import QPageLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fulian_desktop.documents.api import DocumentKind, PrintPurpose, Recipient, file_name, render
from fulian_desktop.domain.errors import FulianError

from ..errors import present_error
from ..i18n import tr
from ..session import AppSession
from ..common.guard import while_alive
from ..documents.document_preview import load_pdf, paint_pdf
from ..common.screen_fit import fitted_size

PrinterFactory = Callable[[], QPrinter]


def desk_printer() -> QPrinter:
    """The system's default printer, portrait."""
    printer = QPrinter(QPrinter.HighResolution)
    printer.setPageOrientation(QPageLayout.Portrait)
    return printer


class DeskPrintDialog(QDialog):
    """A paper shown as soon as it is rendered, printed with one key (Enter) on the desk's printer. Subclasses say
    which paper (`render_call`) and name their widgets `<name>_view`, `<name>_status`, `<name>_print`,
    `<name>_skip`."""

    sig_ready = Signal(int)
    """(pages) — the preview is on screen; Enter prints."""
    sig_printed = Signal(int)
    """(pages) — sent to the printer."""

    def __init__(self, session: AppSession, name: str, title: str, print_label: str, doc_name: str,
                 printer_factory: PrinterFactory | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_dialog")
        self.session, self.doc_name = session, doc_name
        self.printer_factory = printer_factory or desk_printer
        self._buffer: QBuffer | None = None
        self.setWindowTitle(title)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self, objectName=f"{name}_view")
        self.view.setDocument(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.status = QLabel(self.waiting_text(), objectName=f"{name}_status")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(print_label, objectName=f"{name}_print")
        self.print_button.setDefault(True)
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_paper)
        skip = QPushButton(tr("不打印(&N)"), objectName=f"{name}_skip")
        skip.setAutoDefault(False)
        skip.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(skip)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(fitted_size(self, self.preferred_size()))
        fn, args = self.render_call(PrintPurpose.EXPORT)
        self.session.write(fn, *args, purpose=PrintPurpose.EXPORT, on_done=while_alive(self, self._show),
                           on_error=while_alive(self, self._failed))

    # --- what a subclass says ------------------------------------------------------------------------
    def render_call(self, purpose: PrintPurpose) -> tuple[Callable[..., bytes], tuple]:
        """The core call giving the paper's bytes (called as fn(uow, actor, *args, purpose=purpose))."""
        raise NotImplementedError

    def preferred_size(self) -> QSize:
        return QSize(760, 900)

    def waiting_text(self) -> str:
        return tr("正在生成回执…")

    def ready_text(self, pages: int) -> str:
        return tr("按回车打印，交来访人留存（共 {pages} 页）。").format(pages=pages)

    def failed_text(self) -> str:
        return tr("回执未能生成。")

    # --- the one flow ------------------------------------------------------------------------------
    def _show(self, data: bytes) -> None:
        self.document.close()
        self._buffer = load_pdf(self.document, data, self)
        pages = self.document.pageCount()
        self.status.setText(self.ready_text(pages))
        self.print_button.setEnabled(pages > 0)
        self.print_button.setFocus(Qt.OtherFocusReason)
        self.sig_ready.emit(pages)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.failed_text())
        present_error(self, exc)

    def print_paper(self) -> None:
        """Render for printing (audited as a print) and paint it on the desk's printer, then close."""
        if not self.print_button.isEnabled():
            return
        self.print_button.setEnabled(False)
        self.status.setText(tr("正在打印…"))
        printer = self.printer_factory()
        printer.setDocName(self.doc_name)

        def done(data: bytes) -> None:
            document = QPdfDocument(self)
            buffer = load_pdf(document, data, self)
            try:
                pages = paint_pdf(document, printer)
            except FulianError as exc:
                self.print_button.setEnabled(True)
                present_error(self, exc)
                return
            finally:
                document.close()
                buffer.close()
            self.sig_printed.emit(pages)
            self.accept()

        fn, args = self.render_call(PrintPurpose.PRINT)
        self.session.write(fn, *args, purpose=PrintPurpose.PRINT, on_done=while_alive(self, done),
                           on_error=while_alive(self, self._failed))


class ReceiptDialog(DeskPrintDialog):
    """来访登记回执 of the case just filed."""

    def __init__(self, session: AppSession, case_id: str, case_no: str,
                 printer_factory: PrinterFactory | None = None, parent: QWidget | None = None) -> None:
        self.case_id, self.case_no = case_id, case_no
        super().__init__(session, "receipt", tr("来访登记回执 {case_no}").format(case_no=case_no),
                         tr("打印回执(&P)（回车）"),
                         file_name(case_no or case_id, DocumentKind.INTAKE_RECEIPT, Recipient.PARTY),
                         printer_factory, parent)

    def render_call(self, purpose: PrintPurpose) -> tuple[Callable[..., bytes], tuple]:
        return render, (self.case_id, DocumentKind.INTAKE_RECEIPT, Recipient.PARTY)

    def print_receipt(self) -> None:
        self.print_paper()
