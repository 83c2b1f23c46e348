"""The pending approvals of a case, under its header: "待审批：结案（张三申请）".

A supervisor (Permission.CASE_APPROVE) decides right here: 批准 (with an optional note) or 驳回
(a note is required). Nobody decides their own request: on a supervisor's own request the buttons are
disabled and their tooltip says why (the core refuses it too).
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.cases import workflow
from fulian_desktop.services.cases.workflow import ApprovalKind, ApprovalView

from ..common.case_actions_reason import ReasonDialog
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner

BAR_STYLE = "#approval_bar { background: #fff8e1; border: 1px solid #e0b54a; border-radius: 4px; }"
# What approving / rejecting does, per kind.
EFFECTS = {
    ApprovalKind.CLOSE: (QT_TRANSLATE_NOOP("", "案件结案，所有时限停止计时。"), QT_TRANSLATE_NOOP("", "案件退回“办理中”继续办理。")),
    ApprovalKind.REJECT: (QT_TRANSLATE_NOOP("", "案件改为“不予受理”，所有时限停止计时。"), QT_TRANSLATE_NOOP("", "案件仍为“登记”，可继续受理。")),
    ApprovalKind.TERMINATE: (QT_TRANSLATE_NOOP("", "案件终止，所有时限停止计时。"), QT_TRANSLATE_NOOP("", "案件继续办理。")),
    ApprovalKind.EXTEND_CLOCK: (QT_TRANSLATE_NOOP("", "该时限按申请延长。"), QT_TRANSLATE_NOOP("", "时限不变。")),
    ApprovalKind.REMOVE_MAJOR: (QT_TRANSLATE_NOOP("", "取消重大案事件标记。"), QT_TRANSLATE_NOOP("", "案件仍为重大案事件。")),
}


def approval_title(approval: ApprovalView) -> str:
    """"结案", or for an extension "延期 30 天（信访办结）"."""
    if approval.kind == ApprovalKind.EXTEND_CLOCK and approval.payload:
        days = approval.payload.get("days")
        try:
            clock = ClockKind(approval.payload.get("kind")).label
        except ValueError:
            clock = tr("时限")
        return tr("延期 {days} 天（{clock}）").format(days=days, clock=clock)
    return approval.label


def approval_text(approval: ApprovalView) -> str:
    return tr("待审批：{approval_title}（{requested_by_name}申请）").format(approval_title=approval_title(approval), requested_by_name=approval.requested_by_name)


class ApprovalBar(QFrame):
    def __init__(self, session: AppSession, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approval_bar")
        self.setStyleSheet(BAR_STYLE)
        self.session, self.runner = session, runner
        self.approvals: tuple[ApprovalView, ...] = ()
        self.labels: list[QLabel] = []
        self.decide_buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        self.own: set[str] = set()      # ids of the approvals this user requested
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(10, 6, 10, 6)
        self.rows.setSpacing(4)
        runner.sig_busy.connect(self._busy)
        self.hide()

    def may_decide(self) -> bool:
        actor = self.session.actor
        return actor is not None and can(actor, Permission.CASE_APPROVE)

    def set_approvals(self, approvals: tuple[ApprovalView, ...]) -> None:
        self.approvals = approvals
        _clear(self.rows)
        self.labels, self.decide_buttons = [], {}
        self.own = {a.id for a in approvals if a.requested_by_actor(self.session.actor)}
        for approval in approvals:
            self.rows.addLayout(self._row(approval))
        self.setVisible(bool(approvals))

    def _row(self, approval: ApprovalView) -> QHBoxLayout:
        label = QLabel(objectName=f"approval_{approval.kind}")
        label.setTextFormat(Qt.RichText)
        label.setWordWrap(True)
        label.setText(tr("<b>{approval_text}</b>　{requested_at}<br><span style='color:#444'>理由：{reason}</span>").format(approval_text=escape(approval_text(approval)), requested_at=escape(format_local(approval.requested_at)), reason=escape(approval.reason)))
        opinion = approval.petition_opinion
        if opinion is not None:   # what the opinion letter will say once the closure is approved
            label.setText(label.text() + "<br><span style='color:#444'>{}</span>".format(escape(
                tr("拟处理意见：{label}；事实和依据：{basis}").format(label=tr(opinion.label), basis=opinion.basis))))
            facts = (tr("查明的事实：{facts}").format(facts=opinion.facts) if opinion.facts.strip()
                     else tr("查明的事实：未填写（不能批准，请驳回由承办人补填）"))
            label.setText(label.text() + "<br><span style='color:#444'>{}</span>".format(escape(facts)))
        outcomes = approval.closure_outcomes
        if outcomes:   # written on the case once the closure is approved
            text = tr("；").join(tr("{label} {persons} 人").format(label=tr(o.label), persons=n)
                                for o, n in outcomes.persons)
            label.setText(label.text() + "<br><span style='color:#444'>{}</span>".format(
                escape(tr("结案成效：{outcomes}").format(outcomes=text))))
        if approval.id in self.own and self.may_decide():   # say it where the disabled buttons are
            label.setText(label.text() + "<br><span style='color:#9a6700'>{}</span>".format(
                escape(tr("这是您本人提出的申请，不能自己审批，须由其他督导审批。"))))
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.labels.append(label)
        row = QHBoxLayout()
        row.addWidget(label, 1)
        if self.may_decide():
            approve = QPushButton(tr("批准"), objectName=f"approve_{approval.kind}")
            reject = QPushButton(tr("驳回"), objectName=f"reject_{approval.kind}")
            if approval.id in self.own:
                why = tr("这是您本人提出的申请，不能自己审批，须由其他督导审批。")
                approve.setToolTip(why)
                reject.setToolTip(why)
            else:
                approve.setToolTip(tr("批准：{effect}").format(effect=tr(EFFECTS.get(approval.kind, ("", ""))[0])))
                reject.setToolTip(tr("驳回（须说明理由）：{effect}").format(effect=tr(EFFECTS.get(approval.kind, ("", ""))[1])))
            approve.clicked.connect(lambda _c=False, a=approval: self.start_decision(a, True))
            reject.clicked.connect(lambda _c=False, a=approval: self.start_decision(a, False))
            for button in (approve, reject):
                button.setEnabled(not self.runner.busy and approval.id not in self.own)
                row.addWidget(button, 0, Qt.AlignVCenter)
            self.decide_buttons[approval.id] = (approve, reject)
        return row

    def texts(self) -> list[str]:
        return [approval_text(a) for a in self.approvals]

    def _busy(self, busy: bool) -> None:
        for approval_id, pair in self.decide_buttons.items():
            for button in pair:
                button.setEnabled(not busy and approval_id not in self.own)

    def start_decision(self, approval: ApprovalView, approve: bool) -> None:
        if self.runner.busy or approval.id in self.own:
            return
        title = approval_title(approval)
        effect = tr(EFFECTS.get(approval.kind, ("", ""))[0 if approve else 1])
        template = tr("{requested_by_name}申请{title}。理由：{reason}\n批准后：{effect}") if approve else \
            tr("{requested_by_name}申请{title}。理由：{reason}\n驳回后：{effect}")
        notice = template.format(requested_by_name=approval.requested_by_name, title=title, reason=approval.reason,
                                 effect=effect)
        if approve:
            dialog = ReasonDialog(self, tr("批准：{title}").format(title=title), tr("审批意见"), required=False, notice=notice, ok_text=tr("批准"))
        else:
            dialog = ReasonDialog(self, tr("驳回：{title}").format(title=title), tr("驳回理由"), notice=notice, ok_text=tr("驳回"))
        dialog.setObjectName("approval_dialog")
        verdict = tr("已批准") if approve else tr("已驳回")
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            workflow.decide, approval.id, approve, dialog.reason(), notice=f"{verdict}：{title}"))


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())
            item.layout().deleteLater()
