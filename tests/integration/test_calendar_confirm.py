"""Confirming a year from the State Council's notice: clocks computed on the provisional calendar move,
the case says so, the change is audited, and a bad paste saves nothing."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.errors import PermissionDenied, ValidationError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.security.audit import verify_chain
from fulian_desktop.services.cases import cases
from fulian_desktop.services.clocks import clocks
from fulian_desktop.store.models import AuditEntry
from tests.support.stores import ADMIN_PASSWORD, VILLAGE_A1, add_user, build_org, first_login, new_store

NOTICES = Path(__file__).resolve().parents[1] / "support" / "holiday_notices"
NOTICE_2026 = (NOTICES / "2026_state_council.txt").read_text(encoding="utf-8")
NOTICE_2027 = (NOTICES / "2027_made_up.txt").read_text(encoding="utf-8")
NOW = datetime(2026, 12, 8, 9, tzinfo=LOCAL_TZ)


@pytest.fixture
def world(tmp_path: Path):  # noqa: ANN201
    store = new_store(tmp_path / "data").store
    org = build_org(store)
    add_user(store, "med", Role.MEDIATOR, org.units[VILLAGE_A1])
    med = first_login(store, "med")
    admin = first_login(store, "admin", password=ADMIN_PASSWORD)
    ids = {}
    with store.uow(write=True) as uow:
        for key, opened in (("walk_in", datetime(2026, 12, 7, 10, tzinfo=LOCAL_TZ)),    # 60 days → 除夕
                            ("late_jan", datetime(2027, 1, 24, 10, tzinfo=LOCAL_TZ)),   # 15 days → 初三
                            ("new_year", datetime(2026, 12, 20, 10, tzinfo=LOCAL_TZ))):  # 15 days → Mon 01-04
            ids[key] = cases.create_case(uow, med, cases.NewCase(title=f"{key} 反映家庭纠纷", kind=CaseKind.PETITION,
                                                                 opened_at=opened)).row.id
        clocks.start_clock(uow, med, ids["walk_in"], ClockKind.PETITION_CONCLUSION,
                           started_at=datetime(2026, 12, 7, 10, tzinfo=LOCAL_TZ))
    yield store, med, admin, ids
    store.close()


def _last_days(store, actor, case_id: str) -> dict[ClockKind, tuple[str, str]]:  # noqa: ANN001
    with store.uow() as uow:
        return {v.kind: (v.deadline.last_day.isoformat(), v.countdown)
                for v in clocks.case_clocks(uow, actor, case_id, now=NOW)}


def _events(store, actor, case_id: str) -> list[str]:  # noqa: ANN001
    with store.uow(write=True) as uow:
        return [e.summary for e in cases.get_case(uow, actor, case_id).events if e.kind == "clock_recomputed"]


def test_confirming_2027_moves_the_provisional_clocks_and_says_so_on_the_case(world) -> None:  # noqa: ANN001
    store, med, admin, ids = world
    before = _last_days(store, med, ids["walk_in"])
    assert before[ClockKind.PETITION_CONCLUSION][0] == "2027-02-11"  # 除夕 02-05 … 补假 02-10
    assert "暂定：2027 年" in before[ClockKind.PETITION_CONCLUSION][1]
    assert _last_days(store, med, ids["late_jan"])[ClockKind.PETITION_ACCEPTANCE][0] == "2027-02-11"
    assert _last_days(store, med, ids["new_year"])[ClockKind.PETITION_ACCEPTANCE][0] == "2027-01-04"

    with store.uow(write=True) as uow:
        notice, moved = clocks.confirm_notice(uow, admin, 2027, NOTICE_2027)
    assert notice.year == 2027 and moved == 2

    after = _last_days(store, med, ids["walk_in"])[ClockKind.PETITION_CONCLUSION]
    assert after == ("2027-02-15", "剩 69 天（2027-02-15 到期）")  # 02-05…02-12 off, then a weekend
    assert _last_days(store, med, ids["late_jan"])[ClockKind.PETITION_ACCEPTANCE][0] == "2027-02-15"
    assert _last_days(store, med, ids["new_year"])[ClockKind.PETITION_ACCEPTANCE] == (
        "2027-01-04", "剩 27 天（2027-01-04 到期）")
    assert _events(store, med, ids["walk_in"]) == [
        f"2027 年放假安排按国务院通知确认：{ClockKind.PETITION_CONCLUSION.label}到期日 2027-02-11（暂定） 改为 2027-02-15"]
    assert _events(store, med, ids["new_year"]) == [
        f"2027 年放假安排按国务院通知确认：{ClockKind.PETITION_ACCEPTANCE.label}到期日 2027-01-04 已确认，不变"]

    with store.uow() as uow:
        info = clocks.calendar_year(uow, 2027)
        days = clocks.calendar_days(uow, 2027)
        (entry,) = uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "calendar")).scalars()
        assert (entry.action, entry.actor_id, entry.entity_id) == ("update", admin.user_id, "2027")
        assert entry.detail["clocks_moved"] == 2 and entry.detail["source"] == "国务院办公厅节假日安排通知"
        assert ["春节", "2027-02-05", "2027-02-12"] in entry.detail["holidays"]
        assert "2027-02-20" in entry.detail["workdays"]
        assert verify_chain(uow.s).ok
    assert info.declared and not info.provisional and info.entries == 33
    assert days[date(2027, 2, 5)] == (False, "春节") and days[date(2027, 1, 31)] == (True, "春节调休上班")


def test_the_real_2026_notice_confirms_what_the_package_knew(world) -> None:  # noqa: ANN001
    store, med, admin, ids = world
    with store.uow(write=True) as uow:
        clocks.start_clock(uow, med, ids["new_year"], ClockKind.MEDIATION_TARGET,
                           started_at=datetime(2026, 1, 20, 10, tzinfo=LOCAL_TZ))  # 1 month → 02-20, in 春节
    assert _last_days(store, med, ids["new_year"])[ClockKind.MEDIATION_TARGET][0] == "2026-02-24"
    with store.uow(write=True) as uow:
        notice, moved = clocks.confirm_notice(uow, admin, 2026, NOTICE_2026)
    assert moved == 0 and len(notice.holidays) == 7
    assert _last_days(store, med, ids["new_year"])[ClockKind.MEDIATION_TARGET][0] == "2026-02-24"
    assert _events(store, med, ids["new_year"]) == []


@pytest.mark.parametrize("text", ["", "一、元旦：1月1日（周四）放假，共1天。", NOTICE_2026])
def test_a_bad_paste_saves_nothing(world, text: str) -> None:  # noqa: ANN001
    store, med, admin, ids = world
    with pytest.raises(ValidationError), store.uow(write=True) as uow:
        clocks.confirm_notice(uow, admin, 2027, text)
    with store.uow() as uow:
        info = clocks.calendar_year(uow, 2027)
        assert not uow.s.execute(select(AuditEntry).where(AuditEntry.entity == "calendar")).first()
    assert info.provisional and not info.declared and info.entries == 0
    assert _last_days(store, med, ids["walk_in"])[ClockKind.PETITION_CONCLUSION][0] == "2027-02-11"
    assert _events(store, med, ids["walk_in"]) == []


def test_only_an_administrator_confirms(world) -> None:  # noqa: ANN001
    store, med, _admin, _ids = world
    with pytest.raises(PermissionDenied), store.uow(write=True) as uow:
        clocks.confirm_notice(uow, med, 2027, NOTICE_2027)
