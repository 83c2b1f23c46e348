"""A protected victim's whereabouts stay hidden from users without the right, even through relatives."""
from __future__ import annotations

from pathlib import Path

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.cases import cases
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store

SHELTER = "长沙市望城区某临时庇护场所3号房"


def test_confidential_victim_and_child_at_her_address_are_redacted_for_reception(tmp_path: Path) -> None:
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])
    add_user(store, "desk", Role.RECEPTION, org.units[VILLAGE_A1])
    med, desk = first_login(store, "med"), first_login(store, "desk")
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, med, cases.NewCase(title="家暴求助", kind=CaseKind.CRISIS)).row.id
        cases.add_party(uow, med, case_id, PersonInput(name="周小红", sex="female", phone="13800001111",
                                                       id_number="11010519491231002X", address=SHELTER),
                        PartyRole.VICTIM, contact_confidential=True)
        cases.add_party(uow, med, case_id, PersonInput(name="周乐乐", sex="male", address=SHELTER),
                        PartyRole.MINOR_CHILD)
        cases.add_party(uow, med, case_id, PersonInput(name="吴大强", sex="male", address="望城区某村5组"),
                        PartyRole.RESPONDENT)
    with store.uow(write=True) as uow:
        seen_by_desk = {p.name: p for p in cases.get_case(uow, desk, case_id).parties}
        seen_by_med = {p.name: p for p in cases.get_case(uow, med, case_id).parties}
    victim, child, respondent = seen_by_desk["周小红"], seen_by_desk["周乐乐"], seen_by_desk["吴大强"]
    assert victim.redacted and victim.address is None and victim.phone is None and victim.birth_date is None
    assert victim.id_number == "110105********002X"
    assert child.redacted and child.address is None  # same address as the protected victim
    assert not respondent.redacted and respondent.address == "望城区某村5组"
    assert seen_by_med["周小红"].address == SHELTER and seen_by_med["周乐乐"].address == SHELTER
    store.close()
