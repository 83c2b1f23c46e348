"""One language on screen: Qt's own buttons in Chinese (是/否, 否 the default on a confirmation), core error
messages in English in the English UI with the values they carry, Chinese unchanged in the Chinese UI, and a
status bar without the encryption library's name."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from fulian_desktop.domain.enums import CaseStatus, Role
from fulian_desktop.domain.errors import FulianError
from fulian_desktop.domain.workflow import Transition, check
from tests.support.stores import TOWN_A, add_user, build_org, first_login, new_store
from ui import i18n
from ui.errors import confirm_box, domain_message, error_text, message_of, messages
from ui.session import AppSession
from ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def chinese_afterwards(qapp):  # noqa: ANN001, ANN201
    yield
    i18n.install("zh")


@pytest.fixture
def world(tmp_path):  # noqa: ANN001, ANN201
    store = new_store(tmp_path / "store", use_keyring=False).store
    org = build_org(store)
    add_user(store, "lihua", Role.RECEPTION, org.units[TOWN_A], display_name="李华")
    yield store, org
    store.close()


def _button_texts(box: QMessageBox) -> set[str]:
    return {button.text().replace("&", "") for button in box.buttons()}


def test_a_chinese_confirmation_says_shi_fou_and_defaults_to_no(qtbot) -> None:  # noqa: ANN001
    assert i18n.install("zh")
    box = confirm_box(None, "清空表单", "清空本次填写的全部内容？")
    qtbot.addWidget(box)
    texts = _button_texts(box)
    assert any(text.startswith("是") for text in texts) and any(text.startswith("否") for text in texts)
    assert not any("Yes" in text or "No" in text for text in texts)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)  # Enter never clears by accident
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.No)

    assert i18n.install("en")
    box = confirm_box(None, "Clear", "Clear?")
    qtbot.addWidget(box)
    assert {"Yes", "No"} <= _button_texts(box)


def test_a_core_error_is_english_in_the_english_ui_with_its_values(world) -> None:  # noqa: ANN001
    store, org = world
    with pytest.raises(FulianError) as taken:
        add_user(store, "lihua", Role.RECEPTION, org.units[TOWN_A])
    chinese = taken.value.message
    assert chinese == "用户名“lihua”已被使用。"
    assert taken.value.message_code is not None

    assert i18n.install("en")
    assert message_of(taken.value) == "The user name “lihua” is already taken."
    assert error_text(taken.value, "fallback") == "The user name “lihua” is already taken."
    assert domain_message(taken.value, "username") == "The user name “lihua” is already taken."
    with pytest.raises(FulianError) as illegal:
        check(CaseStatus.CLOSED, Transition.ACCEPT)
    english = message_of(illegal.value)
    assert english.startswith("The case is currently “Closed”: cannot “Accept”.")  # the labels translated too
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in english)

    assert i18n.install("zh")
    assert message_of(taken.value) == chinese  # the Chinese UI shows the core's sentence unchanged


def test_the_status_bar_says_encrypted_not_the_library(qtbot, world, tmp_path) -> None:  # noqa: ANN001
    from ui.main_window import MainWindow

    store, _org = world
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    messages.auto_answer = True
    session = AppSession(store, TaskRunner())
    session.set_actor(first_login(store, "lihua"))
    window = MainWindow(session, unit_name="雨花区")
    qtbot.addWidget(window)
    try:
        assert window.status_store.text() == "数据：已加密"
        assert "SQLCipher" not in window.statusBar().findChild(type(window.status_store)).text()
    finally:
        qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=10_000)
        window.close()
        messages.auto_answer = None


def test_a_wrong_password_is_told_in_english_in_the_english_ui(world) -> None:  # noqa: ANN001
    from fulian_desktop.services.accounts import auth

    store, _org = world
    with pytest.raises(FulianError) as wrong:
        auth.login(store, "lihua", "not-the-password")
    assert wrong.value.message.startswith("用户名或密码不正确。")
    assert i18n.install("en")
    english = message_of(wrong.value)
    assert english.startswith("Wrong user name or password. After ") and "minutes" in english
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in english)
