"""The steps after the ruling: 登记作出 (签发), 送达, 变更, 延长 and 违反 of a protection order.

An order is valid at most six months from the day it is made (反家庭暴力法第三十条): the expiry field
is filled with that day and cannot go past it; an extension likewise runs at most six months from the
day the court decided it. A violation makes the case a major incident at once.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from fulian_desktop.domain.localtime import local_date
from fulian_desktop.services.crisis.protection_orders import OrderView, latest_expiry

from ..i18n import tr
from ..common.crisis_common import aware, date_edit, datetime_edit, day_of, set_date, today
from ..common.case_actions_reason import ReasonDialog
from .protection_order_apply import MeasuresPicker


class _ExpiryPair:
    """A start-day field and an expiry field kept within six months of it (default: exactly six)."""

    def __init__(self, dialog: ReasonDialog, start: date, start_label: str, expiry_label: str,
                 start_name: str, expiry_name: str) -> None:
        self.start = date_edit(start, start_name)
        self.expiry = date_edit(latest_expiry(start), expiry_name)
        self.note = QLabel(objectName="order_expiry_note")
        self.note.setStyleSheet("color:#5f6368")
        dialog.add_row(start_label, self.start)
        dialog.add_row(expiry_label, self.expiry)
        dialog.add_row("", self.note)
        self._last_start = start
        self.start.dateChanged.connect(self._start_changed)
        self.expiry.dateChanged.connect(dialog.update_ok)
        self._start_changed()

    def _start_changed(self) -> None:
        start = day_of(self.start)
        was_latest = day_of(self.expiry) == latest_expiry(self._last_start)
        latest = latest_expiry(start)
        self.expiry.setMinimumDate(self.start.date())
        self.expiry.setMaximumDate(self.start.date().addYears(1))
        if was_latest or day_of(self.expiry) > latest:
            set_date(self.expiry, latest)
        self._last_start = start
        self.note.setText(tr("最长有效至 {day}（六个月，遇节假日不顺延）；到期前 14 天提醒申请延长。").format(day=latest.isoformat()))

    def problem(self) -> str:
        latest = latest_expiry(day_of(self.start))
        if day_of(self.expiry) > latest:
            return tr("保护令有效期不超过六个月：最迟到 {day}。").format(day=latest.isoformat())
        return ""


class IssueOrderDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, order: OrderView) -> None:
        super().__init__(parent, tr("登记保护令作出（签发）"), tr("备注"), required=False, ok_text=tr("登记"),
                         notice=tr("保护令自作出之日起生效，有效期不超过六个月（反家庭暴力法第三十条）。"),
                         placeholder=tr("保护令文号"))
        self.setObjectName("order_issue_dialog")
        self.order = order
        made = local_date(order.decided_at) if order.decided_at else today()
        self.pair = _ExpiryPair(self, made, tr("作出日期"), tr("有效期至"), "order_issued_on", "order_expires_on")
        self.measures = MeasuresPicker(self, order.measures)
        self.add_row(tr("措施"), self.measures)
        self.measures.connect_changed(self.update_ok)
        self.set_extra_check(self._problem)
        self.resize(700, self.sizeHint().height())

    def _problem(self) -> str:
        if day_of(self.pair.start) < local_date(self.order.applied_at):
            return tr("作出日期不能早于申请日期。")
        if not self.measures.measures():
            return tr("请至少保留一项保护措施。")
        return self.pair.problem()

    def values(self) -> dict:
        return {"issued_on": day_of(self.pair.start), "expires_on": day_of(self.pair.expiry),
                "measures": self.measures.measures(), "note": self.reason() or None}


class ServeOrderDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, order: OrderView) -> None:
        super().__init__(parent, tr("登记送达"), tr("备注"), required=False, ok_text=tr("登记"),
                         notice=tr("保护令由法院送达申请人、被申请人、公安机关以及居（村）民委员会（第三十二条）。"),
                         placeholder=tr("送达对象和方式"))
        self.setObjectName("order_serve_dialog")
        self.order = order
        self.served_on = date_edit(max(today(), order.issued_on or today()), "order_served_on")
        self.add_row(tr("送达日期"), self.served_on)
        self.served_on.dateChanged.connect(self.update_ok)
        self.set_extra_check(self._problem)

    def _problem(self) -> str:
        if self.order.issued_on and day_of(self.served_on) < self.order.issued_on:
            return tr("送达日期不能早于保护令作出日期。")
        return ""

    def values(self) -> dict:
        return {"served_on": day_of(self.served_on), "note": self.reason() or None}


class VaryOrderDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, order: OrderView) -> None:
        super().__init__(parent, tr("登记保护令变更"), tr("变更的内容或理由"), ok_text=tr("登记变更"),
                         notice=tr("保护令失效前，法院可以根据申请人的申请变更措施。"))
        self.setObjectName("order_vary_dialog")
        self.order = order
        self.varied_on = date_edit(today(), "order_varied_on")
        self.measures = MeasuresPicker(self, order.measures)
        self.add_row(tr("变更日期"), self.varied_on)
        self.add_row(tr("措施"), self.measures)
        self.measures.connect_changed(self.update_ok)
        self.varied_on.dateChanged.connect(self.update_ok)
        self.set_extra_check(self._problem)
        self.resize(700, self.sizeHint().height())

    def _problem(self) -> str:
        if not self.measures.measures():
            return tr("请至少保留一项保护措施。")
        return _in_force_problem(self.order, day_of(self.varied_on))

    def values(self) -> dict:
        return {"measures": self.measures.measures(), "note": self.reason(), "varied_on": day_of(self.varied_on)}


class ExtendOrderDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, order: OrderView) -> None:
        super().__init__(parent, tr("登记保护令延长"), tr("备注"), required=False, ok_text=tr("登记延长"),
                         notice=tr("须在保护令失效前由法院裁定延长；延长后的有效期自延长裁定之日起不超过六个月。"
                                   "原到期日：{day}").format(day=order.expires_on.isoformat() if order.expires_on else ""),
                         placeholder=tr("延长裁定文号"))
        self.setObjectName("order_extend_dialog")
        self.order = order
        self.pair = _ExpiryPair(self, today(), tr("延长裁定日期"), tr("延长至"), "order_extended_on",
                                "order_new_expiry")
        self.set_extra_check(self._problem)

    def _problem(self) -> str:
        if self.order.expires_on and day_of(self.pair.expiry) <= self.order.expires_on:
            return tr("延长后的到期日须晚于原到期日（{day}）。").format(day=self.order.expires_on.isoformat())
        return _in_force_problem(self.order, day_of(self.pair.start)) or self.pair.problem()

    def values(self) -> dict:
        return {"new_expires_on": day_of(self.pair.expiry), "decided_on": day_of(self.pair.start),
                "note": self.reason() or None}


class ViolationDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None, order: OrderView) -> None:
        super().__init__(parent, tr("登记违反保护令"), tr("违反的情况"), ok_text=tr("登记违反"),
                         notice=tr("登记后本案立即标记为重大案事件，置于督导审核队列首位。被申请人违反保护令的，"
                                   "应立即报警，并告知当事人可向法院申请处理（反家庭暴力法第三十四条）。"),
                         placeholder=tr("时间、地点、行为、是否报警"))
        self.setObjectName("order_violation_dialog")
        self.order = order
        self.at = datetime_edit(object_name="order_violation_at")
        self.add_row(tr("发生时间"), self.at)
        self.at.dateTimeChanged.connect(self.update_ok)
        self.set_extra_check(lambda: _in_force_problem(self.order, aware(self.at).date()))

    def values(self) -> dict:
        return {"at": aware(self.at), "note": self.reason()}


def _in_force_problem(order: OrderView, on: date) -> str:
    if order.issued_on and on < order.issued_on:
        return tr("日期不能早于保护令作出日期（{day}）。").format(day=order.issued_on.isoformat())
    if order.expires_on and on > order.expires_on:
        return tr("保护令已于 {day} 期满失效；如需保护，请重新申请。").format(day=order.expires_on.isoformat())
    return ""
