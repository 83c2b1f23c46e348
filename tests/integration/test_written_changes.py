"""A write says what it changed without anyone declaring it: the unit of work observes its rows, on a real
store, and a rolled-back write says nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from fulian_desktop.domain.attachments import AttachmentType
from fulian_desktop.domain.changes import Changes
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.accounts import settings
from fulian_desktop.services.attachments import attachments
from fulian_desktop.services.cases import cases
from fulian_desktop.store.uow import collect_changes
from tests.support.evidence_files import pdf_bytes
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "data").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="周调解")
    add_user(store, "sysad", Role.SYSTEM_ADMIN, org.district, display_name="区管理员")
    yield store, first_login(store, "med"), first_login(store, "sysad")
    store.close()


def _new_case(store, actor, title: str) -> tuple[str, Changes]:  # noqa: ANN001
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, actor, cases.NewCase(title=title, kind=CaseKind.PETITION,
                                                               category="婚姻家庭")).row.id
    return case_id, uow.changes


def test_a_new_case_is_a_change_of_that_case(world) -> None:  # noqa: ANN001
    store, med, _admin = world
    case_id, changed = _new_case(store, med, "李某婚姻纠纷")
    assert changed == Changes(case=True, case_ids=frozenset({case_id}))


def test_editing_a_person_names_every_case_she_is_a_party_of(world) -> None:  # noqa: ANN001
    store, med, _admin = world
    first, _ = _new_case(store, med, "王某家庭纠纷")
    second, _ = _new_case(store, med, "王某邻里纠纷")
    with store.uow(write=True) as uow:
        party = cases.add_party(uow, med, first, PersonInput(name="王秀兰", sex="female"), PartyRole.APPLICANT)
        cases.add_party(uow, med, second, PersonInput(name="王秀兰", sex="female"), PartyRole.APPLICANT,
                        person_id=party.person_id)
    assert uow.changes.kinds() == {"case", "party"} and uow.changes.case_ids == {first, second}
    with store.uow() as uow:
        version = cases.get_case(uow, med, first).parties[0].person_version
    with store.uow(write=True) as uow:
        cases.update_party(uow, med, party.id, version, PersonInput(name="王秀芳", sex="female"))
    assert uow.changes.kinds() == {"case", "party"}
    assert uow.changes.case_ids == {first, second}   # the other case shows her name too


def test_a_rolled_back_write_changes_nothing(world) -> None:  # noqa: ANN001
    store, med, _admin = world
    with collect_changes() as seen, pytest.raises(ValidationError):
        with store.uow(write=True) as uow:
            cases.create_case(uow, med, cases.NewCase(title="写到一半", kind=CaseKind.PETITION, category="婚姻家庭"))
            uow.flush()  # the rows were written …
            cases.create_case(uow, med, cases.NewCase(title="", kind=CaseKind.PETITION))   # … then refused
    assert not uow.changes and not seen.changes
    with store.uow(write=True) as uow:
        pass
    assert uow.changes == Changes()   # a write that wrote nothing announces nothing


def test_evidence_settings_and_several_writes_gathered(world, tmp_path: Path) -> None:  # noqa: ANN001
    store, med, admin = world
    case_id, _ = _new_case(store, med, "张某求助")
    source = tmp_path / "证据.pdf"
    source.write_bytes(pdf_bytes())
    with collect_changes() as seen:
        with store.uow(write=True) as uow:
            attachments.attach(uow, med, case_id, source, doc_type=AttachmentType.EVIDENCE)
        assert uow.changes.attachments and uow.changes.case_ids == {case_id}
        with store.uow(write=True) as uow:
            settings.put(uow, admin, "idle_lock_minutes", 7)
        assert uow.changes == Changes(settings=True)
    assert seen.changes.attachments and seen.changes.settings and seen.changes.case_ids == {case_id}


def test_a_sync_import_and_a_resolved_conflict_say_what_they_changed(tmp_path: Path) -> None:
    from fulian_desktop.services.accounts.auth import system_actor
    from fulian_desktop.store.models import Case
    from fulian_desktop.sync import conflicts
    from tests.support.stores import VILLAGE_A1 as VILLAGE
    from tests.support.sync_stations import deliver, make_stations

    st = make_stations(tmp_path)
    try:
        village = system_actor(st.village)
        with st.village.uow(write=True) as uow:
            case_id = cases.create_case(uow, village, cases.NewCase(title="共同编辑的案件", kind=CaseKind.MEDIATION,
                                                                    unit_id=st.unit(VILLAGE))).row.id
            cases.add_party(uow, village, case_id, PersonInput(name="赵敏", sex="female"), PartyRole.APPLICANT)
        with collect_changes() as seen:
            assert deliver(st.village, st.district, st.org.district).applied
        assert {"case", "party", "sync"} <= seen.changes.kinds()
        assert seen.changes.touches({"case"}, case_id=case_id)   # a bundle's cases are unknown: every page looks
        with collect_changes() as again:
            deliver(st.village, st.district, st.org.district)     # nothing new: nothing to announce but the peer
        assert not again.changes.kinds() & {"case", "party", "attachments"}

        for store, title in ((st.district, "区里改的"), (st.village, "村里改的")):
            with store.uow(write=True) as uow:
                cases.update_case(uow, system_actor(store), case_id, uow.s.get(Case, case_id).version, {"title": title})
        assert deliver(st.village, st.district, st.org.district).conflicts == 1
        district = system_actor(st.district)
        with st.district.uow() as uow:
            shown = conflicts.list_conflicts(uow, district)[0]
        with st.district.uow(write=True) as uow:
            conflicts.resolve_conflict(uow, district, shown.id, {"title": "remote"}, shown.local_version)
        assert uow.changes.kinds() == {"case", "sync"} and uow.changes.case_ids == {case_id}
    finally:
        st.close()
