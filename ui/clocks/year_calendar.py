"""A whole year at a glance: twelve small months, days off in red, make-up working days in blue.

Drawn rather than built from twelve QCalendarWidgets (which would be large and each editable); the
administrator only needs to see whether the notice was read right. Hovering a day names its holiday.
"""
from __future__ import annotations

import calendar as _calendar
from datetime import date

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..i18n import tr

REST_BG, REST_FG = QColor("#fbe3e1"), QColor("#b3261e")
WORK_BG, WORK_FG = QColor("#dde8fb"), QColor("#0b57d0")
WEEKEND_FG, PLAIN_FG, GRID = QColor("#8a8a8a"), QColor("#202020"), QColor("#d0d0d0")
HEADER = ("一", "二", "三", "四", "五", "六", "日")
CELL_W, CELL_H, TITLE_H, GAP = 26, 20, 22, 14


class YearCalendar(QWidget):
    """``set_days(year, {date: (working, note)})``: working True = 调休上班, False = 放假."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("year_calendar")
        self.year = 2000
        self.days: dict[date, tuple[bool, str | None]] = {}
        self.max_columns = 6
        self.columns = self.max_columns
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def set_days(self, year: int, days: dict[date, tuple[bool, str | None]]) -> None:
        self.year, self.days = year, {d: v for d, v in days.items() if d.year == year}
        self.updateGeometry()
        self.update()

    def state(self, d: date) -> str:
        """'rest', 'work' (调休上班), 'weekend' or 'plain': what the cell shows, for tests and tooltips."""
        if d in self.days:
            return "work" if self.days[d][0] else "rest"
        return "weekend" if d.weekday() >= 5 else "plain"

    # --- geometry ---------------------------------------------------------------------------------
    def _month_size(self) -> QSize:
        return QSize(CELL_W * 7, TITLE_H + CELL_H * 7)

    def _size_for(self, columns: int) -> QSize:
        month = self._month_size()
        rows = (12 + columns - 1) // columns
        return QSize(columns * month.width() + (columns - 1) * GAP, rows * month.height() + (rows - 1) * GAP)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(self._size_for(self.max_columns).width(), self._size_for(self.columns).height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Two months wide at least; as tall as the months laid out at the current width need."""
        return QSize(self._size_for(2).width(), self._size_for(self.columns).height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._size_for(self._columns_for(width)).height()

    def _columns_for(self, width: int) -> int:
        """As many months side by side as fit (6, 4, 3 or 2: divisors of 12, so no row is left half empty)."""
        for columns in (6, 4, 3, 2):
            if columns <= self.max_columns and self._size_for(columns).width() <= width:
                return columns
        return 2

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        columns = self._columns_for(event.size().width())
        if columns != self.columns:
            self.columns = columns
            self.updateGeometry()
        super().resizeEvent(event)

    def _origin(self, month: int) -> tuple[int, int]:
        size = self._month_size()
        row, col = divmod(month - 1, self.columns)
        left = max(0, (self.width() - self._size_for(self.columns).width()) // 2)
        return left + col * (size.width() + GAP), row * (size.height() + GAP)

    def _cell(self, d: date) -> QRect:
        x, y = self._origin(d.month)
        first = date(d.year, d.month, 1).weekday()
        index = first + d.day - 1
        week, weekday = divmod(index, 7)
        return QRect(x + weekday * CELL_W, y + TITLE_H + CELL_H * (week + 1), CELL_W, CELL_H)

    def day_at(self, x: int, y: int) -> date | None:
        for month in range(1, 13):
            for day in range(1, _calendar.monthrange(self.year, month)[1] + 1):
                d = date(self.year, month, day)
                if self._cell(d).contains(x, y):
                    return d
        return None

    # --- drawing ----------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        size = self._month_size()
        for month in range(1, 13):
            x, y = self._origin(month)
            painter.setFont(bold)
            painter.setPen(PLAIN_FG)
            painter.drawText(QRect(x, y, size.width(), TITLE_H), Qt.AlignCenter, tr("{month} 月").format(month=month))
            painter.setFont(base)
            for col, name in enumerate(HEADER):
                painter.setPen(WEEKEND_FG if col >= 5 else PLAIN_FG)
                painter.drawText(QRect(x + col * CELL_W, y + TITLE_H, CELL_W, CELL_H), Qt.AlignCenter, name)
            painter.setPen(GRID)
            painter.drawLine(x, y + TITLE_H + CELL_H, x + size.width(), y + TITLE_H + CELL_H)
            for day in range(1, _calendar.monthrange(self.year, month)[1] + 1):
                d = date(self.year, month, day)
                rect = self._cell(d)
                state = self.state(d)
                if state in ("rest", "work"):
                    painter.fillRect(rect.adjusted(1, 1, -1, -1), REST_BG if state == "rest" else WORK_BG)
                    painter.setPen(REST_FG if state == "rest" else WORK_FG)
                    painter.setFont(bold)
                else:
                    painter.setPen(WEEKEND_FG if state == "weekend" else PLAIN_FG)
                    painter.setFont(base)
                painter.drawText(rect, Qt.AlignCenter, str(day))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.ToolTip:
            pos = event.pos()
            d = self.day_at(pos.x(), pos.y())
            if d is not None and d in self.days:
                working, note = self.days[d]
                what = tr("调休上班") if working else tr("放假")
                QToolTip.showText(event.globalPos(), f"{d.isoformat()} {what}" + (f"（{note}）" if note else ""), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
