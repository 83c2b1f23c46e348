"""站点同步: the stations this one exchanges bundles with, and export / import of bundle files with a
progress bar. The work runs off the UI thread; errors (a tampered or foreign bundle) come back as messages.

交换 syncs straight with the district server when the station has one configured (系统设置 → 区平台同步) and
it answers; otherwise, or when the user chooses so after the server did not answer, through a folder (USB)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.security.private_files import write_private
from fulian_desktop.sync import anchors, identity
from fulian_desktop.sync.direct import DirectResult, ServerUnreachable, server_settings, sync_with_server
from fulian_desktop.sync.exchange import ExportResult, ImportResult, export_bundle, import_bundle
from fulian_desktop.sync.folder import FolderExchange, exchange_folder

from ..errors import domain_message, messages, present_error
from ..i18n import tr
from ..session import AppSession
from .sync_gate import SYNC_IMPORTED, gate_for


def _peers(uow, _actor):  # noqa: ANN001, ANN202
    """The stations, the problems of those whose audit chain no longer extends the checkpoint kept here, and
    the district server this station syncs with directly ("" when none)."""
    return (identity.list_peers(uow), {f.station_id: f.problem for f in anchors.flagged_stations(uow)},
            server_settings(uow).url)


FOLDER_SETTING = "sync/exchange_folder"
"""The last folder (USB drive) exchanged with, offered again next time (this computer's settings)."""

__all__ = ["SYNC_IMPORTED", "SyncStationPage"]


class SyncStationPage(QWidget):
    sig_done = Signal(object)
    """(ExportResult | ImportResult | FolderExchange | DirectResult | exception) — an export, import or exchange
    finished."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.gate = gate_for(session.store)
        self.server = ""   # the district server (系统设置 → 区平台同步): 交换 tries it first
        self.holding = False   # this page's exchange holds the gate (no automatic sync meanwhile)
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
        self.exchange_button = QPushButton(tr("交换(&E)…"), objectName="exchange")
        self.exchange_button.setToolTip(tr("选U盘（文件夹）：导入其中发给本站的全部同步包，再把本站的同步包写进去"))
        self.exchange_button.clicked.connect(self.exchange)
        self.export_button.clicked.connect(self._ask_export)
        self.import_button.clicked.connect(self._ask_import)
        self.status = QLabel(objectName="sync_status")
        self.status.setWordWrap(True)
        self.auto_state = QLabel(objectName="auto_sync_state")   # the last sync with the server, errors included
        self.auto_state.setWordWrap(True)
        self.gate.sig_changed.connect(self._show_gate)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("发往")))
        row.addWidget(self.receiver, 1)
        row.addWidget(self.exchange_button)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("<b>站点同步</b>　同步包已加密，只有收件站点能打开；导入时整体写入或整体拒绝。")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.auto_state)
        self._show_gate()
        session.changes.subscribe(self, {"settings", "sync"}, self.reload)   # the server address, the counts
        self.reload()

    def reload(self) -> None:
        self.session.read(_peers, on_done=self._loaded, on_error=lambda e: present_error(self, e))

    def _loaded(self, found: tuple[list[identity.PeerView], dict[str, str], str]) -> None:
        peers, flagged, self.server = found
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
        self.exchange_button.setEnabled(bool(peers))
        self.exchange_button.setToolTip(
            tr("与区平台服务器直接同步；连不上时可改用U盘（文件夹）交换") if self.server else
            tr("选U盘（文件夹）：导入其中发给本站的全部同步包，再把本站的同步包写进去"))
        if not self.status.text():
            self.status.setText(self.next_step())
        self._show_gate()

    def _show_gate(self) -> None:
        """The last sync with the district server (automatic or from 交换) and, if it failed, why."""
        gate = self.gate
        if not self.server or not (gate.running or gate.last_ok or gate.last_error):
            self.auto_state.hide()
            return
        text = tr("与区平台同步：") + gate.status_text()
        if gate.last_error and gate.last_error != self.status.text():   # said once on the page
            text += "\n" + gate.last_error
        self.auto_state.setText(text)
        self.auto_state.setStyleSheet("color:#b3261e" if gate.last_error else "color:#555")
        self.auto_state.show()

    def next_step(self) -> str:
        """What to do next on this page, in one sentence."""
        if not self.peers:
            return tr("还没有登记的对方站点。区里在“站点”页点击“开通站点”，把开通文件和开通码分别交给站点；"
                      "站点首次启动时选择“加入区平台（站点）”即可。开通后对方会列在这里。")
        if self.server:
            return tr("下一步：点击“交换”，本站直接与区平台服务器同步；连不上时可改用U盘交换。")
        return tr("下一步：插入U盘，点击“交换”并选择U盘（或其中的文件夹）。本站会先导入其中发给本站的同步包，"
                  "再把发往“{to}”的同步包写进去；把U盘带到对方，对方同样点“交换”。").format(to=self.receiver.currentText())

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("导出同步包"), f"{self.receiver.currentText()}.fsync",
                                              tr("同步包 (*.fsync)"))
        if path:
            self.export_to(path)

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("导入同步包"), "", tr("同步包 (*.fsync);;所有文件 (*)"))
        if path:
            self.import_from(path)

    def exchange(self) -> None:
        """交换: straight with the district server when one is configured, else through a folder."""
        if self.server:
            self.sync_with_server()
        else:
            self._ask_exchange()

    def sync_with_server(self) -> None:
        """Our changes up to the district server, its answer down (off the UI thread, a short connect timeout)."""
        if not self._claim():
            return
        store, actor, url = self.session.store, self.session.actor, self.server

        def work(progress=None):  # noqa: ANN001, ANN202
            return sync_with_server(store, actor, url, progress=progress)

        self.exchange_button.setEnabled(False)
        self._run(work, tr("正在连接区平台并同步…"))

    def _claim(self) -> bool:
        if not self.gate.claim():
            self.status.setText(tr("另一次同步（自动同步）正在进行，请稍候再点击“交换”。"))
            return False
        self.holding = True
        return True

    def _release(self, error: BaseException | None = None) -> None:
        if not self.holding:
            return
        self.holding = False
        if error is None:
            self.gate.finish_ok()
        else:
            self.gate.finish_failed(domain_message(error) or tr("同步时发生意外错误，未完成；详细信息已记入日志。"),
                                    unreachable=isinstance(error, ServerUnreachable))

    def _ask_exchange(self) -> None:
        remembered = str(QSettings().value(FOLDER_SETTING, "") or "")
        folder = QFileDialog.getExistingDirectory(self, tr("选择U盘或交换文件夹"), remembered)
        if folder:
            QSettings().setValue(FOLDER_SETTING, folder)
            self.exchange_with(folder)

    def exchange_with(self, folder: str) -> None:
        """Import every bundle in `folder` for this station, then write ours there (off the UI thread)."""
        unit, store, actor = self.receiver.currentData(), self.session.store, self.session.actor
        if not self._claim():
            return

        def work(progress=None):  # noqa: ANN001, ANN202
            return exchange_folder(store, actor, Path(folder), unit, progress)

        self.exchange_button.setEnabled(False)
        self._run(work, tr("正在交换同步包…"))

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
        # What the imports committed (cases, people, files, conflicts) is announced once the work is done.
        self.session.run_writes(work, on_done=self._done, on_error=self._failed, progress_label=label, parent=self)

    def _done(self, result: ExportResult | ImportResult | FolderExchange | DirectResult) -> None:
        self._release()
        if isinstance(result, DirectResult):
            text = self._direct_summary(result)
        elif isinstance(result, FolderExchange):
            text = tr("经U盘（文件夹）交换：") + result.summary()
            text += "\n" + (tr("下一步：到“同步冲突”页逐项处理冲突。") if result.conflicts else
                            tr("下一步：安全弹出U盘，带到对方站点点击“交换”。"))
        elif isinstance(result, ExportResult):
            text = tr("已导出同步包：发往{to}，{n} 条记录，{a} 个附件。").format(
                to=result.receiver, n=result.records, a=result.attachments)
        else:
            text = result.message
        self.status.setText(text)
        messages.info(self, tr("站点同步"), text)
        self.import_button.setEnabled(True)
        self.exchange_button.setEnabled(True)
        self.reload()
        self.sig_done.emit(result)

    def _direct_summary(self, result: DirectResult) -> str:
        text = tr("已通过区平台服务器直接同步：发出 {out} 条记录，收到 {into} 条记录。").format(
            out=result.records_out, into=result.records_in)
        if not result.received.applied and not result.records_out:
            text += tr("两边都没有新的变更，数据未改变。")
        if result.conflicts:
            text += "\n" + tr("发现 {n} 处冲突。下一步：到“同步冲突”页逐项处理冲突。").format(n=result.conflicts)
        if result.received.anchor_problem:
            text += "\n" + result.received.message
        return text

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.exchange_button.setEnabled(bool(self.peers))
        self.export_button.setEnabled(bool(self.peers))
        text = domain_message(exc) or ""
        self.status.setText(text)
        self._release(exc)
        self.sig_done.emit(exc)
        if isinstance(exc, ServerUnreachable):   # nothing changed; offer the folder (USB) instead
            if messages.confirm(self, tr("未能连接区平台"), text + "\n\n" + tr("改用U盘（文件夹）交换吗？"),
                                safe_default=False):
                self._ask_exchange()
            return
        present_error(self, exc)
