"""Table models of the screening register page: the register (columns per REGISTER_COLUMNS, overdue
rows tinted, the risk level coloured), the overdue visits and the online-opinion leads."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from fulian_desktop.domain.screening_rules import EntryStatus
from fulian_desktop.services.intake.leads import LEAD_COLUMNS, LeadStatus, LeadView
from fulian_desktop.services.screening.screening import REGISTER_COLUMNS, EntryView, OverdueTask

from ..i18n import tr
from ..common.crisis_common import LEVEL_TEXT, OVERDUE_TINT
from ..common.list_table import Column, ListTableModel


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _risk_colour(item: Any) -> str | None:
    return LEVEL_TEXT.get(item.risk_level.value)


def _address_text(entry: EntryView) -> str:
    return tr("（无权查看）") if entry.redacted else _text(entry.address)


def _field_text(key: str) -> Callable[[EntryView], str]:
    return lambda entry: _text(getattr(entry, key))


def register_columns() -> list[Column[EntryView]]:
    columns: list[Column[EntryView]] = []
    for key, header in REGISTER_COLUMNS.items():
        text = _address_text if key == "address" else _field_text(key)
        columns.append(Column(key, header, text, colour=_risk_colour if key == "risk_label" else None))
    return columns


class RegisterModel(ListTableModel[EntryView]):
    """Overdue rows on a light red ground; 已化解 and 已转案件 in grey."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(register_columns(), parent)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is not None and role == Qt.BackgroundRole and item.overdue:
            return QBrush(QColor(OVERDUE_TINT))
        if item is not None and role == Qt.ForegroundRole and item.status != EntryStatus.ACTIVE \
                and self.columns[index.column()].key != "risk_label":
            return QBrush(QColor("#80868b"))
        if item is not None and role == Qt.FontRole and self.columns[index.column()].key in ("risk_label",
                                                                                             "overdue_label"):
            font = QFont()
            font.setBold(True)
            return font
        if item is not None and role == Qt.ForegroundRole and self.columns[index.column()].key == "overdue_label":
            return QBrush(QColor("#b3261e"))
        return super().data(index, role)

    def row_of(self, entry_id: str) -> int:
        return next((i for i, e in enumerate(self.items) if e.id == entry_id), -1)


def overdue_columns() -> list[Column[OverdueTask]]:
    return [
        Column("unit_name", tr("村（社区）"), lambda t: t.unit_name),
        Column("subject", tr("重点家庭/人员"), lambda t: t.subject),
        Column("risk_label", tr("风险等级"), lambda t: t.risk_label, colour=_risk_colour),
        Column("responsible_name", tr("责任人"), lambda t: t.responsible_name),
        Column("due_on", tr("应走访日期"), lambda t: t.due_on.isoformat()),
        Column("days_overdue", tr("逾期"), lambda t: tr("{n} 天").format(n=t.days_overdue),
               colour=lambda _t: "#b3261e"),
    ]


class OverdueModel(ListTableModel[OverdueTask]):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(overdue_columns(), parent)


def lead_columns() -> list[Column[LeadView]]:
    getters = {"seen_on": lambda v: v.seen_on.isoformat(), "case_no": lambda v: v.case_no or "",
               "status_label": lambda v: tr(v.status_label), "outcome": lambda v: v.outcome or ""}
    colours = {LeadStatus.OPEN: "#9a6700", LeadStatus.CASE_OPENED: "#1e7e34", LeadStatus.DISMISSED: "#80868b"}
    return [Column(key, header, getters.get(key, lambda v, k=key: _text(getattr(v, k))),
                   colour=(lambda v: colours[v.status]) if key == "status_label" else None)
            for key, header in LEAD_COLUMNS.items()]


class LeadsModel(ListTableModel[LeadView]):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(lead_columns(), parent)
