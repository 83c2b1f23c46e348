"""记录行动: one entry of the crisis action log — 已报警, 公安告诫书, 临时庇护, 医疗救治, 强制报告, 其他 — with
its time and a note. A mandatory report (强制报告, 反家庭暴力法第十四条) needs whom it concerns; 其他 needs
its note. Protection-order steps are not here: they are recorded on the order itself."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from fulian_desktop.services.crisis import MANUAL_KINDS, SENSITIVE_KINDS, ActionKind

from ..i18n import tr
from ..widgets.crisis_common import aware, datetime_edit, now
from .case_actions_reason import ReasonDialog


def _placeholders() -> dict[str, str]:
    return {
        ActionKind.POLICE_CALLED.value: tr("报警时间、出警单位、处置结果、回执编号"),
        ActionKind.WARNING_LETTER.value: tr("出具告诫书的公安机关、文号、送达情况"),
        ActionKind.SHELTER.value: tr("安置的庇护场所、入住日期、期限（保密，只有有权限的人员可见）"),
        ActionKind.MEDICAL.value: tr("就诊医院、伤情、是否做了伤情鉴定（保密）"),
        ActionKind.MANDATORY_REPORT.value: tr("报告的公安机关、时间、报告人"),
        ActionKind.OTHER.value: tr("做了什么（必填）"),
    }


class CrisisActionDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, tr("记录行动"), tr("情况说明"), required=False, ok_text=tr("保存"),
                         notice=tr("申请、裁定、作出、送达、变更、延长、违反人身安全保护令，请在“保护令”中登记。"))
        self.setObjectName("crisis_action_dialog")
        self.kind = QComboBox(objectName="action_kind")
        for kind in MANUAL_KINDS:
            self.kind.addItem(tr(kind.label), kind.value)
        self.at = datetime_edit(object_name="action_at")
        self.concerns = QLineEdit(objectName="action_concerns")
        self.concerns.setPlaceholderText(tr("报告对象：姓名、年龄，无/限制民事行为能力的情况（如：女儿张小雨，9 岁）"))
        self.concerns.setMaxLength(300)
        self.add_row(tr("行动类型"), self.kind)
        self.add_row(tr("时间"), self.at)
        self.add_row(tr("报告对象"), self.concerns)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.concerns.textChanged.connect(self.update_ok)
        self.set_extra_check(self._problem)
        self._kind_changed()
        self.resize(560, self.sizeHint().height())

    def current_kind(self) -> ActionKind:
        return ActionKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        report = kind == ActionKind.MANDATORY_REPORT
        self.concerns.setVisible(report)
        label = self.form.labelForField(self.concerns)
        if label is not None:
            label.setVisible(report)
        self.text.setPlaceholderText(_placeholders().get(kind.value, ""))
        self.hint.setToolTip(tr("该类行动的说明为保密内容。") if kind in SENSITIVE_KINDS else "")
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
        return {"kind": kind.value, "at": aware(self.at), "detail": self.reason() or None,
                "concerns": self.concerns.text().strip() or None if kind == ActionKind.MANDATORY_REPORT else None}
