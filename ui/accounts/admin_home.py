"""The home of a role that reads no case (separation of duties): the system administrator and the auditor.

A greeting, the backup reminder (it also arms the back-up-on-exit, so it must be on the first page an
administrator sees), and the role's own work below it: the accounts for the system administrator, the audit
log for the auditor. No case list: these roles read no case content.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..i18n import tr
from ..session import AppSession


class AdminHomePage(QWidget):
    def __init__(self, session: AppSession, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        actor = session.actor
        assert actor is not None
        greeting = QLabel(tr("<h2>{display_name}，您好</h2><p>{label}</p>").format(
            display_name=actor.display_name, label=tr(actor.role.label)))
        from .backup_box import BackupBanner  # administrators: backup older than 7 days (issue 7)

        self.body = body
        layout = QVBoxLayout(self)
        layout.addWidget(greeting)
        layout.addWidget(BackupBanner(session))
        layout.addWidget(body, 1)
