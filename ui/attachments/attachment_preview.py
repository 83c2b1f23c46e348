"""Previewing an attachment inside the program: images scaled to fit (or zoomed), PDFs page by page.

The contents arrive in memory from `attachments.open_attachment` (an audited view) and never touch the disk
here. Other types are not previewed: the evidence tab opens a temp copy with the system's viewer instead.
"""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPalette, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.attachments.attachments import OpenedAttachment

from ..i18n import tr
from ..common.screen_fit import fitted_size

ZOOM_STEP = 1.25


def decode_image(data: bytes) -> QImage:
    """The image upright: phone photos are often stored sideways with an EXIF orientation tag."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    return reader.read()


class ImageView(QScrollArea):
    """An image in a scroll area: fitted to the window until the user zooms."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachment_image")
        self.image = image
        self.fit = True
        self.zoom = 1.0
        self.label = QLabel(objectName="attachment_image_label")
        self.label.setAlignment(Qt.AlignCenter)
        self.label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
        self.setWidget(self.label)
        self.setAlignment(Qt.AlignCenter)
        self.setWidgetResizable(True)
        self.setBackgroundRole(QPalette.Dark)

    def set_fit(self) -> None:
        self.fit = True
        self.setWidgetResizable(True)
        self._render()

    def zoom_by(self, factor: float) -> None:
        if self.fit:   # zooming starts from the size the image was shown at
            self.zoom = self.shown_scale()
        self.fit = False
        self.zoom = max(0.05, min(8.0, self.zoom * factor))
        self.setWidgetResizable(False)
        self._render()

    def actual_size(self) -> None:
        self.fit, self.zoom = False, 1.0
        self.setWidgetResizable(False)
        self._render()

    def shown_scale(self) -> float:
        if self.image.isNull() or not self.fit:
            return self.zoom
        area = self.viewport().size()
        return min(area.width() / max(1, self.image.width()), area.height() / max(1, self.image.height()), 1.0)

    def _render(self) -> None:
        if self.image.isNull():
            return
        scale = self.shown_scale()
        size = self.image.size() * scale
        pixmap = QPixmap.fromImage(self.image.scaled(size, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        self.label.setPixmap(pixmap)
        if not self.fit:
            self.label.resize(pixmap.size())

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        if self.fit:
            self._render()


class AttachmentPreviewDialog(QDialog):
    def __init__(self, opened: OpenedAttachment, image: QImage | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        view = opened.view
        self.setObjectName("attachment_preview")
        self.setWindowTitle(tr("预览：{name}").format(name=view.filename))
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.kind = view.preview_kind
        self.image_view: ImageView | None = None
        self.pdf_view: QPdfView | None = None
        self.pdf: QPdfDocument | None = None
        info = QLabel(tr("{type} · {size} · {who} 添加于 {when}").format(
            type=tr(view.doc_type_label), size=view.size_text, who=view.added_by_name,
            when=format_local(view.added_at)), objectName="attachment_preview_info")
        info.setStyleSheet("color:#5f6368")
        if view.description:
            info.setText(info.text() + "\n" + view.description)
        info.setWordWrap(True)
        tools = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(tools)
        self.problem = QLabel(objectName="attachment_preview_problem")
        self.problem.setStyleSheet("color:#b3261e")
        self.problem.hide()
        layout.addWidget(self.problem)
        if self.kind == "image":
            self._image(image if image is not None else decode_image(opened.data), tools, layout)
        elif self.kind == "pdf":
            self._pdf(opened.data, tools, layout)
        tools.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(fitted_size(self, QSize(900, 700)))

    def _tool(self, tools: QHBoxLayout, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        tools.addWidget(button)
        return button

    def _image(self, image: QImage, tools: QHBoxLayout, layout: QVBoxLayout) -> None:
        if image.isNull():
            self._failed(tr("图片无法显示（文件可能已损坏或格式不受支持）。"))
            return
        self.image_view = ImageView(image, self)
        layout.addWidget(self.image_view, 1)
        self._tool(tools, tr("适合窗口"), "preview_fit", self.image_view.set_fit)
        self._tool(tools, tr("原始大小"), "preview_actual", self.image_view.actual_size)
        self._tool(tools, tr("放大"), "preview_zoom_in", lambda: self.image_view.zoom_by(ZOOM_STEP))
        self._tool(tools, tr("缩小"), "preview_zoom_out", lambda: self.image_view.zoom_by(1 / ZOOM_STEP))
        tools.addWidget(QLabel(tr("{w} × {h} 像素").format(w=image.width(), h=image.height())))

    def _pdf(self, data: bytes, tools: QHBoxLayout, layout: QVBoxLayout) -> None:
        # The document reads from this buffer for as long as it is shown: both live with the dialog.
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.ReadOnly)
        self.pdf = QPdfDocument(self)
        self.pdf.load(self._buffer)
        if self.pdf.status() != QPdfDocument.Status.Ready or self.pdf.pageCount() == 0:
            self._failed(tr("PDF 文件无法显示（文件可能已损坏或已加密）。"))
            return
        self.pdf_view = QPdfView(self)
        self.pdf_view.setObjectName("attachment_pdf")
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.pdf_view, 1)
        self._tool(tools, tr("适合宽度"), "preview_fit", lambda: self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self._tool(tools, tr("整页"), "preview_page", lambda: self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self._tool(tools, tr("放大"), "preview_zoom_in", lambda: self._pdf_zoom(ZOOM_STEP))
        self._tool(tools, tr("缩小"), "preview_zoom_out", lambda: self._pdf_zoom(1 / ZOOM_STEP))
        tools.addWidget(QLabel(tr("共 {n} 页").format(n=self.pdf.pageCount())))

    def _pdf_zoom(self, factor: float) -> None:
        assert self.pdf_view is not None
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.pdf_view.setZoomFactor(max(0.1, min(8.0, self.pdf_view.zoomFactor() * factor)))

    def _failed(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
