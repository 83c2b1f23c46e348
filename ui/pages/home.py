"""A role's home page: a greeting, the tasks the running clocks yield (待办时限), and the two case lists."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ..i18n import tr
from ..session import AppSession
from .case_list import CaseListPage
from .clock_tasks import ClockTasksPanel


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
        layout.addWidget(self.lists, 1)
