"""Referrals to agencies (consent, response, feedback), the status rules, and PostgreSQL."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.errors import (
    ConflictError, PermissionDenied, ValidationError, WorkflowError,
)
from fulian_desktop.domain.referral_rules import (
    SHAREABLE_ITEMS, AgencyStatus, AgencyType, ReferralKind, TierStatus, check_transition,
)
from fulian_desktop.security.actor import Actor
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import case_queries, cases
from fulian_desktop.services.referral import referrals
from fulian_desktop.store.models import (
    Case, Referral,
)
from fulian_desktop.store.store import Store
from tests.support.stores import (
    DISTRICT, TOWN_A, VILLAGE_A2,
)

from tests.integration.test_referrals import (  # noqa: F401 - fixtures and helpers shared with the tier tests
    USERS, Template, World, _accept, _chain_ok, _history, _inbox, _new_case, _open, _owners, _refer, template, world,
)





# --- to agencies -----------------------------------------------------------------------------------

def _agency(w: World, actor: Actor, case_id: str, consent: str | None, note: str | None = None,
            items: tuple[str, ...] = ("基本情况", "案情摘要")):  # noqa: ANN202
    with w.store.uow(write=True) as uow:
        return referrals.refer_to_agency(uow, actor, case_id, AgencyType.LEGAL_AID, "望城区法律援助中心",
                                         "家暴受害人申请法律援助（无须审查经济困难）", list(items), consent, note)


def test_agency_referral_needs_consent_unless_a_supervisor_overrides_with_a_reason(world: World) -> None:
    w = world
    mediator, sup = w["cun_a1"], w["sup"]
    case_id = _new_case(w, mediator)
    with pytest.raises(ValidationError) as err:
        _agency(w, mediator, case_id, None)
    assert err.value.field == "consent"
    with pytest.raises(PermissionDenied) as err:
        _agency(w, mediator, case_id, "override", "情况紧急")
    assert "督导" in err.value.message
    with pytest.raises(ValidationError) as err:
        _agency(w, sup, case_id, "override", "  ")
    assert err.value.field == "consent_note"
    with pytest.raises(ValidationError):
        _agency(w, mediator, case_id, "given", items=("基本情况", "银行流水"))

    overridden = _agency(w, sup, case_id, "override", "当事人昏迷，需紧急援助")
    assert overridden.consent == "override" and "当事人昏迷，需紧急援助" in overridden.consent_note
    assert "区督导" in overridden.consent_note
    given = _agency(w, mediator, case_id, "given", "当事人当面口头同意，有接待记录",
                    items=("案情摘要", "基本情况", "基本情况"))
    assert given.consent == "given" and given.consent_label == "当事人同意"
    assert "郭亮调解员" in given.consent_note and "当面口头同意" in given.consent_note
    assert given.shared_items == ("基本情况", "案情摘要")  # fixed order, each once
    assert (given.status, given.status_label, given.agency_type_label) == ("sent", "已发送", "法律援助中心")
    _chain_ok(w.store)


def test_a_confidential_victims_contacts_go_out_only_with_her_consent(world: World) -> None:
    w = world
    case_id = _new_case(w, w["cun_a1"])  # the victim's contacts are confidential
    with pytest.raises(ValidationError) as err:
        _agency(w, w["sup"], case_id, "override", "紧急", items=("基本情况", "联系方式"))
    assert "联系方式" in err.value.message
    with pytest.raises(PermissionDenied):  # a receptionist may not share what she may not see
        _agency(w, w["rec_a1"], case_id, "given", "书面同意", items=("联系方式",))
    shared = _agency(w, w["cun_a1"], case_id, "given", "当事人书面同意共享电话", items=("联系方式", "基本情况"))
    assert shared.shared_items == ("基本情况", "联系方式")
    # Without the contacts item, a supervisor's override is fine.
    assert _agency(w, w["sup"], case_id, "override", "紧急", items=("危险评估",)).status == "sent"


def test_agency_response_and_feedback_are_recorded_with_response_time(world: World) -> None:
    w = world
    mediator = w["cun_a1"]
    case_id = _new_case(w, mediator)
    sent = _agency(w, mediator, case_id, "given", "书面同意")
    with pytest.raises(WorkflowError):  # no feedback before the agency has received it
        with w.store.uow(write=True) as uow:
            referrals.record_feedback(uow, mediator, sent.id, "已指派律师")
    with pytest.raises(ValidationError):
        with w.store.uow(write=True) as uow:
            referrals.record_agency_response(uow, mediator, sent.id, "feedback", "")
    with w.store.uow(write=True) as uow:
        received = referrals.record_agency_response(uow, mediator, sent.id, AgencyStatus.RECEIVED, "电话确认收到",
                                                    contact="法援中心王律师")
    assert received.status_label == "已接收" and received.responded_by_name == "法援中心王律师"
    assert received.response_time is not None
    with pytest.raises(ConflictError):  # already answered
        with w.store.uow(write=True) as uow:
            referrals.record_agency_response(uow, mediator, sent.id, "refused", "重复")
    with w.store.uow(write=True) as uow:
        done = referrals.record_feedback(uow, mediator, sent.id, "已于三日内决定给予法律援助，指派王律师")
    assert (done.status, done.status_label) == ("feedback", "已反馈")
    assert done.feedback == "已于三日内决定给予法律援助，指派王律师"
    assert [s.kind for s in done.history] == ["referral_sent", "referral_received", "referral_feedback"]
    with pytest.raises(ConflictError):
        with w.store.uow(write=True) as uow:
            referrals.withdraw(uow, mediator, sent.id, "太晚了")

    refused_case = _new_case(w, mediator, title="另一起求助", victim=False)
    other = _agency(w, mediator, refused_case, "given", "同意")
    with pytest.raises(WorkflowError) as err:
        with w.store.uow(write=True) as uow:
            referrals.record_agency_response(uow, mediator, other.id, "refused", "")
    assert err.value.code == "reason_required"
    with w.store.uow(write=True) as uow:
        refused = referrals.record_agency_response(uow, mediator, other.id, "refused", "不属本机构受理范围")
    assert refused.status_label == "已拒绝" and refused.response_note == "不属本机构受理范围"

    with w.store.uow(write=True) as uow:  # the event timeline of the case shows every step
        timeline = [e.summary for e in cases.get_case(uow, mediator, case_id).events]
    assert any("转介至望城区法律援助中心" in s for s in timeline)
    assert any("反馈" in s for s in timeline)
    with w.store.uow() as uow:
        mine = referrals.outbox(uow, mediator)
        assert {r.id for r in mine} == {sent.id, other.id}
        assert [r.id for r in referrals.outbox(uow, mediator, open_only=True)] == []
    _chain_ok(w.store)


def test_agency_referrals_stay_visible_to_the_sender_after_the_case_moves_up(world: World) -> None:
    w = world
    village, town = w["cun_a1"], w["jie_a1"]
    case_id = _new_case(w, village)
    agency = _agency(w, village, case_id, "given", "书面同意")
    tier = _refer(w, village, case_id, TOWN_A)
    _accept(w, town, tier.id)
    assert [r.id for r in _history(w, town, case_id)] == [agency.id, tier.id]
    assert [r.id for r in _history(w, village, case_id)] == [agency.id, tier.id]
    with w.store.uow(write=True) as uow:  # the new owner records the agency's answer on the village's referral
        referrals.record_agency_response(uow, town, agency.id, "received", "")
    later = _agency(w, town, case_id, "given", "书面同意")  # the town's own referral: not the village's business
    assert _history(w, village, case_id)[0].status == "received"
    assert later.id not in {r.id for r in _history(w, village, case_id)}
    assert later.id in {r.id for r in _history(w, town, case_id)}


def test_before_accepting_an_assignment_the_village_sees_only_what_was_sent_to_it(world: World) -> None:
    w = world
    town, village = w["jie_a1"], w["cun_a2"]
    case_id = _new_case(w, town)
    agency = _agency(w, town, case_id, "given", "书面同意")
    tier = _refer(w, town, case_id, VILLAGE_A2, "就近跟进")
    with pytest.raises(PermissionDenied):
        _open(w, village, case_id)
    with w.store.uow() as uow:
        assert case_queries.find_by_name(uow, village, "李桂兰") == []
        assert case_queries.fetch_case_rows(uow, village, [case_id]) == []
    assert [r.id for r in _history(w, village, case_id)] == [tier.id]
    _accept(w, village, tier.id)
    assert [r.id for r in _history(w, village, case_id)] == [agency.id, tier.id]
    assert _open(w, village, case_id).parties[0].name == "李桂兰"


# --- the rules table -------------------------------------------------------------------------------

def test_the_status_table_refuses_with_chinese_messages() -> None:
    check_transition(ReferralKind.TIER, TierStatus.PENDING, TierStatus.ACCEPTED)
    with pytest.raises(WorkflowError) as err:
        check_transition(ReferralKind.TIER, TierStatus.ACCEPTED, TierStatus.WITHDRAWN, "撤回")
    assert "已接收" in err.value.message and "已撤回" in err.value.message
    with pytest.raises(WorkflowError) as err:
        check_transition(ReferralKind.AGENCY, AgencyStatus.SENT, AgencyStatus.FEEDBACK, "结果")
    assert "登记对方已接收" in err.value.message
    with pytest.raises(WorkflowError):
        check_transition(ReferralKind.AGENCY, AgencyStatus.FEEDBACK, AgencyStatus.WITHDRAWN, "撤回")
    assert [a.label for a in AgencyType] == ["法律援助中心", "公安", "法院", "检察院", "民政/庇护", "卫健/医疗", "教育",
                                            "司法所", "心理咨询机构", "其他"]
    assert "联系方式" in SHAREABLE_ITEMS


# --- PostgreSQL (only with a server: FULIAN_TEST_PG_URL) ----------------------------------------------

@pytest.mark.postgres
def test_postgres_the_second_session_waits_then_loses() -> None:
    """On PostgreSQL both sessions read 'pending'; the second UPDATE waits for the first's row lock and,
    once it commits, matches no row: ConflictError naming the winner."""
    url = os.environ.get("FULIAN_TEST_PG_URL")
    if not url:
        pytest.skip("FULIAN_TEST_PG_URL not set")
    from sqlalchemy import text

    from fulian_desktop.services.accounts import auth, orgunits
    from fulian_desktop.services.accounts.setup import initialise
    from fulian_desktop.store import migrate
    from fulian_desktop.store.engine import make_engine
    from fulian_desktop.store.models import AuditHead, StoreMeta, UserAccount
    from fulian_desktop.services.accounts import users as user_service
    from tests.support.stores import TOWNS

    schema = "fulian_referrals_test"  # its own schema: never touches anything else in that database
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    admin.dispose()
    engine = make_engine(url, connect_args={"options": f"-c search_path={schema}"})
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(StoreMeta.__table__.insert().values(id=1, store_id="pg-test", demo=False))
        conn.execute(AuditHead.__table__.insert().values(id=1, last_seq=0, last_hash="0" * 64))
    store = Store(engine, store_id="pg-test", paths=None, demo=False)
    try:
        district = initialise(store, district=DISTRICT, case_prefix="望", admin_username="admin",
                              admin_name="管理员", admin_password="Admin-Start-1", towns=TOWNS)
        system = auth.system_actor(store)
        with store.uow() as uow:
            units = {u.name: u.id for u in orgunits.list_units(uow, system)}
        actors = {}
        for username, (role, unit, name) in USERS.items():
            with store.uow(write=True) as uow:
                user_service.add_user(uow, system, username=username, display_name=name, role=role,
                                      unit_id=units[unit], password="Temp-Pass-123")
            with store.uow(write=True) as uow:
                account = uow.s.execute(select(UserAccount).where(UserAccount.username == username)).scalar_one()
                account.must_change_password = False
                actors[username] = auth.actor_for(uow, account)
        assert district
        w = World(store, Path("."), units, actors)
        case_id = _new_case(w, actors["cun_a1"])
        sent = _refer(w, actors["cun_a1"], case_id, TOWN_A)

        first_done, release = threading.Event(), threading.Event()
        outcome: dict[str, object] = {}

        def winner() -> None:
            with store.uow(write=True) as uow:
                referrals.accept(uow, actors["jie_a1"], sent.id)
                first_done.set()
                release.wait(timeout=30)  # hold the row lock while the other session tries

        def loser() -> None:
            first_done.wait(timeout=30)
            try:
                with store.uow(write=True) as uow:
                    referrals.accept(uow, actors["jie_a2"], sent.id)
                outcome["loser"] = "ok"
            except ConflictError as exc:
                outcome["loser"] = exc.message

        threads = [threading.Thread(target=winner), threading.Thread(target=loser)]
        for t in threads:
            t.start()
        first_done.wait(timeout=30)
        time.sleep(1.0)  # the loser is now blocked on the referral row
        assert "loser" not in outcome
        release.set()
        for t in threads:
            t.join(timeout=60)
        assert "街道甲" in str(outcome["loser"]), outcome
        with store.uow() as uow:
            assert uow.s.get(Case, case_id).owner_unit_id == units[TOWN_A]

        # Two sessions sending the same case at once: the case row lock makes the second see the first's.
        other_case = _new_case(w, actors["cun_a1"], victim=False)
        sent_first, release2 = threading.Event(), threading.Event()
        second: dict[str, object] = {}

        def first_sender() -> None:
            with store.uow(write=True) as uow:
                referrals.refer_to_tier(uow, actors["cun_a1"], other_case, units[TOWN_A], "上报")
                sent_first.set()
                release2.wait(timeout=30)

        def second_sender() -> None:
            sent_first.wait(timeout=30)
            try:
                with store.uow(write=True) as uow:
                    referrals.refer_to_tier(uow, actors["jie_a1"], other_case, units[TOWN_A], "同时上报")
                second["result"] = "ok"
            except WorkflowError as exc:
                second["result"] = exc.code

        threads = [threading.Thread(target=first_sender), threading.Thread(target=second_sender)]
        for t in threads:
            t.start()
        sent_first.wait(timeout=30)
        time.sleep(1.0)
        assert "result" not in second  # waiting for the case row
        release2.set()
        for t in threads:
            t.join(timeout=60)
        assert second["result"] == "referral_pending"
        with store.uow() as uow:
            assert len(uow.s.execute(select(Referral).where(Referral.case_id == other_case)).all()) == 1
            assert verify_chain(uow.s).ok
    finally:
        store.close()
