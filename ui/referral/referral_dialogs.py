"""Dialogs of the 转介 tab: sending a case up or down the tiers, out to an agency, and recording the
agency's answer. Each keeps 确定 disabled until what the core requires is filled in; the core still
checks everything (scope, consent, confidential contacts) and its message is shown if it refuses."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLineEdit, QRadioButton, QWidget,
)

from fulian_desktop.domain.referral_rules import SHAREABLE_ITEMS, AgencyStatus, AgencyType, Consent
from fulian_desktop.security.permissions import Permission, can

from ..errors import present_error
from .referral_data import referral_targets
from ..i18n import tr
from ..session import AppSession
from ..common.guard import while_alive
from ..common.case_actions_reason import ReasonDialog

DEFAULT_SHARED = ("基本情况", "案情摘要")  # core item names (shown through tr, see ui/domain_labels.py)


class TierReferralDialog(ReasonDialog):
    """上报 to the parent unit or 交办 to a direct child of the case's owner unit."""

    def __init__(self, parent: QWidget | None, session: AppSession, owner_unit_id: str) -> None:
        super().__init__(parent, tr("上报 / 交办"), tr("转介理由"), ok_text=tr("发送"),
                         notice=tr("案件在对方“接收”前仍由本单位办理；对方接收后，案件及其当事人、时间线、时限移交对方。"),
                         placeholder=tr("例如：涉及跨村纠纷，需街道协调处理"))
        self.setObjectName("referral_tier_dialog")
        self.target = QComboBox(objectName="referral_target")
        self.target.addItem(tr("正在加载…"), None)
        self.target.setEnabled(False)
        self.add_row(tr("接收单位"), self.target)
        self.target.currentIndexChanged.connect(self.update_ok)
        self.loaded = False
        self.set_extra_check(self._target_problem)
        session.read(referral_targets, owner_unit_id, on_done=while_alive(self, self._targets),
                     on_error=while_alive(self, lambda exc: present_error(self, exc)))

    def _targets(self, targets: list) -> None:  # list[tuple[str, OrgUnitView]]
        self.target.clear()
        self.destinations = {unit.id: (verb, unit.name) for verb, unit in targets}
        for verb, unit in targets:
            self.target.addItem(tr("{verb}给 {name}（{label}）").format(verb=verb, name=unit.name, label=tr(unit.tier.label)), unit.id)
        if not targets:
            self.target.addItem(tr("没有可转介的上级或直属下级单位"), None)
        self.target.setEnabled(bool(targets))
        self.loaded = True
        self.update_ok()

    def _target_problem(self) -> str:
        if not self.loaded:
            return tr("正在加载接收单位…")
        return "" if self.unit_id() else tr("请选择接收单位。")

    def unit_id(self) -> str | None:
        return self.target.currentData()

    def destination(self) -> tuple[str, str]:
        """(上报 or 交办, already translated; the unit's name) for the chosen unit."""
        return getattr(self, "destinations", {}).get(self.unit_id(), ("", ""))


class AgencyReferralDialog(ReasonDialog):
    """转介给机构: the agency, what is shared, and the person's consent (or a supervisor's override)."""

    def __init__(self, parent: QWidget | None, session: AppSession) -> None:
        super().__init__(parent, tr("转介给机构"), tr("转介理由"), ok_text=tr("转介"),
                         notice=tr("只共享勾选的内容。须取得当事人同意；未经同意的转介只能由督导决定并写明理由。"
                                "联系方式保密的当事人，只有本人同意才能共享其联系方式。"))
        self.setObjectName("referral_agency_dialog")
        actor = session.actor
        self.may_override = actor is not None and can(actor, Permission.CASE_APPROVE)
        self.agency_type = QComboBox(objectName="agency_type")
        self.agency_type.addItem(tr("请选择"), None)
        for agency in AgencyType:
            self.agency_type.addItem(tr(agency.label), agency.value)
        self.agency_name = QLineEdit(objectName="agency_name", placeholderText=tr("例如：望城区法律援助中心"))
        self.agency_name.setMaxLength(100)
        self.items: dict[str, QCheckBox] = {}
        items_box = QWidget(objectName="shared_items")
        grid = QGridLayout(items_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, item in enumerate(SHAREABLE_ITEMS):
            box = QCheckBox(tr(item), objectName=f"share_{index}")
            box.setChecked(item in DEFAULT_SHARED)
            box.toggled.connect(self.update_ok)
            self.items[item] = box
            grid.addWidget(box, index // 4, index % 4)

        consent_box = QWidget(objectName="consent_box")
        self.consent_given = QRadioButton(tr("当事人已同意"), objectName="consent_given")
        self.consent_override = QRadioButton(tr("督导特批（未经当事人同意）"), objectName="consent_override")
        self.consent_override.setVisible(self.may_override)
        self.consent_group = QButtonGroup(self)
        self.consent_group.addButton(self.consent_given)
        self.consent_group.addButton(self.consent_override)
        self.consent_note = QLineEdit(objectName="consent_note")
        self.consent_note.setPlaceholderText(tr("同意的方式（如书面签字）；督导特批须写明理由") if self.may_override
                                             else tr("同意的方式（如书面签字）"))
        self.consent_note.setMaxLength(500)
        consent_layout = QGridLayout(consent_box)
        consent_layout.setContentsMargins(0, 0, 0, 0)
        consent_layout.addWidget(self.consent_given, 0, 0)
        consent_layout.addWidget(self.consent_override, 0, 1)
        consent_layout.addWidget(self.consent_note, 1, 0, 1, 2)

        self.add_row(tr("部门类别"), self.agency_type)
        self.add_row(tr("接收部门"), self.agency_name)
        self.add_row(tr("共享内容"), items_box)
        self.add_row(tr("当事人同意"), consent_box)
        for signal in (self.agency_type.currentIndexChanged, self.agency_name.textChanged,
                       self.consent_note.textChanged, self.consent_group.buttonToggled):
            signal.connect(self.update_ok)
        self.set_extra_check(self._problem)
        self.resize(640, self.sizeHint().height())

    def consent(self) -> str | None:
        if self.consent_given.isChecked():
            return Consent.GIVEN.value
        if self.consent_override.isChecked() and self.may_override:
            return Consent.OVERRIDE.value
        return None

    def shared_items(self) -> list[str]:
        return [item for item, box in self.items.items() if box.isChecked()]

    def _problem(self) -> str:
        if self.agency_type.currentData() is None:
            return tr("请选择部门类别。")
        if not self.agency_name.text().strip():
            return tr("请填写接收部门名称。")
        if not self.shared_items():
            return tr("请选择要共享的内容。")
        consent = self.consent()
        if consent is None:
            return tr("请登记当事人是否同意。")
        if consent == Consent.OVERRIDE and not self.consent_note.text().strip():
            return tr("督导特批须写明理由。")
        return ""

    def values(self) -> dict:
        return {"agency_type": self.agency_type.currentData(), "agency_name": self.agency_name.text().strip(),
                "reason": self.reason(), "shared_items": self.shared_items(), "consent": self.consent(),
                "consent_note": self.consent_note.text().strip() or None}


class AgencyResponseDialog(ReasonDialog):
    """记录回复: the agency received (已接收) or refused (已拒绝, with its reason)."""

    def __init__(self, parent: QWidget | None, agency_name: str) -> None:
        super().__init__(parent, tr("记录回复：{agency_name}").format(agency_name=agency_name), tr("说明"), required=False, ok_text=tr("保存"),
                         placeholder=tr("对方的答复内容；已拒绝时写明拒绝理由"))
        self.setObjectName("referral_response_dialog")
        self.received = QRadioButton(tr(AgencyStatus.RECEIVED.label), objectName="response_received")
        self.refused = QRadioButton(tr(AgencyStatus.REFUSED.label), objectName="response_refused")
        self.group = QButtonGroup(self)
        for button in (self.received, self.refused):
            self.group.addButton(button)
        choice = QWidget()
        row = QHBoxLayout(choice)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.received)
        row.addWidget(self.refused)
        row.addStretch(1)
        self.contact = QLineEdit(objectName="response_contact", placeholderText=tr("对方答复人（可不填）"))
        self.contact.setMaxLength(60)
        self.add_row(tr("对方答复"), choice)
        self.add_row(tr("答复人"), self.contact)
        self.group.buttonToggled.connect(self.update_ok)
        self.set_extra_check(self._problem)

    def status(self) -> str | None:
        if self.received.isChecked():
            return AgencyStatus.RECEIVED.value
        if self.refused.isChecked():
            return AgencyStatus.REFUSED.value
        return None

    def _problem(self) -> str:
        if self.status() is None:
            return tr("请选择对方的答复：已接收或已拒绝。")
        if self.status() == AgencyStatus.REFUSED and not self.reason():
            return tr("已拒绝须填写对方的拒绝理由。")
        return ""
