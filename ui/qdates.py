"""Dates between Qt's date widgets and the core: plain `date` values, today in China time."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from fulian_desktop.domain import clock


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def today_qdate() -> QDate:
    """Today in China, never the machine's own date (QDate.currentDate)."""
    return to_qdate(clock.today_local())
