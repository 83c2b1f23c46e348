"""The administrator's backup reminder, "back up now" and the server settings dialog."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from fulian_desktop.backup import status  # noqa: E402
from fulian_desktop.store.server_profile import ServerProfile  # noqa: E402
from tests.support.stores import ADMIN_PASSWORD, NoKeyringVault, build_org, first_login, new_store  # noqa: E402
from ui.errors import messages  # noqa: E402
from ui.session import AppSession  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402


@pytest.fixture(autouse=True)
def _answer_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])


@pytest.fixture
def admin_session(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    store = new_store(tmp_path / "data").store
    build_org(store)
    actor = first_login(store, "admin", password=ADMIN_PASSWORD)
    tasks = TaskRunner()
    session = AppSession(store, tasks)
    session.set_actor(actor)
    yield session
    tasks.wait_idle()
    store.close()


def test_the_reminder_shows_until_a_verified_backup_is_taken(qtbot, admin_session, tmp_path: Path) -> None:  # noqa: ANN001
    from ui.accounts.backup_box import BackupBox

    QSettings().setValue("backup/on_exit", False)
    box = BackupBox(admin_session)
    qtbot.addWidget(box)
    box.show()
    assert box.banner.isVisible() and "还没有经过校验的备份" in box.banner.text()
    box.back_up_now(str(tmp_path / "now.fbk"))
    qtbot.waitUntil(lambda: box.now_button.isEnabled(), timeout=60_000)
    assert messages.recorded and "已校验" in messages.recorded[-1][1], messages.recorded
    assert not box.banner.isVisible()
    assert (tmp_path / "now.fbk").exists()
    st = status.backup_status(admin_session.store.paths, admin_session.store.store_id)
    assert not st.overdue
    box.on_exit.setChecked(True)
    assert QSettings().value("backup/on_exit", False, type=bool)
    box.on_exit.setChecked(False)
    if os.environ.get("FULIAN_SCREENSHOTS"):
        box.grab().save(os.path.join(os.environ["FULIAN_SCREENSHOTS"], "backup_box.png"))


def test_server_dialog_checks_fields_and_keeps_the_password_out_of_files(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from ui.setup.server_settings import ServerSettingsDialog

    dialog = ServerSettingsDialog(tmp_path / "desk", vault=NoKeyringVault())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tls.currentData() == "verify-full"
    dialog.save()  # nothing filled in
    assert messages.recorded and "服务器地址" in messages.recorded[-1][1]
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.database.setText("fulian")
    dialog.user.setText("fulian")
    dialog.password.setText("口令-不进文件")
    dialog.tls.setCurrentIndex(dialog.tls.findData("disable"))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30_000)
    assert "无法连接数据库服务器 127.0.0.1:1" in messages.recorded[-1][1]
    assert not (tmp_path / "desk" / "server.json").exists()
    if os.environ.get("FULIAN_SCREENSHOTS"):
        dialog.grab().save(os.path.join(os.environ["FULIAN_SCREENSHOTS"], "server_dialog.png"))
    assert ServerProfile(host="h", database="d", user="u").keyring_name == "pg:u@h:5432/d"
