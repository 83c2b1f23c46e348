"""申请人身安全保护令 and 登记裁定, and the measures picker the order dialogs share.

The application needs the victim's consent on record (反家庭暴力法第二十三条): without it only when she
cannot consent (无/限制民事行为能力, 受强制或威吓), with the reason written down. 确定 stays disabled until
the court, the consent (or the reason) and at least one measure are there; the core checks again.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QLineEdit, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.crisis.protection_orders import MEASURES, OrderView

from ..i18n import tr
from ..common.crisis_common import aware, datetime_edit, now, set_datetime
from ..common.case_actions_reason import ReasonDialog


def short_labels() -> dict[str, str]:
    """Check-box texts short enough for a dialog; the statutory wording is the tooltip."""
    return {"no_violence": tr("禁止实施家庭暴力"),
            "no_harassment": tr("禁止骚扰、跟踪、接触申请人及其相关近亲属"),
            "move_out": tr("责令迁出申请人住所"),
            "no_threat_messages": tr("禁止以电话、短信、网络等方式侮辱、诽谤、威胁"),
            "keep_away": tr("禁止在申请人住所、学校、单位等场所一定范围内活动")}


class MeasuresPicker(QWidget):
    """The statutory measures as check boxes, anything else one per line under 其他措施."""

    def __init__(self, parent: QWidget | None = None, chosen: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("order_measures")
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        short = short_labels()
        for code, label in MEASURES.items():
            box = QCheckBox(short.get(code, label), objectName=f"measure_{code}")
            box.setToolTip(label)
            self.boxes[code] = box
            layout.addWidget(box)
        self.other = QPlainTextEdit(objectName="measure_other")
        self.other.setPlaceholderText(tr("其他措施（每行一项），如：禁止被申请人接近申请人子女就读的学校"))
        self.other.setTabChangesFocus(True)
        self.other.setFixedHeight(54)
        layout.addWidget(self.other)
        self.set_measures(chosen)

    def set_measures(self, measures: tuple[str, ...] | list[str]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in measures)
        self.other.setPlainText("\n".join(m for m in measures if m not in self.boxes))

    def measures(self) -> list[str]:
        chosen = [code for code, box in self.boxes.items() if box.isChecked()]
        return chosen + [line.strip() for line in self.other.toPlainText().splitlines() if line.strip()]

    def connect_changed(self, slot) -> None:  # noqa: ANN001
        for box in self.boxes.values():
            box.toggled.connect(slot)
        self.other.textChanged.connect(slot)


class ApplyOrderDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, tr("申请人身安全保护令"), tr("备注"), required=False, ok_text=tr("登记申请"),
                         notice=tr("法院受理后应在 72 小时内作出裁定，情况紧急的 24 小时内（反家庭暴力法第二十八条）；"
                                   "计时自法院受理申请时起。妇联代为申请须依受害人意愿。"),
                         placeholder=tr("如：已提交报警回执、伤情照片、告诫书作为证据"))
        self.setObjectName("order_apply_dialog")
        self.court = QLineEdit(objectName="order_court")
        self.court.setPlaceholderText(tr("受理申请的人民法院，如：长沙市望城区人民法院"))
        self.court.setMaxLength(100)
        self.applied_at = datetime_edit(object_name="order_applied_at")
        self.urgent = QCheckBox(tr("情况紧急（法院应在 24 小时内裁定）"), objectName="order_urgent")
        self.consent = QCheckBox(tr("受害人同意由妇联代为申请（已记录其意愿）"), objectName="order_consent")
        self.lacks = QCheckBox(tr("受害人无法表示同意（无/限制民事行为能力，或受强制、威吓）"), objectName="order_lacks")
        self.capacity_note = QLineEdit(objectName="order_capacity_note")
        self.capacity_note.setPlaceholderText(tr("写明无法表示同意的原因（必填）"))
        self.capacity_note.setMaxLength(500)
        # 反家庭暴力法第二十三条第二款: who applies for her when she cannot (近亲属, 公安机关, 妇联 …).
        self.on_behalf = QLineEdit(objectName="order_on_behalf")
        self.on_behalf.setPlaceholderText(tr("代为申请的近亲属、公安机关或组织；不填则为本单位"))
        self.on_behalf.setMaxLength(200)
        self.measures = MeasuresPicker(self)
        self.add_row(tr("法院"), self.court)
        self.add_row(tr("法院受理时间"), self.applied_at)
        self.add_row("", self.urgent)
        self.add_row(tr("受害人意愿"), self.consent)
        self.add_row("", self.lacks)
        self.add_row(tr("原因"), self.capacity_note)
        self.add_row(tr("代为申请人"), self.on_behalf)
        self.add_row(tr("请求的措施"), self.measures)
        for signal in (self.court.textChanged, self.consent.toggled, self.lacks.toggled,
                       self.capacity_note.textChanged):
            signal.connect(self._changed)
        self.measures.connect_changed(self.update_ok)
        self.set_extra_check(self._problem)
        self._changed()
        self.resize(720, self.sizeHint().height())

    def _changed(self) -> None:
        self.lacks.setEnabled(not self.consent.isChecked())
        if self.consent.isChecked():
            self.lacks.setChecked(False)
        self.capacity_note.setEnabled(self.lacks.isChecked())
        self.on_behalf.setEnabled(self.lacks.isChecked())
        self.update_ok()

    def _problem(self) -> str:
        if not self.court.text().strip():
            return tr("请填写受理申请的人民法院。")
        if not self.consent.isChecked():
            if not self.lacks.isChecked():
                return tr("妇联代为申请须取得受害人同意：请勾选其同意，或说明其无法表示同意。")
            if not self.capacity_note.text().strip():
                return tr("请写明受害人无法表示同意的原因。")
        if not self.measures.measures():
            return tr("请至少选择或填写一项请求的保护措施。")
        if aware(self.applied_at) > now():
            return tr("受理时间不能晚于现在。")
        return ""

    def values(self) -> dict:
        consent = self.consent.isChecked()
        return {"court": self.court.text().strip(), "applied_at": aware(self.applied_at),
                "urgent": self.urgent.isChecked(), "consent_recorded": consent, "measures": self.measures.measures(),
                "lacks_capacity": not consent and self.lacks.isChecked(),
                "capacity_note": self.capacity_note.text().strip() or None if not consent else None,
                "applied_on_behalf_by": self.on_behalf.text().strip() or None if not consent else None,
                "note": self.reason() or None}


class DecideOrderDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, order: OrderView) -> None:
        due = order.decision_clock.deadline.due_at if order.decision_clock else None
        super().__init__(parent, tr("登记法院裁定：{court}").format(court=order.court), tr("备注"), required=False,
                         ok_text=tr("登记裁定"),
                         notice=tr("法院应于 {due} 前作出裁定。").format(due=format_local(due)) if due else "",
                         placeholder=tr("裁定书文号；驳回的理由"))
        self.setObjectName("order_decide_dialog")
        self.order = order
        self.granted = QRadioButton(tr("准予，作出人身安全保护令"), objectName="order_granted")
        self.refused = QRadioButton(tr("驳回申请"), objectName="order_refused")
        self.group = QButtonGroup(self)
        for button in (self.granted, self.refused):
            self.group.addButton(button)
        self.granted.setChecked(True)
        self.decided_at = datetime_edit(object_name="order_decided_at")
        if order.applied_at > now():
            set_datetime(self.decided_at, order.applied_at)
        self.add_row(tr("裁定结果"), self.granted)
        self.add_row("", self.refused)
        self.add_row(tr("裁定时间"), self.decided_at)
        self.decided_at.dateTimeChanged.connect(self.update_ok)
        self.set_extra_check(self._problem)

    def _problem(self) -> str:
        if aware(self.decided_at) < self.order.applied_at.replace(second=0, microsecond=0):
            return tr("裁定时间不能早于法院受理申请的时间（{at}）。").format(at=format_local(self.order.applied_at))
        return ""

    def values(self) -> dict:
        return {"granted": self.granted.isChecked(), "decided_at": aware(self.decided_at), "note": self.reason() or None}
