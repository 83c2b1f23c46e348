"""A shared desk PC: one navigation (pages in the list on the left, only open cases as tabs), the role's toolbar
with icons, 注销 / 切换用户 / 修改密码 in the menu and on the lock screen, the manual on F1. On a demo store."""
from __future__ import annotations

import re

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from fulian_demo import DEMO_PASSWORD, generate_demo
from fulian_desktop.domain.enums import Role
from fulian_desktop.domain.errors import FulianError
from fulian_desktop.services.accounts import auth
from fulian_desktop.store.models import Case, UserAccount
from fulian_desktop.store.store import Store
from tests.support.stores import new_store
from ui.errors import messages
from ui.main_window import MainWindow
from ui.manual import MANUAL

TIMEOUT = 15_000
NEW_PASSWORD = "Neu-Passwort-2027"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    store = new_store(tmp_path_factory.mktemp("desk") / "store").store
    generate_demo(store, cases=80, seed=3)
    yield store
    store.close()


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch, qapp):  # noqa: ANN001, ANN202
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])


def _user(store: Store, role: Role) -> str:
    with store.uow() as uow:
        return uow.s.execute(select(UserAccount.username).where(UserAccount.role == role.value,
                                                                UserAccount.active.is_(True))
                             .order_by(UserAccount.username).limit(1)).scalar_one()


@pytest.fixture
def window_for(qtbot, demo_store):  # noqa: ANN001, ANN201
    from ui.app import build_main_window

    made: list[MainWindow] = []

    def make(username: str) -> MainWindow:
        window = build_main_window(demo_store, auth.login(demo_store, username, DEMO_PASSWORD))
        window.resize(1400, 860)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    from ui.main_window import HANDED_OVER

    made.extend(w for w in list(HANDED_OVER) if w not in made)
    for window in made:  # a window handed over to the next user is gone already
        for w in (window, window.replacement if shiboken6.isValid(window) else None):
            if w is not None and shiboken6.isValid(w):
                qtbot.waitUntil(lambda w=w: not w.session.tasks.busy(), timeout=TIMEOUT)
                w.session.tasks.wait_idle()
                w.idle_watcher_stop()
                w.close()
                w.deleteLater()
    QApplication.processEvents()
    assert HANDED_OVER == []  # no window outlives the test (a later app.exec() would never return)


def _visible_tabs(window: MainWindow) -> list[str]:
    bar = window.tabs.tabBar()
    return [window.tabs.tabText(i) for i in range(window.tabs.count()) if bar.isTabVisible(i)]


def test_pages_are_reached_from_the_list_only_and_cases_open_as_tabs(qtbot, window_for, demo_store) -> None:  # noqa: ANN001
    window = window_for(_user(demo_store, Role.SUPERVISOR))
    for row in range(len(window.specs)):
        window.nav.setCurrentRow(row)
        window.show_page(row)
        page = window.page(window.specs[row].key)
        assert window.tabs.currentWidget() is page and page.isVisible()  # shown, though it has no tab
    assert _visible_tabs(window) == [] and not window.tabs.tabBar().isVisible()  # no second navigation
    with demo_store.uow() as uow:
        case_id = uow.s.execute(select(Case.id).limit(1)).scalar_one()
    window.open_case(case_id)
    view = window.case_tabs[case_id]
    qtbot.waitUntil(lambda: view.detail is not None, timeout=TIMEOUT)
    assert len(_visible_tabs(window)) == 1 and window.tabs.tabBar().isVisible()
    assert window.tabs.currentWidget() is view and window.nav.currentRow() == -1
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    window.nav.setFocus(Qt.TabFocusReason)  # the list taking the focus does not show a page over the case
    qtbot.waitUntil(window.nav.hasFocus, timeout=TIMEOUT)
    QApplication.processEvents()
    assert window.tabs.currentWidget() is view
    assert window.toolbar_actions["print"].isEnabled()
    window._close_tab(window.tabs.indexOf(view))
    assert _visible_tabs(window) == [] and not window.tabs.tabBar().isVisible()


def test_each_role_has_its_everyday_steps_on_a_toolbar_with_icons(qtbot, window_for, demo_store) -> None:  # noqa: ANN001
    reception = window_for(_user(demo_store, Role.RECEPTION))
    reception.activateWindow()
    qtbot.waitUntil(reception.isActiveWindow, timeout=TIMEOUT)
    assert {"intake", "find"} <= set(reception.toolbar_actions)
    assert all(not action.icon().isNull() for action in reception.toolbar_actions.values())
    reception.toolbar_actions["find"].trigger()
    page = reception.tabs.currentWidget()
    assert page in (reception.page("unit_cases"), reception.page("my_cases"))
    qtbot.waitUntil(page.search.hasFocus, timeout=TIMEOUT)
    reception.toolbar_actions["intake"].trigger()
    assert reception.tabs.currentWidget() is reception.page("intake")
    assert not reception.toolbar_actions["print"].isEnabled()  # no case open: nothing to print

    mediator = window_for(_user(demo_store, Role.MEDIATOR))
    assert {"find", "refer", "mediate", "print"} <= set(mediator.toolbar_actions)
    texts = [a.text() for a in mediator.toolbar.actions()]
    assert texts[:1] != [] and "转介" in texts and "调解" in texts and "打印" in texts
    mediator.toolbar_actions["mediate"].trigger()
    assert mediator.tabs.currentWidget() is mediator.page("mediation_calendar")


def test_the_account_menu_holds_log_out_switch_user_and_change_password(window_for, demo_store) -> None:  # noqa: ANN001
    window = window_for(_user(demo_store, Role.RECEPTION))
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    account = [a.text() for a in menus["账户(&A)"].actions()]
    assert account == ["修改密码(&P)…", "切换用户(&U)", "注销(&O)"]
    assert [a.text() for a in menus["帮助(&H)"].actions()] == ["用户手册(&M)"]


def test_another_user_takes_over_the_desk_from_the_lock_screen(qtbot, window_for, demo_store) -> None:  # noqa: ANN001
    clerk, mediator = _user(demo_store, Role.RECEPTION), _user(demo_store, Role.MEDIATOR)
    window = window_for(clerk)
    window.switch_user()
    screen = window.lock_screen
    assert window.is_locked() and screen.username.isVisible() and window.session.actor is None
    for button in (screen.password_button, screen.log_out_button):
        assert button.isVisible()
    screen.username.setText(mediator)
    screen.password.setText("wrong-password")
    screen.try_unlock()
    assert window.is_locked() and screen.error.text() and window.replacement is None  # nothing opened
    screen.password.setText(DEMO_PASSWORD)
    screen.try_unlock()
    new = window.replacement
    assert new is not None and new.session.actor.username == mediator
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)
    assert new.isVisible() and not new.is_locked()
    assert [s.key for s in new.specs] != [s.key for s in window.specs]  # her pages, not the clerk's


def test_the_same_user_unlocks_after_switch_user_and_keeps_her_cases(qtbot, window_for, demo_store) -> None:  # noqa: ANN001
    supervisor = _user(demo_store, Role.SUPERVISOR)
    window = window_for(supervisor)
    with demo_store.uow() as uow:
        case_id = uow.s.execute(select(Case.id).limit(1)).scalar_one()
    window.open_case(case_id)
    window.switch_user()
    window.lock_screen.username.setText(supervisor)
    window.lock_screen.password.setText(DEMO_PASSWORD)
    window.lock_screen.try_unlock()
    assert not window.is_locked() and window.replacement is None and case_id in window.case_tabs


def test_log_out_closes_the_open_cases_and_waits_for_anyone(qtbot, window_for, demo_store) -> None:  # noqa: ANN001
    window = window_for(_user(demo_store, Role.SUPERVISOR))
    with demo_store.uow() as uow:
        case_id = uow.s.execute(select(Case.id).limit(1)).scalar_one()
    window.open_case(case_id)
    window.lock()
    window.lock_screen.log_out_button.click()
    assert window.is_locked() and window.case_tabs == {} and window.lock_screen.username.isVisible()
    assert window.lock_screen.actor is None and "（" not in window.lock_screen.who.text()  # no name left on show
    assert window.status_user.text() == "未登录"


def test_change_password_on_the_lock_screen(qtbot, window_for, demo_store, monkeypatch) -> None:  # noqa: ANN001
    from ui.accounts.login import ChangePasswordDialog

    counsellor = _user(demo_store, Role.COUNSELLOR)
    window = window_for(counsellor)
    window.lock()

    def answer(dialog: ChangePasswordDialog) -> int:
        assert dialog.old.text() == DEMO_PASSWORD  # what she typed on the lock screen
        dialog.new.setText(NEW_PASSWORD)
        dialog.again.setText(NEW_PASSWORD)
        dialog.try_change()
        return dialog.result()

    monkeypatch.setattr(ChangePasswordDialog, "exec", answer)
    window.lock_screen.password.setText(DEMO_PASSWORD)
    window.lock_screen.password_button.click()
    assert not window.is_locked()
    assert auth.login(demo_store, counsellor, NEW_PASSWORD).username == counsellor
    with pytest.raises(FulianError):
        auth.login(demo_store, counsellor, DEMO_PASSWORD)


def test_f1_opens_the_manual_of_the_role_with_its_pictures(qtbot, window_for, demo_store) -> None:  # noqa: ANN001
    window = window_for(_user(demo_store, Role.RECEPTION))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    qtbot.keyClick(window, Qt.Key_F1)
    manual = window.manual
    qtbot.waitUntil(manual.isVisible, timeout=TIMEOUT)
    text = manual.browser.toPlainText()
    assert "接待员手册" in text and "来访登记" in text
    assert manual.browser.source().fileName() == "reception.html"
    images = re.findall(r'src="([^"]+)"', (MANUAL / "reception.html").read_text(encoding="utf-8"))
    assert images
    for src in images:  # each picture the page shows is shipped and loads
        image = manual.browser.loadResource(QTextDocument.ImageResource, manual.browser.source().resolved(QUrl(src)))
        assert image is not None and not QImage(image).isNull() if isinstance(image, QImage) else image
    manual.close()
