"""信访接待登记 through the service, on a real encrypted store: decisions, cases, clocks, counts, JSON."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fulian_desktop.domain import clock
from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.enums import CaseStatus, PartyRole, Role
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput, validate_intake
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import cases, persons, workflow
from fulian_desktop.services.clocks import clocks
from fulian_desktop.services.intake import intake
from fulian_desktop.store.models import ApprovalRequest, AuditEntry, Case, CaseEvent, CaseParty, IntakeRecord, Person
from tests.support.stores import VILLAGE_A1, VILLAGE_B1, add_user, build_org, first_login, new_store

VISITOR_ID = make_id_number("430122", date(1986, 8, 15), 222)  # a woman (even sequence)


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1])
    add_user(store, "sup", Role.SUPERVISOR, org.district)
    add_user(store, "med_b", Role.MEDIATOR, org.units[VILLAGE_B1])
    actors = {n: first_login(store, n) for n in ("rec", "sup", "med_b")}
    yield store, org, actors
    store.close()


def _visit(**changes) -> IntakeInput:  # noqa: ANN003
    base = IntakeInput(
        name="刘桂兰", channel=Channel.VISIT, decision=IntakeDecision.ACCEPT,
        request="要求丈夫停止殴打并支付孩子抚养费", facts="丈夫酒后多次动手，去年起不给生活费",
        category="婚姻家庭", sub_category="家庭暴力", sex="female", id_number=VISITOR_ID,
        phone="+86 139-0731-2468", address="郭亮村五组 12 号", marital_status="已婚",
        received_at=clock.now_utc() - timedelta(minutes=30))
    return replace(base, **changes)


def _register(store, actor, data):  # noqa: ANN001, ANN202
    with store.uow(write=True) as uow:
        return intake.register_contact(uow, actor, data)


def _rows(store) -> dict[str, int]:  # noqa: ANN001
    with store.uow() as uow:
        return {m.__tablename__: uow.s.execute(select(func.count()).select_from(m)).scalar_one()
                for m in (IntakeRecord, Person, Case, CaseParty, CaseEvent, ApprovalRequest, AuditEntry)}


def test_accept_opens_an_accepted_petition_case_with_the_visitor_as_applicant(world) -> None:  # noqa: ANN001
    store, _org, a = world
    view = _register(store, a["rec"], _visit())
    assert view.decision == IntakeDecision.ACCEPT and view.case_status == CaseStatus.ACCEPTED
    assert view.channel.label == "来访" and view.age == _age(date(1986, 8, 15)) and view.sex == "female"
    assert view.contact == "13907312468" and view.marital_status == "married" and not view.is_repeat
    with store.uow(write=True) as uow:
        detail = cases.get_case(uow, a["rec"], view.case_id)
        running = {c.kind: c for c in clocks.case_clocks(uow, a["rec"], view.case_id)}
    assert detail.row.kind.value == "petition" and detail.row.category == "婚姻家庭"
    assert detail.sub_category == "家庭暴力" and detail.row.title == "刘某某反映家庭暴力"
    (party,) = detail.parties
    assert party.role == PartyRole.APPLICANT and party.name == "刘桂兰" and party.person_id == view.person_id
    assert party.id_number == VISITOR_ID and party.phone == "13907312468"
    assert running[ClockKind.PETITION_ACCEPTANCE].stopped_at is not None
    assert running[ClockKind.PETITION_CONCLUSION].stopped_at is None
    assert any("信访接待登记（来访，1人）：受理" in e.summary for e in detail.events)
    with store.uow() as uow:
        assert verify_chain(uow.s).ok
        entry = uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "intake")).scalar_one()
        assert entry.entity_id == view.id and entry.case_id == view.case_id
        assert "刘桂兰" not in json.dumps(entry.detail, ensure_ascii=False)  # no personal data in the audit
    assert view.to_dict()["decision_label"] == "受理" and view.to_dict()["case_status_label"] == "受理"


def _age(born: date) -> int:
    today = clock.today_local()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def test_accept_can_join_an_open_case_instead(world) -> None:  # noqa: ANN001
    store, _org, a = world
    first = _register(store, a["rec"], _visit())
    again = _register(store, a["rec"], _visit(join_case_id=first.case_id, channel=Channel.CALL,
                                              received_at=None))
    assert again.case_id == first.case_id and again.person_id == first.person_id and again.is_repeat
    with store.uow(write=True) as uow:
        detail = cases.get_case(uow, a["rec"], first.case_id)
    assert len(detail.parties) == 1 and detail.row.status == CaseStatus.ACCEPTED
    assert any("并入本案（来电，1人，重复访）" in e.summary for e in detail.events)


def test_reject_files_the_case_and_waits_for_the_supervisor(world) -> None:  # noqa: ANN001
    store, _org, a = world
    with pytest.raises(ValidationError) as err:  # no reason: refused
        _register(store, a["rec"], _visit(decision=IntakeDecision.REJECT))
    assert err.value.field == "decision_note"
    view = _register(store, a["rec"], _visit(decision=IntakeDecision.REJECT,
                                             decision_note="已进入诉讼程序，应向法院反映"))
    assert view.case_status == CaseStatus.REGISTERED and view.decision_note == "已进入诉讼程序，应向法院反映"
    with store.uow() as uow:
        (pending,) = workflow.list_approvals(uow, a["sup"], case_id=view.case_id, pending_only=True)
        (acceptance,) = clocks.case_clocks(uow, a["rec"], view.case_id)
    assert pending.label == "不予受理" and pending.reason == "已进入诉讼程序，应向法院反映"
    assert acceptance.kind == ClockKind.PETITION_ACCEPTANCE and acceptance.stopped_at is None  # notice still owed
    with store.uow(write=True) as uow:
        workflow.decide(uow, a["sup"], pending.id, True, "同意")
    with store.uow(write=True) as uow:
        assert intake.get_intake(uow, a["rec"], view.id).case_status == CaseStatus.REJECTED


def test_transfer_records_the_target_and_ends_the_case_here(world) -> None:  # noqa: ANN001
    store, _org, a = world
    with pytest.raises(ValidationError) as err:
        _register(store, a["rec"], _visit(decision=IntakeDecision.TRANSFER))
    assert err.value.field == "transfer_to"
    view = _register(store, a["rec"], _visit(decision=IntakeDecision.TRANSFER, transfer_to="区人力资源和社会保障局",
                                             decision_note="劳动报酬争议", category="劳动和社会保障",
                                             sub_category="劳动权益"))
    assert view.case_status == CaseStatus.TRANSFERRED
    assert view.transfer_to == "区人力资源和社会保障局" and view.decision_note == "劳动报酬争议"
    with store.uow(write=True) as uow:
        detail = cases.get_case(uow, a["rec"], view.case_id)
        assert all(c.stopped_at for c in clocks.case_clocks(uow, a["rec"], view.case_id))
        row = uow.s.get(IntakeRecord, view.id)
        assert (row.transfer_to, row.decision_note) == ("区人力资源和社会保障局", "劳动报酬争议")
    assert any("转区人力资源和社会保障局" in e.summary for e in detail.events)


def test_a_transfer_recorded_before_the_column_still_reads_its_body(world) -> None:  # noqa: ANN001
    """Records kept before schema 0007 wrote the body into the note: "转办至：body；note"."""
    store, _org, a = world
    view = _register(store, a["rec"], _visit(decision=IntakeDecision.TRANSFER, transfer_to="区民政局",
                                             decision_note="低保申请"))
    with store.uow(write=True) as uow:
        row = uow.s.get(IntakeRecord, view.id)
        row.transfer_to, row.decision_note = None, "转办至：区民政局；低保申请"
    with store.uow(write=True) as uow:
        old = intake.get_intake(uow, a["rec"], view.id)
    assert (old.transfer_to, old.decision_note) == ("区民政局", "低保申请")


def test_answered_and_consultation_open_no_case_but_are_counted(world) -> None:  # noqa: ANN001
    store, _org, a = world
    before = _rows(store)
    answered = _register(store, a["rec"], _visit(decision=IntakeDecision.ANSWERED, channel=Channel.CALL,
                                                 id_number=None, phone=None))
    consult = _register(store, a["rec"], _visit(decision=IntakeDecision.CONSULTATION, channel=Channel.ONLINE,
                                                category=None, sub_category=None, id_number=None,
                                                phone="13800000001"))
    after = _rows(store)
    assert answered.case_id is None and consult.case_id is None
    assert after["case_file"] == before["case_file"] and after["approval_request"] == before["approval_request"]
    assert after["intake_record"] == before["intake_record"] + 2
    assert answered.person_id is None            # anonymous answer: no person created
    assert consult.person_id is not None         # a phone number: the caller is kept for next time
    with store.uow() as uow:
        counts = intake.intake_counts(uow, a["rec"], clock.today_local() - timedelta(days=1), clock.today_local())
    assert counts["matters"] == 2 and counts["persons"] == 2
    assert counts["by_decision"]["answered"]["matters"] == 1 and counts["by_decision"]["consultation"]["matters"] == 1
    assert counts["by_channel"]["call"] == {"label": "来电", "matters": 1, "persons": 1}
    assert counts["by_channel"]["visit"]["matters"] == 0 and counts["with_case"]["matters"] == 0
    assert counts["by_category"]["未分类"]["matters"] == 1 and counts["by_tier"]["village"]["matters"] == 2


def test_counts_by_channel_group_and_repeat_in_scope_and_period(world) -> None:  # noqa: ANN001
    store, org, a = world
    now = clock.now_utc()
    _register(store, a["rec"], _visit(people_count=8, is_group=True,
                                      representatives=("刘桂兰", "王芳", "李秀英", "张敏", "陈静")))
    _register(store, a["rec"], _visit(decision=IntakeDecision.ANSWERED, channel=Channel.LETTER))  # repeat
    _register(store, a["rec"], _visit(name="周红", id_number=None, phone="13700001111", channel=Channel.CALL,
                                      decision=IntakeDecision.ANSWERED, received_at=now - timedelta(days=40)))
    _register(store, a["med_b"], _visit(name="赵丽", id_number=None, phone="13700002222",
                                        decision=IntakeDecision.ANSWERED))
    with store.uow() as uow:
        mine = intake.intake_counts(uow, a["rec"], clock.today_local() - timedelta(days=7), clock.today_local())
        district = intake.intake_counts(uow, a["sup"], clock.today_local() - timedelta(days=7), clock.today_local())
        ever = intake.intake_counts(uow, a["sup"])
        listed = intake.list_intakes(uow, a["rec"], clock.today_local() - timedelta(days=7), clock.today_local())
    assert mine["matters"] == 2 and mine["persons"] == 9
    assert mine["group"] == {"label": "集体访", "matters": 1, "persons": 8}
    assert mine["repeat"] == {"label": "重复访", "matters": 1, "persons": 1}
    assert mine["by_channel"]["visit"]["persons"] == 8 and mine["by_channel"]["letter"]["persons"] == 1
    assert district["matters"] == 3 and ever["matters"] == 4
    assert [v.channel for v in listed] == [Channel.LETTER, Channel.VISIT]
    assert listed[0].contact == "139****2468" and listed[0].address is None and listed[0].redacted
    assert listed[1].representatives == ("刘桂兰", "王芳", "李秀英", "张敏", "陈静")


def test_six_representatives_are_refused_and_nothing_is_written(world) -> None:  # noqa: ANN001
    store, _org, a = world
    before = _rows(store)
    six = ("刘桂兰", "王芳", "李秀英", "张敏", "陈静", "杨丽")
    with pytest.raises(ValidationError) as err:
        _register(store, a["rec"], _visit(people_count=20, is_group=True, representatives=six))
    assert err.value.field == "representatives" and "代表人数不得超过 5 人" in err.value.message
    assert "第二十条" in err.value.message and err.value.message.startswith("代表（representatives）：")
    assert not err.value.report.ok  # the whole report travels with the error, for the form
    assert _rows(store) == before
    with store.uow() as uow:
        report = intake.check_intake(uow, a["rec"], _visit(people_count=20, is_group=True, representatives=six))
    assert [i.code for i in report.for_field("representatives")] == ["too_many"] and not report.ok


def test_invalid_id_number_is_refused_and_nothing_is_written(world) -> None:  # noqa: ANN001
    store, _org, a = world
    before = _rows(store)
    bad = VISITOR_ID[:-1] + ("0" if VISITOR_ID[-1] != "0" else "1")
    with pytest.raises(ValidationError) as err:
        _register(store, a["rec"], _visit(id_number=bad))
    assert err.value.field == "id_number" and "校验位" in err.value.message
    assert _rows(store) == before


def test_the_report_lists_every_problem_by_field(world) -> None:  # noqa: ANN001
    store, _org, a = world
    data = _visit(age=130, phone="1234", people_count=0, category="其他", request=" ",
                  marital_status="同居", received_at=clock.now_utc() + timedelta(days=1))
    with store.uow() as uow:
        report = intake.check_intake(uow, a["rec"], data)
    errors = {i.field for i in report.issues if i.severity == "error"}
    assert errors == {"age", "phone", "people_count", "category", "request", "marital_status", "received_at"}
    assert all(i.message for i in report.issues)
    # warnings do not block: 3 people at the desk without ticking 集体访, no address
    report, _ = validate_intake(_visit(people_count=3, address=None))
    assert report.ok and {i.code for i in report.issues} == {"group_unticked", "no_address"}


def test_a_second_visit_by_the_same_person_is_a_repeat(world) -> None:  # noqa: ANN001
    store, _org, a = world
    first = _register(store, a["rec"], _visit(decision=IntakeDecision.ANSWERED, channel=Channel.CALL))
    assert not first.is_repeat and first.person_id
    # same ID number typed again, no person chosen: linked automatically, flagged as 重复访
    second = _register(store, a["rec"], _visit(decision=IntakeDecision.ANSWERED))
    assert second.person_id == first.person_id and second.is_repeat
    assert any("12 个月内" in r for r in second.repeat_reasons)
    assert any("已按身份证号关联" in w for w in second.warnings)
    # another matter (category) is not a repeat; the caller may still say so
    other = _register(store, a["rec"], _visit(decision=IntakeDecision.ANSWERED, category="财产权益",
                                              sub_category="继承"))
    assert not other.is_repeat
    said = _register(store, a["rec"], _visit(decision=IntakeDecision.ANSWERED, category="综合", sub_category=None,
                                             is_repeat=True))
    assert said.is_repeat and said.repeat_reasons == ()
    # chosen from the duplicate warning (no ID this time, phone typed differently): the same person
    (match,) = _matches(store, a["rec"], phone="139 0731 2468")
    third = _register(store, a["rec"], _visit(id_number=None, phone="13907312468", person_id=match.person_id,
                                              decision=IntakeDecision.ANSWERED))
    assert third.person_id == first.person_id and third.is_repeat
    with store.uow() as uow:
        assert uow.s.execute(select(func.count()).select_from(Person)).scalar_one() == 1


def _matches(store, actor, **keys):  # noqa: ANN001, ANN003, ANN202
    with store.uow() as uow:
        return persons.find_matches(uow, actor, **keys)


def test_an_open_case_makes_the_next_visit_a_repeat(world) -> None:  # noqa: ANN001
    store, _org, a = world
    first = _register(store, a["rec"], _visit())  # 受理: open case
    old = clock.now_utc() - timedelta(days=5)
    with store.uow(write=True) as uow:  # pretend the first entry is older than a year: only the case counts now
        uow.s.get(IntakeRecord, first.id).received_at = old - timedelta(days=400)
    again = _register(store, a["rec"], _visit(decision=IntakeDecision.ANSWERED))
    assert again.is_repeat and any(first.case_no in r for r in again.repeat_reasons)


def test_a_person_chosen_from_another_unit_is_refused(world) -> None:  # noqa: ANN001
    store, _org, a = world
    theirs = _register(store, a["med_b"], _visit(name="赵丽", id_number=None, phone="13700002222"))
    with pytest.raises(ValidationError) as err:
        _register(store, a["rec"], _visit(person_id=theirs.person_id))
    assert err.value.field == "person_id" and "管辖范围" in err.value.message
    with pytest.raises(ValidationError) as err:
        _register(store, a["rec"], _visit(join_case_id=theirs.case_id))
    assert err.value.field == "join_case_id"
    # the same ID number at another town's village: not linked, a new person there
    mine = _register(store, a["rec"], _visit())
    other = _register(store, a["med_b"], _visit(phone=None))
    assert other.person_id != mine.person_id and not other.is_repeat


def test_a_chosen_person_with_another_id_number_is_refused(world) -> None:  # noqa: ANN001
    store, _org, a = world
    first = _register(store, a["rec"], _visit())
    other_id = make_id_number("430122", date(1990, 1, 1), 2)
    with pytest.raises(ValidationError) as err:
        _register(store, a["rec"], _visit(person_id=first.person_id, id_number=other_id))
    assert err.value.field == "id_number"


def test_get_intake_is_audited_and_the_chain_verifies(world) -> None:  # noqa: ANN001
    store, _org, a = world
    view = _register(store, a["rec"], _visit(decision=IntakeDecision.REJECT, decision_note="不属于妇联职责"))
    with store.uow(write=True) as uow:
        seen = intake.get_intake(uow, a["sup"], view.id)
    assert seen.contact == "13907312468" and seen.address == "郭亮村五组 12 号" and seen.handler_name == "rec"
    with pytest.raises(Exception) as err:
        with store.uow(write=True) as uow:
            intake.get_intake(uow, a["med_b"], view.id)
    assert err.value.code == "out_of_scope"
    with store.uow() as uow:
        report = verify_chain(uow.s)
        actions = [(e.action, e.entity) for e in uow.s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()]
    assert report.ok
    assert ("create", "intake") in actions and ("view", "intake") in actions and ("create", "approval") in actions


GOOD_JSON = {
    "name": "刘桂兰", "channel": "来访", "decision": "受理", "request": "要求离婚并分割财产",
    "received_at": "2026-03-02 09:30", "sex": "女", "age": 39, "phone": "139-0731-2468",
    "marital_status": "已婚", "people_count": 1, "category": "婚姻家庭", "sub_category": "离婚问题",
    "representatives": [], "is_group": False, "id_number": None,
}


def test_intake_from_json_reads_labels_and_codes(world) -> None:  # noqa: ANN001
    store, _org, a = world
    data = intake.intake_from_json(GOOD_JSON)
    assert data.channel == Channel.VISIT and data.decision == IntakeDecision.ACCEPT and data.sex == "female"
    assert data.received_at == datetime(2026, 3, 2, 1, 30, tzinfo=timezone.utc)
    assert data.marital_status == "married" and data.age == 39
    coded = intake.intake_from_json({**GOOD_JSON, "channel": "call", "decision": "consultation",
                                     "received_at": "2026-03-02T09:30:00+08:00", "is_repeat": None})
    assert coded.channel == Channel.CALL and coded.decision == IntakeDecision.CONSULTATION
    view = _register(store, a["rec"], replace(data, received_at=None))
    assert view.case_status == CaseStatus.ACCEPTED


def test_intake_from_json_names_each_bad_field(world) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as err:
        intake.intake_from_json({**GOOD_JSON, "channel": "来坊", "age": "39", "is_group": "否",
                                 "representatives": "王芳", "received_at": "昨天", "colour": "红"})
    message = err.value.message
    for field in ("channel", "age", "is_group", "representatives", "received_at", "colour"):
        assert f"“{field}”" in message, field
    assert "来访（visit）" in message and "未知字段“colour”" in message and err.value.code == "bad_json"
    with pytest.raises(ValidationError) as err:
        intake.intake_from_json({"name": "刘桂兰"})
    assert all(f"“{f}”" in err.value.message for f in ("channel", "request", "decision"))
    with pytest.raises(ValidationError):
        intake.intake_from_json(["not", "an", "object"])
