"""The rows of the mediation calendar (one per session, CalendarEntry): today's sessions in bold on a light
background, cancelled ones grey, held ones green."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from fulian_desktop.domain.mediation_rules import SessionStatus
from fulian_desktop.services.mediation.mediation_sessions import CalendarEntry

from ..i18n import tr
from ..common.list_table import Column, ListTableModel

STATUS_COLOURS = {SessionStatus.SCHEDULED: None, SessionStatus.HELD: "#1e7e34", SessionStatus.CANCELLED: "#80868b"}
TODAY_BACKGROUND = "#fff8e1"


def weekday_name(day: date) -> str:
    return (tr("周一"), tr("周二"), tr("周三"), tr("周四"), tr("周五"), tr("周六"), tr("周日"))[day.weekday()]


def day_text(e: CalendarEntry) -> str:
    return tr("{md}（{weekday}）").format(md=e.day.strftime("%m-%d"), weekday=weekday_name(e.day))


def status_text(e: CalendarEntry) -> str:
    return e.status_label + (tr("：{outcome}").format(outcome=e.outcome_label) if e.outcome_label else "")


def calendar_columns() -> list[Column[CalendarEntry]]:
    colour = lambda e: STATUS_COLOURS.get(e.status)  # noqa: E731
    return [Column("day", tr("日期"), day_text), Column("time", tr("时间"), lambda e: e.time_text),
            Column("case_no", tr("案号"), lambda e: e.case_no), Column("title", tr("案件"), lambda e: e.case_title),
            Column("place", tr("地点"), lambda e: e.place), Column("mediators", tr("调解员"), lambda e: e.mediator_names),
            Column("unit", tr("单位"), lambda e: e.unit_name), Column("status", tr("状态"), status_text, colour)]


class MediationCalendarModel(ListTableModel[CalendarEntry]):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(calendar_columns(), parent)
        self.today: date | None = None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is not None and item.day == self.today:
            if role == Qt.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.BackgroundRole:
                return QBrush(QColor(TODAY_BACKGROUND))
        return super().data(index, role)
