"""The editors of the intake form, in tab order, and the IntakeInput they make.

Kept apart from the page so the page holds only behaviour: checking, the duplicate lookup, saving.
Object names equal the IntakeInput field names (prefixed `intake_`), as the validation report names them.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Callable

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QDateTime, QElapsedTimer, QEvent, QObject, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import COMPLAINT_CATEGORIES, Sex
from fulian_desktop.domain.intake_rules import (
    MAX_AGE,
    MAX_PEOPLE,
    MAX_REPRESENTATIVES,
    Channel,
    IntakeDecision,
    IntakeInput,
    MaritalStatus,
)
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.pinyin import name_search_keys
from fulian_desktop.domain.triage import Signal as TriageSignal

from ..i18n import tr
from ..qdates import today_qdate
from ..common.quick_datetime import QuickDateTimeEdit
from ..common.validated_field import ValidatedField

NO_DATE = QDate(1899, 12, 31)   # the date edit's "未填" value
NO_AGE = -1                     # the age box's "未填" value
NOTE_LABELS = {
    IntakeDecision.ACCEPT: QT_TRANSLATE_NOOP("", "受理意见(&Y)"), IntakeDecision.REJECT: QT_TRANSLATE_NOOP("", "不予受理理由(&Y)"), IntakeDecision.TRANSFER: QT_TRANSLATE_NOOP("", "转办说明(&Y)"),
    IntakeDecision.ANSWERED: QT_TRANSLATE_NOOP("", "答复内容(&Y)"), IntakeDecision.CONSULTATION: QT_TRANSLATE_NOOP("", "咨询答复(&Y)"),
}
# The triage questions asked at the desk (Alt+1 … Alt+4), in domain.triage.Signal's order.
TRIAGE_QUESTIONS = {
    TriageSignal.VIOLENCE: QT_TRANSLATE_NOOP("", "家中打骂、虐待或性侵(&1)"),
    TriageSignal.THREAT: QT_TRANSLATE_NOOP("", "受威胁、跟踪或凶器恐吓(&2)"),
    TriageSignal.SELF_HARM: QT_TRANSLATE_NOOP("", "提到自杀或自伤(&3)"),
    TriageSignal.CHILD: QT_TRANSLATE_NOOP("", "孩子受伤害或无人照料(&4)"),
}
_ACCELERATOR = re.compile(r"\(&.\)|&(?=.)")


def plain(label: str) -> str:
    """A label without its accelerator: "姓名(&N)" -> "姓名" (for messages that name fields)."""
    return _ACCELERATOR.sub("", label)
NOTE_HINTS = {
    IntakeDecision.ACCEPT: QT_TRANSLATE_NOOP("", "可不填"), IntakeDecision.REJECT: QT_TRANSLATE_NOOP("", "必填：报督导审批，并书面告知信访人"),
    IntakeDecision.TRANSFER: QT_TRANSLATE_NOOP("", "可不填"), IntakeDecision.ANSWERED: QT_TRANSLATE_NOOP("", "可不填：当场告知的内容"),
    IntakeDecision.CONSULTATION: QT_TRANSLATE_NOOP("", "可不填"),
}


class Representatives(QWidget):
    """Up to five representatives of a group visit (信访工作条例 art. 20), one box each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes = [QLineEdit(objectName=f"intake_representative_{i + 1}", placeholderText=tr("代表 {i}").format(i=i + 1))
                      for i in range(MAX_REPRESENTATIVES)]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for box in self.boxes:
            box.setMaxLength(50)
            box.setMinimumWidth(56)
            layout.addWidget(box)

    def names(self) -> tuple[str, ...]:
        return tuple(b.text().strip() for b in self.boxes if b.text().strip())

    def clear(self) -> None:
        for box in self.boxes:
            box.clear()


class IntakeEditors:
    """Creates the editors; `editors()` gives them in tab order, `to_input()` reads them."""

    def __init__(self) -> None:
        self.channel = QComboBox(objectName="intake_channel")
        for channel in Channel:
            self.channel.addItem(tr(channel.label), channel.value)
        self.received_at = QuickDateTimeEdit(object_name="intake_received_at")
        self.name = QLineEdit(objectName="intake_name", placeholderText=tr("必填；不愿透露的可填“匿名”"))
        self.name.setMaxLength(60)
        self.sex = QComboBox(objectName="intake_sex")
        for sex in (Sex.UNKNOWN, Sex.FEMALE, Sex.MALE):
            self.sex.addItem(tr(sex.label), sex.value)
        self.age = QSpinBox(objectName="intake_age", minimum=NO_AGE, maximum=MAX_AGE)
        self.age.setSpecialValueText(tr("未填"))
        self.age.setSuffix(tr(" 岁"))
        self.id_number = QLineEdit(objectName="intake_id_number", placeholderText=tr("18 位，末位可为 X；填写后自动查重"))
        self.id_number.setMaxLength(24)  # spaces or dashes between the groups are allowed
        self.birth_date = QDateEdit(objectName="intake_birth_date", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.birth_date.setMinimumDate(NO_DATE)
        self.birth_date.setSpecialValueText(tr("未填"))
        self.phone = QLineEdit(objectName="intake_phone", placeholderText=tr("手机或座机（如 0731-88888888）"))
        self.phone.setMaxLength(30)
        self.marital_status = QComboBox(objectName="intake_marital_status")
        self.marital_status.addItem(tr("未填"), None)
        for status in MaritalStatus:
            self.marital_status.addItem(tr(status.label), status.value)
        self.address = QLineEdit(objectName="intake_address", placeholderText=tr("用于书面告知"))
        self.address.setMaxLength(300)
        self.people_count = QSpinBox(objectName="intake_people_count", minimum=1, maximum=MAX_PEOPLE)
        self.people_count.setSuffix(tr(" 人"))
        self.is_group = QCheckBox(tr("集体访（多人共同走访）(&G)"), objectName="intake_is_group")
        self.representatives = Representatives()
        self.request = _text_box("intake_request", tr("信访人的请求（必填）"))
        self.facts = _text_box("intake_facts", tr("事实和理由"))
        self.category = QComboBox(objectName="intake_category")
        self.category.addItem(tr("请选择"), None)
        for category in COMPLAINT_CATEGORIES:
            self.category.addItem(tr(category), category)
        self.sub_category = QComboBox(objectName="intake_sub_category")
        self.category.currentIndexChanged.connect(self._fill_sub_categories)
        self.decision = QComboBox(objectName="intake_decision")
        self.decision.addItem(tr("请选择"), None)
        for decision in IntakeDecision:
            self.decision.addItem(tr(decision.label), decision.value)
        self.decision_note = QLineEdit(objectName="intake_decision_note")
        self.decision_note.setMaxLength(2000)
        self.transfer_to = QLineEdit(objectName="intake_transfer_to", placeholderText=tr("转往的机关或单位，如 望城区人民法院"))
        self.transfer_to.setMaxLength(200)
        self.is_repeat = QCheckBox(tr("重复访(&W)"), objectName="intake_is_repeat")
        self.triage = {signal: QCheckBox(tr(text), objectName=f"intake_triage_{signal.value}")
                       for signal, text in TRIAGE_QUESTIONS.items()}
        self.domestic_violence = QCheckBox(tr("标记为家暴案件(&J)"), objectName="intake_domestic_violence")
        self.major_incident = QCheckBox(tr("标记为重大案事件(&R)"), objectName="intake_major_incident")
        self.triage_box = TriageBox(self)
        self._fill_sub_categories()
        self.clear()

    # --- order and signals ----------------------------------------------------------------------
    def editors(self) -> list[QWidget]:
        """Every focusable editor, in tab order."""
        return [self.channel, self.received_at, self.name, self.id_number, self.sex, self.age, self.birth_date,
                self.phone, self.marital_status, self.address, self.people_count, self.is_group,
                *self.representatives.boxes, self.request, self.facts, *self.triage.values(), self.domestic_violence,
                self.major_incident, self.category, self.sub_category, self.decision, self.transfer_to,
                self.decision_note, self.is_repeat]

    def triage_answers(self) -> tuple[TriageSignal, ...]:
        return tuple(signal for signal, box in self.triage.items() if box.isChecked())

    def connect_changed(self, slot) -> None:  # noqa: ANN001
        for line in (self.name, self.id_number, self.phone, self.address, self.decision_note, self.transfer_to,
                     *self.representatives.boxes):
            line.textChanged.connect(slot)
        for text in (self.request, self.facts):
            text.textChanged.connect(slot)
        for combo in (self.channel, self.sex, self.marital_status, self.category, self.sub_category, self.decision):
            combo.currentIndexChanged.connect(slot)
        for spin in (self.age, self.people_count):
            spin.valueChanged.connect(slot)
        self.received_at.dateTimeChanged.connect(slot)
        self.birth_date.dateChanged.connect(slot)
        self.is_group.toggled.connect(slot)
        for box in (*self.triage.values(), self.domestic_violence, self.major_incident):
            box.toggled.connect(slot)

    # --- values ---------------------------------------------------------------------------------
    def _fill_sub_categories(self) -> None:
        subs = COMPLAINT_CATEGORIES.get(self.category.currentData() or "", ())
        self.sub_category.blockSignals(True)
        self.sub_category.clear()
        if subs:
            self.sub_category.addItem(tr("请选择（可不选）"), None)
            for sub in subs:
                self.sub_category.addItem(tr(sub), sub)
        else:
            self.sub_category.addItem(tr("（无子类）") if self.category.currentData() else tr("先选类别"), None)
        self.sub_category.setEnabled(bool(subs))
        self.sub_category.blockSignals(False)

    def decision_value(self) -> IntakeDecision | None:
        value = self.decision.currentData()
        return IntakeDecision(value) if value else None

    def received(self) -> datetime:
        """The edit shows wall-clock time in China, whatever the machine's time zone."""
        return self.received_at.moment.astimezone(LOCAL_TZ)

    def birth(self) -> date | None:
        qdate = self.birth_date.date()
        return None if qdate == NO_DATE else qdate.toPython()

    def to_input(self, person_id: str | None, is_repeat: bool | None) -> IntakeInput:
        decision = self.decision_value()
        group = self.is_group.isChecked()
        return IntakeInput(
            name=self.name.text(), channel=Channel(self.channel.currentData()), request=self.request.toPlainText(),
            decision=decision if decision else "",  # type: ignore[arg-type] - the check reports it
            received_at=self.received(), sex=self.sex.currentData(),
            age=None if self.age.value() == NO_AGE else self.age.value(),
            id_number=self.id_number.text().strip() or None, birth_date=self.birth(),
            marital_status=self.marital_status.currentData(), address=self.address.text().strip() or None,
            phone=self.phone.text().strip() or None, people_count=self.people_count.value(), is_group=group,
            representatives=self.representatives.names() if group else (),
            facts=self.facts.toPlainText().strip() or None, category=self.category.currentData(),
            sub_category=self.sub_category.currentData(),
            decision_note=self.decision_note.text().strip() or None,
            transfer_to=(self.transfer_to.text().strip() or None) if decision == IntakeDecision.TRANSFER else None,
            person_id=person_id, is_repeat=is_repeat, domestic_violence=self.domestic_violence.isChecked(),
            major_incident=self.major_incident.isChecked())

    def set_now(self) -> None:
        now = clock.now_local()
        self.received_at.setDateTime(QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute)))

    def clear(self, keep_channel: bool = True) -> None:
        """Empty for the next visitor (the channel stays: a phone desk takes calls all day)."""
        widgets = self.editors()
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if not keep_channel:
                self.channel.setCurrentIndex(0)
            self.set_now()
            for line in (self.name, self.id_number, self.phone, self.address, self.decision_note, self.transfer_to):
                line.clear()
            self.representatives.clear()
            self.request.clear()
            self.facts.clear()
            for combo in (self.sex, self.marital_status, self.category, self.decision):
                combo.setCurrentIndex(0)
            self.age.setValue(NO_AGE)
            self.birth_date.setMaximumDate(today_qdate())
            self.birth_date.setDate(NO_DATE)
            self.people_count.setValue(1)
            self.is_group.setChecked(False)
            self.is_repeat.setChecked(False)
            for box in (*self.triage.values(), self.domestic_violence, self.major_incident):
                box.setChecked(False)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._fill_sub_categories()

    def is_blank(self) -> bool:
        return not any((self.name.text().strip(), self.id_number.text().strip(), self.phone.text().strip(),
                        self.address.text().strip(), self.request.toPlainText().strip(),
                        self.facts.toPlainText().strip(), self.decision.currentData(), self.category.currentData(),
                        self.representatives.names(), self.triage_answers(), self.domestic_violence.isChecked(),
                        self.major_incident.isChecked()))


class TriageBox(QWidget):
    """风险筛查: the four questions, what the words typed point to, and the two flags it offers."""

    def __init__(self, ed: IntakeEditors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake_triage")
        self.prompt = QLabel(objectName="intake_triage_prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.RichText)
        self.prompt.setStyleSheet("QLabel { background:#fce8e6; color:#8c1d18; border:1px solid #b3261e;"
                                  " border-radius:4px; padding:4px 8px; }")
        self.prompt.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for index, box in enumerate(ed.triage.values()):
            grid.addWidget(box, index // 2, index % 2)
        grid.addWidget(self.prompt, 2, 0, 1, 2)
        grid.addWidget(ed.domestic_violence, 3, 0)
        grid.addWidget(ed.major_incident, 3, 1)


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name, placeholderText=placeholder)
    box.setTabChangesFocus(True)  # Tab moves on; the form is worked from the keyboard
    box.setFixedHeight(58)
    return box


def lay_out(ed: IntakeEditors) -> tuple[QFormLayout, dict[str, ValidatedField], dict[str, QLabel]]:
    """The form in four sections; each editor in a ValidatedField named by its IntakeInput field."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
    # Every label has an Alt+letter accelerator that puts the cursor in its field.
    rows = [
        (tr("来访信息"), None, None), (tr("渠道(&C)"), ed.channel, "channel"),
        (tr("接待时间(&T)"), ed.received_at, "received_at"),
        (tr("来访人"), None, None), (tr("姓名(&N)"), ed.name, "name"),
        (tr("身份证号(&I)"), ed.id_number, "id_number"),   # first: it gives sex, birth date and age
        (tr("性别(&X)"), ed.sex, "sex"), (tr("年龄(&A)"), ed.age, "age"),
        (tr("出生日期(&B)"), ed.birth_date, "birth_date"),
        (tr("联系电话(&P)"), ed.phone, "phone"), (tr("婚姻状况(&M)"), ed.marital_status, "marital_status"),
        (tr("住址(&D)"), ed.address, "address"), (tr("人数(&U)"), ed.people_count, "people_count"),
        ("", ed.is_group, "is_group"), (tr("代表(&E)"), ed.representatives, "representatives"),
        (tr("信访事项"), None, None), (tr("请求(&Q)"), ed.request, "request"), (tr("事实和理由(&F)"), ed.facts, "facts"),
        (tr("风险筛查"), ed.triage_box, "triage"),
        (tr("投诉类别(&K)"), ed.category, "category"), (tr("子类(&Z)"), ed.sub_category, "sub_category"),
        (tr("处理"), None, None), (tr("处理方式(&H)"), ed.decision, "decision"),
        (tr("转办去向(&O)"), ed.transfer_to, "transfer_to"),
        (tr("处理意见(&Y)"), ed.decision_note, "decision_note"), ("", ed.is_repeat, "is_repeat"),
    ]
    fields: dict[str, ValidatedField] = {}
    labels: dict[str, QLabel] = {}
    for title, editor, field in rows:
        if editor is None:
            heading = QLabel(f"<b>{title}</b>")
            heading.setStyleSheet("QLabel { color:#1a73e8; border-bottom:1px solid #dadce0; padding:6px 0 1px 0; }")
            form.addRow(heading)
            continue
        fields[field] = ValidatedField(editor, field)
        labels[field] = QLabel(title)
        buddy = editor.boxes[0] if isinstance(editor, Representatives) else \
            ed.triage[TriageSignal.VIOLENCE] if editor is ed.triage_box else editor
        labels[field].setBuddy(buddy)
        if editor is ed.triage_box:   # the two columns of questions never cut (the field's minimum is too narrow)
            editor.setMinimumWidth(editor.sizeHint().width())
        form.addRow(labels[field], fields[field])
    return form, fields, labels


class PinyinSearch(QObject):
    """Letters typed on a closed list pick the first item whose pinyin (or its initials) starts with them:
    "fy" is 抚养, "hyjt" or "hy" 婚姻家庭 — a choice in two keys instead of a row of arrow presses."""

    RESET_MS = 1200

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.typed = ""
        self.since = QElapsedTimer()
        self.target: QObject | None = None   # each list starts its own search

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.KeyPress or not isinstance(obj, QComboBox):
            return False
        text = event.text()
        if len(text) != 1 or not text.isascii() or not text.isalpha() or \
                event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            return False
        if obj is not self.target or not self.since.isValid() or self.since.elapsed() > self.RESET_MS:
            self.typed = ""
        self.target = obj
        self.since.restart()
        self.typed += text.lower()
        for index in range(obj.count()):
            full, initials = name_search_keys(obj.itemText(index))
            if obj.itemData(index) is not None and (full.startswith(self.typed) or initials.startswith(self.typed)):
                obj.setCurrentIndex(index)
                break
        return True


class EnterMovesOn(QObject):
    """Enter in any editor calls `move_on(editor)`, as the header promises; in a text box Ctrl+Enter (or
    Shift+Enter) starts a new line. Leaving any editor calls `left(editor)`."""

    def __init__(self, parent: QObject, move_on: Callable[[QWidget], None], left: Callable[[QWidget], None]) -> None:
        super().__init__(parent)
        self.move_on, self.left = move_on, left

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if not shiboken6.isValid(self.parent()):
            return False  # the form is being torn down: its editors still lose focus, nobody is left to tell
        if event.type() == QEvent.FocusOut:
            self.left(obj)  # type: ignore[arg-type]
        elif event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            modifiers = event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.ShiftModifier)
            if isinstance(obj, QPlainTextEdit) and modifiers & (Qt.ControlModifier | Qt.ShiftModifier):
                obj.insertPlainText("\n")
                return True
            if not modifiers:
                self.move_on(obj)  # type: ignore[arg-type]
                return True
        return False
