"""Every open clock yields a task: overdue, due today, due soon; in scope only; 'mine' means handled by me."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from fulian_desktop.domain.clocks import ClockKind, ClockStatus
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.workflow import Transition
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.cases.clock_tasks import clock_tasks
from tests.support.stores import VILLAGE_A1, VILLAGE_A2, add_user, build_org, first_login, new_store

NOW = datetime(2025, 6, 16, 10, 0, tzinfo=LOCAL_TZ)  # a Monday


def _local(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 9, 30, tzinfo=LOCAL_TZ)


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "s").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])
    add_user(store, "med2", Role.MEDIATOR, org.units[VILLAGE_A1])
    add_user(store, "other", Role.MEDIATOR, org.units[VILLAGE_A2])
    add_user(store, "sup", Role.SUPERVISOR, org.district)
    yield store, {name: first_login(store, name) for name in ("med", "med2", "other", "sup")}
    store.close()


def _new(store, actor, title: str, opened_at: datetime) -> str:  # noqa: ANN001
    with store.uow(write=True) as uow:
        return cases.create_case(uow, actor, cases.NewCase(title=title, kind=CaseKind.PETITION,
                                                           opened_at=opened_at)).row.id


def test_clock_tasks_status_order_scope_and_mine(world) -> None:  # noqa: ANN001
    store, who = world
    # 信访告知: 15 days from the day after receipt (no holiday near these last days in 2025).
    soon = _new(store, who["med"], "张某反映赡养纠纷", _local(2025, 6, 3))        # last day 06-18 (Wed)
    overdue = _new(store, who["med"], "李某反映家暴", _local(2025, 5, 6))       # last day 05-21: overdue
    today = _new(store, who["med2"], "王某反映婚姻纠纷", _local(2025, 6, 1))      # last day 06-16 (Mon): today
    elsewhere = _new(store, who["other"], "赵某反映邻里纠纷", _local(2025, 5, 1))  # another village

    with store.uow() as uow:
        tasks = clock_tasks(uow, who["med"], now=NOW)
    assert [t.case_id for t in tasks] == [overdue, today, soon]
    assert [t.status for t in tasks] == [ClockStatus.OVERDUE, ClockStatus.DUE_TODAY, ClockStatus.DUE_SOON]
    first = tasks[0]
    assert first.kind == ClockKind.PETITION_ACCEPTANCE and first.label == "信访告知"
    assert first.unit_name == VILLAGE_A1 and first.title == "李某反映家暴" and first.case_no
    assert first.countdown.startswith("已超期")
    assert tasks[1].countdown.startswith("今天到期")
    assert tasks[2].countdown.startswith("剩 2 天（2025-06-18 到期）")
    assert tasks[2].due.last_day.isoformat() == "2025-06-18"
    assert elsewhere not in {t.case_id for t in tasks}

    with store.uow() as uow:
        mine = clock_tasks(uow, who["med"], mine_only=True, now=NOW)
        others = clock_tasks(uow, who["other"], now=NOW)
        everything = clock_tasks(uow, who["sup"], now=NOW)
    assert [t.case_id for t in mine] == [overdue, soon]
    assert [t.case_id for t in others] == [elsewhere]
    assert {t.case_id for t in everything} == {soon, overdue, today, elsewhere}
    assert everything[0].status == ClockStatus.OVERDUE


def test_a_stopped_clock_yields_no_task(world) -> None:  # noqa: ANN001
    store, who = world
    case_id = _new(store, who["med"], "钱某反映家庭纠纷", _local(2025, 5, 6))
    with store.uow(write=True) as uow:
        workflow.transition(uow, who["med"], case_id, Transition.ACCEPT)
    with store.uow() as uow:
        tasks = clock_tasks(uow, who["med"], now=NOW)
    # acceptance stopped on 受理; the 60-day conclusion clock started and is the only task
    assert [t.kind for t in tasks] == [ClockKind.PETITION_CONCLUSION]
