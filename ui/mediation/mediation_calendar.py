"""调解日程: a mediator's sessions across cases, a week at a time. Pick a day in the calendar (or 今天 /
上一周 / 下一周) to show its week (Monday to Sunday); days of the shown month that have sessions are in bold.
Supervisors can show every mediator's sessions or one mediator's. Double-click (or Enter on) a session to open
its case (`sig_open_case`)."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView, QCalendarWidget, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSplitter, QTableView, QVBoxLayout, QWidget,
)

from fulian_desktop.security.actor import Actor
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.mediation.mediation_sessions import mediator_choices
from fulian_desktop.store.uow import UnitOfWork

from ..errors import present_error
from ..i18n import tr
from .mediation_calendar_model import MediationCalendarModel
from ..session import AppSession
from ..common.case_actions_table import PADDING
from ..common.guard import while_alive
from .mediation_data import from_qdate, now_local, to_qdate

MINE, EVERYONE = "__mine__", "__all__"
WEEK_BACKGROUND = "#e8f0fe"


def week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def load_calendar(uow: UnitOfWork, actor: Actor, who: str, date_from: date, date_to: date,
                  include_cancelled: bool) -> list:
    if who == EVERYONE:
        return mediation.calendar(uow, actor, None, date_from, date_to, all_mediators=True,
                                  include_cancelled=include_cancelled)
    return mediation.calendar(uow, actor, None if who == MINE else who, date_from, date_to,
                              include_cancelled=include_cancelled)


class MediationCalendarPage(QWidget):
    sig_open_case = Signal(str)
    """(case id) — the user asked to open a session's case."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediation_calendar_page")
        self.session = session
        self._generation = 0
        self.marked: set[date] = set()
        actor = session.actor
        self.supervisor = actor is not None and can(actor, Permission.CASE_APPROVE)

        self.today_button = QPushButton(tr("今天"), objectName="calendar_today")
        self.today_button.clicked.connect(self.go_today)
        self.prev_button = QPushButton(tr("◀ 上一周"), objectName="calendar_prev")
        self.prev_button.clicked.connect(lambda: self.shift(-7))
        self.next_button = QPushButton(tr("下一周 ▶"), objectName="calendar_next")
        self.next_button.clicked.connect(lambda: self.shift(7))
        self.range_label = QLabel(objectName="calendar_range")
        font = self.range_label.font()
        font.setBold(True)
        self.range_label.setFont(font)
        self.who = QComboBox(objectName="calendar_who")
        self.who.addItem(tr("我的调解"), MINE)
        if self.supervisor:
            self.who.addItem(tr("全部调解员"), EVERYONE)
            session.read(mediator_choices, on_done=while_alive(self, self._mediators))
        self.who.setVisible(self.supervisor)
        self.who.currentIndexChanged.connect(self.reload)
        self.cancelled = QCheckBox(tr("显示已取消"), objectName="calendar_cancelled")
        self.cancelled.toggled.connect(self.reload)
        top = QHBoxLayout()
        for widget in (self.today_button, self.prev_button, self.next_button):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.range_label, 1)
        top.addWidget(self.who)
        top.addWidget(self.cancelled)

        self.calendar = QCalendarWidget(objectName="calendar_widget")
        self.calendar.setFirstDayOfWeek(Qt.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.ISOWeekNumbers)
        self.calendar.selectionChanged.connect(self.reload)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.reload())
        self.summary = QLabel(objectName="calendar_summary")
        self.summary.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.calendar)
        left_layout.addWidget(self.summary)
        left_layout.addStretch(1)

        self.model = MediationCalendarModel(self)
        self.table = QTableView(objectName="calendar_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        QShortcut(QKeySequence(Qt.Key_Return), self.table, context=Qt.WidgetShortcut).activated.connect(
            lambda: self.open_row(self.table.currentIndex().row()))
        self.empty = QLabel(objectName="calendar_empty")
        self.empty.setStyleSheet("color:#666")
        self.empty.setWordWrap(True)   # a long English sentence must not widen the window
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.empty)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([360, 900])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        session.changes.subscribe(self, {"case"}, self.reload)
        self.go_today()

    # --- choosing the week -----------------------------------------------------------------------------
    def _mediators(self, refs: list) -> None:
        me = self.session.actor.user_id if self.session.actor else None
        for ref in refs:
            if ref.user_id != me:
                self.who.addItem(ref.name, ref.user_id)

    def chosen_day(self) -> date:
        return from_qdate(self.calendar.selectedDate())

    def week(self) -> tuple[date, date]:
        return week_of(self.chosen_day())

    def go_today(self) -> None:
        today = to_qdate(now_local().date())
        self.calendar.setSelectedDate(today)
        self.calendar.setCurrentPage(today.year(), today.month())
        self.reload()

    def shift(self, days: int) -> None:
        day = self.calendar.selectedDate().addDays(days)
        self.calendar.setSelectedDate(day)
        self.calendar.setCurrentPage(day.year(), day.month())

    # --- loading ---------------------------------------------------------------------------------------
    def reload(self, *_args: object) -> None:
        monday, sunday = self.week()
        first = date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        self.range_label.setText(tr("{start} 至 {end}（第 {n} 周）").format(
            start=monday.isoformat(), end=sunday.isoformat(), n=monday.isocalendar()[1]))
        self._generation += 1
        generation = self._generation
        self.session.read(load_calendar, self.who.currentData() or MINE, min(monday, first), max(sunday, last),
                          self.cancelled.isChecked(),
                          on_done=while_alive(self, lambda entries: self._loaded(generation, entries)),
                          on_error=while_alive(self, lambda exc: present_error(self, exc)))

    def _loaded(self, generation: int, entries: list) -> None:
        if generation != self._generation:
            return
        monday, sunday = self.week()
        today = now_local().date()
        week = [e for e in entries if monday <= e.day <= sunday]
        self.model.today = today
        self.model.set_items(week)
        self._mark_days({e.day for e in entries}, monday)
        self._fit_columns()
        text = tr("本周 {n} 次调解。").format(n=len(week))
        if monday <= today <= sunday:
            text += tr("今天 {n} 次。").format(n=sum(e.day == today for e in week))
        self.summary.setText(text)
        self.empty.setText("" if week else tr("这一周没有调解安排。在案件的“调解”标签中点“安排调解”，安排会显示在这里；也可用“上一周”“下一周”查看其他周。"))
        self.empty.setVisible(not week)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)    # the case title takes the room, not the status
        stretch = self.model.column_of("title")
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.Interactive)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column) + PADDING, 260))
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
        header.setSectionResizeMode(self.model.column_of("status"), QHeaderView.ResizeToContents)

    def _mark_days(self, days: set[date], monday: date) -> None:
        """Days with sessions in bold blue; the shown week on a light background."""
        week = {monday + timedelta(days=i) for i in range(7)}
        for day in self.marked - days - week:
            self.calendar.setDateTextFormat(to_qdate(day), QTextCharFormat())
        for day in days | week:
            fmt = QTextCharFormat()
            if day in days:
                fmt.setFontWeight(QFont.Bold)
                fmt.setForeground(QColor("#0b57d0"))
            if day in week:
                fmt.setBackground(QColor(WEEK_BACKGROUND))
            self.calendar.setDateTextFormat(to_qdate(day), fmt)
        self.marked = days | week

    def open_row(self, row: int) -> None:
        entry = self.model.item_at(row)
        if entry is not None:
            self.sig_open_case.emit(entry.case_id)
