"""The desk's rules in the core (issue 15): one sex and birth date per person, the 家暴 / 重大 flags the
clerk confirms at intake, danger assessments per relationship, and the receipt handed over."""
from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fulian_desktop.documents.api import DocumentKind, PrintPurpose, Recipient, available_documents, render
from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import Role
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.intake_rules import Channel, IntakeDecision, IntakeInput
from fulian_desktop.domain.risk import Relationship, RiskLevel
from fulian_desktop.services.cases import cases, review
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.intake import intake
from fulian_desktop.services.cases.review import Reason
from fulian_desktop.store.models import Case, IntakeRecord, Person
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store

WOMAN_ID = make_id_number("430122", date(1986, 8, 15), 222)   # even sequence: female
MOTHER_ID = make_id_number("430122", date(1944, 2, 3), 124)


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1])
    add_user(store, "sup", Role.SUPERVISOR, org.district)
    actors = {n: first_login(store, n) for n in ("rec", "sup")}
    yield store, actors
    store.close()


def _visit(**changes) -> IntakeInput:  # noqa: ANN003
    base = IntakeInput(name="王丽华", channel=Channel.VISIT, decision=IntakeDecision.ACCEPT,
                       request="丈夫酗酒后殴打 申请保护", category="婚姻家庭", sub_category="家庭暴力",
                       id_number=WOMAN_ID, phone="13907312468", address="郭亮村五组 12 号",
                       received_at=clock.now_utc() - timedelta(minutes=5))
    return replace(base, **changes)


def _count(store, model) -> int:  # noqa: ANN001
    with store.uow() as uow:
        return uow.s.execute(select(func.count()).select_from(model)).scalar_one()


@pytest.mark.parametrize(("changes", "field", "code"), [
    ({"sex": "male"}, "sex", "sex_mismatch"),
    ({"birth_date": date(1986, 8, 16)}, "birth_date", "birth_mismatch"),
])
def test_a_sex_or_birth_date_the_id_number_contradicts_is_refused_and_nothing_is_written(
        world, changes, field, code) -> None:  # noqa: ANN001
    store, a = world
    before = (_count(store, IntakeRecord), _count(store, Person), _count(store, Case))
    with store.uow(write=True) as uow, pytest.raises(ValidationError) as caught:
        intake.register_contact(uow, a["rec"], _visit(**changes))
    assert caught.value.field == field and caught.value.code == code and "身份证号" in caught.value.message
    assert (_count(store, IntakeRecord), _count(store, Person), _count(store, Case)) == before


def test_sex_and_birth_date_come_from_the_id_number_once_for_the_person(world) -> None:  # noqa: ANN001
    store, a = world
    with store.uow(write=True) as uow:
        view = intake.register_contact(uow, a["rec"], _visit(sex="unknown"))
    with store.uow() as uow:
        person = uow.s.get(Person, view.person_id)
        assert (person.sex, person.birth_date) == ("female", date(1986, 8, 15))
    # Later the same person, chosen from the duplicate warning, with another sex typed: refused.
    with store.uow(write=True) as uow, pytest.raises(ValidationError) as caught:
        intake.register_contact(uow, a["rec"], _visit(id_number=None, sex="male", person_id=view.person_id))
    assert caught.value.code == "person_sex_mismatch"


def test_the_case_title_on_lists_does_not_need_the_full_name(world) -> None:  # noqa: ANN001
    store, a = world
    with store.uow(write=True) as uow:
        view = intake.register_contact(uow, a["rec"], _visit())
        detail = cases.get_case(uow, a["rec"], view.case_id)
    assert detail.row.title == "王某某反映家庭暴力" and "王丽华" not in detail.row.title


def test_flags_confirmed_at_the_desk_are_raised_on_the_new_case(world) -> None:  # noqa: ANN001
    store, a = world
    with store.uow(write=True) as uow:
        view = intake.register_contact(uow, a["rec"], _visit(domestic_violence=True, major_incident=True))
        detail = cases.get_case(uow, a["rec"], view.case_id)
    assert detail.row.domestic_violence and detail.row.major_incident
    summaries = [e.summary for e in detail.events]
    assert "标记为家庭暴力案件：接待登记时确认" in summaries and "标记为重大案事件：接待登记时确认" in summaries
    with store.uow() as uow:
        queue = review.review_queue(uow, a["sup"])
    assert queue[0].case.id == view.case_id and queue[0].reasons[0] == Reason.MAJOR


def test_a_flag_on_a_contact_that_opens_no_case_is_refused(world) -> None:  # noqa: ANN001
    store, a = world
    with store.uow(write=True) as uow, pytest.raises(ValidationError) as caught:
        intake.register_contact(uow, a["rec"], _visit(decision=IntakeDecision.CONSULTATION, domestic_violence=True))
    assert caught.value.code == "flag_needs_case" and _count(store, IntakeRecord) == 0


@pytest.mark.parametrize(("rel", "answers", "level"), [
    (Relationship.ELDER, {"elder_depends_on_abuser": True}, RiskLevel.HIGH),
    (Relationship.CHILD, {"child_repeated": True, "child_out_of_school": True}, RiskLevel.LOW),
    (Relationship.FAMILY, {"family_property_dispute": True, "family_substance": True}, RiskLevel.MEDIUM),
])
def test_each_relationship_set_is_stored_and_a_high_one_reaches_the_supervisor_at_once(
        world, rel, answers, level) -> None:  # noqa: ANN001
    store, a = world
    with store.uow(write=True) as uow:
        view = intake.register_contact(uow, a["rec"], _visit(name="李桂英", id_number=MOTHER_ID,
                                                             request="儿子经常打我，不给饭吃"))
        saved = crisis.record_assessment(uow, a["rec"], view.case_id, answers, relationship=rel)
    assert saved.relationship == rel and saved.final_level == level
    with store.uow(write=True) as uow:
        (stored,) = crisis.assessments(uow, a["sup"], view.case_id)
        queue = review.review_queue(uow, a["sup"])
    assert stored.relationship == rel and stored.max_score < 62 and set(stored.answers) <= {
        c for c in stored.answers if c.startswith(rel.value + "_")}
    at_top = bool(queue) and queue[0].case.id == view.case_id and queue[0].reasons[0] == Reason.MAJOR
    assert at_top == (level == RiskLevel.HIGH)


def test_the_receipt_names_the_case_what_happens_next_and_the_time_limits(world, tmp_path: Path) -> None:  # noqa: ANN001
    store, a = world
    with store.uow(write=True) as uow:
        view = intake.register_contact(uow, a["rec"], _visit())
        kinds = available_documents(uow, a["rec"], view.case_id)
        pdf = render(uow, a["rec"], view.case_id, DocumentKind.INTAKE_RECEIPT, Recipient.PARTY,
                     purpose=PrintPurpose.PRINT)
        case_file = render(uow, a["rec"], view.case_id, DocumentKind.CASE_FILE, Recipient.FILE)
    assert DocumentKind.INTAKE_RECEIPT in kinds
    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = "".join(text.split())
    assert "来访登记回执" in flat and "".join(view.case_no.split()) in flat
    for limit in ("15日内决定是否受理", "60日内办结", "不超过30日", "第二十三条", "第三十四条", "12338"):
        assert limit in flat, limit
    (tmp_path / "file.pdf").write_bytes(case_file)
    file_text = subprocess.run(["pdftotext", str(tmp_path / "file.pdf"), "-"], capture_output=True, text=True,
                               check=True).stdout
    assert "来访登记回执" not in "".join(file_text.split())    # handed over, not bound into the case file
