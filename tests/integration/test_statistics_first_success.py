"""调解成功 counts a case once, in the month of its FIRST success, over the case's whole history: a case that
settled last December and signed a further agreement this October is last year's success, not this year's;
its outcome recorded this October still counts in the marriage section (by the present outcome's day)."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from fulian_desktop.domain import clock
from fulian_desktop.domain.enums import CaseKind, PartyRole, Role
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.validation import PersonInput
from fulian_desktop.domain.workflow import Transition as T
from fulian_desktop.services.cases import cases, workflow
from fulian_desktop.services.mediation import mediation
from fulian_desktop.services.statistics import statistics
from fulian_desktop.store.models import CaseEvent
from tests.support.stores import VILLAGE_A1, add_user, build_org, first_login, new_store


def _at(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 10, 0, tzinfo=LOCAL_TZ)


@pytest.fixture(scope="module")
def world(tmp_path_factory):  # noqa: ANN001, ANN201
    store = new_store(Path(tmp_path_factory.mktemp("first")) / "s").store
    org = build_org(store)
    add_user(store, "sup", Role.SUPERVISOR, org.district, display_name="sup")
    add_user(store, "cun", Role.MEDIATOR, org.units[VILLAGE_A1], display_name="cun")
    sup, village = first_login(store, "sup"), first_login(store, "cun")

    def case(key: str, opened: datetime) -> str:
        with store.uow(write=True) as uow:
            case_id = cases.create_case(uow, village, cases.NewCase(
                title=f"首次成功{key}", kind=CaseKind.MEDIATION, dispute_type="婚姻家庭", category="婚姻家庭",
                opened_at=opened)).row.id
            cases.add_party(uow, village, case_id, PersonInput(name=f"甲{key}", sex="female"), PartyRole.APPLICANT)
            cases.add_party(uow, village, case_id, PersonInput(name=f"乙{key}", sex="male"), PartyRole.RESPONDENT)
            workflow.transition(uow, village, case_id, T.ACCEPT)
        return case_id

    # OLD: settled on 5 December 2025; a further agreement on 10 October 2026; 调和 recorded on 15 October 2026.
    # NEW: opened and settled in October 2026 (first agreement on 12 October).
    old, new = case("OLD", _at(2025, 11, 20)), case("NEW", _at(2026, 10, 1))
    with clock.frozen_at(_at(2026, 11, 5)), store.uow(write=True) as uow:
        for case_id, agreed in ((old, _at(2025, 12, 5)), (old, _at(2026, 10, 10)), (new, _at(2026, 10, 12))):
            mediation.create_agreement(uow, village, case_id, "oral", "双方和解", terms=[
                mediation.TermInput("乙", "不再争吵", "当面承诺")], agreed_at=agreed)
        mediation.set_mediation_outcome(uow, village, old, "reconciled")
    with store.uow(write=True) as uow:
        uow.s.execute(update(CaseEvent).where(CaseEvent.case_id == old, CaseEvent.kind == "mediation_outcome")
                      .values(occurred_at=_at(2026, 10, 15)))
    yield store, sup
    store.close()


def _row(world, date_from: date, date_to: date, section: str, row: str) -> tuple:  # noqa: ANN001
    store, sup = world
    with store.uow() as uow:
        return statistics.monthly_report(uow, sup, date_from, date_to).section(section).row(row).values


def test_a_case_first_settled_last_year_is_not_this_years_success(world) -> None:  # noqa: ANN001
    # (district, town, village, subtotal, year to date): only NEW, in October and in the year.
    assert _row(world, date(2026, 10, 1), date(2026, 10, 31), "mediation", "successful") == (0, 0, 1, 1, 1)
    assert _row(world, date(2025, 12, 1), date(2025, 12, 31), "mediation", "successful") == (0, 0, 1, 1, 1)
    # OLD's 调和 was recorded in October 2026: the marriage section counts it there, whenever it first settled.
    assert _row(world, date(2026, 10, 1), date(2026, 10, 31), "marriage", "reconciled") == (0, 0, 1, 1, 1)
    assert _row(world, date(2025, 12, 1), date(2025, 12, 31), "marriage", "reconciled") == (0, 0, 0, 0, 0)
