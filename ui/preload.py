"""Importing the main window's modules ahead of need.

The password check at login (argon2id, about a quarter of a second) runs in a thread and releases
the GIL; meanwhile the UI thread imports the main window, its pages and the case view, which
would otherwise be imported after login, in front of the user, or on the first case opened.
"""
from __future__ import annotations

import importlib
import logging
import pkgutil

log = logging.getLogger(__name__)

_DONE = False
MODULES = ("ui.main_window", "ui.idle", "ui.session", "ui.settings_store", "ui.tasks", "ui.navigation",
           "fulian_desktop.services.accounts.orgunits")
PACKAGES = ("ui.pages",)  # every page: the navigation picks among them by role


def main_window_modules() -> None:
    global _DONE
    if _DONE:
        return
    _DONE = True
    names = list(MODULES)
    for package in PACKAGES:
        module = importlib.import_module(package)
        names += [info.name for info in pkgutil.iter_modules(module.__path__, package + ".")]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a page that fails to import shows its error when opened
            log.exception("preloading %s failed", name)
