"""From a blank PC to the first sync, in the GUI only, on three real stores: the district's key holder opens
the town's and the village's stations in the 站点 wizard; each station joins from its package and code in the
first-run wizard (a wrong code first: refused, nothing on disk); the district and the town exchange through
one folder standing in for the USB drive — a referral goes down and its acceptance comes back — and a record
both sides changed is resolved on the conflict page. Screenshots of every new page are written when
FULIAN_SCREENSHOTS names a folder."""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget, QWizard

from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain import clock
from fulian_desktop.services.cases import cases
from fulian_desktop.services.referral import referrals
from fulian_desktop.services.accounts import settings
from fulian_desktop.store.models import Case, Referral
from fulian_desktop.sync import stations
from tests.support.stores import (
    FAST_KDF, PASSPHRASE, TOWN_A, VILLAGE_A1, NoKeyringVault, add_user, build_org, first_login, new_store,
)
from ui.setup.setup_wizard import SetupWizard
from ui.sync.station_open_wizard import StationOpenWizard
from ui.errors import messages
from ui.sync.sync_conflicts import SyncConflictsPage
from ui.sync.sync_station import SyncStationPage
from ui.sync.sync_stations_admin import StationsAdminPage
from ui.session import AppSession
from ui.tasks import TaskRunner

WAIT = 30_000
SHOTS = os.environ.get("FULIAN_SCREENSHOTS")


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture(autouse=True)
def answers():  # noqa: ANN201
    messages.auto_answer = True
    messages.recorded.clear()
    yield
    messages.auto_answer = None


def session_for(qtbot, store, actor) -> AppSession:  # noqa: ANN001
    session = AppSession(store, TaskRunner())
    session.set_actor(actor)
    return session


def idle(qtbot, session: AppSession) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not session.tasks.busy(), timeout=WAIT)


def open_station(qtbot, page: StationsAdminPage, unit: str, usb: Path, tmp_path: Path, tag: str) -> tuple[Path, str]:  # noqa: ANN001
    """The district's key holder opens a station in the wizard; returns (package file, one-time code)."""
    wizard: StationOpenWizard = page.open_wizard()
    qtbot.addWidget(wizard)
    qtbot.waitExposed(wizard)
    shot(wizard, f"{tag}1_key_holder")
    wizard.key_page.secret.setText("不是口令 12345")
    wizard.next()
    assert wizard.currentPage() is wizard.key_page and "不正确" in wizard.key_page.error.text()
    wizard.key_page.secret.setText(PASSPHRASE)
    wizard.next()
    assert wizard.currentPage() is wizard.unit_page
    units = wizard.unit_page.units
    names = [units.item(i).text().split(" › ")[-1] for i in range(units.count())]
    assert unit in names
    units.setCurrentRow(names.index(unit))
    shot(wizard, f"{tag}2_unit")
    wizard.next()
    assert wizard.currentPage() is wizard.package_page
    package = usb / f"{unit}.fprov"
    wizard.package_page.path.setText(str(package))
    shot(wizard, f"{tag}3_package")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code_page, timeout=WAIT)
    code = wizard.code_page.code.text()
    assert len(code.replace("-", "")) == 32 and package.is_file()
    assert code.encode() not in package.read_bytes()       # the code never travels with the package

    pdf = (Path(SHOTS) if SHOTS else tmp_path) / f"{tag}slip.pdf"

    def to_pdf(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return True

    wizard.code_page.choose_printer = to_pdf
    assert wizard.code_page.print_slip() and pdf.read_bytes().startswith(b"%PDF")
    assert not wizard.button(QWizard.FinishButton).isEnabled()   # not before the code is noted
    shot(wizard, f"{tag}4_code")
    wizard.code_page.saved.setChecked(True)
    qtbot.mouseClick(wizard.button(QWizard.FinishButton), Qt.LeftButton)
    assert wizard.result() == QWizard.Accepted
    return package, code


def join_station(qtbot, data_dir: Path, package: Path, code: str, tag: str):  # noqa: ANN001, ANN201
    """The station's first start: 加入区平台（站点）, a wrong code first, then the right one."""
    wizard = SetupWizard(data_dir, vault=NoKeyringVault(), kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.welcome_page.choose_join.setChecked(True)
    qtbot.wait(50)   # the page lays out its other text
    shot(wizard, f"{tag}1_welcome")
    wizard.next()
    assert wizard.currentPage() is wizard.join_page
    wizard.join_page.path.setText(str(package))
    wizard.join_page.code.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    wizard.next()
    assert wizard.currentPage() is wizard.join_page
    assert "开通码不正确" in wizard.join_page.error.text()
    assert not data_dir.exists() or not any(data_dir.iterdir())   # nothing created on a wrong code
    shot(wizard, f"{tag}2_wrong_code")
    wizard.join_page.code.setText(code.lower())                    # case does not matter
    wizard.next()
    assert wizard.currentPage() is wizard.protection_page
    qtbot.waitUntil(lambda: wizard.protection_page.keyring_available is not None)
    wizard.protection_page.passphrase.setText(PASSPHRASE)
    wizard.protection_page.again.setText(PASSPHRASE)
    wizard.next()
    assert wizard.currentPage() is wizard.join_create_page
    shot(wizard, f"{tag}3_confirm")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=WAIT)
    assert len(wizard.recovery_page.code.text().replace("-", "")) == 32
    shot(wizard, f"{tag}4_recovery")
    wizard.recovery_page.saved.setChecked(True)
    qtbot.mouseClick(wizard.button(QWizard.FinishButton), Qt.LeftButton)
    assert wizard.result() == QWizard.Accepted and wizard.store is not None
    assert "请用区里为您创建的账号登录" in wizard.done_message()
    return wizard.store


def exchange(qtbot, page: SyncStationPage, usb: Path, receiver: str | None = None):  # noqa: ANN001, ANN201
    qtbot.waitUntil(lambda: page.receiver.count() >= 1, timeout=WAIT)
    if receiver is not None:
        page.receiver.setCurrentIndex(page.receiver.findText(receiver))
    with qtbot.waitSignal(page.sig_done, timeout=WAIT) as done:
        page.exchange_with(str(usb))
    assert not isinstance(done.args[0], BaseException), done.args[0]
    return done.args[0]


def test_station_from_blank_pc_to_first_sync_in_the_gui(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    usb = tmp_path / "U盘"
    usb.mkdir()
    district = new_store(tmp_path / "district").store
    stores = [district]
    try:
        org = build_org(district)
        add_user(district, "sysadmin", Role.SYSTEM_ADMIN, org.district, display_name="系统管理员")
        add_user(district, "sup", Role.SUPERVISOR, org.district, display_name="区督导")
        add_user(district, "zhan", Role.STATION_ADMIN, org.units[TOWN_A], display_name="街道站点管理员")
        add_user(district, "jie", Role.MEDIATOR, org.units[TOWN_A], display_name="街道调解员")
        admin_session = session_for(qtbot, district, first_login(district, "sysadmin"))
        admin_page = StationsAdminPage(admin_session)
        admin_page.wizard_kdf = FAST_KDF
        qtbot.addWidget(admin_page)
        admin_page.resize(900, 420)
        qtbot.waitUntil(lambda: "还没有开通任何站点" in admin_page.hint.text(), timeout=WAIT)

        town_pkg, town_code = open_station(qtbot, admin_page, TOWN_A, usb, tmp_path, "district_open_")
        village_pkg, village_code = open_station(qtbot, admin_page, VILLAGE_A1, usb, tmp_path, "district_open_v")
        qtbot.waitUntil(lambda: admin_page.table.rowCount() == 2, timeout=WAIT)
        town = join_station(qtbot, tmp_path / "town", town_pkg, town_code, "station_join_")
        stores.append(town)
        village = join_station(qtbot, tmp_path / "village", village_pkg, village_code, "station_join_v")
        stores.append(village)
        village_pkg.unlink()
        town_pkg.unlink()

        # A referral goes down from the district to the town ...
        sup = first_login(district, "sup")
        with district.uow(write=True) as uow:
            case_id = cases.create_case(uow, sup, cases.NewCase(title="李某家庭纠纷", kind=CaseKind.PETITION,
                                                                unit_id=org.district)).row.id
            ref = referrals.refer_to_tier(uow, sup, case_id, org.units[TOWN_A], "就近调解。")
        district_sync = SyncStationPage(session_for(qtbot, district, admin_session.actor))
        qtbot.addWidget(district_sync)
        district_sync.resize(900, 420)
        down = exchange(qtbot, district_sync, usb, TOWN_A)
        assert down.records_out > 0 and len(down.written) == 1

        town_session = session_for(qtbot, town, first_login(town, "zhan"))
        town_sync = SyncStationPage(town_session)
        qtbot.addWidget(town_sync)
        town_sync.resize(900, 420)
        got = exchange(qtbot, town_sync, usb)
        assert len(got.imported) == 1 and got.records_in > 0 and "下一步" in town_sync.status.text()
        qtbot.waitUntil(lambda: town_sync.table.item(0, 2).text() != "从未", timeout=WAIT)  # the list reloaded
        shot(town_sync, "station_sync_after_exchange")
        # ... is accepted at the town ...
        jie = first_login(town, "jie")
        with town.uow(write=True) as uow:
            assert [i.referral_id for i in referrals.inbox(uow, jie)] == [ref.id]
            referrals.accept(uow, jie, ref.id, "街道接收")
        again = exchange(qtbot, town_sync, usb)
        assert again.skipped and not again.imported          # the district's bundle was imported already
        # ... and the acceptance comes back.
        back = exchange(qtbot, district_sync, usb, TOWN_A)
        assert back.imported and not back.refused
        with district.uow() as uow:
            assert uow.s.get(Referral, ref.id).status == "accepted"
            assert uow.s.get(Case, case_id).owner_unit_id == org.units[TOWN_A]
        exchange(qtbot, town_sync, usb)                       # the town hears the district acknowledge

        # A tampered file on the drive says what it is and changes nothing.
        bogus = usb / "伪造.fsync"
        bogus.write_bytes(b"FULIAN-SYNC\x01 broken")
        tampered = exchange(qtbot, district_sync, usb, TOWN_A)
        assert [b.name for b in tampered.refused] == ["伪造.fsync"] and "不完整" in tampered.refused[0].message
        bogus.unlink()

        # The station list: last exchange, pending both ways, the village never heard from, so overdue.
        with qtbot.waitSignal(admin_page.sig_loaded, timeout=WAIT):
            admin_page.reload()
        assert admin_page.table.item(1, 0).text() == TOWN_A and admin_page.table.item(1, 1).text() != "从未"
        assert "所有站点都按时交换" in admin_page.hint.text()
        with district.uow() as uow:
            later = clock.now_utc() + timedelta(days=8)
            rows = {r.name: r for r in stations.station_rows(uow, later)}
        assert rows[VILLAGE_A1].overdue and rows[TOWN_A].overdue   # a week later without a bundle: both
        shot(admin_page, "district_station_list")
        with clock.frozen_at(later), qtbot.waitSignal(admin_page.sig_loaded, timeout=WAIT):
            admin_page.reload()                                  # the same list a week later: marked
        assert "2 个站点逾期未交换" in admin_page.hint.text()
        assert admin_page.table.item(0, 4).text().startswith("逾期")
        shot(admin_page, "district_station_list_overdue")
        with district.uow(write=True) as uow:
            settings.put(uow, admin_session.actor, "sync_overdue_days", 30)
        with district.uow() as uow:
            assert not any(r.overdue for r in stations.station_rows(uow, later))

        # The same case changed on both sides: resolved on the district's conflict page.
        conflicts_session = session_for(qtbot, district, sup)
        conflicts_page = SyncConflictsPage(conflicts_session)
        qtbot.addWidget(conflicts_page)
        conflicts_page.resize(900, 480)
        qtbot.waitUntil(lambda: conflicts_page.empty.isVisibleTo(conflicts_page), timeout=WAIT)
        shot(conflicts_page, "conflicts_empty")
        with district.uow(write=True) as uow:
            cases.update_case(uow, sup, case_id, uow.s.get(Case, case_id).version, {"title": "李某家庭纠纷（区）"})
        with town.uow(write=True) as uow:
            cases.update_case(uow, jie, case_id, uow.s.get(Case, case_id).version, {"title": "李某赡养纠纷"})
        exchange(qtbot, town_sync, usb)
        both = exchange(qtbot, district_sync, usb, TOWN_A)
        assert both.conflicts == 1 and "同步冲突" in district_sync.status.text()
        conflicts_page.reload()
        qtbot.waitUntil(lambda: len(conflicts_page.items) == 1, timeout=WAIT)
        assert not conflicts_page.empty.isVisibleTo(conflicts_page)
        title_row = [conflicts_page.table.item(i, 1).text() for i in range(conflicts_page.table.rowCount())]
        assert "李某家庭纠纷（区）" in title_row
        shot(conflicts_page, "conflicts_side_by_side")
        conflicts_page.picker("title").setCurrentIndex(1)        # 对方 (the town's)
        with qtbot.waitSignal(conflicts_page.sig_resolved, timeout=WAIT):
            conflicts_page.save()
        with district.uow() as uow:
            assert uow.s.get(Case, case_id).title == "李某赡养纠纷"
        for s in (admin_session, town_session, conflicts_session):
            idle(qtbot, s)
        idle(qtbot, district_sync.session)
    finally:
        for store in stores:
            store.close()


def test_retiring_a_station_in_the_list_asks_the_key_holder_and_refuses_its_bundles(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from fulian_desktop.services.accounts.auth import system_actor
    from fulian_desktop.sync.folder import exchange_folder
    from tests.support.sync_stations import fingerprint, make_stations

    st = make_stations(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    try:
        add_user(st.district, "sysadmin", Role.SYSTEM_ADMIN, st.org.district, display_name="系统管理员")
        session = session_for(qtbot, st.district, first_login(st.district, "sysadmin"))
        from ui.navigation import pages_for

        assert "stations" in [p.key for p in pages_for(session)]          # Administration → 站点
        add_user(st.district, "sup", Role.SUPERVISOR, st.org.district, display_name="区督导")
        assert "stations" not in [p.key for p in pages_for(session_for(qtbot, st.district,
                                                                       first_login(st.district, "sup")))]
        page = StationsAdminPage(session)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=WAIT)
        page.days.setValue(3)
        page.days.editingFinished.emit()
        qtbot.waitUntil(lambda: page.loaded_days == 3, timeout=WAIT)   # saved, and the list reloaded with it
        with pytest.raises(Exception, match="1 到 365"), st.district.uow(write=True) as uow:
            settings.put(uow, session.actor, "sync_overdue_days", 0)
        village_row = [r.name for r in page.rows].index(VILLAGE_A1)
        page.table.selectRow(village_row)
        assert page.retire_button.isEnabled()
        exchange_folder(st.village, system_actor(st.village), usb)      # a bundle already on its way

        page.retire(page.rows[village_row].station_id, "猜的口令 2026")
        qtbot.waitUntil(lambda: any("口令或恢复码不正确" in m[1] for m in messages.recorded), timeout=WAIT)
        idle(qtbot, session)
        assert VILLAGE_A1 in [r.name for r in page.rows]

        page.retire(page.rows[village_row].station_id, PASSPHRASE)
        qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
        assert any("已停用“" in m[1] for m in messages.recorded)
        before = fingerprint(st.district)
        refused = exchange_folder(st.district, system_actor(st.district), usb, TOWN_A)
        assert [b.name for b in refused.refused] and "已停用的站点" in refused.refused[0].message
        assert not refused.imported
        after = fingerprint(st.district)
        assert {k: v for k, v in after.items() if not k.startswith(("sync_", "audit"))} == \
            {k: v for k, v in before.items() if not k.startswith(("sync_", "audit"))}
        idle(qtbot, session)
    finally:
        st.close()


def test_exchange_remembers_the_folder(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from fulian_desktop.services.accounts.auth import system_actor
    from tests.support.sync_stations import make_stations
    from ui.sync.sync_station import FOLDER_SETTING

    st = make_stations(tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    offered = []
    try:
        QSettings().remove(FOLDER_SETTING)
        page = SyncStationPage(session_for(qtbot, st.village, system_actor(st.village)))
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.receiver.count() == 1, timeout=WAIT)
        assert "下一步" in page.status.text()

        def pick(_parent, _title, start):  # noqa: ANN001, ANN202
            offered.append(start)
            return str(usb)

        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(pick))
        for _ in range(2):
            with qtbot.waitSignal(page.sig_done, timeout=WAIT):
                page._ask_exchange()
        assert offered == ["", str(usb)] and len(list(usb.glob("*.fsync"))) == 2
        idle(qtbot, page.session)
    finally:
        QSettings().remove(FOLDER_SETTING)
        st.close()
