"""Retiring a station: from then on its bundles are refused by name and change nothing, nothing more is sent
to it, and only the key holder (who proves it with the store's passphrase or recovery code) may do it."""
from __future__ import annotations

import pytest

from fulian_desktop.domain.enums import Role
from fulian_desktop.domain.errors import PermissionDenied, WrongKey
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.store import confirm_key_holder
from fulian_desktop.sync import stations
from fulian_desktop.sync.errors import BundleForeign
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from fulian_desktop.sync.provision import provision_station
from tests.support.stores import FAST_KDF, PASSPHRASE, TOWN_A, VILLAGE_A1, add_user, first_login
from tests.support.sync_stations import fingerprint, make_stations


def _village_peer(st) -> str:  # noqa: ANN001
    with st.district.uow() as uow:
        return next(r.station_id for r in stations.station_rows(uow) if r.unit_id == st.unit(VILLAGE_A1))


def test_a_retired_station_is_refused_with_a_clear_message_and_changes_nothing(tmp_path) -> None:  # noqa: ANN001
    st = make_stations(tmp_path)
    try:
        data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
        station = _village_peer(st)
        with st.district.uow(write=True) as uow:
            assert stations.retire_station(uow, system_actor(st.district), station) == VILLAGE_A1
        before = fingerprint(st.district)
        with pytest.raises(BundleForeign) as refused:
            import_bundle(st.district, system_actor(st.district), data)
        assert f"已停用的站点“{VILLAGE_A1}”" in refused.value.message and "数据未改变" in refused.value.message
        assert fingerprint(st.district) == before
        with st.district.uow() as uow:
            assert [r.name for r in stations.station_rows(uow)] == [TOWN_A]
            assert stations.retired_station(uow, station)["name"] == VILLAGE_A1
            # the unit may be given a new station (a replaced PC)
            assert (VILLAGE_A1 in [name for _i, name, _w in stations.units_without_station(uow)])
        with pytest.raises(Exception, match="登记"):
            export_bundle(st.district, system_actor(st.district), st.unit(VILLAGE_A1))
        assert provision_station(st.district, system_actor(st.district), VILLAGE_A1, kdf=FAST_KDF).code
    finally:
        st.close()


def test_only_the_key_holder_retires_and_the_secret_is_checked(tmp_path) -> None:  # noqa: ANN001
    st = make_stations(tmp_path)
    try:
        add_user(st.district, "sysadmin", Role.SYSTEM_ADMIN, st.org.district, display_name="系统管理员")
        admin = first_login(st.district, "sysadmin")
        station = _village_peer(st)
        with pytest.raises(PermissionDenied), st.district.uow(write=True) as uow:
            stations.retire_station(uow, admin, station)
        with pytest.raises(WrongKey, match="口令或恢复码不正确"):
            confirm_key_holder(st.district, "猜一个口令 123")
        with pytest.raises(WrongKey):
            confirm_key_holder(st.district, "")
        confirm_key_holder(st.district, PASSPHRASE)
        with st.district.uow() as uow:
            assert [r.station_id for r in stations.station_rows(uow)].count(station) == 1
    finally:
        st.close()


def test_overdue_follows_the_setting(tmp_path) -> None:  # noqa: ANN001
    from datetime import timedelta

    from fulian_desktop.domain import clock
    from fulian_desktop.services.accounts import settings
    from tests.support.sync_stations import deliver

    st = make_stations(tmp_path)
    try:
        deliver(st.village, st.district, st.org.district)
        with st.district.uow() as uow:
            now = clock.now_utc()
            rows = {r.name: r for r in stations.station_rows(uow, now + timedelta(days=3))}
            assert not rows[VILLAGE_A1].overdue and not rows[TOWN_A].overdue   # the town: opened 3 days ago
            assert rows[VILLAGE_A1].pending_in > 0
            assert all(r.overdue for r in stations.station_rows(uow, now + timedelta(days=8)))
        with st.district.uow(write=True) as uow:
            settings.put(uow, system_actor(st.district), "sync_overdue_days", 2)
        with st.district.uow() as uow:
            assert {r.name: r.overdue for r in stations.station_rows(uow, now + timedelta(days=3))}[VILLAGE_A1]
    finally:
        st.close()
