"""A supervisor sees, on the sync page, a station whose audit chain was rewritten after it sent a checkpoint."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.services.cases import cases
from fulian_desktop.services.accounts.auth import system_actor
from tests.support.stores import VILLAGE_A1, add_user, first_login
from tests.support.sync_stations import deliver, make_stations
from ui.sync.sync_station import SyncStationPage
from ui.session import AppSession
from ui.tasks import TaskRunner

WAIT = 20_000


def _new_case(store, unit: str, title: str) -> None:  # noqa: ANN001
    with store.uow(write=True) as uow:
        cases.create_case(uow, system_actor(store), cases.NewCase(title=title, kind=CaseKind.PETITION, unit_id=unit))


@pytest.fixture
def flagged(tmp_path):  # noqa: ANN001, ANN201
    st = make_stations(tmp_path)
    add_user(st.district, "sup", Role.SUPERVISOR, st.org.district, display_name="区督导")
    _new_case(st.village, st.unit(VILLAGE_A1), "邻里纠纷")
    deliver(st.village, st.district, st.org.district)
    with st.village.engine.begin() as conn:   # the village's key holder cuts the chain back and fixes the head
        keep = conn.execute(text("select last_seq from audit_head")).scalar_one() - 2
        last = conn.execute(text("select hash from audit_log where seq = :s"), {"s": keep}).scalar_one()
        conn.execute(text("delete from audit_log where seq > :s"), {"s": keep})
        conn.execute(text("update audit_head set last_seq = :s, last_hash = :h"), {"s": keep, "h": last})
    _new_case(st.village, st.unit(VILLAGE_A1), "此后的案件")
    assert "警告" in deliver(st.village, st.district, st.org.district).message
    yield st
    st.close()


def test_the_sync_page_marks_the_station(qtbot, flagged) -> None:  # noqa: ANN001
    session = AppSession(flagged.district, TaskRunner())
    session.set_actor(first_login(flagged.district, "sup"))
    page = SyncStationPage(session)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() >= 2, timeout=WAIT)
    names = {page.table.item(i, 0).text(): page.table.item(i, 0).toolTip() for i in range(page.table.rowCount())}
    assert f"{VILLAGE_A1}（审计链异常）" in names
    assert "不再接续" in names[f"{VILLAGE_A1}（审计链异常）"]
    assert not any("异常" in n for n in names if not n.startswith(VILLAGE_A1))
    assert page.receiver.findText(VILLAGE_A1) >= 0     # still a station to send to
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)
    session.tasks.wait_idle()
