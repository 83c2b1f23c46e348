"""The safety screening before a joint mediation session, from an attacker's side.

A mediator who wants the joint session cannot approve it herself (not through the service, not as a supervisor
who did the screening, and not by writing the approval into her village station's store and syncing it up).
A station cannot sync up a screening whose result contradicts its answers. Honest work travels both ways:
the village screens, the district supervisor approves, the village schedules the joint session.
"""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import PermissionDenied, WorkflowError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.cases import cases
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.mediation import mediation, mediation_safety
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.base import utcnow
from fulian_desktop.store.models import MediationScreening, UserAccount
from fulian_desktop.sync.authority import SenderOverreach
from fulian_desktop.sync.exchange import export_bundle, import_bundle
from tests.support.stores import VILLAGE_A1, add_user, first_login
from tests.support.sync_stations import Stations, deliver, fingerprint, make_stations


@pytest.fixture
def st(tmp_path):  # noqa: ANN001, ANN201
    st = make_stations(tmp_path)
    add_user(st.district, "cun", Role.MEDIATOR, st.unit(VILLAGE_A1), display_name="郭亮调解员")
    add_user(st.district, "dudao", Role.SUPERVISOR, st.org.district, display_name="区督导")
    add_user(st.district, "cundudao", Role.SUPERVISOR, st.unit(VILLAGE_A1), display_name="村督导")
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    yield st
    st.close()


def dv_case_with_screening(st: Stations, actor=None):  # noqa: ANN001, ANN201
    """At the village: a 高-risk case and the victim's screening (she agrees to a joint session)."""
    cun = actor or first_login(st.village, "cun")
    with st.village.uow(write=True) as uow:
        cid = cases.create_case(uow, cun, cases.NewCase(title="李桂兰与张建国抚养费纠纷", kind=CaseKind.MEDIATION)).row.id
        wife = cases.add_party(uow, cun, cid, PersonInput(name="李桂兰", sex="female"), PartyRole.APPLICANT).id
        husband = cases.add_party(uow, cun, cid, PersonInput(name="张建国", sex="male"), PartyRole.RESPONDENT).id
        crisis.record_assessment(uow, cun, cid, {"threat_to_kill": True})
        s = mediation_safety.record_screening(uow, cun, cid, wife, speaks_freely=True, fears_other_party=False,
                                              violence_since_last=False, separate_offered=True, victim_choice="joint",
                                              victim_words="我同意当面谈抚养费。")
    return cun, cid, wife, husband, s


def _schedule(st: Stations, actor, cid: str, parties: list[str]):  # noqa: ANN001, ANN202
    with st.village.uow(write=True) as uow:
        return mediation.schedule(uow, actor, cid, datetime(2026, 12, 20, 9, tzinfo=LOCAL_TZ), "郭亮村调解室",
                                  [actor.user_id], None, parties)


def _refused(st: Stations, sid: str, words: str) -> None:
    data, _ = export_bundle(st.village, system_actor(st.village), st.org.district)
    before = fingerprint(st.district)
    with pytest.raises(SenderOverreach) as refused:
        import_bundle(st.district, system_actor(st.district), data)
    assert "mediation_screening" in str(refused.value) and sid in str(refused.value) and words in str(refused.value)
    after = fingerprint(st.district)
    assert {k: v for k, v in after.items() if not k.startswith("audit")} == \
        {k: v for k, v in before.items() if not k.startswith("audit")}


def test_a_mediator_cannot_approve_her_own_joint_session(st: Stations) -> None:
    cun, cid, wife, husband, s = dv_case_with_screening(st)
    with st.village.uow(write=True) as uow, pytest.raises(PermissionDenied):
        mediation_safety.approve_screening(uow, cun, s.id, "我自己批准")
    # A supervisor who did the screening herself cannot approve it either.
    boss = first_login(st.village, "cundudao")
    _, cid2, wife2, _, own = dv_case_with_screening(st, boss)
    with st.village.uow(write=True) as uow, pytest.raises(PermissionDenied, match="自己"):
        mediation_safety.approve_screening(uow, boss, own.id, "分开到场")
    with pytest.raises(WorkflowError):
        _schedule(st, cun, cid, [wife, husband])


def test_a_station_cannot_write_the_supervisors_approval_into_its_store(st: Stations) -> None:
    cun, cid, wife, husband, s = dv_case_with_screening(st)
    assert deliver(st.village, st.district, st.org.district).applied   # the honest screening goes up
    with st.district.uow() as uow:
        district_sup = uow.s.execute(select(UserAccount.id).where(UserAccount.username == "dudao")).scalar_one()
    # (a) in the district supervisor's name, (b) in the mediator's own name: both refused whole.
    for approver, words in ((district_sup, "督导批准须由"), (cun.user_id, "督导批准须由")):
        with st.village.uow(write=True) as uow:
            row = uow.s.get(MediationScreening, s.id)
            row.approved_by, row.approved_by_name, row.approved_at = approver, "区督导", utcnow()
            row.approval_note = "同意"
        _refused(st, s.id, words)
        with st.district.uow() as uow:
            assert uow.s.get(MediationScreening, s.id).approved_at is None
    # The village's own store believes its forgery (its key, its database); nothing of it reaches the district,
    # where the case stays without an approved screening.
    with st.district.uow() as uow:
        case = uow.s.get(MediationScreening, s.id).case_id
        assert mediation_safety.safety_state(uow, system_actor(st.district), case).usable.approved is False


def test_a_station_cannot_sync_a_screening_that_contradicts_its_answers(st: Stations) -> None:
    cun, cid, wife, husband, s = dv_case_with_screening(st)
    with st.village.uow(write=True) as uow:
        row = uow.s.get(MediationScreening, s.id)
        row.speaks_freely = False       # she cannot speak freely … yet "joint allowed", no approval needed
        row.needs_approval = False
    _refused(st, s.id, "评估结论与评估中记录的回答不符")


def test_honest_screening_approval_and_joint_session_travel(st: Stations) -> None:
    cun, cid, wife, husband, s = dv_case_with_screening(st)
    assert deliver(st.village, st.district, st.org.district).applied
    sup = first_login(st.district, "dudao")
    with st.district.uow(write=True) as uow:
        mediation_safety.approve_screening(uow, sup, s.id, "分开到场、分开离场，妇联工作人员陪同")
    assert deliver(st.district, st.village, st.unit(VILLAGE_A1)).applied
    joint = _schedule(st, cun, cid, [wife, husband])
    assert deliver(st.village, st.district, st.org.district).applied
    with st.district.uow() as uow:
        row = uow.s.get(MediationScreening, s.id)
        assert row.session_id == joint.id and row.approved_by_name == "区督导"
