"""Who sees which case: a village its own, a town its villages, the district everything.

Checked in the core services on a real store, with users who logged in and changed their
first password as the application makes them.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import PasswordChangeRequired, PermissionDenied
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.accounts import auth, orgunits, users
from fulian_desktop.services.cases import case_queries, cases
from fulian_desktop.services.cases.case_queries import CaseFilter
from fulian_desktop.store.models import Case
from fulian_desktop.store.store import Store
from tests.support.stores import (
    ADMIN_PASSWORD, DISTRICT, NEW_PASSWORD, TEMP_PASSWORD, TOWN_A, TOWN_B, VILLAGE_A1, VILLAGE_A2, VILLAGE_B1,
    VILLAGE_B2, add_user, build_org, first_login, new_store,
)


@dataclass(frozen=True)
class CaseRef:
    id: str
    case_no: str
    phone: str
    name: str


@dataclass
class World:
    store: Store
    units: dict[str, str]
    actors: dict[str, Actor]
    cases: dict[str, CaseRef]  # unit name -> its case


PEOPLE = {  # unit -> (name, phone)
    VILLAGE_A1: ("李桂兰", "13900000001"),
    VILLAGE_A2: ("王淑芬", "13900000002"),
    VILLAGE_B1: ("赵春梅", "13900000003"),
    VILLAGE_B2: ("孙玉珍", "13900000004"),
    TOWN_A: ("周秀云", "13900000005"),
    TOWN_B: ("吴美华", "13900000006"),
    DISTRICT: ("郑丽娟", "13900000007"),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    created = new_store(tmp_path_factory.mktemp("access") / "data")
    store = created.store
    org = build_org(store)
    u = org.units
    add_user(store, "med_a1", Role.MEDIATOR, u[VILLAGE_A1], display_name="甲一调解员")
    add_user(store, "med_b1", Role.MEDIATOR, u[VILLAGE_B1], display_name="乙一调解员")
    add_user(store, "med_town_a", Role.MEDIATOR, u[TOWN_A], display_name="街道调解员")
    add_user(store, "sup_district", Role.SUPERVISOR, u[DISTRICT], display_name="区督导")
    actors = {name: first_login(store, name) for name in ("med_a1", "med_b1", "med_town_a", "sup_district")}
    actors["admin"] = first_login(store, "admin", password=ADMIN_PASSWORD)

    refs: dict[str, CaseRef] = {}
    district = actors["sup_district"]
    for unit_name, (person, phone) in PEOPLE.items():
        with store.uow(write=True) as uow:
            detail = cases.create_case(uow, district, cases.NewCase(title=f"{unit_name}家庭纠纷",
                                                                    kind=CaseKind.MEDIATION, unit_id=u[unit_name]))
            cases.add_party(uow, district, detail.row.id, PersonInput(name=person, phone=phone),
                            PartyRole.APPLICANT)
        refs[unit_name] = CaseRef(detail.row.id, detail.row.case_no, phone, person)
    yield World(store, u, actors, refs)
    store.close()


def _visible(world: World, actor: Actor) -> set[str]:
    """Which of the fixture's cases the actor's case list holds (tests may add cases of their own)."""
    with world.store.uow() as uow:
        listed = set(case_queries.list_case_ids(uow, actor))
    return listed & {ref.id for ref in world.cases.values()}


def _ids(world: World, *unit_names: str) -> set[str]:
    return {world.cases[n].id for n in unit_names}


def _version(world: World, case_id: str) -> int:
    with world.store.uow() as uow:
        return uow.s.get(Case, case_id).version


def _searches(world: World, actor: Actor, ref: CaseRef) -> dict[str, list[str]]:
    with world.store.uow() as uow:
        return {
            "quick: case number": [r.id for r in case_queries.quick_search(uow, actor, ref.case_no)],
            "quick: half-width case number": [r.id for r in case_queries.quick_search(
                uow, actor, ref.case_no.replace("（", "(").replace("）", ")"))],
            "quick: phone": [r.id for r in case_queries.quick_search(uow, actor, ref.phone)],
            "quick: name": [r.id for r in case_queries.quick_search(uow, actor, ref.name)],
            "find_by_phone": [r.id for r in case_queries.find_by_phone(uow, actor, ref.phone)],
            "find_by_name": [r.id for r in case_queries.find_by_name(uow, actor, ref.name)],
            "rows by id": [r.id for r in case_queries.fetch_case_rows(uow, actor, [ref.id])],
        }


def _assert_hidden(world: World, actor: Actor, unit_name: str) -> None:
    ref = world.cases[unit_name]
    for how, found in _searches(world, actor, ref).items():
        assert found == [], f"{actor.username} found {unit_name}'s case via {how}"
    version = _version(world, ref.id)
    with pytest.raises(PermissionDenied) as info, world.store.uow(write=True) as uow:
        cases.get_case(uow, actor, ref.id)
    assert ref.case_no not in info.value.message
    with pytest.raises(PermissionDenied), world.store.uow(write=True) as uow:
        cases.update_case(uow, actor, ref.id, version, {"title": "越权修改"})
    with pytest.raises(PermissionDenied), world.store.uow(write=True) as uow:
        cases.add_party(uow, actor, ref.id, PersonInput(name="越权添加"), PartyRole.WITNESS)
    with world.store.uow(write=True) as uow:
        detail = cases.get_case(uow, world.actors["sup_district"], ref.id)
    assert detail.row.title == f"{unit_name}家庭纠纷"
    assert [p.name for p in detail.parties] == [ref.name]
    assert detail.version == version


def _assert_usable(world: World, actor: Actor, unit_name: str) -> None:
    ref = world.cases[unit_name]
    for how, found in _searches(world, actor, ref).items():
        assert found == [ref.id], f"{actor.username} did not find {unit_name}'s case via {how}"
    with world.store.uow(write=True) as uow:
        detail = cases.get_case(uow, actor, ref.id)
        assert [p.phone for p in detail.parties] == [ref.phone]


def test_village_user_sees_only_its_own_village(world: World) -> None:
    a1 = world.actors["med_a1"]
    assert _visible(world, a1) == _ids(world, VILLAGE_A1)
    _assert_usable(world, a1, VILLAGE_A1)
    for other in (VILLAGE_A2, VILLAGE_B1, VILLAGE_B2, TOWN_A, TOWN_B, DISTRICT):
        _assert_hidden(world, a1, other)
    b1 = world.actors["med_b1"]
    assert _visible(world, b1) == _ids(world, VILLAGE_B1)
    _assert_hidden(world, b1, VILLAGE_A1)


def test_village_user_cannot_file_a_case_for_another_village(world: World) -> None:
    a1 = world.actors["med_a1"]
    with pytest.raises(PermissionDenied), world.store.uow(write=True) as uow:
        cases.create_case(uow, a1, cases.NewCase(title="越权登记", kind=CaseKind.MEDIATION,
                                                 unit_id=world.units[VILLAGE_B1]))
    assert _visible(world, world.actors["med_b1"]) == _ids(world, VILLAGE_B1)


def test_village_user_can_work_on_its_own_case(world: World) -> None:
    a1 = world.actors["med_a1"]
    ref = world.cases[VILLAGE_A1]
    with world.store.uow(write=True) as uow:
        detail = cases.update_case(uow, a1, ref.id, _version(world, ref.id), {"summary": "已电话联系双方"})
    assert detail.summary == "已电话联系双方"


def test_town_user_sees_its_villages_but_not_the_other_town(world: World) -> None:
    town = world.actors["med_town_a"]
    assert _visible(world, town) == _ids(world, TOWN_A, VILLAGE_A1, VILLAGE_A2)
    for mine in (TOWN_A, VILLAGE_A1, VILLAGE_A2):
        _assert_usable(world, town, mine)
    for other in (TOWN_B, VILLAGE_B1, VILLAGE_B2, DISTRICT):
        _assert_hidden(world, town, other)
    with world.store.uow() as uow:
        ids = case_queries.list_case_ids(uow, town, CaseFilter(unit_ids=frozenset({world.units[VILLAGE_B1]})))
    assert ids == [], "a filter naming another town's village must not widen the scope"


def test_district_sees_everything(world: World) -> None:
    sup = world.actors["sup_district"]
    assert _visible(world, sup) == {ref.id for ref in world.cases.values()}
    for unit_name in PEOPLE:
        _assert_usable(world, sup, unit_name)


def test_system_administrator_cannot_edit_cases(world: World) -> None:
    admin = world.actors["admin"]
    ref = world.cases[VILLAGE_A1]
    version = _version(world, ref.id)
    with pytest.raises(PermissionDenied) as info, world.store.uow(write=True) as uow:
        cases.update_case(uow, admin, ref.id, version, {"title": "管理员修改"})
    assert info.value.code == "no_permission"
    with pytest.raises(PermissionDenied), world.store.uow(write=True) as uow:
        cases.add_party(uow, admin, ref.id, PersonInput(name="管理员添加"), PartyRole.WITNESS)
    with pytest.raises(PermissionDenied), world.store.uow(write=True) as uow:
        cases.create_case(uow, admin, cases.NewCase(title="管理员登记", kind=CaseKind.MEDIATION))
    assert _version(world, ref.id) == version
    # It runs the installation (accounts, org tree, settings) but reads no case content, not even the list.
    with pytest.raises(PermissionDenied), world.store.uow() as uow:
        case_queries.list_case_ids(uow, admin)
    with pytest.raises(PermissionDenied), world.store.uow(write=True) as uow:
        cases.get_case(uow, admin, ref.id)
    with world.store.uow() as uow:
        assert {u.username for u in users.list_users(uow, admin)} >= {"admin"}


def test_a_user_who_must_change_the_password_gets_nothing_else(world: World) -> None:
    store = world.store
    add_user(store, "med_new", Role.MEDIATOR, world.units[VILLAGE_A1], display_name="新调解员")
    fresh = auth.login(store, "med_new", TEMP_PASSWORD)
    assert fresh.must_change_password
    ref = world.cases[VILLAGE_A1]
    calls = {
        "list_case_ids": lambda uow: case_queries.list_case_ids(uow, fresh),
        "count_cases": lambda uow: case_queries.count_cases(uow, fresh),
        "quick_search": lambda uow: case_queries.quick_search(uow, fresh, ref.case_no),
        "find_by_phone": lambda uow: case_queries.find_by_phone(uow, fresh, ref.phone),
        "find_by_name": lambda uow: case_queries.find_by_name(uow, fresh, ref.name),
        "get_case": lambda uow: cases.get_case(uow, fresh, ref.id),
        "create_case": lambda uow: cases.create_case(uow, fresh, cases.NewCase(title="x", kind=CaseKind.PETITION)),
        "update_case": lambda uow: cases.update_case(uow, fresh, ref.id, 1, {"summary": "x"}),
        "add_party": lambda uow: cases.add_party(uow, fresh, ref.id, PersonInput(name="某某"), PartyRole.WITNESS),
        "list_users": lambda uow: users.list_users(uow, fresh),
    }
    for name, call in calls.items():
        with pytest.raises(PasswordChangeRequired), store.uow(write=True) as uow:
            call(uow)
            pytest.fail(f"{name} ran for a user who must change the password")
    # An administrator whose password was reset is held back too.
    with store.uow(write=True) as uow:
        users.reset_password(uow, auth.system_actor(store), "admin", "Admin-Reset-9")
    admin = auth.login(store, "admin", "Admin-Reset-9")
    assert admin.must_change_password
    with pytest.raises(PasswordChangeRequired), store.uow(write=True) as uow:
        users.add_user(uow, admin, username="sneaky", display_name="x", role=Role.SYSTEM_ADMIN,
                       unit_id=world.units[DISTRICT], password="Sneaky-Pass-1")
    with pytest.raises(PasswordChangeRequired), store.uow(write=True) as uow:
        orgunits.create_unit(uow, admin, name="新村", tier=orgunits.Tier.VILLAGE, parent_id=world.units[TOWN_A])
    # Once changed, work is allowed.
    ready = first_login(store, "med_new", new_password=NEW_PASSWORD + "x")
    assert _visible(world, ready) == _ids(world, VILLAGE_A1)


def test_village_user_cannot_pull_another_villages_person_into_its_case(world: World) -> None:
    """Attaching an existing person by id must not become a way to read another village's people."""
    store = world.store
    a1 = world.actors["med_a1"]
    with store.uow(write=True) as uow:
        other = cases.get_case(uow, world.actors["sup_district"], world.cases[VILLAGE_B1].id).parties[0]
    with store.uow(write=True) as uow:
        own = cases.create_case(uow, a1, cases.NewCase(title="本村案件", kind=CaseKind.MEDIATION))
    with pytest.raises(PermissionDenied), store.uow(write=True) as uow:
        cases.add_party(uow, a1, own.row.id, PersonInput(name="随便"), PartyRole.RESPONDENT,
                        person_id=other.person_id)
    with store.uow(write=True) as uow:
        detail = cases.get_case(uow, a1, own.row.id)
    assert detail.parties == ()


def test_station_admin_cannot_take_over_higher_accounts(tmp_path) -> None:  # noqa: ANN001
    from fulian_desktop.domain.enums import Role as R
    from fulian_desktop.domain.errors import PermissionDenied as Denied
    from fulian_desktop.services.accounts import users as user_service
    from tests.support.stores import add_user, build_org, first_login, new_store

    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "zhanguan", R.STATION_ADMIN, org.district)
    add_user(store, "dudao", R.SUPERVISOR, org.district)
    station_admin = first_login(store, "zhanguan")
    for action in (lambda u: user_service.reset_password(u, station_admin, "admin", "Taken-Over-1"),
                   lambda u: user_service.reset_password(u, station_admin, "dudao", "Taken-Over-1"),
                   lambda u: user_service.set_active(u, station_admin, "admin", False),
                   lambda u: user_service.add_user(u, station_admin, username="boss", display_name="假督导",
                                                   role=R.SUPERVISOR, unit_id=org.district,
                                                   password="Temp-Pass-123")):
        with pytest.raises(Denied):
            with store.uow(write=True) as uow:
                action(uow)
    with store.uow(write=True) as uow:  # its own caseworkers it does manage
        user_service.add_user(uow, station_admin, username="jiedai", display_name="接待员", role=R.RECEPTION,
                              unit_id=org.district, password="Temp-Pass-123")
    store.close()


@pytest.mark.parametrize("workers", [1, 2], ids=["in this process", "pooled"])
def test_a_batch_print_names_no_case_out_of_scope(world: World, tmp_path, monkeypatch, workers: int) -> None:  # noqa: ANN001
    """A village printing a list of ids that holds another village's case gets its own papers and a refusal
    that does not carry the other case's number."""
    from fulian_desktop.documents import batch_pool
    from fulian_desktop.documents.api import DocumentKind, render_batch

    monkeypatch.setattr(batch_pool, "pool_size", lambda total, requested: workers)
    own, other = world.cases[VILLAGE_A1], world.cases[VILLAGE_B1]
    result = render_batch(lambda: world.store.uow(write=True), world.actors["med_a1"], [own.id, other.id],
                          DocumentKind.CASE_FILE, tmp_path / f"out{workers}")
    assert len(result.files) == 1
    (failure,) = result.failures
    assert failure.case_id == other.id and failure.case_no == ""
    assert other.case_no not in failure.message
