"""Bad input that reaches the store: intake JSON files, settings, free text in every field that goes into SQL,
search-box queries. Whatever comes in, the service stores it exactly or refuses it with a FulianError whose
message is Chinese, and a refusal leaves every table's row count as it was (the audit log included)."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import FulianError
from fulian_desktop.domain.text import bad_characters
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.cases import case_queries, cases, persons, search
from fulian_desktop.services.counselling import counselling
from fulian_desktop.services.intake import intake
from fulian_desktop.services.accounts import settings as app_settings
from fulian_desktop.services.intake.intake_json import intake_from_json
from fulian_desktop.store.models import Case, IntakeRecord, Person
from tests.reliability.rel_support import assert_sound, row_counts
from tests.support.stores import ADMIN_PASSWORD, VILLAGE_A1, VILLAGE_B1, add_user, build_org, first_login, new_store

EXAMPLES = 60  # per test; the figures in docs/guarantees.md
SOME = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
NASTY = ["' OR '1'='1", "'); DROP TABLE case_file; --", "\"; DELETE FROM person; --", "1 OR 1=1",
         "%' UNION SELECT value FROM app_setting --", "NEAR(\"张\" \"三\")", "title:*", "\"\"\"", "* OR 1",
         "=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\x00\x01\x1b[31m", "\u202e\u200b\ufeff",
         "Robert'); --", "张三\n\r\t李四", "𠀀𪚥𡃁", "\\x27", "%", "_", "\x7f"]
text_in = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80) | st.sampled_from(NASTY)
big_text = st.integers(1, 30_000).map(lambda n: ("案" * n))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    store = new_store(tmp_path_factory.mktemp("fuzz") / "data").store
    org = build_org(store)
    add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1])
    add_user(store, "cou", Role.COUNSELLOR, org.units[VILLAGE_A1])
    add_user(store, "med_b", Role.MEDIATOR, org.units[VILLAGE_B1])
    add_user(store, "sup", Role.SUPERVISOR, org.district)
    actors = {n: first_login(store, n) for n in ("rec", "cou", "med_b", "sup")}
    actors["admin"] = first_login(store, "admin", password=ADMIN_PASSWORD)
    with store.uow(write=True) as uow:
        other = cases.create_case(uow, actors["med_b"], cases.NewCase(title="乙村的案件 张三", kind=CaseKind.MEDIATION))
        cases.add_party(uow, actors["med_b"], other.row.id, PersonInput(name="张三", phone="13900000003"),
                        PartyRole.APPLICANT)
        own = cases.create_case(uow, actors["cou"], cases.NewCase(title="本村案件", kind=CaseKind.MEDIATION))
    yield store, org, actors, other.row.id, own.row.id
    assert_sound(store)
    store.close()


def _refused_cleanly(store, before: dict[str, int], exc: FulianError) -> None:  # noqa: ANN001
    assert exc.message.strip() and _CHINESE.search(exc.message), exc.message
    assert row_counts(store) == before, "a refused save left rows behind"


# --- intake JSON files (fulian intake add FILE.json) ------------------------------------------------------

json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | text_in,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text_in, inner, max_size=3),
                          max_leaves=6)
intake_json = st.fixed_dictionaries(
    {"name": text_in, "request": text_in},
    optional={"channel": st.sampled_from(["来访", "visit", "来电", "letter", "网上", "x", ""]) | json_value,
              "decision": st.sampled_from(["受理", "accept", "consultation", "answered", "transfer", "?"]) | json_value,
              "phone": text_in, "id_number": text_in, "address": text_in | big_text, "facts": text_in | big_text,
              "received_at": st.sampled_from(["2026-03-02 09:30", "2026-03-02", "昨天", "2026-02-30",
                                              "9999-12-31T23:59:59+14:00", "0001-01-01"]) | json_value,
              "birth_date": text_in | json_value, "age": json_value, "people_count": json_value,
              "representatives": json_value, "is_group": json_value, "sex": json_value,
              "category": st.sampled_from(["婚姻家庭", "家庭暴力"]) | text_in, "unit_id": text_in,
              "person_id": text_in, "join_case_id": text_in, "zzz_unknown": json_value}) | json_value


@SOME
@given(intake_json)
def test_an_intake_json_file_is_registered_exactly_or_refused_without_a_trace(world, data) -> None:  # noqa: ANN001
    store, _org, actors, _other, _own = world
    before = row_counts(store)
    try:
        parsed = intake_from_json(data)
        with store.uow(write=True) as uow:
            view = intake.register_contact(uow, actors["rec"], parsed)
    except FulianError as exc:
        _refused_cleanly(store, before, exc)
        return
    after = row_counts(store)
    assert after["intake_record"] == before["intake_record"] + 1
    with store.uow() as uow:
        record = uow.s.get(IntakeRecord, view.id)
        assert record.request == parsed.request.strip() or record.request == parsed.request


# --- settings -----------------------------------------------------------------------------------------------

@SOME
@given(st.sampled_from(sorted(app_settings.KNOWN) + ["no_such_key", "'; DROP TABLE app_setting; --"]),
       st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | text_in | big_text
       | st.lists(st.integers(), max_size=2))
def test_a_setting_is_stored_as_its_type_or_refused(world, key: str, value) -> None:  # noqa: ANN001
    store, _org, actors, _other, _own = world
    before = row_counts(store)
    try:
        with store.uow(write=True) as uow:
            app_settings.put(uow, actors["admin"], key, value)
    except FulianError as exc:
        _refused_cleanly(store, before, exc)
        return
    with store.uow() as uow:
        stored = app_settings.get(uow, key)
    assert type(stored) is app_settings.KNOWN[key][1]
    assert stored == (value.strip() if isinstance(value, str) and isinstance(stored, str) else stored)
    assert not isinstance(value, bool) and value is not None


@pytest.mark.parametrize("key, value", [
    ("idle_lock_minutes", float("inf")), ("idle_lock_minutes", float("nan")), ("idle_lock_minutes", True),
    ("idle_lock_minutes", None), ("idle_lock_minutes", 5.5), ("idle_lock_minutes", [5]),
    ("unit_display_name", None), ("unit_display_name", 12), ("unit_display_name", "望城区妇联" * 30),
    ("unit_display_name", "望城区\x00妇联"), ("unit_display_name", "望城区\n妇联")])
def test_settings_refuse_values_that_only_look_like_their_type(world, key: str, value) -> None:  # noqa: ANN001
    """Found by the property test above: infinity crashed with OverflowError, None became the text 'None',
    True became 1 minute, and a 100,000-character 落款 was accepted."""
    store, _org, actors, _other, _own = world
    before = row_counts(store)
    with pytest.raises(FulianError) as info, store.uow(write=True) as uow:
        app_settings.put(uow, actors["admin"], key, value)
    _refused_cleanly(store, before, info.value)


# --- free text in the fields that reach SQL -----------------------------------------------------------------

@SOME
@given(title=text_in | big_text, summary=st.none() | text_in | big_text, name=text_in, address=st.none() | text_in,
       phone=st.none() | text_in, id_number=st.none() | text_in)
def test_case_and_party_text_is_stored_exactly_or_refused(world, title, summary, name, address, phone,  # noqa: ANN001
                                                          id_number) -> None:
    store, _org, actors, _other, _own = world
    before = row_counts(store)
    try:
        with store.uow(write=True) as uow:
            detail = cases.create_case(uow, actors["rec"], cases.NewCase(title=title, kind=CaseKind.MEDIATION,
                                                                         summary=summary))
            party = cases.add_party(uow, actors["rec"], detail.row.id,
                                    PersonInput(name=name, address=address, phone=phone, id_number=id_number),
                                    PartyRole.APPLICANT)
    except FulianError as exc:
        _refused_cleanly(store, before, exc)
        return
    with store.uow() as uow:
        case = uow.s.execute(select(Case.title, Case.summary).where(Case.id == detail.row.id)).one()
        person = uow.s.execute(select(Person.name, Person.address).where(Person.id == party.person_id)).one()
    assert case.title == title.strip() and case.summary == summary
    assert person.name == name.strip() and (person.address or None) == ((address or "").strip() or None)


@SOME
@given(notes=text_in | big_text)
def test_counselling_notes_are_stored_exactly_or_refused(world, notes: str) -> None:  # noqa: ANN001
    store, _org, actors, _other, own = world
    before = row_counts(store)
    held = clock.now_utc() - timedelta(hours=1)
    try:
        with store.uow(write=True) as uow:
            view = counselling.add_session(uow, actors["cou"], own, held, "phone", notes)
    except FulianError as exc:
        _refused_cleanly(store, before, exc)
        assert not notes.strip() or len(notes.strip()) > counselling.MAX_NOTES or bad_characters(notes, multiline=True)
        return
    assert view.notes == notes.strip()


@SOME
@given(text_in | st.sampled_from(["张三", "乙村", "zs", "zhangsan", "13900000003", "（2026）望", "%", "张*",
                                  '"张三" OR "李四"', "张 NEAR 三", "title:张三", "{title}:张三"]))
def test_a_search_query_never_errors_and_never_reaches_another_village(world, query: str) -> None:  # noqa: ANN001
    store, _org, actors, other, _own = world
    village = actors["rec"]  # 郭亮村: must never see 乙村's case, whatever is typed
    with store.uow() as uow:
        found = (case_queries.quick_search(uow, village, query) + search.free_text(uow, village, query)
                 + case_queries.find_by_name(uow, village, query) + case_queries.find_by_phone(uow, village, query))
        people = persons.search_people(uow, village, query)
        everything = case_queries.quick_search(uow, actors["sup"], query) + search.free_text(uow, actors["sup"], query)
    assert other not in {r.id for r in found}
    assert all(village.in_scope(p.unit_id) and all(c.case_id != other for c in p.cases) for p in people)
    assert all(r.id for r in everything)


def test_case_search_still_finds_what_it_should(world) -> None:  # noqa: ANN001
    """The fuzzing above must not pass by finding nothing at all."""
    store, _org, actors, other, _own = world
    with store.uow() as uow:
        assert other in {r.id for r in case_queries.quick_search(uow, actors["sup"], "张三")}
        assert other in {r.id for r in search.free_text(uow, actors["sup"], "乙村")}
        assert other in {r.id for r in case_queries.quick_search(uow, actors["med_b"], "13900000003")}


def test_the_fields_reach_sql_only_as_bound_parameters(world) -> None:  # noqa: ANN001
    """A title that is an SQL statement is just a title: stored, found and shown as typed."""
    store, _org, actors, _other, _own = world
    title = "'); DROP TABLE case_file; --"
    with store.uow(write=True) as uow:
        detail = cases.create_case(uow, actors["rec"], cases.NewCase(title=title, kind=CaseKind.MEDIATION))
    with store.uow(write=True) as uow:
        assert cases.get_case(uow, actors["rec"], detail.row.id).row.title == title
    assert row_counts(store)["case_file"] >= 3

