"""Property: whatever a village station writes into its own store — any synced table, any row it holds (its own,
the org tree, accounts, or copies of other units' records whose ids it learned), any field, any owner unit,
new rows cloned from old ones — and then exports as an ordinary bundle, the district afterwards holds nothing
changed outside the village's subtree and nobody with more rights (role, unit, state, account existence).
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, insert, select
from sqlalchemy.exc import IntegrityError, StatementError

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import FulianError
from fulian_desktop.services.cases import cases
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.store.base import Base, new_id, utcnow
from fulian_desktop.store.models import UserAccount
from fulian_desktop.store.store import Unlock, open_store
from fulian_desktop.sync.authority import SELF_SERVICE, SenderOverreach
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from fulian_desktop.sync.rows import columns, ordered_tables, table
from tests.support.stores import (
    PASSPHRASE, TOWN_A, VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, NoKeyringVault, add_user, copy_store, first_login,
)
from tests.support.sync_stations import deliver, dump, make_stations

# Rows the village store is given besides its own scope: an attacker who learned these ids writes them too.
FOREIGN_TABLES = ("case_file", "case_party", "person", "case_event", "user_account")
RIGHTS = ("role", "owner_unit_id", "active", "username", "deleted_at", "password_hash", "must_change_password")


def _case(store, unit: str, title: str, party: str) -> str:  # noqa: ANN001
    actor = system_actor(store)
    with store.uow(write=True) as uow:
        case = cases.create_case(uow, actor, cases.NewCase(title=title, kind=CaseKind.MEDIATION, unit_id=unit))
        cases.add_party(uow, actor, case.row.id, PersonInput(name=party, sex="female", phone="13800000000"),
                        PartyRole.APPLICANT)
    return case.row.id


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:  # noqa: ANN001
    root = tmp_path_factory.mktemp("authority-template")
    stations = make_stations(root)
    try:
        d, v = stations.district, stations.village
        add_user(d, "cun", Role.MEDIATOR, stations.unit(VILLAGE_A1))
        add_user(d, "sup", Role.SUPERVISOR, stations.org.district)
        add_user(d, "jie", Role.STATION_ADMIN, stations.unit(TOWN_A))
        _case(d, stations.unit(VILLAGE_A1), "郭亮村自己的案件", "王秀英")
        _case(d, stations.unit(VILLAGE_A2), "新康村的家暴案件", "李桂兰")
        _case(d, stations.unit(VILLAGE_B1), "马桥河村的案件", "赵春梅")
        deliver(d, v, stations.unit(VILLAGE_A1))
        first_login(v, "cun")
        # Copies of other units' records, written raw (not as the village's changes): ids it now knows.
        with d.uow() as du, v.uow(write=True) as vu:
            conn, mine = vu.s.connection(), stations.unit(VILLAGE_A1)
            for name in [n for n in ordered_tables() if n in FOREIGN_TABLES]:
                t = table(name)
                have = set(conn.execute(select(t.c.id)).scalars())
                rows = [dict(r) for r in du.s.connection().execute(select(t)).mappings()
                        if r["id"] not in have and r["owner_unit_id"] != mine]
                if rows:
                    conn.execute(insert(t), rows)
    finally:
        stations.close()
    return root


def _model(name: str) -> type:
    return next(m.class_ for m in Base.registry.mappers if getattr(m.class_, "__tablename__", None) == name)


def _value(data: st.DataObject, name: str, col: str, current: Any, ids: dict[str, list[str]]) -> Any:
    c = table(name).c[col]
    nullable = [None] if c.nullable else []
    for fk in c.foreign_keys:
        pool = sorted(ids.get(fk.column.table.name, [])) + nullable
        return data.draw(st.sampled_from(pool or [current]))
    if col == "role":
        return data.draw(st.sampled_from([r.value for r in Role] + ["root"]))
    if col in ("tier",):
        return data.draw(st.sampled_from(["district", "town", "village"]))
    kind = c.type
    impl = getattr(kind, "impl", None)
    if isinstance(kind, DateTime) or isinstance(impl, DateTime):
        return data.draw(st.sampled_from(nullable + [utcnow() + timedelta(days=data.draw(st.integers(-30, 30)))]))
    if isinstance(kind, Date):
        return data.draw(st.sampled_from(nullable + [date(1990, 1, 1), date(2026, 1, 1)]))
    if isinstance(kind, Boolean):
        return data.draw(st.booleans())
    if isinstance(kind, Integer):
        return data.draw(st.integers(0, 2000))
    if isinstance(kind, JSON):
        return data.draw(st.sampled_from(nullable + [{"k": 1}, ["x"]]))
    text = data.draw(st.sampled_from(["改", "x", "13900000000", "!sync-reference", f"{current or ''}!"]))
    limit = getattr(kind, "length", None)
    return text[:limit] if limit else text


def _change_set(data: st.DataObject, store, mine: str) -> None:  # noqa: ANN001
    """One to four ORM writes at the village: edit a field of a row it holds, or add a clone of one.
    Half the change sets keep to the village's own rows and plain fields, so accepted bundles are tried too."""
    with store.uow(write=True) as uow:
        conn = uow.s.connection()
        ids = {name: list(conn.execute(select(table(name).c.id)).scalars()) for name in ordered_tables()}
        own = {name: list(conn.execute(select(table(name).c.id).where(table(name).c.owner_unit_id == mine)).scalars())
               for name in ordered_tables() if "owner_unit_id" in columns(name)}
        honest = data.draw(st.booleans())   # own rows, plain fields: what a working station sends
        for _ in range(data.draw(st.integers(1, 4))):
            pool = own if honest or data.draw(st.booleans()) else ids
            name = data.draw(st.sampled_from([n for n in ordered_tables() if pool.get(n)]))
            model = _model(name)
            row = uow.s.get(model, data.draw(st.sampled_from(sorted(pool[name]))))
            if data.draw(st.booleans()):   # a new row, cloned from an old one
                values = {c: getattr(row, c) for c in columns(name) if c not in ("id", "version")}
                for unique in ("username", "case_no"):
                    if unique in values:
                        values[unique] = f"{values[unique]}-{new_id()[:6]}"
                row = model(id=new_id(), **values)
                uow.s.add(row)
                ids[name].append(row.id)
            for _ in range(data.draw(st.integers(1, 3))):
                col = data.draw(st.sampled_from([c for c in columns(name) if c not in ("id", "version") and not (
                    honest and (table(name).c[c].foreign_keys or c in ("role", "username", "active")))]))
                setattr(row, col, _value(data, name, col, getattr(row, col), ids))
            uow.flush()


def _owner(row: dict[str, Any]) -> Any:
    return row.get("owner_unit_id")


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
@given(data=st.data())
def test_a_village_changes_nothing_outside_its_subtree_and_raises_no_rights(template: Path, tmp_path: Path,
                                                                            data: st.DataObject) -> None:
    work = tmp_path / new_id()
    district = open_store(copy_store(template / "district", work / "district"), Unlock(passphrase=PASSPHRASE),
                          vault=NoKeyringVault())
    village = open_store(copy_store(template / "village", work / "village"), Unlock(passphrase=PASSPHRASE),
                         vault=NoKeyringVault())
    try:
        with district.uow() as uow:
            units = {u.name: u.id for u in uow.s.execute(select(table("org_unit"))).all()}
            district_id = next(u.id for u in uow.s.execute(select(table("org_unit"))).all() if u.parent_id is None)
        mine = {units[VILLAGE_A1]}
        try:
            _change_set(data, village, units[VILLAGE_A1])
        except (IntegrityError, StatementError, FulianError):
            assume(False)   # the village's own store refused the write: nothing to send
        before = dump(district)
        bundle, _ = export_bundle(village, system_actor(village), district_id)
        try:
            import_bundle(district, system_actor(district), bundle)
            event("applied")
        except SenderOverreach as refused:
            event(f"refused at {refused.table}")
        after = dump(district)
    finally:
        district.close()
        village.close()

    for name in before:
        for rid, was in before[name].items():
            now = after[name].get(rid)
            assert now is not None, f"{name} {rid} disappeared"
            if name == "user_account" and _owner(was) in mine:
                assert {k: now[k] for k in RIGHTS if k not in SELF_SERVICE} == \
                    {k: was[k] for k in RIGHTS if k not in SELF_SERVICE}, f"rights of {was['username']} changed"
            elif name in ("org_unit", "user_account") or _owner(was) not in mine:
                assert now == was, f"{name} {rid} outside the village changed"
            else:
                assert _owner(now) in mine, f"{name} {rid} moved out of the village"
        added = set(after[name]) - set(before[name])
        assert name not in ("org_unit", "user_account") or not added, f"new {name} from a village"
        for rid in added:
            row = after[name][rid]
            assert _owner(row) in mine, f"new {name} {rid} owned outside the village"
            case = row.get("case_id")
            if case is not None:
                assert _owner(after["case_file"][case]) in mine, f"new {name} {rid} hung on another unit's case"
    # Nobody's rights grew: same accounts, same roles and units, same state.
    rights = {rid: tuple(u[k] for k in ("username", "role", "owner_unit_id", "active", "deleted_at"))
              for rid, u in after["user_account"].items()}
    assert rights == {rid: tuple(u[k] for k in ("username", "role", "owner_unit_id", "active", "deleted_at"))
                      for rid, u in before["user_account"].items()}


def test_the_template_gives_the_village_foreign_rows_to_attack(template: Path, tmp_path: Path) -> None:
    """The property is only worth something if the village holds other units' rows and accounts to write."""
    village = open_store(copy_store(template / "village", tmp_path / "v"), Unlock(passphrase=PASSPHRASE),
                         vault=NoKeyringVault())
    try:
        with village.uow() as uow:
            names = set(uow.s.execute(select(UserAccount.username)).scalars())
            owners = set(uow.s.execute(select(table("case_file").c.owner_unit_id)).scalars())
        assert {"cun", "sup", "jie"} <= names and len(owners) == 3
    finally:
        village.close()
