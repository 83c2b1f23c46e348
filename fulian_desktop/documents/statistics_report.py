"""The monthly statistics report as a PDF: A4 landscape, one table per section (rows by category, columns by
tier), charts drawn with reportlab.graphics, the reporting unit's name, the cross-check line
(statistics_checks) and the seal line.

The same report always gives the same bytes (ReportLab's invariant mode: no creation date, fixed ids).
"""
from __future__ import annotations

import io

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle,
)

from ..services.statistics.statistics_checks import check_line
from ..services.statistics.statistics_views import COLUMN_KEYS, COLUMN_LABELS, MonthlyReport, StatSection
from .fonts import markup, register_fonts

PAGE = landscape(A4)
MARGIN = 15 * mm
CHART_H = 72 * mm
LABEL_SIZE = 9          # chart labels read at arm's length on a printed A4 (7 pt did not)
PALETTE = [colors.HexColor(c) for c in ("#1f5fa8", "#d0743c", "#4f9a58", "#b8463f", "#7e63b1", "#8c6d31",
                                        "#c55a9c", "#6b6b6b", "#b5b536", "#3ba3b5")]


def _styles(regular: str, bold: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=regular, fontSize=8.5, leading=10.5, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=17, leading=24, alignment=TA_CENTER),
        "sub": ParagraphStyle("sub", parent=base, fontSize=10.5, leading=15, alignment=TA_CENTER),
        "h": ParagraphStyle("h", parent=base, fontName=bold, fontSize=12.5, leading=18, spaceBefore=6, spaceAfter=4),
        "cell": base,
        "head": ParagraphStyle("head", parent=base, fontName=bold, alignment=TA_CENTER),
        "num": ParagraphStyle("num", parent=base, alignment=TA_CENTER),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=11, textColor=colors.HexColor("#444444")),
        "seal": ParagraphStyle("seal", parent=base, fontSize=11, leading=18),
        "check": ParagraphStyle("check", parent=base, fontName=bold, fontSize=9, leading=13),
    }


def _table(section: StatSection, st: dict[str, ParagraphStyle], bold: str) -> Table:
    """One section: a category's cell merged down over its rows, and the section's notes as the table's last row,
    never split from the rows above it (a note alone at the top of a page explains nothing)."""
    head = [Paragraph(t, st["head"]) for t in ("类别", "项目", "单位", *COLUMN_LABELS)]
    data = [head]
    spans: list[tuple] = []
    start = 1
    for n, row in enumerate(section.rows, start=1):
        first = n == 1 or section.rows[n - 2].group != row.group
        if first and n > 1 and n - 1 > start:
            spans.append(("SPAN", (0, start), (0, n - 1)))
        if first:
            start = n
        data.append([Paragraph(markup(row.group) if first else "", st["cell"]), Paragraph(markup(row.label), st["cell"]),
                     Paragraph(row.unit, st["num"]), *(Paragraph(row.text(c), st["num"]) for c in COLUMN_KEYS)])
    last = len(section.rows)
    if last > start:
        spans.append(("SPAN", (0, start), (0, last)))
    width = PAGE[0] - 2 * MARGIN
    fixed = [32 * mm, 62 * mm, 14 * mm]
    rest = (width - sum(fixed)) / len(COLUMN_KEYS)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), bold),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef6")),
        ("BACKGROUND", (-2, 1), (-2, last), colors.HexColor("#f6f6f6")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        *spans,
    ]
    if section.notes:
        data.append([Paragraph("<br/>".join(markup("注：" + note) for note in section.notes), st["note"]),
                     *[""] * (len(data[0]) - 1)])
        notes_row = len(data) - 1
        style += [("SPAN", (0, notes_row), (-1, notes_row)), ("BACKGROUND", (0, notes_row), (-1, notes_row), colors.white),
                  ("TOPPADDING", (0, notes_row), (-1, notes_row), 3),
                  ("NOSPLIT", (0, max(1, notes_row - 2)), (-1, notes_row))]
    table = Table(data, colWidths=fixed + [rest] * len(COLUMN_KEYS), repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _nice_axis(top: float) -> tuple[float, float]:
    """(maximum, step) for a value axis starting at 0: steps of 1, 2 or 5 × 10^k, about five of them."""
    top = max(top, 4)
    raw = top * 1.15 / 5
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return step * (int(top * 1.15 // step) + 1), step


def _drawing(width: float, title: str, regular: str) -> Drawing:
    d = Drawing(width, CHART_H)
    d.initialFontName = regular  # the renderer starts in Helvetica otherwise: a font that is not embedded
    d.add(String(width / 2, CHART_H - 13, title, fontName=regular, fontSize=11, textAnchor="middle"))
    return d


def _bar_chart(title: str, labels: list[str], values: list[int], regular: str, width: float, *,
               horizontal: bool = False) -> Drawing:
    d = _drawing(width, title, regular)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    if horizontal:
        chart.x, chart.y, chart.width, chart.height = 34 * mm, 6 * mm, width - 44 * mm, CHART_H - 22 * mm
        labels, values = labels[::-1], values[::-1]   # the largest on top
    else:
        chart.x, chart.y, chart.width, chart.height = 14 * mm, 12 * mm, width - 20 * mm, CHART_H - 28 * mm
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _nice_axis(max(values or [0]))
    chart.bars[0].fillColor = PALETTE[0]
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = regular
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.nudge = 6
    d.add(chart)
    return d


def _pie_chart(title: str, labels: list[str], values: list[int], regular: str, width: float) -> Drawing:
    d = _drawing(width, title, regular)
    shown = [(lab, v) for lab, v in zip(labels, values) if v > 0]
    if not shown:
        d.add(String(width / 2, 30 * mm, "本期无数据", fontName=regular, fontSize=LABEL_SIZE, textAnchor="middle"))
        return d
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = width / 2 - 22 * mm, 8 * mm, 44 * mm, 44 * mm
    pie.data = [v for _, v in shown]
    pie.labels = [f"{lab} {v}" for lab, v in shown]
    pie.simpleLabels = 0
    pie.slices.fontName = regular
    pie.slices.fontSize = LABEL_SIZE
    pie.slices.strokeColor = colors.white
    pie.sideLabels = 1
    for i in range(len(shown)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    d.add(pie)
    return d


def _charts(report: MonthlyReport, regular: str) -> Table:
    width = (PAGE[0] - 2 * MARGIN) / 3
    med = report.section("mediation")
    # The dispute types that occurred (most first, at most eight); the other types are all zero or few.
    types = sorted((r for r in med.rows if r.key.startswith("type:") and (r.value("subtotal") or 0) > 0),
                   key=lambda r: -(r.value("subtotal") or 0))[:8]
    tiers = med.row("mediated")
    pet = report.section("petition")
    channels = [r for r in pet.rows if r.key.startswith("channel:") and r.key.endswith(":件")]
    drawings = [
        _bar_chart("调解案件：按纠纷类型（小计）", [r.label for r in types], [int(r.value("subtotal") or 0) for r in types],
                   regular, width, horizontal=True),
        _bar_chart("调解案件：按层级", list(COLUMN_LABELS[:3]), [int(v or 0) for v in tiers.values[:3]], regular, width),
        _pie_chart("信访件次：按渠道", [r.label for r in channels], [int(r.value("subtotal") or 0) for r in channels],
                   regular, width),
    ]
    table = Table([drawings], colWidths=[width] * 3)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), regular)]))  # else Helvetica, not embedded
    return table


def _page_decor(report: MonthlyReport, regular: str):  # noqa: ANN202
    def draw(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawString(MARGIN, 8 * mm, f"{report.unit_name} · {report.period_text}")
        # "共 Y 页" needs the total: the document is built twice (see render_report).
        total = getattr(doc, "_fulian_total", None) or doc.page
        canvas.drawRightString(PAGE[0] - MARGIN, 8 * mm, f"第 {doc.page} 页 共 {total} 页")
        canvas.restoreState()
    return draw


def _story(report: MonthlyReport, st: dict[str, ParagraphStyle], regular: str, bold: str,
           note: str | None = None) -> list:
    story: list = [
        Paragraph(markup(report.title), st["title"]),
        Paragraph(markup(f"填报单位：{report.unit_name}　　统计时段：{report.period_text}"
                         f"（{report.date_from.isoformat()} 至 {report.date_to.isoformat()}）"), st["sub"]),
        *([Paragraph(markup(note), st["sub"])] if note else []),
        Spacer(0, 4 * mm),
        _charts(report, regular),
    ]
    seal = Table([[Paragraph(text, st["seal"]) for text in
                   ("填报单位（盖章）：", "填报人：", "审核人：", "填报日期：" + "\u00a0" * 10 + "年" + "\u00a0" * 5 + "月" + "\u00a0" * 5 + "日")]],
                 colWidths=[(PAGE[0] - 2 * MARGIN) * f for f in (0.28, 0.2, 0.2, 0.32)], rowHeights=[14 * mm])
    seal.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("FONTNAME", (0, 0), (-1, -1), regular)]))
    for n, section in enumerate(report.sections, start=1):
        story.append(CondPageBreak(45 * mm))   # the heading never ends a page: room for it and a few rows
        story.append(Paragraph(markup(section.title), st["h"]))
        story.append(_table(section, st, bold))
        if n == len(report.sections):   # the seal line never stands alone on the last page
            check = Paragraph(markup(check_line(report)), st["check"])
            story[-1] = KeepTogether([story[-1], Spacer(0, 2 * mm), check, seal])
    return story


def render_report(report: MonthlyReport, note: str | None = None) -> bytes:
    """The PDF bytes of the report (no audit: callers write it with statistics.record_export); `note`, a line under
    the heading (a submitted report's state and signature)."""
    regular, bold = register_fonts()
    st = _styles(regular, bold)
    total = None
    for _ in range(2):  # first pass counts the pages, second prints "共 Y 页"
        out = io.BytesIO()
        doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                bottomMargin=14 * mm, title=report.title, author=report.unit_name,
                                subject=report.period_text, creator="幸福号", invariant=1,
                                initialFontName=regular)
        doc._fulian_total = total
        decor = _page_decor(report, regular)
        doc.build(_story(report, st, regular, bold, note), onFirstPage=decor, onLaterPages=decor)
        total = doc.page
    return out.getvalue()


def export_report(uow, actor, date_from, date_to, path, *, unit_id: str | None = None):  # noqa: ANN001, ANN201
    """Build the report, write it to `path` (.pdf or .xlsx by its suffix) and audit the export.
    Needs a write unit of work. Returns the MonthlyReport."""
    from pathlib import Path

    from ..domain.errors import ValidationError
    from ..services.statistics import statistics

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "xlsx"):
        raise ValidationError("输出文件须以 .pdf 或 .xlsx 结尾。", field="output")
    report = statistics.monthly_report(uow, actor, date_from, date_to, unit_id=unit_id)
    if fmt == "pdf":
        data = render_report(report)
    else:
        from .statistics_xlsx import render_workbook

        data = render_workbook(report)
    try:
        from ..security.private_files import write_private

        write_private(path, data)
    except OSError as exc:
        from ..domain.errors import FulianError

        raise FulianError(f"无法写入文件 {path}：{exc.strerror}") from exc
    statistics.record_export(uow, actor, report, fmt, len(data))
    return report
