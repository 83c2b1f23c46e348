"""A hostile village station, holding its own database key, writes straight into its store with the ORM and
exports an ordinary signed bundle. The district (and the town, when the bundle goes there) must refuse it
whole: a message naming the first offending record, an audit entry, and nothing else written.

The four attacks of issue 13: (a) move another town's village under itself, (b) raise its own mediator to a
district supervisor, (c) add a district supervisor with a password it knows, (d) plant a case in another
village. One goes through `fulian sync export/import` at the command line.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from sqlalchemy import select

from fulian_desktop.cli.main import main
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.errors import BadCredentials
from fulian_desktop.security.passwords import hash_password
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import cases
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.base import new_id
from fulian_desktop.store.models import AuditEntry, Case, OrgUnit, UserAccount
from fulian_desktop.store.store import Store, Unlock, open_store
from fulian_desktop.sync.authority import SenderOverreach, covered_references
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from fulian_desktop.sync.identity import add_peer, my_card
from fulian_desktop.sync.rows import ordered_tables, table
from tests.support.stores import (
    PASSPHRASE, TOWN_A, TOWN_B, VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, NoKeyringVault, add_user, first_login, on_postgres,
)
from tests.support.sync_stations import Stations, deliver, dump, fingerprint, make_stations, without_audit

KNOWN_PASSWORD = "Evil-Known-999"


@pytest.fixture
def stations(tmp_path):  # noqa: ANN001, ANN201
    st = make_stations(tmp_path)
    add_user(st.district, "cun", Role.MEDIATOR, st.unit(VILLAGE_A1), display_name="郭亮调解员")
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    deliver(st.district, st.town, st.unit(TOWN_A))
    first_login(st.village, "cun")           # her password change travels up: allowed
    assert deliver(st.village, st.district, st.org.district).applied
    yield st
    st.close()


def link_town_and_village(st: Stations) -> None:
    """The village also sends to its town (a station may register several peers)."""
    with st.town.uow() as uow:
        town_card = my_card(uow)
    with st.village.uow() as uow:
        village_card = my_card(uow)
    with st.town.uow(write=True) as uow:
        add_peer(uow, system_actor(st.town), village_card)
    with st.village.uow(write=True) as uow:
        add_peer(uow, system_actor(st.village), town_card)


# --- the attacks: plain ORM writes at the village, with its own key ------------------------------------

def move_other_village(st: Stations, _above: str) -> tuple[str, str]:
    with st.village.uow(write=True) as uow:
        other = uow.s.get(OrgUnit, st.unit(VILLAGE_B1))
        other.parent_id = st.unit(VILLAGE_A1)
    return "org_unit", st.unit(VILLAGE_B1)


def raise_own_mediator(st: Stations, above: str) -> tuple[str, str]:
    with st.village.uow(write=True) as uow:
        user = uow.s.execute(select(UserAccount).where(UserAccount.username == "cun")).scalar_one()
        user.role, user.owner_unit_id = Role.SUPERVISOR.value, above
        return "user_account", user.id


def add_district_supervisor(st: Stations, above: str) -> tuple[str, str]:
    with st.village.uow(write=True) as uow:
        user = UserAccount(id=new_id(), username="evil", display_name="区督导（假）", role=Role.SUPERVISOR.value,
                           password_hash=hash_password(KNOWN_PASSWORD), must_change_password=False,
                           owner_unit_id=above)
        uow.s.add(user)
        return "user_account", user.id


def plant_case_elsewhere(st: Stations, _above: str) -> tuple[str, str]:
    with st.village.uow(write=True) as uow:
        case = Case(id=new_id(), case_no="（2026）新信字第999号", case_year=2026, case_seq=999, kind="petition",
                    title="伪造的案件", tier="village", status="registered", owner_unit_id=st.unit(VILLAGE_A2))
        uow.s.add(case)
        return "case_file", case.id


# Each takes the unit to raise rights to: the district, or (for the town's tests) the town, since an honest
# exporter sends the town only what lies in the town's own subtree.
ATTACKS: dict[str, Callable[[Stations, str], tuple[str, str]]] = {
    "a_move_other_towns_village": move_other_village,
    "b_raise_own_mediator": raise_own_mediator,
    "c_add_district_supervisor": add_district_supervisor,
    "d_plant_case_in_other_village": plant_case_elsewhere,
}



def _refusals(store: Store) -> list[dict]:
    """The details of the refusals recorded in the store's own audit log."""
    with store.uow() as uow:
        return [e.detail for e in uow.s.execute(select(AuditEntry).where(AuditEntry.action == "sync_refused")).scalars()]


def assert_refused(receiver: Store, data: bytes, name: str, rid: str) -> None:
    before = fingerprint(receiver)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(receiver, system_actor(receiver), data)
    message = str(refused.value)
    assert "已整体拒绝导入" in message and "郭亮村" in message and name in message and rid in message
    assert without_audit(fingerprint(receiver)) == without_audit(before)       # nothing else written
    (entry,) = _refusals(receiver)
    assert entry["table"] == name and entry["record_id"] == rid and entry["from"] == VILLAGE_A1


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_village_cannot_take_over_the_district(stations: Stations, attack: str) -> None:
    st = stations
    name, rid = ATTACKS[attack](st, st.org.district)
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    assert_refused(st.district, data, name, rid)
    # Refused again, whole, however often it is sent; the village's honest work waits with it.
    again, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    with pytest.raises(SenderOverreach):
        import_bundle(st.district, system_actor(st.district), again)


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_village_cannot_take_over_its_town(stations: Stations, attack: str) -> None:
    st = stations
    link_town_and_village(st)
    name, rid = ATTACKS[attack](st, st.unit(TOWN_A))
    data, _ = export_bundle(st.village, system_actor(st.village), st.unit(TOWN_A))
    assert_refused(st.town, data, name, rid)


def test_a_village_cannot_make_its_mediator_a_supervisor_of_its_own_village(stations: Stations) -> None:
    st = stations
    name, rid = raise_own_mediator(st, st.unit(VILLAGE_A1))
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    assert_refused(st.district, data, name, rid)


def test_the_attacks_leave_rights_where_they_were(stations: Stations) -> None:
    """All four at once: the first offending record is named, and none of them takes hold."""
    st = stations
    for attack in ATTACKS.values():
        attack(st, st.org.district)
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    with pytest.raises(SenderOverreach, match="org_unit"):
        import_bundle(st.district, system_actor(st.district), data)
    with pytest.raises(BadCredentials):
        auth.login(st.district, "evil", KNOWN_PASSWORD)
    with st.district.uow() as uow:
        cun = uow.s.execute(select(UserAccount).where(UserAccount.username == "cun")).scalar_one()
        assert (cun.role, cun.owner_unit_id) == (Role.MEDIATOR.value, st.unit(VILLAGE_A1))
        assert uow.s.get(OrgUnit, st.unit(VILLAGE_B1)).parent_id == st.unit(TOWN_B)
        assert uow.s.execute(select(Case).where(Case.title == "伪造的案件")).first() is None


def test_honest_work_still_travels_up_and_down(stations: Stations) -> None:
    st = stations
    cun = auth.login(st.village, "cun", "Own-Secret-456")
    with st.village.uow(write=True) as uow:
        case = cases.create_case(uow, cun, cases.NewCase(title="郭亮村的案件", kind=CaseKind.PETITION)).row.id
    assert deliver(st.village, st.district, st.org.district).applied
    assert deliver(st.district, st.town, st.unit(TOWN_A)).applied
    assert dump(st.town, ("case_file",))["case_file"][case]["title"] == "郭亮村的案件"
    assert _refusals(st.district) == []


# --- through the command line ------------------------------------------------------------------------

@pytest.mark.skipif(on_postgres(), reason="the CLI opens SQLCipher data folders here")
def test_the_command_line_refuses_a_planted_supervisor(tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    st = make_stations(tmp_path)
    try:
        _, rid = add_district_supervisor(st, st.org.district)
    finally:
        st.close()
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("fulian_desktop.cli.store_cmds.KeyringVault", NoKeyringVault)
    monkeypatch.setattr("fulian_desktop.cli.sync_cmds.KeyringVault", NoKeyringVault)
    bundle = str(tmp_path / "up.fsync")
    assert main(["--data-dir", str(tmp_path / "village"), "sync", "export", "--to", bundle, "--for", "望城区"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "district"), "sync", "import", bundle]) == 1
    err = capsys.readouterr().err
    assert "已整体拒绝导入" in err and "user_account" in err and rid in err and "不能新增账号" in err
    assert main(["--data-dir", str(tmp_path / "district"), "user", "list"]) == 0
    assert "evil" not in capsys.readouterr().out
    with open_store(tmp_path / "district", Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as district:
        (entry,) = _refusals(district)
        assert entry["record_id"] == rid


def test_every_reference_of_every_synced_table_is_checked() -> None:
    """A new foreign key on a synced table must get a rule in sync/authority.py before it can travel."""
    covered = covered_references()
    missing = {f"{name}.{fk.parent.name}" for name in ordered_tables() for fk in table(name).foreign_keys
               if fk.parent.name not in covered[name]}
    assert missing == set()


def test_what_a_village_relays_unchanged_is_not_a_change(stations: Stations) -> None:
    """The village's first bundle to its town carries everything it was given at joining (org tree, accounts,
    the district's records of its scope): identical copies, taken without complaint."""
    st = stations
    link_town_and_village(st)
    result = deliver(st.village, st.town, st.unit(TOWN_A))
    assert result.applied and result.conflicts == 0
    assert _refusals(st.town) == []
