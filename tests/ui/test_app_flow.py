"""The desktop application as a user meets it, on real encrypted stores in tmp_path.

First run (setup wizard → login → forced password change → main window, through `ui.app.main`),
the case list (filters and the one search box, counts checked against the core), opening a case
and editing a party, auto-lock that hides case data and keeps unsaved input, a village user's
scope, a wrong passphrase that leaves the store untouched, and a second instance.

Most tests share one demo store per module (600 generated cases): building it takes ~2 s.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QAction  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton, QAbstractItemView, QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTabBar,
    QTextEdit, QWidget, QWizard,
)
from sqlalchemy import func, select  # noqa: E402

from fulian_demo import DEMO_PASSWORD, generate_demo  # noqa: E402
from fulian_desktop.domain.enums import CaseStatus, Role, Tier  # noqa: E402
from fulian_desktop.domain.idnumber import make_id_number  # noqa: E402
from fulian_desktop.security.actor import Actor  # noqa: E402
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import case_queries, history  # noqa: E402
from fulian_desktop.services.cases.case_queries import CaseFilter  # noqa: E402
from fulian_desktop.store.models import Case, CaseParty, OrgUnit, Person, UserAccount  # noqa: E402
from fulian_desktop.store.store import Store, Unlock, open_store  # noqa: E402
from tests.support.qt_input import type_chinese  # noqa: E402
from tests.support.stores import (  # noqa: E402
    ADMIN_PASSWORD, FAST_KDF, NEW_PASSWORD, PASSPHRASE, NoKeyringVault, new_store,
)
from ui.accounts.login import ChangePasswordDialog, LoginDialog  # noqa: E402
from ui.setup.setup_wizard import SetupWizard  # noqa: E402
from ui.errors import messages  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

DEMO_CASES = 600
TIMEOUT = 15_000


# --- fixtures --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """One encrypted store with the demo org tree of 望城区, its staff and 600 cases."""
    store = new_store(tmp_path_factory.mktemp("demo") / "store").store
    generate_demo(store, cases=DEMO_CASES, seed=11)
    yield store
    store.close()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> None:  # noqa: ANN001
    """Remembered filters, column widths and geometry go to this test's folder, not the user's;
    message boxes are recorded and answered 'yes' instead of blocking."""
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])


def _login(store: Store, username: str) -> Actor:
    actor = auth.login(store, username, DEMO_PASSWORD)
    assert not actor.must_change_password
    return actor


@pytest.fixture
def main_window(qtbot, demo_store: Store):  # noqa: ANN001, ANN201
    """A factory: the main window as `ui.app` builds it after login, shown."""
    from ui.app import build_main_window

    windows: list[MainWindow] = []

    def make(username: str) -> MainWindow:
        window = build_main_window(demo_store, _login(demo_store, username))
        qtbot.addWidget(window)
        window.resize(1400, 860)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        qtbot.waitUntil(lambda w=window: not w.session.tasks.busy(), timeout=TIMEOUT)
        window.session.tasks.wait_idle()


# --- helpers ---------------------------------------------------------------------------------------

def _core(store: Store, fn: Callable, actor: Actor, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
    with store.uow() as uow:
        return fn(uow, actor, *args, **kwargs)


def _case_list(qtbot, window: MainWindow, key: str = "unit_cases"):  # noqa: ANN001, ANN202
    """Go to a case list page through the navigation and wait for its first load."""
    from ui.cases.case_list import CaseListPage

    window.nav.setCurrentRow([spec.key for spec in window.specs].index(key))
    page = window.page(key)
    assert isinstance(page, CaseListPage) and page.isVisible()
    qtbot.waitUntil(lambda: page.count_label.text().startswith(("共", "搜索")), timeout=TIMEOUT)
    return page


def _reload(qtbot, page, action: Callable[[], None]) -> int:  # noqa: ANN001
    """Do what the user does (pick a filter, press Enter …) and return the row count that arrives."""
    with qtbot.waitSignal(page.model.sig_loaded, timeout=TIMEOUT) as loaded:
        action()
    count = loaded.args[0]
    assert page.model.rowCount() == count
    assert f"共 {count:,} 件" in page.count_label.text()
    if count:
        qtbot.waitUntil(lambda: page.model.row_at(0) is not None, timeout=TIMEOUT)
    return count


def _search(qtbot, page, text: str) -> int:  # noqa: ANN001
    page.search.clear()
    if text.isascii():
        qtbot.keyClicks(page.search, text)
    else:
        type_chinese(page.search, text)  # as an input method commits it
    assert page.search.text() == text
    return _reload(qtbot, page, lambda: qtbot.keyClick(page.search, Qt.Key_Return))


def _pick(page, combo: QComboBox, label: str) -> Callable[[], None]:  # noqa: ANN001
    index = combo.findText(label)
    assert index > 0, f"{label} not in {[combo.itemText(i) for i in range(combo.count())]}"
    return lambda: combo.setCurrentIndex(index)


def _visible_text() -> str:
    """Everything a person could read on screen now: every visible window's labels, fields, buttons,
    tabs, combo boxes and the visible rows of every list, table and tree."""
    parts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        parts.append(top.windowTitle())
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, (QLabel, QLineEdit, QAbstractButton)):
                parts.append(widget.text())
            elif isinstance(widget, QComboBox):
                parts.append(widget.currentText())
            elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
                parts.append(widget.toPlainText())
            elif isinstance(widget, QTabBar):
                parts.extend(widget.tabText(i) for i in range(widget.count()))
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                for row in range(min(model.rowCount(QModelIndex()), 100)):
                    column = 0
                    while (index := model.index(row, column)).isValid():  # list models hide columnCount
                        if index.data() is not None:
                            parts.append(str(index.data()))
                        column += 1
    return "\n".join(parts)


@dataclass(frozen=True)
class PartyPick:
    case_id: str
    case_no: str
    title: str
    name: str
    initials: str
    id_number: str
    phone: str
    owner_unit_id: str


def _party_with_contacts(store: Store, *, unit_tier: str | None = None, offset: int = 0) -> PartyPick:
    """A (not confidential) party of a demo case, with a name, ID number and phone to search for."""
    with store.uow() as uow:
        stmt = (select(Case.id, Case.case_no, Case.title, Person.name, Person.name_initials, Person.id_number,
                       Person.phone, Case.owner_unit_id)
                .join(CaseParty, CaseParty.case_id == Case.id).join(Person, Person.id == CaseParty.person_id)
                .join(OrgUnit, OrgUnit.id == Case.owner_unit_id)
                .where(Person.id_number.is_not(None), Person.phone.is_not(None), Person.name_initials != "",
                       CaseParty.deleted_at.is_(None), CaseParty.contact_confidential.is_(False))
                .order_by(Case.case_no).offset(offset).limit(1))
        if unit_tier:
            stmt = stmt.where(OrgUnit.tier == unit_tier)
        return PartyPick(*uow.s.execute(stmt).one())


# --- first run: wizard → login → forced password change → main window -----------------------------

class _DialogDriver:
    """Plays the user for the modal dialogs `ui.app.main` opens one after another: each step waits
    for a visible window of its type, then acts on it (nested event loops are fine inside exec())."""

    def __init__(self, steps: list[tuple[type, Callable[[QWidget], None]]]) -> None:
        self.steps = list(steps)
        self.seen: list[str] = []
        self.errors: list[BaseException] = []
        self._busy = False
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)
        self.timer.start(30)

    def _poll(self) -> None:
        if self._busy or not self.steps:
            return
        kind, act = self.steps[0]
        widget = next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)
        if widget is None:
            return
        self.steps.pop(0)
        self.seen.append(kind.__name__)
        self._busy = True
        try:
            act(widget)
        except BaseException as exc:  # noqa: BLE001 - re-raised by the test after main() returns
            self.errors.append(exc)
            self.steps.clear()
            widget.close()  # a dialog's close() rejects it: main() returns instead of hanging
        finally:
            self._busy = False

    def stop(self) -> None:
        self.timer.stop()


def _click(qtbot, button: QAbstractButton) -> None:  # noqa: ANN001
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.LeftButton)


def test_first_run_goes_from_the_wizard_through_login_and_password_change_to_the_main_window(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import ui.setup.setup_wizard as wizard_module
    from ui.app import main

    class NoKeyringWizard(SetupWizard):  # the machine has no keyring: a passphrase is required
        def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
            super().__init__(data_dir, parent, vault=NoKeyringVault(), kdf=FAST_KDF)

    monkeypatch.setattr(wizard_module, "SetupWizard", NoKeyringWizard)
    data_dir = tmp_path / "data"
    shown: dict[str, str] = {}

    def wizard(w: SetupWizard) -> None:
        qtbot.waitExposed(w)
        _click(qtbot, w.button(QWizard.NextButton))
        assert w.currentPage() is w.org_page
        town = w.org_page.add_town("高塘岭街道")
        w.org_page.add_village(town, "郭亮村")
        w.org_page.add_village(w.org_page.add_town("白沙洲街道"), "马桥河社区")
        _click(qtbot, w.button(QWizard.NextButton))
        assert w.currentPage() is w.admin_page
        w.findChild(QLineEdit, "admin_name").clear()
        type_chinese(w.findChild(QLineEdit, "admin_name"), "张敏")
        for name in ("admin_password", "admin_password_again"):
            qtbot.keyClicks(w.findChild(QLineEdit, name), ADMIN_PASSWORD)
        _click(qtbot, w.button(QWizard.NextButton))
        assert w.currentPage() is w.supervisor_page  # the first supervisor, who makes the staff accounts
        type_chinese(w.findChild(QLineEdit, "supervisor_name"), "李芳")
        for name in ("supervisor_password", "supervisor_password_again"):
            qtbot.keyClicks(w.findChild(QLineEdit, name), "Dudao-Start-2")
        _click(qtbot, w.button(QWizard.NextButton))
        assert w.currentPage() is w.protection_page
        qtbot.waitUntil(lambda: w.protection_page.keyring_available is not None, timeout=TIMEOUT)
        assert w.protection_page.needs_passphrase()
        for name in ("passphrase", "passphrase_again"):
            type_chinese(w.findChild(QLineEdit, name), PASSPHRASE)
        _click(qtbot, w.button(QWizard.NextButton))
        assert w.currentPage() is w.create_page
        _click(qtbot, w.button(QWizard.CommitButton))
        qtbot.waitUntil(lambda: w.currentPage() is w.recovery_page, timeout=30_000)
        shown["recovery_code"] = w.findChild(QLabel, "recovery_code").text()
        assert not w.button(QWizard.FinishButton).isEnabled()  # not before the code is kept
        w.findChild(QWidget, "recovery_saved").setChecked(True)
        _click(qtbot, w.button(QWizard.FinishButton))

    def login(d: LoginDialog) -> None:
        qtbot.waitExposed(d)
        assert d.username.text() == "admin"  # prefilled from the wizard
        assert any("请用刚才设置的管理员账号登录" in label.text() for label in d.findChildren(QLabel))
        qtbot.keyClicks(d.password, "not-the-password")
        qtbot.keyClick(d.password, Qt.Key_Return)
        assert d.isVisible() and "用户名或密码不正确" in d.error.text()
        assert d.password.text() == ""
        qtbot.keyClicks(d.password, ADMIN_PASSWORD)
        qtbot.keyClick(d.password, Qt.Key_Return)

    def change(d: ChangePasswordDialog) -> None:
        qtbot.waitExposed(d)
        assert any("请先设置新密码" in label.text() for label in d.findChildren(QLabel))
        qtbot.keyClicks(d.old, ADMIN_PASSWORD)
        qtbot.keyClicks(d.new, NEW_PASSWORD)
        qtbot.keyClicks(d.again, NEW_PASSWORD + "x")
        qtbot.keyClick(d.again, Qt.Key_Return)
        assert d.isVisible() and d.error.text() == "两次输入的新密码不一致。"
        d.again.clear()
        qtbot.keyClicks(d.again, NEW_PASSWORD)
        qtbot.keyClick(d.again, Qt.Key_Return)

    def window(w: MainWindow) -> None:
        qtbot.waitExposed(w)
        assert not w.is_locked()
        titles = [w.nav.item(i).text() for i in range(w.nav.count())]
        assert titles[0] == "系统管理" and {"组织机构", "系统设置"} <= set(titles)
        assert not {"我的案件", "本单位案件", "来访登记"} & set(titles)  # it reads no case (separation of duties)
        shown["status"] = " ".join(label.text() for label in (w.status_user, w.status_store, w.status_lock))
        qtbot.waitUntil(lambda: not w.session.tasks.busy(), timeout=TIMEOUT)
        w.close()  # the last window: app.exec() returns

    driver = _DialogDriver([(NoKeyringWizard, wizard), (LoginDialog, login), (ChangePasswordDialog, change),
                            (MainWindow, window)])
    try:
        code = main(["--data-dir", str(data_dir)])
    finally:
        driver.stop()
    if driver.errors:
        raise driver.errors[0]
    assert driver.seen == ["NoKeyringWizard", "LoginDialog", "ChangePasswordDialog", "MainWindow"]
    assert code == 0
    assert "张敏（系统管理员）" in shown["status"] and "望城区" in shown["status"]
    assert "SQLCipher 加密" in shown["status"] and "已解锁" in shown["status"]
    assert not (data_dir / "fulian-desktop.lock").exists()  # released on the way out
    for unlock in (Unlock(passphrase=PASSPHRASE), Unlock(recovery_code=shown["recovery_code"])):
        with open_store(data_dir, unlock, vault=NoKeyringVault()) as store:
            actor = auth.login(store, "admin", NEW_PASSWORD)
            assert actor.display_name == "张敏" and not actor.must_change_password


# --- the case list ---------------------------------------------------------------------------------

def test_case_list_filters_and_search_match_the_core(qtbot, main_window, demo_store: Store) -> None:  # noqa: ANN001
    window = main_window("dudao")  # the district supervisor: every case
    actor = window.session.actor
    page = _case_list(qtbot, window)
    assert page.model.rowCount() == _core(demo_store, case_queries.count_cases, actor) == DEMO_CASES

    closed = CaseStatus.CLOSED
    expected = _core(demo_store, case_queries.count_cases, actor, CaseFilter(statuses=frozenset({closed.value})))
    assert 0 < _reload(qtbot, page, _pick(page, page.status, closed.label)) == expected < DEMO_CASES
    assert {page.model.row_at(0).status} == {closed}
    both = CaseFilter(statuses=frozenset({closed.value}), tiers=frozenset({Tier.VILLAGE.value}))
    expected = _core(demo_store, case_queries.count_cases, actor, both)
    assert 0 < _reload(qtbot, page, _pick(page, page.tier, Tier.VILLAGE.label)) == expected
    row = page.model.row_at(0)
    assert (row.status, row.tier) == (closed, Tier.VILLAGE)
    town = CaseFilter(tiers=frozenset({Tier.TOWN.value}))
    _reload(qtbot, page, lambda: page.status.setCurrentIndex(0))  # 全部 statuses, villages only
    assert _reload(qtbot, page, _pick(page, page.tier, Tier.TOWN.label)) == _core(
        demo_store, case_queries.count_cases, actor, town)

    pick = _party_with_contacts(demo_store)
    # A case number (it holds Chinese characters: typed through the input method).
    assert _search(qtbot, page, pick.case_no) == 1
    assert page.model.row_at(0).id == pick.case_id
    assert page.count_label.text() == f"搜索“{pick.case_no}”：共 1 件"
    # A Chinese name, its pinyin initials, an ID number, a phone number: the core decides the rows.
    for text in (pick.name, pick.initials, pick.id_number, pick.phone):
        core_rows = _core(demo_store, case_queries.quick_search, actor, text)
        assert pick.case_id in {r.id for r in core_rows}, text
        assert _search(qtbot, page, text) == len(core_rows), text
        assert [page.model.row_at(i).id for i in range(len(core_rows))] == [r.id for r in core_rows]
    assert _search(qtbot, page, "查无此人") == 0

    # Clearing the search box brings back the filtered list; 清除条件 the whole list.
    page.search.clear()
    assert _reload(qtbot, page, lambda: qtbot.keyClick(page.search, Qt.Key_Return)) == _core(
        demo_store, case_queries.count_cases, actor, town)
    reset = next(b for b in page.findChildren(QAbstractButton) if b.text() == "清除条件")
    assert _reload(qtbot, page, lambda: qtbot.mouseClick(reset, Qt.LeftButton)) == DEMO_CASES
    assert page.tier.currentIndex() == 0 and page.status.currentIndex() == 0


def test_open_a_case_from_the_list_and_correct_a_party_id_number(
        qtbot, main_window, demo_store) -> None:  # noqa: ANN001
    from ui.cases.case_view import CaseViewPage

    window = main_window("dudao")
    actor = window.session.actor
    page = _case_list(qtbot, window)
    pick = _party_with_contacts(demo_store, offset=3)
    _search(qtbot, page, pick.name)
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).id == pick.case_id)

    # Double-click opens the case in a tab …
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: pick.case_id in window.case_tabs, timeout=TIMEOUT)
    view: CaseViewPage = window.case_tabs[pick.case_id]
    qtbot.waitUntil(lambda: view.detail is not None, timeout=TIMEOUT)
    assert window.tabs.currentWidget() is view and view.isVisible()
    assert window.tabs.tabText(window.tabs.indexOf(view)) == pick.case_no
    assert view.header.case_no.text() == pick.case_no

    # … and so does Enter on a row (here the first one of the whole list).
    window.nav.setCurrentRow([s.key for s in window.specs].index("unit_cases"))
    page.search.clear()
    _reload(qtbot, page, lambda: qtbot.keyClick(page.search, Qt.Key_Return))
    first = page.model.row_at(0)
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key_Return)
    qtbot.waitUntil(lambda: first.id in window.case_tabs and window.case_tabs[first.id].detail is not None,
                    timeout=TIMEOUT)
    assert window.tabs.currentWidget() is window.case_tabs[first.id]
    window.tabs.setCurrentWidget(view)

    # Edit the party: a wrong check digit is explained beside the field, a valid number saves.
    parties = view.parties
    party_row = next(i for i, p in enumerate(parties.model.parties) if p.name == pick.name)
    party = parties.model.party_at(party_row)
    rect = parties.table.visualRect(parties.model.index(party_row, 1))
    qtbot.mouseClick(parties.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(parties.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: view.party_dialog is not None and view.party_dialog.isVisible(), timeout=TIMEOUT)
    dialog = view.party_dialog
    id_field = dialog.findChild(QLineEdit, "party_id_number")
    error = dialog.findChild(QLabel, "error_id_number")
    assert id_field.text() == pick.id_number
    valid = make_id_number("430122", date(1979, 8, 23), 918)
    wrong = valid[:-1] + ("1" if valid[-1] != "1" else "2")
    id_field.clear()
    qtbot.keyClicks(id_field, wrong)
    assert "校验位" in error.text() and error.isVisible()
    assert not dialog.ok_button.isEnabled()
    id_field.clear()
    qtbot.keyClicks(id_field, valid)
    assert error.text() == "湖南省长沙市望城县" and dialog.ok_button.isEnabled()  # the region, not an error
    assert dialog.birth_date.date().toPython() == date(1979, 8, 23)
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.party_dialog is None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: any(p.id == party.id and p.id_number == valid for p in parties.model.parties),
                    timeout=TIMEOUT)
    assert _core(demo_store, history.party_record, actor, party.id).id_number == valid
    assert [r.id for r in _core(demo_store, case_queries.find_by_id_number, actor, valid)] == [pick.case_id]


# --- auto-lock -------------------------------------------------------------------------------------

def test_auto_lock_hides_case_data_and_keeps_unsaved_input(qtbot, main_window, demo_store) -> None:  # noqa: ANN001
    window = main_window("tj_wangcheng_1")  # a district mediator
    pick = _party_with_contacts(demo_store, offset=5)
    page = _case_list(qtbot, window)
    window.open_case(pick.case_id)
    view = window.case_tabs[pick.case_id]
    qtbot.waitUntil(lambda: view.detail is not None, timeout=TIMEOUT)

    # Unsaved input in the case form and in an open party dialog.
    qtbot.mouseClick(view.edit_button, Qt.LeftButton)
    view.form.title.clear()
    type_chinese(view.form.title, "尚未保存的案件名称")
    row = next(i for i, p in enumerate(view.parties.model.parties) if p.name == pick.name)
    view.parties.sig_edit.emit(view.parties.model.party_at(row))
    qtbot.waitUntil(lambda: view.party_dialog is not None and view.party_dialog.isVisible(), timeout=TIMEOUT)
    dialog = view.party_dialog
    dialog.address.clear()
    type_chinese(dialog.address, "望城区尚未保存的住址")
    secrets = (pick.case_no, pick.title, pick.name, pick.id_number, "尚未保存", "望城区尚未保存的住址")
    assert all(text in _visible_text() for text in (pick.case_no, pick.name, "望城区尚未保存的住址"))

    # Idle: the watcher fires after a tiny interval.
    window.idle_watcher.set_minutes(0.0005)
    qtbot.waitUntil(window.is_locked, timeout=TIMEOUT)
    window.idle_watcher.set_minutes(10)
    assert window.lock_screen.isVisible()
    assert not page.table.isVisible() and not view.isVisible() and not window.tabs.isVisible()
    assert not dialog.isVisible()  # the open dialog holds case data too
    assert window.session.actor is None and window.status_lock.text() == "已锁定"
    screen = _visible_text()
    for text in secrets:
        assert text not in screen, text
    assert "已锁定" in screen

    # Only the same user's password opens it again.
    password = window.findChild(QLineEdit, "lock_password")
    qtbot.keyClicks(password, "wrong-password")
    qtbot.keyClick(password, Qt.Key_Return)
    assert window.is_locked() and "用户名或密码不正确" in window.lock_screen.error.text()
    assert not dialog.isVisible()
    qtbot.keyClicks(password, DEMO_PASSWORD)
    qtbot.keyClick(password, Qt.Key_Return)
    assert not window.is_locked() and window.status_lock.text() == "已解锁"
    assert window.session.actor is not None and window.session.actor.username == "tj_wangcheng_1"
    assert view.isVisible() and view.editing
    assert view.form.title.text() == "尚未保存的案件名称"
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    assert view.party_dialog is dialog and dialog.address.text() == "望城区尚未保存的住址"
    dialog.reject()
    view.cancel_edit()  # confirmed by auto_answer


def test_lock_shortcut_and_menu_work_without_a_dialog(qtbot, main_window) -> None:  # noqa: ANN001
    window = main_window("xinli")
    _case_list(qtbot, window, "my_cases")
    window.lock()
    assert window.is_locked() and not window.menuBar().isEnabled()
    shortcuts = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert {"Ctrl+W", "Ctrl+F", "Ctrl+2"} <= {a.shortcut().toString() for a in shortcuts}
    # Ctrl+W, Ctrl+F, Ctrl+2 … do nothing while locked; only 退出 stays.
    assert [a.text() for a in shortcuts if a.isEnabled()] == ["退出(&Q)"]
    window.lock_screen.password.setText(DEMO_PASSWORD)
    window.lock_screen.try_unlock()
    assert not window.is_locked() and window.menuBar().isEnabled()
    assert all(a.isEnabled() for a in shortcuts)


# --- scope -----------------------------------------------------------------------------------------

def test_a_village_users_list_shows_only_that_villages_cases(qtbot, main_window, demo_store) -> None:  # noqa: ANN001
    with demo_store.uow() as uow:
        username, village_id, village = uow.s.execute(
            select(UserAccount.username, OrgUnit.id, OrgUnit.name)
            .join(OrgUnit, OrgUnit.id == UserAccount.owner_unit_id).join(Case, Case.owner_unit_id == OrgUnit.id)
            .where(OrgUnit.tier == Tier.VILLAGE.value, UserAccount.role == Role.MEDIATOR.value)
            .group_by(UserAccount.id).order_by(func.count(Case.id).desc()).limit(1)).one()
    window = main_window(username)
    actor = window.session.actor
    assert actor.scope_unit_ids == {village_id}
    page = _case_list(qtbot, window)
    expected = _core(demo_store, case_queries.count_cases, actor)
    assert 0 < page.model.rowCount() == expected < DEMO_CASES
    with demo_store.uow() as uow:
        in_village = uow.s.execute(select(func.count(Case.id)).where(Case.owner_unit_id == village_id,
                                                                     Case.deleted_at.is_(None))).scalar_one()
    assert expected == in_village
    assert set(page.model.ids) == set(_core(demo_store, case_queries.list_case_ids, actor))
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.row_at(expected - 1) is not None, timeout=TIMEOUT)
    assert {page.model.row_at(i).unit_name for i in range(expected)} == {village}
    qtbot.waitUntil(lambda: page.unit.count() == 2, timeout=TIMEOUT)  # 全部 + the village itself
    assert page.unit.itemText(1).strip() == village

    # Another village's party is found by the district, not here.
    with demo_store.uow() as uow:
        name = uow.s.execute(
            select(Person.name).join(CaseParty, CaseParty.person_id == Person.id)
            .join(Case, Case.id == CaseParty.case_id).where(Case.owner_unit_id != village_id)
            .where(~Person.name.in_(select(Person.name).join(CaseParty, CaseParty.person_id == Person.id)
                                    .join(Case, Case.id == CaseParty.case_id)
                                    .where(Case.owner_unit_id == village_id)))
            .order_by(Person.name).limit(1)).scalar_one()
    assert _core(demo_store, case_queries.quick_search, _login(demo_store, "dudao"), name)
    assert _search(qtbot, page, name) == 0
