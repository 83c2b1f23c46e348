"""The counsellor's home (心理疏导工作台): today's appointments, the rest of the week's, and my open
counselling cases. Dates and cases only — no notes (those are read in the case's 心理疏导 tab).
Double-click or Enter on a row opens its case; reloads when case data change and every minute.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseStatus
from fulian_desktop.domain.localtime import format_local, to_local
from fulian_desktop.services.counselling import counselling
from fulian_desktop.services.counselling.counselling import AppointmentView, CounsellingCaseView

from ..errors import present_error
from ..i18n import tr
from ..reloader import Reloader
from ..session import AppSession
from ..common.case_actions_table import fit_columns, setup_table
from ..common.empty_table import show_empty_row

REFRESH_MS = 60_000
CASE_ROLE = Qt.UserRole + 1


@dataclass(frozen=True)
class HomeData:
    appointments: list[AppointmentView]
    cases: list[CounsellingCaseView]


def load_home(uow, actor) -> HomeData:  # noqa: ANN001
    return HomeData(counselling.upcoming_appointments(uow, actor), counselling.my_counselling_cases(uow, actor))


def appointment_columns() -> tuple[str, ...]:
    return (tr("预约时间"), tr("案号"), tr("案件"), tr("上次疏导"))


def case_columns() -> tuple[str, ...]:
    return (tr("案号"), tr("案件"), tr("单位"), tr("状态"), tr("疏导次数"), tr("最近疏导"), tr("下次预约"))


class CounsellorHomePanel(QWidget):
    sig_open_case = Signal(str)
    """(case id) — the user asked to open a case."""
    sig_loaded = Signal(object)
    """(HomeData) — a reload arrived."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counsellor_home")
        self.session = session
        self.data: HomeData | None = None
        self.loader = Reloader(session, self, load_home, self._loaded, lambda exc: present_error(self, exc))
        self.today = self._table("counsellor_today", appointment_columns())
        self.week = self._table("counsellor_week", appointment_columns())
        self.cases = self._table("counsellor_cases", case_columns())
        self.today_box = self._box(tr("今日预约"), self.today)
        self.week_box = self._box(tr("本周其他预约（今后 6 天）"), self.week)
        self.cases_box = self._box(tr("我的疏导案件（未办结）"), self.cases)
        split = QSplitter(Qt.Vertical)
        for box in (self.today_box, self.week_box, self.cases_box):
            split.addWidget(box)
        split.setSizes([200, 200, 300])
        self.status = QLabel(objectName="counsellor_status")
        self.status.setStyleSheet("color:#5f6368")
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self.timer.start()
        session.changes.subscribe(self, {"case"}, self.refresh)
        self.refresh()

    def _table(self, name: str, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers), objectName=name)
        setup_table(table, headers)
        table.activated.connect(lambda index, t=table: self._open(t, index.row()))
        return table

    @staticmethod
    def _box(title: str, table: QTableWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(table)
        return box

    def _open(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        case_id = item.data(CASE_ROLE) if item else None
        if case_id:
            self.sig_open_case.emit(case_id)

    # --- loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.loader.request()

    def _loaded(self, data: HomeData) -> None:
        self.data = data
        today = clock.today_local()
        todays = [a for a in data.appointments if to_local(a.at).date() == today]
        later = [a for a in data.appointments if to_local(a.at).date() != today]
        self._fill(self.today, [(a.case_id, self._appointment_cells(a, today_only=True)) for a in todays],
                   tr("今天没有预约。"))
        self._fill(self.week, [(a.case_id, self._appointment_cells(a)) for a in later], tr("本周没有其他预约。"))
        self._fill(self.cases, [(c.case_id, self._case_cells(c)) for c in data.cases], tr("没有未办结的疏导案件。"))
        self.today_box.setTitle(tr("今日预约（{n}）").format(n=len(todays)))
        self.week_box.setTitle(tr("本周其他预约（今后 6 天，{n}）").format(n=len(later)))
        self.cases_box.setTitle(tr("我的疏导案件（未办结，{n}）").format(n=len(data.cases)))
        self.status.setText(tr("更新于 {at}；双击或按回车打开案件").format(at=clock.now_local().strftime("%H:%M")))
        self.sig_loaded.emit(data)

    @staticmethod
    def _appointment_cells(a: AppointmentView, today_only: bool = False) -> tuple[str, ...]:
        when = to_local(a.at).strftime("%H:%M") if today_only else format_local(a.at)
        last = f"{format_local(a.last_held_at)}（{a.last_form.label}）"
        return (when, a.case_no, a.case_title, last)

    @staticmethod
    def _case_cells(c: CounsellingCaseView) -> tuple[str, ...]:
        status = CaseStatus(c.case_status).label
        return (c.case_no, c.case_title, c.unit_name, status, str(c.sessions), format_local(c.last_held_at),
                format_local(c.next_appointment) if c.next_appointment else "—")

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, tuple[str, ...]]], empty: str) -> None:
        table.clearSpans()
        table.setRowCount(max(1, len(rows)))
        if not rows:
            show_empty_row(table, empty)
            return
        for r, (case_id, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 0:
                    item.setData(CASE_ROLE, case_id)
                table.setItem(r, column, item)
        fit_columns(table, stretch=2 if table.columnCount() <= 4 else 1)
