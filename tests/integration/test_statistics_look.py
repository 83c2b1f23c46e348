"""The monthly report's PDF read back for its look (issue 14): a section's notes never open a page by themselves,
a category's cell is merged over its rows (its name stands once, midway down them), chart labels are readable."""
from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from fulian_desktop.documents.statistics_report import LABEL_SIZE, render_report
from fulian_desktop.services.statistics import statistics
from tests.support.stats_world import OCT_FROM, OCT_TO, StatsWorld, build_stats_world


@pytest.fixture(scope="module")
def report(tmp_path_factory):  # noqa: ANN001, ANN201
    w: StatsWorld = build_stats_world(Path(tmp_path_factory.mktemp("stats_look")) / "s")
    with w.store.uow() as uow:
        yield statistics.monthly_report(uow, w.sup, OCT_FROM, OCT_TO)
    w.store.close()


def _words(pdf: Path) -> list[tuple[int, float, float, str]]:
    """(page, x, y, word) of every word, from pdftotext's bounding boxes."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    out: list[tuple[int, float, float, str]] = []
    page = 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            out.append((page, float(m.group(1)), (float(m.group(2)) + float(m.group(3))) / 2, unescape(m.group(4))))
    return out


def test_notes_stay_with_their_tables_and_categories_are_merged(report, tmp_path: Path) -> None:  # noqa: ANN001
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_report(report))
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")[:-1]
    assert any("注：" in p for p in pages)
    for n, page in enumerate(pages, 1):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        assert lines and not lines[0].startswith("注："), f"page {n} opens with a stranded note"
    words = _words(pdf)
    for section in report.sections:
        groups: dict[str, list] = {}
        for row in section.rows:
            groups.setdefault(row.group, []).append(row)
        for group, rows in groups.items():
            if len(rows) < 3 or not group:
                continue
            hits = [w for w in words if w[3] == group]
            assert len(hits) == 1, f"category “{group}” printed {len(hits)} times, not once in a merged cell"
            page, _x, y, _w = hits[0]
            first = next(w for w in words if w[0] == page and w[3] == rows[0].label.split()[0])
            assert y > first[2] + 3, f"category “{group}” is not centred in its merged cell"


def test_chart_labels_are_readable() -> None:
    assert LABEL_SIZE >= 9
