"""The look shared by every paper: A4 with a binding margin, the issuing unit and case number on every
page, "第 X 页 共 Y 页" at the foot, bold headings, ruled tables, and deterministic output.

`build_pdf` returns the bytes and the page on which each `Anchor` landed (for the case file's contents).
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, KeepTogether, PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle,
)

from ..domain.localtime import to_local
from .fonts import BOLD, REGULAR, markup, register_fonts

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 2.8 * cm, 2.0 * cm, 2.6 * cm, 2.2 * cm   # left: binding margin
BODY_W = PAGE_W - LEFT - RIGHT
GRID = 0.6


@dataclass(frozen=True)
class PageMeta:
    unit_name: str
    case_no: str
    title: str
    as_of: datetime          # the PDF's creation date: from the case data, never the clock
    subject: str = ""


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=11.5, leading=19, wordWrap="CJK",
                          alignment=TA_JUSTIFY)
    return {
        "body": base,
        "prose": ParagraphStyle("prose", parent=base, firstLineIndent=23),
        "indented": ParagraphStyle("indented", parent=base, leftIndent=23),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=20, leading=28, alignment=TA_CENTER,
                                spaceAfter=4),
        "unit": ParagraphStyle("unit", parent=base, fontName=BOLD, fontSize=15, leading=22, alignment=TA_CENTER),
        "number": ParagraphStyle("number", parent=base, fontSize=11.5, alignment=TA_CENTER, spaceAfter=10),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=13, leading=21, spaceBefore=8,
                             spaceAfter=3, alignment=TA_LEFT, keepWithNext=1),  # never alone at a page foot
        "cell": ParagraphStyle("cell", parent=base, fontSize=10.5, leading=15.5, alignment=TA_LEFT),
        "label": ParagraphStyle("label", parent=base, fontName=BOLD, fontSize=10.5, leading=15.5,
                                alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=9.5, leading=14),
        "cover_title": ParagraphStyle("cover_title", parent=base, fontName=BOLD, fontSize=34, leading=48,
                                      alignment=TA_CENTER),
        "cover_line": ParagraphStyle("cover_line", parent=base, fontSize=14, leading=30),
    }


_STYLES: dict[str, ParagraphStyle] | None = None


def style(name: str) -> ParagraphStyle:
    global _STYLES
    if _STYLES is None:
        _STYLES = _styles()
    return _STYLES[name]


_PARSED: dict[tuple[str, str], list] = {}


def para(text: str | None, kind: str = "body", field: str = "") -> Paragraph:
    """A paragraph of plain text (escaped; rare characters in the fallback font; `field` names it in errors).
    Parsing markup is a third of the time of a case file and most texts recur (labels, headings, notices):
    the parsed fragments are reused, which ReportLab allows (a Paragraph never changes its frags)."""
    fragment = markup(text or "", field)
    key = (fragment, kind)
    frags = _PARSED.get(key)
    if frags is not None:
        return Paragraph(fragment, style(kind), frags=frags)
    paragraph = Paragraph(fragment, style(kind))
    if len(_PARSED) < 50_000:
        _PARSED[key] = paragraph.frags
    return paragraph


def rich(fragment: str, kind: str = "body") -> Paragraph:
    """A paragraph from markup built with `markup()` pieces and <b> tags."""
    return Paragraph(fragment, style(kind))


def bold(text: str, field: str = "") -> str:
    return f"<b>{markup(text, field)}</b>"


def title_block(unit_name: str, title: str, number: str = "") -> list[Flowable]:
    out: list[Flowable] = [para(unit_name, "unit", "单位名称"), Spacer(1, 4), para(title, "title")]
    if number:
        out.append(para(number, "number", "案号"))
    else:
        out.append(Spacer(1, 8))
    return out


def heading(text: str) -> Paragraph:
    return para(text, "h2")


def _table_style(extra: Iterable[tuple] = ()) -> TableStyle:
    return TableStyle([
        ("GRID", (0, 0), (-1, -1), GRID, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        *extra,
    ])


def field_table(rows: Sequence[Sequence[tuple[str, str | None]]], label_w: float = 2.6 * cm) -> Table:
    """A register form: each row is 1 or 2 (label, value) pairs; a single pair spans the full width."""
    pairs = max(len(r) for r in rows)
    value_w = (BODY_W - pairs * label_w) / pairs
    widths = [label_w, value_w] * pairs
    data, spans = [], []
    for y, row in enumerate(rows):
        cells: list[Flowable | str] = []
        for lab, value in row:
            cells += [para(lab, "label"), para(value or "", "cell", lab)]
        if len(row) < pairs:
            spans.append(("SPAN", (1 + 2 * (len(row) - 1), y), (-1, y)))
            cells += [""] * (2 * (pairs - len(row)))
        data.append(cells)
    shade = [("BACKGROUND", (2 * i, y), (2 * i, y), colors.Color(0.93, 0.93, 0.93))
             for y, row in enumerate(rows) for i in range(len(row))]
    return Table(data, colWidths=widths, style=_table_style(spans + shade), repeatRows=0)


def grid_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
               fields: Sequence[str] = ()) -> Table:
    """A ruled list with a bold header row that repeats on each page."""
    total = sum(widths)
    col_w = [BODY_W * w / total for w in widths]
    data = [[para(h, "label") for h in header]]
    for row in rows:
        data.append([para(v, "cell", fields[i] if i < len(fields) else header[i]) for i, v in enumerate(row)])
    return Table(data, colWidths=col_w, repeatRows=1,
                 style=_table_style([("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9))]))


def signature_lines(pairs: Sequence[tuple[str, str]], date_text: str = "") -> KeepTogether:
    """Right-hand signature lines such as 当事人（签名）：____ 日期."""
    data = [[para(lab, "body"), para(value or "", "body", lab)] for lab, value in pairs]
    if date_text:
        data.append(["", para(date_text, "body", "日期")])
    return KeepTogether([Table(data, colWidths=[BODY_W * 0.55, BODY_W * 0.45],
                               style=TableStyle([("ALIGN", (0, 0), (0, -1), "RIGHT"),
                                                 ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                                 ("TOPPADDING", (0, 0), (-1, -1), 9)]))])


def seal_block(unit_name: str, date_text: str, note: str = "（盖章）") -> KeepTogether:
    return KeepTogether([Spacer(1, 18), para(f"{unit_name}{note}", "right", "单位名称"),
                         Spacer(1, 4), para(date_text, "right", "日期")])


class Anchor(Flowable):
    """Invisible: records the page it lands on under `key` (for the contents list)."""

    def __init__(self, key: str, pages: dict[str, int]) -> None:
        super().__init__()
        self.key, self.pages = key, pages
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        self.pages.setdefault(self.key, self.canv.getPageNumber())


class FormRef(Flowable):
    """A placeholder drawn now and filled in when the whole document is laid out (page numbers)."""

    def __init__(self, name: str, width: float, height: float = 12) -> None:
        super().__init__()
        self.name, self.width, self.height = name, width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        self.canv.doForm(self.name)


def fill_form(c: Canvas, name: str, text: str, width: float, size: float = 10.5, align: str = "center",
              baseline: float = 2.5) -> None:
    """Define the form a FormRef shows: `text` placed in a box `width` wide (call from `finish`)."""
    c.beginForm(name)
    c.setFont(REGULAR, size)
    if align == "center":
        c.drawCentredString(width / 2, baseline, text)
    else:
        c.drawString(0, baseline, text)
    c.endForm()


def _make_canvas(meta: PageMeta, page_count: list[int], finish=None):  # noqa: ANN001, ANN202 - a Canvas subclass
    class NumberedCanvas(Canvas):
        """Holds the pages until the end so each can say how many there are in all."""

        def __init__(self, *args, **kwargs) -> None:
            kwargs["invariant"] = 1
            kwargs["initialFontName"] = REGULAR   # else an unembedded Helvetica is declared on every page
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []
            stamp = to_local(meta.as_of)
            text = "D:%04d%02d%02d%02d%02d%02d+08'00'" % (stamp.year, stamp.month, stamp.day, stamp.hour,
                                                          stamp.minute, stamp.second)
            self.setDateFormatter(lambda *_: text)
            self.setTitle(meta.title)
            self.setAuthor(meta.unit_name)
            self.setSubject(meta.subject or meta.case_no)
            self.setCreator("幸福号 fulian-desktop")
            self.setProducer("ReportLab")

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            page_count[0] = total
            if finish is not None:
                finish(self, total)
            for number, state in enumerate(self._saved, 1):
                self.__dict__.update(state)
                _furniture(self, meta, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _furniture(c: Canvas, meta: PageMeta, number: int, total: int) -> None:
    c.saveState()
    top = PAGE_H - TOP + 0.45 * cm
    c.setFont(REGULAR, 9.5)
    c.drawString(LEFT, top + 3, _safe(meta.unit_name))
    c.drawRightString(PAGE_W - RIGHT, top + 3, _safe(f"案号：{meta.case_no}"))
    c.setLineWidth(0.8)
    c.line(LEFT, top, PAGE_W - RIGHT, top)
    c.setLineWidth(0.4)
    c.line(LEFT, BOTTOM - 0.35 * cm, PAGE_W - RIGHT, BOTTOM - 0.35 * cm)
    c.setFont(REGULAR, 10)
    c.drawCentredString(LEFT + BODY_W / 2, BOTTOM - 0.95 * cm, f"第 {number} 页 共 {total} 页")
    c.restoreState()


def _safe(text: str) -> str:
    markup(text, "页眉")   # raises a clear error for a character no font has
    return text


def build_pdf(meta: PageMeta, story: list[Flowable], finish=None) -> tuple[bytes, int]:  # noqa: ANN001
    """Lay out the story; returns (pdf bytes, page count). `finish(canvas, total)` runs once the pages are
    known, before they are written: it defines the forms FormRef placeholders show."""
    register_fonts()
    buf = io.BytesIO()
    page_count = [0]
    doc = BaseDocTemplate(buf, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
                          bottomMargin=BOTTOM, title=meta.title, author=meta.unit_name, invariant=1,
                          pageCompression=1, initialFontName=REGULAR)
    frame = Frame(LEFT, BOTTOM, BODY_W, PAGE_H - TOP - BOTTOM, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_make_canvas(meta, page_count, finish))
    return buf.getvalue(), page_count[0]


__all__ = ["Anchor", "FormRef", "fill_form", "BODY_W", "KeepTogether", "PageBreak", "PageMeta", "Spacer", "bold",
           "build_pdf",
           "field_table", "grid_table", "heading", "para", "rich", "seal_block", "signature_lines", "style",
           "title_block"]
