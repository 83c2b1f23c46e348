"""A small store with known cases, contacts, agreements and screening entries for the statistics tests.

Everything is entered through the services; only moments the services stamp with the clock (an entry's
registration, a case's closing) are moved into October 2026 afterwards, as if the work had been done then.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import update

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, CaseStatus, PartyRole, Role
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.counselling import counselling
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.intake import intake
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.screening import screening
from fulian_desktop.store.models import Case, CaseEvent, ScreeningEntry
from fulian_desktop.store.store import Store
from fulian_desktop.store.uow import UnitOfWork
from tests.support.stores import (
    DISTRICT, TOWN_A, VILLAGE_A1, VILLAGE_A2, Org, add_user, build_org, first_login, new_store,
)

OCT_FROM, OCT_TO = date(2026, 10, 1), date(2026, 10, 31)


def at(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=LOCAL_TZ)


@dataclass
class StatsWorld:
    store: Store
    org: Org
    sup: Actor
    village: Actor
    town: Actor
    district: Actor
    case_ids: dict[str, str]


def _case(store: Store, actor: Actor, key: str, ids: dict[str, str], *, kind: CaseKind = CaseKind.MEDIATION,
          dispute: str | None = None, source: str | None = None, category: str | None = None,
          sub_category: str | None = None, opened: datetime, accept: bool = True, parties: bool = True) -> str:
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, actor, cases.NewCase(
            title=f"统计测试{key}", kind=kind, dispute_type=dispute, source=source, category=category,
            sub_category=sub_category, opened_at=opened)).row.id
        if parties:
            cases.add_party(uow, actor, case_id, PersonInput(name=f"甲{key}", sex="female"), PartyRole.APPLICANT)
            cases.add_party(uow, actor, case_id, PersonInput(name=f"乙{key}", sex="male"), PartyRole.RESPONDENT)
        if accept:
            workflow.transition(uow, actor, case_id, T.ACCEPT)
    ids[key] = case_id
    return case_id


def _close(store: Store, actor: Actor, sup: Actor, case_id: str, closed: datetime, outcomes: dict) -> None:
    with store.uow(write=True) as uow:
        workflow.transition(uow, actor, case_id, T.REQUEST_CLOSURE, reason="办结", closure_outcomes=outcomes)
    with store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, sup, case_id=case_id, pending_only=True)
    with store.uow(write=True) as uow:
        workflow.decide(uow, sup, pending.id, True, "同意")
        uow.s.execute(update(Case).where(Case.id == case_id).values(closed_at=closed))


def _agreements(uow: UnitOfWork, village: Actor, district: Actor, m1: str, m3: str) -> None:
    """Agreements with amounts and performance: known answers of test_statistics_recorded."""
    with clock.frozen_at(at(11, 5)):
        # M1 (village): its first agreement (12,345.50 元, term without deadline: due the day it took effect,
        # 10 Oct) partly performed; a second (no sum) due 20 Oct, nothing performed.
        (first,) = mediation.list_agreements(uow, village, m1)
        mediation.record_performance(uow, village, first.terms[0].id, "partial", date(2026, 10, 12))
        mediation.create_agreement(uow, village, m1, "oral", "补充约定探视", terms=[
            mediation.TermInput("乙M1", "每周探视一次", None, date(2026, 10, 20))], agreed_at=at(10, 12))
        # M3 (district): 1.2万 元 due 30 Oct, both terms done; another (500 元) effective in October but due in
        # November: in the sum, not among the agreements due.
        done = mediation.create_agreement(uow, district, m3, "oral", "财产分割", terms=[
            mediation.TermInput("甲M3", "返还存款", "转账", date(2026, 10, 18)),
            mediation.TermInput("乙M3", "搬离住所", None, date(2026, 10, 30))],
            agreed_at=at(10, 14), amount_involved_fen=1_200_000)
        for term in done.terms:
            mediation.record_performance(uow, district, term.id, "done", date(2026, 10, 28))
        mediation.create_agreement(uow, district, m3, "oral", "抚养费", terms=[
            mediation.TermInput("乙M3", "支付抚养费", None, date(2026, 11, 15))], agreed_at=at(10, 26),
            amount_involved_fen=50_000)


def _closure_outcomes(store: Store, ids: dict[str, str], sup: Actor, village: Actor, district: Actor,
                      town: Actor) -> None:
    """Closure outcomes on legal-aid cases (counted in no other section): known answers of
    test_statistics_recorded."""
    # Legal-aid cases: L1 district, closed in October with two outcomes; L2 town, closed in March (year to
    # date only); L3 village, closed in October with none recorded.
    l1 = _case(store, district, "L1", ids, kind=CaseKind.LEGAL_AID, opened=at(10, 2))
    l2 = _case(store, town, "L2", ids, kind=CaseKind.LEGAL_AID, opened=at(3, 1))
    l3 = _case(store, village, "L3", ids, kind=CaseKind.LEGAL_AID, opened=at(10, 3))
    _close(store, district, sup, l1, at(10, 22), {"stopped_group_petition": 8, "prevented_crime": 3})
    _close(store, town, sup, l2, at(3, 20), {"prevented_suicide": 1})
    _close(store, village, sup, l3, at(10, 23), {})


def build_stats_world(root: Path) -> StatsWorld:
    store = new_store(root).store
    org = build_org(store)
    for name, role, unit in (("sup", Role.SUPERVISOR, org.district), ("cun", Role.MEDIATOR, org.units[VILLAGE_A1]),
                             ("jie", Role.MEDIATOR, org.units[TOWN_A]), ("quji", Role.MEDIATOR, org.district),
                             ("cun2", Role.MEDIATOR, org.units[VILLAGE_A2])):
        add_user(store, name, role, unit, display_name=name)
    sup, village, town, district, village2 = (first_login(store, n) for n in ("sup", "cun", "jie", "quji", "cun2"))
    ids: dict[str, str] = {}

    # Mediation: M1 village (婚姻家庭, 当事人申请) with an oral agreement and 调和; M2 town (邻里, 主动调解);
    # M3 district (婚姻家庭, 法院委托) 劝回; M4 village in March (year to date only); M5 village, rejected.
    m1 = _case(store, village, "M1", ids, dispute="婚姻家庭", source="application", category="婚姻家庭",
               sub_category="家庭暴力", opened=at(10, 5))
    _case(store, town, "M2", ids, dispute="邻里", source="initiative", opened=at(10, 8))
    m3 = _case(store, district, "M3", ids, dispute="婚姻家庭", source="court", category="婚姻家庭",
               sub_category="离婚问题", opened=at(10, 20))
    _case(store, village, "M4", ids, dispute="婚姻家庭", source="application", opened=at(3, 2))
    _case(store, village, "M5", ids, dispute="合同", source="application", opened=at(10, 12), accept=False)
    with store.uow(write=True) as uow:
        uow.s.execute(update(Case).where(Case.id == ids["M5"]).values(status=CaseStatus.REJECTED.value))
        detail = cases.get_case(uow, village, m1)
        signatories = [p.id for p in detail.parties]
        agreement = mediation.create_agreement(uow, village, m1, "oral", "双方因家务琐事争吵", terms=[
            mediation.TermInput("乙M1", "不再恶语相向", "当面承诺")], agreed_at=at(10, 10),
            amount_involved_fen=1_234_550)
        assert agreement.is_effective, signatories
        _agreements(uow, village, district, m1, m3)
        mediation.set_mediation_outcome(uow, village, m1, "reconciled")
        mediation.set_mediation_outcome(uow, district, m3, "withdrawn_persuaded")
        counselling.add_session(uow, sup, m1, at(10, 11), "face_to_face", "情绪疏导")
    with store.uow(write=True) as uow:  # the outcomes were recorded in October
        for case_id, day in ((m1, 15), (m3, 25)):
            uow.s.execute(update(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.kind == "mediation_outcome")
                          .values(occurred_at=at(10, day)))

    # Petitions (接待登记).
    contacts = [
        (village, IntakeInput(name="赵来访", channel=Channel.VISIT, decision=IntakeDecision.ACCEPT, request="离婚财产",
                              category="婚姻家庭", sub_category="离婚问题", received_at=at(10, 3))),
        (town, IntakeInput(name="钱来电", channel=Channel.CALL, decision=IntakeDecision.CONSULTATION,
                           request="咨询离婚手续", category="婚姻家庭", received_at=at(10, 6))),
        (district, IntakeInput(name="孙代表", channel=Channel.VISIT, decision=IntakeDecision.ANSWERED,
                               request="集体反映欠薪", category="劳动和社会保障", received_at=at(10, 15),
                               people_count=8, is_group=True, representatives=("孙代表", "李代表"))),
        (village, IntakeInput(name="周网民", channel=Channel.ONLINE, decision=IntakeDecision.ANSWERED,
                              request="宅基地继承", category="财产权益", sub_category="继承",
                              received_at=at(10, 16), is_repeat=True)),
        (village2, IntakeInput(name="吴来信", channel=Channel.LETTER, decision=IntakeDecision.CONSULTATION,
                               request="咨询抚养费", category="婚姻家庭", received_at=at(2, 10))),
    ]
    for actor, data in contacts:
        with store.uow(write=True) as uow:
            intake.register_contact(uow, actor, data)

    # Crisis: C1 village, strangulation and suicidal thoughts → high risk; closed on 30 October.
    c1 = _case(store, village, "C1", ids, kind=CaseKind.CRISIS, opened=at(10, 7), category="婚姻家庭")
    with store.uow(write=True) as uow:
        crisis.record_assessment(uow, village, c1, {"strangulation": True, "victim_suicidal": True},
                                 assessed_at=at(10, 7, 11))
        workflow.transition(uow, village, c1, T.REQUEST_CLOSURE, reason="危险已解除",
                            closure_outcomes={"prevented_crime": 2, "prevented_suicide": 1})
    with store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, sup, case_id=c1, pending_only=True)
    with store.uow(write=True) as uow:
        workflow.decide(uow, sup, pending.id, True, "同意")
        uow.s.execute(update(Case).where(Case.id == c1).values(closed_at=at(10, 30)))

    # M1 (settled on 10 October) is closed on 28 October: the success rate's cohort.
    with store.uow(write=True) as uow:
        workflow.transition(uow, village, m1, T.REQUEST_CLOSURE, reason="协议已履行")
    with store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, sup, case_id=m1, pending_only=True)
    with store.uow(write=True) as uow:
        workflow.decide(uow, sup, pending.id, True, "同意")
        uow.s.execute(update(Case).where(Case.id == m1).values(closed_at=at(10, 28)))

    _closure_outcomes(store, ids, sup, village, district, town)

    # Screening: S1 (person, high → medium at a visit), S2 (registered in September, visited, resolved in
    # October), S3 (village A2, high, registered late October).
    with store.uow(write=True) as uow:
        s1 = screening.add_entry(uow, village, subject=None, reason="夫妻长期争吵", risk_level="high",
                                 person=PersonInput(name="王重点", sex="male")).id
        s2 = screening.add_entry(uow, village, subject="李家", reason="婆媳矛盾", risk_level="low").id
        s3 = screening.add_entry(uow, village2, subject="陈家", reason="赡养纠纷", risk_level="high").id
    with store.uow(write=True) as uow:
        for entry_id, when in ((s1, at(10, 2)), (s2, at(9, 15)), (s3, at(10, 28))):
            uow.s.execute(update(ScreeningEntry).where(ScreeningEntry.id == entry_id)
                          .values(created_at=when, updated_at=when))
    with store.uow(write=True) as uow:
        screening.record_visit(uow, village, s1, date(2026, 10, 20), None, "已缓和", "medium", today=date(2026, 10, 20))
        screening.record_visit(uow, village, s2, date(2026, 10, 5), None, "调解中", "low", today=date(2026, 10, 5))
    with store.uow(write=True) as uow:
        screening.resolve_entry(uow, village, s2, "已和好", resolved_on=date(2026, 10, 25))
    with store.uow(write=True) as uow:
        uow.s.execute(update(ScreeningEntry).where(ScreeningEntry.id == s2).values(updated_at=at(10, 25)))
    ids.update(S1=s1, S2=s2, S3=s3)
    return StatsWorld(store, org, sup, village, town, district, ids)


__all__ = ["StatsWorld", "build_stats_world", "OCT_FROM", "OCT_TO", "DISTRICT", "TOWN_A", "VILLAGE_A1"]
