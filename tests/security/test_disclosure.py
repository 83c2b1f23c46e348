"""A protected victim's contacts never reach a reception user, whichever way the data is read.

The story, on a real store: 周小红 comes to the desk of 郭亮村 (reception registers her visit; the petition
case opens with her as applicant). The mediator marks her contacts confidential: she is in a shelter now, and
the shelter is her address. The mediator adds her mother, who lives with her at the shelter, then opens a
marriage-mediation case and links 周小红's existing person into it without the mark. A screening entry
names her household.

The three leaks of the trust-boundaries issue are replayed first; then every read path that returns a person's
contacts is walked as the reception user (`READ_PATHS`), and two guards fail when a new path or a new reading
of the confidentiality mark bypasses the rule in `fulian_desktop/access/disclosure.py`.
"""
from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import json
import pkgutil
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable

import pytest

import fulian_desktop
from fulian_desktop import cli
from fulian_desktop.access.disclosure import (
    Audience, Purpose, Reader, Show, Subject, disclose,
)
from fulian_desktop.documents.api import DocumentKind, Recipient
from fulian_desktop.documents.assemble import prepare
from fulian_desktop.documents.data import load_case_data
from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import PermissionDenied
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import case_queries, cases, history, persons, search
from fulian_desktop.services.intake import intake
from fulian_desktop.services.screening import screening
from fulian_desktop.store.models import Case
from fulian_desktop.store.store import Store
from tests.support.stores import (
    NEW_PASSWORD, PASSPHRASE, VILLAGE_A1, add_user, build_org, first_login, new_store,
)

SHELTER = "长沙市望城区某临时庇护场所3号房"
PHONE = "13812345678"
BIRTH = date(1990, 3, 14)
VICTIM_ID = make_id_number("430122", BIRTH, 224)   # a woman (even sequence)
WORKPLACE = "望城区第二中学后勤处"
MOTHER_BIRTH = date(1962, 7, 9)

# Any of these in what a reception user gets back is a leak of her whereabouts or identity.
NEEDLES = (SHELTER, PHONE, VICTIM_ID, WORKPLACE, BIRTH.isoformat(), f"{BIRTH:%Y%m%d}", repr(BIRTH),
           f"{BIRTH.year}年{BIRTH.month}月{BIRTH.day}日", MOTHER_BIRTH.isoformat(), repr(MOTHER_BIRTH))


@dataclass
class World:
    root: Path
    store: Store
    desk: Actor
    med: Actor
    petition_id: str        # her petition case, where she is marked confidential
    mediation_id: str       # the marriage mediation she was linked into without the mark
    mediation_no: str
    victim_party: str       # her party in the petition case
    mother_party: str
    linked_party: str       # her party in the mediation case
    victim_person: str
    intake_id: str
    entry_id: str


def _visit(**changes: Any) -> IntakeInput:
    base = IntakeInput(
        name="周小红", channel=Channel.VISIT, decision=IntakeDecision.ACCEPT, request="丈夫多次殴打，请求帮助",
        facts="酒后动手，已报警一次", category="婚姻家庭", sub_category="家庭暴力", sex="female",
        id_number=VICTIM_ID, phone=PHONE, address=SHELTER, marital_status="已婚",
        received_at=clock.now_utc() - timedelta(hours=2))
    return replace(base, **changes)


def _victim_input() -> PersonInput:
    return PersonInput(name="周小红", sex="female", id_number=VICTIM_ID, phone=PHONE, birth_date=BIRTH,
                       address=SHELTER, occupation=WORKPLACE)


def build_world(root: Path) -> World:
    store = new_store(root / "store").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="陈调解")
    add_user(store, "desk", Role.RECEPTION, org.units[VILLAGE_A1], display_name="王接待")
    med, desk = first_login(store, "med"), first_login(store, "desk")
    with store.uow(write=True) as uow:
        view = intake.register_contact(uow, desk, _visit())
    with store.uow(write=True) as uow:
        petition_id = view.case_id
        (party,) = cases.get_case(uow, med, petition_id).parties
        marked = cases.update_party(uow, med, party.id, party.person_version, _victim_input(),
                                    contact_confidential=True)
        mother = cases.add_party(uow, med, petition_id, PersonInput(
            name="李秀英", sex="female", birth_date=MOTHER_BIRTH, address=SHELTER), PartyRole.OTHER)
        mediation = cases.create_case(uow, med, cases.NewCase(title="周小红与吴大强婚姻纠纷", kind=CaseKind.MEDIATION))
        linked = cases.add_party(uow, med, mediation.row.id, PersonInput(name="周小红", sex="female"),
                                 PartyRole.APPLICANT, person_id=marked.person_id)
        cases.add_party(uow, med, mediation.row.id, PersonInput(name="吴大强", sex="male", address="望城区某村5组"),
                        PartyRole.RESPONDENT)
        entry = screening.add_entry(uow, med, subject=None, reason="家庭暴力，已离家暂住庇护场所", risk_level="high",
                                    person_id=marked.person_id)
    return World(root, store, desk, med, petition_id, mediation.row.id, mediation.row.case_no, marked.id, mother.id,
                 linked.id, marked.person_id, view.id, entry.id)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    w = build_world(tmp_path_factory.mktemp("disclosure"))
    yield w
    w.store.close()


def dump(obj: Any) -> str:
    """Everything a caller could read out of a result: its repr and its JSON form."""
    text = repr(obj)
    try:
        text += json.dumps(_plain(obj), ensure_ascii=False, default=str)
    except TypeError:
        pass
    return text


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    return obj


def leaked(obj: Any) -> list[str]:
    text = dump(obj)
    return [n for n in NEEDLES if n in text]


# --- the three leaks, replayed ---------------------------------------------------------------------

def test_a_family_member_at_her_address_does_not_give_the_shelter_or_her_birth_date_away(world: World) -> None:
    with world.store.uow() as uow:
        mother = history.party_record(uow, world.desk, world.mother_party)
        victim = history.party_record(uow, world.desk, world.victim_party)
        seen_by_med = history.party_record(uow, world.med, world.mother_party)
    assert mother.address is None and mother.birth_date is None and mother.redacted
    assert victim.birth_date is None and victim.address is None and victim.phone is None
    assert victim.occupation is None and victim.redacted and victim.contact_confidential
    assert victim.id_number == VICTIM_ID[:6] + "********" + VICTIM_ID[-4:]
    assert leaked(mother) == [] and leaked(victim) == []
    assert seen_by_med.address == SHELTER and seen_by_med.birth_date == MOTHER_BIRTH   # the right still sees


def test_her_intake_record_does_not_show_reception_her_address_or_phone(world: World) -> None:
    with world.store.uow(write=True) as uow:
        seen = intake.get_intake(uow, world.desk, world.intake_id)
        seen_by_med = intake.get_intake(uow, world.med, world.intake_id)
    assert seen.address is None and seen.contact is None and seen.redacted
    assert leaked(seen) == [] and leaked(seen.to_dict()) == []
    assert seen_by_med.address == SHELTER and seen_by_med.contact == PHONE


def test_linking_her_into_another_case_without_the_mark_keeps_her_hidden(world: World) -> None:
    with world.store.uow(write=True) as uow:
        detail = cases.get_case(uow, world.desk, world.mediation_id)
        by_med = cases.get_case(uow, world.med, world.mediation_id)
    her = next(p for p in detail.parties if p.id == world.linked_party)
    assert her.redacted and her.address is None and her.phone is None and her.birth_date is None
    assert not her.contact_confidential            # this party itself carries no mark: the person does
    assert leaked(detail) == []
    respondent = next(p for p in detail.parties if p.role is PartyRole.RESPONDENT)
    assert respondent.address == "望城区某村5组" and not respondent.redacted   # others stay workable
    assert next(p for p in by_med.parties if p.id == world.linked_party).phone == PHONE


def test_the_cli_json_of_the_linked_case_shows_reception_nothing_of_hers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    w = build_world(tmp_path)
    w.store.close()
    monkeypatch.setenv("FULIAN_DATA_DIR", str(w.root / "store"))
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FULIAN_USER_PASSWORD", NEW_PASSWORD)
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    assert cli.main(["case", "show", w.mediation_no, "--json", "--as", "desk"]) == 0
    shown = capsys.readouterr().out
    assert cli.main(["case", "show", w.mediation_no, "--as", "desk"]) == 0
    text = capsys.readouterr().out
    assert cli.main(["case", "search", PHONE, "--json", "--as", "desk"]) == 0
    found = capsys.readouterr().out
    visit = tmp_path / "visit.json"
    visit.write_text(json.dumps({"name": "周小红", "channel": "call", "decision": "answered", "request": "询问进展",
                                 "category": "婚姻家庭", "id_number": VICTIM_ID, "phone": PHONE, "sex": "female"},
                                ensure_ascii=False), encoding="utf-8")
    assert cli.main(["intake", "add", str(visit), "--json", "--as", "desk"]) == 0
    registered = capsys.readouterr().out
    data = json.loads(shown)
    her = next(p for p in data["parties"] if p["name"] == "周小红")
    assert her["redacted"] and her["phone"] is None and her["address"] is None
    assert "（联系方式保密）" in text
    cases_found = json.loads(found)["cases"]          # her case is found by her phone, but shows no contacts
    assert json.loads(registered)["redacted"] and cases_found
    assert [n for n in NEEDLES if n in shown + text + json.dumps(cases_found, ensure_ascii=False) + registered] == []


def test_reception_cannot_overwrite_what_it_may_not_see(tmp_path: Path) -> None:
    """The forms show hidden contacts blank: saving them must not erase her address (nor let it be changed)."""
    world = build_world(tmp_path)
    with world.store.uow() as uow:
        mother = history.party_record(uow, world.desk, world.mother_party)
    with pytest.raises(PermissionDenied), world.store.uow(write=True) as uow:
        cases.update_party(uow, world.desk, world.mother_party, mother.person_version,
                           PersonInput(name="李秀英", sex="female"))
    with world.store.uow(write=True) as uow:
        screening.update_entry(uow, world.desk, world.entry_id, None, {"risk_level": "medium", "address": None})
    with pytest.raises(PermissionDenied), world.store.uow(write=True) as uow:
        screening.update_entry(uow, world.desk, world.entry_id, None, {"address": "望城区别处"})
    with world.store.uow(write=True) as uow:
        entry = screening.get_entry(uow, world.med, world.entry_id)
        kept = history.party_record(uow, world.med, world.mother_party)
    assert entry.entry.address == SHELTER and entry.entry.risk_level.value == "medium"
    assert kept.address == SHELTER and kept.birth_date == MOTHER_BIRTH
    world.store.close()


# --- every read path, walked as the reception user ------------------------------------------------

def _intake_again(uow: Any, w: World) -> Any:
    return intake.register_contact(uow, w.desk, _visit(decision=IntakeDecision.ANSWERED, address=None))


def _link_again(uow: Any, w: World) -> Any:
    case = cases.create_case(uow, w.desk, cases.NewCase(title="周小红咨询", kind=CaseKind.MEDIATION))
    return cases.add_party(uow, w.desk, case.row.id, PersonInput(name="周小红"), PartyRole.APPLICANT,
                           person_id=w.victim_person)


def _papers(recipient: Recipient) -> Callable[[Any, World], Any]:
    def read(uow: Any, w: World) -> Any:
        return [load_case_data(uow, w.desk, uow.s.get(Case, case_id), recipient)
                for case_id in (w.petition_id, w.mediation_id)]
    return read


# name -> (the public function(s) it exercises, how to call it as reception)
READ_PATHS: dict[str, tuple[tuple[str, ...], Callable[[Any, World], Any]]] = {
    "case view (her case)": (("services.cases.cases.get_case",),
                             lambda uow, w: cases.get_case(uow, w.desk, w.petition_id)),
    "case view (linked case)": (("services.cases.cases.get_case",),
                                lambda uow, w: cases.get_case(uow, w.desk, w.mediation_id)),
    "party added by linking her person": (("services.cases.cases.add_party", "services.cases.cases.create_case"), _link_again),
    "party record (her)": (("services.cases.history.party_record",),
                           lambda uow, w: history.party_record(uow, w.desk, w.victim_party)),
    "party record (mother)": (("services.cases.history.party_record",),
                              lambda uow, w: history.party_record(uow, w.desk, w.mother_party)),
    "party record (linked)": (("services.cases.history.party_record",),
                              lambda uow, w: history.party_record(uow, w.desk, w.linked_party)),
    "case history": (("services.cases.history.case_history",),
                     lambda uow, w: history.case_history(uow, w.desk, w.petition_id)),
    "intake record": (("services.intake.intake_views.get_intake", "services.intake.intake_views.load_view"),
                      lambda uow, w: intake.get_intake(uow, w.desk, w.intake_id)),
    "intake register": (("services.intake.intake_views.list_intakes", "services.intake.intake_views.views_for"),
                        lambda uow, w: intake.list_intakes(uow, w.desk)),
    "case intakes": (("services.intake.intake_views.case_intakes",),
                     lambda uow, w: intake.case_intakes(uow, w.desk, w.petition_id)),
    "intake registered again (returned view)": (("services.intake.intake.register_contact",), _intake_again),
    "duplicate warning by phone and ID": (("services.cases.persons.find_matches",), lambda uow, w: persons.find_matches(
        uow, w.desk, id_number=VICTIM_ID, phone=PHONE, name="周小红", birth_date=BIRTH)),
    "people search by name": (("services.cases.persons.search_people",),
                              lambda uow, w: persons.search_people(uow, w.desk, "周小红")
                              + persons.search_people(uow, w.desk, "李秀英")),
    "people search by phone": (("services.cases.persons.search_people",),
                               lambda uow, w: persons.search_people(uow, w.desk, PHONE)),
    "case search": (("services.cases.case_queries.quick_search", "services.cases.search.free_text"),
                    lambda uow, w: [case_queries.quick_search(uow, w.desk, t) for t in ("周小红", PHONE, VICTIM_ID)]
                    + [search.free_text(uow, w.desk, "周小红")]),
    "screening register": (("services.screening.screening_views.list_register",),
                           lambda uow, w: screening.list_register(uow, w.desk)),
    "screening entry": (("services.screening.screening_views.get_entry",),
                        lambda uow, w: screening.get_entry(uow, w.desk, w.entry_id)),
    "papers: file copy": (("documents.data.load_case_data",), _papers(Recipient.FILE)),
    "papers: party copy": (("documents.data.load_case_data",), _papers(Recipient.PARTY)),
    "papers: respondent copy": (("documents.data.load_case_data",), _papers(Recipient.RESPONDENT)),
    "papers: agency copy": (("documents.data.load_case_data",), _papers(Recipient.AGENCY)),
    "case file as printed": (("documents.assemble.prepare",),
                             lambda uow, w: prepare(uow, w.desk, w.petition_id, DocumentKind.CASE_FILE,
                                                    Recipient.FILE)[1]),
}

# Public functions returning contact-carrying results that the walk does not call, and why that is safe.
SAME_BUILDER = {
    "services.cases.cases.case_detail": "get_case's builder, public for leads and screening: walked via get_case",
    "services.screening.screening_views.entry_view": "the builder of get_entry and list_register: walked through them",
    "services.cases.cases.update_case": "returns the case view built by get_case's builder (cases.case_detail)",
    "services.cases.cases.update_party": "refuses a redacted party; returns the view of get_case's builder",
    "services.intake.leads.open_case_from_lead": "a new case from an online lead: get_case's builder",
    "services.screening.screening.open_case_from_entry": "a new case: get_case's builder",
    "services.screening.screening.add_entry": "the screening list's builder (screening_views._views)",
    "services.screening.screening.update_entry": "the screening list's builder",
    "services.screening.screening.resolve_entry": "the screening list's builder",
    "services.screening.screening.record_visit": "get_entry's builder",
    "services.intake.intake_json.intake_from_json": "parses the caller's own file; reads nothing from the store",
    "documents.redact.redact": "masks free text of data load_case_data already decided",
}


@pytest.mark.parametrize("name", sorted(READ_PATHS))
def test_no_read_path_gives_reception_her_contacts(world: World, name: str) -> None:
    _funcs, call = READ_PATHS[name]
    with world.store.uow(write=True) as uow:
        result = call(uow, world)
    assert leaked(result) == [], f"{name} returns what a reception user may not see"


def _contact_carriers(modules: list[Any]) -> set[str]:
    """Dataclasses with a contact field, and those that hold them."""
    fields = {"address", "phone", "id_number", "birth_date", "contact", "occupation"}
    classes = [(name, obj) for mod in modules for name, obj in vars(mod).items()
               if inspect.isclass(obj) and dataclasses.is_dataclass(obj) and obj.__module__ == mod.__name__]
    found = {name for name, obj in classes if fields & {f.name for f in dataclasses.fields(obj)}}
    grew = True
    while grew:
        grew = False
        for name, obj in classes:
            if name not in found and any(re.search(rf"\b{c}\b", str(f.type)) for f in dataclasses.fields(obj)
                                         for c in found):
                found.add(name)
                grew = True
    return found


def _core_modules() -> list[Any]:
    out = []
    for info in pkgutil.walk_packages(fulian_desktop.__path__, "fulian_desktop."):
        if any(part in info.name for part in (".demo", ".bench", ".migrations", "__main__")):
            continue
        out.append(importlib.import_module(info.name))
    return out


def test_every_read_path_returning_contacts_is_walked() -> None:
    """A new public function that hands back a person's contacts must join READ_PATHS (or SAME_BUILDER)."""
    modules = _core_modules()
    carriers = _contact_carriers(modules)
    readers = set()
    for mod in modules:
        short = mod.__name__.removeprefix("fulian_desktop.")
        if not short.startswith(("services.", "documents.", "sync.", "cli.", "backup.")):
            continue   # access: the rule itself; domain: input checks; store: rows
        for name, obj in vars(mod).items():
            if inspect.isfunction(obj) and obj.__module__ == mod.__name__ and not name.startswith("_"):
                returned = str(obj.__annotations__.get("return", ""))
                if any(re.search(rf"\b{c}\b", returned) for c in carriers):
                    readers.add(f"{short}.{name}")
    walked = {f for funcs, _call in READ_PATHS.values() for f in funcs}
    assert readers - walked - set(SAME_BUILDER) == set(), "read paths not walked by the disclosure test"
    for dotted in walked | set(SAME_BUILDER):   # the registry names functions that exist
        module, _, name = f"fulian_desktop.{dotted}".rpartition(".")
        assert callable(getattr(importlib.import_module(module), name, None)), dotted
    assert {"services.cases.cases.get_case", "services.cases.history.party_record", "services.intake.intake_views.get_intake",
            "services.cases.persons.find_matches", "documents.data.load_case_data"} <= readers


# --- the rule lives in one place -------------------------------------------------------------------

RULE = Path(fulian_desktop.__file__).parent / "access" / "disclosure.py"
# Modules that name the mark without deciding what to show from it, and why.
MARK_NAMED = {
    "store/models.py": "declares the column",
    "services/cases/cases.py": "update_party records a change of the mark itself (and add_party stores it)",
    "services/cases/protection.py": "keeps the person-level flag in step with the marks (decides nothing shown)",
}
# Modules that name the person-level flag (person.contact_protected) without deciding what to show from it.
FLAG_NAMED = {
    "store/models.py": "declares the column",
    "services/cases/protection.py": "sets and clears it with the marks",
    "sync/conflicts.py": "keeps it through a conflict's resolution",
}


def test_only_the_rule_reads_the_confidentiality_mark_or_masks_contacts() -> None:
    root = Path(fulian_desktop.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if path == RULE or rel.startswith(("demo/", "bench/", "store/migrations/")):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "contact_confidential" and rel not in MARK_NAMED:
                offenders.append(f"{rel}:{node.lineno} reads contact_confidential")
            if isinstance(node, ast.Attribute) and node.attr == "contact_protected" and rel not in FLAG_NAMED:
                offenders.append(f"{rel}:{node.lineno} reads contact_protected")
            if isinstance(node, ast.Name) and node.id in ("mask_phone", "mask_id_number") \
                    and not rel.startswith("domain/"):
                offenders.append(f"{rel}:{node.lineno} masks contacts itself ({node.id})")
    assert offenders == [], "the disclosure rule is bypassed:\n" + "\n".join(offenders)


def test_the_marked_party_is_only_written_in_cases() -> None:
    """cases.py may name the mark only to store it or record its change, never in a view."""
    source = (Path(fulian_desktop.__file__).parent / "services" / "cases" / "cases.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    for fn in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        uses = [n for n in ast.walk(fn) if isinstance(n, ast.Attribute) and n.attr == "contact_confidential"]
        if uses:
            assert fn.name == "update_party", f"cases.{fn.name} reads the mark"


# --- the rule itself -------------------------------------------------------------------------------

def test_the_rule_table() -> None:
    desk = Reader(Audience.STAFF, sees_confidential=False, works_cases=True)
    admin = Reader(Audience.STAFF, sees_confidential=False, works_cases=False)
    med = Reader(Audience.STAFF, sees_confidential=True, works_cases=True)
    hidden, plain = Subject(True), Subject(False)
    assert disclose(desk, hidden).address is Show.HIDDEN and disclose(desk, hidden).id_number is Show.MASKED
    assert disclose(desk, plain).redacted is False                           # caseworkers work plain records
    assert disclose(admin, plain).phone is Show.MASKED                       # the administrator reads no contacts
    assert disclose(desk, plain, Purpose.LIST).address is Show.HIDDEN
    assert disclose(med, hidden).redacted is False
    assert disclose(med, hidden, Purpose.LIST).phone is Show.MASKED
    file_desk = Reader(Audience.FILE, False, True)
    assert disclose(file_desk, hidden).address is Show.HIDDEN and disclose(file_desk, plain).id_number is Show.MASKED
    assert disclose(Reader(Audience.FILE, True, True), hidden).id_number is Show.FULL
    respondent_copy = Reader(Audience.RESPONDENT, True, True)
    assert disclose(respondent_copy, Subject(False, respondent=True)).address is Show.FULL
    assert disclose(respondent_copy, plain).address is Show.HIDDEN
    assert disclose(respondent_copy, Subject(True, respondent=True)).address is Show.HIDDEN
    for audience in (Audience.PARTY, Audience.AGENCY):
        assert disclose(Reader(audience, True, True), hidden).phone is Show.HIDDEN
        assert disclose(Reader(audience, True, True), plain).phone is Show.FULL


def test_a_protected_person_is_shown_only_to_staff_who_hold_the_right() -> None:
    """Over every reader, purpose and fact: her whereabouts leave the store only for SEE_CONFIDENTIAL staff
    (or their internal file), and her ID number never whole to anyone else."""
    for audience in Audience:
        for sees in (False, True):
            for works in (False, True):
                for purpose in Purpose:
                    for respondent in (False, True):
                        d = disclose(Reader(audience, sees, works), Subject(True, respondent), purpose)
                        trusted = sees and audience in (Audience.STAFF, Audience.FILE)
                        for shown in (d.address, d.phone, d.birth_date, d.workplace):
                            assert shown is Show.HIDDEN or trusted, (audience, sees, works, purpose)
                        assert d.id_number is not Show.FULL or trusted
                        assert d.redacted or trusted
