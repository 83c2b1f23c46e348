"""Duplicate detection at intake and the people search, on a real encrypted store."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.services.cases import cases, persons
from tests.support.stores import VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, add_user, build_org, first_login, new_store

ZHANG_ID = make_id_number("430122", date(1985, 3, 7), 125)   # 1985: has a 15-digit legacy form; odd: male
ZHANG_ID_15 = ZHANG_ID[:6] + ZHANG_ID[8:17]                    # area + YYMMDD + sequence
ZHANG_PHONE = "13812345678"


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])        # sees full ID numbers
    add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1])       # sees them masked
    add_user(store, "med_b", Role.MEDIATOR, org.units[VILLAGE_B1])      # another town's village
    add_user(store, "sup", Role.SUPERVISOR, org.district)
    actors = {name: first_login(store, name) for name in ("med", "rec", "med_b", "sup")}
    yield store, org, actors
    store.close()


def _case_with(store, actor, title, *people):  # noqa: ANN001, ANN002, ANN202
    with store.uow(write=True) as uow:
        case_id = cases.create_case(uow, actor, cases.NewCase(title=title, kind=CaseKind.PETITION)).row.id
        ids = [cases.add_party(uow, actor, case_id, p, PartyRole.APPLICANT).person_id for p in people]
    return case_id, ids


ZHANG = PersonInput(name="张三", sex="male", id_number=ZHANG_ID, phone=ZHANG_PHONE, address="郭亮村三组")


def test_same_id_number_matches_including_the_15_digit_form(world) -> None:  # noqa: ANN001
    store, _org, a = world
    case_id, (zhang_id,) = _case_with(store, a["med"], "张三反映家庭纠纷", ZHANG)
    with store.uow() as uow:
        by_18 = persons.find_matches(uow, a["med"], id_number=ZHANG_ID.lower())
        by_15 = persons.find_matches(uow, a["med"], id_number=ZHANG_ID_15)
    assert [m.person_id for m in by_18] == [zhang_id] == [m.person_id for m in by_15]
    (match,) = by_15
    assert match.reasons == ("id_number",) and match.reason_text == "身份证号相同"
    assert match.id_number == ZHANG_ID and match.phone == ZHANG_PHONE and not match.redacted
    (ref,) = match.cases
    assert ref.case_id == case_id and ref.title == "张三反映家庭纠纷" and ref.status.label == "登记"
    assert ref.case_no.endswith("号") and ref.opened_at is not None and ref.role == PartyRole.APPLICANT
    assert match.to_dict()["cases"][0]["status_label"] == "登记"


def test_same_phone_matches_whatever_the_formatting(world) -> None:  # noqa: ANN001
    store, _org, a = world
    _case, (zhang_id,) = _case_with(store, a["med"], "张三反映家庭纠纷", ZHANG)
    for typed in ("+86 138-1234-5678", "138 1234 5678", "0086 13812345678", "＋８６１３８１２３４５６７８"):
        with store.uow() as uow:
            (match,) = persons.find_matches(uow, a["med"], phone=typed)
        assert match.person_id == zhang_id and match.reason_labels == ("电话相同",), typed


def test_landline_matches_with_or_without_the_dash(world) -> None:  # noqa: ANN001
    store, _org, a = world
    _case, (pid,) = _case_with(store, a["med"], "李四反映赡养问题",
                               PersonInput(name="李四", sex="female", phone="0731 8888 1234"))
    with store.uow() as uow:
        (match,) = persons.find_matches(uow, a["med"], phone="073188881234")
    assert match.person_id == pid


def test_name_and_birth_date_match_and_the_id_supplies_the_birth_date(world) -> None:  # noqa: ANN001
    store, _org, a = world
    _case, (pid,) = _case_with(store, a["med"], "王小明反映家暴",
                               PersonInput(name="王小明", sex="female", birth_date=date(1990, 5, 1)))
    with store.uow() as uow:
        (match,) = persons.find_matches(uow, a["med"], name="王小明", birth_date=date(1990, 5, 1))
        assert match.person_id == pid and match.reason_labels == ("姓名和出生日期相同",)
        # an ID number typed for her (not on file) still finds her by name + the birth date inside it
        typed_id = make_id_number("430122", date(1990, 5, 1), 202)
        (match,) = persons.find_matches(uow, a["med"], name="王小明", id_number=typed_id)
        assert match.person_id == pid and match.reasons == ("name_birth",)
        # same name, other birthday: not her
        assert persons.find_matches(uow, a["med"], name="王小明", birth_date=date(1990, 5, 2)) == []
        # a name alone is never a match (too many 王小明 in a district)
        assert persons.find_matches(uow, a["med"], name="王小明") == []


def test_a_different_person_and_half_typed_values_match_nothing(world) -> None:  # noqa: ANN001
    store, _org, a = world
    _case_with(store, a["med"], "张三反映家庭纠纷", ZHANG)
    other_id = make_id_number("430122", date(1985, 3, 7), 126)  # same birthday, other sequence
    with store.uow() as uow:
        assert persons.find_matches(uow, a["med"], id_number=other_id, phone="13912345678", name="张四",
                                    birth_date=date(1985, 3, 7)) == []
        assert persons.find_matches(uow, a["med"], id_number=ZHANG_ID[:10], phone="138123") == []
        assert persons.find_matches(uow, a["med"]) == []


def test_several_reasons_are_listed_strongest_first(world) -> None:  # noqa: ANN001
    store, _org, a = world
    _case, (zhang_id, wife_id) = _case_with(
        store, a["med"], "张三家庭纠纷", ZHANG,
        PersonInput(name="刘芳", sex="female", phone=ZHANG_PHONE))  # a shared family phone
    with store.uow() as uow:
        found = persons.find_matches(uow, a["med"], id_number=ZHANG_ID, phone=ZHANG_PHONE, name="张三")
    assert [m.person_id for m in found] == [zhang_id, wife_id]
    assert found[0].reason_labels == ("身份证号相同", "电话相同", "姓名和出生日期相同")
    assert found[1].reason_labels == ("电话相同",)


def test_id_and_phone_are_masked_without_the_right(world) -> None:  # noqa: ANN001
    store, _org, a = world
    _case_with(store, a["med"], "张三反映家庭纠纷", ZHANG)
    with store.uow() as uow:
        (match,) = persons.find_matches(uow, a["rec"], id_number=ZHANG_ID)
    assert match.redacted and match.id_number == "430122********" + ZHANG_ID[-4:]
    assert match.phone == "138****5678" and match.birth_date is None
    assert ZHANG_ID not in str(match.to_dict()) and ZHANG_PHONE not in str(match.to_dict())


def test_people_outside_the_scope_are_not_revealed(world) -> None:  # noqa: ANN001
    store, org, a = world
    _case_with(store, a["med"], "张三反映家庭纠纷", ZHANG)
    with store.uow() as uow:
        assert persons.find_matches(uow, a["med_b"], id_number=ZHANG_ID, phone=ZHANG_PHONE) == []
        assert persons.search_people(uow, a["med_b"], "张三") == []
        assert persons.search_people(uow, a["med_b"], "zs") == []
        assert persons.search_people(uow, a["med_b"], ZHANG_ID) == []
        # the district sees everyone, with the village's case
        (match,) = persons.find_matches(uow, a["sup"], id_number=ZHANG_ID)
    assert match.unit_name == VILLAGE_A1 and len(match.cases) == 1


def test_a_case_outside_the_scope_is_not_listed_for_a_visible_person(world) -> None:  # noqa: ANN001
    store, org, a = world
    _case, (pid,) = _case_with(store, a["med"], "张三反映家庭纠纷", ZHANG)
    with store.uow(write=True) as uow:  # the district files its own case with the same person
        district_case = cases.create_case(uow, a["sup"], cases.NewCase(title="张三到区来访",
                                                                        kind=CaseKind.PETITION)).row.id
        cases.add_party(uow, a["sup"], district_case, ZHANG, PartyRole.APPLICANT, person_id=pid)
    with store.uow() as uow:
        (village_view,) = persons.find_matches(uow, a["med"], id_number=ZHANG_ID)
        (district_view,) = persons.find_matches(uow, a["sup"], id_number=ZHANG_ID)
    assert [c.title for c in village_view.cases] == ["张三反映家庭纠纷"]
    assert {c.title for c in district_view.cases} == {"张三反映家庭纠纷", "张三到区来访"}


def test_pinyin_full_and_initials_find_the_person(world) -> None:  # noqa: ANN001
    store, _org, a = world
    _case_with(store, a["med"], "多人", ZHANG,
               PersonInput(name="李四", sex="female"),
               PersonInput(name="王小明", sex="female"),
               PersonInput(name="欧阳娜娜", sex="female"),
               PersonInput(name="单雪", sex="female"))
    with store.uow() as uow:
        def names(text: str) -> list[str]:
            return [m.name for m in persons.search_people(uow, a["med"], text)]

        assert names("zs") == ["张三"] and names("zhangsan") == ["张三"] and names("ZhangSan") == ["张三"]
        assert names("zhang san") == ["张三"] and names("zhang") == ["张三"]       # prefix while typing
        assert names("ls") == ["李四"] and names("lisi") == ["李四"]                # 2-char name
        assert names("wxm") == ["王小明"] and names("wangxiaoming") == ["王小明"]   # 3-char name
        assert names("wx") == ["王小明"]
        assert names("oynn") == ["欧阳娜娜"] and names("ouyangnana") == ["欧阳娜娜"]
        assert names("sx") == ["单雪"] and names("shanxue") == ["单雪"]             # surname reading
        assert names("张三") == ["张三"] and names("王") == ["王小明"]               # Chinese name prefix
        assert names(ZHANG_ID_15) == ["张三"] and names("+86 138 1234 5678") == ["张三"]
        assert names("qq") == [] and names("") == [] and names("   ") == []
        (hit,) = persons.search_people(uow, a["med"], "zs")
        assert hit.reasons == ("initials",) and hit.reason_labels == ("姓名拼音首字母",)


def test_exact_hits_come_first_and_at_most_50(world) -> None:  # noqa: ANN001
    store, _org, a = world
    people = [PersonInput(name=f"张{ch}", sex="female") for ch in "一二三四五六七八九十"] * 6  # 60 people
    _case_with(store, a["med"], "多人", *people, PersonInput(name="张三丰", sex="male"),
               PersonInput(name="赵四", sex="male"))
    with store.uow() as uow:
        assert len(persons.search_people(uow, a["med"], "z")) == 50
        assert len(persons.search_people(uow, a["med"], "z", limit=500)) == 50
        found = [m.name for m in persons.search_people(uow, a["med"], "zs")]
    # 'zs' is exactly the initials of 张三, 张四, 张十 and 赵四; 张三丰 (zsf) only begins with it
    assert found[-1] == "张三丰" and found.count("赵四") == 1 and len(found) == 6 * 3 + 2


def test_a_village_sees_a_person_through_its_own_case(world) -> None:  # noqa: ANN001
    """A person registered by the district but party in a village case is visible to that village."""
    store, org, a = world
    with store.uow(write=True) as uow:
        village_case = cases.create_case(uow, a["sup"], cases.NewCase(
            title="区里转来的案件", kind=CaseKind.PETITION, unit_id=org.units[VILLAGE_A2])).row.id
        district_case = cases.create_case(uow, a["sup"], cases.NewCase(title="区案", kind=CaseKind.PETITION)).row.id
        pid = cases.add_party(uow, a["sup"], district_case, ZHANG, PartyRole.APPLICANT).person_id
        cases.add_party(uow, a["sup"], village_case, ZHANG, PartyRole.APPLICANT, person_id=pid)
    add_user(store, "med_a2", Role.MEDIATOR, org.units[VILLAGE_A2])
    med_a2 = first_login(store, "med_a2")
    with store.uow() as uow:
        (match,) = persons.find_matches(uow, med_a2, id_number=ZHANG_ID)
        assert [c.title for c in match.cases] == ["区里转来的案件"]
        assert persons.find_matches(uow, a["med"], id_number=ZHANG_ID) == []


def test_search_needs_a_logged_in_user_with_the_right(world) -> None:  # noqa: ANN001
    store, org, _a = world
    from fulian_desktop.services.accounts import auth

    add_user(store, "fresh", Role.RECEPTION, org.units[VILLAGE_A1])
    fresh = auth.login(store, "fresh", "Temp-Pass-123")  # must still change the password
    with store.uow() as uow:
        with pytest.raises(Exception) as err:
            persons.search_people(uow, fresh, "zs")
    assert err.value.code == "password_change_required"
