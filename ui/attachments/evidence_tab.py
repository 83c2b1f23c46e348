"""The case view's 证据材料 tab: `install_evidence_tab(page)` adds it and lets files be dropped anywhere on the page.

The table lists the case's attachments (type, description, file, size, who added it and when). Files come in
through 添加文件… or by drag and drop; one dialog asks for their type and description, then they are hashed and
stored in the encrypted store off the UI thread with a progress dialog. 预览 shows images and PDFs inside the
program (an audited view); other types are copied, after a warning, into a private temp folder and opened
with the system's viewer; those copies are removed when the case page closes or the program exits.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QImage
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.attachments import check_size
from fulian_desktop.domain.errors import FulianError
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.attachments import attachments
from fulian_desktop.services.attachments.attachment_blobs import TempCopy
from fulian_desktop.services.attachments.attachments import AttachmentView, OpenedAttachment

from .attachment_add_dialog import AddAttachmentDialog
from .attachment_preview import AttachmentPreviewDialog, decode_image
from ..common.case_actions_reason import ReasonDialog
from ..errors import message_of, messages, present_error
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_table import fit_columns, setup_table
from ..common.crisis_common import banner
from ..common.guard import while_alive

_open_copies: list[TempCopy] = []   # every temp copy still on disk, removed at exit at the latest


def _cleanup_copies(copies: list[TempCopy]) -> None:
    for copy in list(copies):
        copy.cleanup()
        copies.remove(copy)
        if copy in _open_copies:
            _open_copies.remove(copy)


def _remember_copy(copy: TempCopy) -> None:
    if not _open_copies:
        app = QCoreApplication.instance()
        if app is not None and not app.property("fulian_temp_cleanup"):
            app.setProperty("fulian_temp_cleanup", True)
            app.aboutToQuit.connect(lambda: _cleanup_copies(_open_copies))
    _open_copies.append(copy)


def columns() -> tuple[str, ...]:
    return (tr("类型"), tr("说明"), tr("文件"), tr("大小"), tr("添加人"), tr("添加时间"))


def load_tab(uow, actor, case_id: str) -> tuple[list[AttachmentView], int]:  # noqa: ANN001
    return attachments.list_attachments(uow, actor, case_id), attachments.size_limit_mb(uow)


def open_for_preview(uow, actor, attachment_id: str) -> tuple[OpenedAttachment, QImage | None]:  # noqa: ANN001
    """The audited read, and for an image its decoding too, both off the UI thread (a 50 MB photo)."""
    opened = attachments.open_attachment(uow, actor, attachment_id)
    return opened, decode_image(opened.data) if opened.view.preview_kind == "image" else None


def add_files_work(store, actor, case_id: str, paths: Sequence[str], values: dict[str, Any],  # noqa: ANN001
                   progress: Callable[[int, int], bool]) -> tuple[list[AttachmentView], list[str]]:
    """Each file in its own transaction: one refused file (too big) does not stop the others."""
    added, refused = [], []
    for index, path in enumerate(paths):
        def step(done: int, total: int, index: int = index) -> bool:
            return progress(index * 1000 + done * 1000 // max(total, 1), len(paths) * 1000)

        try:
            with store.uow(write=True) as uow:
                added.append(attachments.attach(uow, actor, case_id, path, progress=step, **values))
        except FulianError as exc:
            if exc.code == "cancelled":
                break
            refused.append(message_of(exc))
    return added, refused


class EvidenceTab(QWidget):
    sig_loaded = Signal(object)
    """(list[AttachmentView]) — the table shows this list."""
    sig_added = Signal(object)
    """(list[AttachmentView]) — files were added (the list reloads after)."""
    sig_preview = Signal(object)
    """(AttachmentPreviewDialog) — a preview is on screen."""

    def __init__(self, session: AppSession, case_id: str, parties: Callable[[], Sequence] = tuple,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidence_tab")
        self.session, self.case_id, self.parties = session, case_id, parties
        self.views: list[AttachmentView] = []
        self.limit_mb: int | None = None
        self.loaded = self.loading = self.adding = False
        self.add_dialog: AddAttachmentDialog | None = None
        self.preview_dialog: AttachmentPreviewDialog | None = None
        self.temp_copies: list[TempCopy] = []
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl   # tests look instead of launching
        copies = self.temp_copies
        self.destroyed.connect(lambda *_: _cleanup_copies(copies))

        self.add_button = QPushButton(tr("添加文件(&F)…"), objectName="evidence_add")
        self.add_button.clicked.connect(self.choose_files)
        self.preview_button = QPushButton(tr("预览(&P)"), objectName="evidence_preview")
        self.preview_button.clicked.connect(self.preview_current)
        self.remove_button = QPushButton(tr("移除"), objectName="evidence_remove")
        self.remove_button.clicked.connect(self.remove_current)
        self.count = QLabel(objectName="evidence_count")
        self.count.setStyleSheet("color:#5f6368")
        top = QHBoxLayout()
        for widget in (self.add_button, self.preview_button, self.remove_button, self.count):
            top.addWidget(widget)
        top.addStretch(1)
        note = banner("info", "evidence_note")
        note.setText(tr("可把文件直接拖放到案件页面上添加。材料加密保存在数据存储中；每次查看都记入审计日志；"
                        "医疗记录等敏感材料只有有权限的人员可以打开。"))
        note.show()
        self.table = QTableWidget(0, len(columns()), objectName="evidence_table")
        setup_table(self.table, columns())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.preview_current())
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        session.sig_actor_changed.connect(lambda actor: while_alive(self, self._actor_changed)(actor))
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if not self.loaded and not self.loading:
            self.reload()

    def reload(self) -> None:
        self.loading = True
        self.session.read(load_tab, self.case_id, on_done=while_alive(self, self._loaded),
                          on_error=while_alive(self, self._failed))

    def _loaded(self, result: tuple[list[AttachmentView], int]) -> None:
        self.loading, self.loaded = False, True
        self.views, self.limit_mb = result
        if self.add_dialog is not None and shiboken6.isValid(self.add_dialog):
            self.add_dialog.set_limit(self.limit_mb)
        self.table.setRowCount(len(self.views))
        grey = QBrush(QColor("#80868b"))
        for row, v in enumerate(self.views):
            kind = tr(v.doc_type_label) + (tr("（敏感）") if v.sensitive else "")
            description = tr("（无权查看）") if v.restricted else (v.description or "")
            if v.target_label and not v.restricted:
                description = f"[{v.target_label}] {description}".strip()
            filename = tr("（敏感材料）") if v.restricted else v.filename
            cells = (kind, description, filename, v.size_text, v.added_by_name, format_local(v.added_at))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if v.restricted:
                    item.setForeground(grey)
                self.table.setItem(row, column, item)
        fit_columns(self.table, stretch=1, caps={2: 260})
        self.count.setText(tr("共 {n} 件").format(n=len(self.views)) if self.views
                           else tr("本案还没有材料：点“添加文件”，或把文件拖到本页。"))
        self._update_buttons()
        self.sig_loaded.emit(self.views)

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        present_error(self, exc)

    def _actor_changed(self, actor: object) -> None:
        if actor is None:   # locked or logged out: no decrypted contents stay on screen or on disk
            if self.preview_dialog is not None and shiboken6.isValid(self.preview_dialog):
                self.preview_dialog.close()
            _cleanup_copies(self.temp_copies)
        self._update_buttons()

    def current(self) -> AttachmentView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.views[rows[0].row()] if rows and rows[0].row() < len(self.views) else None

    def _may_edit(self) -> bool:
        actor = self.session.actor
        return actor is not None and can(actor, Permission.CASE_EDIT)

    def _update_buttons(self) -> None:
        view = self.current()
        self.add_button.setEnabled(self._may_edit() and not self.adding)
        self.preview_button.setEnabled(view is not None and not view.restricted)
        self.preview_button.setText(tr("用系统程序打开") if view is not None and view.preview_kind == "external"
                                    else tr("预览(&P)"))
        self.remove_button.setEnabled(view is not None and not view.restricted and self._may_edit())

    # --- adding ----------------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, tr("选择要添加的文件"), "",
            tr("常见材料 (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.txt);;所有文件 (*)"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Sequence[str]) -> None:
        """Ask for the files' type and description, then store them (the entry point for drops too)."""
        if not self._may_edit():
            messages.warn(self, tr("无权操作"), tr("您的角色不能为案件添加材料。"))
            return
        if self.adding or (self.add_dialog is not None and self.add_dialog.isVisible()):
            return
        files = [p for p in paths if os.path.isfile(p)]
        if len(files) < len(paths):
            messages.warn(self, tr("无法添加"), tr("只能添加文件；文件夹和已不存在的文件已略过。"))
        files, refused = self._within_limit(files)
        if refused:
            messages.warn(self, tr("文件未添加"), "\n\n".join(refused))
        if not files:
            return
        dialog = AddAttachmentDialog(self, files, tuple(self.parties() or ()), self.limit_mb)
        dialog.accepted.connect(lambda: self._start_add(files, dialog.values()))
        dialog.finished.connect(lambda _code: setattr(self, "add_dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()

    def _within_limit(self, paths: list[str]) -> tuple[list[str], list[str]]:
        """Files over the size limit are refused at once, before the dialog (the service checks again)."""
        if self.limit_mb is None:
            return paths, []
        accepted, refused = [], []
        for path in paths:
            try:
                check_size(os.path.getsize(path), self.limit_mb, os.path.basename(path))
            except FulianError as exc:
                refused.append(message_of(exc))
            else:
                accepted.append(path)
        return accepted, refused

    def _start_add(self, paths: list[str], values: dict[str, Any]) -> None:
        if self.session.actor is None:   # locked while the dialog was open
            return
        self.adding = True
        self._update_buttons()
        # Each file commits alone; what they changed is announced once, after the last (the page reloads its timeline).
        self.session.run_writes(add_files_work, self.session.store, self.session.actor, self.case_id, paths, values,
                               on_done=while_alive(self, self._added), on_error=while_alive(self, self._add_failed),
                               progress_label=tr("正在加密保存文件…"), parent=self)

    def _added(self, result: tuple[list[AttachmentView], list[str]]) -> None:
        self.adding = False
        added, refused = result
        if refused:
            messages.warn(self, tr("部分文件未添加") if added else tr("文件未添加"), "\n\n".join(refused))
        self.reload()
        if added:
            self.sig_added.emit(added)

    def _add_failed(self, exc: BaseException) -> None:
        self.adding = False
        self._update_buttons()
        present_error(self, exc)

    # --- viewing ---------------------------------------------------------------------------------
    def preview_current(self) -> None:
        view = self.current()
        if view is None:
            return
        if view.restricted:
            messages.warn(self, tr("无权查看"), tr("这是敏感材料，您的角色没有“查看敏感证据材料”的权限。"))
            return
        if view.preview_kind == "external":
            self.open_external(view)
            return
        self.session.write(open_for_preview, view.id, on_done=while_alive(self, self._show_preview),
                           on_error=while_alive(self, lambda exc: present_error(self, exc)))

    def _show_preview(self, result: tuple[OpenedAttachment, QImage | None]) -> None:
        if self.preview_dialog is not None and shiboken6.isValid(self.preview_dialog):
            self.preview_dialog.close()
        dialog = AttachmentPreviewDialog(*result, parent=self)
        self.preview_dialog = dialog
        dialog.show()
        self.sig_preview.emit(dialog)

    def open_external(self, view: AttachmentView) -> None:
        if not messages.confirm(self, tr("用系统程序打开"), tr(
                "“{name}”不能在本程序内预览。将解密出一份临时副本，用系统默认程序打开。\n\n"
                "临时副本在关闭本案件或退出程序时删除；请勿在外部程序中把它另存到其他位置。继续吗？").format(
                    name=view.filename)):
            return
        self.session.write(attachments.export_for_viewer, view.id, on_done=while_alive(self, self._open_copy),
                           on_error=while_alive(self, lambda exc: present_error(self, exc)))

    def _open_copy(self, copy: TempCopy) -> None:
        self.temp_copies.append(copy)
        _remember_copy(copy)
        if not self.open_url(QUrl.fromLocalFile(str(copy.path))):
            messages.warn(self, tr("无法打开"), tr("系统中没有能打开此类文件的程序。"))

    # --- removing --------------------------------------------------------------------------------
    def remove_current(self) -> None:
        view = self.current()
        if view is None or view.restricted or not self._may_edit():
            return
        dialog = ReasonDialog(self, tr("移除材料"), tr("移除原因"), required=True,
                              notice=tr("“{name}”将从案件材料中移除；移除记入审计日志。").format(name=view.filename))
        dialog.accepted.connect(lambda: self.session.write(
            attachments.remove_attachment, view.id, view.version, dialog.reason(),
            on_done=while_alive(self, lambda _r: self.reload()),
            on_error=while_alive(self, lambda exc: present_error(self, exc))))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


class EvidenceDropTarget(QObject):
    """Files dropped anywhere on the case page go to the evidence tab (which comes to the front)."""

    def __init__(self, page: QWidget, tab: EvidenceTab, show_tab: Callable[[], None]) -> None:
        super().__init__(page)
        self.tab, self.show_tab = tab, show_tab
        page.setAcceptDrops(True)
        page.installEventFilter(self)

    @staticmethod
    def local_files(event) -> list[str]:  # noqa: ANN001
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove):
            if self.local_files(event):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Drop:
            files = self.local_files(event)
            if files:
                event.acceptProposedAction()
                self.show_tab()
                self.tab.add_files(files)
                return True
        return super().eventFilter(watched, event)


def install_evidence_tab(page) -> EvidenceTab:  # noqa: ANN001 - a CaseViewPage (no import: it imports us)
    """Add the 证据材料 tab to a case page and accept dropped files on the whole page."""
    tab = EvidenceTab(page.session, page.case_id, parties=lambda: page.detail.parties if page.detail else (),
                      parent=page)
    page.tabs.addTab(tab, tr("证据材料"))
    page.evidence_drop = EvidenceDropTarget(page, tab, lambda: page.tabs.setCurrentWidget(tab))
    return tab
