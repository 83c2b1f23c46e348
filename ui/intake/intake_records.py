"""The 接待记录 tab: the reception-register entries joined to this case, oldest first.

A list view, as the register itself: contacts are masked and addresses left out; the full entry is
opened from the register."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.intake.intake import IntakeView

from ..i18n import tr
from ..common.case_actions_table import fit_columns, setup_table

COLUMNS = (QT_TRANSLATE_NOOP("", "接待时间"), QT_TRANSLATE_NOOP("", "渠道"), QT_TRANSLATE_NOOP("", "来访人"), QT_TRANSLATE_NOOP("", "人数"), QT_TRANSLATE_NOOP("", "诉求"), QT_TRANSLATE_NOOP("", "处理决定"), QT_TRANSLATE_NOOP("", "重复访"), QT_TRANSLATE_NOOP("", "接待单位"))


def intake_cells(v: IntakeView) -> tuple[str, ...]:
    visitor = v.visitor_name + (tr("（{age} 岁）").format(age=v.age) if v.age else "")
    people = tr("{people_count} 人").format(people_count=v.people_count) + (tr("（集体访）") if v.is_group else "")
    decision = tr(v.decision.label)
    if v.transfer_to:
        decision += tr("至{body}").format(body=v.transfer_to)
    if v.decision_note:
        decision += f"：{v.decision_note}"
    return (format_local(v.received_at), v.channel.label, visitor, people, v.request, decision,
            tr("是") if v.is_repeat else tr("否"), v.unit_name)


class IntakeRecordsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views: tuple[IntakeView, ...] = ()
        self.table = QTableWidget(0, len(COLUMNS), objectName="intake_records_table")
        setup_table(self.table, COLUMNS, wrap=True)
        self.empty = QLabel(tr("本案没有关联的接待登记。"), objectName="intake_records_empty")
        self.empty.setStyleSheet("color:#666")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def set_intakes(self, views: tuple[IntakeView, ...]) -> None:
        self.views = views
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            for column, text in enumerate(intake_cells(view)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        fit_columns(self.table, stretch=4, caps={2: 200, 5: 260, 7: 160})
        self.empty.setVisible(not views)
