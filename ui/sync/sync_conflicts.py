"""同步冲突: records changed on both sides since the last sync, shown field by field (both values, who and
when); an authorised user picks a side per field and saves. The choice is audited by the service."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.enums import CaseKind, CaseStatus, Tier, Urgency
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.accounts import orgunits
from fulian_desktop.sync import conflicts
from fulian_desktop.sync.conflicts import ConflictView

from ..errors import messages, present_error
from ..i18n import status_text, tr
from ..session import AppSession

LOCAL, REMOTE = conflicts.LOCAL, conflicts.REMOTE
# Case fields whose stored value is an enum code: shown by label, as everywhere else.
_ENUMS = {"urgency": Urgency, "tier": Tier, "kind": CaseKind, "status": CaseStatus}


def _load(uow, actor):  # noqa: ANN001, ANN202
    units = {u.id: u.name for u in orgunits.list_units(uow, actor)}
    return conflicts.list_conflicts(uow, actor), units


class SyncConflictsPage(QWidget):
    sig_loaded = Signal(int)
    """(number of open conflicts) — the list was (re)loaded."""
    sig_resolved = Signal(object)
    """(ConflictView) — a conflict was resolved here."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.items: list[ConflictView] = []
        self.units: dict[str, str] = {}
        self._table = ""
        self.title = QLabel(objectName="conflicts_title")
        self.title.setWordWrap(True)
        self.list = QListWidget(objectName="conflict_list")
        self.list.currentRowChanged.connect(self._show)
        self.who = QLabel(objectName="conflict_who")
        self.who.setWordWrap(True)
        self.table = QTableWidget(0, 4, objectName="conflict_fields")
        self.table.setHorizontalHeaderLabels([tr("字段"), tr("本站的值"), tr("对方的值"), tr("采用")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(3, 110)
        self.all_local = QPushButton(tr("全部采用本站"), objectName="all_local")
        self.all_remote = QPushButton(tr("全部采用对方"), objectName="all_remote")
        self.save_button = QPushButton(tr("保存选择"), objectName="save_choice")
        self.all_local.clicked.connect(lambda: self._pick_all(LOCAL))
        self.all_remote.clicked.connect(lambda: self._pick_all(REMOTE))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_local)
        buttons.addWidget(self.all_remote)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.who)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(buttons)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([300, 700])
        self.split = split
        self.empty = QLabel(objectName="conflicts_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.empty.setStyleSheet("QLabel{background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;padding:16px;}")
        self.empty.setText(tr(
            "<p><b>现在没有需要处理的同步冲突。</b></p>"
            "<p>什么是同步冲突：同一条记录（例如一个案件的标题、紧急程度），在上次交换之后，本站和对方站点都改过，"
            "导入同步包时程序不替您决定用哪一边，而是把两边的值并排列在这里。</p>"
            "<p>出现冲突时：左侧列出每条有冲突的记录；选中后，右侧逐项显示“本站的值”和“对方的值”、各由谁在何时修改，"
            "您为每一项选择采用哪一方，点击“保存选择”。保存后的结果会在下次交换时发给对方。</p>"
            "<p>下一步：没有冲突时无需操作。定期在“站点同步”页点击“交换”；交换后如有冲突，会在这里出现。</p>"))
        self.empty.setVisible(False)   # until the list has loaded
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.empty, 1)
        layout.addWidget(split, 1)
        self._show(-1)
        session.changes.subscribe(self, {"sync"}, self.reload)  # an import may bring new conflicts
        self.reload()

    def reload(self) -> None:
        self.session.read(_load, on_done=self._loaded, on_error=lambda e: present_error(self, e))

    def _loaded(self, result: tuple[list[ConflictView], dict[str, str]]) -> None:
        self.items, self.units = result
        self.title.setText(tr("<b>同步冲突（{n}）</b>").format(n=len(self.items)) +
                           ("" if self.items else tr("　<span style='color:#5f6368'>没有待处理的冲突。导入同步包时，本站和对方都改过的记录会列在这里，由您逐条核对后选择保留哪一方。</span>")))
        self.list.clear()
        for c in self.items:
            item = QListWidgetItem(f"{tr(c.table_label)}：{c.title}\n{tr('来自')} {c.peer_name}")
            self.list.addItem(item)
        self.empty.setVisible(not self.items)
        self.split.setVisible(bool(self.items))
        if self.items:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)
        self.sig_loaded.emit(len(self.items))

    def current(self) -> ConflictView | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _text(self, name: str, value: Any) -> str:
        if value is None or value == "":
            return tr("（空）")
        if isinstance(value, bool):
            return tr("是") if value else tr("否")
        if name.endswith("unit_id") and value in self.units:
            return self.units[value]
        if self._table == "case_file" and name in _ENUMS:
            try:
                label = _ENUMS[name](value).label
            except ValueError:
                return str(value)
            return status_text(label) if name == "status" else tr(label)
        if isinstance(value, (dict, list)):
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, str) and name.endswith(("_at",)):
            try:
                return format_local(datetime.fromisoformat(value))
            except ValueError:
                return value
        return str(value)

    def _show(self, row: int) -> None:
        conflict = self.items[row] if 0 <= row < len(self.items) else None
        self._table = conflict.table if conflict else ""
        for w in (self.table, self.all_local, self.all_remote, self.save_button):
            w.setEnabled(conflict is not None)
        self.table.setRowCount(0)
        if conflict is None:
            self.who.setText(tr("请在左侧选择一个冲突：右侧会并排列出两边的值，逐项选择后点击“保存选择”。") if self.items else tr(
                "导入同步包时，如果同一条记录在本站和对方站点都改过，会在这里逐项列出两边的值，由您选择采用哪一方。"))
            return
        self.who.setText(tr("本站版本：{lb}，{la}　　对方版本（{peer}）：{rb}，{ra}").format(
            lb=conflict.local_by or tr("未知"), la=format_local(conflict.local_at) if conflict.local_at else "",
            peer=conflict.peer_name, rb=conflict.remote_by or tr("未知"),
            ra=format_local(conflict.remote_at) if conflict.remote_at else ""))
        fields = conflict.differing
        self.table.setRowCount(len(fields))
        for i, f in enumerate(fields):
            self.table.setItem(i, 0, QTableWidgetItem(tr(f.label)))
            self.table.setItem(i, 1, QTableWidgetItem(self._text(f.name, f.local)))
            self.table.setItem(i, 2, QTableWidgetItem(self._text(f.name, f.remote)))
            pick = QComboBox(objectName=f"pick_{f.name}")
            pick.addItem(tr("本站"), LOCAL)
            pick.addItem(tr("对方"), REMOTE)
            self.table.setCellWidget(i, 3, pick)
        self.table.resizeRowsToContents()

    def picker(self, field: str) -> QComboBox | None:
        return self.table.findChild(QComboBox, f"pick_{field}")

    def _pick_all(self, side: str) -> None:
        for i in range(self.table.rowCount()):
            combo = self.table.cellWidget(i, 3)
            combo.setCurrentIndex(combo.findData(side))

    def choices(self) -> dict[str, str]:
        conflict = self.current()
        if conflict is None:
            return {}
        return {f.name: self.table.cellWidget(i, 3).currentData() for i, f in enumerate(conflict.differing)}

    def save(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        choices = self.choices()
        self.save_button.setEnabled(False)
        self.session.write(conflicts.resolve_conflict, conflict.id, choices, conflict.local_version,
                           on_done=self._saved, on_error=self._failed)  # the list reloads on the sync change

    def _saved(self, view: ConflictView) -> None:
        messages.info(self, tr("同步冲突"), tr("已保存：{title}。下一步：在“站点同步”页点击“交换”，把结果发给对方。").format(
            title=view.title))
        self.sig_resolved.emit(view)

    def _failed(self, exc: BaseException) -> None:
        present_error(self, exc)
        self.reload()
