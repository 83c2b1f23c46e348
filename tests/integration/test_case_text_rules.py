"""What a case's and a person's text may hold: a case name of a sensible length, brief facts no longer than an
intake's request, and no invisible control characters or bidi overrides (U+202E makes a name read differently
from how it is stored and searched). Each refusal says why in Chinese and writes nothing."""
from __future__ import annotations

import pytest

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.intake_rules import IntakeInput, validate_intake
from fulian_desktop.domain.text import SUMMARY_MAX, TITLE_MAX
from fulian_desktop.domain.validation import PersonInput, validate_case_text
from fulian_desktop.services.cases import cases
from fulian_desktop.store.models import Case
from tests.reliability.rel_support import row_counts
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store


@pytest.fixture(scope="module")
def world(tmp_path_factory):  # noqa: ANN001, ANN201
    store = new_store(tmp_path_factory.mktemp("text") / "data").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])
    med = first_login(store, "med")
    yield store, med
    store.close()


def _refused(store, call, words: str, field: str) -> None:  # noqa: ANN001
    before = row_counts(store)
    with pytest.raises(ValidationError) as refused, store.uow(write=True) as uow:
        call(uow)
    assert words in refused.value.message and refused.value.field == field, refused.value.message
    assert row_counts(store) == before


def test_an_oversized_case_name_or_summary_is_refused(world) -> None:  # noqa: ANN001
    store, med = world
    _refused(store, lambda uow: cases.create_case(uow, med, cases.NewCase(title="案" * 30_000, kind=CaseKind.MEDIATION)),
             f"最多 {TITLE_MAX} 个字", "title")
    _refused(store, lambda uow: cases.create_case(uow, med, cases.NewCase(
        title="邻里纠纷", kind=CaseKind.MEDIATION, summary="情" * 30_000)), "简要案情过长", "summary")
    with store.uow(write=True) as uow:  # the longest allowed still goes in whole
        case = cases.create_case(uow, med, cases.NewCase(title="名" * TITLE_MAX, kind=CaseKind.MEDIATION,
                                                         summary="情" * SUMMARY_MAX))
    _refused(store, lambda uow: cases.update_case(uow, med, case.row.id, uow.s.get(Case, case.row.id).version,
                                                  {"summary": "情" * (SUMMARY_MAX + 1)}), "简要案情过长", "summary")
    with store.uow() as uow:
        assert len(uow.s.get(Case, case.row.id).summary) == SUMMARY_MAX


@pytest.mark.parametrize("text", ["张\u202e三", "张三\x00", "张\u200b三", "甲\n乙", "\x1b[31m纠纷"])
def test_control_and_bidi_characters_are_refused_in_one_line_fields(world, text: str) -> None:  # noqa: ANN001
    store, med = world
    _refused(store, lambda uow: cases.create_case(uow, med, cases.NewCase(title=text, kind=CaseKind.MEDIATION)),
             "控制字符", "title")
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, med, cases.NewCase(title="调解", kind=CaseKind.MEDIATION)).row.id
    _refused(store, lambda uow: cases.add_party(uow, med, case_id, PersonInput(name=text), PartyRole.APPLICANT),
             "控制字符", "name")
    _refused(store, lambda uow: cases.add_party(uow, med, case_id, PersonInput(name="李四", address=f"{text}路1号"),
                                                PartyRole.APPLICANT), "控制字符", "address")
    _refused(store, lambda uow: cases.update_case(uow, med, case_id, uow.s.get(Case, case_id).version,
                                                  {"title": text}), "控制字符", "title")
    report, _checked = validate_intake(IntakeInput(name=text, channel="visit", decision="consultation",
                                                     request="咨询"))
    assert any(i.field == "name" and "控制字符" in i.message for i in report.issues)


def test_a_summary_keeps_its_line_breaks_but_not_a_bidi_override(world) -> None:  # noqa: ANN001
    store, med = world
    summary = "一、双方因宅基地发生争执。\r\n二、\t经村委会调解未果。"
    with store.uow(write=True) as uow:
        case = cases.create_case(uow, med, cases.NewCase(title="宅基地纠纷", kind=CaseKind.MEDIATION, summary=summary))
    with store.uow() as uow:
        assert uow.s.get(Case, case.row.id).summary == summary  # stored exactly as typed
    report = validate_case_text("宅基地纠纷", "一、\u202e双方争执")
    assert not report.ok and "U+202E" in report.for_field("summary")[0].message
