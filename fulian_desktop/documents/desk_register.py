"""来访登记簿 on paper: the day's register (A4 landscape, every line of a day) and the one-line slip printed at the
desk after a save, to keep in an office's paper register book. Same columns on both: 序号, 时间, 案号, 姓名, 事由,
处理去向 (services/intake/desk_register.py gives the lines).

The same register gives the same bytes (ReportLab's invariant mode). Rendering is audited by `render_register`
(api.render_day_register / api.render_register_line).
"""
from __future__ import annotations

import io
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..security import audit
from ..security.actor import Actor
from ..security.permissions import Permission, require
from ..services.intake.desk_register import DayRegister, day_register, register_line
from ..store.uow import UnitOfWork
from .fonts import markup, register_fonts
from .kinds import PrintPurpose

REGISTER_PAGE = landscape(A4)
SLIP_PAGE = (210 * mm, 60 * mm)       # a strip of A4: the line, with its header, to paste into the book
MARGIN = 12 * mm
HEADER = ("序号", "时间", "案号", "姓名", "事由", "处理去向")
WIDTHS = (16, 19, 80, 32, 46, 52)     # relative: a case number on one line


def _styles(regular: str, bold: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=13, wordWrap="CJK")
    return {"title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=16, leading=22, alignment=TA_CENTER),
            "sub": ParagraphStyle("sub", parent=base, alignment=TA_CENTER),
            "cell": base, "head": ParagraphStyle("head", parent=base, fontName=bold, alignment=TA_CENTER),
            "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER)}


def _table(register: DayRegister, st: dict[str, ParagraphStyle], width: float) -> Table:
    rows = [[Paragraph(h, st["head"]) for h in HEADER]]
    for line in register.lines:
        rows.append([Paragraph(str(line.number), st["centre"]), Paragraph(line.time_text, st["centre"]),
                     Paragraph(markup(line.case_no or "—", "案号"), st["cell"]),
                     Paragraph(markup(line.name, "姓名"), st["cell"]),
                     Paragraph(markup(line.category, "事由"), st["cell"]),
                     Paragraph(markup(line.outcome, "处理去向"), st["cell"])])
    total = sum(WIDTHS)
    return Table(rows, colWidths=[width * w / total for w in WIDTHS], repeatRows=1, style=TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9))]))


def layout_register(register: DayRegister, *, slip: bool = False) -> bytes:
    """The PDF bytes: the whole day (A4 landscape) or, with `slip`, a strip with the register's line(s)."""
    regular, bold = register_fonts()
    st = _styles(regular, bold)
    page = SLIP_PAGE if slip else REGISTER_PAGE
    margin = 8 * mm if slip else MARGIN
    day = f"{register.day.year}年{register.day.month}月{register.day.day}日"
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, title=f"来访登记簿 {register.day.isoformat()}",
                            author=register.unit_name, creator="幸福号", invariant=1, initialFontName=regular)
    width = page[0] - 2 * margin
    if slip:
        story = [Paragraph(markup(f"{register.unit_name}　来访登记簿　{day}"), st["sub"]), Spacer(0, 2 * mm)]
    else:
        story = [Paragraph("来访登记簿", st["title"]),
                 Paragraph(markup(f"{register.unit_name}　{day}　共 {len(register.lines)} 条"), st["sub"]),
                 Spacer(0, 4 * mm)]
    story.append(_table(register, st, width))
    if not slip:
        story += [Spacer(0, 6 * mm), Paragraph("登记人：____________　　核对人：____________", st["cell"])]

    def page_number(canvas: Any, document: Any) -> None:
        if not slip:
            canvas.setFont(regular, 9)
            canvas.drawCentredString(page[0] / 2, 6 * mm, f"第 {document.page} 页")

    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return out.getvalue()


def render_register(uow: UnitOfWork, actor: Actor, register: DayRegister, *, slip: bool,
                    purpose: PrintPurpose) -> bytes:
    """Lay out and audit one print (or save) of the register or its line (needs a write unit of work)."""
    require(actor, Permission.PRINT_EXPORT)
    data = layout_register(register, slip=slip)
    audit.record(uow.s, actor, str(purpose), entity="intake_register", entity_id=register.unit_id,
                 owner_unit_id=register.unit_id,
                 detail={"document": "register_line" if slip else "day_register", "day": register.day.isoformat(),
                         "lines": [line.number for line in register.lines], "bytes": len(data)})
    return data


def render_day(uow: UnitOfWork, actor: Actor, day: date, *, unit_id: str | None = None,
               purpose: PrintPurpose = PrintPurpose.EXPORT) -> bytes:
    return render_register(uow, actor, day_register(uow, actor, day, unit_id=unit_id), slip=False, purpose=purpose)


def render_line(uow: UnitOfWork, actor: Actor, intake_id: str, *,
                purpose: PrintPurpose = PrintPurpose.EXPORT) -> bytes:
    return render_register(uow, actor, register_line(uow, actor, intake_id), slip=True, purpose=purpose)


__all__ = ["layout_register", "render_register", "render_day", "render_line", "HEADER"]
