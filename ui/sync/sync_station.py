"""站点同步: the stations this one exchanges bundles with, and export / import of bundle files with a
progress bar. The work runs off the UI thread; errors (a tampered or foreign bundle) come back as messages."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.changes import Changes
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.security.private_files import write_private
from fulian_desktop.sync import anchors, identity
from fulian_desktop.sync.exchange import ExportResult, ImportResult, export_bundle, import_bundle

from ..errors import domain_message, messages, present_error
from ..i18n import tr
from ..session import AppSession


def _peers(uow, _actor):  # noqa: ANN001, ANN202
    """The stations, and the problems of those whose audit chain no longer extends the checkpoint kept here."""
    return identity.list_peers(uow), {f.station_id: f.problem for f in anchors.flagged_stations(uow)}


SYNC_IMPORTED = Changes(case=True, party=True, attachments=True, sync=True)
"""An imported bundle may touch any case, party or file here, and may bring conflicts to resolve."""

class SyncStationPage(QWidget):
    sig_done = Signal(object)
    """(ExportResult | ImportResult) — an export or import finished."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.peers: list[identity.PeerView] = []
        self.table = QTableWidget(0, 4, objectName="peer_table")
        self.table.setHorizontalHeaderLabels([tr("站点"), tr("上次导出"), tr("上次导入"), tr("待对方确认的变更")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 180)
        self.table.setColumnWidth(1, 150)
        self.table.setColumnWidth(2, 150)
        self.receiver = QComboBox(objectName="receiver")
        self.export_button = QPushButton(tr("导出同步包…"), objectName="export_bundle")
        self.import_button = QPushButton(tr("导入同步包…"), objectName="import_bundle")
        self.export_button.clicked.connect(self._ask_export)
        self.import_button.clicked.connect(self._ask_import)
        self.status = QLabel(objectName="sync_status")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("发往")))
        row.addWidget(self.receiver, 1)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("<b>站点同步</b>　同步包已加密，只有收件站点能打开；导入时整体写入或整体拒绝。")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        self.session.read(_peers, on_done=self._loaded, on_error=lambda e: present_error(self, e))

    def _loaded(self, found: tuple[list[identity.PeerView], dict[str, str]]) -> None:
        peers, flagged = found
        self.peers = peers
        self.table.setRowCount(len(peers))
        self.receiver.clear()
        for i, p in enumerate(peers):
            name = p.name + (tr("（审计链异常）") if p.station_id in flagged else "")
            for col, text in enumerate((name, format_local(p.last_export_at) if p.last_export_at else tr("从未"),
                                        format_local(p.last_import_at) if p.last_import_at else tr("从未"),
                                        str(p.pending))):
                self.table.setItem(i, col, QTableWidgetItem(text))
            if p.station_id in flagged:
                cell = self.table.item(i, 0)
                cell.setForeground(QBrush(QColor("#b00020")))
                cell.setToolTip(tr("该站点的审计链不再接续本站保存的审计检查点：{p}").format(p=flagged[p.station_id]))
            self.receiver.addItem(p.name, p.unit_id)
        self.export_button.setEnabled(bool(peers))
        if not peers and not self.status.text():
            self.status.setText(tr(
                "还没有登记的对方站点。系统管理员用命令行 fulian sync provision（开通下级站点）或 "
                "fulian sync peer add（登记对方名片）登记后，站点会列在这里，才能导出同步包。"))

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("导出同步包"), f"{self.receiver.currentText()}.fsync",
                                              tr("同步包 (*.fsync)"))
        if path:
            self.export_to(path)

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("导入同步包"), "", tr("同步包 (*.fsync);;所有文件 (*)"))
        if path:
            self.import_from(path)

    def export_to(self, path: str) -> None:
        unit, store, actor = self.receiver.currentData(), self.session.store, self.session.actor

        def work(progress=None):  # noqa: ANN001, ANN202
            data, result = export_bundle(store, actor, unit, progress)
            write_private(path, data)   # 0600; never a half-written bundle under the final name
            return result

        self._run(work, tr("正在导出同步包…"))

    def import_from(self, path: str) -> None:
        store, actor = self.session.store, self.session.actor

        def work(progress=None):  # noqa: ANN001, ANN202
            return import_bundle(store, actor, Path(path).read_bytes(), progress)

        self._run(work, tr("正在导入同步包…"))

    def _run(self, work, label: str) -> None:  # noqa: ANN001
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.session.tasks.run(work, on_done=self._done, on_error=self._failed, progress_label=label, parent=self)

    def _done(self, result: ExportResult | ImportResult) -> None:
        if isinstance(result, ExportResult):
            text = tr("已导出同步包：发往{to}，{n} 条记录，{a} 个附件。").format(
                to=result.receiver, n=result.records, a=result.attachments)
        else:
            text = result.message
            if result.applied:
                self.session.changes.announce(SYNC_IMPORTED)
        self.status.setText(text)
        messages.info(self, tr("站点同步"), text)
        self.import_button.setEnabled(True)
        self.reload()
        self.sig_done.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.export_button.setEnabled(bool(self.peers))
        self.status.setText(domain_message(exc) or "")
        present_error(self, exc)
        self.sig_done.emit(exc)
