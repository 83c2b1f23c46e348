"""The mandatory report (强制报告, 反家庭暴力法第十四条) on real stores through the real services: who raises it,
its clock in the task list, and recording the report that closes it."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain import clock
from fulian_desktop.domain.clocks import ClockKind, ClockStatus
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.errors import ValidationError, WorkflowError
from fulian_desktop.domain.idnumber import make_id_number
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.mandatory_report_rules import Ground, ReportStatus, age_on
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.domain.workflow import Transition
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import cases, clock_tasks, workflow
from fulian_desktop.services.cases import report_duty
from fulian_desktop.services.crisis import crisis, mandatory_reports
from fulian_desktop.services.crisis.crisis import ActionKind
from fulian_desktop.store.models import AuditEntry, CaseClock, MandatoryReport
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store

HIGH_RISK = {"strangulation": True, "threat_to_children": True, "escalation": True}


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="郭亮调解员")
    yield store, first_login(store, "med")
    store.close()


def born_years_ago(years: int) -> date:
    """A birth date giving `years` full years of age today (China date)."""
    return clock.today_local() - timedelta(days=int(365.25 * years) + 30)


def child_id(years: int) -> str:
    return make_id_number("430112", born_years_ago(years), 22)


def _case(store, actor, kind=CaseKind.MEDIATION, title="张某某家庭纠纷") -> str:  # noqa: ANN001
    with store.uow(write=True) as uow:
        return cases.create_case(uow, actor, cases.NewCase(title=title, kind=kind)).row.id


def _party(store, actor, case_id, name, role, **person):  # noqa: ANN001, ANN003, ANN202
    with store.uow(write=True) as uow:
        return cases.add_party(uow, actor, case_id, PersonInput(name=name, **person), role)


def _reports(store, actor, case_id):  # noqa: ANN001, ANN202
    with store.uow(write=True) as uow:
        return mandatory_reports.case_reports(uow, actor, case_id)


def _tasks(store, actor, now=None):  # noqa: ANN001, ANN202
    with store.uow() as uow:
        return [t for t in clock_tasks.clock_tasks(uow, actor, now=now) if t.kind is ClockKind.MANDATORY_REPORT]


def _record(store, actor, report_id, **over):  # noqa: ANN001, ANN003, ANN202
    values = dict(reported_at=clock.now_utc() - timedelta(minutes=30), police_unit="望城区公安分局高塘岭派出所",
                  method="phone", receipt_no="110-20261207-0031", officer="刘警官（警号 043117）",
                  facts="孩子手臂有多处淤青，自述父亲用皮带抽打。", reporter_name="郭亮调解员",
                  reporter_post="村调解员", reporter_phone="13974800000")
    values.update(over)
    with store.uow(write=True) as uow:
        return mandatory_reports.record_report(uow, actor, report_id, **values)


def test_a_child_in_the_home_of_a_high_risk_case_raises_the_report_task(world) -> None:  # noqa: ANN001
    """Issue 18's scenario: a mediation on child support in a home with violence; the danger assessment comes
    out 高, the case becomes a DV case, and the child in the home raises the mandatory report at once."""
    store, med = world
    case_id = _case(store, med, title="李某与张某抚养费纠纷")
    _party(store, med, case_id, "李秀兰", PartyRole.APPLICANT, sex="female", birth_date=date(1990, 3, 2))
    _party(store, med, case_id, "张建军", PartyRole.RESPONDENT, sex="male", birth_date=date(1988, 7, 9))
    _party(store, med, case_id, "张小雨", PartyRole.MINOR_CHILD, id_number=child_id(9))
    assert _reports(store, med, case_id) == []              # no violence on record yet: nothing to report
    with store.uow(write=True) as uow:
        crisis.record_assessment(uow, med, case_id, HIGH_RISK)
    reports = _reports(store, med, case_id)
    assert [(r.subject_name, r.ground, r.status) for r in reports] == [("张小雨", Ground.MINOR, ReportStatus.OPEN)]
    assert reports[0].ground_note == "未成年人（9 周岁）" == f"未成年人（{age_on(born_years_ago(9), clock.today_local())} 周岁）"
    assert reports[0].clock is not None and reports[0].clock.kind is ClockKind.MANDATORY_REPORT
    assert reports[0].clock.status is ClockStatus.DUE_TODAY and reports[0].clock.countdown == "今天到期"
    tasks = _tasks(store, med)
    assert [(t.case_id, t.label, t.status) for t in tasks] == [(case_id, "强制报告", ClockStatus.DUE_TODAY)]
    tomorrow = clock.now_local().replace(hour=9) + timedelta(days=1)
    late = _tasks(store, med, now=tomorrow)
    assert late[0].status is ClockStatus.OVERDUE and late[0].countdown.startswith("已超期 1 天")
    with store.uow(write=True) as uow:
        timeline = [e.summary for e in cases.get_case(uow, med, case_id).events]
    assert any("强制报告：张小雨" in t and "应立即向公安机关报案" in t for t in timeline)
    # The respondent and the mother are adults of full capacity: nobody else is reported.
    with store.uow(write=True) as uow:
        crisis.record_assessment(uow, med, case_id, HIGH_RISK)
    assert len(_reports(store, med, case_id)) == 1


def test_an_adult_with_limited_capacity_raises_it_once_recorded(world) -> None:  # noqa: ANN001
    store, med = world
    case_id = _case(store, med, kind=CaseKind.CRISIS, title="王某某遭受家庭暴力求助")
    party = _party(store, med, case_id, "王小芬", PartyRole.VICTIM, sex="female", birth_date=date(1996, 5, 1))
    assert _reports(store, med, case_id) == []
    with store.uow(write=True) as uow, pytest.raises(ValidationError) as err:
        report_duty.record_capacity(uow, med, party.id, "limited", recorded_by="", basis="医院诊断")
    assert err.value.code == "recorded_by_required"
    assert _reports(store, med, case_id) == []               # refused: nothing recorded, nothing raised
    with store.uow(write=True) as uow:
        raised = report_duty.record_capacity(uow, med, party.id, "limited", recorded_by="郭亮调解员",
                                                   basis="望城区第三人民医院精神科诊断证明")
    reports = _reports(store, med, case_id)
    assert [r.id for r in reports] == raised and reports[0].ground is Ground.LIMITED_CAPACITY
    assert "记录人：郭亮调解员" in reports[0].ground_note and "精神科诊断" in reports[0].ground_note
    assert len(_tasks(store, med)) == 1


def test_an_adult_of_full_capacity_raises_nothing(world) -> None:  # noqa: ANN001
    store, med = world
    case_id = _case(store, med, kind=CaseKind.CRISIS, title="赵某某遭受家庭暴力求助")
    _party(store, med, case_id, "赵丽", PartyRole.VICTIM, sex="female", birth_date=date(1985, 1, 20))
    _party(store, med, case_id, "钱某", PartyRole.RESPONDENT, sex="male", birth_date=date(1983, 1, 2))
    # a respondent who is a minor is not the one at risk in this case
    _party(store, med, case_id, "钱小某", PartyRole.RESPONDENT, sex="male", id_number=make_id_number("430112", born_years_ago(16), 23))
    assert _reports(store, med, case_id) == [] and _tasks(store, med) == []
    with store.uow() as uow:
        assert uow.s.execute(select(CaseClock).where(CaseClock.kind == "mandatory_report")).first() is None


def test_a_case_without_violence_raises_nothing_until_it_is_flagged(world) -> None:  # noqa: ANN001
    store, med = world
    case_id = _case(store, med, title="孙某与周某离婚纠纷")
    _party(store, med, case_id, "孙某", PartyRole.APPLICANT, birth_date=date(1991, 2, 3))
    _party(store, med, case_id, "周小宝", PartyRole.MINOR_CHILD, id_number=child_id(5))
    _party(store, med, case_id, "周大宝", PartyRole.MINOR_CHILD)          # no birth date: the role says minor
    assert _reports(store, med, case_id) == [] and _tasks(store, med) == []
    with store.uow(write=True) as uow:
        version = cases.get_case(uow, med, case_id).version
        cases.update_case(uow, med, case_id, version, {"domestic_violence": True})
    reports = _reports(store, med, case_id)
    assert [(r.subject_name, r.ground) for r in reports] == [("周小宝", Ground.MINOR_UNDER_8), ("周大宝", Ground.MINOR)]
    assert len(_tasks(store, med)) == 2                                 # one clock per child


def test_recording_the_report_closes_the_clock_and_is_audited(world) -> None:  # noqa: ANN001
    store, med = world
    case_id = _case(store, med, kind=CaseKind.CRISIS, title="吴某某遭受家庭暴力求助")
    _party(store, med, case_id, "吴小明", PartyRole.MINOR_CHILD, id_number=child_id(11))
    report = _reports(store, med, case_id)[0]
    for bad, code in (({"officer": " "}, "officer_required"), ({"method": "fax"}, "method_required"),
                      ({"method": "written", "receipt_no": ""}, "receipt_no_required"),
                      ({"reporter_name": ""}, "reporter_name_required")):
        with pytest.raises(ValidationError) as err:
            _record(store, med, report.id, **bad)
        assert err.value.code == code and "请" in err.value.message
    with pytest.raises(ValidationError):
        _record(store, med, report.id, reported_at=clock.now_utc() + timedelta(hours=2))
    assert _reports(store, med, case_id)[0].status is ReportStatus.OPEN and len(_tasks(store, med)) == 1
    done = _record(store, med, report.id)
    assert done.status is ReportStatus.REPORTED and done.reporter_name == "郭亮调解员"
    assert done.clock is not None and done.clock.stopped_at is not None
    assert _tasks(store, med) == []                                     # gone from the task list
    with pytest.raises(WorkflowError):
        _record(store, med, report.id)
    with store.uow() as uow:
        entries = uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "mandatory_report",
                                                         AuditEntry.entity_id == report.id)
                                .order_by(AuditEntry.seq)).scalars().all()
        assert [e.action for e in entries] == ["create", "update"]
        assert entries[1].actor_name.startswith("郭亮调解员") or "med" in entries[1].actor_name
        assert entries[1].detail["police_unit"] == "望城区公安分局高塘岭派出所"
        assert entries[1].detail["changes"]["status"] == ["open", "reported"]
        assert verify_chain(uow.s).ok
        row = uow.s.get(MandatoryReport, report.id)
        clock_row = uow.s.get(CaseClock, row.clock_id)
        assert clock_row.stopped_at is not None and clock_row.stop_note == "已向公安机关报告"
    with store.uow() as uow:
        actions = crisis.actions(uow, med, case_id)
    assert [(a.kind, a.data.get("reported_to")) for a in actions] == [
        (ActionKind.MANDATORY_REPORT, "望城区公安分局高塘岭派出所")]


def test_closing_the_case_does_not_stop_a_report_still_owed(world) -> None:  # noqa: ANN001
    store, med = world
    case_id = _case(store, med, kind=CaseKind.CRISIS, title="郑某某遭受家庭暴力求助")
    _party(store, med, case_id, "郑小花", PartyRole.MINOR_CHILD, id_number=child_id(3))
    with store.uow(write=True) as uow:
        workflow.transition(uow, med, case_id, Transition.TRANSFER, reason="转望城区公安分局处理。")
    tasks = _tasks(store, med)
    assert len(tasks) == 1 and tasks[0].case_id == case_id               # still owed, still on the list
    done = _record(store, med, _reports(store, med, case_id)[0].id, reported_at=clock.now_utc())
    assert done.status is ReportStatus.REPORTED and _tasks(store, med) == []


def test_age_is_counted_in_china_days(world) -> None:  # noqa: ANN001
    """She turns 18 today in China; at 07:30 China time it is still yesterday in UTC. She is an adult: no report
    (counting on the UTC date would call her 17 and raise one)."""
    store, med = world
    with clock.frozen_at(datetime.combine(clock.today_local(), time(7, 30), tzinfo=LOCAL_TZ)):
        today = clock.today_local()
        assert clock.now_utc().date() < today
        birthday = date(today.year - 18, today.month, today.day if (today.month, today.day) != (2, 29) else 28)
        case_id = _case(store, med, kind=CaseKind.CRISIS, title="冯某某遭受家庭暴力求助")
        _party(store, med, case_id, "冯小燕", PartyRole.VICTIM, id_number=make_id_number("430112", birthday, 24))
        _party(store, med, case_id, "冯小妹", PartyRole.MINOR_CHILD,
               id_number=make_id_number("430112", birthday + timedelta(days=1), 26))
        assert [r.subject_name for r in _reports(store, med, case_id)] == ["冯小妹"]


def test_a_report_not_yet_made_prints_as_a_form_to_fill_in(world, tmp_path: Path) -> None:  # noqa: ANN001
    """Printed before the report is made (to take to the police station): blanks to fill, one page, with the
    seal on the page of the text it closes, fonts embedded."""
    import subprocess

    from fulian_desktop.documents.api import DocumentKind, Recipient, render

    store, med = world
    case_id = _case(store, med, kind=CaseKind.CRISIS, title="陈某某遭受家庭暴力求助")
    _party(store, med, case_id, "陈小乐", PartyRole.MINOR_CHILD, id_number=child_id(6))
    with store.uow(write=True) as uow:
        pdf = render(uow, med, case_id, DocumentKind.MANDATORY_REPORT, Recipient.FILE)
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True).stdout.decode()
    pages = [" ".join(p.split()) for p in text.split("\f")[:-1]]
    assert len(pages) == 1
    for element in ("强制报告登记表", "陈小乐", "不满八周岁的未成年人（无民事行为能力人）", "□电话 □书面 □当面",
                    "请如实填写发现的时间", "报告人", "（盖章）"):
        assert element in pages[0], element
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True).stdout.decode().splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)


def test_the_report_clock_is_neither_paused_nor_stopped_by_hand(world) -> None:  # noqa: ANN001
    from fulian_desktop.services.clocks import clocks

    store, med = world
    case_id = _case(store, med, kind=CaseKind.CRISIS, title="何某某遭受家庭暴力求助")
    _party(store, med, case_id, "何小东", PartyRole.MINOR_CHILD, id_number=child_id(12))
    clock_id = _reports(store, med, case_id)[0].clock.id
    for act in (lambda uow: clocks.pause_clock(uow, med, clock_id, "等待核实"),
                lambda uow: clocks.stop_clock(uow, med, clock_id, "不报了")):
        with store.uow(write=True) as uow, pytest.raises(WorkflowError) as err:
            act(uow)
        assert err.value.code == "task_clock" and "不能暂停或手动停止" in err.value.message
    assert len(_tasks(store, med)) == 1
