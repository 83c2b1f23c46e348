"""A village station (SQLCipher) syncing straight with the district's PostgreSQL store, as
`fulian sync --server URL` does when the server is reachable (only with a server: FULIAN_TEST_PG_URL)."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop import cli
from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.services.cases import cases
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.models import Case
from fulian_desktop.store.server import create_server_store
from fulian_desktop.store.store import Unlock, create_store, open_store
from fulian_desktop.sync.identity import identity
from fulian_desktop.sync.provision import join_station, provision_station
from tests.support import pg
from tests.support.stores import FAST_KDF, PASSPHRASE, VILLAGE_A1, NoKeyringVault, build_org

pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(not pg.server_url(), reason="FULIAN_TEST_PG_URL not set")]


def _titles(store) -> set[str]:  # noqa: ANN001
    with store.uow() as uow:
        return set(uow.s.execute(select(Case.title)).scalars())


def test_a_sqlcipher_station_syncs_directly_with_the_postgresql_district(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    cluster = pg.cluster()
    name = cluster.new_database()
    district = create_server_store(tmp_path / "district", cluster.profile(name), vault=NoKeyringVault(),
                                   passphrase=PASSPHRASE, kdf=FAST_KDF).store
    try:
        org = build_org(district)
        made = provision_station(district, system_actor(district), VILLAGE_A1, kdf=FAST_KDF)
        with create_store(tmp_path / "village", passphrase=PASSPHRASE, vault=NoKeyringVault(), kdf=FAST_KDF).store as village:
            join_station(village, made.package, made.code)
            with village.uow(write=True) as uow:
                cases.create_case(uow, system_actor(village), cases.NewCase(
                    title="村里离线登记的", kind=CaseKind.PETITION, unit_id=identity(uow).unit_id))
        with district.uow(write=True) as uow:
            cases.create_case(uow, system_actor(district), cases.NewCase(
                title="区里替村登记的", kind=CaseKind.PETITION, unit_id=org.units[VILLAGE_A1]))
        url = f"postgresql://{cluster.url.username}@{cluster.url.host}:{cluster.url.port}/{name}?sslmode=prefer"
        monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
        monkeypatch.setenv("FULIAN_PG_PASSWORD", cluster.url.password or "")
        assert cli.main(["--data-dir", str(tmp_path / "village"), "sync", "--server", url]) == 0
        out = capsys.readouterr().out
        assert "已导入来自郭亮村的同步包" in out and "已导入来自望城区的同步包" in out
        with open_store(tmp_path / "village", Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as village:
            assert _titles(village) == _titles(district) == {"村里离线登记的", "区里替村登记的"}
        assert cli.main(["--data-dir", str(tmp_path / "village"), "sync", "--server", url]) == 0
        assert "无冲突" in capsys.readouterr().out
    finally:
        district.close()
        cluster.drop([name])
