"""添加疏导记录: when the session was held, face to face or by phone, the notes, and the next appointment."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from fulian_desktop.services.counselling.counselling import MAX_NOTES, CounsellingForm

from ..common.case_actions_reason import ReasonDialog
from ..i18n import tr
from ..common.crisis_common import aware, datetime_edit, now, set_datetime


class CounsellingSessionDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, tr("添加心理疏导记录"), tr("疏导记录"), ok_text=tr("保存"), max_length=MAX_NOTES,
                         notice=tr("疏导记录只有心理疏导员和督导可以查看，不进入时间线，也不打印在一般案件卷宗中。"),
                         placeholder=tr("当事人的情绪状态、主要困扰、疏导要点、评估与下一步计划"))
        self.setObjectName("counselling_dialog")
        self.held_at = datetime_edit(object_name="counselling_held_at")
        self.form_choice = QComboBox(objectName="counselling_form")
        for form in CounsellingForm:
            self.form_choice.addItem(tr(form.label), form.value)
        self.has_next = QCheckBox(tr("预约下次疏导"), objectName="counselling_has_next")
        self.next_at = datetime_edit(now() + timedelta(days=7), "counselling_next_at")
        self.next_at.setEnabled(False)
        self.has_next.toggled.connect(self.next_at.setEnabled)
        self.has_next.toggled.connect(self.update_ok)
        self.next_at.dateTimeChanged.connect(self.update_ok)
        self.held_at.dateTimeChanged.connect(self._held_changed)
        self.add_row(tr("疏导时间"), self.held_at)
        self.add_row(tr("方式"), self.form_choice)
        self.add_row("", self.has_next)
        self.add_row(tr("下次预约"), self.next_at)
        self.set_extra_check(self._problem)
        self.resize(620, 460)

    def _held_changed(self) -> None:
        if not self.has_next.isChecked():
            set_datetime(self.next_at, aware(self.held_at) + timedelta(days=7))
        self.update_ok()

    def _problem(self) -> str:
        if aware(self.held_at) > now():
            return tr("疏导时间不能晚于现在；预约请填在“下次预约”。")
        if self.has_next.isChecked() and aware(self.next_at) <= aware(self.held_at):
            return tr("下次预约时间须晚于本次疏导时间。")
        return ""

    def values(self) -> dict:
        return {"held_at": aware(self.held_at), "form": self.form_choice.currentData(), "notes": self.reason(),
                "next_appointment": aware(self.next_at) if self.has_next.isChecked() else None}
