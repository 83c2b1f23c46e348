"""Start-up refusals as a user meets them: a wrong passphrase or recovery code, a second instance."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton

from fulian_desktop.store.paths import StorePaths
from tests.support.qt_input import type_chinese
from tests.support.stores import PASSPHRASE, NoKeyringVault, assert_unchanged, new_store, snapshot
from ui.accounts.unlock import UnlockDialog
from ui.errors import messages


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> None:  # noqa: ANN001
    """Settings go to this test's folder; message boxes are recorded and answered instead of blocking."""
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(messages, "auto_answer", True)
    monkeypatch.setattr(messages, "recorded", [])


# --- unlocking the store ---------------------------------------------------------------------------

def test_a_wrong_passphrase_shows_a_message_and_leaves_the_store_untouched(
        qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    created = new_store(tmp_path / "data", use_keyring=False)
    created.store.close()
    data_dir = tmp_path / "data"
    before = snapshot(data_dir)
    dialog = UnlockDialog(data_dir, "系统钥匙串中没有此数据存储的密钥，请输入口令。", vault=NoKeyringVault())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    open_button = next(b for b in dialog.findChildren(QAbstractButton) if b.text() == "打开")

    qtbot.mouseClick(open_button, Qt.LeftButton)
    assert dialog.error.text() == "请输入口令。"
    type_chinese(dialog.secret, "望城妇联 口令 2025!")
    qtbot.mouseClick(open_button, Qt.LeftButton)
    assert dialog.error.text() == "口令不正确，请重新输入。"
    assert dialog.isVisible() and dialog.store is None and dialog.result() == 0
    assert_unchanged(before, snapshot(data_dir))

    qtbot.mouseClick(dialog.toggle, Qt.LeftButton)  # 改用恢复码
    assert dialog.secret_label.text() == "恢复码" and dialog.secret.text() == ""
    qtbot.keyClicks(dialog.secret, "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789")
    qtbot.keyClick(dialog.secret, Qt.Key_Return)
    assert dialog.error.text() == "恢复码不正确，请核对后重新输入。" and dialog.isVisible()
    assert_unchanged(before, snapshot(data_dir))

    qtbot.mouseClick(dialog.toggle, Qt.LeftButton)
    type_chinese(dialog.secret, PASSPHRASE)
    qtbot.mouseClick(open_button, Qt.LeftButton)
    assert dialog.result() == UnlockDialog.Accepted and dialog.store is not None
    dialog.store.close()


# --- one instance per data folder ------------------------------------------------------------------

_HOLD_LOCK = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
print("locked" if lock.tryLock(1000) else "busy", flush=True)
sys.stdin.read()
"""


def test_a_second_instance_on_the_same_folder_says_so_and_exits(tmp_path: Path) -> None:
    from ui.app import main

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    first = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(data_dir / "fulian-desktop.lock")],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout.readline().strip() == "locked"
        code = main(["--data-dir", str(data_dir)])
    finally:
        first.stdin.close()
        first.wait(timeout=10)
    assert code != 0
    assert len(messages.recorded) == 1
    title, text = messages.recorded[0]
    assert "已在运行" in title and str(data_dir) in text
    assert not StorePaths(data_dir).exists()  # nothing was created behind the message
