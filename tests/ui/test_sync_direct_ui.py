"""交换 straight with the district server, and the automatic sync with its quiet status bar label, on real
stores: a village station and the district (SQLCipher both) behind the district's sync service
(`fulian sync serve`, started in a thread of the test on a loopback port), and an unreachable server: a clear
message, no dialog from the automatic sync, nothing changed. The timer is driven by calling its slot.
Screenshots of the status bar and the sync page when FULIAN_SCREENSHOTS names a folder."""
from __future__ import annotations

import os
import threading
from contextlib import ExitStack
from datetime import datetime, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.services.accounts import settings
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.cases import cases
from fulian_desktop.store.models import AuditEntry, Case
from fulian_desktop.sync.direct import DirectResult, ServerUnreachable
from fulian_desktop.sync.identity import identity
from tests.support.stores import VILLAGE_A1, build_org, new_store
from tests.support.sync_service import serving, url_of
from tests.support.sync_stations import dump, fingerprint, make_stations
from ui.errors import messages
from ui.session import AppSession
from ui.sync.auto_sync import AutoSync
from ui.sync.sync_gate import forget_gates, gate_for
from ui.sync.sync_station import SyncStationPage
from ui.tasks import TaskRunner

WAIT = 30_000
SHOTS = os.environ.get("FULIAN_SCREENSHOTS")
MOMENT = datetime(2026, 12, 7, 2, 5, tzinfo=timezone.utc)   # 10:05 in China
CLOSED_PORT_URL = "http://127.0.0.1:1"


@pytest.fixture(autouse=True)
def quiet():  # noqa: ANN201
    forget_gates()
    messages.auto_answer = False
    messages.recorded.clear()
    with clock.frozen_at(MOMENT):
        yield
    messages.auto_answer = None
    forget_gates()


def shot(widget, name: str) -> None:  # noqa: ANN001
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def configure(store, url: str, minutes: int = 30) -> None:  # noqa: ANN001
    with store.uow(write=True) as uow:
        settings.put(uow, system_actor(store), "sync_server_url", url)
        settings.put(uow, system_actor(store), "sync_auto_minutes", minutes)


def session_for(store) -> AppSession:  # noqa: ANN001
    session = AppSession(store, TaskRunner())
    session.set_actor(system_actor(store))
    return session


def finish(qtbot, session: AppSession, auto: AutoSync | None = None) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not session.tasks.busy() and not gate_for(session.store).running, timeout=WAIT)
    session.tasks.wait_idle()
    if auto is not None:
        auto.stop()


def titles(store) -> set[str]:  # noqa: ANN001
    with store.uow() as uow:
        return set(uow.s.execute(select(Case.title).where(Case.deleted_at.is_(None))).scalars())


def new_case(store, title: str, unit_id: str) -> None:  # noqa: ANN001
    with store.uow(write=True) as uow:
        cases.create_case(uow, system_actor(store), cases.NewCase(title=title, kind=CaseKind.PETITION, unit_id=unit_id))


# --- an unreachable server -------------------------------------------------------------------------------

def test_an_unreachable_server_is_said_quietly_and_changes_nothing(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    st = make_stations(tmp_path)
    try:
        configure(st.village, CLOSED_PORT_URL, minutes=30)
        session = session_for(st.village)
        before = fingerprint(st.village)
        auto = AutoSync(session)
        with qtbot.waitSignal(auto.sig_finished, timeout=WAIT) as ended:
            auto.start()                                   # at start, after login: at once
        assert isinstance(ended.args[0], ServerUnreachable)
        assert auto.timer.isActive() and auto.timer.interval() == 30 * 60_000
        assert auto.label.text() == "未能连接区平台（将于 10:35 重试）"
        assert "127.0.0.1:1" in auto.label.toolTip() and "数据未改变" in auto.label.toolTip()
        assert messages.recorded == []                     # no dialog from the automatic sync

        page = SyncStationPage(session)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.server == CLOSED_PORT_URL, timeout=WAIT)
        assert page.auto_state.isVisibleTo(page) and "未能连接区平台" in page.auto_state.text()
        with qtbot.waitSignal(page.sig_done, timeout=WAIT) as done:
            page.exchange_button.click()                   # 交换 tries the server first
        assert isinstance(done.args[0], ServerUnreachable)
        assert page.status.text().startswith("未能连接区平台（127.0.0.1:1），数据未改变。")
        asked = [text for title, text in messages.recorded if title == "未能连接区平台"]
        assert asked and asked[0].endswith("改用U盘（文件夹）交换吗？")   # answered 否: no folder asked for
        page.resize(1000, 520)
        shot(page, "sync_page_unreachable")
        finish(qtbot, session, auto)
        assert fingerprint(st.village) == before
    finally:
        st.close()


def test_no_sync_starts_while_another_runs_and_a_setting_turns_it_off(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    st = make_stations(tmp_path)
    try:
        configure(st.village, CLOSED_PORT_URL, minutes=0)
        session = session_for(st.village)
        auto = AutoSync(session)
        auto.start()
        qtbot.waitUntil(lambda: auto.loaded, timeout=WAIT)
        assert not auto.timer.isActive() and auto.label.isHidden()
        with qtbot.waitSignal(auto.sig_finished, timeout=WAIT) as ended:
            auto.tick()                                    # 0 minutes: off
        assert ended.args[0] is None

        configure(st.village, CLOSED_PORT_URL, minutes=15)
        gate = gate_for(st.village)
        assert gate.claim()                                # a folder exchange is under way
        with qtbot.waitSignal(auto.sig_finished, timeout=WAIT) as ended:
            auto.reload(sync_now=True)                     # the settings page announced a change
        assert ended.args[0] is None and auto.timer.interval() == 15 * 60_000
        assert auto.label.text() == "同步中…"
        page = SyncStationPage(session)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.server == CLOSED_PORT_URL, timeout=WAIT)
        page.exchange_button.click()
        assert "另一次同步" in page.status.text() and not session.tasks.busy()
        gate.release()
        with qtbot.waitSignal(auto.sig_finished, timeout=WAIT) as ended:
            auto.timer.timeout.emit()                      # the next tick runs
        assert isinstance(ended.args[0], ServerUnreachable)
        assert auto.label.text() == "未能连接区平台（将于 10:20 重试）"
        finish(qtbot, session, auto)
    finally:
        st.close()


@pytest.mark.parametrize("key, value, says", [
    ("sync_auto_minutes", -1, "0（不自动同步）到 1440"), ("sync_auto_minutes", 1441, "1440 分钟"),
    ("sync_server_url", "http://10.0.0.2:8443", "须用 https://"),
    ("sync_server_url", "postgresql://u@host/db?sslmode=require", "从不连接区平台的数据库"),
    ("sync_server_url", "https://u:secret@10.0.0.2:8443", "不要写用户名或密码"),
    ("sync_server_url", "https://10.0.0.2:8443/fulian", "应形如 https://主机:端口"),
    ("sync_server_url", "ftp://10.0.0.2", "应形如 https://主机:端口"),
])
def test_sync_settings_are_checked(tmp_path: Path, key: str, value, says: str) -> None:  # noqa: ANN001
    from fulian_desktop.domain.errors import ValidationError

    store = new_store(tmp_path / "s").store
    try:
        build_org(store)
        with pytest.raises(ValidationError) as refused, store.uow(write=True) as uow:
            settings.put(uow, system_actor(store), key, value)
        assert says in refused.value.message
        with store.uow() as uow:
            assert settings.get(uow, key) == settings.KNOWN[key][2]
    finally:
        store.close()


def test_the_settings_page_sets_the_server_and_interval_and_the_timer_follows(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from ui.accounts.settings import SettingsPage

    st = make_stations(tmp_path)
    try:
        session = session_for(st.village)
        auto = AutoSync(session)
        auto.start()
        qtbot.waitUntil(lambda: auto.loaded, timeout=WAIT)
        assert not auto.enabled() and not auto.timer.isActive()      # no server yet: nothing runs
        page = SettingsPage(session)
        qtbot.addWidget(page)
        page.resize(1000, 900)
        page.show()
        qtbot.waitUntil(lambda: bool(page.loaded), timeout=WAIT)
        assert page.sync_minutes.value() == 30 and page.sync_server.text() == ""

        assert page.findChild(QLineEdit, "sync_server_password") is None   # no district password at a station
        page.sync_server.setText("postgresql://fulian@10.0.0.2/fulian")     # the district's database
        page.save()
        qtbot.waitUntil(lambda: "从不连接区平台的数据库" in page.state.text(), timeout=WAIT)
        with st.village.uow() as uow:
            assert settings.get(uow, "sync_server_url") == ""

        page.sync_server.setText(CLOSED_PORT_URL)
        page.sync_minutes.setValue(15)
        with qtbot.waitSignal(auto.sig_finished, timeout=WAIT) as ended:   # the timer's next tick, driven here
            page.save()
            qtbot.waitUntil(lambda: auto.timer.isActive(), timeout=WAIT)   # heard on the change bus
            assert auto.timer.interval() == 15 * 60_000 and page.state.text() == "已保存。"
            auto.timer.timeout.emit()
        assert isinstance(ended.args[0], ServerUnreachable)
        assert auto.label.text() == "未能连接区平台（将于 10:20 重试）"
        page.scroll.ensureWidgetVisible(page.sync_minutes)
        shot(page, "settings_sync_server")

        page.sync_minutes.setValue(0)                                       # 不自动同步
        assert page.sync_minutes.text() == "不自动同步"
        page.save()
        qtbot.waitUntil(lambda: not auto.timer.isActive(), timeout=WAIT)
        finish(qtbot, session, auto)
    finally:
        st.close()


# --- a reachable district server (its sync service on loopback) ---------------------------------------

@pytest.fixture
def served(tmp_path: Path):  # noqa: ANN001, ANN201
    """The district's store behind its sync service, a village station joined from its package, the address set."""
    st = make_stations(tmp_path)
    try:
        with serving(st.district) as server:
            configure(st.village, url_of(server), minutes=30)
            yield st.district, st.village, st.org
    finally:
        st.close()


def test_the_timer_syncs_with_the_district_server_and_screens_hear_of_it(qtbot, served) -> None:  # noqa: ANN001
    district, village, org = served
    with village.uow() as uow:
        unit = identity(uow).unit_id
    new_case(village, "村里离线登记的", unit)
    new_case(district, "区里替村登记的", org.units[VILLAGE_A1])
    session = session_for(village)
    heard = []
    session.changes.sig_changed.connect(heard.append)
    auto = AutoSync(session)
    with qtbot.waitSignal(auto.sig_finished, timeout=WAIT) as ended:
        auto.start()
    first = ended.args[0]
    assert isinstance(first, DirectResult), first
    assert (first.records_out, first.records_in) >= (1, 1) and first.conflicts == 0
    assert titles(village) == titles(district) == {"村里离线登记的", "区里替村登记的"}
    assert auto.label.text() == "上次同步 10:05（中国时间）" and auto.label.toolTip() == ""
    assert any(c.case and c.sync for c in heard)           # the case lists refresh
    with village.uow() as uow:                             # the station itself synced, not the user
        who = set(uow.s.execute(select(AuditEntry.actor_name).where(AuditEntry.action == "sync_import")).scalars())
    assert who == {"密钥持有人（自动同步）"}

    # The next tick with nothing new on either side: nothing changes, nothing is announced as changed.
    records = dump(village), dump(district)
    heard.clear()
    with qtbot.waitSignal(auto.sig_finished, timeout=WAIT) as ended:
        auto.timer.timeout.emit()
    again = ended.args[0]
    assert isinstance(again, DirectResult) and (again.records_in, again.records_out) == (0, 0)
    assert not again.received.applied and "已包含" in again.received.message
    assert (dump(village), dump(district)) == records
    assert not any(c.case for c in heard)

    # 交换 on the sync page takes the same route and says so.
    new_case(village, "村里又登记的", unit)
    page = SyncStationPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 520)
    qtbot.waitUntil(lambda: bool(page.server) and page.exchange_button.isEnabled(), timeout=WAIT)
    assert "直接与区平台服务器同步" in page.status.text()
    with qtbot.waitSignal(page.sig_done, timeout=WAIT) as done:
        page.exchange_button.click()
    third = done.args[0]
    assert isinstance(third, DirectResult) and third.records_out >= 1   # the case and its timeline and clock
    assert page.status.text() == f"已通过区平台服务器直接同步：发出 {third.records_out} 条记录，收到 0 条记录。"
    assert "村里又登记的" in titles(district)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and page.table.item(0, 3).text() == "0", timeout=WAIT)
    assert page.auto_state.text() == "与区平台同步：上次同步 10:05（中国时间）"
    shot(page, "sync_page_direct")
    finish(qtbot, session, auto)


def test_the_status_bar_of_a_station_window_says_when_it_last_synced(qtbot, served) -> None:  # noqa: ANN001
    from ui.app import build_main_window

    _district, village, _org = served
    window = build_main_window(village, system_actor(village))
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    label = window.auto_sync.label
    qtbot.waitUntil(lambda: label.text() == "上次同步 10:05（中国时间）", timeout=WAIT)
    assert label.isVisible() and label.parentWidget() is window.statusBar()
    QApplication.processEvents()   # the status bar lays the longer text out
    assert label.width() >= label.sizeHint().width()
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / "station_window_status_bar.png"))
    window.auto_sync.stop()
    window.session.tasks.wait_idle()


@pytest.mark.parametrize("kind, says", [
    ("not the service", "上没有幸福号的区平台同步服务，未同步，数据未改变。"),
    ("another district", "该服务器上的数据存储不是本站的区平台，未同步，数据未改变。"),
])
def test_a_wrong_server_is_named_and_nothing_changes(qtbot, tmp_path: Path, kind: str, says: str) -> None:  # noqa: ANN001
    st = make_stations(tmp_path)
    other = new_store(tmp_path / "other").store   # another district: its own org tree, its own station
    build_org(other)
    try:
        with ExitStack() as running:
            if kind == "another district":
                url = url_of(running.enter_context(serving(other)))
            else:
                web = ThreadingHTTPServer(("127.0.0.1", 0), SimpleHTTPRequestHandler)   # some other web server
                threading.Thread(target=web.serve_forever, daemon=True).start()
                running.callback(web.server_close)
                running.callback(web.shutdown)
                url = f"http://127.0.0.1:{web.server_address[1]}"
            configure(st.village, url)
            before, theirs = fingerprint(st.village), fingerprint(other)
            session = session_for(st.village)
            page = SyncStationPage(session)
            qtbot.addWidget(page)
            qtbot.waitUntil(lambda: bool(page.server) and page.exchange_button.isEnabled(), timeout=WAIT)
            with qtbot.waitSignal(page.sig_done, timeout=WAIT) as done:
                page.exchange_button.click()
            assert not isinstance(done.args[0], (DirectResult, ServerUnreachable))
            assert says in page.status.text()
            finish(qtbot, session)
        assert fingerprint(st.village) == before and fingerprint(other) == theirs   # nothing was sent
    finally:
        st.close()
        other.close()
