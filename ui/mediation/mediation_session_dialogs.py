"""安排调解 and 记录调解 (the 调解笔录). The record dialog checks what the core checks
(mediation_rules.missing_record_items, a note for an outcome that ends the mediation, a time not in the future)
and names everything missing, both live under the form and in a message when 保存 is pressed too early."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget,
)

from fulian_desktop.domain.dv_mediation import SessionMode
from fulian_desktop.domain.mediation_rules import (
    SIGNATORY_ROLES, Notice, SessionOutcome, missing_record_items,
)
from fulian_desktop.services.mediation.mediation_sessions import MediatorRef, PartyRef, SessionView

from ..i18n import tr
from .mediation_data import from_qdatetime, local_at, now_local
from .mediation_statements import StatementsEditor
from .mediation_base import MediationDialog, datetime_edit


def check_grid(items: list[tuple[str, str]], name: str, checked: set[str], on_change, columns: int = 3  # noqa: ANN001
               ) -> tuple[QWidget, dict[str, QCheckBox]]:
    """A grid of checkboxes (code, label) named `<name>_<index>`."""
    box = QWidget(objectName=name)
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    boxes: dict[str, QCheckBox] = {}
    for i, (code, label) in enumerate(items):
        check = QCheckBox(label, objectName=f"{name}_{i}")
        check.setChecked(code in checked)
        check.toggled.connect(on_change)
        boxes[code] = check
        grid.addWidget(check, i // columns, i % columns)
    return box, boxes


def party_label(p: PartyRef) -> str:
    return tr("{name}（{role}）").format(name=p.name, role=p.role_label)


class ScheduleDialog(MediationDialog):
    """`joint_blocked`: why a joint (面对面) session cannot be scheduled now (a DV case without a cleared safety
    screening); the dialog then offers only the separate (背对背) mode and says why."""

    def __init__(self, parent: QWidget | None, parties: tuple[PartyRef, ...], mediators: tuple[MediatorRef, ...],
                 me: str | None, *, joint_blocked: str = "") -> None:
        super().__init__(parent, tr("安排调解"), ok_text=tr("安排"), notice=joint_blocked)
        self.setObjectName("mediation_schedule_dialog")
        self.mode = QComboBox(objectName="schedule_mode")
        self.mode.addItem(tr("联合调解（面对面）"), SessionMode.JOINT.value)
        self.mode.addItem(tr("背对背调解（分别进行）"), SessionMode.SEPARATE.value)
        if joint_blocked:
            self.mode.model().item(0).setEnabled(False)
            self.mode.setCurrentIndex(1)
        self.when = datetime_edit("schedule_when", local_at(now_local().date() + timedelta(days=1), 9, 30))
        self.place = QLineEdit(objectName="schedule_place", placeholderText=tr("例如：郭亮村人民调解室"))
        self.place.setMaxLength(200)
        self.mediators = QListWidget(objectName="schedule_mediators")
        for m in mediators:
            item = QListWidgetItem(m.name)
            item.setData(Qt.UserRole, m.user_id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if m.user_id == me else Qt.Unchecked)
            self.mediators.addItem(item)
        self.mediators.setMaximumHeight(120)
        self.mediators.setToolTip(tr("空格键勾选或取消"))
        self.mediators.itemChanged.connect(self.update_ok)
        self.recorder = QLineEdit(objectName="schedule_recorder", placeholderText=tr("记录人姓名（可不填）"))
        self.recorder.setMaxLength(60)
        expected = {p.id for p in parties if p.role in SIGNATORY_ROLES}
        self.expected_box, self.expected = check_grid([(p.id, party_label(p)) for p in parties],
                                                      "schedule_party", expected, self.update_ok)
        self.add_row(tr("调解方式"), self.mode)
        self.add_row(tr("调解时间"), self.when)
        self.add_row(tr("地点"), self.place)
        self.add_row(tr("调解员"), self.mediators)
        self.add_row(tr("记录人"), self.recorder)
        self.add_row(tr("应到当事人"), self.expected_box)
        self.place.textChanged.connect(self.update_ok)
        self.no_mediators = not mediators
        self.finish_layout(560)

    def mediator_ids(self) -> list[str]:
        return [self.mediators.item(i).data(Qt.UserRole) for i in range(self.mediators.count())
                if self.mediators.item(i).checkState() == Qt.Checked]

    def problem(self) -> str:
        if not self.place.text().strip():
            return tr("请填写调解地点。")
        if self.no_mediators:
            return tr("没有可选择的调解员（须为您管辖范围内、可办理案件的在岗用户）。")
        if not self.mediator_ids():
            return tr("请至少选择一名调解员。")
        return ""

    def values(self) -> dict:
        return {"scheduled_at": from_qdatetime(self.when.dateTime()), "place": self.place.text().strip(),
                "mediator_ids": self.mediator_ids(), "recorder": self.recorder.text().strip() or None,
                "expected_party_ids": [pid for pid, box in self.expected.items() if box.isChecked()],
                "mode": self.mode.currentData()}


class RecordSessionDialog(MediationDialog):
    def __init__(self, parent: QWidget | None, session: SessionView, parties: tuple[PartyRef, ...]) -> None:
        super().__init__(parent, tr("记录调解：{when}").format(when=session.scheduled_text), strict=False,
                         refuse_title=tr("调解记录不完整"),
                         notice=tr("安排：{when}，{place}；调解员 {names}{recorder}。保存后笔录不能再改。").format(
                             when=session.scheduled_text, place=session.place, names=session.mediator_names,
                             recorder=tr("；记录人 {name}").format(name=session.recorder) if session.recorder else ""))
        self.setObjectName("mediation_record_dialog")
        now = now_local()
        self.held_at = datetime_edit("record_held_at", min(session.scheduled_at, now))
        expected = {p.id for p in session.expected_parties}
        self.present_box, self.present = check_grid([(p.id, party_label(p)) for p in parties],
                                                    "record_present", expected, self.update_ok)
        self.notices_box, self.notices = check_grid([(n.value, n.label) for n in Notice], "record_notice", set(),
                                                    self.update_ok, columns=2)
        self.statements = StatementsEditor(parties)
        self.statements.add_row()
        self.statements.sig_changed.connect(self.update_ok)
        self.statements.setMinimumHeight(220)
        self.outcome = QComboBox(objectName="record_outcome")
        self.outcome.addItem(tr("请选择"), None)
        for o in SessionOutcome:
            self.outcome.addItem(tr(o.label), o.value)
        self.note = QLineEdit(objectName="record_note",
                              placeholderText=tr("结果说明；调解不成、撤回或拒绝调解时须写明哪一方、因何"))
        self.note.setMaxLength(500)
        self.add_row(tr("调解时间"), self.held_at)
        self.add_row(tr("到场当事人"), self.present_box)
        self.add_row(tr("告知事项"), self.notices_box)
        statements_label = QLabel(tr("调解笔录"))
        statements_label.setBuddy(self.statements.add_button)
        self.form.addRow(statements_label, self.statements)
        self.add_row(tr("调解结果"), self.outcome)
        self.add_row(tr("结果说明"), self.note)
        for signal in (self.held_at.dateTimeChanged, self.outcome.currentIndexChanged, self.note.textChanged):
            signal.connect(self.update_ok)
        self.finish_layout(820)
        self.resize(860, 780)

    def checked(self, boxes: dict[str, QCheckBox]) -> list[str]:
        return [code for code, box in boxes.items() if box.isChecked()]

    def missing(self) -> list[str]:
        return missing_record_items(from_qdatetime(self.held_at.dateTime()), self.checked(self.present),
                                    self.checked(self.notices), self.statements.statements(),
                                    self.outcome.currentData())

    def problem(self) -> str:
        missing = self.missing()
        if missing:
            return tr("调解记录不完整，缺少：{items}。").format(items=tr("、").join(missing))
        if from_qdatetime(self.held_at.dateTime()) > now_local() + timedelta(minutes=10):
            return tr("调解时间不能晚于现在。")
        outcome = SessionOutcome(self.outcome.currentData())
        if outcome.ends_mediation and not self.note.text().strip():
            return tr("调解结果为“{label}”时须说明情况（如哪一方、因何{label}）。").format(label=tr(outcome.label))
        return ""

    def values(self) -> dict:
        return {"held_at": from_qdatetime(self.held_at.dateTime()), "parties_present": self.checked(self.present),
                "notices_given": self.checked(self.notices), "statements": self.statements.statements(),
                "outcome": self.outcome.currentData(), "outcome_note": self.note.text().strip() or None}
