"""Adding or editing a case party, checked as the user types.

Every keystroke runs the core's `validate_person`: errors (red) beside the field disable 确定;
warnings (amber, e.g. sex or birth date not matching the ID number) are shown but allowed.
A valid ID number fills sex and birth date. The save runs off the UI thread; on a conflict the
dialog stays open with the input as typed.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fulian_desktop.domain.enums import PartyRole, Sex
from fulian_desktop.domain.errors import ConflictError, FulianError
from fulian_desktop.domain.validation import PersonInput, Report, Severity, validate_person
from fulian_desktop.domain.mandatory_report_rules import CivilCapacity
from fulian_desktop.services.cases import cases, history
from fulian_desktop.services.cases import report_duty
from fulian_desktop.services.cases.history import PartyRecord
from fulian_desktop.services.cases.views import PartyView

from ..errors import message_of, present_error, translated
from ..i18n import tr
from ..qdates import today_qdate
from ..session import AppSession
from ..common.conflict_bar import ConflictBar
from ..common.guard import while_alive
from ..common.validated_field import ValidatedField

# Person.marital_status codes (as the demo data and imports use them).
MARITAL_STATUSES = (("single", QT_TRANSLATE_NOOP("", "未婚")), ("married", QT_TRANSLATE_NOOP("", "已婚")), ("divorced", QT_TRANSLATE_NOOP("", "离异")), ("widowed", QT_TRANSLATE_NOOP("", "丧偶")))
NO_DATE = QDate(1899, 12, 31)  # the date edit's "未填" value


class PartyDialog(QDialog):
    sig_saved = Signal(object)
    """(PartyView) — the party was saved (added or updated)."""

    def __init__(self, session: AppSession, case_id: str, record: PartyRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.record = record
        self.person_version = record.person_version if record else None
        self.saved: PartyView | None = None
        self.report = Report()
        self._filled_from: str | None = None
        self._touched: set[str] = set()
        self._saving = False
        self._mine: dict[str, Any] | None = None
        self.setWindowTitle(tr("编辑当事人") if record else tr("添加当事人"))
        self._build()
        if record is not None:
            self.set_values(self._record_values(record))
            self._filled_from = record.id_number
        self._initial = self.values()
        self.validate()

    # --- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.name = QLineEdit(objectName="party_name", placeholderText=tr("必填"))
        self.name.setMaxLength(60)
        self.role = QComboBox(objectName="party_role")
        for role in PartyRole:
            self.role.addItem(tr(role.label), role.value)
        self.sex = QComboBox(objectName="party_sex")
        for sex in (Sex.UNKNOWN, Sex.FEMALE, Sex.MALE):
            self.sex.addItem(tr(sex.label), sex.value)
        self.id_number = QLineEdit(objectName="party_id_number", placeholderText=tr("18 位，末位可为 X"))
        self.id_number.setMaxLength(24)  # spaces or dashes between the groups are allowed
        self.phone = QLineEdit(objectName="party_phone", placeholderText=tr("手机、座机（如 0731-88888888）"))
        self.birth_date = QDateEdit(objectName="party_birth_date", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.birth_date.setMinimumDate(NO_DATE)
        self.birth_date.setMaximumDate(today_qdate())
        self.birth_date.setSpecialValueText(tr("未填"))
        self.birth_date.setDate(NO_DATE)
        self.address = QLineEdit(objectName="party_address")
        self.address.setMaxLength(320)
        self.marital_status = QComboBox(objectName="party_marital_status")
        self.marital_status.addItem(tr("未填"), None)
        for value, label in MARITAL_STATUSES:
            self.marital_status.addItem(tr(label), value)
        self.occupation = QLineEdit(objectName="party_occupation")
        self.occupation.setMaxLength(100)
        self.capacity = QComboBox(objectName="party_capacity")
        self.capacity.addItem(tr("完全民事行为能力（未记录）"), None)
        for cap in CivilCapacity:
            self.capacity.addItem(tr(cap.label), cap.value)
        self.capacity.setToolTip(tr("成年人不能辨认或不能完全辨认自己行为的，记录在此（民法典第二十一、二十二条）；"
                                    "家暴案件中的此类人员须立即向公安机关强制报告"))
        self.capacity_by = QLineEdit(objectName="party_capacity_by", placeholderText=tr("谁认定或记录了该情况"))
        self.capacity_basis = QLineEdit(objectName="party_capacity_basis",
                                        placeholderText=tr("如：法院认定、医院诊断、工作人员观察"))
        self.confidential = QCheckBox(tr("联系方式保密（住址、电话不向无权限人员和对方当事人显示）"),
                                      objectName="party_confidential")

        self.fields: dict[str, ValidatedField] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for label, editor, field in (
            (tr("姓名"), self.name, "name"), (tr("角色"), self.role, "role"), (tr("身份证号"), self.id_number, "id_number"),
            (tr("性别"), self.sex, "sex"), (tr("出生日期"), self.birth_date, "birth_date"), (tr("联系电话"), self.phone, "phone"),
            (tr("住址"), self.address, "address"), (tr("婚姻状况"), self.marital_status, "marital_status"),
            (tr("职业"), self.occupation, "occupation"),
        ):
            self.fields[field] = ValidatedField(editor, field)
            form.addRow(label, self.fields[field])
        form.addRow("", self.confidential)
        self.capacity_fields = {"capacity_by": ValidatedField(self.capacity_by, "capacity_by"),
                                "capacity_basis": ValidatedField(self.capacity_basis, "capacity_basis")}
        form.addRow(tr("民事行为能力"), ValidatedField(self.capacity, "capacity"))
        form.addRow(tr("记录人"), self.capacity_fields["capacity_by"])
        form.addRow(tr("依据"), self.capacity_fields["capacity_basis"])
        self.capacity.currentIndexChanged.connect(self.validate)
        for line in (self.capacity_by, self.capacity_basis):
            line.textChanged.connect(self.validate)

        for line in (self.name, self.id_number, self.phone, self.address, self.occupation):
            line.textChanged.connect(self.validate)
        self.name.textEdited.connect(lambda _t: (self._touched.add("name"), self.validate()))
        self.name.editingFinished.connect(lambda: (self._touched.add("name"), self.validate()))
        self.id_number.textChanged.connect(self._fill_from_id)
        for combo in (self.sex, self.role, self.marital_status):
            combo.currentIndexChanged.connect(self.validate)
        self.birth_date.dateChanged.connect(self.validate)
        self.confidential.toggled.connect(self.validate)

        self.conflict = ConflictBar(self)
        self.conflict.sig_reload.connect(self.reload_latest)
        self.conflict.sig_restore.connect(self.restore_mine)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(tr("保存"))
        self.ok_button.setObjectName("party_ok")
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel(objectName="party_status")
        self.status.setStyleSheet("color:#666")

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SetMinimumSize)  # grows when a message wraps onto a second line
        layout.addWidget(self.conflict)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(800, self.sizeHint().height())

    # --- values ------------------------------------------------------------------------------------
    @staticmethod
    def _record_values(record: PartyRecord) -> dict[str, Any]:
        return {"name": record.name, "role": record.role.value, "sex": record.sex, "id_number": record.id_number,
                "phone": record.phone, "birth_date": record.birth_date, "address": record.address,
                "marital_status": record.marital_status, "occupation": record.occupation,
                "contact_confidential": record.contact_confidential, "capacity": record.civil_capacity,
                "capacity_by": record.civil_capacity_by, "capacity_basis": record.civil_capacity_basis}

    def values(self) -> dict[str, Any]:
        qdate = self.birth_date.date()
        return {"name": self.name.text(), "role": self.role.currentData(), "sex": self.sex.currentData(),
                "id_number": self.id_number.text().strip() or None, "phone": self.phone.text().strip() or None,
                "birth_date": None if qdate == NO_DATE else qdate.toPython(),
                "address": self.address.text().strip() or None, "marital_status": self.marital_status.currentData(),
                "occupation": self.occupation.text().strip() or None,
                "contact_confidential": self.confidential.isChecked(), "capacity": self.capacity.currentData(),
                "capacity_by": self.capacity_by.text().strip() or None,
                "capacity_basis": self.capacity_basis.text().strip() or None}

    def set_values(self, values: dict[str, Any]) -> None:
        widgets = (self.name, self.role, self.sex, self.id_number, self.phone, self.birth_date, self.address,
                   self.marital_status, self.occupation, self.confidential, self.capacity, self.capacity_by,
                   self.capacity_basis)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.name.setText(values.get("name") or "")
            self.role.setCurrentIndex(max(self.role.findData(values.get("role")), 0))
            self.sex.setCurrentIndex(max(self.sex.findData(values.get("sex") or Sex.UNKNOWN.value), 0))
            self.id_number.setText(values.get("id_number") or "")
            self.phone.setText(values.get("phone") or "")
            born: date | None = values.get("birth_date")
            self.birth_date.setDate(QDate(born.year, born.month, born.day) if born else NO_DATE)
            self.address.setText(values.get("address") or "")
            self._set_marital(values.get("marital_status"))
            self.occupation.setText(values.get("occupation") or "")
            self.confidential.setChecked(bool(values.get("contact_confidential")))
            self.capacity.setCurrentIndex(max(self.capacity.findData(values.get("capacity")), 0))
            self.capacity_by.setText(values.get("capacity_by") or "")
            self.capacity_basis.setText(values.get("capacity_basis") or "")
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.validate()

    def _set_marital(self, value: str | None) -> None:
        if value and self.marital_status.findData(value) < 0:
            self.marital_status.addItem(value, value)  # keep an unknown stored value, never erase it
        self.marital_status.setCurrentIndex(max(self.marital_status.findData(value), 0))

    def person_input(self) -> PersonInput:
        v = self.values()
        return PersonInput(name=v["name"], sex=v["sex"], id_number=v["id_number"], phone=v["phone"],
                           birth_date=v["birth_date"], address=v["address"], marital_status=v["marital_status"],
                           occupation=v["occupation"])

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    # --- live validation ---------------------------------------------------------------------------
    def validate(self) -> Report:
        report, info = validate_person(self.person_input())
        self.report = report
        for field, widget in self.fields.items():
            issues = report.for_field(field)
            if field == "name" and "name" not in self._touched and self.record is None:
                issues = [i for i in issues if i.code != "required"]  # not shouted at before typing
            errors = [i for i in issues if i.severity == Severity.ERROR]
            warnings = [i for i in issues if i.severity == Severity.WARNING]
            if errors:
                widget.set_issue("error", "；".join(translated(i.message) for i in errors))
            elif warnings:
                widget.set_issue("warning", "；".join(translated(i.message) for i in warnings))
            else:
                widget.set_issue(None)
                if field == "id_number" and info is not None:
                    widget.set_note(info.region)  # the place the number names, beside it
        self._update_ok()
        return report

    def _capacity_errors(self) -> list[str]:
        """Who recorded an adult's limited capacity, and on what basis, are required (the core says so too)."""
        full = self.capacity.currentData() is None
        self.capacity_by.setEnabled(not full)
        self.capacity_basis.setEnabled(not full)
        errors = []
        for key, line, msg in (("capacity_by", self.capacity_by, tr("请填写记录人（谁认定或记录了该情况）。")),
                               ("capacity_basis", self.capacity_basis, tr("请填写依据（如法院认定、医院诊断、工作人员观察）。"))):
            missing = not full and not line.text().strip()
            if hasattr(self, "capacity_fields"):
                self.capacity_fields[key].set_issue("error" if missing else None, msg if missing else "")
            if missing:
                errors.append(msg)
        return errors

    def _capacity_changed(self) -> bool:
        keys = ("capacity", "capacity_by", "capacity_basis")
        mine = self.values()
        return any(mine[k] != self._initial.get(k) for k in keys) if hasattr(self, "_initial") else False

    def _update_ok(self) -> None:
        errors = [translated(i.message) for i in self.report.issues if i.severity == Severity.ERROR] + self._capacity_errors()
        self.ok_button.setEnabled(not errors and not self._saving)
        self.ok_button.setToolTip(tr("请先改正：{errors}").format(errors="；".join(errors)) if errors else "")
        if self._saving:
            self.status.setText(tr("正在保存…"))
        elif errors and not self.fields["name"].severity and any(i.field == "name" for i in self.report.issues):
            self.status.setText(tr("请填写姓名后保存。"))  # the one error not yet shown beside its field
        else:
            self.status.setText("")

    def _fill_from_id(self) -> None:
        """A valid ID number states sex and birth date: fill them once per newly entered number."""
        _report, info = validate_person(PersonInput(name="-", id_number=self.id_number.text()))
        if info is None or info.number == self._filled_from:
            return
        self._filled_from = info.number
        for widget in (self.sex, self.birth_date):
            widget.blockSignals(True)
        self.sex.setCurrentIndex(self.sex.findData(Sex.MALE.value if info.sex == "男" else Sex.FEMALE.value))
        born = info.birth_date
        self.birth_date.setDate(QDate(born.year, born.month, born.day))
        for widget in (self.sex, self.birth_date):
            widget.blockSignals(False)
        self.validate()

    # --- saving ------------------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving or not self.validate().ok:
            return
        self._set_saving(True)
        data = self.person_input()
        v = self.values()
        role = PartyRole(v["role"])
        if self.record is None:
            self.session.write(cases.add_party, self.case_id, data, role,
                               contact_confidential=v["contact_confidential"],
                               on_done=while_alive(self, self._saved), on_error=while_alive(self, self._failed))
        else:
            self.session.write(cases.update_party, self.record.id, self.person_version, data, role=role,
                               contact_confidential=v["contact_confidential"],
                               on_done=while_alive(self, self._saved), on_error=while_alive(self, self._failed))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._update_ok()

    def _saved(self, view: PartyView) -> None:
        if self._capacity_changed():   # recorded on its own: it is audited and may raise a mandatory report
            v = self.values()
            self._initial = {**self._initial, "capacity": v["capacity"], "capacity_by": v["capacity_by"],
                             "capacity_basis": v["capacity_basis"]}
            self.session.write(report_duty.record_capacity, view.id, v["capacity"],
                               recorded_by=v["capacity_by"] or "", basis=v["capacity_basis"] or "",
                               on_done=while_alive(self, lambda _raised: self._saved(view)),
                               on_error=while_alive(self, self._failed))
            return
        self._set_saving(False)
        self.saved = view
        self.conflict.clear()
        self.sig_saved.emit(view)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        present_error(self, exc)
        if isinstance(exc, ConflictError) and self.record is not None:
            self.conflict.show_conflict(tr("该当事人信息"))
        elif isinstance(exc, FulianError) and exc.field in self.fields:
            self.fields[exc.field].set_issue("error", message_of(exc))

    def reload_latest(self) -> None:
        """After a conflict: load the latest record, keep the user's input aside to restore."""
        if self.record is None:
            return
        self._mine = self.values()
        self.session.read(history.party_record, self.record.id, on_done=while_alive(self, self._reloaded),
                          on_error=while_alive(self, lambda exc: present_error(self, exc)))

    def _reloaded(self, record: PartyRecord) -> None:
        self.record = record
        self.person_version = record.person_version
        self.set_values(self._record_values(record))
        self._filled_from = record.id_number
        self._initial = self.values()
        self.conflict.show_reloaded(record.person_version)

    def restore_mine(self) -> None:
        if self._mine is not None:
            self.set_values(self._mine)
            self._filled_from = self._mine.get("id_number")
        self.conflict.clear()

    def reject(self) -> None:
        if self._saving:
            return  # the save is under way; its result decides
        super().reject()
