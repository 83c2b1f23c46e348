"""Under the case header: the status with its countdown chips, and the workflow steps allowed now.

The buttons are the steps `domain.workflow.allowed(status)` lists (结案 and 退回继续办理 are the
supervisor's decision on a closure request, in the approval bar), shown only to users who may
edit cases. Steps that need a reason open a dialog whose 确定 stays disabled until one is typed;
a gated step says it goes to the supervisor. The major-incident flag is raised at once (with a
reason); removing it is a request for the supervisor.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.domain.workflow import STEPS, Transition, allowed
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.cases import workflow
from fulian_desktop.services.clocks.clocks import ClockView
from fulian_desktop.services.cases.views import CaseDetail
from fulian_desktop.services.cases.workflow import ApprovalKind, ApprovalView

from ..common.case_actions_reason import ReasonDialog
from .closure_outcomes import ClosureDialog
from .petition_closure import PetitionClosureDialog
from ..errors import messages
from ..i18n import status_text, tr
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from ..common.case_clocks_chips import ClockChips

# The order the buttons stand in; CLOSE / RETURN_FOR_WORK are decisions, not buttons.
BUTTON_STEPS = (Transition.ACCEPT, Transition.START, Transition.REQUEST_CLOSURE, Transition.REJECT,
                Transition.TRANSFER, Transition.TERMINATE, Transition.REOPEN)
# The approval a step files (its button is disabled while one is pending).
STEP_APPROVAL = {Transition.REJECT: ApprovalKind.REJECT, Transition.TERMINATE: ApprovalKind.TERMINATE,
                 Transition.REQUEST_CLOSURE: ApprovalKind.CLOSE}
STEP_TEXT = {  # (reason prompt, notice in the dialog)
    Transition.REJECT: (QT_TRANSLATE_NOOP("", "不予受理的理由"), QT_TRANSLATE_NOOP("", "不予受理须经督导审批：提交后送督导审批，批准后案件才改为“不予受理”。"
                                      "在此之前，受理期限照常计时。")),
    Transition.TERMINATE: (QT_TRANSLATE_NOOP("", "终止的理由（如当事人拒绝调解）"), QT_TRANSLATE_NOOP("", "终止须经督导审批：提交后送督导审批，批准后案件才终止。")),
    Transition.REQUEST_CLOSURE: (QT_TRANSLATE_NOOP("", "申请结案的理由（办理结果）"), QT_TRANSLATE_NOOP("", "提交后案件转为“待结案审核”，送督导审批：批准即结案，"
                                                     "驳回则退回继续办理。")),
    Transition.TRANSFER: (QT_TRANSLATE_NOOP("", "转办的去向和理由"), QT_TRANSLATE_NOOP("", "转办后本案办结，所有时限停止计时。")),
    Transition.REOPEN: (QT_TRANSLATE_NOOP("", "重新办理的理由"), QT_TRANSLATE_NOOP("", "案件将恢复为“办理中”。")),
}
NOTICE_MS = 20_000
PILL_STYLE = ("QLabel#case_status_pill { background: #1a73e8; color: white; border-radius: 10px;"
              " padding: 2px 12px; font-weight: bold; }")


class CaseActionsBar(QFrame):
    def __init__(self, session: AppSession, runner: ActionRunner, case_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_actions_bar")
        self.session, self.runner, self.case_id = session, runner, case_id
        self.detail: CaseDetail | None = None
        self.approvals: tuple[ApprovalView, ...] = ()

        self.status = QLabel("…", objectName="case_status_pill")
        self.status.setStyleSheet(PILL_STYLE)
        self.status.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.chips = ClockChips(self)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.status, 0, Qt.AlignTop)
        top.addWidget(self.chips, 1)

        self.buttons: dict[Transition, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(6)
        for step in BUTTON_STEPS:
            button = QPushButton(tr(STEPS[step].label), objectName=f"step_{step.value}")
            button.clicked.connect(lambda _checked=False, s=step: self.start_step(s))
            self.buttons[step] = button
            row.addWidget(button)
        self.major_raise = QPushButton(tr("标记为重大案事件"), objectName="major_raise")
        self.major_raise.setToolTip(tr("立即标记为重大案事件（须说明理由），督导即时可见"))
        self.major_raise.clicked.connect(lambda: self.start_major(True))
        self.major_remove = QPushButton(tr("申请取消标记"), objectName="major_remove")
        self.major_remove.setToolTip(tr("取消重大案事件标记须经督导审批"))
        self.major_remove.clicked.connect(lambda: self.start_major(False))
        self.separator = QFrame(frameShape=QFrame.VLine, frameShadow=QFrame.Sunken)
        row.addSpacing(6)
        row.addWidget(self.separator)
        row.addSpacing(6)
        row.addWidget(self.major_raise)
        row.addWidget(self.major_remove)
        row.addStretch(1)
        self.notice = QLabel(objectName="case_action_notice")
        self.notice.setStyleSheet("color:#1e7e34")
        self.notice_timer = QTimer(self, singleShot=True, interval=NOTICE_MS)  # dies with the bar
        self.notice_timer.timeout.connect(self.notice.clear)
        row.addWidget(self.notice)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(row)
        runner.sig_busy.connect(lambda _busy: self.update_buttons())
        self.update_buttons()

    # --- state -------------------------------------------------------------------------------------
    def set_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.status.setText(tr("状态：{label}").format(label=status_text(detail.row.status.label)))
        self.update_buttons()

    def set_approvals(self, approvals: tuple[ApprovalView, ...]) -> None:
        self.approvals = approvals
        self.update_buttons()

    def set_clocks(self, views: tuple[ClockView, ...]) -> None:
        self.chips.set_clocks(views)

    def show_notice(self, text: str) -> None:
        """A short confirmation of the last action; it fades out after a while."""
        self.notice.setText(text)
        if text:
            self.notice_timer.start()

    def _pending(self, kind: str) -> ApprovalView | None:
        return next((a for a in self.approvals if a.kind == kind), None)

    def _may_edit(self) -> bool:
        actor = self.session.actor
        return actor is not None and can(actor, Permission.CASE_EDIT)

    def update_buttons(self) -> None:
        detail = self.detail
        may = self._may_edit() and detail is not None
        now = set(allowed(detail.row.status)) if detail else set()
        for step, button in self.buttons.items():
            button.setVisible(may and step in now)
            pending = self._pending(STEP_APPROVAL[step]) if step in STEP_APPROVAL else None
            button.setEnabled(not self.runner.busy and pending is None)
            tip = self._step_tip(step)
            if pending is not None:
                tip = tr("已有待审批的“{label}”申请（{requested_by_name}），请等待督导审批。").format(label=tr(pending.label), requested_by_name=pending.requested_by_name)
            button.setToolTip(tip)
        major = bool(detail and detail.row.major_incident)
        self.major_raise.setVisible(may and not major)
        self.major_remove.setVisible(may and major)
        self.major_raise.setEnabled(not self.runner.busy)
        self.major_remove.setEnabled(not self.runner.busy and self._pending(ApprovalKind.REMOVE_MAJOR) is None)
        self.separator.setVisible(may)

    @staticmethod
    def _step_tip(step: Transition) -> str:
        spec = STEPS[step]
        tip = tr("{label}：案件转为“{label2}”").format(label=tr(spec.label), label2=status_text(spec.target.label))
        if step in (Transition.REJECT, Transition.TERMINATE):
            tip = tr("{label}（须经督导审批）").format(label=tr(spec.label))
        elif step == Transition.REQUEST_CLOSURE:
            tip = tr("申请结案：转为“待结案审核”，送督导审批")
        return tip + (tr("，须填写理由") if spec.needs_reason else "")

    # --- steps -------------------------------------------------------------------------------------
    def start_step(self, step: Transition) -> None:
        if self.detail is None or self.runner.busy:
            return
        spec = STEPS[step]
        if not spec.needs_reason:
            text = tr("确定将案件“{label}”吗？案件将转为“{label2}”。").format(label=tr(spec.label), label2=status_text(spec.target.label))
            if messages.confirm(self, spec.label, text):
                self._run_step(step, None)
            return
        prompt, notice = map(tr, STEP_TEXT[step])
        if step == Transition.REQUEST_CLOSURE and self.detail.row.kind == CaseKind.PETITION:
            petition = PetitionClosureDialog(self, tr(spec.label), prompt, notice)   # also asks for the 处理意见
            self.runner.open_dialog(petition, lambda: self._run_step(step, petition.reason(), petition.opinion()))
            return
        if step == Transition.REQUEST_CLOSURE:   # also asks what the case achieved (防止民转刑 …)
            closure = ClosureDialog(self, tr(spec.label), prompt, notice)
            self.runner.open_dialog(closure, lambda: self._run_step(
                step, closure.reason(), {"closure_outcomes": closure.closure_outcomes()}))
            return
        ok_text = tr("提交审批") if step in STEP_APPROVAL else tr("确定")
        dialog = ReasonDialog(self, spec.label, prompt, notice=notice, ok_text=ok_text)
        dialog.setObjectName(f"step_dialog_{step.value}")
        self.runner.open_dialog(dialog, lambda: self._run_step(step, dialog.reason()))

    def _run_step(self, step: Transition, reason: str | None, opinion: dict | None = None) -> None:
        if self.detail is None:
            return
        label = STEPS[step].label
        if step in (Transition.REJECT, Transition.TERMINATE):
            notice = tr("已提交督导审批：{label}").format(label=tr(label))
        elif step == Transition.REQUEST_CLOSURE:
            notice = tr("已申请结案，等待督导审批")
        else:
            notice = tr("已{label}").format(label=tr(label)) if not label.startswith("重新") else tr("已重新办理")
        self.runner.write(workflow.transition, self.case_id, step, reason=reason,
                          expected_version=self.detail.version, notice=notice, **(opinion or {}))

    def start_major(self, major: bool) -> None:
        if self.detail is None or self.runner.busy:
            return
        if major:
            dialog = ReasonDialog(self, tr("标记为重大案事件"), tr("标记的理由"),
                                  notice=tr("标记立即生效，督导即时可见；取消标记须经督导审批。"), ok_text=tr("标记"))
            notice = tr("已标记为重大案事件")
        else:
            dialog = ReasonDialog(self, tr("申请取消重大案事件标记"), tr("取消标记的理由"),
                                  notice=tr("取消标记须经督导审批：批准前案件仍为重大案事件。"), ok_text=tr("提交审批"))
            notice = tr("已申请取消标记，等待督导审批")
        dialog.setObjectName("major_dialog")
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            workflow.set_major_incident, self.case_id, major, dialog.reason(), notice=notice))
