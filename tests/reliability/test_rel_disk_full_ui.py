"""At the desk: a save that fails because the disk is full keeps everything the user typed, says why in
Chinese, and the same form saves once space is freed."""
from __future__ import annotations

from pathlib import Path

import pytest

from fulian_desktop.domain.enums import Role
from tests.reliability.rel_support import assert_sound, row_counts
from tests.reliability.small_disk import fill, free, mounted_tmpfs
from tests.support.qt_input import type_chinese
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store
from ui.errors import messages
from ui.intake.intake_form import IntakeFormPage
from ui.session import AppSession
from ui.tasks import TaskRunner

TIMEOUT = 10_000


@pytest.fixture(autouse=True)
def answered_messages():  # noqa: ANN201
    messages.auto_answer = True
    messages.recorded.clear()
    yield messages
    messages.auto_answer = None
    messages.recorded.clear()


def test_the_intake_form_keeps_the_users_input_when_the_disk_is_full(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    with mounted_tmpfs(tmp_path / "small", "6m") as disk:
        store = new_store(disk / "data", use_keyring=False).store
        try:
            org = build_org(store)
            add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1])
            session = AppSession(store, TaskRunner())
            session.set_actor(first_login(store, "rec"))
            page = IntakeFormPage(session)
            qtbot.addWidget(page)
            page.resize(1400, 900)
            page.show()
            qtbot.waitExposed(page)
            ed = page.ed
            type_chinese(ed.name, "钱秀英")
            type_chinese(ed.request, "咨询离婚财产分割")
            ed.phone.setText("13907312468")
            ed.decision.setCurrentIndex(ed.decision.findData("consultation"))
            qtbot.waitUntil(page.save_button.isEnabled, timeout=TIMEOUT)
            before = row_counts(store)

            filler = fill(disk)
            page.save()
            qtbot.waitUntil(lambda: bool(messages.recorded), timeout=TIMEOUT)
            title, text = messages.recorded[-1]
            assert "磁盘空间已满" in text and "输入已保留" in text, (title, text)
            assert ed.name.text() == "钱秀英" and ed.request.toPlainText() == "咨询离婚财产分割"
            assert ed.phone.text() == "13907312468" and ed.decision.currentData() == "consultation"
            assert not page.saving and page.save_button.isEnabled()
            status = page.status.text()  # the line under the form tells the failure too, not "可以保存"
            assert "未成功" in status and "磁盘空间已满" in status and "可以保存" not in status, status
            type_chinese(ed.request, "，另询问抚养权")  # editing does not hide it until the next attempt
            assert "未成功" in page.status.text()
            assert row_counts(store) == before
            page.grab().save(str(tmp_path / "disk_full_intake.png"))

            free(filler)
            with qtbot.waitSignal(page.sig_saved, timeout=TIMEOUT) as saved:
                page.save()
            assert saved.args[0].id
            assert "未成功" not in page.status.text()
            assert row_counts(store)["intake_record"] == before["intake_record"] + 1
            assert_sound(store)
            qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=TIMEOUT)
            session.tasks.wait_idle()
        finally:
            store.close()
