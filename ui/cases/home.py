"""A role's home page: a greeting, the tasks the running clocks yield (待办时限), and the two case lists.
A mediator's home starts with their sessions (调解安排: today's and the rest of the week's)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from fulian_desktop.domain.enums import Role

from ..i18n import tr
from ..session import AppSession
from ..mediation.mediator_sessions import MediatorSessionsPanel
from .case_list import CaseListPage
from ..clocks.clock_tasks import ClockTasksPanel


class HomePage(QWidget):
    sig_open_case = Signal(str)
    """(case id) — a task was opened. The case lists' own signals reach the main window directly."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        actor = session.actor
        assert actor is not None
        greeting = QLabel(tr("<h2>{display_name}，您好</h2><p>{label}</p>").format(display_name=actor.display_name, label=tr(actor.role.label)))
        self.lists = QTabWidget()
        self.tasks = ClockTasksPanel(session)
        self.tasks.sig_open_case.connect(self.sig_open_case)
        self.mine = CaseListPage(session, settings_key="home_mine", mine_only=True)
        self.unit = CaseListPage(session, settings_key="home_unit")
        self.lists.addTab(self.tasks, tr("待办时限"))
        self.lists.addTab(self.mine, tr("我承办的案件"))
        self.lists.addTab(self.unit, tr("本单位及下级案件"))
        layout = QVBoxLayout(self)
        layout.addWidget(greeting)
        from ..accounts.backup_box import BackupBanner  # administrators: backup older than 7 days (issue 7)

        layout.addWidget(BackupBanner(session))
        self.sessions: MediatorSessionsPanel | None = None
        if actor.role == Role.MEDIATOR:   # the day's and the week's sessions above the clocks and cases
            self.sessions = MediatorSessionsPanel(session)
            self.sessions.sig_open_case.connect(self.sig_open_case)
            split = QSplitter(Qt.Vertical, objectName="home_split")
            split.addWidget(self.sessions)
            split.addWidget(self.lists)
            split.setStretchFactor(1, 1)
            split.setSizes([260, 480])
            layout.addWidget(split, 1)
        else:
            layout.addWidget(self.lists, 1)
