"""The sessions part of the mediation tab: every session of the case (scheduled time, place, mediators, status,
outcome) with 安排调解 / 记录调解 / 取消安排, and the selected session's record (who came, what they were told,
the 调解笔录) underneath. Double-click (or Enter on) a scheduled session to record it.

In a domestic-violence case a line above the table says where the safety screening stands; 安全评估… records one,
督导批准… (supervisors) approves it, and 安排调解… without a cleared screening offers the screening or a separate
(背对背) session instead of a joint one (the core refuses the joint session all the same)."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.domain.mediation_rules import SessionOutcome, SessionStatus
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.mediation import mediation, mediation_safety
from fulian_desktop.services.mediation.mediation_safety import ScreeningView
from fulian_desktop.services.mediation.mediation_sessions import SessionView

from ..common.case_actions_reason import ReasonDialog
from .mediation_screening_dialog import ScreeningDialog
from .mediation_session_dialogs import RecordSessionDialog, ScheduleDialog
from ..errors import messages
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from ..common.case_actions_table import fit_columns, setup_table
from .mediation_data import MediationData

STATUS_COLOURS = {SessionStatus.SCHEDULED: "#9a6700", SessionStatus.HELD: "#1e7e34",
                  SessionStatus.CANCELLED: "#5f6368"}
ENDING_COLOUR = "#b3261e"
SAFETY_STYLE = "padding:6px;border-radius:4px;background:#fdecea;color:#8a1c12"


def safety_text(data: MediationData) -> str:
    """The DV line above the sessions: what the rule is and where the latest screening stands."""
    safety = data.safety
    if safety is None or not safety.dv_case:
        return ""
    text = tr("本案涉及家庭暴力（危险评估：{risk}）。面对面联合调解前须对受害人做安全评估并记录她本人的意愿；"
              "背对背调解（分别进行）随时可以安排。").format(risk=safety.risk_label)
    latest = safety.usable
    if latest is not None:
        text += tr("最近一次评估（{when}，{who}）：{state}").format(when=latest.screened_text,
                                                               who=latest.screened_by_name,
                                                               state=screening_state(latest))
    return text


def screening_state(s: ScreeningView) -> str:
    reasons = tr("、").join(s.reasons)
    if not s.joint_allowed:
        return tr("不宜面对面调解（{reasons}）").format(reasons=reasons)
    if s.needs_approval and not s.approved:
        return tr("待督导批准（{reasons}）").format(reasons=reasons)
    if s.approved:
        return tr("督导 {name} 已批准，可安排一次联合调解").format(name=s.approved_by_name or "")
    return tr("可安排一次联合调解")


def session_cells(s: SessionView) -> tuple[str, ...]:
    outcome = s.outcome_label or (s.cancel_reason and tr("取消：{reason}").format(reason=s.cancel_reason)) or "—"
    return (s.scheduled_text, s.place, s.mediator_names, s.recorder or "—", s.status_label, outcome)


def session_details(s: SessionView) -> str:
    names = tr("、")
    rows = [(tr("安排"), tr("{when}，{place}").format(when=s.scheduled_text, place=s.place)),
            (tr("调解方式"), tr("背对背调解（分别进行）") if s.mode.value == "separate" else tr("联合调解（面对面）")),
            (tr("调解员"), s.mediator_names), (tr("记录人"), s.recorder or "—"),
            (tr("应到当事人"), names.join(p.name for p in s.expected_parties) or "—"),
            (tr("状态"), s.status_label)]
    if s.status == SessionStatus.HELD:
        rows += [(tr("调解时间"), format_local(s.held_at)),
                 (tr("到场当事人"), names.join(p.name for p in s.parties_present)),
                 (tr("告知事项"), names.join(s.notice_labels) or "—"),
                 (tr("调解结果"), (s.outcome_label or "") + (tr("（{note}）").format(note=s.outcome_note)
                                                           if s.outcome_note else ""))]
    if s.cancel_reason:
        rows.append((tr("取消原因"), s.cancel_reason))
    table = "".join(f"<tr><td style='color:#555;padding-right:12px'>{escape(k)}</td><td>{escape(v)}</td></tr>"
                    for k, v in rows)
    html = f"<table>{table}</table>"
    if s.statements:
        lines = "".join(f"<tr><td style='padding-right:10px;vertical-align:top'><b>{escape(st.speaker_name)}</b></td>"
                        f"<td>{escape(st.text)}</td></tr>" for st in s.statements)
        html += f"<p style='margin-bottom:2px'><b>{escape(tr('调解笔录'))}</b></p><table>{lines}</table>"
    return html


class MediationSessionsPanel(QWidget):
    def __init__(self, session: AppSession, runner: ActionRunner, case_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.case_id = session, runner, case_id
        self.data: MediationData | None = None
        self.views: tuple[SessionView, ...] = ()
        self.columns = (tr("安排时间"), tr("地点"), tr("调解员"), tr("记录人"), tr("状态"), tr("结果"))
        self.table = QTableWidget(0, len(self.columns), objectName="mediation_sessions_table")
        setup_table(self.table, self.columns)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.start_record())
        enter = QShortcut(QKeySequence(Qt.Key_Return), self.table, context=Qt.WidgetShortcut)
        enter.activated.connect(self.start_record)
        self.details = QLabel(objectName="mediation_session_details")
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
        split.setSizes([220, 260])

        self.schedule_button = QPushButton(tr("安排调解…"), objectName="mediation_schedule")
        self.schedule_button.clicked.connect(self.start_schedule)
        self.record_button = QPushButton(tr("记录调解…"), objectName="mediation_record")
        self.record_button.clicked.connect(self.start_record)
        self.cancel_button = QPushButton(tr("取消安排…"), objectName="mediation_cancel")
        self.cancel_button.clicked.connect(self.start_cancel)
        self.screen_button = QPushButton(tr("安全评估…"), objectName="mediation_screen")
        self.screen_button.clicked.connect(self.start_screening)
        self.approve_button = QPushButton(tr("督导批准…"), objectName="mediation_screen_approve")
        self.approve_button.clicked.connect(self.start_approve)
        self.safety = QLabel(objectName="mediation_safety_state")
        self.safety.setWordWrap(True)
        self.safety.setStyleSheet(SAFETY_STYLE)
        self.safety.setVisible(False)
        row = QHBoxLayout()
        for button in (self.schedule_button, self.record_button, self.cancel_button, self.screen_button,
                       self.approve_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.safety)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        runner.sig_busy.connect(lambda _b: self.update_buttons())
        self.update_buttons()

    # --- data ------------------------------------------------------------------------------------------
    def set_data(self, data: MediationData) -> None:
        selected = self.selected()
        self.data = data
        self.views = data.overview.sessions
        text = safety_text(data)
        self.safety.setText(text)
        self.safety.setVisible(bool(text))
        self.table.setRowCount(len(self.views))
        for row, view in enumerate(self.views):
            for column, text in enumerate(session_cells(view)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 4:
                    item.setForeground(QBrush(QColor(STATUS_COLOURS[view.status])))
                if column == 5 and view.outcome is not None and view.outcome.ends_mediation:
                    item.setForeground(QBrush(QColor(ENDING_COLOUR)))
                elif column == 5 and view.outcome == SessionOutcome.AGREEMENT:
                    item.setForeground(QBrush(QColor(STATUS_COLOURS[SessionStatus.HELD])))
                self.table.setItem(row, column, item)
        fit_columns(self.table, stretch=5, caps={1: 300, 2: 240})
        row = next((i for i, v in enumerate(self.views) if selected and v.id == selected.id), None)
        if row is None:  # the next scheduled session, else the latest
            row = next((i for i, v in enumerate(self.views) if v.status == SessionStatus.SCHEDULED),
                       len(self.views) - 1)
        if row >= 0:
            self.table.selectRow(row)
        self._selection_changed()

    def selected(self) -> SessionView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.views):
            return None
        return self.views[rows[0].row()]

    def _selection_changed(self) -> None:
        view = self.selected()
        if view is not None:
            self.details.setText(session_details(view))
        else:
            hint = (tr("尚未安排调解。点“安排调解…”确定时间、地点和调解员。") if self._may_schedule()
                    else tr("本案没有调解安排。") if not self.views else tr("选择一次调解查看笔录。"))
            self.details.setText("<span style='color:#666'>{}</span>".format(escape(hint)) if self.data else "")
        self.update_buttons()

    # --- who may do what now ---------------------------------------------------------------------------
    def _may_schedule(self) -> bool:
        actor, data = self.session.actor, self.data
        return (actor is not None and can(actor, Permission.CASE_EDIT) and data is not None and data.case_open
                and not data.overview.state.ended and not self.views)

    def may_act(self) -> bool:
        actor, data = self.session.actor, self.data
        return (actor is not None and can(actor, Permission.CASE_EDIT) and data is not None and data.case_open
                and not data.overview.state.ended and not self.runner.busy)

    def update_buttons(self) -> None:
        actor = self.session.actor
        visible = actor is not None and can(actor, Permission.CASE_EDIT)
        for button in (self.schedule_button, self.record_button, self.cancel_button):
            button.setVisible(visible)
        may = self.may_act()
        view = self.selected()
        scheduled = view is not None and view.status == SessionStatus.SCHEDULED
        self.schedule_button.setEnabled(may)
        dv = self.data is not None and self.data.safety is not None and self.data.safety.dv_case
        self.screen_button.setVisible(visible and dv)
        self.screen_button.setEnabled(may)
        pending = self._pending_approval()
        self.approve_button.setVisible(dv and actor is not None and can(actor, Permission.CASE_APPROVE))
        self.approve_button.setEnabled(pending is not None and not self.runner.busy
                                       and actor is not None and pending.screened_by != actor.user_id)
        self.approve_button.setToolTip(tr("批准最近一次安全评估后的面对面联合调解（不能批准自己做的评估）")
                                       if pending is not None else tr("没有待批准的安全评估。"))
        self.record_button.setEnabled(may and scheduled)
        self.cancel_button.setEnabled(may and scheduled)
        why = ""
        if self.data is not None and not self.data.case_open:
            why = tr("案件已办结，不能安排或记录调解。")
        elif self.data is not None and self.data.overview.state.ended:
            why = tr("本案调解已终止；当事人重新申请的，请先“恢复调解”。")
        self.schedule_button.setToolTip(why or tr("确定调解时间、地点、调解员和应到当事人"))
        self.record_button.setToolTip(why or (tr("记录这次调解：到场当事人、告知事项、调解笔录和结果")
                                              if scheduled else tr("请先选择一次已安排的调解。")))

    def _pending_approval(self) -> ScreeningView | None:
        safety = self.data.safety if self.data is not None else None
        latest = safety.usable if safety is not None else None
        if latest is None or not latest.joint_allowed or not latest.needs_approval or latest.approved:
            return None
        return latest

    def joint_blocked(self) -> str:
        """Why a joint session cannot be scheduled now, or "" (the core's rule, read from the loaded state)."""
        safety = self.data.safety if self.data is not None else None
        if safety is None or not safety.dv_case:
            return ""
        latest = safety.usable
        if latest is None:
            return tr("本案涉及家庭暴力：面对面联合调解前须先做安全评估，现在只能安排背对背调解。")
        if not latest.joint_allowed or (latest.needs_approval or safety.risk_level == "high") and not latest.approved:
            return tr("最近一次安全评估：{state}。现在只能安排背对背调解。").format(state=screening_state(latest))
        return ""

    # --- actions ---------------------------------------------------------------------------------------
    def start_schedule(self) -> None:
        if not self.may_act():
            return
        blocked = self.joint_blocked()
        if blocked and self.data is not None and self.data.safety is not None and self.data.safety.usable is None:
            if messages.confirm(self, tr("联合调解前须做安全评估"),
                                blocked + tr("\n\n现在对受害人做安全评估吗？选“否”则安排背对背调解。")):
                self.start_screening()
                return
        actor = self.session.actor
        dialog = ScheduleDialog(self, self.data.parties, self.data.mediators, actor.user_id if actor else None,
                                joint_blocked=blocked)

        def save() -> None:
            v = dialog.values()
            self.runner.write(mediation.schedule, self.case_id, v["scheduled_at"], v["place"], v["mediator_ids"],
                              v["recorder"], v["expected_party_ids"], mode=v["mode"], notice=tr("已安排调解"))
        self.runner.open_dialog(dialog, save)

    def start_screening(self) -> None:
        if not self.may_act() or self.data is None:
            return
        risk = self.data.safety.risk_label if self.data.safety is not None else tr("未评估")
        dialog = ScreeningDialog(self, self.data.parties, risk)

        def save() -> None:
            v = dialog.values()
            self.runner.write(mediation_safety.record_screening, self.case_id, v.pop("victim_party_id"), **v,
                              notice=tr("已记录安全评估"))
        self.runner.open_dialog(dialog, save)

    def start_approve(self) -> None:
        pending = self._pending_approval()
        if pending is None or self.runner.busy:
            return
        dialog = ReasonDialog(self, tr("批准面对面联合调解"), tr("批准理由和安全措施"), ok_text=tr("批准"),
                              notice=tr("受害人 {name} 同意面对面调解；须批准的原因：{reasons}。她的原话：“{words}”").format(
                                  name=pending.victim_name, reasons=tr("、").join(pending.reasons),
                                  words=pending.victim_words),
                              placeholder=tr("例如：分开到场、分开离场，妇联工作人员全程陪同"))
        dialog.setObjectName("mediation_screen_approve_dialog")
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            mediation_safety.approve_screening, pending.id, dialog.reason(), notice=tr("已批准联合调解")))

    def start_record(self) -> None:
        view = self.selected()
        if view is None or view.status != SessionStatus.SCHEDULED or not self.may_act():
            return
        dialog = RecordSessionDialog(self, view, self.data.parties)

        def save() -> None:
            v = dialog.values()
            self.runner.write(mediation.record_session, view.id, v["held_at"], v["parties_present"],
                              v["notices_given"], v["statements"], v["outcome"], v["outcome_note"],
                              notice=tr("已记录调解"))
        self.runner.open_dialog(dialog, save)

    def start_cancel(self) -> None:
        view = self.selected()
        if view is None or view.status != SessionStatus.SCHEDULED or not self.may_act():
            return
        dialog = ReasonDialog(self, tr("取消调解安排：{when}").format(when=view.scheduled_text), tr("取消原因"),
                              ok_text=tr("取消安排"), notice=tr("取消后该次调解不再举行；如需改期，请另行安排。"))
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).setText(tr("返回"))
        dialog.setObjectName("mediation_cancel_dialog")
        self.runner.open_dialog(dialog, lambda: self.runner.write(mediation.cancel, view.id, dialog.reason(),
                                                                  notice=tr("已取消调解安排")))
