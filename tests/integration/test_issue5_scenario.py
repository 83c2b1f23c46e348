"""Issue 5's must-show scenario, end to end through the core services on a real encrypted store:
hotline call → intake at a village station → high risk → escalated to the town → protection order applied
for and issued → mediation on child support → agreement signed → follow-up visit → closure approved by the
supervisor; the audit log and the timeline hold every step."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseStatus, PartyRole, Role
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.risk import RiskLevel
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.intake import intake
from fulian_desktop.services.mediation import mediation, mediation_safety
from fulian_desktop.services.referral import referrals
from fulian_desktop.services.crisis import protection_orders as po
from fulian_desktop.services.mediation.mediation import TermInput
from fulian_desktop.store.models import AuditEntry
from tests.support.stores import DISTRICT, TOWN_A, VILLAGE_A1, add_user, build_org, first_login, new_store

CALLER_ID = make_id_number("430122", date(1988, 4, 9), 224)  # a woman (even sequence)
USERS = {  # username -> (role, unit)
    "rec": (Role.RECEPTION, VILLAGE_A1),
    "cun": (Role.MEDIATOR, VILLAGE_A1),
    "jie": (Role.MEDIATOR, TOWN_A),
    "sup": (Role.SUPERVISOR, DISTRICT),
}


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    for name, (role, unit) in USERS.items():
        add_user(store, name, role, org.district if unit == DISTRICT else org.units[unit])
    actors = {name: first_login(store, name) for name in USERS}
    yield store, org, actors
    store.close()


def _subsequence(wanted: list[str], kinds: list[str]) -> bool:
    it = iter(kinds)
    return all(any(k == w for k in it) for w in wanted)


def test_hotline_call_to_approved_closure_leaves_a_full_timeline_and_audit_trail(world) -> None:  # noqa: ANN001
    store, org, a = world
    now = clock.now_utc()
    t0 = now - timedelta(days=20)

    # 1. a woman calls the hotline; the village station registers and accepts it
    with store.uow(write=True) as uow:
        view = intake.register_contact(uow, a["rec"], IntakeInput(
            name="刘桂兰", channel=Channel.CALL, decision=IntakeDecision.ACCEPT,
            request="丈夫多次殴打，要求保护并解决孩子抚养费", facts="丈夫酒后掐脖子，半年不给孩子生活费",
            category="婚姻家庭", sub_category="家庭暴力", sex="female", id_number=CALLER_ID,
            phone="13907312468", address="郭亮村五组 12 号", received_at=t0))
    case_id = view.case_id
    assert view.case_status == CaseStatus.ACCEPTED
    with store.uow(write=True) as uow:
        wife = next(p.id for p in cases.get_case(uow, a["cun"], case_id).parties
                    if p.role == PartyRole.APPLICANT)
        husband = cases.add_party(uow, a["cun"], case_id, PersonInput(name="张建国", sex="male"),
                                  PartyRole.RESPONDENT).id
        cases.add_party(uow, a["cun"], case_id, PersonInput(name="张小雨", sex="female"), PartyRole.MINOR_CHILD)

    # 2. danger assessment: strangulation → high risk, a major incident
    with store.uow(write=True) as uow:
        risk = crisis.record_assessment(uow, a["cun"], case_id, {"strangulation": True, "controlling": True},
                                        assessed_at=t0 + timedelta(hours=1))
    assert risk.final_level == RiskLevel.HIGH

    # 3. escalated to the town, which accepts
    with store.uow(write=True) as uow:
        ref = referrals.refer_to_tier(uow, a["cun"], case_id, org.units[TOWN_A], "高风险家暴，需街道介入")
    with store.uow(write=True) as uow:
        referrals.accept(uow, a["jie"], ref.id, "街道接手")

    # 4. protection order applied for, granted and issued
    with store.uow(write=True) as uow:
        order = po.apply_for_order(uow, a["jie"], case_id, "望城区人民法院", t0 + timedelta(days=1), True, True,
                                   ["no_violence", "no_harassment"])
        po.decide_order(uow, a["jie"], order.id, True, t0 + timedelta(days=1, hours=12))
        po.issue_order(uow, a["jie"], order.id)

    # 5. mediation on child support: she is screened alone and, the risk being 高, a supervisor approves the
    # joint session (issue 18); a session, then a signed and sealed agreement
    with store.uow(write=True) as uow:
        screening = mediation_safety.record_screening(
            uow, a["jie"], case_id, wife, speaks_freely=True, fears_other_party=False, violence_since_last=False,
            separate_offered=True, victim_choice="joint", victim_words="我愿意当面谈孩子的抚养费。",
            screened_at=t0 + timedelta(days=4))
        mediation_safety.approve_screening(uow, a["sup"], screening.id, "分开到场、分开离场，工作人员陪同")
    with store.uow(write=True) as uow:
        session = mediation.schedule(uow, a["jie"], case_id, t0 + timedelta(days=5), "高塘岭街道人民调解室",
                                     [a["jie"].user_id], "记录员", [wife, husband])
    with store.uow(write=True) as uow:
        mediation.record_session(uow, a["jie"], session.id, t0 + timedelta(days=5, hours=1), [wife, husband],
                                 ["rights_duties", "recusal"],
                                 [(wife, "他不给孩子抚养费。"), ("mediator", "请双方冷静陈述。"), (husband, "我愿意付。")],
                                 "agreement")
    with store.uow(write=True) as uow:
        agreement = mediation.create_agreement(
            uow, a["jie"], case_id, "written", "张建国酒后施暴、不付抚养费", "子女抚养费", "张建国负主要责任",
            [TermInput("张建国", "每月支付女儿张小雨抚养费1500元", "每月5日前转账至刘桂兰账户")],
            violence_not_a_term=True)
        signed_at = t0 + timedelta(days=5, hours=2)
        mediation.sign_party(uow, a["jie"], agreement.id, wife, "signed", signed_at)
        mediation.sign_party(uow, a["jie"], agreement.id, husband, "signed", signed_at)
        mediation.mediator_sign(uow, a["jie"], agreement.id, signed_at)
        sealed = mediation.apply_seal(uow, a["jie"], agreement.id, signed_at + timedelta(minutes=5))
    assert sealed.is_effective

    # 6. follow-up visit
    with store.uow(write=True) as uow:
        mediation.add_follow_up(uow, a["jie"], case_id, agreement.id, t0 + timedelta(days=15), "jie", "visit",
                                "抚养费已按时支付", "satisfied")

    # 7. closure requested by the town, approved by the district supervisor
    with store.uow(write=True) as uow:
        workflow.transition(uow, a["jie"], case_id, T.REQUEST_CLOSURE, reason="协议已履行，回访满意",
                            petition_outcome="support", petition_basis="家暴及拒付抚养费属实，依法支持其诉求。",
                            petition_facts="经走访核实，来访人反映的情况属实。")
    with store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, a["sup"], case_id=case_id, pending_only=True)
    with store.uow(write=True) as uow:
        workflow.decide(uow, a["sup"], pending.id, True, "材料齐全")

    with store.uow(write=True) as uow:
        detail = cases.get_case(uow, a["sup"], case_id)
    assert detail.row.status == CaseStatus.CLOSED and detail.row.status.label == "已结案"
    assert detail.row.major_incident
    kinds = [e.kind for e in detail.events]
    wanted = ["created", "intake", "status_accept", "risk_assessed", "flag_raised", "referral_sent",
              "referral_accepted", "crisis_order_applied", "crisis_order_decided", "crisis_order_issued",
              "mediation_screened", "mediation_screening_approved", "mediation_scheduled", "mediation_held", "agreement_created", "agreement_signed", "agreement_signed",
              "agreement_mediator_signed", "agreement_sealed", "agreement_effective", "follow_up",
              "status_request_closure", "approval_requested", "approval_decided", "status_close"]
    assert _subsequence(wanted, kinds), kinds

    with store.uow() as uow:
        report = verify_chain(uow.s)
        assert report.ok, report.problem
        entities = set(uow.s.execute(select(AuditEntry.entity).where(AuditEntry.case_id == case_id)).scalars())
    for entity in ("intake", "risk_assessment", "referral", "protection_order", "mediation_screening",
                   "mediation_session", "agreement",
                   "follow_up_visit", "approval"):
        assert entity in entities, (entity, sorted(entities))
