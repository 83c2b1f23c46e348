"""Demo data: realistic, reproducible, consistent — and stoppable without leaving half cases."""
from __future__ import annotations

import random
import re
import uuid
from collections import Counter, defaultdict
from datetime import date, timezone
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import func, select
from stdnum.cn import ric as stdnum_ric

from fulian_demo import DemoSummary, generate_demo
from fulian_demo import generate as demo_generate
from fulian_demo.cases import DEMO_NOW, id_maker
from fulian_demo.dice import Dice
from fulian_demo.names import SURNAMES, NameMaker, all_given_names
from fulian_demo.people import IdNumbers
from fulian_demo.places import AREA_CODES
from fulian_demo.work_tables import WORK_TABLES
from fulian_demo.writer import Writer
from fulian_desktop.domain.enums import (
    COMPLAINT_CATEGORIES, DISPUTE_TYPES, CaseKind, CaseSource, CaseStatus, PetitionOutcome,
)
from fulian_desktop.domain.idnumber import make_id_number, parse_id_number
from fulian_desktop.domain.phone import parse_phone
from fulian_desktop.domain.pinyin import name_search_keys
from fulian_desktop.services.cases import search
from fulian_desktop.services.accounts.setup import TownSpec, initialise
from fulian_desktop.store.models import (
    Agreement, Case, CaseClock, CaseCounter, CaseEvent, CaseParty, IntakeRecord, MediationSession, OrgUnit, Person,
    ProtectionOrder, Referral, RiskAssessment, SafetyPlan, ScreeningEntry, UserAccount,
)
from fulian_desktop.store.store import Store
from tests.support.stores import new_store

CASES = 2000
SEED = 7
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_CASE_NO = re.compile(r"^（(\d{4})）(.+?)字第(\d+)号$")


def _make(root: Path, cases: int, seed: int, **kw) -> tuple[Store, DemoSummary]:  # noqa: ANN003
    store = new_store(root).store
    return store, generate_demo(store, cases=cases, seed=seed, **kw)


def _all(store: Store, stmt):  # noqa: ANN001, ANN202
    with store.engine.connect() as conn:
        return conn.execute(stmt).all()


def _raw(store: Store, sql: str) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql).all()]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, DemoSummary]]:
    store, summary = _make(tmp_path_factory.mktemp("demo") / "data", CASES, SEED)
    yield store, summary
    store.close()


# --- what was written ------------------------------------------------------------------------------

def test_summary_matches_the_rows(demo: tuple[Store, DemoSummary]) -> None:
    store, summary = demo
    count = lambda model: _all(store, select(func.count()).select_from(model))[0][0]  # noqa: E731
    assert summary.cases == count(Case) == CASES
    assert summary.persons == count(Person) > CASES
    assert summary.units == count(OrgUnit) == 94
    assert summary.users == count(UserAccount) >= 1 + 15 * 2
    assert summary.seconds > 0
    # Demo staff log in with one password, no change forced.
    rows = _all(store, select(UserAccount.username, UserAccount.must_change_password, UserAccount.role))
    assert {"dudao", "admin"} <= {r.username for r in rows}
    assert not any(r.must_change_password for r in rows)
    assert {r.role for r in rows} == {"supervisor", "system_admin", "counsellor", "mediator", "reception"}


def test_org_tree_is_wangcheng_in_three_tiers(demo: tuple[Store, DemoSummary]) -> None:
    store, _ = demo
    units = _all(store, select(OrgUnit.id, OrgUnit.name, OrgUnit.tier, OrgUnit.parent_id, OrgUnit.case_prefix))
    by_id = {u.id: u for u in units}
    tiers = Counter(u.tier for u in units)
    assert tiers["district"] == 1 and tiers["town"] == 15 and tiers["village"] == 94 - 16
    district = next(u for u in units if u.tier == "district")
    assert (district.name, district.case_prefix, district.parent_id) == ("望城区", "望", None)
    towns = [u for u in units if u.tier == "town"]
    assert {"高塘岭街道", "乔口镇", "靖港镇", "铜官街道", "茶亭镇"} <= {t.name for t in towns}
    assert all(t.parent_id == district.id for t in towns)
    for town in towns:
        villages = [u for u in units if u.parent_id == town.id]
        assert 4 <= len(villages) <= 6 and all(v.tier == "village" for v in villages)
    assert len({u.case_prefix for u in units}) == len(units)  # case numbers are unique store-wide
    assert all(by_id[u.parent_id].tier == "town" for u in units if u.tier == "village")


def test_people_have_valid_consistent_identities(demo: tuple[Store, DemoSummary]) -> None:
    store, _ = demo
    people = _all(store, select(Person))
    for p in people:
        info = parse_id_number(p.id_number, today=DEMO_NOW.date())
        assert info.number == p.id_number
        assert info.birth_date == p.birth_date
        assert info.sex == {"male": "男", "female": "女"}[p.sex]
        assert (p.name_pinyin, p.name_initials) == name_search_keys(p.name)
        assert 2 <= len(p.name) <= 4
        # The region code was in use in the birth year (GB/T 2260 as python-stdnum, an outside oracle, has it;
        # the product's own lookup agrees): nobody born before 2011 carries 430112 望城区.
        assert stdnum_ric.is_valid(p.id_number), p.id_number
        assert info.region_note == "" and info.region, (p.id_number, info.region_note)
        assert p.address.startswith("长沙市望城区")
        if (p.created_at.date() - p.birth_date).days >= 18 * 365:  # an adult when first met
            assert p.marital_status in {"single", "married", "divorced", "widowed"}
            # Every adult can be reached: a mobile in a block in use, or the family's fixed line.
            assert parse_phone(p.phone).number == p.phone and (_MOBILE.match(p.phone) or p.phone.startswith("0731-"))
        else:
            assert p.marital_status is None and p.phone is None and p.occupation in ("学生", "学龄前")
        assert p.owner_unit_id and p.version == 1 and p.deleted_at is None and p.created_at.tzinfo
    areas = Counter(p.id_number[:6] for p in people)
    assert areas.most_common(1)[0][0] in ("430112", "430122") and len(areas) > 5
    wangcheng = Counter((p.id_number[:6], p.birth_date.year >= 2011) for p in people
                        if p.id_number[:6] in ("430112", "430122"))
    assert wangcheng[("430122", False)] and wangcheng[("430112", True)]
    assert not wangcheng[("430112", False)] and not wangcheng[("430122", True)]
    assert any(p.sex == "male" for p in people) and any(p.sex == "female" for p in people)


def test_case_numbers_are_gap_free_in_opening_order_and_counters_match(demo: tuple[Store, DemoSummary]) -> None:
    store, _ = demo
    prefixes = dict(_all(store, select(OrgUnit.id, OrgUnit.case_prefix)))
    words = {k.value: k.number_word for k in CaseKind}
    rows = _all(store, select(Case.case_no, Case.owner_unit_id, Case.kind, Case.case_year, Case.case_seq,
                              Case.opened_at))
    assert len({r.case_no for r in rows}) == len(rows)
    groups: dict[tuple[str, str, int], list] = defaultdict(list)
    for r in rows:
        assert r.case_no == f"（{r.case_year}）{prefixes[r.owner_unit_id]}{words[r.kind]}字第{r.case_seq}号"
        assert _CASE_NO.match(r.case_no)
        assert r.opened_at.astimezone(timezone.utc).year in (r.case_year - 1, r.case_year)  # year is Beijing's
        groups[r.owner_unit_id, r.kind, r.case_year].append(r)
    for group in groups.values():
        by_seq = sorted(group, key=lambda r: r.case_seq)
        assert [r.case_seq for r in by_seq] == list(range(1, len(group) + 1))
        assert [r.opened_at for r in by_seq] == sorted(r.opened_at for r in group)
    counters = {(c.owner_unit_id, c.kind, c.year): c.last_seq for c in _all(store, select(CaseCounter))}
    assert counters == {key: len(group) for key, group in groups.items()}
    assert {r.case_year for r in rows} == {2022, 2023, 2024, 2025, 2026}


_WORKFLOW_EVENTS = frozenset({"created", "note", "status_accept", "status_start", "status_request_closure",
                              "status_close", "status_reject", "status_transfer", "status_terminate"})


def test_every_case_is_whole_and_its_timeline_follows_the_workflow(demo: tuple[Store, DemoSummary]) -> None:
    store, _ = demo
    units = {u.id: u for u in _all(store, select(OrgUnit.id, OrgUnit.tier, OrgUnit.parent_id))}
    staff = {u.id: u.owner_unit_id for u in _all(store, select(UserAccount.id, UserAccount.owner_unit_id))}
    parties: dict[str, list] = defaultdict(list)
    for p in _all(store, select(CaseParty.case_id, CaseParty.role, CaseParty.contact_confidential)):
        parties[p.case_id].append(p)
    events: dict[str, list] = defaultdict(list)
    for e in _all(store, select(CaseEvent).order_by(CaseEvent.occurred_at)):
        events[e.case_id].append(e)
    categories = set(COMPLAINT_CATEGORIES)
    for case in _all(store, select(Case)):
        roles = Counter(p.role for p in parties[case.id])
        assert roles["applicant"] == 1 and 2 <= sum(roles.values()) <= 3
        assert roles["respondent"] + roles["other"] == 1
        # The workflow's own steps; the work (sessions, assessments …) is checked in test_demo_work.py.
        # A screening entry's history is copied onto the case before it was opened (as the service does).
        # (A note that a child lives in a violent home is written by the work, not the workflow.)
        timeline = [e for e in events[case.id] if e.kind in _WORKFLOW_EVENTS
                    and (e.data or {}).get("kind") != "minor_in_dv_home"]
        assert 1 <= len(timeline) <= 4
        assert timeline[0].kind == "created" and timeline[0].occurred_at == case.opened_at
        assert all(e.occurred_at <= DEMO_NOW for e in events[case.id])
        assert all(e.occurred_at >= case.opened_at for e in events[case.id] if not e.kind.startswith("screening_"))
        status = "registered"
        for e in timeline[1:]:
            if e.kind.startswith("status_"):
                assert e.data["from"] == status
                status = e.data["to"]
        assert status == case.status
        if case.status == "closed":
            assert timeline[-1].kind == "status_close" and case.closed_at == timeline[-1].occurred_at
        else:
            assert case.closed_at is None
        assert case.updated_at == timeline[-1].occurred_at and case.created_at == case.opened_at
        assert case.tier == units[case.owner_unit_id].tier
        handler_unit = staff[case.handler_id]
        assert handler_unit in (case.owner_unit_id, units[case.owner_unit_id].parent_id)  # own unit or its town
        assert case.category in categories
        assert case.sub_category is None or case.sub_category in COMPLAINT_CATEGORIES[case.category]
        assert (case.dispute_type in DISPUTE_TYPES) if case.kind == "mediation" else case.dispute_type is None
        assert CaseSource(case.source) and CaseStatus(case.status) and case.urgency in ("normal", "urgent", "critical")
        assert case.title and 2 <= case.summary.count("。") <= 5
        if case.domestic_violence:
            assert any(p.contact_confidential for p in parties[case.id])
        if case.major_incident:
            assert case.urgency == "critical"


def test_closed_petitions_carry_the_outcome_their_closure_gave(demo: tuple[Store, DemoSummary]) -> None:
    store, _ = demo
    said = {e.case_id: e.summary for e in _all(store, select(CaseEvent.case_id, CaseEvent.summary)
                                               .where(CaseEvent.kind == "status_request_closure"))}
    opinions = {e.case_id: e.data for e in _all(store, select(CaseEvent.case_id, CaseEvent.data)
                                                .where(CaseEvent.kind == "petition_outcome"))}
    seen = Counter()
    for case in _all(store, select(Case.id, Case.kind, Case.status, Case.petition_outcome)):
        if case.kind != "petition" or case.status != "closed":
            assert case.petition_outcome is None and case.id not in opinions
            continue
        outcome = PetitionOutcome(case.petition_outcome)
        seen[outcome] += 1
        # The closing reason names the opinion letter's outcome, or says the request was met (支持).
        named = "（不予支持）" if outcome is PetitionOutcome.NOT_SUPPORT else f"（{outcome.label}）"
        assert named in said[case.id] or (outcome is PetitionOutcome.SUPPORT and "解决来访人诉求" in said[case.id])
        assert opinions[case.id]["outcome"] == outcome.value and "依据" in opinions[case.id]["basis"]
    assert set(seen) == set(PetitionOutcome)


def test_the_mix_looks_like_a_real_federation(demo: tuple[Store, DemoSummary]) -> None:
    store, _ = demo
    cases = _all(store, select(Case.kind, Case.tier, Case.status, Case.case_year, Case.domestic_violence,
                               Case.involves_minor, Case.major_incident))
    n = len(cases)
    kinds = Counter(c.kind for c in cases)
    assert [k for k, _ in kinds.most_common(2)] == ["mediation", "petition"]
    tiers = Counter(c.tier for c in cases)
    assert tiers["village"] > tiers["town"] > tiers["district"] > 0
    assert 0.05 < sum(c.domestic_violence for c in cases) / n < 0.13
    assert 0.10 < sum(c.involves_minor for c in cases) / n < 0.22
    assert 0 < sum(c.major_incident for c in cases) / n < 0.03
    old = [c.status for c in cases if c.case_year <= 2024]
    assert old.count("closed") / len(old) > 0.8
    recent = {c.status for c in cases if c.case_year == 2026}
    assert {"in_progress", "closed", "transferred"} <= recent and len(recent) >= 6
    reused = _raw(store, "SELECT count(*) FROM (SELECT person_id FROM case_party GROUP BY person_id "
                         "HAVING count(DISTINCT case_id) > 1)")[0][0]
    assert reused > 0  # repeat petitioners


def test_free_text_index_covers_the_demo_cases(demo: tuple[Store, DemoSummary]) -> None:
    store, _ = demo
    with store.engine.connect() as conn:
        assert not search.is_stale(conn)
        hits = conn.exec_driver_sql("SELECT count(*) FROM case_search WHERE case_search MATCH ?",
                                    (search.fts_query("赡养"),)).scalar_one()
    assert hits > 0


def test_every_person_marked_confidential_carries_the_protection_that_travels(
        demo: tuple[Store, DemoSummary]) -> None:
    store, _ = demo
    marked = {r[0] for r in _all(store, select(CaseParty.person_id).where(CaseParty.contact_confidential.is_(True)))}
    flagged = {r[0] for r in _all(store, select(Person.id).where(Person.contact_protected.is_(True)))}
    assert marked and flagged == marked


# --- reproducible ----------------------------------------------------------------------------------

def test_same_seed_gives_the_same_cases(demo: tuple[Store, DemoSummary], tmp_path: Path) -> None:
    first, _ = demo
    second, _ = _make(tmp_path / "again", CASES, SEED)
    with second:
        query = select(Case.id, Case.case_no, Case.title, Case.summary, Case.opened_at).order_by(Case.case_no)
        assert _all(second, query) == _all(first, query)
        people = select(Person.id, Person.name, Person.id_number).order_by(Person.id)
        assert _all(second, people) == _all(first, people)


def test_ids_are_seeded_uuid4() -> None:
    a, b = random.Random(5), random.Random(5)
    make = id_maker(a)
    for _ in range(200):
        assert make() == str(uuid.UUID(int=b.getrandbits(128), version=4))


def test_fast_id_numbers_equal_make_id_number() -> None:
    rng, ids = random.Random(9), IdNumbers()
    for _ in range(2000):
        area, birth, seq = rng.choice(AREA_CODES), date.fromordinal(rng.randint(693596, 739000)), rng.randrange(1000)
        assert ids.make(area, birth.toordinal(), seq) == make_id_number(area, birth, seq)


def test_cached_pinyin_equals_the_search_keys_for_every_pool_name() -> None:
    names = NameMaker(Dice(random.Random(1)))
    for surname in SURNAMES:
        for given in all_given_names():
            assert names.keys(surname, given) == name_search_keys(surname + given), surname + given


def test_helper_process_and_typed_path_give_the_same_rows(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows made in the helper process, or bound through SQLAlchemy's typed insert (the
    PostgreSQL path), equal the in-process SQLite fast path."""
    monkeypatch.setattr(demo_generate, "CHUNK", 100)
    plain, _ = _make(tmp_path / "plain", 300, 11)
    with plain.write_engine.connect() as conn:
        # The fast path is really taken on SQLite: a column added to a bulk table (person.contact_protected)
        # and left out of the writer's columns once turned it off without a word, making the demo slower.
        assert Writer(conn).fast
    monkeypatch.setattr(demo_generate, "HELPER_MIN_CASES", 1)
    helper, _ = _make(tmp_path / "helper", 300, 11)
    monkeypatch.setattr(demo_generate, "HELPER_MIN_CASES", 10**9)
    monkeypatch.setattr(Writer, "_formats_match", lambda self: False)
    typed, _ = _make(tmp_path / "typed", 300, 11)
    with plain, helper, typed:
        for table in ("person", "case_file", "case_party", "case_event", "case_counter", "case_search_doc",
                      "case_clock", *WORK_TABLES):
            sql = f"SELECT * FROM {table} ORDER BY 1, 2"
            assert _raw(helper, sql) == _raw(plain, sql), table
        for model in (Person, Case, CaseParty, CaseEvent, CaseClock, MediationSession, Agreement, ProtectionOrder,
                      RiskAssessment, Referral, SafetyPlan, IntakeRecord, ScreeningEntry):
            query = select(model).order_by(model.id)
            assert [tuple(r) for r in _all(typed, query)] == [tuple(r) for r in _all(plain, query)], model
        # The index text is exactly what services.cases.search itself would build.
        index = "SELECT d.case_id, s.body FROM case_search s JOIN case_search_doc d ON d.doc = s.rowid ORDER BY 1"
        before = _raw(plain, index)
        with plain.write_engine.begin() as conn:
            search.rebuild(conn)
        assert _raw(plain, index) == before and len(before) == 300


# --- stopping and continuing -----------------------------------------------------------------------

def _assert_whole(store: Store, cases: int) -> None:
    assert _raw(store, "SELECT count(*) FROM case_file")[0][0] == cases
    assert _raw(store, "SELECT count(*) FROM case_file c WHERE NOT EXISTS (SELECT 1 FROM case_party p "
                       "WHERE p.case_id = c.id AND p.role = 'applicant')")[0][0] == 0
    assert _raw(store, "SELECT count(*) FROM case_file c WHERE NOT EXISTS "
                       "(SELECT 1 FROM case_event e WHERE e.case_id = c.id)")[0][0] == 0
    assert _raw(store, "SELECT count(*) FROM person p WHERE NOT EXISTS "
                       "(SELECT 1 FROM case_party c WHERE c.person_id = p.id)")[0][0] == 0
    mismatched = _raw(store, "SELECT count(*) FROM case_counter c WHERE c.last_seq != (SELECT max(case_seq) "
                             "FROM case_file f WHERE f.owner_unit_id = c.owner_unit_id AND f.kind = c.kind "
                             "AND f.case_year = c.year)")
    assert mismatched[0][0] == 0
    assert _raw(store, "SELECT count(*) FROM case_search_doc")[0][0] == cases
    assert _raw(store, "PRAGMA foreign_key_check") == []
    assert _raw(store, "PRAGMA integrity_check") == [("ok",)]


def test_stopping_after_the_first_chunk_keeps_whole_cases(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    store, summary = _make(tmp_path / "stopped", CASES, SEED, progress=progress)
    with store:
        assert calls == [(demo_generate.CHUNK, CASES)]
        assert summary.cases == demo_generate.CHUNK < CASES
        assert summary.persons == _raw(store, "SELECT count(*) FROM person")[0][0]
        _assert_whole(store, summary.cases)


def test_a_big_load_rebuilds_the_indexes_it_dropped_even_when_stopped(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo_generate, "BULK_MIN_CASES", 500)
    monkeypatch.setattr(demo_generate, "CHUNK", 200)
    store = new_store(tmp_path / "big").store
    with store:
        indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        before = _raw(store, indexes)
        seen: list[int] = []
        summary = generate_demo(store, cases=600, seed=3, progress=lambda done, total: seen.append(done) or done < 400)
        assert seen == [200, 400] and summary.cases == 400
        assert _raw(store, indexes) == before
        _assert_whole(store, 400)
        with store.engine.connect() as conn:  # settings put back on the pooled connection
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2


def test_existing_units_and_accounts_are_used_and_numbering_goes_on(tmp_path: Path) -> None:
    store = new_store(tmp_path / "init").store
    with store:
        initialise(store, district="望城区", case_prefix="望", admin_username="admin", admin_name="管理员",
                   admin_password="Admin-Start-1", towns=(TownSpec("乔口镇", ("柳林村", "田心坪村")),))
        first = generate_demo(store, cases=300, seed=1)
        assert first.units == 4 and first.cases == 300
        assert _raw(store, "SELECT count(*) FROM user_account WHERE username = 'admin'")[0][0] == 1
        assert _raw(store, "SELECT count(*) FROM org_unit")[0][0] == 4
        second = generate_demo(store, cases=200, seed=2)
        assert second.users == 0 and second.cases == 200
        _assert_whole(store, 500)
        groups = _raw(store, "SELECT owner_unit_id, kind, case_year, count(*), max(case_seq), "
                             "count(DISTINCT case_seq) FROM case_file GROUP BY 1, 2, 3")
        assert all(n == top == distinct for _, _, _, n, top, distinct in groups)
        tiers = dict(_raw(store, "SELECT tier, count(*) FROM case_file GROUP BY tier"))
        assert set(tiers) == {"district", "town", "village"}

