"""The settings page names each station's 人民调解委员会 (printed on its agreements' seal block) and the petition review
body (信访工作条例第三十五条); a name that is not a committee's is refused with a clear message and nothing is saved."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from fulian_desktop.services.accounts import settings as core_settings  # noqa: E402
from tests.support.stores import ADMIN_PASSWORD, VILLAGE_A1, build_org, first_login, new_store  # noqa: E402
from ui.session import AppSession  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402


@pytest.fixture
def admin(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    store = new_store(tmp_path / "data").store
    org = build_org(store)
    tasks = TaskRunner()
    session = AppSession(store, tasks)
    session.set_actor(first_login(store, "admin", password=ADMIN_PASSWORD))
    yield session, org
    tasks.wait_idle()
    store.close()


def test_a_station_committee_and_the_review_body_are_named_in_settings(qtbot, admin) -> None:  # noqa: ANN001
    from ui.accounts.settings import SettingsPage

    session, org = admin
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: bool(page.loaded) and page.committee_unit.count() > 1, timeout=10_000)
    page.committee_unit.setCurrentIndex(page.committee_unit.findData(org.units[VILLAGE_A1]))
    assert page.committee_name.placeholderText() == f"{VILLAGE_A1}人民调解委员会"

    page.committee_name.setText("郭亮村调解小组")                       # not a committee's name
    page.save_committee()
    qtbot.waitUntil(lambda: page.committee_state.text() != "", timeout=10_000)
    assert "人民调解委员会" in page.committee_state.text() and "结尾" in page.committee_state.text()
    with session.store.uow() as uow:
        assert core_settings.get_for_unit(uow, "mediation_committee", org.units[VILLAGE_A1]) == ""

    page.committee_name.setText("望城区高塘岭街道郭亮村人民调解委员会")
    with qtbot.waitSignal(session.changes.sig_changed, timeout=10_000):
        page.save_committee()
    page.review_body.setText("长沙市妇女联合会")
    with qtbot.waitSignal(session.changes.sig_changed, timeout=10_000):
        page.save()
    with session.store.uow() as uow:
        assert core_settings.get_for_unit(uow, "mediation_committee", org.units[VILLAGE_A1]) == \
            "望城区高塘岭街道郭亮村人民调解委员会"
        assert core_settings.get(uow, "petition_review_body") == "长沙市妇女联合会"
