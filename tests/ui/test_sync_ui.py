"""The sync screens on real stations: a bundle imported through the sync page (with its progress dialog)
leaves a conflict; the conflict screen shows both values, who and when, and saves a per-field choice; a
tampered bundle is refused with the message and changes nothing; only roles that may resolve see it."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.services.cases import cases
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.models import AuditEntry, Case
from fulian_desktop.sync.exchange import export_bundle
from tests.support.stores import VILLAGE_A1, add_user, first_login
from tests.support.sync_stations import deliver, fingerprint, make_stations
from ui.errors import messages
from ui.navigation import pages_for
from ui.sync.sync_conflicts import SyncConflictsPage
from ui.sync.sync_station import SyncStationPage
from ui.session import AppSession
from ui.tasks import TaskRunner

WAIT = 20_000


@pytest.fixture
def world(tmp_path):  # noqa: ANN001, ANN201
    st = make_stations(tmp_path)
    add_user(st.district, "sup", Role.SUPERVISOR, st.org.district, display_name="区督导")
    add_user(st.district, "med", Role.MEDIATOR, st.org.district, display_name="区调解员")
    village = system_actor(st.village)
    with st.village.uow(write=True) as uow:
        case_id = cases.create_case(uow, village, cases.NewCase(title="张某邻里纠纷", kind=CaseKind.PETITION,
                                                                unit_id=st.unit(VILLAGE_A1))).row.id
    deliver(st.village, st.district, st.org.district)
    sup = first_login(st.district, "sup")
    with st.district.uow(write=True) as uow:
        cases.update_case(uow, sup, case_id, uow.s.get(Case, case_id).version, {"title": "张某邻里纠纷（区）"})
    with st.village.uow(write=True) as uow:
        cases.update_case(uow, village, case_id, uow.s.get(Case, case_id).version,
                          {"title": "张某宅基地纠纷", "urgency": "urgent"})
    bundle = tmp_path / "village.fsync"
    bundle.write_bytes(export_bundle(st.village, village, st.org.district)[0])
    messages.auto_answer = True
    messages.recorded.clear()
    yield st, sup, case_id, bundle
    messages.auto_answer = None
    st.close()


@pytest.fixture
def session(qtbot, world):  # noqa: ANN001, ANN201
    st, sup, _case_id, _bundle = world
    session = AppSession(st.district, TaskRunner())
    session.set_actor(sup)
    yield session
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)
    session.tasks.wait_idle()


def test_import_page_then_conflict_screen_resolves_field_by_field(qtbot, world, session, tmp_path):  # noqa: ANN001
    st, sup, case_id, bundle = world
    page = SyncStationPage(session)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.receiver.count() >= 2, timeout=WAIT)

    # A half-copied file first: refused with the message, the store untouched.
    half = tmp_path / "half.fsync"
    half.write_bytes(bundle.read_bytes()[:200])
    before = fingerprint(st.district)
    with qtbot.waitSignal(page.sig_done, timeout=WAIT):
        page.import_from(str(half))
    assert "不完整" in messages.recorded[-1][1]
    assert fingerprint(st.district) == before

    with qtbot.waitSignal(page.sig_done, timeout=WAIT):
        page.import_from(str(bundle))
    assert "1 处冲突" in page.status.text()

    # The answer for the village, written through the page: a complete bundle under the chosen name.
    page.receiver.setCurrentIndex(page.receiver.findText(VILLAGE_A1))
    answer = tmp_path / "answer.fsync"
    with qtbot.waitSignal(page.sig_done, timeout=WAIT):
        page.export_to(str(answer))
    assert "已导出同步包：发往郭亮村" in page.status.text()
    assert answer.read_bytes().startswith(b"FULIAN-SYNC") and not answer.with_suffix(".partial").exists()

    screen = SyncConflictsPage(session)
    qtbot.addWidget(screen)
    screen.resize(1100, 600)
    qtbot.waitUntil(lambda: len(screen.items) == 1, timeout=WAIT)
    conflict = screen.current()
    assert conflict.record_id == case_id
    rows = {screen.table.item(i, 0).text(): (screen.table.item(i, 1).text(), screen.table.item(i, 2).text())
            for i in range(screen.table.rowCount())}
    assert rows["案件名称"] == ("张某邻里纠纷（区）", "张某宅基地纠纷")
    assert rows["紧急程度"] == ("一般", "紧急")
    assert "区督导" in screen.who.text() and VILLAGE_A1 in screen.who.text()
    if Path("/tmp/sync_shots").is_dir():
        screen.grab().save("/tmp/sync_shots/conflicts.png")

    # Keep our title, take the village's urgency.
    picker = screen.picker("urgency")
    picker.setCurrentIndex(picker.findData("remote"))
    with qtbot.waitSignal(screen.sig_resolved, timeout=WAIT):
        qtbot.mouseClick(screen.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: screen.items == [], timeout=WAIT)
    with st.district.uow() as uow:
        case = uow.s.get(Case, case_id)
        assert (case.title, case.urgency) == ("张某邻里纠纷（区）", "urgent")
        entry = uow.s.query(AuditEntry).filter(AuditEntry.action == "resolve_conflict").one()
        assert entry.actor_name.startswith("区督导") and entry.detail["choice"]["urgency"] == "remote"


def test_only_roles_that_may_resolve_see_the_conflict_screen(world) -> None:  # noqa: ANN001
    st, sup, _case_id, _bundle = world
    med = first_login(st.district, "med")
    keys = {}
    for actor in (sup, med):
        session = AppSession(st.district, TaskRunner())
        session.set_actor(actor)
        keys[actor.username] = {p.key for p in pages_for(session)}
    assert {"sync", "sync_conflicts"} <= keys["sup"]
    assert not {"sync", "sync_conflicts"} & keys["med"]
