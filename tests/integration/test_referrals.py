"""Referrals between tiers and to agencies, on real stores.

Decisions the tests pin down (see services/referral/referrals.py):
- a tier referral moves nothing until the receiving unit accepts; then the case, its parties, timeline,
  clocks, approvals and intake records move to the receiver; the case keeps its number;
- only users of the receiving unit accept or return; the sender's side withdraws while it waits;
- after the case has moved, the sending unit can no longer open it but still reads the referral records
  it took part in (case_referrals), with their history;
- two desks accepting the same referral: one wins, the other gets a ConflictError naming the winner.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import queue
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import (
    ConflictError, NotFound, PermissionDenied, ValidationError, WorkflowError,
)
from fulian_desktop.domain.referral_rules import (
    AgencyType, ReferralKind,
)
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.actor import Actor
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import case_queries, cases
from fulian_desktop.services.referral import referrals
from fulian_desktop.store.models import (
    AuditEntry, Case, CaseClock, CaseEvent, CaseParty, Person, Referral,
)
from fulian_desktop.store.store import Store
from tests.support.stores import (
    DISTRICT, PASSPHRASE, TOWN_A, TOWN_B, VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, add_user, build_org, first_login,
    new_store, open_copy,
)

USERS = {  # username -> (role, unit, display name)
    "cun_a1": (Role.MEDIATOR, VILLAGE_A1, "郭亮调解员"),
    "rec_a1": (Role.RECEPTION, VILLAGE_A1, "郭亮接待员"),
    "cun_a2": (Role.MEDIATOR, VILLAGE_A2, "新康调解员"),
    "cun_b1": (Role.MEDIATOR, VILLAGE_B1, "马桥河调解员"),
    "jie_a1": (Role.MEDIATOR, TOWN_A, "街道甲"),
    "jie_a2": (Role.MEDIATOR, TOWN_A, "街道乙"),
    "jie_b": (Role.MEDIATOR, TOWN_B, "白沙洲调解员"),
    "sup": (Role.SUPERVISOR, DISTRICT, "区督导"),
}


@dataclass(frozen=True)
class Template:
    root: Path
    units: dict[str, str]
    actors: dict[str, Actor]


@dataclass
class World:
    store: Store
    root: Path
    units: dict[str, str]
    actors: dict[str, Actor]

    def __getitem__(self, username: str) -> Actor:
        return self.actors[username]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """Built once and closed: the district, its towns and villages, and users who have logged in."""
    root = tmp_path_factory.mktemp("referrals") / "data"
    with new_store(root).store as store:
        org = build_org(store)
        for username, (role, unit, name) in USERS.items():
            add_user(store, username, role, org.units[unit], display_name=name)
        actors = {username: first_login(store, username) for username in USERS}
    return Template(root, org.units, actors)


@pytest.fixture
def world(template: Template, tmp_path: Path):  # noqa: ANN201
    store = open_copy(template.root, tmp_path / "data")
    yield World(store, tmp_path / "data", template.units, template.actors)
    store.close()


# --- helpers ---------------------------------------------------------------------------------------

def _new_case(w: World, actor: Actor, *, title: str = "李某某反映家庭纠纷", kind: CaseKind = CaseKind.MEDIATION,
              victim: bool = True) -> str:
    with w.store.uow(write=True) as uow:
        detail = cases.create_case(uow, actor, cases.NewCase(title=title, kind=kind))
        if victim:
            cases.add_party(uow, actor, detail.row.id, PersonInput(name="李桂兰", phone="13900000001",
                                                                   address="郭亮村三组"),
                            PartyRole.VICTIM, contact_confidential=True)
    return detail.row.id


def _refer(w: World, actor: Actor, case_id: str, unit_name: str, reason: str = "涉家暴，需街道调解室介入"):  # noqa: ANN202
    with w.store.uow(write=True) as uow:
        return referrals.refer_to_tier(uow, actor, case_id, w.units[unit_name], reason)


def _accept(w: World, actor: Actor, referral_id: str, note: str = ""):  # noqa: ANN202
    with w.store.uow(write=True) as uow:
        return referrals.accept(uow, actor, referral_id, note)


def _open(w: World, actor: Actor, case_id: str):  # noqa: ANN202
    with w.store.uow(write=True) as uow:
        return cases.get_case(uow, actor, case_id)


def _history(w: World, actor: Actor, case_id: str):  # noqa: ANN202
    with w.store.uow() as uow:
        return referrals.case_referrals(uow, actor, case_id)


def _inbox(w: World, actor: Actor):  # noqa: ANN202
    with w.store.uow() as uow:
        return referrals.inbox(uow, actor)


def _chain_ok(store: Store) -> None:
    with store.uow() as uow:
        report = verify_chain(uow.s)
    assert report.ok, report.problem


def _owners(store: Store, model: Any, case_id: str) -> set[str]:  # noqa: ANN401
    with store.uow() as uow:
        return set(uow.s.execute(select(model.owner_unit_id).where(model.case_id == case_id)).scalars())


# --- between tiers ---------------------------------------------------------------------------------

def test_village_escalates_to_its_town_which_accepts_and_takes_the_case_over(world: World) -> None:
    w = world
    village, town = w["cun_a1"], w["jie_a1"]
    case_id = _new_case(w, village)
    old_no = _open(w, village, case_id).row.case_no

    sent = _refer(w, village, case_id, TOWN_A)
    assert (sent.kind, sent.status, sent.status_label) == (ReferralKind.TIER, "pending", "待接收")
    assert sent.direction_label == "上报" and sent.to_unit_name == TOWN_A and sent.sent_by_name == "郭亮调解员"

    # Before acceptance the case is still the village's (the town oversees its villages anyway, so it may
    # read it; the district → town and town → village tests show a receiver that may not).
    assert _open(w, village, case_id).row.unit_id == w.units[VILLAGE_A1]
    with pytest.raises(PermissionDenied):  # another town sees nothing of it
        _open(w, w["jie_b"], case_id)
    (item,) = _inbox(w, town)
    assert (item.case_no, item.case_title, item.from_unit_name, item.sent_by_name) == (
        old_no, "李某某反映家庭纠纷", VILLAGE_A1, "郭亮调解员")
    assert item.reason == "涉家暴，需街道调解室介入" and item.can_accept and item.direction_label == "上报"
    # Only the referral's own fields: nothing about the parties or their contacts.
    assert {f.name for f in dataclasses.fields(item)} == {
        "referral_id", "case_id", "case_no", "case_title", "direction", "direction_label", "from_unit_id",
        "from_unit_name", "to_unit_id", "to_unit_name", "reason", "sent_at", "sent_by_name", "can_accept"}
    assert _inbox(w, village) == [] and _inbox(w, w["jie_b"]) == []

    accepted = _accept(w, town, sent.id, "已安排街道调解室")
    assert (accepted.status, accepted.status_label, accepted.responded_by_name) == ("accepted", "已接收", "街道甲")
    assert accepted.response_time is not None and accepted.response_time.total_seconds() >= 0

    detail = _open(w, town, case_id)
    assert detail.row.unit_id == w.units[TOWN_A] and detail.row.tier.value == "town"
    assert detail.handler_id == town.user_id
    assert detail.row.case_no == old_no  # the number travels with the case
    assert [p.name for p in detail.parties] == ["李桂兰"] and detail.parties[0].phone == "13900000001"
    timeline = [e.summary for e in detail.events]
    assert any(s.startswith(f"上报给{TOWN_A}") for s in timeline)
    assert any(f"案件移交{TOWN_A}办理" in s for s in timeline)
    # Everything of the case that carries an owner moved with it, the victim's person record too.
    for model in (CaseParty, CaseEvent, CaseClock):
        assert _owners(w.store, model, case_id) <= {w.units[TOWN_A]}, model.__tablename__
    with w.store.uow() as uow:
        person = uow.s.execute(select(Person).where(Person.name == "李桂兰")).scalar_one()
        assert person.owner_unit_id == w.units[TOWN_A]
        assert uow.s.get(Referral, sent.id).owner_unit_id == w.units[VILLAGE_A1]  # the sender's record

    # The village can no longer open or find the case, but keeps the referral and its history.
    with pytest.raises(PermissionDenied):
        _open(w, village, case_id)
    with w.store.uow() as uow:
        assert case_queries.find_by_case_number(uow, village, detail.row.case_no) is None
        assert case_queries.find_by_name(uow, village, "李桂兰") == []
    (seen,) = _history(w, village, case_id)
    assert seen.status == "accepted" and seen.responded_by_name == "街道甲"
    assert [s.kind for s in seen.history] == ["referral_sent", "referral_accepted"]
    assert _history(w, town, case_id)[0].history == seen.history  # the same history on both sides
    assert _inbox(w, town) == []
    with pytest.raises(PermissionDenied):  # a village that took no part sees nothing
        _history(w, w["cun_a2"], case_id)
    _chain_ok(w.store)


def test_town_escalates_to_the_district_which_accepts(world: World) -> None:
    w = world
    town, sup = w["jie_a1"], w["sup"]
    case_id = _new_case(w, town, kind=CaseKind.PETITION)
    sent = _refer(w, town, case_id, DISTRICT, "群体性信访苗头，提请区里处理")
    assert sent.direction_label == "上报"
    (item,) = _inbox(w, sup)
    assert item.can_accept and item.referral_id == sent.id
    _accept(w, sup, sent.id)
    detail = _open(w, sup, case_id)
    assert detail.row.unit_id == w.units[DISTRICT]
    assert detail.row.tier.value == "district" and detail.row.case_no.endswith("望高妇信字第1号")
    with pytest.raises(PermissionDenied):
        _open(w, town, case_id)
    assert _history(w, town, case_id)[0].status_label == "已接收"
    _chain_ok(w.store)


def test_town_assigns_down_to_a_village_which_accepts(world: World) -> None:
    w = world
    town, village, other = w["jie_a1"], w["cun_a2"], w["cun_a1"]
    case_id = _new_case(w, town, title="街道受理的赡养纠纷", victim=False)
    sent = _refer(w, town, case_id, VILLAGE_A2, "当事人住新康村，就近调解")
    assert sent.direction_label == "交办"
    assert [i.referral_id for i in _inbox(w, village)] == [sent.id]
    assert _inbox(w, other) == [] and _inbox(w, town) == []  # the town's own sending is in its outbox
    with w.store.uow() as uow:
        assert [r.id for r in referrals.outbox(uow, town)] == [sent.id]
    with pytest.raises(PermissionDenied):
        _open(w, village, case_id)
    with pytest.raises(NotFound):  # another village cannot even learn it exists
        _accept(w, other, sent.id)
    with pytest.raises(PermissionDenied) as err:  # the sender cannot accept its own assignment
        _accept(w, town, sent.id)
    assert err.value.code == "not_receiver" and VILLAGE_A2 in err.value.message

    _accept(w, village, sent.id)
    detail = _open(w, village, case_id)
    assert detail.row.unit_id == w.units[VILLAGE_A2] and detail.row.tier.value == "village"
    assert detail.row.case_no.endswith("望高婚调字第1号")  # issued by the town, kept by the village
    assert _open(w, town, case_id).row.unit_id == w.units[VILLAGE_A2]  # the town still oversees its village
    with pytest.raises(PermissionDenied):
        _open(w, other, case_id)
    _chain_ok(w.store)


@pytest.mark.parametrize(("sender", "target", "code", "words"), [
    ("cun_a1", VILLAGE_A2, "referral_sideways", "不能平级转介"),
    ("cun_a1", DISTRICT, "referral_skips_tier", "不能越级上报"),
    ("cun_a1", TOWN_B, "referral_other_branch", "不是郭亮村的上级"),
    ("cun_a1", VILLAGE_B1, "referral_sideways", "不能平级转介"),
    ("jie_a1", TOWN_B, "referral_sideways", "不能平级转介"),
    ("jie_a1", VILLAGE_B1, "referral_other_branch", "不是高塘岭街道的上级或直属下级"),
    ("sup", VILLAGE_A1, "referral_skips_tier", "不能越级交办"),
    ("cun_a1", VILLAGE_A1, "referral_same_unit", "不能转介给本单位"),
])
def test_sideways_skipping_and_other_branches_are_refused(world: World, sender: str, target: str, code: str,
                                                          words: str) -> None:
    w = world
    case_id = _new_case(w, w[sender], victim=False)
    with pytest.raises(WorkflowError) as err:
        _refer(w, w[sender], case_id, target)
    assert err.value.code == code and words in err.value.message, err.value.message
    with w.store.uow() as uow:
        assert uow.s.execute(select(Referral)).first() is None


def test_a_village_cannot_refer_or_read_another_villages_case(world: World) -> None:
    w = world
    theirs = _new_case(w, w["cun_a2"])
    for attempt in (
        lambda uow: referrals.refer_to_tier(uow, w["cun_a1"], theirs, w.units[TOWN_A], "代为上报"),
        lambda uow: referrals.refer_to_agency(uow, w["cun_a1"], theirs, AgencyType.POLICE, "望城区公安分局",
                                              "报警", ["基本情况"], "given", "当面同意"),
        lambda uow: referrals.case_referrals(uow, w["cun_a1"], theirs),
    ):
        with pytest.raises(PermissionDenied) as err:
            with w.store.uow(write=True) as uow:
                attempt(uow)
        assert err.value.code == "out_of_scope"
    sent = _refer(w, w["cun_a2"], theirs, TOWN_A)
    assert _inbox(w, w["cun_a1"]) == []
    with pytest.raises(NotFound):
        with w.store.uow() as uow:
            referrals.get_referral(uow, w["cun_a1"], sent.id)
    with pytest.raises(NotFound):
        with w.store.uow(write=True) as uow:
            referrals.withdraw(uow, w["cun_a1"], sent.id, "不是我的")


def test_a_returned_referral_leaves_the_case_with_the_sender(world: World) -> None:
    w = world
    town, village = w["jie_a1"], w["cun_a2"]
    case_id = _new_case(w, town)
    sent = _refer(w, town, case_id, VILLAGE_A2, "当事人住新康村")
    with pytest.raises(ValidationError):
        with w.store.uow(write=True) as uow:
            referrals.return_referral(uow, village, sent.id, "  ")
    with pytest.raises(PermissionDenied):  # the sender cannot answer its own referral
        with w.store.uow(write=True) as uow:
            referrals.return_referral(uow, town, sent.id, "自己退回")
    with w.store.uow(write=True) as uow:
        returned = referrals.return_referral(uow, village, sent.id, "当事人已搬离本村，请街道直接办理")
    assert (returned.status_label, returned.response_note) == ("已退回", "当事人已搬离本村，请街道直接办理")
    assert returned.responded_by_name == "新康调解员"
    assert _open(w, town, case_id).row.unit_id == w.units[TOWN_A]
    with pytest.raises(PermissionDenied):  # the receiver never got access
        _open(w, village, case_id)
    assert _inbox(w, village) == []
    # Both sides keep the record and its history; the receiver still cannot open the case.
    assert [r.status for r in _history(w, village, case_id)] == ["returned"]
    assert [s.kind for s in _history(w, town, case_id)[0].history] == ["referral_sent", "referral_returned"]
    with pytest.raises(ConflictError) as err:  # nothing left to accept
        _accept(w, village, sent.id)
    assert "新康调解员" in err.value.message and "已退回" in err.value.message
    # The sender may send it on again.
    again = _refer(w, town, case_id, VILLAGE_A1, "改由郭亮村跟进")
    assert again.status == "pending"
    _chain_ok(w.store)


def test_a_returned_escalation_stays_with_the_village(world: World) -> None:
    w = world
    village, town = w["cun_a1"], w["jie_a1"]
    case_id = _new_case(w, village)
    sent = _refer(w, village, case_id, TOWN_A)
    with pytest.raises(PermissionDenied):  # the sender cannot accept its own escalation
        _accept(w, village, sent.id)
    with w.store.uow(write=True) as uow:
        referrals.return_referral(uow, town, sent.id, "属村级调解范围，请村调委会先行调解")
    detail = _open(w, village, case_id)
    assert detail.row.unit_id == w.units[VILLAGE_A1] and detail.handler_id == village.user_id
    assert any("退回转介" in e.summary for e in detail.events)
    assert _refer(w, village, case_id, TOWN_A, "村级调解未果，再次上报").status == "pending"


def test_withdraw_while_pending_and_one_pending_referral_at_a_time(world: World) -> None:
    w = world
    village, town = w["cun_a1"], w["jie_a1"]
    case_id = _new_case(w, village)
    sent = _refer(w, village, case_id, TOWN_A)
    with pytest.raises(WorkflowError) as err:
        _refer(w, village, case_id, TOWN_A, "再报一次")
    assert err.value.code == "referral_pending"
    with pytest.raises(PermissionDenied) as err:  # the receiver returns, it does not withdraw
        with w.store.uow(write=True) as uow:
            referrals.withdraw(uow, town, sent.id, "不要了")
    assert err.value.code == "not_sender"
    with pytest.raises(ValidationError):
        with w.store.uow(write=True) as uow:
            referrals.withdraw(uow, village, sent.id, "")
    with w.store.uow(write=True) as uow:
        withdrawn = referrals.withdraw(uow, village, sent.id, "当事人已和解")
    assert withdrawn.status_label == "已撤回" and withdrawn.history[-1].summary.endswith("当事人已和解")
    assert _inbox(w, town) == []
    with pytest.raises(ConflictError) as err:
        _accept(w, town, sent.id)
    assert "郭亮调解员" in err.value.message and "已撤回" in err.value.message
    with pytest.raises(ConflictError):
        with w.store.uow(write=True) as uow:
            referrals.withdraw(uow, village, sent.id, "再撤一次")
    assert _open(w, village, case_id).row.unit_id == w.units[VILLAGE_A1]


def test_a_closed_case_cannot_be_referred(world: World) -> None:
    w = world
    case_id = _new_case(w, w["cun_a1"], victim=False)
    with w.store.uow(write=True) as uow:
        uow.s.get(Case, case_id).status = "closed"
    with pytest.raises(WorkflowError) as err:
        _refer(w, w["cun_a1"], case_id, TOWN_A)
    assert err.value.code == "case_not_open"


def test_the_database_row_decides_not_what_the_session_read(world: World) -> None:
    """Even when this session read 'pending' before the other desk committed (as on PostgreSQL),
    the conditional UPDATE finds no pending row and the accept fails with the winner's name."""
    w = world
    case_id = _new_case(w, w["cun_a1"])
    sent = _refer(w, w["cun_a1"], case_id, TOWN_A)
    with pytest.raises(ConflictError) as err:
        with w.store.uow(write=True) as uow:
            assert uow.s.get(Referral, sent.id).status == "pending"  # read before the other desk
            table = Referral.__table__
            uow.s.connection().execute(update(table).where(table.c.id == sent.id).values(
                status="accepted", responded_by_name="街道乙", responded_at=sent.sent_at,
                version=table.c.version + 1))  # the other desk's accept, behind the session's back
            referrals.accept(uow, w["jie_a1"], sent.id)
    assert err.value.code == "referral_already_handled"
    assert "街道乙" in err.value.message and "接收" in err.value.message
    assert _open(w, w["cun_a1"], case_id).row.unit_id == w.units[VILLAGE_A1]  # rolled back as a whole


def accept_worker(root: str, passphrase: str, user_id: str, referral_id: str, start: Any,  # noqa: ANN401
                  results: Any) -> None:  # noqa: ANN401
    """Runs in a spawned process: a second desk opens the same store and accepts the referral."""
    try:
        from fulian_desktop.domain.errors import ConflictError as Conflict
        from fulian_desktop.services.accounts import auth
        from fulian_desktop.services.referral import referrals as service
        from fulian_desktop.store.models import UserAccount
        from fulian_desktop.store.store import Unlock, open_store
        from tests.support.stores import NoKeyringVault

        with open_store(Path(root), Unlock(passphrase=passphrase), vault=NoKeyringVault()) as store:
            with store.uow() as uow:
                actor = auth.actor_for(uow, uow.s.get(UserAccount, user_id))
            start.wait(timeout=60)
            try:
                with store.uow(write=True) as uow:
                    view = service.accept(uow, actor, referral_id, f"{actor.display_name}接收")
                results.put(("ok", actor.display_name, view.responded_by_name))
            except Conflict as exc:
                results.put(("conflict", actor.display_name, exc.message))
    except BaseException:  # noqa: BLE001 - report everything to the parent
        results.put(("error", "", traceback.format_exc()))
        try:
            start.abort()
        except Exception:  # noqa: BLE001
            pass


def test_two_desks_accepting_at_once_exactly_one_wins(world: World) -> None:
    w = world
    case_id = _new_case(w, w["cun_a1"])
    sent = _refer(w, w["cun_a1"], case_id, TOWN_A)
    w.store.close()  # the parent keeps no connection open while the two desks race
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=accept_worker, args=(str(w.root), PASSPHRASE, w[name].user_id, sent.id, start,
                                                     results), name=f"desk-{name}")
             for name in ("jie_a1", "jie_a2")]
    outcomes: list[tuple[str, str, str]] = []
    try:
        for p in procs:
            p.start()
        deadline = time.monotonic() + 120
        while len(outcomes) < 2 and time.monotonic() < deadline:
            try:
                outcomes.append(results.get(timeout=0.5))
            except queue.Empty:
                if not any(p.is_alive() for p in procs) and results.empty():
                    break
        for p in procs:
            p.join(timeout=30)
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
                p.join(timeout=10)
    assert [p.exitcode for p in procs] == [0, 0]
    assert not [o for o in outcomes if o[0] == "error"], "\n".join(o[2] for o in outcomes)
    assert sorted(o[0] for o in outcomes) == ["conflict", "ok"], outcomes
    (winner,) = [o[1] for o in outcomes if o[0] == "ok"]
    (message,) = [o[2] for o in outcomes if o[0] == "conflict"]
    assert winner in message and "接收" in message, message

    with w.store.uow() as uow:  # the engine reconnects on use
        referral = uow.s.get(Referral, sent.id)
        case = uow.s.get(Case, case_id)
        uow.s.expunge_all()  # keep the loaded values after the read-only unit of work ends
        accepted_events = uow.s.execute(select(CaseEvent).where(CaseEvent.case_id == case_id,
                                                                CaseEvent.kind == "referral_accepted")).all()
        case_moves = uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "case",
                                                            AuditEntry.case_id == case_id,
                                                            AuditEntry.action == "update")).all()
    assert referral.status == "accepted" and referral.responded_by_name == winner
    assert case.owner_unit_id == w.units[TOWN_A] and case.case_seq == 1  # moved and numbered once
    assert len(accepted_events) == 1 and len(case_moves) == 1
    _chain_ok(w.store)


def test_two_sessions_racing_in_threads_one_wins(world: World) -> None:
    """The same race inside one program (two units of work on two threads)."""
    w = world
    case_id = _new_case(w, w["cun_a1"])
    sent = _refer(w, w["cun_a1"], case_id, TOWN_A)
    go = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def desk(name: str) -> None:
        go.wait(timeout=30)
        try:
            _accept(w, w[name], sent.id)
            outcomes[name] = "ok"
        except ConflictError as exc:
            outcomes[name] = exc.message

    threads = [threading.Thread(target=desk, args=(n,)) for n in ("jie_a1", "jie_a2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(v == "ok" for v in outcomes.values()) == [False, True], outcomes
    winner = next(USERS[n][2] for n, v in outcomes.items() if v == "ok")
    assert winner in next(v for v in outcomes.values() if v != "ok")
