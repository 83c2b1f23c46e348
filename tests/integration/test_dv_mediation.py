"""Violence is not a term of mediation (issue 18, build item 3), through the services on a real store.

The must-show scenario: a high-risk domestic-violence case goes to mediation on child support. The joint session is
refused without a safety screening, refused at 高 until a supervisor approves, then allowed; the excusing term is
blocked however it is spelt, a neutral child-support term is accepted once the mediator confirms that the violence
is not a term; the printed agreement (read back with pdftotext) says it does not settle the violence. A case with
no violence is not affected.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fulian_desktop.documents.api import DocumentKind, render
from fulian_desktop.domain.dv_mediation import SessionMode, VictimChoice, find_excusing, normalise
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import PermissionDenied, ValidationError, WorkflowError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.cases import cases
from fulian_desktop.services.crisis import crisis, mandatory_reports
from fulian_desktop.services.mediation import mediation, mediation_safety
from fulian_desktop.services.mediation.mediation import TermInput
from fulian_desktop.store.models import Agreement, CaseParty, MediationScreening
from fulian_desktop.store.store import Store
from tests.support.stores import DISTRICT, VILLAGE_A1, add_user, build_org, first_login, new_store, open_copy
from tests.integration.test_documents_world import printed_in_cell

USERS = {"med": (Role.MEDIATOR, VILLAGE_A1, "周调解"), "sup": (Role.SUPERVISOR, DISTRICT, "区督导"),
         "sup2": (Role.SUPERVISOR, DISTRICT, "区督导二"), "rec": (Role.RECEPTION, VILLAGE_A1, "接待员")}
FACTS = "2026年8月张建国酒后殴打李桂兰，公安机关出具告诫书；双方已分居，女儿张小雨随母亲生活，现就抚养费调解。"
SUPPORT = TermInput("张建国", "每月向李桂兰支付女儿张小雨的抚养费1500元，至张小雨年满十八周岁止",
                    "每月5日前银行转账", date(2026, 10, 5))


def local(y: int, mo: int, d: int, h: int = 10) -> datetime:
    return datetime(y, mo, d, h, tzinfo=LOCAL_TZ)


@dataclass
class W:
    store: Store
    med: Actor
    sup: Actor
    sup2: Actor
    rec: Actor


@dataclass
class Parties:
    id: str
    wife: str
    husband: str
    child: str


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Actor]]:
    root = tmp_path_factory.mktemp("dvmed") / "data"
    with new_store(root).store as store:
        org = build_org(store)
        for username, (role, unit, name) in USERS.items():
            add_user(store, username, role, org.units[unit] if unit != DISTRICT else org.district,
                     display_name=name)
        actors = {username: first_login(store, username) for username in USERS}
    return root, actors


@pytest.fixture
def w(template: tuple[Path, dict[str, Actor]], tmp_path: Path):  # noqa: ANN201
    root, actors = template
    store = open_copy(root, tmp_path / "data")
    yield W(store, actors["med"], actors["sup"], actors["sup2"], actors["rec"])
    store.close()


def make_case(w: W, title: str = "李桂兰与张建国抚养费纠纷", *, risk: dict[str, bool] | None = None) -> Parties:
    with w.store.uow(write=True) as uow:
        cid = cases.create_case(uow, w.med, cases.NewCase(title=title, kind=CaseKind.MEDIATION)).row.id
        wife = cases.add_party(uow, w.med, cid, PersonInput(name="李桂兰", sex="female"), PartyRole.APPLICANT)
        husband = cases.add_party(uow, w.med, cid, PersonInput(name="张建国", sex="male"), PartyRole.RESPONDENT)
        child = cases.add_party(uow, w.med, cid, PersonInput(name="张小雨", sex="female"), PartyRole.MINOR_CHILD)
        if risk is not None:
            crisis.record_assessment(uow, w.med, cid, risk)
    return Parties(cid, wife.id, husband.id, child.id)


HIGH = {"strangulation": True}                       # a red flag: 高 whatever the score
MEDIUM = {"controlling": True, "jealousy": True, "abuser_substance": True}   # 6 points: 中


def schedule(w: W, c: Parties, mode: SessionMode | str = SessionMode.JOINT, actor: Actor | None = None,
             day: int = 20):  # noqa: ANN201
    with w.store.uow(write=True) as uow:
        return mediation.schedule(uow, actor or w.med, c.id, local(2026, 9, day), "郭亮村人民调解室",
                                  [w.med.user_id], "吴记录", [c.wife, c.husband], mode=mode)


def screen(w: W, c: Parties, *, choice: VictimChoice = VictimChoice.JOINT, speaks_freely: bool = True,
           fears: bool = False, since: bool = False, actor: Actor | None = None,
           words: str = "我愿意和他当面谈孩子的抚养费，有调解员在场我不怕。"):  # noqa: ANN201
    with w.store.uow(write=True) as uow:
        return mediation_safety.record_screening(
            uow, actor or w.med, c.id, c.wife, speaks_freely=speaks_freely, fears_other_party=fears,
            violence_since_last=since, separate_offered=True, victim_choice=choice, victim_words=words)


def approve(w: W, screening_id: str, actor: Actor, note: str = "分开到场、分开离场，妇联工作人员全程陪同"):  # noqa: ANN201
    with w.store.uow(write=True) as uow:
        return mediation_safety.approve_screening(uow, actor, screening_id, note)


def agree(w: W, c: Parties, terms: list[TermInput], *, responsibility: str = "张建国承担女儿的抚养费。",
          confirmed: bool = True):  # noqa: ANN201
    with w.store.uow(write=True) as uow:
        return mediation.create_agreement(uow, w.med, c.id, "written", FACTS, "女儿张小雨的抚养费", responsibility,
                                          terms, violence_not_a_term=confirmed)


def agreement_count(w: W, case_id: str) -> int:
    with w.store.uow() as uow:
        return uow.s.execute(select(func.count()).select_from(Agreement).where(Agreement.case_id == case_id)).scalar()


def pdf_text(pdf: bytes, tmp: Path) -> str:
    path = tmp / "agreement.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True).stdout.decode("utf-8")
    return re.sub(r"\s+", "", out)


# --- the scenario ------------------------------------------------------------------------------------

def test_high_risk_case_goes_to_mediation_on_child_support(w: W, tmp_path: Path) -> None:
    c = make_case(w, risk=HIGH)

    # 1. No screening: the joint session is refused with the reason; a separate session is allowed.
    with pytest.raises(WorkflowError) as refused:
        schedule(w, c)
    assert refused.value.code == "safety_screening_required"
    assert "安全评估" in refused.value.message and "背对背" in refused.value.message
    separate = schedule(w, c, SessionMode.SEPARATE, day=18)
    assert separate.mode == SessionMode.SEPARATE and "背对背" in separate.mode_label

    # 2. Screened, she chose the joint session, but the risk is 高: still refused until a supervisor approves.
    s = screen(w, c)
    assert s.joint_allowed and s.needs_approval and s.risk_level == "high" and "危险评估为高" in s.reasons
    with pytest.raises(WorkflowError) as refused:
        schedule(w, c)
    assert refused.value.code == "safety_approval_required" and "督导批准" in refused.value.message

    # 3. The mediator cannot approve it herself; a supervisor must give a reason and the safety measures.
    with pytest.raises(PermissionDenied):
        approve(w, s.id, w.med)
    with pytest.raises(ValidationError):
        approve(w, s.id, w.sup, note="  ")
    approved = approve(w, s.id, w.sup)
    assert approved.approved and approved.approved_by_name == "区督导"

    # 4. Approved: the joint session is scheduled, and uses the screening up (one screening per joint session).
    joint = schedule(w, c)
    assert joint.mode == SessionMode.JOINT
    with w.store.uow() as uow:
        assert uow.s.get(MediationScreening, s.id).session_id == joint.id
    with pytest.raises(WorkflowError) as again:
        schedule(w, c, day=27)
    assert again.value.code == "safety_screening_required"
    with w.store.uow(write=True) as uow:
        held = mediation.record_session(uow, w.med, joint.id, local(2026, 9, 20), [c.wife, c.husband],
                                        ["rights_duties"], [(c.wife, "我要孩子的抚养费。"), ("mediator", "请双方陈述。")],
                                        "agreement")
    assert held.status.value == "held"

    # 5. The excusing terms are blocked, however spelt, naming the phrase and why; nothing is written.
    blocked = [
        ([SUPPORT], "双方均有过错，应当相互体谅。"),                                    # the issue's own words
        ([SUPPORT], "双 方 均 有 过 错，应 当 相 互 体 谅"),                              # spaces
        ([SUPPORT, TermInput("李桂兰", "对张建国殴打一事不再\u3000追究")], "张建国承担抚养费。"),  # ideographic space
        ([TermInput("李桂兰", "撤回对张建国的人身安全保护令申请", "张建国每月多付１０００元抚养费")], "无"),
        ([TermInput("李桂兰", "撤 回 报 警，张建国一次性支付５００００元")], "张建国承担抚养费。"),
        ([TermInput("李桂兰", "ＸＸ出具谅解书")], "张建国承担抚养费。"),
    ]
    for terms, responsibility in blocked:
        with pytest.raises(ValidationError) as bad:
            agree(w, c, terms, responsibility=responsibility)
        assert bad.value.code == "violence_term", responsibility
        assert "家庭暴力不是调解的内容" in bad.value.message
    assert agreement_count(w, c.id) == 0

    # 6. A neutral child-support term: accepted only with the confirmation that violence is not a term.
    with pytest.raises(ValidationError) as unconfirmed:
        agree(w, c, [SUPPORT], confirmed=False)
    assert unconfirmed.value.code == "violence_confirmation_required"
    made = agree(w, c, [SUPPORT])
    assert [t.content for t in made.terms] == [SUPPORT.content]

    # 7. The printed agreement says it does not settle the violence and the remedies stay open.
    with w.store.uow(write=True) as uow:
        pdf = render(uow, w.med, c.id, DocumentKind.AGREEMENT)
    text = pdf_text(pdf, tmp_path)
    assert "不处理、不免除、不分担家庭暴力的责任" in text
    assert all(word in text for word in ("人身安全保护令", "报警", "起诉"))
    assert printed_in_cell("抚养费1500元", text)

    # 8. The daughter in the violent home raised the mandatory report (反家庭暴力法第十四条): a task due today, at once.
    with w.store.uow() as uow:
        reports = mandatory_reports.case_reports(uow, w.sup, c.id)
    assert [(r.person_id, r.open) for r in reports] == [(child_person(w, c), True)]
    assert reports[0].clock is not None and "到期" in reports[0].clock.countdown


def child_person(w: W, c: Parties) -> str:
    with w.store.uow() as uow:
        return uow.s.get(CaseParty, c.child).person_id


def test_a_case_without_violence_is_not_affected(w: W, tmp_path: Path) -> None:
    c = make_case(w, "王芳与刘强邻里纠纷")
    joint = schedule(w, c)                                  # no screening asked for
    assert joint.mode == SessionMode.JOINT
    made = agree(w, c, [TermInput("刘强", "赔偿王芳围墙修理费800元", "一次性现金支付")],
                 responsibility="双方均有过错，应当相互体谅。", confirmed=False)
    assert made.responsibility == "双方均有过错，应当相互体谅。"
    with w.store.uow(write=True) as uow:
        text = pdf_text(render(uow, w.med, c.id, DocumentKind.AGREEMENT), tmp_path)
    assert "家庭暴力" not in text
    # A protection order is about violence in any case: giving it up is never a term.
    with pytest.raises(ValidationError, match="保护令"):
        agree(w, c, [TermInput("王芳", "放弃申请人身安全保护令")], confirmed=False)


def test_a_medium_risk_case_is_screened_but_needs_no_approval(w: W) -> None:
    c = make_case(w, risk=MEDIUM)
    with w.store.uow() as uow:
        state = mediation_safety.safety_state(uow, w.med, c.id)
    assert state.dv_case and state.risk_label == "中"
    with pytest.raises(WorkflowError):
        schedule(w, c)
    s = screen(w, c)
    assert s.cleared and not s.needs_approval
    assert schedule(w, c).mode == SessionMode.JOINT
    # Her words may say where she is: reception (no right to confidential details) does not see them.
    with w.store.uow() as uow:
        assert mediation_safety.safety_state(uow, w.rec, c.id).screenings[0].victim_words == "（保密）"
        assert "当面" in mediation_safety.safety_state(uow, w.med, c.id).screenings[0].victim_words


def test_her_choice_and_her_fear_decide(w: W) -> None:
    c = make_case(w, risk=MEDIUM)
    separate = screen(w, c, choice=VictimChoice.SEPARATE, words="我不想见他，分开谈。")
    assert not separate.joint_allowed and "受害人要求背对背调解" in separate.reasons
    with pytest.raises(WorkflowError) as refused:
        schedule(w, c)
    assert refused.value.code == "joint_not_advised" and "背对背" in refused.value.message
    with pytest.raises(WorkflowError):
        approve(w, separate.id, w.sup)                      # a supervisor cannot override her choice
    assert schedule(w, c, SessionMode.SEPARATE).mode == SessionMode.SEPARATE
    afraid = screen(w, c, fears=True, since=True)
    assert afraid.needs_approval and "受害人害怕对方" in afraid.reasons
    with pytest.raises(WorkflowError):
        schedule(w, c)
    with pytest.raises(ValidationError):                   # her words are required
        screen(w, c, words="  ")


def test_screening_rules_are_checked_by_the_service(w: W) -> None:
    c = make_case(w, risk=HIGH)
    with w.store.uow(write=True) as uow, pytest.raises(ValidationError, match="背对背"):
        mediation_safety.record_screening(uow, w.med, c.id, c.wife, speaks_freely=True, fears_other_party=False,
                                          violence_since_last=False, separate_offered=False,
                                          victim_choice="joint", victim_words="同意")
    with w.store.uow(write=True) as uow, pytest.raises(ValidationError, match="受害人"):
        mediation_safety.record_screening(uow, w.med, c.id, c.husband, speaks_freely=True, fears_other_party=False,
                                          violence_since_last=False, separate_offered=True,
                                          victim_choice="joint", victim_words="同意")
    with w.store.uow() as uow:
        assert uow.s.execute(select(func.count()).select_from(MediationScreening)).scalar() == 0


def test_a_joint_session_scheduled_before_the_case_turned_dv_cannot_be_recorded(w: W) -> None:
    c = make_case(w)
    joint = schedule(w, c)
    with w.store.uow(write=True) as uow:
        crisis.record_assessment(uow, w.med, c.id, HIGH)
    with w.store.uow(write=True) as uow, pytest.raises(WorkflowError, match="安全评估"):
        mediation.record_session(uow, w.med, joint.id, local(2026, 9, 20), [c.wife, c.husband], ["rights_duties"],
                                 [(c.wife, "……")], "continue")


def test_matching_is_robust_and_the_list_says_who_reviewed_it() -> None:
    from fulian_desktop.domain.dv_mediation import list_header, phrase_list

    assert "审核" in list_header() and "起草" in list_header()
    assert all(p.reason for p in phrase_list())
    assert normalise("不再　追究！") == normalise("不再追究") == normalise(" 不 再 追 究 ")
    for text in ("双方均有过错", "双方均有过错，", "双方 均有 过错", "双方\u200b均有过错", "「双方均有过错」"):
        assert [h.phrase.text for h in find_excusing([("x", text)], dv_case=True)] == ["双方均有过错"], text
    assert find_excusing([("x", "张建国每月支付抚养费1500元")], dv_case=True) == []
