"""The monthly report as PDF and .xlsx, and `fulian stats`: the papers carry the service's figures, the unit's
name and the seal line; the PDF repeats byte for byte; the workbook cannot smuggle in a formula; exports are audited."""
from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from fulian_desktop import cli
from fulian_desktop.documents.statistics_report import render_report
from fulian_desktop.documents.statistics_xlsx import render_workbook
from fulian_desktop.services.statistics import statistics
from fulian_desktop.services.statistics.statistics_views import COLUMN_KEYS, MONEY, StatRow
from fulian_desktop.store.models import AuditEntry
from fulian_desktop.store.store import Unlock, open_store
from tests.support.stats_world import OCT_FROM, OCT_TO, StatsWorld, build_stats_world
from tests.support.stores import PASSPHRASE, NoKeyringVault


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> StatsWorld:  # noqa: ANN001
    w = build_stats_world(Path(tmp_path_factory.mktemp("stats_out")) / "s")
    yield w
    w.store.close()


@pytest.fixture(scope="module")
def report(world: StatsWorld):  # noqa: ANN201
    with world.store.uow() as uow:
        return statistics.monthly_report(uow, world.sup, OCT_FROM, OCT_TO)


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_pdf_report_carries_unit_period_figures_and_seal_line(report, tmp_path: Path) -> None:  # noqa: ANN001
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_report(report))
    text = _pdftotext(pdf)
    flat = " ".join(text.split())
    assert "望城区维权服务与婚姻家庭矛盾纠纷调处工作统计表" in flat
    assert "填报单位：望城区" in flat and "2026年10月" in flat
    for heading in ("一、人民调解", "二、信访接待", "三、婚姻家庭纠纷调解", "四、危机干预与反家暴", "五、矛盾纠纷排查"):
        assert heading in flat
    # The 调解案件数 line: 件, then district 1, town 1, village 1, subtotal 3, year to date 4.
    line = next(ln for ln in text.splitlines() if "调解案件数" in ln)
    assert line.split()[-6:] == ["件", "1", "1", "1", "3", "4"], line
    line = next(ln for ln in text.splitlines() if "调解成功率" in ln)
    assert line.split()[-5:] == ["—", "—", "100.0%", "100.0%", "100.0%"], line
    for seal in ("单位（盖章）", "填报人", "审核人", "日期"):
        assert seal in flat
    pages = int(next(ln for ln in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                  check=True).stdout.splitlines() if ln.startswith("Pages:")).split()[1])
    tight = flat.replace(" ", "")
    assert all(f"第{n}页共{pages}页" in tight for n in range(1, pages + 1))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    body = fonts.splitlines()[2:]
    assert body and all(ln.split()[-5] == "yes" for ln in body), fonts  # every font embedded (emb column)


def test_pdf_report_bytes_repeat(report) -> None:  # noqa: ANN001
    assert render_report(report) == render_report(report)


def test_workbook_figures_equal_the_service(report, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "report.xlsx"
    path.write_bytes(render_workbook(report))
    wb = load_workbook(path)
    assert len(wb.sheetnames) == len(report.sections)
    for ws, section in zip(wb.worksheets, report.sections):
        assert "望城区" in ws.cell(2, 1).value and ws.cell(3, 1).value == section.title
        found = {}
        for r in range(5, 5 + len(section.rows)):
            found[(ws.cell(r, 1).value, ws.cell(r, 2).value)] = [ws.cell(r, c).value for c in range(4, 9)]
        for row in section.rows:
            got = found[(row.group, row.label)]
            scale = 100 if row.kind == MONEY else 1   # sums are kept in 分, the workbook shows 元
            want = [v / scale if v is not None else "—" for v in row.values]
            assert got == pytest.approx(want) if all(isinstance(v, (int, float)) for v in want) else got == want
        rate = next((r for r in range(5, ws.max_row + 1) if ws.cell(r, 3).value == "%"), None)
        if rate is not None:
            assert ws.cell(rate, 7).number_format == "0.0%"


def test_workbook_text_never_becomes_a_formula(report, tmp_path: Path) -> None:  # noqa: ANN001
    evil = StatRow("x", "=HYPERLINK(\"http://x\",\"点我\")", (1, 2, 3, 6, 9), group="+cmd|' /C calc'!A0")
    section = replace(report.sections[0], rows=(evil, *report.sections[0].rows))
    bad = replace(report, unit_name="@SUM(1+1)", sections=(section,))
    path = tmp_path / "evil.xlsx"
    path.write_bytes(render_workbook(bad))
    ws = load_workbook(path).worksheets[0]
    assert ws.cell(5, 1).value.startswith("'+cmd") and ws.cell(5, 2).value.startswith("'=HYPERLINK")
    assert ws.cell(5, 1).data_type == "s" and ws.cell(5, 2).data_type == "s"
    assert "@SUM" in ws.cell(2, 1).value  # inside the sentence, not at the start: harmless


def test_fulian_stats_writes_pdf_and_xlsx_and_audits_the_export(world: StatsWorld, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = world.store.paths.root
    monkeypatch.setenv("FULIAN_DATA_DIR", str(root))
    monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("FULIAN_RECOVERY_CODE", raising=False)
    xlsx, pdf = tmp_path / "十月.xlsx", tmp_path / "十月.pdf"
    assert cli.main(["stats", "--from", "2026-10-01", "--to", "2026-10-31", "--unit", "高塘岭街道",
                     "-o", str(xlsx)]) == 0
    assert cli.main(["stats", "--from", "2026-10-01", "--to", "2026-10-31", "-o", str(pdf)]) == 0
    ws = load_workbook(xlsx).worksheets[0]
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value == "调解案件数（本期登记）")
    assert [ws.cell(row, c).value for c in range(4, 9)] == [0, 1, 1, 2, 3]
    assert "2026年10月" in _pdftotext(pdf)
    assert cli.main(["stats", "--from", "2026-10-31", "--to", "2026-10-01", "-o", str(pdf)]) == 1
    assert cli.main(["stats", "-o", str(tmp_path / "x.csv")]) == 1
    with open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault()) as store, store.uow() as uow:
        exports = [(e.action, e.detail["format"], e.detail["unit"]) for e in uow.s.execute(
            select(AuditEntry).where(AuditEntry.entity == "statistics").order_by(AuditEntry.seq)).scalars()]
    assert exports == [
        ("export", "xlsx", "高塘岭街道"), ("export", "pdf", "望城区")]
    assert set(COLUMN_KEYS) >= {"subtotal", "ytd"}
