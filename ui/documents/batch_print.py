"""批量打印: one paper (卷宗 by default) for each case of a list, written as PDF files into a chosen folder,
off the UI thread, with a progress bar and a cancel button; optionally all of them then go to a printer as
one job (audited as printed rather than exported). Each case is rendered (and audited) by the core's
`documents.api.render_batch`; cases without data for the chosen paper are listed as skipped."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
    QVBoxLayout, QWidget,
)

from fulian_desktop.documents.api import BatchResult, DocumentKind, PrintPurpose, Recipient, render_batch
from fulian_desktop.domain.errors import FulianError

from ..errors import present_error
from ..i18n import tr
from ..session import AppSession


class BatchPrintDialog(QDialog):
    sig_progress = Signal(int, int)
    """(done, total) — emitted from the worker thread; shown on the progress bar."""
    sig_finished = Signal(object)
    """(BatchResult) — the batch ended (completed or cancelled)."""

    def __init__(self, session: AppSession, case_ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_ids = list(case_ids)
        self.result: BatchResult | None = None
        self._cancel = threading.Event()
        self.running = False
        self.setWindowTitle(tr("批量打印"))
        self.kind = QComboBox(objectName="batch_kind")
        for k in DocumentKind:
            self.kind.addItem(tr(k.label), k.value)
        self.kind.setCurrentIndex(self.kind.findData(DocumentKind.CASE_FILE.value))
        self.to_printer = QCheckBox(tr("同时送打印机（生成后打印全部文件）"), objectName="batch_to_printer")
        self.printer: QPrinter | None = None   # chosen in the print dialog (tests set one directly)
        self.pages_printed = 0
        self.folder = QLineEdit(objectName="batch_folder", placeholderText=tr("PDF 文件保存的文件夹"))
        browse = QPushButton(tr("选择文件夹…"))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("案件"), QLabel(tr("{count} 件（当前列表）").format(count=f"{len(self.case_ids):,}")))
        form.addRow(tr("文书"), self.kind)
        form.addRow(tr("保存到"), folder_row)
        form.addRow("", self.to_printer)
        self.progress = QProgressBar(objectName="batch_progress")
        self.progress.setRange(0, max(1, len(self.case_ids)))
        self.progress.setValue(0)
        self.status = QLabel(tr("每件案件生成一个 PDF 文件；打印、导出均记入审计日志。"), objectName="batch_status")
        self.status.setWordWrap(True)
        self.start_button = QPushButton(tr("开始"), objectName="batch_start")
        self.cancel_button = QPushButton(tr("取消"), objectName="batch_cancel")
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.sig_progress.connect(self._show_progress, Qt.QueuedConnection)
        self.start_button.setEnabled(bool(self.case_ids))
        self.resize(560, 220)

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("选择保存文件夹"), self.folder.text())
        if path:
            self.folder.setText(path)

    def start(self) -> None:
        folder = self.folder.text().strip()
        if not folder:
            self.choose_folder()
            folder = self.folder.text().strip()
            if not folder:
                return
        printing = self.to_printer.isChecked()
        if printing and self.printer is None:
            printer = QPrinter(QPrinter.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.Accepted:
                return
            self.printer = printer
        actor, store = self.session.actor, self.session.store
        kind = DocumentKind(self.kind.currentData())
        purpose = PrintPurpose.PRINT if printing else PrintPurpose.EXPORT
        out_dir = Path(folder)
        self._cancel.clear()
        self.running = True
        self.start_button.setEnabled(False)
        self.kind.setEnabled(False)
        self.status.setText(tr("正在生成…"))

        def progress(done: int, total: int) -> bool:
            self.sig_progress.emit(done, total)
            return not self._cancel.is_set()

        def work() -> BatchResult:
            return render_batch(lambda: store.uow(write=True), actor, self.case_ids, kind, out_dir,
                                recipient=Recipient.FILE, purpose=purpose, progress=progress)

        self.session.tasks.run(work, on_done=self._finished, on_error=self._failed)

    def cancel(self) -> None:
        if self.running:
            self._cancel.set()
            self.status.setText(tr("正在取消…"))
        else:
            self.reject()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if self.running and not self._cancel.is_set():
            self.status.setText(tr("已完成 {done} / {total} 件").format(done=done, total=total))

    def _finished(self, result: BatchResult) -> None:
        self.running = False
        self.result = result
        self.cancel_button.setText(tr("关闭"))
        text = (tr("已取消：已生成 {files} 个文件，共 {total} 件。") if result.cancelled
                else tr("完成：已生成 {files} 个文件，共 {total} 件。")).format(files=len(result.files), total=result.total)
        if self.to_printer.isChecked() and self.printer is not None and result.files:
            text += self._print_files(result)
        if result.failures:
            text += tr("跳过 {n} 件：").format(n=len(result.failures)) + "；".join(
                f"{f.case_no or f.case_id}（{f.message}）" for f in result.failures[:5])
        self.status.setText(text)
        self.sig_finished.emit(result)

    def _print_files(self, result: BatchResult) -> str:
        """Send the written files to the chosen printer as one job (on this thread: painting needs it)."""
        from .document_preview import load_pdf, paint_documents

        documents, buffers = [], []
        for path in result.files:
            document = QPdfDocument(self)
            buffers.append(load_pdf(document, path.read_bytes(), self))
            documents.append(document)
        try:
            self.pages_printed = paint_documents(documents, self.printer)
        except FulianError as exc:
            present_error(self, exc)
            return ""
        finally:
            for document, buffer in zip(documents, buffers):
                document.close()
                buffer.close()
        return tr("已送打印机 {pages} 页。").format(pages=self.pages_printed)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.start_button.setEnabled(True)
        self.kind.setEnabled(True)
        present_error(self, exc)

    def reject(self) -> None:
        if self.running:  # closing while it runs cancels instead
            self.cancel()
            return
        super().reject()


def batch_print_button(page) -> QPushButton:  # noqa: ANN001 - a CaseListPage
    """The case list's 批量打印 button: the cases of the list as it is filtered now."""
    from fulian_desktop.security.permissions import Permission, can

    button = QPushButton(tr("批量打印…"), objectName="case_list_batch_print")
    button.setToolTip(tr("为当前列表中的每件案件生成文书（默认卷宗）PDF"))

    def open_dialog() -> None:
        page.batch_dialog = BatchPrintDialog(page.session, list(page.model.ids), page)
        page.batch_dialog.setAttribute(Qt.WA_DeleteOnClose)
        page.batch_dialog.show()

    button.clicked.connect(open_dialog)
    actor = page.session.actor
    if actor is None or not can(actor, Permission.PRINT_EXPORT):
        button.hide()  # before it has a parent: stays hidden when the list is shown
    return button
