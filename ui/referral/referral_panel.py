"""The 转介 tab: the case's referrals between tiers and to agencies, and what may be done with them.

上报 / 交办 and 转介给机构 start a referral; 撤回 takes an open one back (the sending side); for agency
referrals 记录回复 (已接收 / 已拒绝) and 记录反馈. Accepting or returning a tier referral belongs to the
receiving unit's inbox, but when the viewer's own unit is the receiver 接收 / 退回 are offered here too.
The selected referral's details and history are shown under the table.
"""
from __future__ import annotations

from datetime import timedelta
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.domain.referral_rules import AgencyStatus, ReferralKind, TierStatus
from fulian_desktop.domain.workflow import is_open
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.referral import referrals
from fulian_desktop.services.referral.referrals import ReferralView
from fulian_desktop.services.cases.views import CaseDetail

from ..common.case_actions_reason import ReasonDialog
from .referral_dialogs import AgencyReferralDialog, AgencyResponseDialog, TierReferralDialog
from ..errors import messages
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from ..common.case_actions_table import fit_columns, setup_table

COLUMNS = (QT_TRANSLATE_NOOP("", "类别"), QT_TRANSLATE_NOOP("", "方向 / 部门"), QT_TRANSLATE_NOOP("", "发送 → 接收"), QT_TRANSLATE_NOOP("", "状态"), QT_TRANSLATE_NOOP("", "理由"), QT_TRANSLATE_NOOP("", "发送"), QT_TRANSLATE_NOOP("", "答复"), QT_TRANSLATE_NOOP("", "反馈"), QT_TRANSLATE_NOOP("", "用时"))
STATUS_COLOURS = {TierStatus.PENDING.value: "#9a6700", AgencyStatus.SENT.value: "#9a6700",
                  TierStatus.RETURNED.value: "#b3261e", AgencyStatus.REFUSED.value: "#b3261e",
                  TierStatus.ACCEPTED.value: "#1e7e34", AgencyStatus.FEEDBACK.value: "#1e7e34"}


def duration_text(delta: timedelta | None) -> str:
    if delta is None:
        return "—"
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return tr("{days} 天 {hours} 小时").format(days=days, hours=hours)
    if hours:
        return tr("{hours} 小时 {minutes} 分").format(hours=hours, minutes=minutes)
    return tr("{minutes} 分钟").format(minutes=minutes)


def referral_cells(r: ReferralView) -> tuple[str, ...]:
    if r.kind == ReferralKind.TIER:
        where, route = r.direction_label, f"{r.from_unit_name} → {r.to_unit_name or ''}"
    else:
        where, route = r.agency_type_label or "", f"{r.from_unit_name} → {r.agency_name or ''}"
    answer = "—"
    if r.responded_at:
        answer = f"{r.responded_by_name or ''} {format_local(r.responded_at)}"
        if r.response_note:
            answer += f"：{r.response_note}"
    return (r.kind_label, where, route, r.status_label, r.reason, f"{r.sent_by_name} {format_local(r.sent_at)}",
            answer, r.feedback or "—", duration_text(r.response_time))


def referral_details(r: ReferralView) -> str:
    rows = [(tr("状态"), r.status_label), (tr("理由"), r.reason),
            (tr("发送"), f"{r.sent_by_name}，{format_local(r.sent_at)}")]
    if r.kind == ReferralKind.AGENCY:
        rows += [(tr("接收部门"), f"{r.agency_name}（{r.agency_type_label}）"),
                 (tr("共享内容"), "、".join(r.shared_items) or "—"),
                 (tr("当事人同意"), r.consent_note or r.consent_label or "—")]
    else:
        rows.append((tr("接收单位"), f"{r.to_unit_name}（{r.direction_label}）"))
    if r.responded_at:
        rows.append((tr("答复"), f"{r.responded_by_name}，{format_local(r.responded_at)}"
                            + (f"：{r.response_note}" if r.response_note else "")
                            + tr("（用时 {duration_text}）").format(duration_text=duration_text(r.response_time))))
    if r.feedback:
        rows.append((tr("反馈"), r.feedback))
    html = "".join(f"<tr><td style='color:#555;padding-right:12px'>{escape(k)}</td><td>{escape(v)}</td></tr>"
                   for k, v in rows)
    steps = "".join(f"<li>{escape(format_local(s.at))}　{escape(s.actor_name or '')}：{escape(s.summary)}</li>"
                    for s in r.history)
    return (f"<b>{escape(r.kind_label)}</b><table>{html}</table>"
            + (tr("<p style='margin-bottom:2px'><b>经过</b></p><ul style='margin-top:0'>{steps}</ul>").format(steps=steps) if steps else ""))


class ReferralPanel(QWidget):
    def __init__(self, session: AppSession, runner: ActionRunner, case_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.case_id = session, runner, case_id
        self.detail: CaseDetail | None = None
        self.views: tuple[ReferralView, ...] = ()

        self.table = QTableWidget(0, len(COLUMNS), objectName="referral_table")
        setup_table(self.table, COLUMNS)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.details = QLabel(objectName="referral_details")
        self.details.setTextFormat(Qt.RichText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details.setMargin(8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 240])

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (("tier", tr("上报 / 交办…"), self.start_tier), ("agency", tr("转介给机构…"), self.start_agency),
                                ("withdraw", tr("撤回"), self.start_withdraw), ("response", tr("记录回复"), self.start_response),
                                ("feedback", tr("记录反馈"), self.start_feedback), ("accept", tr("接收"), self.start_accept),
                                ("return", tr("退回"), self.start_return)):
            button = QPushButton(text, objectName=f"referral_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
            if key == "agency":
                row.addSpacing(16)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        runner.sig_busy.connect(lambda _b: self.update_buttons())
        self.update_buttons()

    # --- data --------------------------------------------------------------------------------------
    def set_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.update_buttons()

    def set_referrals(self, views: tuple[ReferralView, ...]) -> None:
        selected = self.selected()
        self.views = views
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            for column, text in enumerate(referral_cells(view)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3 and view.status in STATUS_COLOURS:
                    item.setForeground(QBrush(QColor("#ffffff")))
                    item.setBackground(QBrush(QColor(STATUS_COLOURS[view.status])))
                self.table.setItem(row, column, item)
        fit_columns(self.table, stretch=4, caps={2: 280, 6: 260, 7: 240})
        row = next((i for i, v in enumerate(views) if selected and v.id == selected.id), len(views) - 1)
        if row >= 0:
            self.table.selectRow(row)
        self._selection_changed()

    def selected(self) -> ReferralView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.views):
            return None
        return self.views[rows[0].row()]

    def _selection_changed(self) -> None:
        view = self.selected()
        self.details.setText(referral_details(view) if view else
                             tr("<span style='color:#666'>本案尚无转介。</span>") if not self.views else "")
        self.update_buttons()

    # --- who may do what now -------------------------------------------------------------------------
    def _may_refer(self) -> bool:
        actor = self.session.actor
        return actor is not None and can(actor, Permission.CASE_REFER)

    def is_receiver(self, r: ReferralView) -> bool:
        actor = self.session.actor
        return (actor is not None and r.kind == ReferralKind.TIER and r.status == TierStatus.PENDING
                and (actor.is_system or actor.unit_id == r.to_unit_id))

    def _sender_side(self, r: ReferralView) -> bool:
        actor = self.session.actor
        return actor is not None and (actor.is_system or actor.in_scope(r.from_unit_id)) and not self.is_receiver(r)

    def update_buttons(self) -> None:
        may = self._may_refer()
        open_case = self.detail is not None and is_open(self.detail.row.status)
        idle = not self.runner.busy
        pending_tier = next((v for v in self.views if v.kind == ReferralKind.TIER
                             and v.status == TierStatus.PENDING), None)
        r = self.selected()
        agency = r is not None and r.kind == ReferralKind.AGENCY
        b = self.buttons
        for button in b.values():
            button.setVisible(may)
        b["tier"].setEnabled(idle and open_case and pending_tier is None)
        b["tier"].setToolTip(tr("已有待接收的层级转介，请等对方处理或先撤回。") if pending_tier else
                             tr("上报给上级单位，或交办给直属下级单位") if open_case else tr("案件已办结，不能转介。"))
        b["agency"].setEnabled(idle and open_case)
        b["withdraw"].setEnabled(idle and r is not None and r.is_open and self._sender_side(r))
        b["response"].setEnabled(idle and agency and r.status == AgencyStatus.SENT)
        b["feedback"].setEnabled(idle and agency and r.status == AgencyStatus.RECEIVED)
        receiver = r is not None and self.is_receiver(r)
        b["accept"].setVisible(may and receiver)
        b["return"].setVisible(may and receiver)
        b["accept"].setEnabled(idle and receiver)
        b["return"].setEnabled(idle and receiver)

    # --- actions -----------------------------------------------------------------------------------
    def start_tier(self) -> None:
        if self.detail is None or self.runner.busy:
            return
        dialog = TierReferralDialog(self, self.session, self.detail.row.unit_id)
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            referrals.refer_to_tier, self.case_id, dialog.unit_id(), dialog.reason(),
            notice=tr("已{verb}给 {name}，等待接收").format(verb=dialog.destination()[0], name=dialog.destination()[1])))

    def start_agency(self) -> None:
        if self.detail is None or self.runner.busy:
            return
        dialog = AgencyReferralDialog(self, self.session)

        def send() -> None:
            v = dialog.values()
            self.runner.write(referrals.refer_to_agency, self.case_id, v["agency_type"], v["agency_name"],
                              v["reason"], v["shared_items"], v["consent"], v["consent_note"],
                              notice=tr("已转介至{agency_name}").format(agency_name=v["agency_name"]))
        self.runner.open_dialog(dialog, send)

    def _reason_action(self, title: str, prompt: str, fn, notice: str, *, ok_text: str,  # noqa: ANN001
                       info: str = "", required: bool = True) -> None:
        r = self.selected()
        if r is None or self.runner.busy:
            return
        dialog = ReasonDialog(self, title, prompt, notice=info, ok_text=ok_text, required=required)
        dialog.setObjectName("referral_reason_dialog")
        self.runner.open_dialog(dialog, lambda: self.runner.write(fn, r.id, dialog.reason(), notice=notice))

    def start_withdraw(self) -> None:
        r = self.selected()
        if r is not None:
            where = r.to_unit_name if r.kind == ReferralKind.TIER else r.agency_name
            self._reason_action(tr("撤回转介：{where}").format(where=where), tr("撤回的理由"), referrals.withdraw, tr("已撤回转介"), ok_text=tr("撤回"))

    def start_feedback(self) -> None:
        r = self.selected()
        if r is not None:
            self._reason_action(tr("记录反馈：{agency_name}").format(agency_name=r.agency_name), tr("反馈内容"), referrals.record_feedback, tr("已记录反馈"),
                                ok_text=tr("保存"), info=tr("对方办理的结果，如法律援助决定、告诫书、庇护安置等。"))

    def start_return(self) -> None:
        r = self.selected()
        if r is not None:
            self._reason_action(tr("退回：来自{from_unit_name}").format(from_unit_name=r.from_unit_name), tr("退回的理由"), referrals.return_referral, tr("已退回转介"),
                                ok_text=tr("退回"), info=tr("退回后案件仍由发送单位办理。"))

    def start_accept(self) -> None:
        r = self.selected()
        if r is None or self.runner.busy:
            return
        text = tr("接收{from_unit_name}的{direction_label}？接收后案件移交本单位办理，您成为承办人。").format(from_unit_name=r.from_unit_name, direction_label=r.direction_label)
        if messages.confirm(self, tr("接收转介"), text):
            self.runner.write(referrals.accept, r.id, notice=tr("已接收，案件已移交本单位"))

    def start_response(self) -> None:
        r = self.selected()
        if r is None or self.runner.busy or r.kind != ReferralKind.AGENCY:
            return
        dialog = AgencyResponseDialog(self, r.agency_name or "")
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            referrals.record_agency_response, r.id, dialog.status(), dialog.reason(),
            contact=dialog.contact.text().strip() or None, notice=tr("已记录对方回复")))
