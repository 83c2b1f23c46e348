"""Every role, placed in a village, a town and the district, tries every action on a case of every unit
around it: its own, a child, a parent, a sibling, another town's. Each cell runs the real service in a
unit of work that is then rolled back, and is compared with the table below, written out by hand from the
permission rules (security/permissions.py) and the scope rule (a unit and everything below it)."""
from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest

from fulian_desktop.documents.api import DocumentKind, PrintPurpose, Recipient, render
from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import FulianError, PermissionDenied
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.accounts import auth, orgunits, users
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.counselling import counselling
from fulian_desktop.services.referral import referrals
from fulian_desktop.store.models import Case
from tests.reliability.rel_support import row_counts
from tests.support.stores import (
    DISTRICT,
    TOWN_A,
    TOWN_B,
    VILLAGE_A1,
    VILLAGE_A2,
    VILLAGE_B1,
    VILLAGE_B2,
    add_user,
    build_org,
    first_login,
    new_store,
)

R = Role
# What each role may do at all (the declared expectation, not read from permissions.py).
ROLE_MAY = {
    R.RECEPTION: {"read", "edit", "refer", "print", "export"},
    R.MEDIATOR: {"read", "edit", "refer", "print", "export", "confidential"},
    R.COUNSELLOR: {"read", "edit", "refer", "print", "export", "confidential", "counselling"},
    R.STATION_ADMIN: {"read", "edit", "refer", "print", "export"},
    R.SUPERVISOR: {"read", "edit", "refer", "approve", "print", "export", "confidential", "counselling",
                   "add mediator"},
    # Separation of duties: the system administrator runs accounts and settings, the auditor reads the audit log;
    # neither reads, prints or exports a case (services/accounts/audit_log.py is the auditor's only read). Nobody grants
    # rights it does not hold: only the supervisor, who sees confidential contacts, makes a mediator's account.
    R.SYSTEM_ADMIN: set(),
    R.AUDITOR: set(),
}
ACTIONS = ("read", "edit", "refer", "approve", "print", "export", "confidential", "counselling", "add mediator")
# Where the acting user sits, and the units around it by relation; True: inside its scope.
PLACES = {
    "village": (VILLAGE_A1, {"own": VILLAGE_A1, "parent": TOWN_A, "sibling": VILLAGE_A2,
                             "other town": VILLAGE_B1, "district": DISTRICT}),
    "town": (TOWN_A, {"own": TOWN_A, "child": VILLAGE_A1, "parent": DISTRICT, "sibling": TOWN_B,
                      "other town": VILLAGE_B1}),
    "district": (DISTRICT, {"own": DISTRICT, "child": TOWN_B, "grandchild": VILLAGE_B2}),
}
IN_SCOPE = {"own": True, "child": True, "grandchild": True, "parent": False, "sibling": False,
            "other town": False, "district": False}


def expected(role: Role, relation: str, action: str) -> str:
    if not IN_SCOPE[relation] or action not in ROLE_MAY[role] and action != "confidential":
        return "denied"
    if action == "confidential" and "read" not in ROLE_MAY[role]:
        return "denied"  # no case at all, so neither shown nor masked
    if action == "confidential":  # reading is allowed; the protected contacts are shown or masked
        return "shown" if "confidential" in ROLE_MAY[role] else "masked"
    return "allowed"


class _Rollback(Exception):
    """Raised after a successful action so its unit of work changes nothing for the next cell."""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    store = new_store(tmp_path_factory.mktemp("matrix") / "data").store
    org = build_org(store)
    units = org.units
    system = auth.system_actor(store)
    actors = {}
    for role in Role:
        for place, (unit_name, _around) in PLACES.items():
            name = f"{role.value}_{place}"
            add_user(store, name, role, units[unit_name])
            actors[(role, place)] = first_login(store, name)
    add_user(store, "requester", R.MEDIATOR, units[DISTRICT])
    requester = first_login(store, "requester")
    case_of = {}
    held = clock.now_utc() - timedelta(days=1)
    for unit_name, unit_id in units.items():
        with store.uow(write=True) as uow:
            case = cases.create_case(uow, system, cases.NewCase(title=f"{unit_name}的案件", kind=CaseKind.MEDIATION,
                                                                unit_id=unit_id))
            cases.add_party(uow, system, case.row.id, PersonInput(name="林秀英", phone="13912340000",
                                                                  address="保密住址 8 号"),
                            PartyRole.APPLICANT, contact_confidential=True)
            counselling.add_session(uow, system, case.row.id, held, "phone", "疏导记录：情绪低落")
            approval = workflow.request_approval(uow, requester, case.row.id, workflow.ApprovalKind.REMOVE_MAJOR,
                                                 "申请取消重大标记")
        case_of[unit_name] = (case.row.id, approval.id)
    with store.uow() as uow:
        parent_of = {u.id: u.parent_id for u in orgunits.list_units(uow, system)}
    yield store, units, actors, case_of, parent_of
    store.close()


def _attempt(store, action: str, actor, case_id: str, approval_id: str, target_unit: str,  # noqa: ANN001
             unit_id: str) -> str:
    try:
        with store.uow(write=True) as uow:
            if action == "add mediator":  # an account at the case's unit, with a password the actor knows
                users.add_user(uow, actor, username="matrix_med", display_name="矩阵调解员", role=R.MEDIATOR,
                               unit_id=unit_id, password="Matrix-Pass-123")
            elif action == "read":
                cases.get_case(uow, actor, case_id)
            elif action == "edit":
                version = uow.s.get(Case, case_id).version
                cases.update_case(uow, actor, case_id, version, {"summary": "矩阵测试修改"})
            elif action == "refer":
                referrals.refer_to_tier(uow, actor, case_id, target_unit, "矩阵测试转介")
            elif action == "approve":
                workflow.decide(uow, actor, approval_id, False, "矩阵测试驳回")
            elif action in ("print", "export"):
                purpose = PrintPurpose.PRINT if action == "print" else PrintPurpose.EXPORT
                assert render(uow, actor, case_id, DocumentKind.RIGHTS_NOTICE, Recipient.FILE,
                              purpose=purpose).startswith(b"%PDF")
            elif action == "confidential":
                (party,) = cases.get_case(uow, actor, case_id).parties
                shown = party.phone == "13912340000" and party.address == "保密住址 8 号"
                assert shown or (party.redacted and party.phone is None and party.address is None)
                raise _Rollback("shown" if shown else "masked")
            elif action == "counselling":
                (session,) = counselling.counselling_sessions(uow, actor, case_id)
                assert session.notes == "疏导记录：情绪低落"
            raise _Rollback("allowed")
    except _Rollback as done:
        return str(done)
    except PermissionDenied:
        return "denied"
    except FulianError as exc:  # any other refusal would hide what the permission check decided
        return f"error: {type(exc).__name__}: {exc.message}"


def test_every_role_in_every_place_can_do_exactly_what_the_table_says(world) -> None:  # noqa: ANN001
    store, units, actors, case_of, parent_of = world
    before = row_counts(store)
    wrong, outcomes = [], Counter()
    cells = 0
    for (role, place), actor in actors.items():
        for relation, unit_name in PLACES[place][1].items():
            case_id, approval_id = case_of[unit_name]
            unit_id = units[unit_name]
            target = parent_of[unit_id] or units[TOWN_A]  # escalate, or assign down from the district
            for action in ACTIONS:
                got = _attempt(store, action, actor, case_id, approval_id, target, unit_id)
                want = expected(role, relation, action)
                cells += 1
                outcomes[got if not got.startswith("error") else "error"] += 1
                if got != want:
                    wrong.append(f"{role.value}@{place} → {relation} ({unit_name}) {action}: got {got}, want {want}")
    print(f"\naccess matrix: {cells} cells ({len(actors)} actors x units around them x {len(ACTIONS)} actions): "
          f"{dict(outcomes)}")
    assert wrong == [], "\n".join(wrong)
    assert row_counts(store) == before  # every cell rolled back: the cells did not influence each other
    assert cells == len(Role) * (5 + 5 + 3) * len(ACTIONS)
    assert len(Role) == 7
