"""Protection orders with schema 0007: who applied on the victim's behalf, a court's shorter order as a fixed
deadline on the expiry clock (the countdown, the clock tasks and the alert 14 days before follow it), and
the structured details each crisis action keeps."""
from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from fulian_desktop.access.cases import load_case
from fulian_desktop.domain.clocks import ClockKind, ClockStatus
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.errors import ValidationError, WorkflowError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.periods import end_of_day
from fulian_desktop.services.cases import cases
from fulian_desktop.services.clocks import clocks
from fulian_desktop.services.cases import clock_tasks
from fulian_desktop.services.crisis import crisis
from fulian_desktop.services.crisis import protection_orders as po
from fulian_desktop.services.crisis.crisis import ActionKind
from fulian_desktop.store.models import CaseClock, CrisisAction, ProtectionOrder
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store

MEASURES = ["no_violence", "no_harassment"]


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])
    add_user(store, "rec", Role.RECEPTION, org.units[VILLAGE_A1])
    yield store, first_login(store, "med"), first_login(store, "rec")
    store.close()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LOCAL_TZ)


def _case(store, actor) -> str:  # noqa: ANN001
    with store.uow(write=True) as uow:
        return cases.create_case(uow, actor, cases.NewCase(title="刘某某遭受家庭暴力", kind=CaseKind.CRISIS)).row.id


def _issued(store, actor, case_id, expires_on=None, **apply):  # noqa: ANN001, ANN003, ANN202
    apply.setdefault("consent_recorded", True)
    with store.uow(write=True) as uow:
        order = po.apply_for_order(uow, actor, case_id, "望城区人民法院", at("2026-03-09 16:00"), False,
                                   measures=MEASURES, **apply)
        po.decide_order(uow, actor, order.id, True, at("2026-03-10 10:00"))
        return po.issue_order(uow, actor, order.id, expires_on=expires_on)


def test_who_applied_on_her_behalf_is_kept(world) -> None:  # noqa: ANN001
    store, med, _rec = world
    mother = _issued(store, med, _case(store, med), consent_recorded=False, lacks_capacity=True,
                     capacity_note="受害人受丈夫威吓，不敢自行申请", applied_on_behalf_by="近亲属：母亲王某某")
    assert mother.applied_on_behalf_by == "近亲属：母亲王某某" and mother.on_behalf == "lacks_capacity"
    assert mother.capacity_note == "受害人受丈夫威吓，不敢自行申请"
    federation = _issued(store, med, _case(store, med), consent_recorded=False, lacks_capacity=True,
                         capacity_note="受害人为限制民事行为能力人")
    assert federation.applied_on_behalf_by == "郭亮村"           # defaults to the applying unit
    herself = _issued(store, med, _case(store, med))
    assert herself.applied_on_behalf_by is None
    with store.uow() as uow:
        assert uow.s.get(ProtectionOrder, mother.id).applied_on_behalf_by == "近亲属：母亲王某某"
        (applied, *_rest) = crisis.actions(uow, med, mother.case_id)
    assert applied.kind == ActionKind.ORDER_APPLIED
    assert ("代为申请", "近亲属：母亲王某某") in applied.lines and ("受理法院", "望城区人民法院") in applied.lines


def test_a_shorter_order_fixes_the_clock_and_the_alert_comes_14_days_before_it(world) -> None:  # noqa: ANN001
    store, med, _rec = world
    case_id = _case(store, med)
    order = _issued(store, med, case_id, expires_on=date(2026, 6, 10))        # three months, not six
    clock_id = order.expiry_clock.id
    with store.uow() as uow:
        row = uow.s.get(CaseClock, clock_id)
        assert row.due_override_at == end_of_day(date(2026, 6, 10)) and row.due_at == row.due_override_at
        assert row.paused_days == 0 and row.started_at.astimezone(LOCAL_TZ).date() == date(2026, 3, 10)

    def clock_at(now: datetime) -> clocks.ClockView:
        with store.uow() as uow:
            return next(c for c in clocks.case_clocks(uow, med, case_id, now=now) if c.id == clock_id)

    assert clock_at(at("2026-05-26 09:00")).status == ClockStatus.RUNNING          # 15 days left
    alert = clock_at(at("2026-05-27 09:00"))                                        # 14 days left
    assert alert.status == ClockStatus.DUE_SOON and alert.fixed
    assert alert.countdown == "剩 14 天（2026-06-10 到期）"
    (view,) = _orders(store, med, case_id, at("2026-05-27 09:00"))
    assert view.expiry_alert and view.expiry_clock.deadline.last_day == date(2026, 6, 10)
    with store.uow() as uow:
        (task,) = [t for t in clock_tasks.clock_tasks(uow, med, now=at("2026-05-27 09:00"))
                   if t.kind == ClockKind.PROTECTION_ORDER_EXPIRY]
    assert task.status == ClockStatus.DUE_SOON and task.due.last_day == date(2026, 6, 10)
    assert clock_at(at("2026-06-11 00:00")).status == ClockStatus.OVERDUE


def _orders(store, actor, case_id, now):  # noqa: ANN001, ANN202
    with store.uow() as uow:
        return po.order_status(uow, actor, case_id, now=now)


def test_a_clock_padded_the_old_way_still_shows_the_orders_last_day(world) -> None:  # noqa: ANN001
    """Before due_override_at, a short order's clock started six months before its end (31 Aug: 28 Feb + 3)."""
    store, med, _rec = world
    case_id = _case(store, med)
    with store.uow(write=True) as uow:
        case = load_case(uow, med, case_id)
        clock = CaseClock(case_id=case_id, kind=ClockKind.PROTECTION_ORDER_EXPIRY.value, urgent=False,
                          started_at=datetime.combine(date(2026, 2, 28), time(12), LOCAL_TZ), paused_days=3,
                          extended_days=0, owner_unit_id=case.owner_unit_id)
        clocks._recompute(clock, clocks.load_calendar(uow))
        uow.s.add(clock)
    with store.uow() as uow:
        (view,) = clocks.case_clocks(uow, med, case_id, now=at("2026-08-20 09:00"))
    assert view.deadline.last_day == date(2026, 8, 31) and not view.fixed and view.status == ClockStatus.DUE_SOON


def test_a_deadline_fixed_by_someone_else_wins_and_is_recorded(world) -> None:  # noqa: ANN001
    store, med, rec = world
    case_id = _case(store, med)
    with store.uow(write=True) as uow:
        started = clocks.start_clock(uow, med, case_id, ClockKind.MEDIATION_TARGET, started_at=at("2026-03-02 09:00"))
    assert started.deadline.last_day == date(2026, 4, 2)
    with pytest.raises(ValidationError) as err:
        with store.uow(write=True) as uow:
            clocks.fix_deadline(uow, med, started.id, date(2026, 3, 20), " ")
    assert err.value.field == "reason"
    with pytest.raises(ValidationError):
        with store.uow(write=True) as uow:
            clocks.fix_deadline(uow, med, started.id, date(2026, 3, 1), "法院委托调解函")
    with store.uow(write=True) as uow:
        fixed = clocks.fix_deadline(uow, med, started.id, date(2026, 3, 20), "法院委托调解函限 3 月 20 日前办结")
    assert fixed.fixed and fixed.deadline.last_day == date(2026, 3, 20)
    with store.uow(write=True) as uow:
        detail = cases.get_case(uow, med, case_id)
        assert uow.s.get(CaseClock, started.id).due_at == end_of_day(date(2026, 3, 20))
    assert any(e.summary.startswith("确定期限：调解办结目标至 2026-03-20") for e in detail.events)
    with store.uow(write=True) as uow:
        clocks.stop_clock(uow, med, started.id, "调解结束")
    with pytest.raises(WorkflowError):
        with store.uow(write=True) as uow:
            clocks.fix_deadline(uow, med, started.id, date(2026, 3, 25), "x")


def test_each_action_keeps_its_own_details_and_sensitive_ones_stay_hidden(world) -> None:  # noqa: ANN001
    store, med, rec = world
    case_id = _case(store, med)
    with store.uow(write=True) as uow:
        police = crisis.log_action(uow, med, case_id, "police_called", at=at("2026-03-09 22:10"),
                                   data={"police_unit": "高塘岭派出所", "receipt_no": "JJ2026030901"})
        crisis.log_action(uow, med, case_id, ActionKind.SHELTER, at=at("2026-03-10 11:00"),
                          data={"shelter": "区救助管理站", "period": "7 天"}, detail="由妇联工作人员陪同入住")
    assert police.lines == [("出警单位", "高塘岭派出所"), ("接警回执编号", "JJ2026030901")]
    assert police.text == "出警单位：高塘岭派出所；接警回执编号：JJ2026030901"
    with pytest.raises(ValidationError) as err:
        with store.uow(write=True) as uow:
            crisis.log_action(uow, med, case_id, "police_called", data={"shelter": "x"})
    assert err.value.field == "data"
    with pytest.raises(ValidationError) as err:
        with store.uow(write=True) as uow:
            crisis.log_action(uow, med, case_id, "mandatory_report", data={"reported_to": "派出所"})
    assert err.value.code == "concerns_required"
    with store.uow() as uow:
        assert uow.s.get(CrisisAction, police.id).data == {"police_unit": "高塘岭派出所", "receipt_no": "JJ2026030901"}
        for_rec = {a.kind: a for a in crisis.actions(uow, rec, case_id)}
    shelter = for_rec[ActionKind.SHELTER]
    assert shelter.redacted and shelter.data is None and shelter.detail is None and shelter.text == ""
    assert for_rec[ActionKind.POLICE_CALLED].data["police_unit"] == "高塘岭派出所"


def test_a_mandatory_report_written_the_old_way_reads_whom_it_concerns(world) -> None:  # noqa: ANN001
    store, med, _rec = world
    case_id = _case(store, med)
    with store.uow(write=True) as uow:
        report = crisis.log_action(uow, med, case_id, "mandatory_report", concerns="女儿张小雨，9 岁", detail="已报案")
        row = uow.s.get(CrisisAction, report.id)
        row.data, row.detail = None, "报告对象：女儿张小雨，9 岁\n已报案"      # as kept before schema 0007
    with store.uow() as uow:
        (old,) = crisis.actions(uow, med, case_id)
    assert old.data == {"concerns": "女儿张小雨，9 岁"} and old.detail == "已报案"
    assert old.text == "报告对象：女儿张小雨，9 岁；已报案"
