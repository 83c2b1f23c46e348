"""A village PC holds no login for the district's database: after it was provisioned, given the district's
sync service address and synced over it, nothing in its store, its settings or its data folder names the
district's database or holds a secret that opens it; and no setting a station can save can hold one."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.services.accounts import settings
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.base import Base
from fulian_desktop.store.store import Store
from fulian_desktop.sync.direct import sync_with_server
from tests.support import pg
from tests.support.sync_service import serving, url_of
from tests.support.sync_stations import make_stations


def _everything(store: Store) -> str:
    """Every value of every table of a store, as text (decrypted: what anyone holding the station's key sees)."""
    out = []
    with store.uow() as uow:
        conn = uow.s.connection()
        for _name, table in sorted(Base.metadata.tables.items()):
            out += [repr(tuple(row)) for row in conn.execute(select(table))]
    return "\n".join(out)


def _files(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file())


def test_a_synced_station_holds_no_credentials_for_the_district(tmp_path: Path) -> None:
    st = make_stations(tmp_path)
    try:
        district_key = st.district.key
        with serving(st.district) as server:
            with st.village.uow(write=True) as uow:
                settings.put(uow, system_actor(st.village), "sync_server_url", url_of(server))
            result = sync_with_server(st.village, system_actor(st.village), url_of(server))
            assert result.sent.applied                 # it did sync: its bundle was taken
        held, files = _everything(st.village), _files(tmp_path / "village")
        secrets = [s for s in ("postgresql://", "postgres://", "sslmode=", "FULIAN_PG_PASSWORD") if s]
        password = pg.server_url() and pg.cluster().url.password
        if password:                                   # the district's database password, when there is one
            secrets.append(password)
        for secret in secrets:
            assert secret not in held and secret.encode() not in files
        if district_key:                               # the key of the district's store, in any spelling
            assert district_key.hex() not in held and district_key not in files and district_key.hex().encode() not in files
        with st.village.uow() as uow:
            stored = settings.all_settings(uow)
        assert stored["sync_server_url"] == url_of(server)
        assert not [k for k in stored if any(w in k for w in ("password", "secret", "credential", "pg_"))]
    finally:
        st.close()


def test_no_setting_can_hold_a_database_address_or_a_login(tmp_path: Path) -> None:
    st = make_stations(tmp_path)
    try:
        for url in ("postgresql://fulian@10.0.0.2:5432/fulian?sslmode=require",
                    "postgresql+psycopg://fulian:secret@10.0.0.2/fulian", "https://fulian:secret@10.0.0.2:8443",
                    "https://fulian@10.0.0.2:8443", "http://10.0.0.2:8443"):
            with pytest.raises(ValidationError), st.village.uow(write=True) as uow:
                settings.put(uow, system_actor(st.village), "sync_server_url", url)
        with st.village.uow() as uow:
            assert settings.get(uow, "sync_server_url") == ""
        assert "secret" not in _everything(st.village) and "10.0.0.2" not in _everything(st.village)
    finally:
        st.close()
