"""记录走访 and 化解 of a register entry. A visit's date (not after today), how it was made (上门 or 电话),
who visited, what was found and the risk level then (kept unless changed); the next visit falls due the
interval after the latest visit. 化解 takes the day it was settled and how."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QWidget

from fulian_desktop.domain.localtime import local_date
from fulian_desktop.domain.screening_rules import VisitMethod
from fulian_desktop.services.screening.screening import EntryView

from ..i18n import tr
from ..common.crisis_common import date_edit, day_of, today
from ..common.case_actions_reason import ReasonDialog
from .screening_entry_dialog import risk_combo


class ScreeningVisitDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, entry: EntryView, visitor: str) -> None:
        super().__init__(parent, tr("记录走访：{subject}").format(subject=entry.subject), tr("走访情况"),
                         ok_text=tr("保存"), placeholder=tr("见到了谁、矛盾现状、做了哪些工作、当事人的态度"))
        self.setObjectName("screening_visit_dialog")
        self.entry = entry
        self.visited_on = date_edit(today(), "visit_on")
        self.visited_on.setMaximumDate(self.visited_on.date())
        self.method_box = QWidget(objectName="visit_method")
        self.methods: dict[str, QRadioButton] = {}
        group = QButtonGroup(self.method_box)
        row = QHBoxLayout(self.method_box)
        row.setContentsMargins(0, 0, 0, 0)
        for method in VisitMethod:
            button = QRadioButton(tr(method.label), objectName=f"visit_method_{method.value}")
            group.addButton(button)
            row.addWidget(button)
            self.methods[method.value] = button
        row.addStretch(1)
        self.methods[VisitMethod.VISIT.value].setChecked(True)
        self.visitor = QLineEdit(visitor, objectName="visit_visitor")
        self.visitor.setMaxLength(100)
        self.risk = risk_combo(entry.risk_level.value, "visit_risk")
        self.next_due = QLabel(objectName="visit_next_due")
        self.next_due.setStyleSheet("color:#5f6368")
        self.add_row(tr("走访日期"), self.visited_on)
        self.add_row(tr("走访方式"), self.method_box)
        self.add_row(tr("走访人"), self.visitor)
        self.add_row(tr("风险等级"), self.risk)
        self.add_row("", self.next_due)
        self.visited_on.dateChanged.connect(self._show_next)
        self.visitor.textChanged.connect(self.update_ok)
        self.set_extra_check(lambda: "" if self.visitor.text().strip() else tr("请填写走访人。"))
        self._show_next()

    def _show_next(self) -> None:
        day = day_of(self.visited_on)
        latest = self.entry.last_visit_on is None or day >= self.entry.last_visit_on
        if latest:
            due = day + timedelta(days=self.entry.visit_every_days)
            self.next_due.setText(tr("保存后下次走访日期：{day}（每 {n} 天一次）").format(
                day=due.isoformat(), n=self.entry.visit_every_days))
        else:
            self.next_due.setText(tr("该日期早于上次走访（{day}），只补记历史，不改变下次走访日期。").format(
                day=self.entry.last_visit_on.isoformat()))
        self.update_ok()

    def values(self) -> dict:
        method = next(code for code, button in self.methods.items() if button.isChecked())
        return {"visited_on": day_of(self.visited_on), "visitor": self.visitor.text().strip(),
                "findings": self.reason(), "risk_level": self.risk.currentData(), "method": method}


class ResolveDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, entry: EntryView) -> None:
        super().__init__(parent, tr("化解：{subject}").format(subject=entry.subject), tr("化解情况"),
                         ok_text=tr("确认化解"),
                         notice=tr("化解后该登记不再走访，也不能再修改；如矛盾再次出现，请重新登记。"),
                         placeholder=tr("如：经村调委会调解，双方达成协议并已履行"))
        self.setObjectName("screening_resolve_dialog")
        self.resolved_on = date_edit(today(), "resolve_on")
        self.resolved_on.setMaximumDate(self.resolved_on.date())
        registered = local_date(entry.registered_at)
        self.resolved_on.setMinimumDate(self.resolved_on.date().addDays((registered - today()).days))
        self.add_row(tr("化解日期"), self.resolved_on)

    def values(self) -> dict:
        return {"reason": self.reason(), "resolved_on": day_of(self.resolved_on)}
