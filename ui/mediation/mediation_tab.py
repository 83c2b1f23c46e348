"""The case view's 调解 tab: the state of the mediation (ongoing, or ended by a refusal / failure / withdrawal —
with 恢复调解), the marriage-mediation outcome, and three sections: sessions and their record, the agreement
(terms, signatures, effective date, judicial confirmation, performance) and follow-up visits.

Everything is read in one background unit of work (`mediation_data.load_mediation`); every action goes through
one ActionRunner (dialog, background write, errors through present_error), after which the tab reloads and calls
`on_changed()` so the case page reloads its header and timeline.

Use `build_mediation_tab(session, case_id, on_changed)`; `reload()` re-reads (e.g. when the case page reloads).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.mediation import mediation

from ..common.case_actions_reason import ReasonDialog
from .mediation_followup_dialogs import OutcomeDialog
from ..errors import error_text
from ..i18n import tr
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from ..common.guard import while_alive
from .mediation_agreement_panel import MediationAgreementPanel
from .mediation_data import MediationData, load_mediation
from .mediation_followups_panel import MediationFollowUpsPanel
from .mediation_sessions_panel import MediationSessionsPanel

ONGOING_STYLE = "QLabel { color:#1e7e34; font-weight:bold; }"
ENDED_STYLE = ("QLabel { background:#fdecea; color:#b3261e; border:1px solid #f1b0aa; border-radius:3px;"
               " padding:3px 8px; font-weight:bold; }")


CLOSED_STYLE = "QLabel { color:#5f6368; font-weight:bold; }"


def state_text(data: MediationData) -> str:
    state = data.overview.state
    if not data.case_open and not state.ended:
        return tr("案件已办结：调解记录只读。如需继续调解，请先“重新办理”。")
    if state.ended:  # the core's note reads "调解终止：一方拒绝调解（…）"
        return tr("{note}（{when}）").format(note=state.note or tr("调解已终止"), when=format_local(state.since))
    if state.note:
        return tr("调解进行中（{note}，{when}）").format(note=state.note, when=format_local(state.since))
    return tr("调解进行中")


def outcome_text(data: MediationData) -> str:
    outcome = data.overview.outcome
    if outcome is None:
        return tr("婚姻调解结果：未记录")
    text = tr("婚姻调解结果：{label}").format(label=tr(outcome.label))
    if outcome.route_labels:
        text += tr("（已告知当事人可通过{routes}等途径维护权利）").format(routes=tr("、").join(outcome.route_labels))
    if outcome.note:
        text += tr("；{note}").format(note=outcome.note)
    if outcome.set_at:
        text += tr("　{who} {when}").format(who=outcome.set_by or "", when=format_local(outcome.set_at))
    return text


class MediationTab(QWidget):
    sig_loaded = Signal(object)
    """(MediationData) — the tab shows this data (after opening, an action or reload())."""

    def __init__(self, session: AppSession, case_id: str, on_changed: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediation_tab")
        self.session, self.case_id, self.on_changed = session, case_id, on_changed
        self.data: MediationData | None = None
        self._generation = 0
        self.runner = ActionRunner(session, self, case_id)
        self.runner.sig_changed.connect(self._action_done)

        self.state = QLabel(objectName="mediation_state")
        self.state.setWordWrap(True)
        self.resume_button = QPushButton(tr("恢复调解…"), objectName="mediation_resume")
        self.resume_button.setToolTip(tr("当事人重新申请调解时，记录理由后可再安排调解（人民调解法第十七条）"))
        self.resume_button.clicked.connect(self.start_resume)
        self.outcome = QLabel(objectName="mediation_outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.outcome_button = QPushButton(tr("婚姻调解结果…"), objectName="mediation_set_outcome")
        self.outcome_button.clicked.connect(self.start_outcome)
        self.notice = QLabel(objectName="mediation_notice")
        self.notice.setStyleSheet("color:#1e7e34")
        self.message = QLabel(objectName="mediation_message")
        self.message.setStyleSheet("color:#b3261e")
        self.message.setWordWrap(True)
        self.message.hide()

        self.sessions = MediationSessionsPanel(session, self.runner, case_id)
        self.agreement = MediationAgreementPanel(session, self.runner, case_id)
        self.follow_ups = MediationFollowUpsPanel(session, self.runner, case_id)
        self.sections = QTabWidget(objectName="mediation_sections")
        self.sections.addTab(self.sessions, tr("调解安排与笔录"))
        self.sections.addTab(self.agreement, tr("调解协议与履行"))
        self.sections.addTab(self.follow_ups, tr("回访"))

        state_row = QHBoxLayout()
        state_row.addWidget(self.state, 1)
        state_row.addWidget(self.resume_button)
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.outcome, 1)
        outcome_row.addWidget(self.outcome_button)
        layout = QVBoxLayout(self)
        layout.addLayout(state_row)
        layout.addLayout(outcome_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        layout.addWidget(self.sections, 1)
        self.runner.sig_busy.connect(lambda _b: self.update_buttons())
        session.sig_actor_changed.connect(while_alive(self, lambda _a: self.update_all_buttons()))
        self.update_buttons()
        self.reload()

    # --- loading ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read everything (a later call wins over an earlier one)."""
        self._generation += 1
        generation = self._generation
        self.session.read(load_mediation, self.case_id,
                          on_done=while_alive(self, lambda data: self._loaded(generation, data)),
                          on_error=while_alive(self, lambda exc: self._failed(generation, exc)))

    def _loaded(self, generation: int, data: MediationData) -> None:
        if generation != self._generation:
            return
        self.data = data
        self.message.hide()
        self.state.setText(state_text(data))
        self.state.setStyleSheet(ENDED_STYLE if data.overview.state.ended
                                 else ONGOING_STYLE if data.case_open else CLOSED_STYLE)
        self.outcome.setText(outcome_text(data))
        self.sessions.set_data(data)
        self.agreement.set_data(data)
        self.follow_ups.set_data(data)
        o = data.overview
        for index, (title, count) in enumerate(((tr("调解安排与笔录"), len(o.sessions)),
                                                (tr("调解协议与履行"), len(o.agreements)),
                                                (tr("回访"), len(o.follow_ups)))):
            self.sections.setTabText(index, tr("{title}（{n}）").format(title=title, n=count) if count else title)
        self.update_buttons()
        self.sig_loaded.emit(data)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        what = error_text(exc, tr("请稍后重试。"))
        self.message.setText(tr("调解信息未能加载：{what}").format(what=what))
        self.message.show()

    def _action_done(self, notice: str) -> None:
        self.notice.setText(notice)
        self.reload()
        if self.on_changed is not None:
            self.on_changed()

    # --- buttons ---------------------------------------------------------------------------------------
    def update_buttons(self) -> None:
        actor, data = self.session.actor, self.data
        may = actor is not None and can(actor, Permission.CASE_EDIT)
        idle = not self.runner.busy
        open_case = data is not None and data.case_open
        ended = data is not None and data.overview.state.ended
        self.resume_button.setVisible(may and ended)
        self.resume_button.setEnabled(idle and open_case)
        self.outcome_button.setVisible(may)
        self.outcome_button.setEnabled(idle and open_case)
        self.outcome_button.setToolTip(tr("记录调和、劝回、指导协议离婚、调解成功或调解不成") if open_case
                                       else tr("案件已办结，不能修改调解结果。"))

    def update_all_buttons(self) -> None:
        self.update_buttons()
        self.sessions.update_buttons()
        self.agreement.update_buttons()
        self.agreement.signatures.update_buttons()
        self.agreement.confirmation.update_buttons()
        self.follow_ups.update_buttons()

    # --- actions ---------------------------------------------------------------------------------------
    def start_resume(self) -> None:
        if self.data is None or self.runner.busy or not self.data.overview.state.ended:
            return
        dialog = ReasonDialog(self, tr("恢复调解"), tr("恢复调解的理由"), ok_text=tr("恢复调解"),
                              notice=tr("当事人一方拒绝或调解不成后终止的调解，须当事人重新申请才能再调解"
                                        "（人民调解法第十七条）。"),
                              placeholder=tr("例如：双方当事人于今日重新申请调解"))
        dialog.setObjectName("mediation_resume_dialog")
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            mediation.resume_mediation, self.case_id, dialog.reason(), notice=tr("已恢复调解")))

    def start_outcome(self) -> None:
        if self.data is None or self.runner.busy:
            return
        effective = any(a.is_effective for a in self.data.overview.agreements)
        dialog = OutcomeDialog(self, self.data.overview.outcome, effective, self.data.overview.routes)

        def save() -> None:
            v = dialog.values()
            self.runner.write(mediation.set_mediation_outcome, self.case_id, v["outcome"], v["routes_told"],
                              v["note"], notice=tr("已记录婚姻调解结果"))
        self.runner.open_dialog(dialog, save)


def build_mediation_tab(session: AppSession, case_id: str, on_changed: Callable[[], None] | None = None) -> QWidget:
    """The 调解 tab for one case. `on_changed()` is called after each action (the case page reloads its header)."""
    return MediationTab(session, case_id, on_changed)
