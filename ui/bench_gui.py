"""One measured run of the desktop program, for `fulian bench` (prints one JSON line).

Runs the real start-up path: import, QApplication, open the store (key from an in-memory
keyring seeded by the parent, as the OS keyring would give it), show the login window;
then log in, show the unit's case list until its first rows are on screen, open a case.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--username", required=True)
    parser.add_argument("--started", type=float, required=True, help="the parent's time.time() before spawning")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer

    from fulian_desktop.security.keyfile import KeyFile
    from fulian_desktop.security.keyring_vault import KeyringVault
    from fulian_desktop.security.memory_keyring import InMemoryKeyring
    from fulian_desktop.store.paths import StorePaths
    from fulian_desktop.store.store import open_store

    from .app import build_main_window, make_application
    from .accounts.login import LoginDialog

    def wait_until(condition, timeout_ms: int = 60_000) -> None:  # noqa: ANN001
        deadline = time.perf_counter() + timeout_ms / 1000
        loop = QEventLoop()
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("timed out")
            QTimer.singleShot(5, loop.quit)
            loop.exec()

    app = make_application()
    backend = InMemoryKeyring()
    vault = KeyringVault(backend)
    paths = StorePaths(Path(args.data_dir))
    vault.put(KeyFile.load(paths.keyfile).store_id, os.environ["FULIAN_BENCH_KEY"])
    store = open_store(paths.root, vault=vault)
    dialog = LoginDialog(store)
    dialog.show()
    wait_until(dialog.isVisible)
    app.processEvents()
    cold_start_ms = (time.time() - args.started) * 1000

    # Log in as a user does: the dialog's own path (the password check overlaps the main window's imports).
    dialog.username.setText(args.username)
    dialog.password.setText(os.environ["FULIAN_BENCH_PASSWORD"])
    t0 = time.perf_counter()
    dialog.try_login()
    actor = dialog.actor
    assert actor is not None, dialog.error.text()
    window = build_main_window(store, actor)
    dialog.hide()
    window.show()
    window.nav.setCurrentRow([s.key for s in window.specs].index("unit_cases"))
    page = window.page("unit_cases")
    model = page.model
    complete: list[int] = []
    model.sig_loaded.connect(complete.append)
    # Populated: the newest cases are on screen (the whole id list may still be on its way).
    wait_until(lambda: model.rowCount() > 0 and model.row_at(0) is not None)
    login_to_list_ms = (time.perf_counter() - t0) * 1000
    wait_until(lambda: bool(complete))
    list_complete_ms = (time.perf_counter() - t0) * 1000
    rows = model.rowCount()

    # Scroll through the list as a user would, so the memory figure includes cached pages.
    for fraction in (0.25, 0.5, 0.75, 1.0):
        page.table.scrollTo(model.index(int((rows - 1) * fraction), 0))
        target = int((rows - 1) * fraction)
        wait_until(lambda t=target: model.row_at(t) is not None)

    case_id = model.ids[0]
    t1 = time.perf_counter()
    window.open_case(case_id)
    view = window.case_tabs[case_id]
    loaded: list[str] = []
    view.sig_title.connect(loaded.append)
    wait_until(lambda: bool(loaded))
    open_case_ms = (time.perf_counter() - t1) * 1000
    rss = _rss_mb()

    window.session.tasks.wait_idle()
    print(json.dumps({"cold_start_ms": cold_start_ms, "login_to_list_ms": login_to_list_ms,
                      "list_complete_ms": list_complete_ms, "open_case_ms": open_case_ms, "rss_mb": rss,
                      "rows": rows}))
    window.hide()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
