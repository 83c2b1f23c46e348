"""Every role's main window fits a 1366×768 screen, in English as in Chinese: after every navigation page has been
shown (a window's minimum is the widest of its pages), its minimum size is within the screen, so nothing is cut
off at the right edge (the English texts are longer: filter rows and KPI lines wrap instead)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from fulian_demo import DEMO_PASSWORD, generate_demo
from fulian_desktop.services.accounts import auth
from fulian_desktop.store.models import UserAccount
from fulian_desktop.store.store import Store
from tests.support.stores import new_store
from ui import i18n
from ui.errors import messages

TIMEOUT = 20_000
SCREEN = (1366, 768)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = new_store(tmp_path_factory.mktemp("fits") / "store").store
    generate_demo(s, cases=120, seed=5)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch, qapp):  # noqa: ANN001, ANN202
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])
    yield
    i18n.install("zh")


def _users(store: Store) -> list[tuple[str, str]]:
    with store.uow() as uow:
        rows = uow.s.execute(select(UserAccount.role, UserAccount.username)
                             .where(UserAccount.active.is_(True), UserAccount.deleted_at.is_(None))
                             .order_by(UserAccount.username)).all()
    first: dict[str, str] = {}
    for role, username in rows:
        first.setdefault(role, username)
    return sorted(first.items())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_roles_window_fits_1366_by_768(qtbot, store: Store, lang: str) -> None:  # noqa: ANN001
    from ui.app import build_main_window

    assert i18n.install(lang)
    too_big = []
    for role, username in _users(store):
        window = build_main_window(store, auth.login(store, username, DEMO_PASSWORD))
        qtbot.addWidget(window)
        window.resize(*SCREEN)
        window.show()
        qtbot.waitExposed(window)
        try:
            for row, spec in enumerate(window.specs):
                window.nav.setCurrentRow(row)
                window.show_page(row)
                qtbot.waitUntil(lambda w=window: not w.session.tasks.busy(), timeout=TIMEOUT)
                QApplication.processEvents()
                need = window.minimumSizeHint()
                if need.width() > SCREEN[0] or need.height() > SCREEN[1] or window.width() > SCREEN[0]:
                    too_big.append(f"{role}/{spec.key}: {need.width()}×{need.height()}")
        finally:
            qtbot.waitUntil(lambda w=window: not w.session.tasks.busy(), timeout=TIMEOUT)
            window.idle_watcher.timer.stop()
            window.close()
    assert too_big == []
