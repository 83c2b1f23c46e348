"""来访登记: the reception desk's form, worked from the keyboard.

The cursor is in 姓名 when the page opens and after every save. Tab goes channel → time → visitor (name, then
the ID number, which gives sex, birth date and age) → group →
request → triage → category → decision. Enter moves on in every field (in the last one it saves; fields a
valid ID number filled are skipped); in a text box Ctrl+Enter starts a new line; Ctrl+S saves from
anywhere; Alt+letter jumps to a field; Esc clears after asking. Sex, birth date and age come from the ID
number; a sex or birth date it contradicts blocks saving (the core refuses it too).

Triage: words of the reviewed list (`domain.triage`) in the request or facts, or the four explicit
questions, offer the 家暴 / 重大 flags (ticked for the clerk to confirm) and, once saved, open the danger
assessment before the form is left. Then the 回执 is previewed and printed with one key (Enter). Every change is checked at once by the pure rules and, 250 ms after typing stops, by
the service off the UI thread (which also knows the person on file and 重复访). The ID number,
phone, or name + birth date look up people on file: the duplicate warning beside the form.
"""
from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget,
)

from fulian_desktop.domain import triage
from fulian_desktop.domain.errors import InvalidIdNumber, ValidationError
from fulian_desktop.domain.idnumber import parse_id_number
from fulian_desktop.domain.intake_rules import FIELD_LABELS, IntakeDecision, IntakeInput, age_on, validate_intake
from fulian_desktop.domain.phone import parse_phone
from fulian_desktop.domain.risk import Relationship
from fulian_desktop.domain.validation import Issue, Report, Severity
from fulian_desktop.domain.workflow import is_open
from fulian_desktop.services.intake import intake
from fulian_desktop.services.cases import persons
from fulian_desktop.services.intake.intake import IntakePreview, IntakeView
from fulian_desktop.services.cases.persons import PersonMatch

from ..crisis.danger_assessment_dialog import DangerAssessmentDialog, assessment_note
from .receipt_dialog import DeskPrintDialog, PrinterFactory, ReceiptDialog
from .register_dialog import DayRegisterDialog, RegisterLineDialog, paper_register_kept
from ..errors import error_text, message_of, messages, present_error, translated
from ..i18n import tr
from ..qdates import today_qdate
from ..session import AppSession
from .duplicate_panel import DuplicatePanel
from ..common.guard import while_alive
from .intake_fields import NOTE_HINTS, NOTE_LABELS, EnterMovesOn, IntakeEditors, PinyinSearch, lay_out, plain
from .intake_result import IntakeResultBanner

CHECK_DELAY_MS = 250
# Not shouted at before the user has been to the field (or tried to save).
UNTOUCHED_QUIET = {"required", "choice"}
# Half-typed numbers are not errors yet: shown once the user leaves the field.
TYPING_QUIET = {"id_number": {"length"}, "phone": {"mobile", "landline", "unknown"}}
STORE_FIELDS = {"person_id", "unit_id", "join_case_id"}


class IntakeFormPage(QWidget):
    sig_open_case = Signal(str)
    """(case id) — open a case (a matching person's, or the one just created)."""
    sig_saved = Signal(object)
    """(IntakeView) — a contact was registered."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ed = IntakeEditors()
        self.person_id: str | None = None
        self.repeat_choice: bool | None = None   # None: the service decides 重复访
        self.touched: set[str] = set()
        self.local_report = Report()
        self.store_report: Report | None = None
        self.preview: IntakePreview | None = None
        self.saving = False
        self.save_failure: str | None = None  # why the last save failed, until the next attempt
        self.triage = triage.scan(())
        self._offered: set[str] = set()        # flags already ticked for the clerk once (she may untick)
        self._saved_triage: triage.Triage | None = None
        self.printer_factory: PrinterFactory | None = None   # None: the desk's default printer
        self.after_save_dialog: DangerAssessmentDialog | DeskPrintDialog | None = None
        self._check_gen = self._dup_gen = 0
        self._dup_keys: tuple | None = None
        self._filled_from_id: str | None = None
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS, timeout=self._run_check)
        self.dup_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS, timeout=self._run_lookup)
        self._build()
        self.ed.connect_changed(self._changed)
        self.ed.id_number.textChanged.connect(self._fill_from_id)
        self.ed.decision.currentIndexChanged.connect(self._decision_changed)
        self.ed.is_group.toggled.connect(self._group_changed)
        self.ed.is_repeat.clicked.connect(self._repeat_clicked)
        self._decision_changed()
        self._group_changed()
        self._changed()
        self._fit_form()

    # --- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.form, self.fields, self.row_labels = lay_out(self.ed)
        body = QWidget()
        body.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(body)
        self.scroll = scroll

        self.duplicates = DuplicatePanel()
        self.duplicates.setObjectName("duplicate_panel")
        self.duplicates.setMinimumWidth(200)   # the form beside it needs the rest of a 1366 px screen
        self.duplicates.sig_same_person.connect(self._same_person)
        self.duplicates.sig_open_case.connect(self.sig_open_case)
        self.result = IntakeResultBanner()
        self.result.sig_open_case.connect(self.sig_open_case)

        self.status = QLabel(objectName="intake_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color:#5f6368")
        self.clear_button = QPushButton(tr("清空(&L) (Esc)"), objectName="intake_clear")
        self.clear_button.clicked.connect(self.ask_clear)
        self.save_button = QPushButton(tr("保存登记(&S) (Ctrl+S)"), objectName="intake_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.day_register_button = QPushButton(tr("当日登记簿(&D)…"), objectName="intake_day_register")
        self.day_register_button.setToolTip(tr("预览并打印本处今天的来访登记簿"))
        self.day_register_button.setAutoDefault(False)
        self.day_register_button.clicked.connect(self.print_day_register)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.day_register_button)
        footer.addWidget(self.clear_button)
        footer.addWidget(self.save_button)

        actor = self.session.actor
        who = f"{actor.display_name}（{tr(actor.role.label)}）" if actor else ""
        title = QLabel(tr("<span style='font-size:16px; font-weight:bold'>来访登记</span>　<span style='color:#5f6368'>{who}　回车到下一项（多行框内 Ctrl+回车换行），Alt+字母跳到该项，Ctrl+S 保存，Esc 清空</span>").format(who=who))
        title.setWordWrap(True)
        # Every label as wide as the longest one any decision can show, so the form never shifts.
        widest = max(self.fontMetrics().horizontalAdvance(t)
                     for t in (*map(tr, NOTE_LABELS.values()), tr("事实和理由(&F)")))
        for label in self.row_labels.values():
            label.setMinimumWidth(widest + 4)
            label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        side = QFrame(objectName="duplicate_side")
        side.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # takes what the form leaves
        side.setStyleSheet("#duplicate_side { background:#f8f9fa; border:1px solid #dadce0; border-radius:6px; }")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(10, 8, 10, 8)
        side_layout.addWidget(self.duplicates)
        columns = QHBoxLayout()
        columns.addWidget(scroll, 3)
        columns.addWidget(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.result)
        layout.addLayout(columns, 1)
        layout.addLayout(footer)

        editors = self.ed.editors()
        for first, second in zip(editors, editors[1:]):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(editors[-1], self.save_button)
        self.keys = EnterMovesOn(self, self.move_on, self.left_field)
        self.pinyin = PinyinSearch(self)
        for editor in editors:
            editor.installEventFilter(self.keys)
            if isinstance(editor, QComboBox):
                editor.installEventFilter(self.pinyin)
        # Ctrl+Enter is a new line in the text boxes: saving is Ctrl+S (or Enter in the last field).
        QShortcut(QKeySequence("Ctrl+S"), self, self.save, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key_Escape), self, self.ask_clear, context=Qt.WidgetWithChildrenShortcut)

    def _fit_form(self) -> None:
        """The form column: never narrower than its fields and their messages, at most a little wider
        (the duplicate warning takes the rest)."""
        need = self.scroll.widget().minimumSizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width() + 6
        self.scroll.setMinimumWidth(need)
        self.scroll.setMaximumWidth(need + 120)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        """The cursor in 姓名 whenever the form comes up without one of its fields focused (after login too)."""
        super().showEvent(event)
        self.day_register_button.setVisible(paper_register_kept(self.session))   # only an office keeping one
        QTimer.singleShot(0, while_alive(self, self.focus_first))

    def focus_first(self) -> None:
        focused = QApplication.focusWidget()
        if self.after_save_dialog is None and (focused is None or not self.isAncestorOf(focused)):
            self.ed.name.setFocus(Qt.OtherFocusReason)

    def sizeHint(self) -> QSize:  # noqa: N802
        """No more than it needs: the window's navigation keeps its width beside the form."""
        return QSize(self.minimumSizeHint().width(), 700)

    def field_of(self, widget: QWidget) -> str | None:
        for field, holder in self.fields.items():
            if widget is holder.editor or holder.editor.isAncestorOf(widget):
                return field
        return None

    # --- reacting to input -------------------------------------------------------------------------
    def current_input(self) -> IntakeInput:
        return self.ed.to_input(self.person_id, self.repeat_choice)

    def _changed(self, *_args: object) -> None:
        data = self.current_input()
        self._triage_changed(data)
        data = self.current_input()   # the flags triage may just have ticked
        self.local_report, _checked = validate_intake(data)
        self._show_report()
        self._check_gen += 1  # a check already on its way answers for older input: dropped
        self.check_timer.start()
        self._schedule_lookup(data)

    def _decision_changed(self) -> None:
        decision = self.ed.decision_value()
        self.form.setRowVisible(self.fields["transfer_to"], decision == IntakeDecision.TRANSFER)
        self.form.setRowVisible(self.fields["decision_note"], decision is not None)
        if decision is not None:
            self.row_labels["decision_note"].setText(tr(NOTE_LABELS[decision]))
            self.ed.decision_note.setPlaceholderText(tr(NOTE_HINTS[decision]))

    def _group_changed(self) -> None:
        group = self.ed.is_group.isChecked()
        self.form.setRowVisible(self.fields["representatives"], group)
        if group and self.ed.people_count.value() < 2:
            self.ed.people_count.setValue(2)

    def _repeat_clicked(self, checked: bool) -> None:
        self.repeat_choice = checked
        self._changed()

    def _triage_changed(self, data: IntakeInput) -> None:
        """What the words and the four questions point to: the prompt, and the flags ticked once for the
        clerk to confirm (unticking one is her decision and sticks)."""
        self.triage = found = triage.scan((data.request, data.facts), self.ed.triage_answers())
        prompt = self.ed.triage_box.prompt
        if not found.any:
            prompt.hide()
        else:
            what = "、".join(tr(signal.label) for signal in found.signals)
            words = "、".join(f"“{w}”" for w in found.words)
            text = tr("可能涉及：<b>{what}</b>").format(what=escape(what))
            if words:
                text += tr("（提到 {words}）").format(words=escape(words))
            text += tr("。请向来访人核实，确认下方标记；保存后将进行危险评估。")
            prompt.setText(text)
            prompt.show()
        for flag, wanted, box in (("domestic_violence", found.suggests_domestic_violence, self.ed.domestic_violence),
                                  ("major_incident", found.suggests_major, self.ed.major_incident)):
            if wanted and flag not in self._offered:
                self._offered.add(flag)
                box.blockSignals(True)
                box.setChecked(True)
                box.blockSignals(False)

    def needs_assessment(self) -> bool:
        return self.triage.any or self.ed.domestic_violence.isChecked() or self.ed.major_incident.isChecked()

    def _fill_from_id(self) -> None:
        """A valid ID number states sex, birth date and so age: one value per person, taken from it for each
        newly entered number (a sex chosen before is replaced; choosing another after blocks saving)."""
        try:
            info = parse_id_number(self.ed.id_number.text())
        except InvalidIdNumber:
            return
        if info.number == self._filled_from_id:
            return
        self._filled_from_id = info.number
        ed = self.ed
        ed.sex.setCurrentIndex(ed.sex.findData("male" if info.sex == "男" else "female"))
        ed.birth_date.setDate(QDate(info.birth_date.year, info.birth_date.month, info.birth_date.day))
        ed.age.setValue(age_on(info.birth_date, ed.received().date()))

    def filled_from_id(self) -> bool:
        """Are sex, birth date and age the ones the current (valid) ID number gave?"""
        try:
            return parse_id_number(self.ed.id_number.text()).number == self._filled_from_id
        except InvalidIdNumber:
            return False

    def _id_region(self) -> str:
        """The place a valid ID number names (湖南省长沙市望城区), shown beside it."""
        try:
            return parse_id_number(self.ed.id_number.text()).region
        except InvalidIdNumber:
            return ""

    # --- showing the checks ------------------------------------------------------------------------
    def report(self) -> Report:
        """The service's report while it is current; the pure rules' one in between."""
        if self.store_report is None:
            return self.local_report
        extra = tuple(i for i in self.store_report.issues if i.field in STORE_FIELDS or i.code.startswith("person_"))
        return Report(self.local_report.issues + extra)

    def _visible(self, issue: Issue, focus: str | None) -> bool:
        if issue.field not in self.touched and issue.code in UNTOUCHED_QUIET:
            return False
        return not (issue.field == focus and issue.code in TYPING_QUIET.get(issue.field, ()))

    def _show_report(self) -> None:
        report = self.report()
        focus_widget = QApplication.focusWidget()
        focus = self.field_of(focus_widget) if focus_widget is not None and self.isAncestorOf(focus_widget) else None
        for field, holder in self.fields.items():
            shown = [i for i in report.for_field(field) if self._visible(i, focus)]
            errors = [translated(i.message) for i in shown if i.severity == Severity.ERROR]
            warnings = [translated(i.message) for i in shown if i.severity == Severity.WARNING]
            if field == "is_repeat" and not shown and self.ed.is_repeat.isChecked() and self.preview is not None \
                    and self.preview.repeat_reasons and self.repeat_choice is None:
                warnings = [tr("系统判断为重复访：{reasons}").format(reasons="；".join(self.preview.repeat_reasons))]
            holder.set_issue("error" if errors else "warning" if warnings else None, "；".join(errors or warnings))
            if field == "id_number" and not shown:
                holder.set_note(self._id_region())
            if isinstance(holder.editor, (QCheckBox, QComboBox, QAbstractSpinBox)):
                # A style-sheet frame turns their arrows into bevelled boxes: the message beside says enough.
                holder.editor.setStyleSheet("")
        person = [i for i in report.issues if i.field in STORE_FIELDS]
        severity = "error" if any(i.severity == Severity.ERROR for i in person) else "warning" if person else None
        self.duplicates.set_note(severity, tr("；").join(translated(i.message) for i in person))
        self._update_save(report)

    def _update_save(self, report: Report) -> None:
        errors = [i for i in report.issues if i.severity == Severity.ERROR]
        self.save_button.setEnabled(not errors and not self.saving)
        if self.saving:
            self.status.setText(tr("正在保存…"))
        elif errors:
            order = list(self.fields)
            fields = sorted({i.field for i in errors}, key=lambda f: order.index(f) if f in order else len(order))
            names = "、".join(plain(self.row_labels[f].text()) if self.row_labels.get(f) and self.row_labels[f].text()
                             else FIELD_LABELS.get(f, f) for f in fields)
            shown = any(self._visible(i, None) for i in errors)
            self.status.setText((tr("保存前请改正：") if shown else tr("待填写：")) + names)
            self.save_button.setToolTip(tr("请先改正：{errors}").format(errors=tr("；").join(translated(i.message) for i in errors)))
        elif self.save_failure is not None:
            self.status.setText(tr("上次保存未成功：{message}")
                                .format(message=self.save_failure))
            self.save_button.setToolTip("")
        else:
            self.status.setText(tr("可以保存（Ctrl+S）。"))
            self.save_button.setToolTip("")
        self.status.setStyleSheet("color:#c5221f" if self.save_failure is not None and not self.saving
                                  else "color:#5f6368")

    def _run_check(self) -> None:
        if self.session.actor is None:
            return
        self._check_gen += 1
        gen = self._check_gen
        self.session.read(intake.preview_intake, self.current_input(),
                          on_done=while_alive(self, lambda p: self._checked(gen, p)),
                          on_error=while_alive(self, lambda exc: None))

    def _checked(self, gen: int, preview: IntakePreview) -> None:
        if gen != self._check_gen:
            return  # the input changed since; a newer check is on its way
        self.preview = preview
        self.store_report = preview.report
        if self.repeat_choice is None:
            self.ed.is_repeat.setChecked(bool(preview.repeat_reasons))
        self._show_report()

    # --- the duplicate warning ---------------------------------------------------------------------
    def _schedule_lookup(self, data: IntakeInput) -> None:
        id_key, phone_key, name_key, birth = persons.normalise_keys(data.id_number, data.phone, data.name,
                                                                   data.birth_date)
        if phone_key is not None and parse_phone(phone_key).kind == "short":
            phone_key = None  # 110, 12338 …: a hotline, not a person
        keys = (id_key, phone_key, name_key if birth else None, birth if name_key else None)
        if keys == self._dup_keys:
            return
        self._dup_keys = keys
        if not any(keys):
            self.dup_timer.stop()
            self._dup_gen += 1
            self.duplicates.set_matches([])
            return
        self.dup_timer.start()

    def _run_lookup(self) -> None:
        if self.session.actor is None or self._dup_keys is None:
            return
        self._dup_gen += 1
        gen = self._dup_gen
        id_key, phone_key, name_key, birth = self._dup_keys
        self.session.read(persons.find_matches, id_number=id_key, phone=phone_key, name=name_key, birth_date=birth,
                          on_done=while_alive(self, lambda found: self._found(gen, found)),
                          on_error=while_alive(self, lambda exc: None))

    def _found(self, gen: int, matches: list[PersonMatch]) -> None:
        if gen == self._dup_gen:
            self.duplicates.set_matches(matches)

    def _same_person(self, match: PersonMatch | None) -> None:
        self.person_id = match.person_id if match else None
        if match is not None:
            if not self.ed.name.text().strip():
                self.ed.name.setText(match.name)
            if self.ed.sex.currentData() == "unknown" and match.sex in ("male", "female"):
                self.ed.sex.setCurrentIndex(self.ed.sex.findData(match.sex))
        self.store_report = None
        self._changed()

    # --- saving ------------------------------------------------------------------------------------
    def save(self) -> None:
        if self.saving:
            return
        self.touched.update(self.fields)
        data = self.current_input()
        self.local_report, _checked = validate_intake(data)
        self._show_report()
        errors = [i for i in self.report().issues if i.severity == Severity.ERROR]
        if errors:
            holder = self.fields.get(errors[0].field)
            if holder is not None:
                holder.editor.setFocus(Qt.OtherFocusReason)
                self.scroll.ensureWidgetVisible(holder)
            return
        self.saving = True
        self.save_failure = None
        self._saved_triage = self.triage if self.needs_assessment() else None
        self._update_save(self.report())
        self.session.write(intake.register_contact, data, on_done=while_alive(self, self._saved),
                           on_error=while_alive(self, self._failed))

    def _saved(self, view: IntakeView) -> None:
        self.saving = False
        self.result.show_view(view)
        found, self._saved_triage = self._saved_triage, None
        age = view.age
        self.reset()
        self.sig_saved.emit(view)
        if view.case_id is None:    # 当场答复 / 咨询: no receipt, but a line of the paper register
            self._register_line(view)
            return
        if found is not None and view.case_status is not None and is_open(view.case_status):
            self._assess(view, found, age)
        else:
            if found is not None:   # 转办: the case left this unit at once; the receiving organ assesses
                self.result.add_note(tr("案件已转办，危险评估由接收单位进行；如有紧急危险，请立即报警。"))
            self._receipt(view)

    # --- after saving: the danger assessment, then the receipt ------------------------------------------
    def _assess(self, view: IntakeView, found: triage.Triage, age: int | None) -> None:
        words = "、".join(f"“{w}”" for w in found.words)
        what = "、".join(tr(s.label) for s in found.signals) or tr("接待人员标记为家暴或重大")
        why = what + (tr("（提到 {words}）").format(words=words) if words else "")
        dialog = DangerAssessmentDialog(self.session, view.case_id or "", view.case_no or "", why,
                                        suggest_relationship(found, age, view.request), self)
        self.after_save_dialog = dialog

        def closed(_result: int) -> None:
            self.result.add_note(assessment_note(dialog.saved))
            dialog.deleteLater()
            self._receipt(view)

        dialog.finished.connect(closed)
        dialog.open()

    def _receipt(self, view: IntakeView) -> None:
        self._paper(ReceiptDialog(self.session, view.case_id or "", view.case_no or "", self.printer_factory, self),
                    lambda: self._register_line(view))

    def _register_line(self, view: IntakeView) -> None:
        """The office's paper register (setting 本处登记簿): the day's line of this contact, then the next visitor."""
        if paper_register_kept(self.session):
            self._paper(RegisterLineDialog(self.session, view.id, self.printer_factory, self), self._next_visitor)
        else:
            self._next_visitor()

    def print_day_register(self) -> None:
        self._paper(DayRegisterDialog(self.session, today_qdate().toPython(), self.printer_factory, self),
                    self._next_visitor)

    def _paper(self, dialog: DeskPrintDialog, then: Callable[[], None]) -> None:
        self.after_save_dialog = dialog

        def closed(_result: int) -> None:
            self.after_save_dialog = None
            dialog.deleteLater()
            then()

        dialog.finished.connect(closed)
        dialog.open()

    def _next_visitor(self) -> None:
        self.window().activateWindow()
        self.ed.name.setFocus(Qt.OtherFocusReason)   # ready for the next visitor

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        report = getattr(exc, "report", None)
        if isinstance(exc, ValidationError) and isinstance(report, Report):
            self.store_report = report
            self._show_report()
            self.status.setText(tr("未保存：{message}").format(message=message_of(exc)))
        else:
            # The status line must not go on saying "可以保存" after, e.g., a full disk refused the save.
            self.save_failure = error_text(exc, tr("程序遇到意外错误，本次操作未完成，数据未改变。详细信息已记入日志。"))
            self._update_save(self.report())
            present_error(self, exc)

    # --- clearing ----------------------------------------------------------------------------------
    def ask_clear(self) -> None:
        if self.ed.is_blank() and self.person_id is None:
            return
        if messages.confirm(self, tr("清空表单"), tr("清空本次填写的全部内容？")):
            self.result.hide()
            self.reset()

    def reset(self) -> None:
        """Ready for the next visitor."""
        self.check_timer.stop()
        self.dup_timer.stop()
        self._check_gen += 1
        self._dup_gen += 1
        self.ed.clear()
        self.person_id = self.repeat_choice = self.store_report = self.preview = self.save_failure = None
        self.touched.clear()
        self._dup_keys = None
        self._filled_from_id = None
        self._offered.clear()
        self.duplicates.clear()
        self._decision_changed()
        self._group_changed()
        self._changed()
        self.scroll.verticalScrollBar().setValue(0)
        self.ed.name.setFocus(Qt.OtherFocusReason)

    def move_on(self, widget: QWidget) -> None:
        """Enter: the next editor, or save after the last one. Skipped (Tab and Alt+letter still reach them):
        重复访 (the service decides), the triage questions and flags (Alt+1 … Alt+4, Alt+J, Alt+R), and sex,
        birth date and age once a valid ID number gave them."""
        ed = self.ed
        skipped: set[QWidget] = {ed.is_repeat, *ed.triage.values(), ed.domestic_violence, ed.major_incident}
        if self.filled_from_id():
            skipped |= {ed.sex, ed.age, ed.birth_date}
        chain = [w for w in ed.editors() if w not in skipped or w is widget]
        start = next((i for i, w in enumerate(chain) if w is widget), None)
        if start is None:
            return
        for nxt in chain[start + 1:]:
            if nxt.isVisibleTo(self) and nxt.isEnabled():
                nxt.setFocus(Qt.TabFocusReason)
                self.scroll.ensureWidgetVisible(nxt)
                return
        self.save()

    def left_field(self, widget: QWidget) -> None:
        if "fields" not in self.__dict__:
            return  # a focus change while the page is built or torn down: no field to mark yet, or any more
        field = self.field_of(widget)
        if field is not None:
            self.touched.add(field)
            QTimer.singleShot(0, while_alive(self, self._show_report))


def suggest_relationship(found: triage.Triage, age: int | None, request: str) -> Relationship:
    """Which question set to start with (the clerk can change it): a child at risk, an elder (60 or over)
    harmed by a child or grandchild, a partner when one is named, else another family member."""
    if triage.Signal.CHILD in found.signals:
        return Relationship.CHILD
    if any(word in request for word in PARTNER_WORDS):
        return Relationship.PARTNER
    if age is not None and age >= 60:
        return Relationship.ELDER
    return Relationship.FAMILY if any(word in request for word in FAMILY_WORDS) else Relationship.PARTNER


PARTNER_WORDS = ("丈夫", "老公", "妻子", "老婆", "前夫", "前妻", "男友", "女友", "男朋友", "同居")
FAMILY_WORDS = ("儿子", "女儿", "儿媳", "女婿", "哥哥", "弟弟", "姐姐", "妹妹", "婆婆", "公公", "嫂子", "叔", "侄")
