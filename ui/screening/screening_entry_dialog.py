"""新增排查登记: a key family or person on a village's register — who (a subject, and optionally a
person on record), where, the risk level, the reason, the person responsible and the visit interval
(monthly by default; the first visit falls due that many days from today unless another day is chosen).
"""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QSpinBox, QWidget

from fulian_desktop.domain.enums import DISPUTE_TYPES
from fulian_desktop.domain.screening_rules import (
    DEFAULT_VISIT_EVERY_DAYS, MAX_VISIT_EVERY_DAYS, RiskLevel, classify_reason,
)
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.screening import screening
from fulian_desktop.services.accounts.orgunits import OrgUnitView

from ..errors import present_error
from ..i18n import tr
from ..session import AppSession
from ..common.crisis_common import date_edit, day_of, set_date, today
from ..common.guard import while_alive
from ..common.case_actions_reason import ReasonDialog


def risk_combo(selected: str = RiskLevel.MEDIUM.value, object_name: str = "") -> QComboBox:
    combo = QComboBox(objectName=object_name)
    for level in RiskLevel:
        combo.addItem(tr("{level}风险").format(level=tr(level.label)), level.value)
    combo.setCurrentIndex(max(0, combo.findData(selected)))
    return combo


class ScreeningEntryDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, session: AppSession, villages: list[OrgUnitView],
                 unit_id: str | None = None) -> None:
        super().__init__(parent, tr("新增排查登记"), tr("排查原因"), ok_text=tr("登记"),
                         placeholder=tr("如：夫妻长期争吵，丈夫酒后打骂，邻居多次劝阻"))
        self.setObjectName("screening_entry_dialog")
        self.session = session
        self.unit = QComboBox(objectName="entry_unit")
        for unit in villages:
            self.unit.addItem(unit.name, unit.id)
        if unit_id:
            self.unit.setCurrentIndex(max(0, self.unit.findData(unit_id)))
        self.subject = QLineEdit(objectName="entry_subject")
        self.subject.setPlaceholderText(tr("如：张某某家庭；登记了重点人员时可不填，默认用其姓名"))
        self.subject.setMaxLength(200)
        self.with_person = QCheckBox(tr("登记重点人员（可不填）"), objectName="entry_with_person")
        self.person_box = QWidget(objectName="entry_person")
        self.person_name = QLineEdit(objectName="entry_person_name", placeholderText=tr("姓名"))
        self.person_sex = QComboBox(objectName="entry_person_sex")
        for value, label in (("unknown", tr("性别未知")), ("female", tr("女")), ("male", tr("男"))):
            self.person_sex.addItem(label, value)
        self.person_phone = QLineEdit(objectName="entry_person_phone", placeholderText=tr("电话（可不填）"))
        self.person_id = QLineEdit(objectName="entry_person_id", placeholderText=tr("身份证号（可不填）"))
        grid = QGridLayout(self.person_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.person_name, 0, 0)
        grid.addWidget(self.person_sex, 0, 1)
        grid.addWidget(self.person_phone, 1, 0)
        grid.addWidget(self.person_id, 1, 1)
        self.person_box.setEnabled(False)
        self.with_person.toggled.connect(self.person_box.setEnabled)
        self.address = QLineEdit(objectName="entry_address", placeholderText=tr("住址（可不填）"))
        self.address.setMaxLength(300)
        self.risk = risk_combo(object_name="entry_risk")
        self.category = QComboBox(objectName="entry_category")
        self.category.addItem(tr("按排查原因自动判断"), None)
        for kind in DISPUTE_TYPES:
            self.category.addItem(tr(kind), kind)
        self.text.textChanged.connect(self._guess_category)
        self.responsible = QComboBox(objectName="entry_responsible")
        self.every = QSpinBox(objectName="entry_every")
        self.every.setRange(1, MAX_VISIT_EVERY_DAYS)
        self.every.setValue(DEFAULT_VISIT_EVERY_DAYS)
        self.every.setSuffix(tr(" 天"))
        self.first_due = date_edit(today() + timedelta(days=DEFAULT_VISIT_EVERY_DAYS), "entry_first_due")
        self._due_follows = True
        self.first_due.dateChanged.connect(self._due_edited)
        self.every.valueChanged.connect(self._every_changed)

        self.add_row(tr("村（社区）"), self.unit)
        self.add_row(tr("重点家庭/人员"), self.subject)
        self.add_row("", self.with_person)
        self.add_row("", self.person_box)
        self.add_row(tr("住址"), self.address)
        self.add_row(tr("风险等级"), self.risk)
        self.add_row(tr("纠纷类别"), self.category)
        self.add_row(tr("责任人"), self.responsible)
        self.add_row(tr("走访周期"), self.every)
        self.add_row(tr("首次走访日期"), self.first_due)
        for signal in (self.subject.textChanged, self.with_person.toggled, self.person_name.textChanged,
                       self.responsible.currentIndexChanged):
            signal.connect(self.update_ok)
        self.unit.currentIndexChanged.connect(self._load_responsible)
        self.set_extra_check(self._problem)
        self._loading = False
        self._load_responsible()
        self.resize(640, self.sizeHint().height())

    def _guess_category(self) -> None:
        """The first item says what the reason's words suggest, until the user picks a category."""
        guess = classify_reason(self.reason()).dispute_type
        self.category.setItemText(0, tr("按排查原因自动判断（{kind}）").format(kind=tr(guess)) if guess
                                  else tr("按排查原因自动判断"))

    def _every_changed(self, days: int) -> None:
        if self._due_follows:
            self.first_due.blockSignals(True)
            set_date(self.first_due, today() + timedelta(days=days))
            self.first_due.blockSignals(False)

    def _due_edited(self) -> None:
        self._due_follows = False

    def _load_responsible(self) -> None:
        unit_id = self.unit.currentData()
        self.responsible.clear()
        if not unit_id:
            return
        self._loading = True
        self.responsible.addItem(tr("正在加载…"), None)
        self.responsible.setEnabled(False)
        self.session.read(screening.responsible_candidates, unit_id,
                          on_done=while_alive(self, lambda rows, u=unit_id: self._responsible_loaded(u, rows)),
                          on_error=while_alive(self, self._responsible_failed))

    def _responsible_loaded(self, unit_id: str, rows: list[tuple[str, str]]) -> None:
        if unit_id != self.unit.currentData():
            return
        self._loading = False
        self.responsible.clear()
        for user_id, name in rows:
            self.responsible.addItem(name, user_id)
        if not rows:
            self.responsible.addItem(tr("没有可担任责任人的人员"), None)
        self.responsible.setEnabled(bool(rows))
        self.update_ok()

    def _responsible_failed(self, exc: BaseException) -> None:
        self._loading = False
        present_error(self, exc)

    def _problem(self) -> str:
        if self.unit.currentData() is None:
            return tr("请选择村（社区）。")
        has_person = self.with_person.isChecked() and self.person_name.text().strip()
        if self.with_person.isChecked() and not self.person_name.text().strip():
            return tr("请填写重点人员的姓名，或取消勾选。")
        if not self.subject.text().strip() and not has_person:
            return tr("请填写重点家庭或人员。")
        if getattr(self, "_loading", True):
            return tr("正在加载责任人…")
        if self.responsible.currentData() is None:
            return tr("请选择责任人。")
        return ""

    def values(self) -> dict:
        person = None
        if self.with_person.isChecked() and self.person_name.text().strip():
            person = PersonInput(name=self.person_name.text().strip(), sex=self.person_sex.currentData(),
                                 phone=self.person_phone.text().strip() or None,
                                 id_number=self.person_id.text().strip() or None,
                                 address=self.address.text().strip() or None)
        return {"subject": self.subject.text().strip() or None, "reason": self.reason(),
                "risk_level": self.risk.currentData(), "unit_id": self.unit.currentData(), "person": person,
                "address": self.address.text().strip() or None, "responsible_id": self.responsible.currentData(),
                "visit_every_days": self.every.value(), "first_visit_due": day_of(self.first_due),
                "category": self.category.currentData()}
