"""The city's report against a hostile or careless district and a careless clerk: a district whose own figures fail
their checks is refused by name (added up, its errors would cancel out unseen); a control character in a category
gives a workbook, not a traceback; a district busy saving stops the export before any file or audit entry; a
district on an older program is refused, never upgraded by the city; an empty --district is refused; an error
names the district's folder; a category only one district has goes where that district's own report puts it."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fulian_desktop import cli
from fulian_desktop.domain.enums import DISPUTE_TYPES
from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.security.actor import Actor
from fulian_desktop.services.statistics import statistics, statistics_checks
from fulian_desktop.services.statistics.city import District, build_city_report
from fulian_desktop.store import engine as engine_module
from fulian_desktop.store import migrate
from fulian_desktop.store.engine import make_engine, sqlcipher_url
from fulian_desktop.store.models import AppSetting, AuditEntry, Case, IntakeRecord, OrgUnit
from fulian_desktop.store.paths import StorePaths
from fulian_desktop.store.store import Store, Unlock, open_store
from tests.support.stats_world import OCT_FROM, OCT_TO, build_stats_world
from tests.support.stores import NEW_PASSWORD, PASSPHRASE, NoKeyringVault, copy_store, on_postgres, open_copy, snapshot


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Actor]]:
    """Two districts with the hand-made October, closed, for each test to copy and change."""
    base = Path(tmp_path_factory.mktemp("city_templates"))
    out = {}
    for name in ("望城区", "岳麓区"):
        w = build_stats_world(base / name)
        with w.store.uow(write=True) as uow:
            uow.s.execute(update(OrgUnit).where(OrgUnit.id == w.org.district).values(name=name))
        out[name] = (w.store.paths.root, w.sup)
        w.store.close()
    return out


def _district(templates, name: str, dest: Path) -> tuple[Store, District]:  # noqa: ANN001
    root, sup = templates[name]
    store = open_copy(root, dest)
    return store, District(store, sup)


@pytest.fixture
def as_city_clerk(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FULIAN_USER_PASSWORD", NEW_PASSWORD)
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    return monkeypatch


def _city_cli(*argv: str) -> int:
    return cli.main(["stats", "--from", "2026-10-01", "--to", "2026-10-31", "--city", "长沙市", "--as", "sup", *argv])


def _into_entries(root: Path) -> list[dict]:
    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store, store.uow() as uow:
        return [d for d in uow.s.execute(select(AuditEntry.detail).where(AuditEntry.entity == "statistics")).scalars()
                if d and d.get("into")]


def test_a_district_whose_own_figures_fail_their_checks_is_refused_by_name(templates, tmp_path: Path) -> None:  # noqa: ANN001
    a, wangcheng = _district(templates, "望城区", tmp_path / "a")
    b, yuelu = _district(templates, "岳麓区", tmp_path / "b")
    with a.uow(write=True) as uow:   # written straight into 望城区's own database by its administrator
        uow.s.execute(update(IntakeRecord).where(IntakeRecord.people_count == 8).values(people_count=-3))
    with a.uow() as uow:
        assert statistics_checks.failures(statistics.monthly_report(uow, wangcheng.actor, OCT_FROM, OCT_TO))
    with pytest.raises(ValidationError, match="望城区的报表数据核对不符"):
        build_city_report("长沙市", [yuelu, wangcheng], OCT_FROM, OCT_TO)
    a.close()
    b.close()


def test_a_control_character_in_a_districts_category_gives_a_workbook_not_a_traceback(
        templates, tmp_path: Path, as_city_clerk: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    a = copy_store(templates["望城区"][0], tmp_path / "a")
    b, _ = _district(templates, "岳麓区", tmp_path / "b")
    with b.uow(write=True) as uow:   # pasted from another program
        uow.s.execute(update(Case).where(Case.dispute_type == "邻里").values(dispute_type="邻里\x1b[31m"))
    b.close()
    out = tmp_path / "长沙市.xlsx"
    assert _city_cli("--district", str(a), "--district", str(tmp_path / "b"), "-o", str(out)) == 0
    labels = [row[1] for ws in load_workbook(out).worksheets for row in ws.iter_rows(values_only=True)]
    assert "邻里[31m" in labels and not any("\x1b" in str(v) for v in labels)


@pytest.mark.sqlite_only   # a SQLCipher store's write lock, its schema file
def test_a_district_busy_saving_stops_the_export_before_any_file_or_audit_entry(
        templates, tmp_path: Path, as_city_clerk: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from fulian_desktop.services.statistics import city

    a = copy_store(templates["望城区"][0], tmp_path / "a")
    b = copy_store(templates["岳麓区"][0], tmp_path / "b")
    as_city_clerk.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)   # not the 15 s a desk waits: a short test
    desk = open_store(b, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault())    # 岳麓区's own desk
    held: list[Session] = []
    counted = city.build_city_report

    def counted_then_the_desk_saves(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        result = counted(*args, **kw)
        s = Session(bind=desk.write_engine)     # the district's desk begins a save now, and holds it
        s.execute(select(AppSetting.key)).all()
        s.execute(update(AuditEntry).where(AuditEntry.seq == -1).values(seq=-1))
        held.append(s)
        return result

    as_city_clerk.setattr(city, "build_city_report", counted_then_the_desk_saves)
    out = tmp_path / "长沙市.pdf"
    try:
        assert _city_cli("--district", str(a), "--district", str(b), "-o", str(out)) == 1
    finally:
        for s in held:
            s.rollback()
            s.close()
        desk.close()
    assert held and not out.exists()
    assert _into_entries(a) == [] and _into_entries(b) == []


@pytest.mark.sqlite_only   # a SQLCipher store's write lock, its schema file
def test_a_district_on_an_older_program_is_refused_and_left_as_it_was(
        templates, tmp_path: Path, as_city_clerk: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:  # noqa: ANN001
    from tests.integration.test_migrations import build_store_at

    old = build_store_at(tmp_path / "old_district")
    a = copy_store(templates["望城区"][0], tmp_path / "a")
    before = snapshot(old.root)
    out = tmp_path / "长沙市.pdf"
    assert _city_cli("--district", str(a), "--district", str(old.root), "-o", str(out)) == 1
    assert not out.exists() and snapshot(old.root) == before
    engine = make_engine(sqlcipher_url(StorePaths(old.root).database, old.key.hex()))
    try:
        assert migrate.current_revision(engine) == "0001"
    finally:
        engine.dispose()
    err = capsys.readouterr().err
    assert f"第 2 个区的数据文件夹 {old.root}" in err and "需要升级" in err


def test_an_empty_district_folder_is_refused_not_taken_for_this_desks_own(
        templates, tmp_path: Path, as_city_clerk: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    a = copy_store(templates["望城区"][0], tmp_path / "a")
    as_city_clerk.setenv("FULIAN_DATA_DIR", str(copy_store(templates["岳麓区"][0], tmp_path / "own")))
    out = tmp_path / "长沙市.pdf"
    assert _city_cli("--district", str(a), "--district", "", "-o", str(out)) == 1      # --district "$UNSET"
    assert not out.exists()


@pytest.mark.parametrize("wrong", ["FULIAN_PASSPHRASE", "FULIAN_USER_PASSWORD"])
def test_a_wrong_secret_names_the_districts_folder(templates, tmp_path: Path, as_city_clerk: pytest.MonkeyPatch,  # noqa: ANN001
                                                   capsys: pytest.CaptureFixture, wrong: str) -> None:
    if wrong == "FULIAN_PASSPHRASE" and on_postgres():
        pytest.skip("a server store's folder is opened by the server's password, not the passphrase")
    a = copy_store(templates["望城区"][0], tmp_path / "a")
    b = copy_store(templates["岳麓区"][0], tmp_path / "b")
    as_city_clerk.setenv(wrong, "不是这个口令 2026!")
    assert _city_cli("--district", str(a), "--district", str(b), "-o", str(tmp_path / "c.pdf")) == 1
    assert f"第 1 个区的数据文件夹 {a}" in capsys.readouterr().err


def test_a_category_only_one_district_has_goes_where_its_own_report_puts_it(templates, tmp_path: Path) -> None:  # noqa: ANN001
    a, wangcheng = _district(templates, "望城区", tmp_path / "a")
    b, yuelu = _district(templates, "岳麓区", tmp_path / "b")
    with b.uow(write=True) as uow:   # a value with ':' that reads like a sub-item of 婚姻家庭
        uow.s.execute(update(Case).where(Case.dispute_type == "邻里").values(dispute_type="婚姻家庭:彩礼"))
    with a.uow(write=True) as uow:
        uow.s.execute(update(Case).where(Case.dispute_type == "邻里").values(dispute_type="征地补偿"))
    result = build_city_report("长沙市", [wangcheng, yuelu], OCT_FROM, OCT_TO)
    own = [r.key for r in result.districts[1].section("mediation").rows if r.key.startswith("type:")]
    got = [r.key for r in result.report.section("mediation").rows if r.key.startswith("type:")]
    assert own.index("type:婚姻家庭:彩礼") == len(DISPUTE_TYPES)
    # After every prescribed type, the two districts' unlisted ones in name order.
    assert got[len(DISPUTE_TYPES):] == sorted(["type:婚姻家庭:彩礼", "type:征地补偿"])
    a.close()
    b.close()
