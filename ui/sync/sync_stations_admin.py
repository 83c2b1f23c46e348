"""站点 (administration): the stations this store exchanges with — last exchange, pending changes both ways,
overdue ones marked — and opening a new station (the wizard) or retiring one. Opening and retiring are the
key holder's: the store's passphrase or recovery code is asked for each time."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.security.keyfile import KdfParams
from fulian_desktop.services.accounts import settings
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.store import confirm_key_holder
from fulian_desktop.sync import stations

from ..errors import messages, present_error
from ..i18n import tr
from ..session import AppSession

OVERDUE_COLOUR = "#b00020"


def _load(uow, _actor):  # noqa: ANN001, ANN202
    return stations.station_rows(uow), stations.overdue_days(uow)


class StationsAdminPage(QWidget):
    sig_loaded = Signal(int)
    """(number of stations) — the list was (re)loaded."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[stations.StationRow] = []
        self.loaded_days = 0
        self.wizard_kdf: KdfParams | None = None   # the package's key derivation (tests make it fast)
        self.table = QTableWidget(0, 5, objectName="station_table")
        self.table.setHorizontalHeaderLabels([tr("站点"), tr("上次交换"), tr("待发往站点的变更"),
                                              tr("收到、待回执的变更"), tr("状态")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((170, 150, 130, 130)):
            self.table.setColumnWidth(col, width)
        self.table.itemSelectionChanged.connect(self._selection)
        self.days = QSpinBox(objectName="overdue_days")
        self.days.setRange(1, 365)
        self.days.setSuffix(tr(" 天"))
        self.days.editingFinished.connect(self._save_days)
        self.open_button = QPushButton(tr("开通站点(&O)…"), objectName="open_station")
        self.retire_button = QPushButton(tr("停用站点…"), objectName="retire_station")
        self.open_button.clicked.connect(self.open_wizard)
        self.retire_button.clicked.connect(self._ask_retire)
        self.retire_button.setEnabled(False)
        self.hint = QLabel(objectName="stations_hint")
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("超过")))
        row.addWidget(self.days)
        row.addWidget(QLabel(tr("没有收到站点的同步包，标为逾期")))
        row.addStretch(1)
        row.addWidget(self.open_button)
        row.addWidget(self.retire_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("<b>站点</b>　各街镇、村（社区）站点与本站交换同步包的情况。")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        session.changes.subscribe(self, {"sync"}, self.reload)
        self.reload()

    def reload(self) -> None:
        self.session.read(_load, on_done=self._loaded, on_error=lambda e: present_error(self, e))

    def _loaded(self, found: tuple[list[stations.StationRow], int]) -> None:
        self.rows, days = found
        self.loaded_days = days
        self.days.blockSignals(True)
        self.days.setValue(days)
        self.days.blockSignals(False)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            last = r.last_exchange
            state = tr("逾期：超过 {d} 天未收到同步包").format(d=days) if r.overdue else tr("正常")
            for col, text in enumerate((r.name, format_local(last) if last else tr("从未"), str(r.pending_out),
                                        str(r.pending_in), state)):
                item = QTableWidgetItem(text)
                if r.overdue:
                    item.setForeground(QBrush(QColor(OVERDUE_COLOUR)))
                self.table.setItem(i, col, item)
            self.table.item(i, 0).setData(Qt.UserRole, r.station_id)
        overdue = sum(r.overdue for r in self.rows)
        if not self.rows:
            text = tr("还没有开通任何站点。下一步：点击“开通站点”，为街镇或村（社区）生成开通文件和开通码，"
                      "分别交给站点。")
        elif overdue:
            text = tr("{n} 个站点逾期未交换。下一步：联系这些站点，请他们带U盘来交换，或在“站点同步”页写好同步包"
                      "送过去。").format(n=overdue)
        else:
            text = tr("所有站点都按时交换。站点交来的U盘请在“站点同步”页点击“交换”。")
        self.hint.setText(text)
        self._selection()
        self.sig_loaded.emit(len(self.rows))

    def _selection(self) -> None:
        self.retire_button.setEnabled(self.selected() is not None)

    def selected(self) -> stations.StationRow | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.rows[rows.pop()] if len(rows) == 1 and self.rows else None

    def _save_days(self) -> None:
        value = self.days.value()
        if value == self.loaded_days:
            return   # focus left without a change: nothing to save or audit
        self.session.write(lambda uow, actor: settings.put(uow, actor, stations.OVERDUE_KEY, value),
                           on_done=lambda _r: self.reload(), on_error=lambda e: present_error(self, e))

    def open_wizard(self):  # noqa: ANN201 - StationOpenWizard
        wizard = self.make_wizard()
        wizard.finished.connect(lambda _r: self.reload())
        wizard.open()
        return wizard

    def make_wizard(self):  # noqa: ANN201 - StationOpenWizard
        from .station_open_wizard import StationOpenWizard

        return StationOpenWizard(self.session.store, self, tasks=self.session.tasks, kdf=self.wizard_kdf)

    def _ask_retire(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not messages.confirm(self, tr("停用站点"), tr(
                "停用“{name}”后，本站不再向它发送同步包，它此后交来的同步包一律拒收。此操作不能撤销；"
                "该单位换了电脑的，停用后可重新开通站点。\n确定停用吗？").format(name=row.name)):
            return
        secret, ok = QInputDialog.getText(self, tr("确认密钥持有人"),
                                          tr("请输入本数据存储的口令或恢复码："), QLineEdit.Password)
        if ok:
            self.retire(row.station_id, secret)

    def retire(self, station_id: str, secret: str) -> None:
        store = self.session.store

        def work():  # noqa: ANN202
            confirm_key_holder(store, secret)
            with store.uow(write=True) as uow:
                return stations.retire_station(uow, system_actor(store, "站点管理"), station_id)

        self.session.run_writes(work, on_done=self._retired, on_error=lambda e: present_error(self, e))

    def _retired(self, name: str) -> None:
        messages.info(self, tr("停用站点"), tr("已停用“{name}”。它此后交来的同步包将被拒收。").format(name=name))
        self.reload()
