"""转为案件 (from a register entry or an online lead) and 新增舆情线索.

Opening a case asks only its kind and title (the title defaults to the core's own: “排查发现：…” /
“网络舆情：…”); category and dispute type are guessed by the core from the words of the reason.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.services.accounts.orgunits import OrgUnitView

from ..i18n import tr
from ..common.crisis_common import date_edit, day_of, today
from ..common.case_actions_reason import ReasonDialog


class OpenCaseDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, what: str, title: str, notice: str) -> None:
        super().__init__(parent, tr("转为案件：{what}").format(what=what), tr("备注"), required=False,
                         ok_text=tr("转为案件"), notice=notice)
        self.setObjectName("screening_open_case_dialog")
        self.prompt.hide()
        self.text.hide()
        self.kind = QComboBox(objectName="open_case_kind")
        for kind in CaseKind:
            self.kind.addItem(tr(kind.label), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(CaseKind.MEDIATION.value)))
        self.title = QLineEdit(title, objectName="open_case_title")
        self.title.setMaxLength(200)
        self.add_row(tr("案件类别"), self.kind)
        self.add_row(tr("案件名称"), self.title)
        self.title.textChanged.connect(self.update_ok)
        self.set_extra_check(lambda: "" if self.title.text().strip() else tr("请填写案件名称。"))
        self.resize(560, self.sizeHint().height())

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.kind.setFocus()

    def values(self) -> dict:
        return {"kind": CaseKind(self.kind.currentData()), "title": self.title.text().strip()}


class LeadDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, units: list[OrgUnitView], unit_id: str | None) -> None:
        super().__init__(parent, tr("新增网络舆情线索"), tr("舆情摘要"), ok_text=tr("登记"),
                         placeholder=tr("帖子或视频的内容概要：涉及谁、什么事、网民反应"))
        self.setObjectName("screening_lead_dialog")
        self.where = QLineEdit(objectName="lead_where")
        self.where.setPlaceholderText(tr("平台、群或账号，如：抖音“望城身边事”"))
        self.where.setMaxLength(200)
        self.seen_on = date_edit(today(), "lead_seen_on")
        self.seen_on.setMaximumDate(self.seen_on.date())
        self.unit = QComboBox(objectName="lead_unit")
        base = min((u.depth for u in units), default=0)
        for unit in units:
            self.unit.addItem("　" * (unit.depth - base) + unit.name, unit.id)
        if unit_id:
            self.unit.setCurrentIndex(max(0, self.unit.findData(unit_id)))
        self.add_row(tr("发现渠道/平台"), self.where)
        self.add_row(tr("发现日期"), self.seen_on)
        self.add_row(tr("登记单位"), self.unit)
        self.where.textChanged.connect(self.update_ok)
        self.set_extra_check(lambda: "" if self.where.text().strip() else tr("请填写发现渠道。"))

    def values(self) -> dict:
        return {"where_seen": self.where.text().strip(), "summary": self.reason(), "seen_on": day_of(self.seen_on),
                "unit_id": self.unit.currentData()}
