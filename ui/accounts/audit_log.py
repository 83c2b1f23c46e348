"""审计日志: the newest audit entries of the reader's subtree, read-only, paged back 200 at a time.

The auditor's home. It shows who did what to which record and when, and the names of the fields a change
touched, never their values (services/accounts/audit_log.py): the auditor reads no case content.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.accounts import audit_log
from fulian_desktop.services.accounts.audit_log import AuditRow

from ..errors import error_text
from ..i18n import tr
from ..session import AppSession
from ..common.guard import while_alive

COLUMNS = (QT_TRANSLATE_NOOP("", "序号"), QT_TRANSLATE_NOOP("", "时间"), QT_TRANSLATE_NOOP("", "操作人"),
           QT_TRANSLATE_NOOP("", "操作"), QT_TRANSLATE_NOOP("", "对象"), QT_TRANSLATE_NOOP("", "单位"),
           QT_TRANSLATE_NOOP("", "涉及字段"))


class AuditLogPage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[AuditRow] = []
        self.table = QTableWidget(0, len(COLUMNS), objectName="audit_table")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((70, 140, 200, 80, 200, 120)):
            header.resizeSection(column, width)
        self.count = QLabel(tr("正在加载…"), objectName="audit_count")
        self.error = QLabel(objectName="audit_error")
        self.error.setStyleSheet("color:#b3261e")
        self.error.hide()
        self.more = QPushButton(tr("更早的记录(&M)"), objectName="audit_more")
        self.more.clicked.connect(self.load_more)
        refresh = QPushButton(tr("刷新 (F5)"), shortcut="F5")
        refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.more)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        self.rows = []
        self._load(None)

    def load_more(self) -> None:
        self._load(self.rows[-1].seq if self.rows else None)

    def _load(self, before: int | None) -> None:
        self.session.read(audit_log.list_entries, before_seq=before, on_done=while_alive(self, self._loaded),
                          on_error=while_alive(self, self._failed))

    def _loaded(self, found: list[AuditRow]) -> None:
        self.error.hide()
        self.rows.extend(found)
        self.more.setEnabled(len(found) == audit_log.PAGE)
        self.table.setRowCount(len(self.rows))
        for row, entry in enumerate(self.rows):
            target = "·".join(x for x in (entry.entity, (entry.entity_id or "")[:8]) if x)
            values = (str(entry.seq), format_local(entry.at), entry.actor_name, tr(entry.action_label), target,
                      entry.unit_name, entry.fields)
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.count.setText(tr("已显示最近 {n} 条审计记录").format(n=len(self.rows)))

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc, tr("读取失败，请稍后重试。")))
        self.error.show()
