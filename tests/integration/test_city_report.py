"""A city's report from its districts' stores (`fulian stats --city`): every count is the districts' sum, every
rate is worked out again from the summed parts (not averaged), the identities hold, and a district counted twice, an
account below a district's top, or districts on different periods are refused with a message."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from fulian_demo import generate_demo
from fulian_desktop import cli
from fulian_desktop.domain.enums import Role
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.services.accounts.setup import initialise
from fulian_desktop.services.statistics import statistics, statistics_checks
from fulian_desktop.services.statistics.city import District, build_city_report, combine
from fulian_desktop.services.statistics.statistics_views import COLUMN_KEYS, RATE, MonthlyReport
from fulian_desktop.store.models import AuditEntry, Case, OrgUnit
from fulian_desktop.store.store import Store
from tests.support.stats_world import OCT_FROM, OCT_TO, StatsWorld, build_stats_world
from tests.support.stores import ADMIN_PASSWORD, NEW_PASSWORD, PASSPHRASE, add_user, first_login, new_store


@pytest.fixture(scope="module")
def wangcheng(tmp_path_factory) -> StatsWorld:  # noqa: ANN001
    w = build_stats_world(Path(tmp_path_factory.mktemp("city")) / "wangcheng")
    yield w
    w.store.close()


@pytest.fixture(scope="module")
def yuelu(tmp_path_factory) -> tuple[Store, District]:  # noqa: ANN001
    """A second district with the demo's year of work (400 cases) under its own name."""
    store = new_store(Path(tmp_path_factory.mktemp("city")) / "yuelu").store
    top = initialise(store, district="岳麓区", case_prefix="岳", admin_username="admin", admin_name="系统管理员",
                     admin_password=ADMIN_PASSWORD, towns=())
    generate_demo(store, cases=400, seed=11)
    add_user(store, "sup", Role.SUPERVISOR, top, display_name="岳麓督导")
    add_user(store, "jie", Role.SUPERVISOR, _a_town(store), display_name="街道督导")
    yield store, District(store, first_login(store, "sup"))
    store.close()


def _a_town(store: Store) -> str:
    with store.uow() as uow:
        return uow.s.execute(select(OrgUnit.id).where(OrgUnit.tier == "town").order_by(OrgUnit.name)).scalars().first()


@pytest.fixture(scope="module")
def city(wangcheng: StatsWorld, yuelu):  # noqa: ANN001, ANN201
    districts = [District(wangcheng.store, wangcheng.sup), yuelu[1]]
    return districts, build_city_report("长沙市", districts, OCT_FROM, OCT_TO)


def _own(district: District) -> MonthlyReport:
    with district.store.uow() as uow:
        return statistics.monthly_report(uow, district.actor, OCT_FROM, OCT_TO)


def test_every_count_is_the_districts_sum_and_every_rate_comes_from_the_summed_parts(city) -> None:  # noqa: ANN001
    districts, result = city
    a, b = (_own(d) for d in districts)
    assert [r.unit_name for r in result.districts] == ["望城区", "岳麓区"]
    report = result.report
    assert report.unit_name == "长沙市" and report.period_text == "2026年10月"
    rates_seen, not_an_average = 0, 0
    for s, sa, sb in zip(report.sections, a.sections, b.sections):
        assert s.key == sa.key == sb.key
        keys = [r.key for r in s.rows]
        assert set(keys) == {r.key for r in sa.rows} | {r.key for r in sb.rows} and len(set(keys)) == len(keys)
        for r in s.rows:
            ra, rb = (_row_or_zeros(sec, r.key) for sec in (sa, sb))
            if r.kind != RATE:
                assert r.values == tuple(x + y for x, y in zip(ra.values, rb.values)), (s.key, r.key)
                continue
            numerators, denominator = statistics_checks.RATES[s.key][r.key]
            for c in range(len(COLUMN_KEYS)):
                den = sum(sec.row(denominator).values[c] for sec in (sa, sb))
                num = sum(sec.row(n).values[c] for sec in (sa, sb) for n in numerators)
                assert r.values[c] == (num / den if den else None), (s.key, r.key, COLUMN_KEYS[c])
                rates_seen += r.values[c] is not None
                if None not in (ra.values[c], rb.values[c], r.values[c]):
                    not_an_average += abs(r.values[c] - (ra.values[c] + rb.values[c]) / 2) > 1e-6
    assert rates_seen >= 10 and not_an_average >= 1
    # Both districts' work shows: 望城区's October 3 mediation cases plus 岳麓区's.
    assert report.figure("mediation", "mediated") == a.figure("mediation", "mediated") + b.figure("mediation", "mediated")
    assert a.figure("mediation", "mediated") == 3 and b.figure("mediation", "mediated") > 0


def _row_or_zeros(section, key: str):  # noqa: ANN001, ANN202
    found = [r for r in section.rows if r.key == key]
    return found[0] if found else replace(section.rows[0], key=key, values=(0,) * len(COLUMN_KEYS))


def test_a_category_only_one_district_has_is_placed_in_its_group_before_the_blank_row(city) -> None:  # noqa: ANN001
    a, b = city[1].districts
    for s in city[1].report.sections:
        groups = [r.group for r in s.rows]
        for g in set(groups):
            at = [i for i, x in enumerate(groups) if x == g]
            assert at == list(range(at[0], at[-1] + 1)), (s.key, g)          # a group in one run
        keys = [r.key for r in s.rows]
        for i, key in enumerate(keys):
            if key.endswith(":") or "::" in key:                            # 未分类 last among its siblings
                stem = key.split(":")[:-1] if key.endswith(":") else key.split(":")[:1]
                later = [k for k in keys[i + 1:] if k.split(":")[:len(stem)] == stem and s.row(k).group ==
                         s.row(key).group]
                assert not later, (s.key, key, later)
    only_b = [(s.key, r.key) for s, sa in zip(b.sections, a.sections) for r in s.rows
              if r.key not in {x.key for x in sa.rows}]
    assert only_b, "the demo district should have a category row the hand-made one has not"


def test_the_citys_report_keeps_every_identity_and_names_its_districts(city) -> None:  # noqa: ANN001
    report = city[1].report
    assert statistics_checks.failures(report) == []
    assert "全部相符" in statistics_checks.check_line(report)
    assert "本表由望城区、岳麓区共 2 个区的报表逐栏相加" in report.sections[0].notes[0]


def test_a_district_chosen_twice_or_counted_by_an_account_below_its_top_is_refused(wangcheng: StatsWorld,
                                                                                   yuelu) -> None:  # noqa: ANN001
    store, top = yuelu
    same = District(wangcheng.store, wangcheng.sup)
    with pytest.raises(ValidationError, match="被选了两次"):
        build_city_report("长沙市", [same, top, same], OCT_FROM, OCT_TO)
    town = District(store, first_login(store, "jie"))
    with pytest.raises(ValidationError, match="不在区级单位"):
        build_city_report("长沙市", [same, town], OCT_FROM, OCT_TO)


def test_reports_of_different_periods_names_or_shapes_do_not_add_up(city) -> None:  # noqa: ANN001
    a, b = city[1].districts
    with pytest.raises(ValidationError, match="时段"):
        combine("长沙市", [a, replace(b, date_to=OCT_TO.replace(day=30))])
    with pytest.raises(ValidationError, match="出现了两次"):
        combine("长沙市", [a, replace(b, unit_name="望城区")])
    fewer = replace(b, sections=(replace(b.sections[0], rows=b.sections[0].rows[:-1]),) + b.sections[1:])
    with pytest.raises(ValidationError, match="格式"):
        combine("长沙市", [a, fewer])


def test_fulian_stats_city_writes_the_sum_and_each_district_audits_its_part(wangcheng: StatsWorld, yuelu,  # noqa: ANN001
                                                                             tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    store, top = yuelu
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FULIAN_USER_PASSWORD", NEW_PASSWORD)
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    folders = ["--district", str(wangcheng.store.paths.root), "--district", str(store.paths.root)]
    out = tmp_path / "长沙市十月.xlsx"
    assert cli.main(["stats", "--from", "2026-10-01", "--to", "2026-10-31", "--city", "长沙市", *folders,
                     "--as", "sup", "-o", str(out)]) == 0
    ws = load_workbook(out).worksheets[0]
    assert "长沙市" in ws.cell(1, 1).value
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value == "调解案件数（本期登记）")
    want = sum(_own(d).figure("mediation", "mediated") for d in (District(wangcheng.store, wangcheng.sup), top))
    assert ws.cell(row, 7).value == want
    for s in (wangcheng.store, store):
        with s.uow() as uow:
            detail = uow.s.execute(select(AuditEntry.detail).where(AuditEntry.entity == "statistics")
                                   .order_by(AuditEntry.seq.desc())).scalars().first()
        assert detail["into"] == "长沙市" and detail["format"] == "xlsx"
    # Missing the city's name, or one district given twice: a message, no file.
    again = tmp_path / "again.pdf"
    assert cli.main(["stats", "--district", str(store.paths.root), "--as", "sup", "-o", str(again)]) == 1
    assert cli.main(["stats", "--city", "长沙市", "--district", str(store.paths.root), "--district",
                     str(store.paths.root), "--as", "sup", "-o", str(again)]) == 1
    assert not again.exists()


def test_a_citys_demo_is_one_store_per_district_and_adds_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`fulian demo --district 芙蓉区` builds that district in an empty store (its own name and case prefix), so a
    city's demo — one store per district — can be added up; a store whose district has another name is refused."""
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FULIAN_USER_PASSWORD", "Demo2026!")
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    folders = []
    for n, name in enumerate(("芙蓉区", "岳麓区"), 1):
        root = tmp_path / name
        new_store(root).store.close()
        monkeypatch.setenv("FULIAN_DATA_DIR", str(root))
        assert cli.main(["demo", "--cases", "80", "--seed", str(n), "--district", name]) == 0
        folders += ["--district", str(root)]
    assert cli.main(["demo", "--cases", "5", "--district", "天心区"]) == 1       # 岳麓区's store
    from fulian_desktop.store.store import Unlock, open_store
    from tests.support.stores import NoKeyringVault

    with open_store(tmp_path / "岳麓区", Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as s, s.uow() as uow:
        top = uow.s.execute(select(OrgUnit.name, OrgUnit.case_prefix).where(OrgUnit.parent_id.is_(None))).one()
        numbers = list(uow.s.execute(select(Case.case_no)).scalars())
    assert tuple(top) == ("岳麓区", "岳") and len(numbers) == 80
    assert all("岳" in n for n in numbers) and not any("望" in n for n in numbers)
    out = tmp_path / "长沙市.pdf"
    assert cli.main(["stats", "--from", "2026-10-01", "--to", "2026-10-31", "--city", "长沙市", *folders,
                     "--as", "dudao", "-o", str(out)]) == 0
    assert out.stat().st_size > 10_000
