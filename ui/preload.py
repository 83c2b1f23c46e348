"""Importing the main window's modules ahead of need.

The password check at login (argon2id, about a quarter of a second) runs in a thread and releases
the GIL; meanwhile the UI thread imports the main window, its pages and the case view, which
would otherwise be imported after login, in front of the user, or on the first case opened.
"""
from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)

_DONE = False
MODULES = ("ui.main_window", "ui.idle", "ui.session", "ui.settings_store", "ui.tasks", "ui.navigation",
           "fulian_desktop.services.accounts.orgunits")
# Every page (the navigation picks among them by role); each capability keeps its pages in its own folder.
PAGES = ("ui.accounts.admin_home", "ui.accounts.admin_units", "ui.accounts.admin_users", "ui.accounts.audit_log",
         "ui.accounts.settings", "ui.cases.case_list", "ui.cases.case_view", "ui.cases.home",
         "ui.clocks.clock_tasks", "ui.counselling.counsellor_home", "ui.intake.intake_fields",
         "ui.intake.intake_form", "ui.intake.intake_result", "ui.mediation.mediation_calendar", "ui.referral.inbox",
         "ui.review.review_approvals", "ui.review.review_home", "ui.review.review_queue",
         "ui.screening.screening_register", "ui.statistics.dashboard", "ui.sync.sync_conflicts",
         "ui.sync.sync_station")


def main_window_modules() -> None:
    global _DONE
    if _DONE:
        return
    _DONE = True
    for name in (*MODULES, *PAGES):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a page that fails to import shows its error when opened
            log.exception("preloading %s failed", name)
