"""The monthly statistics as an .xlsx workbook for upward reporting: one sheet per section.

Each sheet: the report title, the unit and period, a header row, then a row per figure with the tier
columns as numbers (rates as percentages), the notes, the report's cross-check line and the seal line. Text that a spreadsheet would
read as a formula (starting with = + - @, or a tab / carriage return) is written with a leading
apostrophe-style quote prefix, so a crafted category or unit name cannot run as a formula.
"""
from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..services.statistics.statistics_checks import check_line
from ..services.statistics.statistics_views import COLUMN_KEYS, COLUMN_LABELS, MONEY, RATE, MonthlyReport, StatSection

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FIXED_TIME = datetime(2000, 1, 1)  # workbook properties: no wall-clock time, so the bytes repeat


def safe_text(value: str) -> str:
    """A text cell that cannot become a formula (OWASP CSV/formula injection), without the control characters a
    workbook cannot hold (a category pasted from another program: openpyxl would refuse the whole file)."""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _text_cell(ws, row: int, col: int, value: str, **style):  # noqa: ANN001, ANN003, ANN202
    cell = ws.cell(row=row, column=col, value=safe_text(value))
    cell.data_type = "s"  # never let openpyxl treat a leading "=" as a formula
    for key, val in style.items():
        setattr(cell, key, val)
    return cell


def _sheet(wb: Workbook, report: MonthlyReport, section: StatSection, first: bool, check: str) -> None:
    ws = wb.active if first else wb.create_sheet()
    ws.title = section.title.split("、", 1)[-1][:31]
    headers = ("类别", "项目", "单位", *COLUMN_LABELS)
    last_col = len(headers)
    _text_cell(ws, 1, 1, report.title, font=Font(bold=True, size=14), alignment=Alignment(horizontal="center"))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    _text_cell(ws, 2, 1, f"填报单位：{report.unit_name}　　统计时段：{report.period_text}"
                         f"（{report.date_from.isoformat()} 至 {report.date_to.isoformat()}）",
               alignment=Alignment(horizontal="center"))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    _text_cell(ws, 3, 1, section.title, font=Font(bold=True, size=12))
    head_fill = PatternFill("solid", fgColor="E8EEF6")
    for col, text in enumerate(headers, start=1):
        _text_cell(ws, 4, col, text, font=Font(bold=True), fill=head_fill, border=_BORDER,
                   alignment=Alignment(horizontal="center", vertical="center"))
    r = 5
    for row in section.rows:
        _text_cell(ws, r, 1, row.group, border=_BORDER)
        _text_cell(ws, r, 2, row.label, border=_BORDER)
        _text_cell(ws, r, 3, row.unit, border=_BORDER, alignment=Alignment(horizontal="center"))
        for col, key in enumerate(COLUMN_KEYS, start=4):
            value = row.value(key)
            if value is not None and row.kind == MONEY:   # 分 -> 元
                value = int(value) / 100
            cell = ws.cell(row=r, column=col, value=value if value is not None else "—")
            cell.border = _BORDER
            cell.alignment = Alignment(horizontal="center")
            if value is not None:
                cell.number_format = {RATE: "0.0%", MONEY: "#,##0.00"}.get(row.kind, "#,##0")
        r += 1
    r += 1
    for note in section.notes:
        _text_cell(ws, r, 1, "注：" + note, alignment=Alignment(wrap_text=True, vertical="top"))
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last_col)
        ws.row_dimensions[r].height = 30
        r += 1
    # The whole report's cross-check, on every sheet (a sheet may be forwarded on its own).
    _text_cell(ws, r, 1, check, font=Font(bold=True), alignment=Alignment(wrap_text=True, vertical="top"))
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last_col)
    ws.row_dimensions[r].height = 30
    r += 2
    for col, text in ((1, "单位（盖章）："), (3, "填报人："), (5, "审核人："), (7, "日期：    年  月  日")):
        _text_cell(ws, r, col, text)
    for col, width in zip(range(1, last_col + 1), (18, 34, 6, 10, 10, 12, 10, 12)):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "D5"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.print_title_rows = "4:4"


def render_workbook(report: MonthlyReport) -> bytes:
    wb = Workbook()
    check = check_line(report)
    for i, section in enumerate(report.sections):
        _sheet(wb, report, section, i == 0, check)
    props = wb.properties
    props.creator = "幸福号"
    props.title = safe_text(report.title)
    props.created = props.modified = _FIXED_TIME
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
