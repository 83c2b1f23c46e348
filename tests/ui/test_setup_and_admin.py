"""The first-run wizard on a real encrypted store, and the administration pages that follow it."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWizard  # noqa: E402

from fulian_desktop.domain.enums import Role, Tier  # noqa: E402
from fulian_desktop.security.permissions import grantable_roles  # noqa: E402
from fulian_desktop.services.accounts import auth, orgunits, users  # noqa: E402
from fulian_desktop.services.accounts import settings as core_settings  # noqa: E402
from fulian_desktop.store.paths import StorePaths  # noqa: E402
from fulian_desktop.store.store import Unlock, open_store  # noqa: E402
from tests.support.stores import (  # noqa: E402
    ADMIN_PASSWORD, FAST_KDF, PASSPHRASE, NoKeyringVault, add_user, build_org, first_login, new_store,
)
from ui.setup.setup_wizard import SetupWizard, parse_towns  # noqa: E402
from ui.errors import messages  # noqa: E402
from ui.session import AppSession  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

SUPERVISOR_PASSWORD = "Dudao-Start-2"
TOWNS_CSV = "街镇,村社区\n高塘岭街道,新康村\n高塘岭街道,新明村\n白沙洲街道,同心村\n白马街道,东城村\n乔口镇\n"


@pytest.fixture(autouse=True)
def _answer_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])


def _click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:  # noqa: ANN001
    button = wizard.button(which)
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, Qt.LeftButton)


def _field(wizard: QWizard, name: str) -> QLineEdit:
    widget = wizard.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def _fill_to_creation(qtbot, wizard: SetupWizard, csv_path: Path) -> None:  # noqa: ANN001
    wizard.show()
    qtbot.waitExposed(wizard)
    _click(qtbot, wizard, QWizard.NextButton)
    assert wizard.currentPage() is wizard.org_page
    assert _field(wizard, "district_name").text() == "望城区"
    assert _field(wizard, "case_prefix").text() == "望"
    assert wizard.org_page.import_file(csv_path)
    assert wizard.org_page.tree.topLevelItemCount() == len({line.split(",")[0] for line in
                                                             csv_path.read_text(encoding="utf-8").splitlines()[1:]})
    _click(qtbot, wizard, QWizard.NextButton)

    assert wizard.currentPage() is wizard.admin_page
    assert _field(wizard, "admin_username").text() == "admin"
    _field(wizard, "admin_name").setText("张敏")
    _field(wizard, "admin_password").setText("short")
    _field(wizard, "admin_password_again").setText("short")
    _click(qtbot, wizard, QWizard.NextButton)
    assert wizard.currentPage() is wizard.admin_page  # refused, with the reason beside the field
    assert "8" in wizard.findChild(QLabel, "password_error").text()
    _field(wizard, "admin_password").setText(ADMIN_PASSWORD)
    _field(wizard, "admin_password_again").setText(ADMIN_PASSWORD)
    _click(qtbot, wizard, QWizard.NextButton)

    # The first district supervisor: the system administrator grants no case rights, the supervisor makes the staff.
    assert wizard.currentPage() is wizard.supervisor_page
    _field(wizard, "supervisor_username").setText("Admin")
    _field(wizard, "supervisor_name").setText("李芳")
    _field(wizard, "supervisor_password").setText(SUPERVISOR_PASSWORD)
    _field(wizard, "supervisor_password_again").setText(SUPERVISOR_PASSWORD)
    _click(qtbot, wizard, QWizard.NextButton)
    assert wizard.currentPage() is wizard.supervisor_page  # not the administrator's username
    assert "系统管理员" in wizard.findChild(QLabel, "supervisor_username_error").text()
    _field(wizard, "supervisor_username").setText("dudao")
    _click(qtbot, wizard, QWizard.NextButton)
    assert wizard.currentPage() is wizard.protection_page
    qtbot.waitUntil(lambda: wizard.protection_page.keyring_available is not None)


def _finish(qtbot, wizard: SetupWizard, tmp_path: Path) -> str:  # noqa: ANN001
    _click(qtbot, wizard, QWizard.CommitButton)  # 创建数据存储
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30_000)
    code = wizard.findChild(QLabel, "recovery_code").text()
    assert len(code.replace("-", "")) == 32
    finish = wizard.button(QWizard.FinishButton)
    assert not finish.isEnabled()  # not before the code is kept
    pdf = tmp_path / "recovery.pdf"

    def to_pdf(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return True

    wizard.recovery_page.choose_printer = to_pdf
    assert wizard.recovery_page.print_recovery()
    assert pdf.read_bytes().startswith(b"%PDF")
    wizard.findChild(QCheckBox, "recovery_saved").setChecked(True)
    _click(qtbot, wizard, QWizard.FinishButton)
    assert wizard.result() == QWizard.Accepted
    return code


def test_wizard_creates_a_passphrase_store_with_imported_towns(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    csv_path = tmp_path / "towns.csv"
    csv_path.write_text(TOWNS_CSV, encoding="utf-8")
    data_dir = tmp_path / "data"
    wizard = SetupWizard(data_dir, vault=NoKeyringVault(), kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    _fill_to_creation(qtbot, wizard, csv_path)

    page = wizard.protection_page
    assert page.needs_passphrase()
    _click(qtbot, wizard, QWizard.NextButton)
    assert wizard.currentPage() is page  # a passphrase is required without a keyring
    for weak in ("1", "password1", "zhangsan1990"):   # the rule `fulian init` applies, with its reason
        _field(wizard, "passphrase").setText(weak)
        _field(wizard, "passphrase_again").setText(weak)
        _click(qtbot, wizard, QWizard.NextButton)
        assert wizard.currentPage() is page and "口令太" in wizard.findChild(QLabel, "passphrase_error").text()
    _field(wizard, "passphrase").setText(PASSPHRASE)
    _field(wizard, "passphrase_again").setText(PASSPHRASE + "x")
    _click(qtbot, wizard, QWizard.NextButton)
    assert wizard.currentPage() is page
    _field(wizard, "passphrase_again").setText(PASSPHRASE)
    _click(qtbot, wizard, QWizard.NextButton)
    assert wizard.currentPage() is wizard.create_page
    code = _finish(qtbot, wizard, tmp_path)

    assert wizard.admin_username == "admin"
    assert wizard.store is not None
    wizard.store.close()
    assert StorePaths(data_dir).exists()
    for unlock in (Unlock(passphrase=PASSPHRASE), Unlock(recovery_code=code)):
        with open_store(data_dir, unlock, vault=NoKeyringVault()) as store:
            with store.uow() as uow:
                units = orgunits.list_units(uow, auth.system_actor(store))
            by_name = {u.name: u for u in units}
            assert {u.name for u in units if u.tier == Tier.TOWN} == {"高塘岭街道", "白沙洲街道", "白马街道", "乔口镇"}
            assert len(units) == 1 + 4 + 4
            assert by_name["新康村"].parent_id == by_name["高塘岭街道"].id
            assert by_name["同心村"].parent_id == by_name["白沙洲街道"].id
            prefixes = [u.case_prefix for u in units]
            assert len(prefixes) == len(set(prefixes)), prefixes  # 白沙洲/白马 and 新康/新明 do not collide
            assert by_name["望城区"].case_prefix == "望"
            # Like every account, the first administrator changes the password at first login.
            actor = auth.login(store, "admin", ADMIN_PASSWORD)
            assert actor.role == Role.SYSTEM_ADMIN and actor.must_change_password
    # The first supervisor sits at the district and may make the staff accounts the administrator may not.
    with open_store(data_dir, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store:
        supervisor = first_login(store, "dudao", password=SUPERVISOR_PASSWORD)
        assert supervisor.role == Role.SUPERVISOR and supervisor.unit_id == by_name["望城区"].id
        assert grantable_roles(first_login(store, "admin", password=ADMIN_PASSWORD)) == {Role.SYSTEM_ADMIN}
        with store.uow(write=True) as uow:
            users.add_user(uow, supervisor, username="lina", display_name="李娜", role=Role.MEDIATOR,
                           unit_id=by_name["新康村"].id, password="Temp-Pass-123")
        assert auth.login(store, "lina", "Temp-Pass-123").must_change_password


def test_wizard_keeps_the_key_in_the_keyring(qtbot, tmp_path: Path, memory_vault) -> None:  # noqa: ANN001
    csv_path = tmp_path / "towns.csv"
    csv_path.write_text("街镇,村社区\n高塘岭街道,新康村\n", encoding="utf-8")
    data_dir = tmp_path / "data"
    wizard = SetupWizard(data_dir, vault=memory_vault, kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    _fill_to_creation(qtbot, wizard, csv_path)
    assert not wizard.protection_page.needs_passphrase()
    _click(qtbot, wizard, QWizard.NextButton)  # no passphrase needed
    assert wizard.currentPage() is wizard.create_page
    _finish(qtbot, wizard, tmp_path)
    assert wizard.created is not None and wizard.created.uses_keyring
    wizard.store.close()
    with open_store(data_dir, vault=memory_vault) as store:
        assert auth.login(store, "admin", ADMIN_PASSWORD).display_name == "张敏"


def test_towns_file_errors_name_the_line(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    towns, errors = parse_towns("高塘岭街道，新康村\n\n# 注释\n,同心村\n白马街道,东城村,多余\n乔口镇\n高塘岭街道,新康村\n")
    assert towns == [("高塘岭街道", ["新康村"]), ("乔口镇", [])]
    assert errors == ["第 4 行：缺少街镇名称。", "第 5 行：有 3 列，应为“街镇,村社区”两列（如：高塘岭街道,新康村）。"]

    wizard = SetupWizard(tmp_path / "data", vault=NoKeyringVault(), kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.next()
    org = wizard.org_page
    org.add_village(org.add_town("铜官街道"), "书院村")
    org.add_village(org.tree.topLevelItem(0), "彩陶源村")
    org.tree.setFocus()
    qtbot.keyClick(org.tree, Qt.Key_Delete)  # removes the selected village (the last one added)
    bad = tmp_path / "bad.csv"
    bad.write_text("高塘岭街道,新康村\n,同心村\n", encoding="utf-8")
    assert not wizard.org_page.import_file(bad)
    assert "第 2 行" in wizard.findChild(QLabel, "tree_error").text()
    assert wizard.org_page.town_list() == [("铜官街道", ["书院村"])]  # nothing replaced
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("乌山街道,团山湖村\n".encode("gbk"))
    assert wizard.org_page.import_file(gbk)
    assert wizard.org_page.town_list() == [("乌山街道", ["团山湖村"])]
    assert not list((tmp_path / "data").glob("*"))  # nothing is written before the creation page


# --- administration pages ------------------------------------------------------------------------------

@pytest.fixture
def admin_session(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    store = new_store(tmp_path / "data").store
    org = build_org(store)
    actor = first_login(store, "admin", password=ADMIN_PASSWORD)
    tasks = TaskRunner()
    session = AppSession(store, tasks)
    session.set_actor(actor)
    yield session, org
    tasks.wait_idle()
    store.close()


def test_users_page_adds_a_user_and_resets_a_password(qtbot, admin_session) -> None:  # noqa: ANN001
    """Staff accounts are the supervisor's (the system administrator grants no case rights it does not hold)."""
    from ui.accounts.admin_users import UsersPage

    session, org = admin_session
    add_user(session.store, "dudao", Role.SUPERVISOR, org.district, display_name="区督导")
    session.set_actor(first_login(session.store, "dudao"))
    page = UsersPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2 and bool(page.units))

    dialog = page.open_add_dialog()
    dialog.username.setText("Li Na")  # not a valid username: refused beside the field
    dialog.name.setText("李娜")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.MEDIATOR))
    dialog.unit.setCurrentIndex(dialog.unit.findData(org.units["郭亮村"]))
    assert dialog.unit.currentText().strip() == "郭亮村"
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.findChild(QLabel, "username_error").text()))
    assert dialog.isVisible()
    dialog.username.setText("lina")
    temporary = dialog.password.edit.text()
    with qtbot.waitSignal(session.changes.sig_changed, timeout=10_000) as changed:
        dialog.submit()
    assert changed.args[0].kinds() == {"user"}
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    assert page.selected() is not None and page.selected().username == "lina"
    row = [page.table.item(page.table.currentRow(), c).text() for c in range(6)]
    assert row[:5] == ["lina", "李娜", "调解员", "郭亮村", "正常"]
    assert any(temporary in text for _title, text in messages.recorded)
    assert auth.login(session.store, "lina", temporary).must_change_password

    dialog = page.open_edit_dialog()
    dialog.role.setCurrentIndex(dialog.role.findData(Role.RECEPTION))
    with qtbot.waitSignal(session.changes.sig_changed, timeout=10_000):
        dialog.submit()
    qtbot.waitUntil(lambda: page.table.item(page.table.currentRow(), 2).text() == "接待员")

    dialog = page.open_reset_dialog()
    dialog.password.edit.setText("New-Temp-789")
    with qtbot.waitSignal(session.changes.sig_changed, timeout=10_000):
        dialog.submit()
    actor = auth.login(session.store, "lina", "New-Temp-789")
    assert actor.must_change_password

    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().username == "lina")
    with qtbot.waitSignal(session.changes.sig_changed, timeout=10_000):
        page.toggle_active()  # confirmed by auto_answer
    qtbot.waitUntil(lambda: page.table.item(page.table.currentRow(), 4).text() == "停用")
    assert page.active_button.text().startswith("启用")


def test_units_page_adds_a_village_with_an_unused_prefix(qtbot, admin_session) -> None:  # noqa: ANN001
    from ui.accounts.admin_units import UnitsPage

    session, org = admin_session
    page = UnitsPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: len(page.units) == 7)
    district = page.tree.topLevelItem(0)
    town = next(district.child(i) for i in range(district.childCount()) if district.child(i).text(0) == "高塘岭街道")
    page.tree.setCurrentItem(town)
    dialog = page.open_add_village()
    dialog.name.setText("郭家村")
    assert dialog.prefix.text() == "望高郭家"  # 郭亮村 already uses 望高郭
    dialog.prefix.setText(next(iter(page.used)))
    dialog.submit()
    assert dialog.findChild(QLabel, "prefix_error").text()
    dialog.prefix.setText("望高郭家")
    with qtbot.waitSignal(session.changes.sig_changed, timeout=10_000):
        dialog.submit()
    qtbot.waitUntil(lambda: len(page.units) == 8)
    added = next(u for u in page.units if u.name == "郭家村")
    assert added.tier == Tier.VILLAGE and added.case_prefix == "望高郭家"
    assert page.current_unit().id == added.id


def test_settings_page_saves_and_updates_the_idle_watcher(qtbot, admin_session) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMainWindow

    from ui.idle import IdleWatcher
    from ui.accounts.settings import SettingsPage

    session, _org = admin_session
    window = QMainWindow()
    window.idle_watcher = IdleWatcher(lambda: None, 10, window)
    page = SettingsPage(session)
    window.setCentralWidget(page)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(page.loaded) and page.info["cipher"].text() != "…")
    assert page.info["cipher"].text().startswith("SQLCipher")
    page.idle.setValue(25)
    page.unit_name.setText("长沙市望城区妇女联合会")
    with qtbot.waitSignal(session.changes.sig_changed, timeout=10_000):
        page.save()
    assert window.idle_watcher.timer.interval() == 25 * 60_000
    with session.store.uow() as uow:
        assert core_settings.get(uow, "idle_lock_minutes") == 25
        assert core_settings.get(uow, "unit_display_name") == "长沙市望城区妇女联合会"


def test_demo_folder_is_separate_from_the_real_one(tmp_path: Path) -> None:
    from ui.demo_store import demo_data_dir

    assert demo_data_dir(tmp_path / "fulian-desktop", None) == tmp_path / "fulian-desktop-demo"
    assert demo_data_dir(tmp_path / "x", str(tmp_path / "given")) == (tmp_path / "given").resolve()
