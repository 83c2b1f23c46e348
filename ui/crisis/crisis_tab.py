"""The case view's 危机干预 tab: `build_crisis_tab(session, case_id, on_changed)`.

A line with the current danger level, then four sub-tabs: 危险评估 (the live form, the trend chart and
the history), 安全计划, 行动记录 and 保护令 (with their clocks). The data are read when the tab is first
shown (assessments are an audited read, so it runs in a write unit of work) and again after every change.
After a change `on_changed(notice)` tells the case page, which reloads its header and timeline (a 高
assessment or a violation makes the case a major incident).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.security.permissions import Permission, can

from ..errors import present_error
from ..i18n import tr
from ..reloader import Reloader
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from .crisis_actions import ActionLogPanel
from .crisis_assessment import AssessmentPanel
from ..common.crisis_common import LevelBadge
from .crisis_data import CrisisData, load_crisis
from .crisis_orders import ProtectionOrdersPanel
from .crisis_plan import SafetyPlanEditor
from ..common.guard import while_alive

OnChanged = Callable[[str], None]


class CrisisTab(QWidget):
    def __init__(self, session: AppSession, case_id: str, on_changed: OnChanged | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crisis_tab")
        self.session, self.case_id, self.on_changed = session, case_id, on_changed
        self.data: CrisisData | None = None
        # Assessments are an audited read: the load runs in a write unit of work (and announces nothing).
        self.loader = Reloader(session, self, load_crisis, self._loaded, lambda exc: present_error(self, exc),
                               params=lambda: {"case_id": case_id}, write=True)
        self.runner = ActionRunner(session, self, case_id)
        self.runner.sig_changed.connect(self._changed)

        self.level = LevelBadge(self)
        self.level.setObjectName("crisis_level")
        self.summary = QLabel(objectName="crisis_summary")
        self.summary.setStyleSheet("color:#3c4043")
        self.notice = QLabel(objectName="crisis_notice")
        self.notice.setStyleSheet("color:#1e7e34")
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("当前危险等级：")))
        top.addWidget(self.level)
        top.addWidget(self.summary, 1)
        top.addWidget(self.notice)

        self.assessment = AssessmentPanel(session, case_id, self)
        self.assessment.sig_saved.connect(
            lambda view: self._changed(tr("已保存危险评估：{level}风险").format(level=tr(view.final_level.label))))
        self.plan = SafetyPlanEditor(session, case_id, self)
        self.plan.sig_saved.connect(
            lambda plan: self._changed(tr("已保存安全计划（第 {version} 版）").format(version=plan.version),
                                       reload=False))
        self.actions = ActionLogPanel(self.runner, case_id, self)
        self.orders = ProtectionOrdersPanel(self.runner, case_id, self)
        self.tabs = QTabWidget(objectName="crisis_tabs")
        self.tabs.addTab(self.assessment, tr("危险评估"))
        self.tabs.addTab(self.plan, tr("安全计划"))
        self.tabs.addTab(self.actions, tr("行动记录"))
        self.tabs.addTab(self.orders, tr("保护令"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        session.sig_actor_changed.connect(while_alive(self, lambda _a: self._apply_permissions()))

    # --- loading -----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self.data is None and not self.loader.loading:
            self.reload()

    @property
    def loading(self) -> bool:
        return self.loader.loading

    def reload(self) -> None:
        self.loader.request()

    def _loaded(self, data: CrisisData) -> None:
        self.data = data
        self._apply_permissions()
        latest = data.latest
        self.level.set_level(latest.final_level if latest else None)
        parts = []
        if latest is not None:
            parts.append(tr("最近评估 {at}，共 {n} 次").format(at=format_local(latest.assessed_at),
                                                              n=len(data.assessments)))
        if data.case is not None and data.case.major_incident:
            parts.append(tr("重大案事件"))
        in_force = [o for o in data.orders if o.in_force]
        if in_force:
            parts.append(tr("保护令有效至 {day}").format(day=in_force[-1].expires_on.isoformat()))
        if data.case is not None and not data.case_open:
            parts.append(tr("案件已办结，只能查看"))
        self.summary.setText("　".join(parts))

    def editable(self) -> bool:
        actor = self.session.actor
        return (actor is not None and can(actor, Permission.CASE_EDIT) and self.data is not None
                and self.data.case_open)

    def _apply_permissions(self) -> None:
        data = self.data
        if data is None:
            return
        editable = self.editable()
        self.assessment.set_data(data.assessments, editable, bool(data.case and data.case.major_incident))
        self.actions.set_data(data.actions, editable)
        self.orders.set_data(data.orders, editable)
        self.plan.set_editable(editable)

    # --- after a change ----------------------------------------------------------------------------
    def _changed(self, notice: str, reload: bool = True) -> None:
        self.notice.setText(notice)
        if reload or not notice:
            self.reload()
        if notice and self.on_changed is not None:
            self.on_changed(notice)


def build_crisis_tab(session: AppSession, case_id: str, on_changed: OnChanged | None = None) -> QWidget:
    """The 危机干预 tab for the case view. `on_changed(notice)` is called after each change (a short
    Chinese sentence), e.g. the page's `_action_done`, which shows it and reloads the case."""
    return CrisisTab(session, case_id, on_changed)
