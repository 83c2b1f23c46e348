"""The three real stations of tests/support/sync_stations.py with a supervisor at each (village 郭亮村, town 高塘岭街道,
district), the village also exchanging with its town, and the clock helpers of the reporting cycle (November 2026
reported in December)."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Iterator

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.services.cases import cases
from fulian_desktop.store.store import Store
from fulian_desktop.sync.identity import add_peer, my_card

from .stores import TOWN_A, VILLAGE_A1, add_user, first_login
from .sync_stations import Stations, deliver, make_stations

PERIOD = "2026-11"


def day(month: int, d: int, hour: int = 10) -> datetime:
    return datetime(2026, month, d, hour, 0, tzinfo=LOCAL_TZ)


@contextmanager
def on(month: int, d: int) -> Iterator[None]:
    with clock.frozen_at(day(month, d)):
        yield


@dataclass
class ReportStations:
    st: Stations
    village_sup: Actor
    town_sup: Actor
    district_sup: Actor

    @property
    def village(self) -> Store:
        return self.st.village

    @property
    def town(self) -> Store:
        return self.st.town

    @property
    def district(self) -> Store:
        return self.st.district

    def unit(self, name: str) -> str:
        return self.st.unit(name)

    def up(self) -> None:
        """The village sends to its town, the town to the district."""
        deliver(self.village, self.town, self.unit(TOWN_A))
        deliver(self.town, self.district, self.st.org.district)

    def down(self) -> None:
        """The district answers the town, the town its village."""
        deliver(self.district, self.town, self.unit(TOWN_A))
        deliver(self.town, self.village, self.unit(VILLAGE_A1))


def link(st: Stations) -> None:
    """The village also exchanges with its town (both register the other's card)."""
    with st.town.uow() as uow:
        town_card = my_card(uow)
    with st.village.uow() as uow:
        village_card = my_card(uow)
    with st.town.uow(write=True) as uow:
        add_peer(uow, system_actor(st.town), village_card)
    with st.village.uow(write=True) as uow:
        add_peer(uow, system_actor(st.village), town_card)


def report_stations(tmp_path: Path) -> ReportStations:
    with on(11, 2):
        st = make_stations(tmp_path)
        add_user(st.district, "cunzhang", Role.SUPERVISOR, st.unit(VILLAGE_A1), display_name="郭亮村督导")
        add_user(st.district, "jiedao", Role.SUPERVISOR, st.unit(TOWN_A), display_name="高塘岭督导")
        add_user(st.district, "quji", Role.SUPERVISOR, st.org.district, display_name="区督导")
        deliver(st.district, st.village, st.unit(VILLAGE_A1))
        deliver(st.district, st.town, st.unit(TOWN_A))
        link(st)
        return ReportStations(st, first_login(st.village, "cunzhang"), first_login(st.town, "jiedao"),
                              first_login(st.district, "quji"))


def new_mediation(store: Store, actor: Actor, title: str, opened: datetime) -> str:
    with clock.frozen_at(opened + timedelta(hours=1)), store.uow(write=True) as uow:
        case = cases.create_case(uow, actor, cases.NewCase(title=title, kind=CaseKind.MEDIATION, opened_at=opened))
        return case.row.id
