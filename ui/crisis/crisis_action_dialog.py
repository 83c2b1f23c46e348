"""记录行动: one entry of the crisis action log — 已报警, 公安告诫书, 临时庇护, 医疗救治, 强制报告, 其他 — with
its time, the kind's own details (出警单位, 告诫书文号, 庇护场所 …) and a note. A mandatory report (强制报告,
反家庭暴力法第十四条) needs whom it concerns; 其他 needs its note. Protection-order steps are not here: they are recorded on the order itself."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from fulian_desktop.domain.crisis_actions import MAX_FIELD, fields_of
from fulian_desktop.services.crisis.crisis import MANUAL_KINDS, SENSITIVE_KINDS, ActionKind

from ..i18n import tr
from ..common.crisis_common import aware, datetime_edit, now
from ..common.case_actions_reason import ReasonDialog


def _placeholders() -> dict[str, str]:
    return {
        ActionKind.POLICE_CALLED.value: tr("报警时间、处置结果等"),
        ActionKind.WARNING_LETTER.value: tr("送达情况等"),
        ActionKind.SHELTER.value: tr("入住情况（保密，只有有权限的人员可见）"),
        ActionKind.MEDICAL.value: tr("诊治经过（保密）"),
        ActionKind.MANDATORY_REPORT.value: tr("报告时间、报告人、公安机关的处置"),
        ActionKind.OTHER.value: tr("做了什么（必填）"),
    }


class CrisisActionDialog(ReasonDialog):
    """The kind's own fields (domain.crisis_actions.FIELDS) appear under the kind; the note is below."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, tr("记录行动"), tr("情况说明"), required=False, ok_text=tr("保存"),
                         notice=tr("申请、裁定、作出、送达、变更、延长、违反人身安全保护令，请在“保护令”中登记。"))
        self.setObjectName("crisis_action_dialog")
        self.kind = QComboBox(objectName="action_kind")
        for kind in MANUAL_KINDS:
            self.kind.addItem(tr(kind.label), kind.value)
        self.at = datetime_edit(object_name="action_at")
        self.add_row(tr("行动类型"), self.kind)
        self.add_row(tr("时间"), self.at)
        self.fields: dict[str, QLineEdit] = {}
        for kind in MANUAL_KINDS:
            for spec in fields_of(kind.value):
                line = QLineEdit(objectName=f"action_{spec.key}")
                line.setPlaceholderText(tr(spec.hint) + (tr("（必填）") if spec.required else ""))
                line.setMaxLength(MAX_FIELD)
                line.textChanged.connect(self.update_ok)
                self.fields[spec.key] = line
                self.add_row(tr(spec.label), line)
        self.concerns = self.fields["concerns"]     # 强制报告: whom it concerns
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.set_extra_check(self._problem)
        self._kind_changed()
        self.resize(560, self.sizeHint().height())

    def current_kind(self) -> ActionKind:
        return ActionKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        mine = {spec.key for spec in fields_of(kind.value)}
        for key, line in self.fields.items():
            line.setVisible(key in mine)
            label = self.form.labelForField(line)
            if label is not None:
                label.setVisible(key in mine)
        self.text.setPlaceholderText(_placeholders().get(kind.value, ""))
        self.hint.setToolTip(tr("该类行动的说明为保密内容。") if kind in SENSITIVE_KINDS else "")
        self.adjustSize()
        self.update_ok()

    def _problem(self) -> str:
        kind = self.current_kind()
        if kind == ActionKind.MANDATORY_REPORT and not self.concerns.text().strip():
            return tr("强制报告须注明报告对象（无民事行为能力人或限制民事行为能力人）及其情况。")
        if kind == ActionKind.OTHER and not self.reason():
            return tr("“其他”行动须写明内容。")
        if aware(self.at) > now():
            return tr("时间不能晚于现在。")
        return ""

    def values(self) -> dict:
        kind = self.current_kind()
        data = {spec.key: self.fields[spec.key].text().strip() for spec in fields_of(kind.value)}
        return {"kind": kind.value, "at": aware(self.at), "detail": self.reason() or None,
                "data": {k: v for k, v in data.items() if v}}
