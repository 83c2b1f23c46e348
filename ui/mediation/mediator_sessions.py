"""The mediator's sessions on the home page (调解安排): today's (in bold) and the rest of the week's (the next six
days), in one list, across the cases in scope. Time, case, place and mediators only — no record content. Double-click or Enter
opens the case; reloads when case data change and every minute."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from fulian_desktop.domain import clock
from fulian_desktop.domain.mediation_rules import SessionStatus
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.mediation.mediation import CalendarEntry

from ..errors import present_error
from ..i18n import tr
from ..reloader import Reloader
from ..session import AppSession
from ..common.case_actions_table import fit_columns, setup_table
from ..common.empty_table import show_empty_row

REFRESH_MS = 60_000
CASE_ROLE = Qt.UserRole + 1
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


@dataclass(frozen=True)
class SessionsData:
    today: list[CalendarEntry]
    week: list[CalendarEntry]     # the next six days


def load_sessions(uow, actor) -> SessionsData:  # noqa: ANN001
    today = clock.today_local()
    entries = mediation.calendar(uow, actor, date_from=today, date_to=today + timedelta(days=6))
    return SessionsData([e for e in entries if e.day == today], [e for e in entries if e.day != today])


def columns() -> tuple[str, ...]:
    return (tr("时间"), tr("案号"), tr("案件"), tr("地点"), tr("调解员"), tr("状态"))


class MediatorSessionsPanel(QWidget):
    sig_open_case = Signal(str)
    """(case id) — the user asked to open a session's case."""
    sig_loaded = Signal(object)
    """(SessionsData) — a reload arrived."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediator_sessions")
        self.session = session
        self.data: SessionsData | None = None
        self.loader = Reloader(session, self, load_sessions, self._loaded, lambda exc: present_error(self, exc))
        self.table = QTableWidget(0, len(columns()), objectName="mediator_sessions_table")
        setup_table(self.table, columns())
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.box = QGroupBox(tr("调解安排（今天及今后 6 天）"))
        QVBoxLayout(self.box).addWidget(self.table)
        self.status = QLabel(objectName="mediator_sessions_status")
        self.status.setStyleSheet("color:#5f6368")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.status)
        self.timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self.timer.start()
        session.changes.subscribe(self, {"case"}, self.refresh)
        self.refresh()

    def _open(self, row: int) -> None:
        item = self.table.item(row, 0)
        case_id = item.data(CASE_ROLE) if item else None
        if case_id:
            self.sig_open_case.emit(case_id)

    def refresh(self) -> None:
        self.loader.request()

    def _loaded(self, data: SessionsData) -> None:
        self.data = data
        rows = [(e.case_id, self._cells(e, today=True), True) for e in data.today]
        rows += [(e.case_id, self._cells(e, today=False), False) for e in data.week]
        self._fill(rows, tr("今天和今后 6 天都没有调解安排。可在案件的“调解”页安排调解。"))
        self.box.setTitle(tr("调解安排：今天 {today} 次，今后 6 天 {week} 次").format(today=len(data.today),
                                                                               week=len(data.week)))
        self.status.setText(tr("更新于 {at}；双击或按回车打开案件").format(at=clock.now_local().strftime("%H:%M")))
        self.sig_loaded.emit(data)

    @staticmethod
    def _cells(e: CalendarEntry, today: bool) -> tuple[str, ...]:
        day = tr("今天") if today else f"{e.day:%m-%d} {tr(WEEKDAYS[e.day.weekday()])}"
        when = f"{day} {e.time_text}"
        status = tr(e.status_label) + (f"（{tr(e.outcome_label)}）" if e.outcome_label
                                       and e.status == SessionStatus.HELD else "")
        return (when, e.case_no, e.case_title, e.place, e.mediator_names, status)

    def _fill(self, rows: list[tuple[str, tuple[str, ...], bool]], empty: str) -> None:
        table = self.table
        table.clearSpans()
        table.setRowCount(max(1, len(rows)))
        if not rows:
            show_empty_row(table, empty)
            return
        bold = QFont()
        bold.setBold(True)
        for r, (case_id, cells, today) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if today:
                    item.setFont(bold)       # today's sessions stand out
                if column == 0:
                    item.setData(CASE_ROLE, case_id)
                table.setItem(r, column, item)
        fit_columns(table, stretch=2)
