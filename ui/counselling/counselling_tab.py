"""The case view's 心理疏导 tab: `build_counselling_tab(session, case_id, on_changed)`.

Only for users allowed to see counselling notes (counsellors and supervisors): for anyone else the
function returns None and the case page shows no tab at all. The sessions are read when the tab is
first shown, through `counselling.counselling_sessions`, which audits the read (a write unit of work).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.counselling import counselling
from fulian_desktop.services.counselling.counselling import SessionView

from ..errors import present_error
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from ..common.case_actions_table import fit_columns, setup_table
from .counselling_dialog import CounsellingSessionDialog
from ..common.crisis_common import banner
from ..common.guard import while_alive


def columns() -> tuple[str, ...]:
    return (tr("疏导时间"), tr("方式"), tr("疏导员"), tr("下次预约"))


class CounsellingTab(QWidget):
    def __init__(self, session: AppSession, case_id: str, on_changed: Callable[[str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counselling_tab")
        self.session, self.case_id, self.on_changed = session, case_id, on_changed
        self.views: list[SessionView] = []
        self.loaded = self.loading = False
        self.runner = ActionRunner(session, self, case_id)
        self.runner.sig_changed.connect(self._changed)
        self.runner.sig_busy.connect(lambda _b: self._update_buttons())

        self.add_button = QPushButton(tr("添加记录(&A)…"), objectName="counselling_add")
        self.add_button.clicked.connect(self.start_add)
        self.count = QLabel(objectName="counselling_count")
        self.count.setStyleSheet("color:#5f6368")
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.count)
        top.addStretch(1)
        privacy = banner("info", "counselling_privacy")
        privacy.setText(tr("疏导记录仅心理疏导员和督导可见；每次查看都记入审计日志，记录不打印在一般案件卷宗中。"))
        privacy.show()
        self.table = QTableWidget(0, len(columns()), objectName="counselling_table")
        setup_table(self.table, columns())
        self.table.itemSelectionChanged.connect(self._show_notes)
        self.notes = QPlainTextEdit(objectName="counselling_notes")
        self.notes.setReadOnly(True)
        self.notes.setPlaceholderText(tr("选择一次疏导查看记录"))
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.notes)
        split.setSizes([220, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(privacy)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self._update_buttons()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if not self.loaded and not self.loading:
            self.reload()

    def reload(self) -> None:
        self.loading = True
        self.session.write(counselling.counselling_sessions, self.case_id, on_done=while_alive(self, self._loaded),
                           on_error=while_alive(self, self._failed))

    def _loaded(self, views: list[SessionView]) -> None:
        self.loading, self.loaded = False, True
        self.views = list(reversed(views))   # newest on top
        self.table.setRowCount(len(self.views))
        for row, s in enumerate(self.views):
            cells = (format_local(s.held_at), s.form_label, s.counsellor_name,
                     format_local(s.next_appointment) if s.next_appointment else "—")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        fit_columns(self.table, stretch=3)
        self.count.setText(tr("共 {n} 次疏导").format(n=len(views)))
        if self.views:
            self.table.selectRow(0)
        self._show_notes()
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        present_error(self, exc)

    def _show_notes(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        view = self.views[rows[0].row()] if rows and rows[0].row() < len(self.views) else None
        self.notes.setPlainText(view.notes if view else "")

    def _update_buttons(self) -> None:
        actor = self.session.actor
        may = actor is not None and can(actor, Permission.CASE_EDIT) and can(actor, Permission.SEE_COUNSELLING)
        self.add_button.setEnabled(may and self.loaded and not self.runner.busy)

    def start_add(self) -> None:
        if self.runner.busy:
            return
        dialog = CounsellingSessionDialog(self)

        def save() -> None:
            v = dialog.values()
            self.runner.write(counselling.add_session, self.case_id, v["held_at"], v["form"], v["notes"],
                              v["next_appointment"], notice=tr("已添加心理疏导记录"))
        self.runner.open_dialog(dialog, save)

    def _changed(self, notice: str) -> None:
        self.reload()
        if notice and self.on_changed is not None:
            self.on_changed(notice)


def build_counselling_tab(session: AppSession, case_id: str,
                          on_changed: Callable[[str], None] | None = None) -> QWidget | None:
    """The 心理疏导 tab, or None when the acting user may not see counselling notes (no tab then)."""
    actor = session.actor
    if actor is None or not can(actor, Permission.SEE_COUNSELLING):
        return None
    return CounsellingTab(session, case_id, on_changed)
