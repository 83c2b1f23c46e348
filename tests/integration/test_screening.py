"""矛盾纠纷排查 and 网络舆情 through the services, on real stores."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.enums import CaseKind, CaseSource, CaseStatus, PartyRole, Role
from fulian_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError, WorkflowError
from fulian_desktop.domain.localtime import LOCAL_TZ, local_date
from fulian_desktop.domain.screening_rules import EntryStatus, RiskLevel, classify_reason, parse_risk
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import cases
from fulian_desktop.services.intake import leads
from fulian_desktop.services.accounts import orgunits
from fulian_desktop.services.screening import screening
from fulian_desktop.store.models import AuditEntry, Case, ScreeningEntry
from tests.support.stores import (
    ADMIN_PASSWORD, TOWN_A, VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, add_user, build_org, first_login, new_store,
)

MAR_2 = date(2026, 3, 2)


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "cun1", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="郭亮村调解员")
    add_user(store, "cun2", Role.MEDIATOR, org.units[VILLAGE_A2], display_name="新康村调解员")
    add_user(store, "zhen", Role.MEDIATOR, org.units[TOWN_A], display_name="街道调解员")
    add_user(store, "cunb", Role.MEDIATOR, org.units[VILLAGE_B1], display_name="马桥河村调解员")
    actors = {name: first_login(store, name) for name in ("cun1", "cun2", "zhen", "cunb")}
    actors["admin"] = first_login(store, "admin", password=ADMIN_PASSWORD)
    yield store, org, actors
    store.close()


def _add(store, actor, **kw):  # noqa: ANN001, ANN003, ANN202
    kw.setdefault("subject", "张家（婆媳矛盾）")
    kw.setdefault("reason", "婆媳长期不和，近期多次争吵")
    kw.setdefault("risk_level", "中")
    kw.setdefault("today", MAR_2)
    with store.uow(write=True) as uow:
        return screening.add_entry(uow, actor, **kw)


def _visit(store, actor, entry_id, day, findings="已上门走访", level=None, visitor=None):  # noqa: ANN001, ANN202
    with store.uow(write=True) as uow:
        return screening.record_visit(uow, actor, entry_id, day, visitor, findings, level, today=day)


def _register(store, actor, **kw):  # noqa: ANN001, ANN003, ANN202
    with store.uow() as uow:
        return screening.list_register(uow, actor, **kw)


def _chain_ok(store) -> bool:  # noqa: ANN001
    with store.uow() as uow:
        return verify_chain(uow.s).ok


# --- rules ---------------------------------------------------------------------------------------

def test_rules_parse_levels_and_classify_reasons() -> None:
    assert parse_risk("高") is RiskLevel.HIGH and parse_risk("medium") is RiskLevel.MEDIUM
    assert parse_risk("低风险") is RiskLevel.LOW
    with pytest.raises(ValidationError):
        parse_risk("很高")
    assert classify_reason("丈夫酒后打骂妻子").sub_category == "家庭暴力"
    assert classify_reason("兄弟之间因赡养老人起争执").sub_category == "赡养"
    assert classify_reason("与邻居因排水沟争执").dispute_type == "邻里"
    assert classify_reason("说不清楚") == classify_reason(None)


# --- the register --------------------------------------------------------------------------------

def test_each_village_sees_only_its_own_register(world) -> None:  # noqa: ANN001
    store, org, a = world
    e1 = _add(store, a["cun1"], subject="王家", address="郭亮村三组12号")
    e2 = _add(store, a["cun2"], subject="李家")
    # The town registers for one of its villages and names that village's mediator responsible.
    with store.uow() as uow:
        cun2_id = uow.s.execute(select(ScreeningEntry.responsible_id).where(ScreeningEntry.id == e2.id)).scalar()
    e3 = _add(store, a["zhen"], subject="赵家", unit_id=org.units[VILLAGE_A2], responsible_id=cun2_id)

    assert e1.unit_name == VILLAGE_A1 and e1.responsible_name == "郭亮村调解员"
    assert e1.next_visit_due == MAR_2 + timedelta(days=30) and e1.status is EntryStatus.ACTIVE
    assert e1.risk_label == "中" and e1.status_label == "在册"
    assert [v.id for v in _register(store, a["cun1"])] == [e1.id]
    assert {v.id for v in _register(store, a["cun2"])} == {e2.id, e3.id}
    town = _register(store, a["zhen"])
    with store.uow() as uow:
        tree = [u.name for u in orgunits.list_units(uow, a["zhen"])]
    names = [v.unit_name for v in town]
    assert names == sorted(names, key=tree.index) and sorted(names) == sorted([VILLAGE_A1, VILLAGE_A2, VILLAGE_A2])
    assert [v.id for v in _register(store, a["zhen"], unit_id=org.units[VILLAGE_A2])] == [e2.id, e3.id]
    assert _register(store, a["cunb"]) == []

    with pytest.raises(PermissionDenied):  # another village's entry, and another village's register
        with store.uow(write=True) as uow:
            screening.get_entry(uow, a["cun1"], e2.id)
    with pytest.raises(PermissionDenied):
        _register(store, a["cun1"], unit_id=org.units[VILLAGE_A2])
    with pytest.raises(PermissionDenied):
        _add(store, a["cun1"], unit_id=org.units[VILLAGE_A2])
    with pytest.raises(ValidationError) as err:  # registers are kept per village, not at the town
        _add(store, a["zhen"])
    assert err.value.code == "not_a_village"
    with pytest.raises(ValidationError) as err:  # cun2 could not even see an entry in 郭亮村
        _add(store, a["zhen"], unit_id=org.units[VILLAGE_A1], responsible_id=cun2_id)
    assert err.value.code == "bad_responsible"
    with pytest.raises(ValidationError):
        _add(store, a["cun1"], reason=" ")

    # The system administrator reads no case content (separation of duties): not the register, and cannot register.
    with pytest.raises(PermissionDenied):
        _register(store, a["admin"], unit_id=org.units[VILLAGE_A1])
    assert _register(store, a["cun1"])[0].address == "郭亮村三组12号"
    with pytest.raises(PermissionDenied):
        _add(store, a["admin"], unit_id=org.units[VILLAGE_A1])
    assert _chain_ok(store)


def test_a_visit_moves_the_next_due_date_and_sets_the_risk(world) -> None:  # noqa: ANN001
    store, _org, a = world
    entry = _add(store, a["cun1"], risk_level=RiskLevel.MEDIUM)
    detail = _visit(store, a["cun1"], entry.id, date(2026, 3, 10), "双方仍有争吵，丈夫扬言要动手", "高")
    assert detail.entry.risk_level is RiskLevel.HIGH
    assert detail.entry.next_visit_due == date(2026, 4, 9)  # 30 calendar days after the visit
    assert detail.entry.last_visit_on == date(2026, 3, 10) and detail.entry.visit_count == 1
    assert detail.visits[0].visitor == "郭亮村调解员"  # the actor, when no visitor is named

    # A visit entered late, dated before the latest one, joins the history without moving anything.
    late = _visit(store, a["cun1"], entry.id, date(2026, 3, 5), "电话了解情况", "低", visitor="村妇联主席")
    assert [v.visited_on for v in late.visits] == [date(2026, 3, 5), date(2026, 3, 10)]
    assert late.entry.risk_level is RiskLevel.HIGH and late.entry.next_visit_due == date(2026, 4, 9)

    # No level given: the level stays; a visit on a Sunday-due date is still just +30 days.
    kept = _visit(store, a["cun1"], entry.id, date(2026, 4, 9), "情绪平稳")
    assert kept.entry.risk_level is RiskLevel.HIGH and kept.entry.next_visit_due == date(2026, 5, 9)
    with pytest.raises(ValidationError):  # not in the future
        with store.uow(write=True) as uow:
            screening.record_visit(uow, a["cun1"], entry.id, date(2026, 4, 20), None, "x", today=date(2026, 4, 10))
    with pytest.raises(PermissionDenied):  # not another village's entry
        _visit(store, a["cun2"], entry.id, date(2026, 4, 9))
    with store.uow(write=True) as uow:
        opened = screening.get_entry(uow, a["zhen"], entry.id)
    assert len(opened.visits) == 3
    assert _chain_ok(store)


def test_overdue_visits_are_tasks_in_scope(world) -> None:  # noqa: ANN001
    store, _org, a = world
    late = _add(store, a["cun1"], subject="王家", risk_level="高")          # due 2026-04-01
    later = _add(store, a["cun1"], subject="刘家", first_visit_due=date(2026, 5, 1))
    other = _add(store, a["cun2"], subject="李家")                         # due 2026-04-01, another village
    with store.uow() as uow:
        (task,) = screening.overdue_visits(uow, a["cun1"], today=date(2026, 4, 5))
        assert screening.overdue_visits(uow, a["cun1"], today=date(2026, 4, 1)) == []  # due today: not late
        town = screening.overdue_visits(uow, a["zhen"], today=date(2026, 4, 5))
    assert (task.entry_id, task.due_on, task.days_overdue) == (late.id, date(2026, 4, 1), 4)
    assert task.responsible_name == "郭亮村调解员" and task.unit_name == VILLAGE_A1
    assert "逾期 4 天" in task.label and later.id != task.entry_id
    assert {t.entry_id for t in town} == {late.id, other.id}
    assert town[0].risk_level is RiskLevel.HIGH  # equally late: 高 first

    rows = {v.id: v for v in _register(store, a["cun1"], today=date(2026, 4, 5))}
    assert rows[late.id].overdue and rows[late.id].overdue_label == "逾期 4 天"
    assert not rows[later.id].overdue

    _visit(store, a["cun1"], late.id, date(2026, 4, 5), "已走访")  # visiting clears the task
    with store.uow() as uow:
        assert screening.overdue_visits(uow, a["cun1"], today=date(2026, 4, 6)) == []


def test_an_entry_becomes_a_case_and_its_history_goes_with_it(world) -> None:  # noqa: ANN001
    store, _org, a = world
    entry = _add(store, a["cun1"], subject=None, risk_level="中", address="郭亮村五组3号",
                 person=PersonInput(name="周某某", sex="female", phone="13807310001"),
                 reason="夫妻长期争吵，丈夫酒后有打骂行为")
    assert entry.subject == "周某某" and entry.person_name == "周某某"
    _visit(store, a["cun1"], entry.id, date(2026, 3, 8), "丈夫承认动手，妻子害怕", "高")
    _visit(store, a["cun1"], entry.id, date(2026, 3, 20), "妻子提出想调解")

    with store.uow(write=True) as uow:
        case = screening.open_case_from_entry(uow, a["cun1"], entry.id, party_role=PartyRole.APPLICANT)
    assert case.source == CaseSource.SCREENING.value and CaseSource(case.source).label == "排查发现"
    assert case.row.kind is CaseKind.MEDIATION and case.row.status is CaseStatus.REGISTERED
    assert case.row.category == "婚姻家庭" and case.sub_category == "家庭暴力" and case.dispute_type == "婚姻家庭"
    assert case.row.title == "排查发现：周某某" and case.summary == "夫妻长期争吵，丈夫酒后有打骂行为"
    assert [(p.name, p.role) for p in case.parties] == [("周某某", PartyRole.APPLICANT)]
    timeline = [e.summary for e in case.events]
    assert "夫妻长期争吵，丈夫酒后有打骂行为" in timeline[0]
    assert "2026-03-08" in timeline[1] and "丈夫承认动手，妻子害怕" in timeline[1]
    assert "2026-03-20" in timeline[2] and "妻子提出想调解" in timeline[2]
    assert any("由矛盾纠纷排查转为案件" in s for s in timeline)

    (row,) = _register(store, a["cun1"])
    assert row.status is EntryStatus.CASE_OPENED and row.case_id == case.row.id and row.case_no == case.row.case_no
    assert row.next_visit_due is None and not row.overdue
    with store.uow() as uow:
        assert screening.overdue_visits(uow, a["cun1"], today=date(2027, 1, 1)) == []
    with pytest.raises(ConflictError):  # one entry, one case
        with store.uow(write=True) as uow:
            screening.open_case_from_entry(uow, a["cun1"], entry.id)
    with pytest.raises(WorkflowError):  # the case carries on from here
        _visit(store, a["cun1"], entry.id, date(2026, 3, 25))
    with pytest.raises(ValidationError) as err:  # the same person once on a village's register
        _add(store, a["cun1"], person_id=row.person_id)
    assert err.value.code == "duplicate"
    with store.uow() as uow:
        audited = {(e.action, e.entity) for e in uow.s.execute(
            select(AuditEntry).where(AuditEntry.case_id == case.row.id)).scalars()}
    assert ("create", "case") in audited and ("update", "screening_entry") in audited
    assert _chain_ok(store)


def test_a_stale_update_is_refused_and_a_resolved_entry_is_final(world) -> None:  # noqa: ANN001
    store, _org, a = world
    entry = _add(store, a["cun1"])
    with store.uow(write=True) as uow:
        first = screening.update_entry(uow, a["cun1"], entry.id, entry.version,
                                       {"risk_level": "低", "visit_every_days": 14}, today=MAR_2)
    assert first.risk_level is RiskLevel.LOW and first.visit_every_days == 14
    # No visit yet: the new interval counts from the day the entry was registered.
    assert first.next_visit_due == local_date(entry.registered_at) + timedelta(days=14)
    assert first.version == entry.version + 1
    with pytest.raises(ConflictError):  # someone saved in between: the old version is refused
        with store.uow(write=True) as uow:
            screening.update_entry(uow, a["zhen"], entry.id, entry.version, {"subject": "张家（已改）"})
    with pytest.raises(ValidationError):
        with store.uow(write=True) as uow:
            screening.update_entry(uow, a["cun1"], entry.id, first.version, {"status": "resolved"})
    assert _register(store, a["cun1"])[0].subject == "张家（婆媳矛盾）"
    with pytest.raises(ValidationError) as err:  # the village cannot hand its entry to the town's mediator
        with store.uow(write=True) as uow:
            screening.update_entry(uow, a["cun1"], entry.id, first.version, {"responsible_id": a["zhen"].user_id})
    assert err.value.code == "bad_responsible"
    with store.uow(write=True) as uow:  # the town can take it over
        second = screening.update_entry(uow, a["zhen"], entry.id, first.version,
                                        {"responsible_id": a["zhen"].user_id, "subject": "张家"})
    assert second.responsible_name == "街道调解员" and second.subject == "张家"
    with store.uow() as uow:  # the audit names the changed fields, not the household's details
        details = [e.detail or {} for e in uow.s.execute(
            select(AuditEntry).where(AuditEntry.entity_id == entry.id)).scalars()]
    assert all("张家" not in str(d) for d in details)
    assert ["responsible_id", "subject"] in [d.get("fields") for d in details]

    with store.uow(write=True) as uow:
        done = screening.resolve_entry(uow, a["cun1"], entry.id, "经调解双方和好", expected_version=second.version)
    assert done.status is EntryStatus.RESOLVED and done.status_label == "已化解"
    assert done.resolution == "经调解双方和好" and done.resolved_at is not None
    assert _register(store, a["cun1"]) == []
    assert [v.id for v in _register(store, a["cun1"], include_resolved=True)] == [entry.id]
    for change in (lambda uow: screening.update_entry(uow, a["cun1"], entry.id, done.version, {"subject": "x"}),
                   lambda uow: screening.record_visit(uow, a["cun1"], entry.id, MAR_2, None, "x", today=MAR_2),
                   lambda uow: screening.open_case_from_entry(uow, a["cun1"], entry.id)):
        with pytest.raises(WorkflowError):
            with store.uow(write=True) as uow:
                change(uow)
    assert _chain_ok(store)


# --- online-opinion leads ------------------------------------------------------------------------

def test_an_online_lead_opens_a_case(world) -> None:  # noqa: ANN001
    store, _org, a = world
    with store.uow(write=True) as uow:
        lead = leads.add_lead(uow, a["cun1"], "抖音本地号评论区", "有网友称某村妇女被丈夫赶出家门，无处居住",
                              date(2026, 3, 3), today=MAR_2 + timedelta(days=5))
    assert lead.status_label == "待处理" and lead.unit_name == VILLAGE_A1
    with store.uow() as uow:
        assert [x.id for x in leads.list_leads(uow, a["cun1"], open_only=True)] == [lead.id]
        assert leads.list_leads(uow, a["cun2"]) == []
        assert [x.id for x in leads.list_leads(uow, a["zhen"])] == [lead.id]
    with pytest.raises(ValidationError):  # not seen in the future
        with store.uow(write=True) as uow:
            leads.add_lead(uow, a["cun1"], "微信群", "x", date(2026, 3, 9), today=MAR_2)
    with pytest.raises(PermissionDenied):
        with store.uow(write=True) as uow:
            leads.open_case_from_lead(uow, a["cun2"], lead.id)

    with store.uow(write=True) as uow:
        case = leads.open_case_from_lead(uow, a["cun1"], lead.id, CaseKind.PETITION, "网传妇女被赶出家门")
    assert case.source == CaseSource.ONLINE_OPINION.value and CaseSource(case.source).label == "网络舆情"
    assert case.row.kind is CaseKind.PETITION and case.row.title == "网传妇女被赶出家门"
    assert any("抖音本地号评论区" in e.summary and "无处居住" in e.summary for e in case.events)
    with store.uow() as uow:
        (linked,) = leads.list_leads(uow, a["cun1"])
        assert leads.list_leads(uow, a["cun1"], open_only=True) == []
    assert linked.case_id == case.row.id and linked.case_no == case.row.case_no and linked.status_label == "已立案"
    with pytest.raises(ConflictError):
        with store.uow(write=True) as uow:
            leads.open_case_from_lead(uow, a["cun1"], lead.id)
    with store.uow(write=True) as uow:
        assert cases.get_case(uow, a["zhen"], case.row.id).source == "online_opinion"
    assert _chain_ok(store)


# --- counts --------------------------------------------------------------------------------------

def _local(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LOCAL_TZ)


def _backdate(store, entry_id: str, registered: date, resolved: date | None = None,  # noqa: ANN001
              legacy: bool = False) -> None:
    """Hand-build history: the services stamp records with the real clock. `legacy`: resolved before
    schema 0007, when only `updated_at` told the day."""
    with store.uow(write=True) as uow:
        entry = uow.s.get(ScreeningEntry, entry_id)
        entry.created_at = _local(registered)
        entry.updated_at = _local(resolved) if resolved else _local(registered)
        if resolved:
            entry.resolved_on = None if legacy else resolved


def test_screening_counts_for_a_month(world) -> None:  # noqa: ANN001
    store, org, a = world
    cun1, cun2 = a["cun1"], a["cun2"]
    # E1 郭亮村: registered in February, visited 20 Feb (中) and 5 Mar (高).
    e1 = _add(store, cun1, subject="E1", risk_level="中", today=date(2026, 2, 10))
    _visit(store, cun1, e1.id, date(2026, 2, 20), level="中")
    _visit(store, cun1, e1.id, date(2026, 3, 5), level="高")                     # next due 4 Apr
    _backdate(store, e1.id, date(2026, 2, 10))
    # E2 郭亮村: registered in March with a person, 低, then turned into a case on 25 Mar.
    e2 = _add(store, cun1, subject="E2", risk_level="低", person=PersonInput(name="孙某某"), today=date(2026, 3, 3))
    _backdate(store, e2.id, date(2026, 3, 3))
    with store.uow(write=True) as uow:
        case_id = screening.open_case_from_entry(uow, cun1, e2.id).row.id
    with store.uow(write=True) as uow:
        uow.s.get(Case, case_id).opened_at = _local(date(2026, 3, 25))
    # E3 新康村: registered in January with a person, 高, visited in January and again on 2 Apr (低).
    e3 = _add(store, cun2, subject="E3", risk_level="高", person=PersonInput(name="钱某某"), today=date(2026, 1, 15))
    _visit(store, cun2, e3.id, date(2026, 1, 20), level="高")
    _visit(store, cun2, e3.id, date(2026, 4, 2), level="低")
    _backdate(store, e3.id, date(2026, 1, 15))
    # E4 新康村: registered in February, resolved 20 Mar. E5 郭亮村: resolved 25 Feb. E6: registered in April.
    e4 = _add(store, cun2, subject="E4", today=date(2026, 2, 1))
    e5 = _add(store, cun1, subject="E5", today=date(2026, 2, 1))
    for who, entry in ((cun2, e4), (cun1, e5)):
        with store.uow(write=True) as uow:
            screening.resolve_entry(uow, who, entry.id, "已化解")
    _backdate(store, e4.id, date(2026, 2, 1), resolved=date(2026, 3, 20))
    _backdate(store, e5.id, date(2026, 2, 1), resolved=date(2026, 2, 25), legacy=True)
    e6 = _add(store, cun1, subject="E6", today=date(2026, 4, 2))
    _backdate(store, e6.id, date(2026, 4, 2))

    with store.uow() as uow:
        town = screening.screening_counts(uow, a["zhen"], date(2026, 3, 1), date(2026, 3, 31), today=date(2026, 4, 5))
        mine = screening.screening_counts(uow, cun1, date(2026, 3, 1), date(2026, 3, 31), today=date(2026, 4, 5))
        village2 = screening.screening_counts(uow, a["zhen"], date(2026, 3, 1), date(2026, 3, 31),
                                              unit_id=org.units[VILLAGE_A2], today=date(2026, 4, 5))
    assert town["screened"] == 2            # E1 (visit on 5 Mar), E2 (registered 3 Mar)
    assert town["new_entries"] == 1 and town["visits"] == 1
    assert town["on_register"] == 4         # E1 E2 E3 E4 (E5 resolved before March, E6 came later)
    assert town["resolved"] == 1 and town["resolved_rate"] == 0.25 and town["resolved_rate_text"] == "25.0%"
    # At 31 Mar: E1 高 (its 5 Mar visit), E2 低, E3 高 (its 2 Apr visit comes after the end).
    assert {k: v["count"] for k, v in town["risk_by_level"].items()} == {"high": 2, "medium": 0, "low": 1}
    assert town["risk_by_level"]["high"]["label"] == "高" and town["risk_total"] == 3
    assert town["key_persons"] == 2         # 孙某某 (E2), 钱某某 (E3)
    assert town["cases_opened"] == 1
    assert town["overdue_now"] == 1         # E1: due 4 Apr
    assert town["labels"]["screened"] == "排查户数"

    assert (mine["screened"], mine["on_register"], mine["resolved"], mine["resolved_rate_text"]) == (2, 2, 0, "0.0%")
    assert {k: v["count"] for k, v in mine["risk_by_level"].items()} == {"high": 1, "medium": 0, "low": 1}
    assert mine["key_persons"] == 1 and mine["overdue_now"] == 1
    assert (village2["screened"], village2["on_register"], village2["resolved"]) == (0, 2, 1)
    assert village2["key_persons"] == 1
    with pytest.raises(PermissionDenied):
        with store.uow() as uow:
            screening.screening_counts(uow, cun1, date(2026, 3, 1), date(2026, 3, 31), unit_id=org.units[VILLAGE_A2])
    assert _chain_ok(store)
