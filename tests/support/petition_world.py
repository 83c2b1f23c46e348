"""A hand-made store of six petitions whose KPIs are known (see tests/integration/test_petition_kpis.py for the
story and the answer): every step taken through the services with the clock frozen at the day it happened."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fulian_desktop.domain import clock
from fulian_desktop.domain.clocks import ClockKind
from fulian_desktop.domain.enums import CaseKind, Role
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.clocks.clocks import running_clocks
from fulian_desktop.services.mediation import agreement_followup
from fulian_desktop.store.store import Store
from tests.support.stores import TOWN_B, VILLAGE_A1, add_user, build_org, first_login, new_store


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 10, 0, tzinfo=LOCAL_TZ)


class World:
    def __init__(self, root: Path) -> None:
        self.store: Store = new_store(root).store
        org = build_org(self.store)
        add_user(self.store, "med", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="郭调解")
        add_user(self.store, "sup", Role.SUPERVISOR, org.district, display_name="区督导")
        add_user(self.store, "sup_b", Role.SUPERVISOR, org.units[TOWN_B], display_name="白沙洲督导")
        self.org = org
        self.med, self.sup = first_login(self.store, "med"), first_login(self.store, "sup")
        self.sup_b = first_login(self.store, "sup_b")
        self.ids: dict[str, str] = {}

    def receive(self, key: str, when: datetime) -> None:
        with clock.frozen_at(when), self.store.uow(write=True) as uow:
            self.ids[key] = cases.create_case(uow, self.med, cases.NewCase(
                title=f"信访事项{key}", kind=CaseKind.PETITION)).row.id

    def accept(self, key: str, when: datetime) -> None:
        with clock.frozen_at(when), self.store.uow(write=True) as uow:
            workflow.transition(uow, self.med, self.ids[key], T.ACCEPT)

    def _approve(self, key: str, when: datetime) -> None:
        with clock.frozen_at(when):
            with self.store.uow() as uow:
                (pending,) = workflow.list_approvals(uow, self.sup, case_id=self.ids[key], pending_only=True)
            with self.store.uow(write=True) as uow:
                workflow.decide(uow, self.sup, pending.id, True, "同意")

    def close(self, key: str, when: datetime, evaluation: str | None) -> None:
        with clock.frozen_at(when), self.store.uow(write=True) as uow:
            workflow.transition(uow, self.med, self.ids[key], T.REQUEST_CLOSURE, reason="已答复信访人",
                                petition_outcome="explain", petition_basis="依据《信访工作条例》第三十二条予以解释说明。",
                                petition_facts="经核实，所反映情况已处理。", petition_evaluation=evaluation)
        self._approve(key, when)

    def extend(self, key: str, when: datetime, days: int) -> None:
        with clock.frozen_at(when), self.store.uow(write=True) as uow:
            (conclusion,) = [c for c in running_clocks(uow, self.ids[key])
                             if c.kind == ClockKind.PETITION_CONCLUSION.value]
            workflow.request_extension(uow, self.med, conclusion.id, days, "需进一步调查")
        self._approve(key, when)

    def visit(self, key: str, when: datetime, satisfaction: str) -> None:
        with clock.frozen_at(when), self.store.uow(write=True) as uow:
            agreement_followup.add_follow_up(uow, self.med, self.ids[key], None, when, "郭调解", "phone",
                                             "已电话回访", satisfaction)


def build_petition_world(root: Path) -> World:
    """P1–P6 of 2026 (the story in test_petition_kpis)."""
    w = World(root)
    w.receive("P5", at(9, 1))
    w.accept("P5", at(9, 10))
    w.receive("P6", at(9, 20))
    w.accept("P6", at(9, 22))
    w.receive("P1", at(9, 25))
    w.receive("P2", at(10, 1))
    w.receive("P3", at(10, 2))
    w.receive("P4", at(10, 3))
    w.accept("P1", at(10, 5))
    w.accept("P2", at(10, 10))
    w.accept("P4", at(10, 12))
    w.visit("P5", at(10, 14), "satisfied")          # before its closure: not the petitioner's evaluation of it
    w.close("P6", at(10, 15), None)
    w.close("P5", at(10, 20), "未评价")
    w.visit("P6", at(10, 25), "unsatisfied")        # after the closure: wins over 未评价
    w.accept("P3", at(10, 30))
    w.extend("P2", at(11, 30), 20)
    w.close("P1", at(12, 10), "满意")
    w.close("P4", at(12, 15), "unsatisfied")
    w.close("P2", at(12, 20), "basically")
    return w
