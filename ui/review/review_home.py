"""The supervisor's home: the review queue first, then the case lists."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from fulian_desktop.services.reporting import board

from ..common.guard import while_alive
from ..i18n import tr
from ..reporting.reporting_page import reminder_text
from ..session import AppSession
from ..cases.case_list import CaseListPage
from .review_queue import ReviewQueuePage


class ReviewHomePage(QWidget):
    sig_open_case = Signal(str)
    """(case id) — from the queue or the approvals (the case lists' own signals are wired by the window)."""
    sig_nav_title = Signal(str)
    """(title) — "审核队列 (12)"."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        actor = session.actor
        assert actor is not None
        greeting = QLabel(tr("<b>{display_name}</b>，您好（{label}）。<span style='color:#5f6368'>审核队列按紧急程度排列：重大案事件、已超期、待审批、即将到期、长期无进展。</span>").format(display_name=actor.display_name, label=tr(actor.role.label)))
        greeting.setWordWrap(True)
        # Last month's reports: the unit's own still to submit (or returned), those below waiting or late.
        self.reminder = QLabel(objectName="report_reminder", wordWrap=True)
        self.reminder.setStyleSheet("color:#b06000")
        self.reminder.hide()
        self.queue = ReviewQueuePage(session)
        self.mine = CaseListPage(session, settings_key="home_mine", mine_only=True)
        self.unit = CaseListPage(session, settings_key="home_unit")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.queue, tr("审核队列"))
        self.tabs.addTab(self.mine, tr("我承办的案件"))
        self.tabs.addTab(self.unit, tr("本单位及下级案件"))
        self.queue.sig_open_case.connect(self.sig_open_case)
        self.queue.sig_nav_title.connect(self._title)
        layout = QVBoxLayout(self)
        layout.addWidget(greeting)
        layout.addWidget(self.reminder)
        layout.addWidget(self.tabs, 1)

        self.session = session
        self.remind()
        session.changes.subscribe(self, {"sync", "settings", "reports"}, self.remind)

    def remind(self) -> None:
        """The reminder is a courtesy beside the queue: if it cannot be worked out it stays hidden (the 上报 page
        shows the error itself)."""
        self.session.read(board.reminder, on_done=while_alive(self, self._remind), on_error=lambda _exc: None)

    def _remind(self, note: board.Reminder) -> None:
        text = reminder_text(note)
        self.reminder.setText(text)
        self.reminder.setVisible(bool(text))

    def _title(self, text: str) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.queue), text)
        self.sig_nav_title.emit(text)
