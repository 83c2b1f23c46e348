"""A year the district confirms reaches every station: the village's clocks count the same days, its
cases show the change, and a station cannot fork the calendar by entering its own."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.enums import CaseKind
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.services.cases import cases
from fulian_desktop.services.clocks import clocks
from fulian_desktop.services.accounts.auth import system_actor
from tests.support.stores import TOWN_A, VILLAGE_A1
from tests.support.sync_stations import Stations, deliver, make_stations

NOTICE_2027 = (Path(__file__).resolve().parents[1] / "support" / "holiday_notices" / "2027_made_up.txt").read_text(
    encoding="utf-8")
NOW = datetime(2026, 12, 8, 9, tzinfo=LOCAL_TZ)


@pytest.fixture
def stations(tmp_path: Path):  # noqa: ANN201
    st = make_stations(tmp_path)
    yield st
    st.close()


def _acceptance_day(store, case_id: str) -> tuple[str, str]:  # noqa: ANN001
    with store.uow() as uow:
        views = {v.kind: v for v in clocks.case_clocks(uow, system_actor(store), case_id, now=NOW)}
    view = views[ClockKind.PETITION_ACCEPTANCE]
    return view.deadline.last_day.isoformat(), view.countdown


def test_the_districts_confirmed_year_reaches_the_village(stations: Stations) -> None:
    st = stations
    with st.district.uow(write=True) as uow:  # registered 2027-01-24: 15 days → 初三 2027-02-08
        case_id = cases.create_case(uow, system_actor(st.district), cases.NewCase(
            title="王某反映家庭暴力", kind=CaseKind.PETITION, unit_id=st.unit(VILLAGE_A1),
            opened_at=datetime(2027, 1, 24, 10, tzinfo=LOCAL_TZ))).row.id
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    day, countdown = _acceptance_day(st.village, case_id)
    assert day == "2027-02-11" and "暂定：2027 年" in countdown

    with st.district.uow(write=True) as uow:
        clocks.confirm_notice(uow, system_actor(st.district), 2027, NOTICE_2027)
    deliver(st.district, st.village, st.unit(VILLAGE_A1))
    deliver(st.district, st.town, st.unit(TOWN_A))

    assert _acceptance_day(st.village, case_id) == ("2027-02-15", "剩 69 天（2027-02-15 到期）")
    for store in (st.village, st.town):
        with store.uow() as uow:
            info = clocks.calendar_year(uow, 2027)
            assert info.declared and not info.provisional and info.entries == 33
            assert clocks.calendar_days(uow, 2027)[datetime(2027, 2, 5).date()] == (False, "春节")
    with st.village.uow(write=True) as uow:
        events = [e.summary for e in cases.get_case(uow, system_actor(st.village), case_id).events
                  if e.kind == "clock_recomputed"]
    assert events == [f"2027 年放假安排按国务院通知确认：{ClockKind.PETITION_ACCEPTANCE.label}到期日 "
                      "2027-02-11（暂定） 改为 2027-02-15"]


def test_a_station_below_the_district_cannot_enter_the_calendar(stations: Stations) -> None:
    st = stations
    for store in (st.village, st.town):
        with pytest.raises(ValidationError) as info, store.uow(write=True) as uow:
            clocks.confirm_notice(uow, system_actor(store), 2027, NOTICE_2027)
        assert "由区妇联统一确认" in info.value.message
        with pytest.raises(ValidationError), store.uow(write=True) as uow:
            clocks.set_calendar(uow, system_actor(store), 2027, "2027-01-04 休\n", complete=True)
        with store.uow() as uow:
            assert clocks.calendar_year(uow, 2027).entries == 0
