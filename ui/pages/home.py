"""A role's home page. For now: a greeting and the two case lists; later issues add their panels."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ..i18n import tr
from ..session import AppSession
from .case_list import CaseListPage


class HomePage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        actor = session.actor
        assert actor is not None
        greeting = QLabel(tr("<h2>{display_name}，您好</h2><p>{label}</p>").format(display_name=actor.display_name, label=tr(actor.role.label)))
        self.lists = QTabWidget()
        self.mine = CaseListPage(session, settings_key="home_mine", mine_only=True)
        self.unit = CaseListPage(session, settings_key="home_unit")
        self.lists.addTab(self.mine, tr("我承办的案件"))
        self.lists.addTab(self.unit, tr("本单位及下级案件"))
        layout = QVBoxLayout(self)
        layout.addWidget(greeting)
        layout.addWidget(self.lists, 1)
