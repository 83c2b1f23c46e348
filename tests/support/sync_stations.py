"""Three real stores sharing one org tree: the district, a town and one of its villages, each a station.

The town and village stores are opened the way a real station is: created empty, then filled from the
district's provisioning package (`fulian sync provision` / `fulian sync join`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from fulian_desktop.security.actor import Actor
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.base import Base
from fulian_desktop.store.models_sync import synced_tables
from fulian_desktop.store.store import Store
from fulian_desktop.sync.exchange import ExportResult, ImportResult, export_bundle, import_bundle
from fulian_desktop.sync.provision import join_station, provision_station
from fulian_desktop.sync.rows import columns, encode_row

from fulian_desktop.domain.enums import Role
from fulian_desktop.store.models import Case

from .stores import FAST_KDF, TOWN_A, VILLAGE_A1, Org, add_user, build_org, new_store


@dataclass
class Stations:
    district: Store
    town: Store
    village: Store
    org: Org

    def unit(self, name: str) -> str:
        return self.org.units[name]

    def close(self) -> None:
        for store in (self.district, self.town, self.village):
            store.close()


def provision(district: Store, root: Path, unit: str) -> Store:
    made = provision_station(district, system_actor(district), unit, kdf=FAST_KDF)
    store = new_store(root).store
    join_station(store, made.package, made.code)
    return store


def make_stations(tmp_path: Path) -> Stations:
    district = new_store(tmp_path / "district").store
    org = build_org(district)
    town = provision(district, tmp_path / "town", TOWN_A)
    village = provision(district, tmp_path / "village", VILLAGE_A1)
    return Stations(district, town, village, org)


def send(src: Store, dst: Store, unit_of_dst: str, actor: Actor | None = None) -> tuple[bytes, ExportResult]:
    return export_bundle(src, actor or system_actor(src), unit_of_dst)


def deliver(src: Store, dst: Store, unit_of_dst: str) -> ImportResult:
    data, _ = send(src, dst, unit_of_dst)
    return import_bundle(dst, system_actor(dst), data)


def dump(store: Store, tables: tuple[str, ...] | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced row by table and id, without the local lock counter (what "equal" means across stores)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    with store.uow() as uow:
        conn = uow.s.connection()
        for name in tables or tuple(sorted(synced_tables())):
            t = Base.metadata.tables[name]
            rows = {}
            for r in conn.execute(select(t)).mappings():
                enc = dict(zip(columns(name), encode_row(name, r)))
                enc.pop("version")
                rows[r["id"]] = enc
            out[name] = rows
    return out


def fingerprint(store: Store) -> dict[str, list[Any]]:
    """Every table, sync bookkeeping included: used to show a refused bundle changed nothing."""
    out = {}
    with store.uow() as uow:
        conn = uow.s.connection()
        for name, t in sorted(Base.metadata.tables.items()):
            out[name] = sorted(map(repr, conn.execute(select(t)).all()))
    return out


def staffed_stations(tmp_path: Path) -> Stations:
    """The three stations with a village mediator (cun) and a town mediator (jie), both stations provisioned."""
    st = make_stations(tmp_path)
    add_user(st.district, "cun", Role.MEDIATOR, st.unit(VILLAGE_A1), display_name="郭亮调解员")
    add_user(st.district, "jie", Role.MEDIATOR, st.unit(TOWN_A), display_name="街道调解员")
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    deliver(st.district, st.town, st.unit(TOWN_A))
    return st


def owner_of(store: Store, case_id: str) -> str:
    with store.uow() as uow:
        case = uow.s.get(Case, case_id)
        assert case is not None
        return case.owner_unit_id


def without_audit(fp: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """A fingerprint without the audit trail, which records even a refusal."""
    return {k: v for k, v in fp.items() if k not in ("audit_log", "audit_head")}
