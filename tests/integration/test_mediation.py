"""Mediation through the services on a real store: sessions and their record, agreements and the effective date,
the judicial-confirmation window and clock, performance, follow-ups, marriage-mediation outcomes, scope and audit."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fulian_desktop.domain import clock
from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError, WorkflowError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.mediation_rules import (
    ConfirmationResult, MarriageOutcome, Performance, SessionOutcome, SessionStatus, SignatureHow,
)
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.security.actor import Actor
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.clocks import clocks
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.mediation.mediation import TermInput
from fulian_desktop.store.models import AuditEntry, Case
from fulian_desktop.store.store import Store
from tests.support.stores import (
    ADMIN_PASSWORD, DISTRICT, TOWN_A, VILLAGE_A1, VILLAGE_A2, add_user, build_org, first_login, new_store, open_copy,
)


def local(y: int, mo: int, d: int, h: int = 10, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=LOCAL_TZ)


@dataclass
class World:
    store: Store
    med: Actor          # 郭亮村 mediator
    med2: Actor         # another 郭亮村 mediator
    other: Actor        # 新康村 mediator (another village)
    town: Actor         # 高塘岭街道 mediator
    sup: Actor          # district supervisor
    admin: Actor        # system administrator (no case work)
    users: dict[str, str]  # username -> user id

    def case(self, title: str = "李桂兰与张建国婚姻家庭纠纷") -> "CaseParties":
        with self.store.uow(write=True) as uow:
            detail = cases.create_case(uow, self.med, cases.NewCase(title=title, kind=CaseKind.MEDIATION))
            cid = detail.row.id
            wife = cases.add_party(uow, self.med, cid, PersonInput(name="李桂兰", sex="female"), PartyRole.APPLICANT)
            husband = cases.add_party(uow, self.med, cid, PersonInput(name="张建国", sex="male"),
                                      PartyRole.RESPONDENT)
            child = cases.add_party(uow, self.med, cid, PersonInput(name="张小雨", sex="female"),
                                    PartyRole.MINOR_CHILD)
        return CaseParties(cid, wife.id, husband.id, child.id)


@dataclass
class CaseParties:
    id: str
    wife: str
    husband: str
    child: str


USERS = {  # username -> (role, unit, display name)
    "med": (Role.MEDIATOR, VILLAGE_A1, "周调解"),
    "med2": (Role.MEDIATOR, VILLAGE_A1, "吴调解"),
    "other": (Role.MEDIATOR, VILLAGE_A2, "郑调解"),
    "town": (Role.MEDIATOR, TOWN_A, "街道调解"),
    "sup": (Role.SUPERVISOR, DISTRICT, "区督导"),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Actor]]:
    """Built once and closed: the organisation and users who have logged in; each test opens a copy."""
    root = tmp_path_factory.mktemp("mediation") / "data"
    with new_store(root).store as store:
        org = build_org(store)
        for username, (role, unit, name) in USERS.items():
            add_user(store, username, role, org.units[unit] if unit != DISTRICT else org.district,
                     display_name=name)
        actors = {username: first_login(store, username) for username in USERS}
        actors["admin"] = first_login(store, "admin", password=ADMIN_PASSWORD)
    return root, actors


@pytest.fixture
def world(template: tuple[Path, dict[str, Actor]], tmp_path: Path):  # noqa: ANN201
    root, actors = template
    store = open_copy(root, tmp_path / "data")
    yield World(store, actors["med"], actors["med2"], actors["other"], actors["town"], actors["sup"],
                actors["admin"], {name: a.user_id for name, a in actors.items()})
    store.close()


def _schedule(w: World, case_id: str, when: datetime, mediators=None, actor=None, parties=()):  # noqa: ANN001, ANN202
    with w.store.uow(write=True) as uow:
        return mediation.schedule(uow, actor or w.med, case_id, when, "郭亮村人民调解室",
                                  mediators if mediators is not None else [w.users["med"]], "吴记录", parties)


def _record(w: World, c: CaseParties, session_id: str, outcome: str = "continue", note: str | None = None,
            notices=("rights_duties", "recusal")):  # noqa: ANN001, ANN202
    with w.store.uow(write=True) as uow:
        return mediation.record_session(uow, w.med, session_id, local(2026, 9, 1, 9, 30), [c.wife, c.husband],
                                        notices, [(c.wife, "他长期酗酒，不给生活费。"), ("mediator", "请双方冷静陈述。"),
                                                  (c.husband, "我愿意改。")], outcome, note)


def _timeline(w: World, case_id: str) -> list[str]:
    with w.store.uow(write=True) as uow:
        return [e.summary for e in cases.get_case(uow, w.sup, case_id).events]


def _chain_ok(w: World) -> None:
    with w.store.uow() as uow:
        report = verify_chain(uow.s)
    assert report.ok, report.problem


# --- sessions ----------------------------------------------------------------------------------------

def test_scheduling_refuses_missing_or_foreign_items(world: World) -> None:
    w = world
    c, d = w.case(), w.case("另一宗纠纷")
    when = local(2026, 12, 3, 9, 30)
    for kwargs, field in (({"mediators": []}, "mediators"),
                          ({"mediators": [w.users["other"]]}, "mediators"),   # another village's user
                          ({"mediators": [w.users["sup"]]}, "mediators"),     # the district: not in a village's scope
                          ({"parties": [d.wife]}, "expected_parties")):       # a party of another case
        with pytest.raises(ValidationError) as err:
            _schedule(w, c.id, when, **kwargs)
        assert err.value.field == field
    with pytest.raises(ValidationError) as err:
        with w.store.uow(write=True) as uow:
            mediation.schedule(uow, w.med, c.id, when, "  ", [w.users["med"]])
    assert err.value.field == "place"
    with pytest.raises(ValidationError):
        _schedule(w, c.id, datetime(2026, 12, 3, 9, 30))  # naive time

    view = _schedule(w, c.id, when, [w.users["med"], w.users["med2"]], parties=[c.wife, c.husband])
    assert view.status == SessionStatus.SCHEDULED and view.status_label == "已安排"
    assert view.mediator_names == "周调解、吴调解" and view.scheduled_text == "2026-12-03 09:30"
    assert [p.name for p in view.expected_parties] == ["李桂兰", "张建国"]
    assert view.case_no.endswith("号")
    # a town mediator may pick a village mediator below it
    assert _schedule(w, c.id, when, [w.users["med"]], actor=w.town).mediators[0].name == "周调解"

    # a case that is no longer open takes no new session
    with w.store.uow(write=True) as uow:
        workflow.transition(uow, w.med, d.id, T.ACCEPT)
        workflow.transition(uow, w.med, d.id, T.REQUEST_CLOSURE, reason="双方已和好")
    with w.store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, w.sup, case_id=d.id, pending_only=True)
    with w.store.uow(write=True) as uow:
        workflow.decide(uow, w.sup, pending.id, True)
    with pytest.raises(WorkflowError) as werr:
        _schedule(w, d.id, when)
    assert werr.value.code == "case_not_open" and "已结案" in werr.value.message
    _chain_ok(w)


def test_a_record_missing_items_is_refused_naming_them(world: World) -> None:
    w = world
    c = w.case()
    sid = _schedule(w, c.id, local(2026, 9, 1, 9, 30)).id
    with pytest.raises(ValidationError) as err:
        with w.store.uow(write=True) as uow:
            mediation.record_session(uow, w.med, sid, None, [], ["recusal"], [], None)
    message = err.value.message
    for item in ("调解时间", "到场当事人", "告知权利义务", "调解笔录", "调解结果"):
        assert item in message
    with pytest.raises(ValidationError) as err:  # only the rights-and-duties notice is missing
        _record(w, c, sid, notices=("recusal", "voluntary"))
    assert "告知权利义务" in err.value.message and "调解时间" not in err.value.message
    with pytest.raises(ValidationError) as err:  # a statement by someone who is not a party
        with w.store.uow(write=True) as uow:
            mediation.record_session(uow, w.med, sid, local(2026, 9, 1), [c.wife], ["rights_duties"],
                                     [("stranger", "……")], "continue")
    assert err.value.field == "statements"
    with pytest.raises(ValidationError):  # held in the future
        with w.store.uow(write=True) as uow:
            mediation.record_session(uow, w.med, sid, clock.now_utc() + timedelta(days=2), [c.wife],
                                     ["rights_duties"], [(c.wife, "……")], "continue")
    with w.store.uow() as uow:
        assert mediation.get_session(uow, w.med, sid).status == SessionStatus.SCHEDULED

    view = _record(w, c, sid, notices=("rights_duties", "recusal", "confidentiality"))
    assert view.status_label == "已调解" and view.outcome == SessionOutcome.CONTINUE and view.outcome_label == "继续调解"
    assert view.notice_labels == ("告知权利义务", "告知可申请回避", "告知保密")
    assert [s.speaker_name for s in view.statements] == ["李桂兰", "调解员", "张建国"]
    assert [p.name for p in view.parties_present] == ["李桂兰", "张建国"]
    with pytest.raises(ConflictError):
        _record(w, c, sid)
    assert any(s.startswith("调解（2026-09-01 09:30") for s in _timeline(w, c.id))
    _chain_ok(w)


def test_a_refusing_party_ends_the_mediation(world: World) -> None:
    w = world
    c = w.case()
    first = _schedule(w, c.id, local(2026, 9, 1, 9, 30)).id
    second = _schedule(w, c.id, local(2026, 12, 10, 9, 30)).id
    with pytest.raises(ValidationError) as err:  # who refused must be said
        _record(w, c, first, outcome="refused")
    assert err.value.field == "outcome_note"
    _record(w, c, first, outcome="refused", note="被申请人张建国明确表示拒绝调解")

    with w.store.uow() as uow:
        state = mediation.mediation_state(uow, w.med, c.id)
        assert state.ended and "第十七条" in state.note
        assert mediation.get_session(uow, w.med, second).status == SessionStatus.CANCELLED
    with pytest.raises(WorkflowError) as werr:
        _schedule(w, c.id, local(2026, 12, 20))
    assert werr.value.code == "mediation_ended"
    with pytest.raises(WorkflowError):
        with w.store.uow(write=True) as uow:
            mediation.create_agreement(uow, w.med, c.id, "written", "事实", "争议", "责任", [("张建国", "支付")])
    timeline = _timeline(w, c.id)
    assert any(s.startswith("调解终止：一方拒绝调解（被申请人张建国明确表示拒绝调解") for s in timeline)
    assert any(s.startswith("取消调解安排") and "调解已终止" in s for s in timeline)

    with w.store.uow(write=True) as uow:  # they apply again: sessions may be scheduled once more
        assert not mediation.resume_mediation(uow, w.med, c.id, "双方当事人重新申请调解").ended
    assert _schedule(w, c.id, local(2026, 12, 20)).status == SessionStatus.SCHEDULED
    _chain_ok(w)


def test_cancel_needs_a_reason_and_only_a_scheduled_session(world: World) -> None:
    w = world
    c = w.case()
    sid = _schedule(w, c.id, local(2026, 12, 3)).id
    with pytest.raises(ValidationError):
        with w.store.uow(write=True) as uow:
            mediation.cancel(uow, w.med, sid, " ")
    with w.store.uow(write=True) as uow:
        assert mediation.cancel(uow, w.med, sid, "当事人生病").cancel_reason == "当事人生病"
    with pytest.raises(WorkflowError):
        with w.store.uow(write=True) as uow:
            mediation.cancel(uow, w.med, sid, "再次取消")


def test_calendar_shows_a_mediators_sessions_across_cases_in_scope(world: World) -> None:
    w = world
    c1, c2 = w.case(), w.case("王某赡养纠纷")
    a = _schedule(w, c1.id, local(2026, 12, 1, 9)).id
    b = _schedule(w, c2.id, local(2026, 12, 3, 14, 30), [w.users["med"], w.users["med2"]]).id
    _schedule(w, c2.id, local(2026, 12, 2, 9), [w.users["med2"]])        # not med's
    _schedule(w, c1.id, local(2026, 12, 9, 9))                            # outside the range
    late = _schedule(w, c1.id, local(2026, 12, 7, 23, 30)).id               # 15:30 UTC: still 12-07 locally
    cancelled = _schedule(w, c1.id, local(2026, 12, 4, 9)).id
    with w.store.uow(write=True) as uow:
        mediation.cancel(uow, w.med, cancelled, "改期")

    with w.store.uow() as uow:
        mine = mediation.calendar(uow, w.med, None, date(2026, 12, 1), date(2026, 12, 7))
        with_cancelled = mediation.calendar(uow, w.med, None, date(2026, 12, 1), date(2026, 12, 7),
                                            include_cancelled=True)
        everyone = mediation.calendar(uow, w.med, None, date(2026, 12, 1), date(2026, 12, 7), all_mediators=True)
        by_sup = mediation.calendar(uow, w.sup, w.users["med"], date(2026, 12, 1), date(2026, 12, 7))
        foreign = mediation.calendar(uow, w.other, w.users["med"], date(2026, 12, 1), date(2026, 12, 7))
    assert [e.session_id for e in mine] == [a, b, late]
    assert mine[1].case_title == "王某赡养纠纷" and mine[1].time_text == "14:30" and mine[2].day == date(2026, 12, 7)
    assert mine[0].status_label == "已安排" and mine[0].unit_name == VILLAGE_A1
    assert cancelled in {e.session_id for e in with_cancelled}
    assert len(everyone) == 4
    assert [e.session_id for e in by_sup] == [a, b, late]
    assert foreign == []  # another village sees none of them


# --- agreements --------------------------------------------------------------------------------------

TERMS = [TermInput("张建国", "每月支付女儿张小雨抚养费1500元", "每月5日前转账至李桂兰账户", date(2027, 12, 31)),
         TermInput("张建国", "不再酗酒，不得对李桂兰实施家庭暴力")]


def _agreement(w: World, c: CaseParties, terms=TERMS, **kwargs):  # noqa: ANN001, ANN202
    with w.store.uow(write=True) as uow:
        return mediation.create_agreement(uow, w.med, c.id, "written", "双方因张建国酗酒、不给生活费发生纠纷",
                                          "生活费及子女抚养费", "张建国负主要责任", terms, **kwargs)


def test_agreement_is_effective_only_when_every_signature_is_in(world: World) -> None:
    w = world
    c = w.case()
    with pytest.raises(ValidationError) as err:
        with w.store.uow(write=True) as uow:
            mediation.create_agreement(uow, w.med, c.id, "written", "事实", "", None, TERMS)
    assert "争议事项" in err.value.message and "各方责任" in err.value.message
    with pytest.raises(ValidationError):
        _agreement(w, c, terms=[])
    with pytest.raises(ValidationError):  # a minor child never signs
        _agreement(w, c, extra_signatory_ids=[c.child])
    with pytest.raises(ValidationError):
        _agreement(w, c, copies=2)

    view = _agreement(w, c)
    aid = view.id
    assert view.copies == 3 and view.form_label == "书面协议（调解协议书）"
    assert [s.name for s in view.signatures] == ["李桂兰", "张建国"]  # not the child
    assert view.missing == ("李桂兰签名", "张建国签名", "调解员签名", "调解委员会印章")
    assert view.effective_on is None and view.signature_state == "待签署（尚缺 4 项）"

    steps = [  # (call, what is still missing after it)
        (lambda uow: mediation.sign_party(uow, w.med, aid, c.wife, "signed", local(2026, 8, 30, 15)),
         ("张建国签名", "调解员签名", "调解委员会印章")),
        (lambda uow: mediation.mediator_sign(uow, w.med, aid, local(2026, 8, 31, 9)),
         ("张建国签名", "调解委员会印章")),
        (lambda uow: mediation.apply_seal(uow, w.med, aid, local(2026, 8, 31, 9, 5)), ("张建国签名",)),
    ]
    for call, still in steps:
        with w.store.uow(write=True) as uow:
            view = call(uow)
        assert view.missing == still and view.effective_on is None and not view.is_effective
    with w.store.uow() as uow:
        assert not [k for k in clocks.case_clocks(uow, w.med, c.id) if k.kind == ClockKind.JUDICIAL_CONFIRMATION]

    with pytest.raises(ValidationError):  # the child is no signatory
        with w.store.uow(write=True) as uow:
            mediation.sign_party(uow, w.med, aid, c.child, "signed", local(2026, 8, 31))
    with pytest.raises(ConflictError):
        with w.store.uow(write=True) as uow:
            mediation.sign_party(uow, w.med, aid, c.wife, "signed", local(2026, 8, 31))
    # the last signature: a fingerprint at 01:30 on 1 September in China (still 31 August in UTC)
    last = local(2026, 9, 1, 1, 30)
    assert last.astimezone(timezone.utc).date() == date(2026, 8, 31)
    with w.store.uow(write=True) as uow:
        view = mediation.sign_party(uow, w.med, aid, c.husband, SignatureHow.FINGERPRINT, last)
    assert view.effective_on == date(2026, 9, 1) and view.is_effective and view.missing == ()
    assert view.signature_state == "已生效（2026-09-01）"
    assert {s.name: s.how_label for s in view.signatures} == {"李桂兰": "签名", "张建国": "按指印"}
    assert view.confirmation_deadline == date(2026, 10, 8)

    # the confirmation clock starts on the effective date: 30 days, 1 October rolled past the National Day holiday
    with w.store.uow() as uow:
        (clock,) = [k for k in clocks.case_clocks(uow, w.med, c.id) if k.kind == ClockKind.JUDICIAL_CONFIRMATION]
    assert clock.deadline.rolled_from == date(2026, 10, 1) and clock.deadline.last_day == date(2026, 10, 8)
    assert clock.stopped_at is None and clock.label == "司法确认申请期限"
    timeline = _timeline(w, c.id)
    assert any(s.startswith("调解协议生效（2026-09-01），可于 2026-10-08 前共同申请司法确认") for s in timeline)
    assert any(s.startswith("开始计时：司法确认申请期限") for s in timeline)
    assert any("张建国在调解协议上按指印" in s for s in timeline)
    with pytest.raises(ConflictError):
        with w.store.uow(write=True) as uow:
            mediation.apply_seal(uow, w.med, aid, local(2026, 9, 2))
    _chain_ok(w)


def _effective(w: World, c: CaseParties, terms=TERMS, day: int = 1):  # noqa: ANN001, ANN202
    aid = _agreement(w, c, terms=terms).id
    with w.store.uow(write=True) as uow:
        mediation.sign_party(uow, w.med, aid, c.wife, "signed", local(2026, 9, day, 9))
        mediation.sign_party(uow, w.med, aid, c.husband, "sealed", local(2026, 9, day, 9))
        mediation.mediator_sign(uow, w.med, aid, local(2026, 9, day, 9), mediator_id=w.users["med2"])
        return mediation.apply_seal(uow, w.med, aid, local(2026, 9, day, 10))


def test_terms_about_status_are_flagged_and_must_be_left_out_of_confirmation(world: World) -> None:
    w = world
    c = w.case()
    terms = [TermInput("李桂兰、张建国", "双方自愿解除婚姻关系"),
             TermInput("张建国", "确认张小雨与张建国之间存在亲子关系"),
             TermInput("张建国", "每月支付抚养费1500元", "每月5日前转账")]
    view = _effective(w, c, terms)
    flags = {t.seq: (t.confirmable, t.non_confirmable_reason) for t in view.terms}
    assert not flags[1][0] and flags[1][1].startswith("解除婚姻关系")
    assert not flags[2][0] and flags[2][1].startswith("确认或否认亲子关系")
    assert flags[3] == (True, None)
    assert view.non_confirmable_count == 2
    assert any("第 1 条、第 2 条涉及身份关系，不能申请司法确认" in s for s in _timeline(w, c.id))
    assert any("调解员 吴调解 在调解协议上签名" in s for s in _timeline(w, c.id))

    with pytest.raises(ValidationError) as err:
        with w.store.uow(write=True) as uow:
            mediation.apply_for_confirmation(uow, w.med, view.id, date(2026, 9, 10), court="望城区人民法院")
    assert err.value.code == "non_confirmable_terms" and "第 1 条" in err.value.message and "第 2 条" in err.value.message
    with pytest.raises(ValidationError):  # excluding only one of them is not enough
        with w.store.uow(write=True) as uow:
            mediation.apply_for_confirmation(uow, w.med, view.id, date(2026, 9, 10),
                                             excluded_term_ids=[view.terms[0].id])
    excluded = [view.terms[0].id, view.terms[1].id]
    with w.store.uow(write=True) as uow:
        applied = mediation.apply_for_confirmation(uow, w.med, view.id, date(2026, 9, 10), court="望城区人民法院",
                                                   excluded_term_ids=excluded)
    assert applied.confirmation_applied_on == date(2026, 9, 10) and applied.confirmation_court == "望城区人民法院"
    assert [t.excluded_from_confirmation for t in applied.terms] == [True, True, False]
    with w.store.uow() as uow:  # applying stops the window's clock
        (clock,) = [k for k in clocks.case_clocks(uow, w.med, c.id) if k.kind == ClockKind.JUDICIAL_CONFIRMATION]
    assert clock.stopped_at is not None
    with pytest.raises(ConflictError):
        with w.store.uow(write=True) as uow:
            mediation.apply_for_confirmation(uow, w.med, view.id, date(2026, 9, 11), excluded_term_ids=excluded)
    with w.store.uow(write=True) as uow:
        decided = mediation.record_confirmation_result(uow, w.med, view.id, ConfirmationResult.CONFIRMED,
                                                       date(2026, 9, 24))
    assert decided.confirmation_result_label == "确认有效" and decided.confirmation_decided_on == date(2026, 9, 24)
    assert any(s.startswith("申请司法确认（2026-09-10，望城区人民法院），不含第 1、2 条") for s in _timeline(w, c.id))
    _chain_ok(w)


def test_a_late_confirmation_application_is_refused(world: World) -> None:
    w = world
    c = w.case()
    view = _effective(w, c)
    assert view.effective_on == date(2026, 9, 1) and view.confirmation_deadline == date(2026, 10, 8)
    with pytest.raises(ValidationError) as err:
        with w.store.uow(write=True) as uow:
            mediation.apply_for_confirmation(uow, w.med, view.id, date(2026, 10, 9))
    assert err.value.code == "confirmation_window_passed"
    assert "2026-09-01 生效" in err.value.message and "2026-10-08" in err.value.message
    with pytest.raises(ValidationError):  # an unsigned agreement cannot be applied for either
        with w.store.uow(write=True) as uow:
            mediation.apply_for_confirmation(uow, w.med, _agreement(w, c).id, date(2026, 9, 2))
    with w.store.uow(write=True) as uow:  # the last day (after the holiday) is still in time
        assert mediation.apply_for_confirmation(uow, w.med, view.id, date(2026, 10, 8)).confirmation_applied_on


def test_an_oral_agreement_takes_effect_when_the_parties_agree(world: World) -> None:
    w = world
    c = w.case()
    with pytest.raises(ValidationError):  # when they agreed must be recorded
        with w.store.uow(write=True) as uow:
            mediation.create_agreement(uow, w.med, c.id, "oral", "双方当场达成口头协议", terms=TERMS)
    with w.store.uow(write=True) as uow:
        view = mediation.create_agreement(uow, w.med, c.id, "口头协议", "双方当场达成口头协议", terms=TERMS,
                                          agreed_at=local(2026, 9, 5, 16))
    assert view.effective_on == date(2026, 9, 5) and view.copies is None and view.confirmation_deadline is None
    assert {s.how_label for s in view.signatures} == {"口头同意"}
    with w.store.uow() as uow:
        assert not [k for k in clocks.case_clocks(uow, w.med, c.id) if k.kind == ClockKind.JUDICIAL_CONFIRMATION]
    with pytest.raises(WorkflowError):
        with w.store.uow(write=True) as uow:
            mediation.sign_party(uow, w.med, view.id, c.wife, "signed", local(2026, 9, 6))
    with pytest.raises(WorkflowError):
        with w.store.uow(write=True) as uow:
            mediation.apply_for_confirmation(uow, w.med, view.id, date(2026, 9, 6))
    assert any(s.startswith("调解协议生效（2026-09-05）") for s in _timeline(w, c.id))


# --- performance and follow-ups ----------------------------------------------------------------------

def test_performance_per_term_and_follow_up_visits(world: World) -> None:
    w = world
    c = w.case()
    draft = _agreement(w, c)
    with pytest.raises(WorkflowError):  # not yet effective
        with w.store.uow(write=True) as uow:
            mediation.record_performance(uow, w.med, draft.terms[0].id, "done", date(2026, 9, 5))
    view = _effective(w, c, day=2)
    support, conduct = view.terms
    assert support.performance == Performance.PENDING and support.performance_label == "待履行"
    with pytest.raises(ValidationError):  # done needs the date
        with w.store.uow(write=True) as uow:
            mediation.record_performance(uow, w.med, support.id, "done")
    with w.store.uow(write=True) as uow:
        mediation.record_performance(uow, w.med, support.id, "partial", date(2026, 10, 5), "10月已付，11月未付")
        after = mediation.record_performance(uow, w.med, conduct.id, Performance.BREACHED, date(2026, 10, 20),
                                             "10月20日醉酒后辱骂")
    assert [(t.performance_label, t.performed_on) for t in after.terms] == [
        ("部分履行", date(2026, 10, 5)), ("未按约履行", date(2026, 10, 20))]

    with pytest.raises(ValidationError):
        with w.store.uow(write=True) as uow:
            mediation.add_follow_up(uow, w.med, c.id, view.id, local(2026, 10, 10), "周调解", "visit", "",
                                    "satisfied")
    with pytest.raises(ValidationError):  # an agreement of another case
        with w.store.uow(write=True) as uow:
            mediation.add_follow_up(uow, w.med, w.case("另案").id, view.id, local(2026, 10, 10), "周调解",
                                    "visit", "已履行", "satisfied")
    with w.store.uow(write=True) as uow:
        first = mediation.add_follow_up(uow, w.med, c.id, view.id, local(2026, 10, 10, 15), "周调解", "visit",
                                        "10月抚养费已按时支付", "满意")
        mediation.add_follow_up(uow, w.med, c.id, None, local(2026, 11, 10, 10), "吴调解", "phone",
                                "11月抚养费未付，已督促", "unsatisfied", "男方称月底补付")
    assert first.method_label == "上门回访" and first.satisfaction_label == "满意"
    with w.store.uow() as uow:
        visits = mediation.list_follow_ups(uow, w.med, c.id)
    assert [(v.visitor, v.method_label, v.satisfaction_label) for v in visits] == [
        ("周调解", "上门回访", "满意"), ("吴调解", "电话回访", "不满意")]
    timeline = _timeline(w, c.id)
    assert any(s.startswith("协议第 1 条履行情况：部分履行（2026-10-05）") for s in timeline)
    assert any(s.startswith("回访（2026-11-10 10:00，电话回访，吴调解）：不满意") for s in timeline)
    with w.store.uow() as uow:
        entities = dict(uow.s.execute(select(AuditEntry.entity, func.count()).where(AuditEntry.case_id == c.id)
                                      .group_by(AuditEntry.entity)).all())
    assert entities["follow_up_visit"] == 2 and entities["agreement_term"] == 2 and entities["agreement"] >= 5
    _chain_ok(w)


# --- marriage-mediation outcome ----------------------------------------------------------------------

def test_failed_mediation_records_the_other_routes_told(world: World) -> None:
    w = world
    c = w.case()
    sid = _schedule(w, c.id, local(2026, 12, 20)).id
    with pytest.raises(ValidationError) as err:
        with w.store.uow(write=True) as uow:
            mediation.set_mediation_outcome(uow, w.med, c.id, "failed", ["litigation"])
    assert err.value.code == "routes_not_told" and "仲裁、行政处理" in err.value.message
    with pytest.raises(ValidationError) as err:  # success needs an agreement in force
        with w.store.uow(write=True) as uow:
            mediation.set_mediation_outcome(uow, w.med, c.id, MarriageOutcome.AGREEMENT)
    assert err.value.code == "no_agreement"

    with w.store.uow(write=True) as uow:
        outcome = mediation.set_mediation_outcome(uow, w.med, c.id, "调解不成",
                                                  ["arbitration", "administrative", "诉讼"], "女方坚持起诉离婚")
    assert outcome.label == "调解不成" and outcome.route_labels == ("仲裁", "行政处理", "诉讼")
    assert outcome.set_by == "周调解"
    with w.store.uow() as uow:
        assert uow.s.get(Case, c.id).mediation_outcome == "failed"
        overview = mediation.mediation_overview(uow, w.med, c.id)
    assert overview.state.ended and overview.outcome.outcome == MarriageOutcome.FAILED
    assert overview.sessions[0].status == SessionStatus.CANCELLED  # the pending session went with it
    assert any("已告知当事人可通过仲裁、行政处理、诉讼等途径维护权利" in s for s in _timeline(w, c.id))
    with pytest.raises(WorkflowError):
        _schedule(w, c.id, local(2026, 12, 21))
    assert sid


def test_outcomes_are_stored_on_the_case_and_can_change_while_open(world: World) -> None:
    w = world
    c = w.case()
    with w.store.uow(write=True) as uow:
        mediation.set_mediation_outcome(uow, w.med, c.id, "reconciled")
        assert mediation.get_mediation_outcome(uow, w.med, c.id).label == "调和"
    _effective(w, c)
    with w.store.uow(write=True) as uow:
        view = mediation.set_mediation_outcome(uow, w.med, c.id, MarriageOutcome.AGREEMENT)
    assert view.label == "调解成功" and view.routes_told == ()
    with pytest.raises(ValidationError):
        with w.store.uow(write=True) as uow:
            mediation.set_mediation_outcome(uow, w.med, c.id, "divorce")
    with w.store.uow() as uow:
        assert uow.s.get(Case, c.id).mediation_outcome == "agreement"
        changes = [e.detail["changes"]["mediation_outcome"] for e in uow.s.execute(
            select(AuditEntry).where(AuditEntry.case_id == c.id, AuditEntry.entity == "case",
                                     AuditEntry.action == "update").order_by(AuditEntry.seq)).scalars()
                   if "mediation_outcome" in (e.detail or {}).get("changes", {})]
    assert changes == [[None, "reconciled"], ["reconciled", "agreement"]]


# --- scope and permissions ---------------------------------------------------------------------------

def test_a_village_mediator_cannot_touch_another_villages_mediation(world: World) -> None:
    w = world
    c = w.case()
    sid = _schedule(w, c.id, local(2026, 12, 3)).id
    agreement = _effective(w, c)
    term = agreement.terms[0].id
    attempts = {
        "get_agreement": lambda uow: mediation.get_agreement(uow, w.other, agreement.id),
        "list_agreements": lambda uow: mediation.list_agreements(uow, w.other, c.id),
        "sign": lambda uow: mediation.sign_party(uow, w.other, agreement.id, c.wife, "signed", local(2026, 9, 2)),
        "confirm": lambda uow: mediation.apply_for_confirmation(uow, w.other, agreement.id, date(2026, 9, 3)),
        "perform": lambda uow: mediation.record_performance(uow, w.other, term, "done", date(2026, 9, 5)),
        "follow_up": lambda uow: mediation.add_follow_up(uow, w.other, c.id, agreement.id, local(2026, 10, 1),
                                                         "郑调解", "phone", "已履行", "satisfied"),
        "schedule": lambda uow: mediation.schedule(uow, w.other, c.id, local(2026, 12, 4), "新康村",
                                                   [w.users["other"]]),
        "record": lambda uow: mediation.record_session(uow, w.other, sid, local(2026, 9, 1), [c.wife],
                                                       ["rights_duties"], [(c.wife, "……")], "continue"),
        "cancel": lambda uow: mediation.cancel(uow, w.other, sid, "越权"),
        "outcome": lambda uow: mediation.set_mediation_outcome(uow, w.other, c.id, "reconciled"),
    }
    with w.store.uow() as uow:
        audit_before = uow.s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    for name, attempt in attempts.items():
        with pytest.raises(PermissionDenied) as err:
            with w.store.uow(write=True) as uow:
                attempt(uow)
        assert err.value.code == "out_of_scope", name
    with w.store.uow() as uow:
        assert uow.s.execute(select(func.count()).select_from(AuditEntry)).scalar_one() == audit_before
        # the town above both villages, and the district, may
        assert mediation.get_agreement(uow, w.town, agreement.id).effective_on == date(2026, 9, 1)
        assert mediation.get_agreement(uow, w.sup, agreement.id).terms[0].confirmable
    with pytest.raises(NotFound):
        with w.store.uow() as uow:
            mediation.get_agreement(uow, w.med, "no-such-agreement")
    _chain_ok(w)


def test_a_role_without_case_edit_can_neither_act_nor_be_picked_as_mediator(world: World) -> None:
    w = world
    c = w.case()
    with pytest.raises(PermissionDenied) as err:
        with w.store.uow(write=True) as uow:
            mediation.schedule(uow, w.admin, c.id, local(2026, 12, 3), "调解室", [w.users["med"]])
    assert err.value.code == "no_permission"
    with pytest.raises(ValidationError) as verr:
        _schedule(w, c.id, local(2026, 12, 3), [w.users["admin"]], actor=w.sup)
    assert verr.value.field == "mediators"
