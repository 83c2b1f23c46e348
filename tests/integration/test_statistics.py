"""The monthly statistics on a small store with known work: every figure checked by tier, subtotal and year to date."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fulian_desktop.domain.errors import PermissionDenied, ValidationError
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.screening import screening_counts
from fulian_desktop.services.accounts.orgunits import subtree_ids
from fulian_desktop.services.statistics import statistics
from fulian_desktop.services.statistics.statistics_views import RATE
from tests.support.stats_world import OCT_FROM, OCT_TO, StatsWorld, build_stats_world
from tests.support.stores import TOWN_A, TOWN_B, VILLAGE_A1


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> StatsWorld:  # noqa: ANN001
    w = build_stats_world(Path(tmp_path_factory.mktemp("stats")) / "s")
    yield w
    w.store.close()


@pytest.fixture(scope="module")
def report(world: StatsWorld):  # noqa: ANN201
    with world.store.uow() as uow:
        return statistics.monthly_report(uow, world.sup, OCT_FROM, OCT_TO)


def cells(report, section: str, row: str) -> tuple:  # noqa: ANN001
    return report.section(section).row(row).values


def test_mediation_figures_by_type_source_and_tier(report) -> None:  # noqa: ANN001
    assert report.unit_name == "望城区" and report.period_text == "2026年10月"
    # (district, town, village, subtotal, year to date): M5 was rejected, M4 is from March.
    assert cells(report, "mediation", "mediated") == (1, 1, 1, 3, 4)
    assert cells(report, "mediation", "type:婚姻家庭") == (1, 0, 1, 2, 3)
    assert cells(report, "mediation", "type:邻里") == (0, 1, 0, 1, 1)
    assert cells(report, "mediation", "type:合同") == (0, 0, 0, 0, 0)
    source = report.section("mediation").row("source:court")
    assert source.label == "法院委托" and source.values == (1, 0, 0, 1, 1)
    assert cells(report, "mediation", "source:application") == (0, 0, 1, 1, 2)
    assert cells(report, "mediation", "successful") == (1, 0, 1, 2, 2)
    # The rate is on the cases closed in October (M1, settled): not successes over cases registered.
    assert cells(report, "mediation", "closed") == (0, 0, 1, 1, 1)
    assert cells(report, "mediation", "closed_successful") == (0, 0, 1, 1, 1)
    assert cells(report, "mediation", "success_rate") == (None, None, 1.0, 1.0, 1.0)
    assert report.section("mediation").row("success_rate").text("subtotal") == "100.0%"
    assert cells(report, "mediation", "oral") == (2, 0, 2, 4, 4)   # M1's two, M3's two (test_statistics_recorded)
    assert cells(report, "mediation", "written") == (0, 0, 0, 0, 0)


def test_prevention_figures_come_from_the_recorded_closure_outcomes(report) -> None:  # noqa: ANN001
    # C1 (village, closed 30 Oct: 防止民转刑 2 人, 防止自杀 1 人); L1 (district, 22 Oct: 民转刑 3 人, 群体性上访 8 人);
    # L2 (town, closed in March: 防止自杀 1 人, year to date only). Not the parties of high-risk cases any more.
    assert cells(report, "mediation", "prevent_crime") == (1, 0, 1, 2, 2)
    assert cells(report, "mediation", "prevent_crime_persons") == (3, 0, 2, 5, 5)
    assert cells(report, "mediation", "prevent_suicide") == (0, 0, 1, 1, 2)
    assert cells(report, "mediation", "stop_group") == (1, 0, 0, 1, 1)
    assert cells(report, "mediation", "stop_group_persons") == (8, 0, 0, 8, 8)


def test_petition_figures_by_channel_category_group_and_repeat(report) -> None:  # noqa: ANN001
    assert cells(report, "petition", "matters") == (1, 1, 2, 4, 5)
    assert cells(report, "petition", "persons") == (8, 1, 2, 11, 12)
    assert cells(report, "petition", "channel:visit:件") == (1, 0, 1, 2, 2)
    assert cells(report, "petition", "channel:visit:人") == (8, 0, 1, 9, 9)
    assert cells(report, "petition", "channel:letter:件") == (0, 0, 0, 0, 1)
    assert cells(report, "petition", "category:婚姻家庭:件") == (0, 1, 1, 2, 3)
    assert cells(report, "petition", "group") == (1, 0, 0, 1, 1)
    assert cells(report, "petition", "repeat") == (0, 0, 1, 1, 1)
    # 当场答复 ×2 and 咨询 count as handled; the accepted visit's case is still open.
    assert cells(report, "petition", "handled") == (1, 1, 1, 3, 4)
    assert report.section("petition").row("handling_rate").text("subtotal") == "75.0%"
    assert cells(report, "petition", "satisfaction_rate")[3] is None


def test_marriage_mediation_figures(report) -> None:  # noqa: ANN001
    assert cells(report, "marriage", "consultations") == (0, 1, 0, 1, 2)
    assert cells(report, "marriage", "accepted") == (1, 0, 1, 2, 3)
    assert cells(report, "marriage", "reconciled") == (0, 0, 1, 1, 1)
    assert cells(report, "marriage", "persuaded") == (1, 0, 0, 1, 1)
    assert cells(report, "marriage", "outcomes") == (1, 0, 1, 2, 2)
    assert cells(report, "marriage", "reconciliation_rate")[3] == 1.0
    assert cells(report, "marriage", "counselling_sessions") == (0, 0, 1, 1, 1)


def test_crisis_figures(report) -> None:  # noqa: ANN001
    assert cells(report, "crisis", "crisis_cases") == (0, 0, 1, 1, 1)
    assert cells(report, "crisis", "risk:high") == (0, 0, 1, 1, 1)
    assert cells(report, "crisis", "major_incidents") == (0, 0, 1, 1, 1)


def test_screening_figures_agree_with_the_screening_service(world: StatsWorld, report) -> None:  # noqa: ANN001
    assert cells(report, "screening", "screened") == (0, 0, 3, 3, 3)
    assert cells(report, "screening", "on_register") == (0, 0, 3, 3, 3)
    assert cells(report, "screening", "resolved") == (0, 0, 1, 1, 1)
    assert cells(report, "screening", "risk:high") == (0, 0, 1, 1, 1)
    assert cells(report, "screening", "risk:medium") == (0, 0, 1, 1, 1)
    assert cells(report, "screening", "key_persons") == (0, 0, 1, 1, 1)
    with world.store.uow() as uow:
        theirs = screening_counts.screening_counts(uow, world.sup, OCT_FROM, OCT_TO)
    for key in ("screened", "visits", "on_register", "resolved", "key_persons", "risk_total"):
        assert report.figure("screening", key) == theirs[key], key
    assert report.figure("screening", "resolved_rate") == theirs["resolved_rate"]


def test_a_town_sees_only_its_subtree_and_a_mediator_none(world: StatsWorld) -> None:
    with world.store.uow() as uow:
        town = statistics.monthly_report(uow, world.sup, OCT_FROM, OCT_TO, unit_id=world.org.units[TOWN_A])
    assert town.unit_name == TOWN_A
    assert cells(town, "mediation", "mediated") == (0, 1, 1, 2, 3)
    with world.store.uow() as uow, pytest.raises(PermissionDenied):
        statistics.monthly_report(uow, world.village, OCT_FROM, OCT_TO)
    with world.store.uow() as uow, pytest.raises(ValidationError):
        statistics.monthly_report(uow, world.sup, OCT_TO, OCT_FROM)
    with world.store.uow() as uow:
        cli = statistics.monthly_report(uow, auth.system_actor(world.store), OCT_FROM, OCT_TO,
                                        unit_id=statistics.find_unit(uow, world.sup, VILLAGE_A1))
    assert cells(cli, "mediation", "mediated") == (0, 0, 1, 1, 2)


def test_the_reports_of_the_district_unit_and_of_each_town_add_up_to_the_whole_district(world: StatsWorld) -> None:
    """A subtree's report reads its own rows (on PostgreSQL through other statements than the whole tree's):
    the district unit's own work and the two towns' subtrees, added up, give every count of the district."""
    with world.store.uow() as uow:
        parts = [frozenset({world.org.district}), *(subtree_ids(uow.s, world.org.units[t]) for t in (TOWN_A, TOWN_B))]
        assert frozenset().union(*parts) == subtree_ids(uow.s, world.org.district)
        for date_from, date_to in ((OCT_FROM, OCT_TO), (date(2026, 3, 1), date(2026, 10, 31))):
            whole = statistics.build_report(uow, world.org.district, "望城区", subtree_ids(uow.s, world.org.district),
                                            date_from, date_to)
            reports = [statistics.build_report(uow, world.org.district, "部分", units, date_from, date_to)
                       for units in parts]
            counted = [(section.key, row.key) for section in whole.sections for row in section.rows
                       if row.kind != RATE]
            assert len(counted) > 100
            def values(report, section: str, key: str) -> tuple:  # noqa: ANN001
                """A row shown only when it holds something (未填子类) is zeros where it is not shown."""
                found = [row.values for row in report.section(section).rows if row.key == key]
                return found[0] if found else (0, 0, 0, 0, 0)

            for section, key in counted:
                added = tuple(map(sum, zip(*(values(r, section, key) for r in reports))))
                assert added == whole.section(section).row(key).values, (section, key)
            assert whole.figure("mediation", "mediated") > 0 and whole.figure("screening", "screened") > 0


def test_an_empty_period_gives_zeros_and_no_rates(world: StatsWorld) -> None:
    with world.store.uow() as uow:
        r = statistics.monthly_report(uow, world.sup, date(2025, 6, 1), date(2025, 6, 30))
    assert cells(r, "mediation", "mediated") == (0, 0, 0, 0, 0)
    assert r.section("mediation").row("success_rate").text("subtotal") == "—"


def test_success_counts_in_the_month_it_happened_not_the_month_the_case_was_opened(world: StatsWorld) -> None:
    # M1's agreement took effect on 10 October; in November nothing new settled, though the year still holds both.
    with world.store.uow() as uow:
        november = statistics.monthly_report(uow, world.sup, date(2026, 11, 1), date(2026, 11, 30))
        september = statistics.monthly_report(uow, world.sup, date(2026, 9, 1), date(2026, 9, 30))
    assert cells(november, "mediation", "successful") == (0, 0, 0, 0, 2)
    assert cells(november, "marriage", "reconciled") == (0, 0, 0, 0, 1)
    assert cells(september, "mediation", "successful") == (0, 0, 0, 0, 0)


def test_the_register_takes_each_entrys_last_visit_and_counts_cases_opened_earlier_in_the_year(tmp_path: Path) -> None:
    """Two households added to a store: one visited in September (low) and again in October (medium), one
    whose case was opened in March. The whole district's report (on PostgreSQL: the register joined with its
    visits and cases in bulk) and the town's (looked up entry by entry) both count the first at the level of
    its LAST visit, the second at its own, and the case of the second in the year to date only."""
    from sqlalchemy import update

    from fulian_desktop.services.screening import screening
    from fulian_desktop.store.models import Case, ScreeningEntry
    from tests.support.stats_world import at

    w = build_stats_world(tmp_path / "s")
    rows = ("risk:low", "risk:medium", "risk:high", "cases_opened", "screened")

    def figures() -> dict[str, dict[str, tuple]]:
        out = {}
        with w.store.uow() as uow:
            for scope, unit in (("district", w.org.district), ("town", w.org.units[TOWN_A])):
                r = statistics.monthly_report(uow, w.sup, OCT_FROM, OCT_TO, unit_id=unit)
                out[scope] = {row: cells(r, "screening", row)[-2:] for row in rows}   # (period total, 本年累计)
        return out

    before = figures()
    with w.store.uow(write=True) as uow:
        visited = screening.add_entry(uow, w.village, subject="赵家", reason="夫妻争吵", risk_level="high").id
        with_case = screening.add_entry(uow, w.village, subject="钱家", reason="邻里纠纷", risk_level="low").id
    with w.store.uow(write=True) as uow:
        uow.s.execute(update(ScreeningEntry).where(ScreeningEntry.id.in_([visited, with_case]))
                      .values(created_at=at(3, 2), updated_at=at(3, 2)))
    with w.store.uow(write=True) as uow:
        screening.record_visit(uow, w.village, visited, date(2026, 9, 1), None, "缓和", "low", today=date(2026, 9, 1))
    with w.store.uow(write=True) as uow:
        screening.record_visit(uow, w.village, visited, date(2026, 10, 10), None, "又起争执", "medium",
                               today=date(2026, 10, 10))
    with w.store.uow(write=True) as uow:
        case_id = screening.open_case_from_entry(uow, w.sup, with_case).row.id
    with w.store.uow(write=True) as uow:
        uow.s.execute(update(Case).where(Case.id == case_id).values(opened_at=at(3, 5)))
    after = figures()
    for scope in ("district", "town"):
        change = {row: tuple(a - b for a, b in zip(after[scope][row], before[scope][row])) for row in rows}
        assert change == {"risk:low": (1, 1), "risk:medium": (1, 1), "risk:high": (0, 0),
                          "cases_opened": (0, 1), "screened": (1, 2)}, scope
