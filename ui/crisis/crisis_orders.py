"""The 保护令 sub-tab: the case's protection orders with their status, measures and clocks, and the steps.

Each order's clocks are chips under the table: the decision clock (72 h, 24 h when urgent) while the
court has not ruled — then how the ruling met it — and the expiry (at most six months) with its alert
14 days before. Buttons follow the selected order's state: 申请 → 裁定 → 登记作出 → 送达, and while in
force 变更, 延长, 违反.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.clocks import ClockStatus
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.crisis import protection_orders as po
from fulian_desktop.services.crisis.protection_orders import OrderStatus, OrderView

from .protection_order_apply import ApplyOrderDialog, DecideOrderDialog
from .protection_order_steps import (
    ExtendOrderDialog, IssueOrderDialog, ServeOrderDialog, VaryOrderDialog, ViolationDialog,
)
from ..i18n import tr
from ..common.case_actions_runner import ActionRunner
from ..common.case_actions_table import fit_columns, setup_table
from ..common.case_clocks_chips import CHIP_COLOURS, FlowLayout, clock_chip, style_chip
from ..common.crisis_common import banner


def event_labels() -> dict[str, str]:
    return {"applied": tr("申请"), "decided": tr("裁定"), "issued": tr("作出"), "served": tr("送达"),
            "varied": tr("变更"), "extended": tr("延长"), "violated": tr("违反")}


def columns() -> tuple[str, ...]:
    return (tr("法院"), tr("受理时间"), tr("状态"), tr("时限"), tr("有效期"), tr("措施"), tr("违反"))


def expiry_note() -> str:
    """The expiry is six months to the day, not moved off rest days (domain.dv_mediation.ORDER_EXPIRY_NOTE)."""
    return tr("保护令有效期按作出之日起六个月计算，到期日遇节假日、周末不顺延（不适用民法典第二百零三条的顺延）："
              "这里显示的到期日可能比按期间规则顺延后的日子早，提醒只会提前，不会迟到。")


def clock_state(o: OrderView) -> tuple[str, str]:
    """(chip state, text) of the order's live clock: the decision while applied, the expiry while issued."""
    if o.status == OrderStatus.APPLIED and o.decision_clock is not None:
        c = o.decision_clock
        return c.status.value, tr("裁定期限：{countdown}").format(countdown=c.countdown)
    if o.expiry_status is not None:
        if o.expired:
            return "stopped", tr("已失效")
        return o.expiry_status.value, tr("到期：{text}").format(text=o.expiry_text or "")
    return "stopped", "—"


def order_cells(o: OrderView) -> tuple[str, ...]:
    valid = "—"
    if o.issued_on:
        valid = f"{o.issued_on.isoformat()} — {o.expires_on.isoformat() if o.expires_on else ''}"
    urgent = tr("（紧急）") if o.urgent else ""
    return (o.court, format_local(o.applied_at) + urgent, o.status_label, clock_state(o)[1], valid,
            "；".join(o.measure_labels), str(o.violations) if o.violations else "—")


def order_details(o: OrderView) -> str:
    consent = tr("受害人同意") if o.consent_recorded else tr("受害人无法表示同意（已记录原因）")
    if o.applied_on_behalf_by:
        consent += tr("，由{who}代为申请").format(who=o.applied_on_behalf_by)
    parts = [f"<p><b>{escape(o.court)}</b>　{escape(o.status_label)}　{escape(consent)}</p>"]
    parts.append("<b>" + escape(tr("措施")) + "</b><ol style='margin-top:0'>"
                 + "".join(f"<li>{escape(m)}</li>" for m in o.measure_labels) + "</ol>")
    steps = []
    labels = event_labels()
    for h in o.history:
        label = labels.get(h.get("event", ""), h.get("event", ""))
        extra = []
        if h.get("event") == "decided":
            extra.append(tr("准予") if h.get("granted") else tr("驳回"))
        if h.get("expires_on"):
            extra.append(tr("有效期至 {day}").format(day=h["expires_on"]))
        if h.get("note"):
            extra.append(h["note"])
        at = str(h.get("at", ""))[:16].replace("T", " ")
        steps.append(f"<li>{escape(at)}　{escape(label)}　{escape(h.get('by', ''))}"
                     + (("：" + escape("；".join(extra))) if extra else "") + "</li>")
    if steps:
        parts.append("<b>" + escape(tr("经过")) + "</b><ul style='margin-top:0'>" + "".join(steps) + "</ul>")
    if o.expires_on is not None:
        parts.append(f"<p style='color:#555'>{escape(expiry_note())}</p>")
    if o.review_hint:
        parts.append(f"<p style='color:#9a6700'>{escape(o.review_hint)}</p>")
    return "".join(parts)


class ProtectionOrdersPanel(QWidget):
    def __init__(self, runner: ActionRunner, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.case_id = runner, case_id
        self.views: tuple[OrderView, ...] = ()
        self.editable = False
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (("apply", tr("申请保护令(&P)…"), self.start_apply),
                                ("decide", tr("登记裁定…"), self.start_decide),
                                ("issue", tr("登记作出…"), self.start_issue), ("serve", tr("登记送达…"), self.start_serve),
                                ("vary", tr("变更…"), self.start_vary), ("extend", tr("延长…"), self.start_extend),
                                ("violate", tr("违反…"), self.start_violate)):
            button = QPushButton(text, objectName=f"order_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
            if key in ("apply", "serve"):
                row.addSpacing(12)
        row.addStretch(1)
        self.table = QTableWidget(0, len(columns()), objectName="order_table")
        setup_table(self.table, columns())
        self.table.setAlternatingRowColors(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.alert = banner("warn", "order_expiry_alert")
        self.chips_host = QWidget(objectName="order_chips")
        self.chips = FlowLayout(self.chips_host)
        self.details = QLabel(objectName="order_details")
        self.details.setTextFormat(Qt.RichText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.alert)
        lower_layout.addWidget(self.chips_host)
        lower_layout.addWidget(self.details, 1)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([200, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        runner.sig_busy.connect(lambda _b: self.update_buttons())

    # --- data --------------------------------------------------------------------------------------
    def set_data(self, views: tuple[OrderView, ...], editable: bool) -> None:
        selected = self.selected()
        self.views, self.editable = views, editable
        self.table.setRowCount(len(views))
        for r, o in enumerate(views):
            state, _text = clock_state(o)
            for column, text in enumerate(order_cells(o)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3 and state not in ("stopped", ClockStatus.RUNNING.value):
                    background, colour, _border = CHIP_COLOURS[state]
                    item.setBackground(QBrush(QColor(background)))
                    item.setForeground(QBrush(QColor(colour)))
                if column == 2:
                    colour = "#1e7e34" if o.in_force else "#9a6700" if o.status in (
                        OrderStatus.APPLIED, OrderStatus.GRANTED) else "#5f6368"
                    item.setForeground(QBrush(QColor(colour)))
                self.table.setItem(r, column, item)
        fit_columns(self.table, stretch=5, caps={0: 220, 4: 220})
        row = next((i for i, o in enumerate(views) if selected and o.id == selected.id), len(views) - 1)
        if row >= 0:
            self.table.selectRow(row)
        self._selection_changed()

    def selected(self) -> OrderView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.views):
            return None
        return self.views[rows[0].row()]

    def _selection_changed(self) -> None:
        o = self.selected()
        while self.chips.count():
            widget = self.chips.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for chip in self._chips(o) if o else ():
            self.chips.addWidget(chip)
        self.chips_host.setVisible(o is not None)
        if o is not None and o.expiry_alert:
            self.alert.setText(tr("保护令即将到期：{text}。如仍需保护，请协助当事人在失效前向法院申请延长。").format(
                text=o.expiry_text or ""))
        self.alert.setVisible(o is not None and o.expiry_alert)
        self.details.setText(order_details(o) if o else tr("本案尚无人身安全保护令。"))
        self.update_buttons()

    def _chips(self, o: OrderView) -> list[QLabel]:
        chips = []
        if o.decision_clock is not None:
            chip = clock_chip(o.decision_clock)
            if o.decided_at is not None:
                met = o.decided_at <= o.decision_clock.deadline.due_at
                chip.setText(tr("{label}：已于 {at} 裁定（{met}）").format(
                    label=tr(o.decision_clock.label), at=format_local(o.decided_at), met=tr("按时") if met else tr("超期")))
            chips.append(chip)
        if o.expiry_clock is not None and o.status in (OrderStatus.ISSUED, OrderStatus.SERVED):
            chip = clock_chip(o.expiry_clock)
            state = "stopped" if o.expired else (o.expiry_status.value if o.expiry_status else "running")
            chip.setText(tr("{label}：{text}").format(label=tr(o.expiry_clock.label),
                                                     text=tr("已失效") if o.expired else o.expiry_text or ""))
            chip.setProperty("clock_status", state)
            chip.setToolTip(expiry_note())
            style_chip(chip, state)
            chips.append(chip)
        return chips

    def update_buttons(self) -> None:
        o = self.selected()
        idle = self.editable and not self.runner.busy
        status = o.status if o else None
        pending = any(v.status == OrderStatus.APPLIED for v in self.views)
        live = o is not None and status in (OrderStatus.ISSUED, OrderStatus.SERVED) and not o.expired
        enabled = {"apply": not pending, "decide": status == OrderStatus.APPLIED,
                   "issue": status == OrderStatus.GRANTED, "serve": status == OrderStatus.ISSUED and not o.expired,
                   "vary": live, "extend": live, "violate": live}
        for key, button in self.buttons.items():
            button.setEnabled(idle and enabled[key])
        self.buttons["apply"].setToolTip(tr("已有一份申请待法院裁定。") if pending else "")

    # --- the steps ---------------------------------------------------------------------------------
    def _open(self, dialog, fn, notice: str, call) -> None:  # noqa: ANN001
        """Open `dialog`; on 确定 run `fn(*args, **kwargs)` with `(args, kwargs) = call(values)`."""
        def run() -> None:
            args, kwargs = call(dialog.values())
            self.runner.write(fn, *args, notice=notice, **kwargs)
        self.runner.open_dialog(dialog, run)

    def start_apply(self) -> None:
        if self.runner.busy:
            return
        self._open(ApplyOrderDialog(self), po.apply_for_order, tr("已登记保护令申请，裁定计时开始"),
                   lambda v: ((self.case_id, v["court"], v["applied_at"], v["urgent"], v["consent_recorded"],
                               v["measures"]),
                              {k: v[k] for k in ("lacks_capacity", "capacity_note", "applied_on_behalf_by", "note")}))

    def _step(self, dialog_class, fn, notice: str, positional: tuple[str, ...]) -> None:  # noqa: ANN001
        o = self.selected()
        if o is None or self.runner.busy:
            return
        self._open(dialog_class(self, o), fn, notice, lambda v: ((o.id, *(v[k] for k in positional)), {}))

    def start_decide(self) -> None:
        self._step(DecideOrderDialog, po.decide_order, tr("已登记法院裁定"), ("granted", "decided_at", "note"))

    def start_issue(self) -> None:
        self._step(IssueOrderDialog, po.issue_order, tr("已登记保护令作出，到期计时开始"),
                   ("issued_on", "expires_on", "measures", "note"))

    def start_serve(self) -> None:
        self._step(ServeOrderDialog, po.serve_order, tr("已登记送达"), ("served_on", "note"))

    def start_vary(self) -> None:
        self._step(VaryOrderDialog, po.vary_order, tr("已登记保护令变更"), ("measures", "note", "varied_on"))

    def start_extend(self) -> None:
        self._step(ExtendOrderDialog, po.extend_order, tr("已登记保护令延长"), ("new_expires_on", "decided_on", "note"))

    def start_violate(self) -> None:
        self._step(ViolationDialog, po.record_violation, tr("已登记违反保护令，本案已标记为重大案事件"), ("at", "note"))
