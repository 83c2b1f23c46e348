"""The look shared by every paper: A4 with the margins of GB/T 9704 (top 37 mm, binding side 28 mm, a text area
of 156 × 225 mm), the issuing unit and case number above the text area and "第 X 页 共 Y 页" below it, ruled tables,
and deterministic output.

Two sheets of type sizes: letters and notices (告知书, 意见书, 函) follow GB/T 9704 (title 2号 in the heavy Song,
body 3号 on a 22-line × 28-character grid); forms and records follow the Ministry of Justice's 人民调解 document
formats (title 2号, body 小四, tables 五号). A builder runs under `sheet(...)`; the styles it takes are that sheet's.

Signature and seal blocks (`signature_lines`, `seal_block`) are blank lines to sign with the printed name beside
them, and `build_pdf` binds each to the paragraph before it, so a block never stands alone at a page top.

`build_pdf` returns the bytes and the page on which each `Anchor` landed (for the case file's contents).
"""
from __future__ import annotations

import base64
import hashlib
import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, KeepTogether, PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle,
)

from ..domain.localtime import to_local
from .fonts import BOLD, REGULAR, markup, register_fonts

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 28 * mm, 26 * mm, 37 * mm, 35 * mm   # GB/T 9704: left is the binding side
BODY_W = PAGE_W - LEFT - RIGHT          # 156 mm
BODY_H = PAGE_H - TOP - BOTTOM          # 225 mm
GRID = 0.6

# Chinese type sizes (号) in points, as the traditional scale gives them.
SIZE_2, SIZE_3, SIZE_4, SIZE_S4, SIZE_5 = 22.0, 15.75, 14.0, 12.0, 10.5
LETTER_LINES = 22                      # GB/T 9704: 22 lines of 28 characters in the text area
LETTER_LEADING = round(BODY_H / LETTER_LINES - 0.05, 2)   # a hair less: 22 lines always fit

FORM, LETTER = "form", "letter"
_sheet: ContextVar[str] = ContextVar("fulian_sheet", default=FORM)


@contextmanager
def sheet(name: str) -> Iterator[None]:
    """Styles taken inside the block are those of `name` (FORM or LETTER)."""
    token = _sheet.set(name)
    try:
        yield
    finally:
        _sheet.reset(token)


@dataclass(frozen=True)
class PageMeta:
    unit_name: str
    case_no: str
    title: str
    as_of: datetime          # the PDF's creation date: from the case data, never the clock
    subject: str = ""


def _styles(body: float, leading: float, h2: float, cell: float, small: float) -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=body, leading=leading, wordWrap="CJK",
                          alignment=TA_JUSTIFY)
    cell_leading = round(cell * 1.5, 1)
    return {
        "body": base,
        "prose": ParagraphStyle("prose", parent=base, firstLineIndent=2 * body),    # two characters
        "indented": ParagraphStyle("indented", parent=base, leftIndent=2 * body),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=SIZE_2, leading=SIZE_2 * 1.5,
                                alignment=TA_CENTER, spaceAfter=4),
        "unit": ParagraphStyle("unit", parent=base, fontName=BOLD, fontSize=SIZE_3, leading=SIZE_3 * 1.5,
                               alignment=TA_CENTER),
        "number": ParagraphStyle("number", parent=base, fontSize=min(body, SIZE_4), leading=min(body, SIZE_4) * 1.6,
                                 alignment=TA_CENTER, spaceAfter=10),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=h2, leading=max(leading, h2 * 1.5),
                             spaceBefore=6, spaceAfter=2, alignment=TA_LEFT, keepWithNext=1),  # never alone at a foot
        "cell": ParagraphStyle("cell", parent=base, fontSize=cell, leading=cell_leading, alignment=TA_LEFT),
        "label": ParagraphStyle("label", parent=base, fontName=BOLD, fontSize=cell, leading=cell_leading,
                                alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=small, leading=round(small * 1.45, 1)),
        "sign_name": ParagraphStyle("sign_name", parent=base, fontSize=small, leading=round(small * 1.45, 1),
                                    alignment=TA_LEFT),
        "cover_title": ParagraphStyle("cover_title", parent=base, fontName=BOLD, fontSize=36, leading=50,
                                      alignment=TA_CENTER),
        "cover_line": ParagraphStyle("cover_line", parent=base, fontSize=SIZE_3, leading=30),
    }


_STYLES: dict[str, dict[str, ParagraphStyle]] = {}


def style(name: str) -> ParagraphStyle:
    """The style `name` of the current sheet."""
    which = _sheet.get()
    styles = _STYLES.get(which)
    if styles is None:
        styles = (_styles(SIZE_3, LETTER_LEADING, SIZE_3, SIZE_S4, SIZE_S4) if which == LETTER
                  else _styles(SIZE_S4, 21, SIZE_4, SIZE_5, SIZE_5))
        _STYLES[which] = styles
    return styles[name]


_PARSED: dict[tuple[str, str, str], list] = {}


def para(text: str | None, kind: str = "body", field: str = "") -> Paragraph:
    """A paragraph of plain text (escaped; rare characters in the fallback font; `field` names it in errors).
    Parsing markup is a third of the time of a case file and most texts recur (labels, headings, notices):
    the parsed fragments are reused, which ReportLab allows (a Paragraph never changes its frags)."""
    fragment = markup(text or "", field)
    key = (fragment, kind, _sheet.get())
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


class Closing(KeepTogether):
    """A signature or seal block: `build_pdf` binds it to the text it closes (see `bind_closings`)."""


def signature_lines(pairs: Sequence[tuple[str, str]], date_text: str = "") -> Closing:
    """Lines to sign by hand: "当事人（签名/按指印）：________（李子怡）". The line stays blank; the printed name, when
    known, stands beside it so the signer and the reader know whose line it is."""
    rows: list[list[Flowable | str]] = []
    for lab, value in pairs:
        name = (value or "").strip()
        rows.append([para(lab, "right"), "", para(f"（{name}）" if name else "", "sign_name", lab)])
    spans = []
    if date_text:
        rows.append(["", para(date_text, "right", "日期"), ""])
        spans.append(("SPAN", (1, len(rows) - 1), (2, len(rows) - 1)))
    lined = len(pairs)
    table = Table(rows, colWidths=[BODY_W * 0.47, BODY_W * 0.30, BODY_W * 0.23], hAlign="RIGHT",
                  style=TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                                    ("TOPPADDING", (0, 0), (-1, -1), 16), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                                    *([("LINEBELOW", (1, 0), (1, lined - 1), 0.6, colors.black)] if lined else []),
                                    *spans]))
    return Closing([table])


def seal_block(unit_name: str, date_text: str, note: str = "（盖章）") -> Closing:
    """The issuing unit and the date at the right, with room above for the seal that covers them."""
    return Closing([Spacer(1, 2 * style("body").leading), para(f"{unit_name}{note}", "right", "单位名称"),
                    para(date_text, "right", "日期")])


class _Bound(KeepTogether):
    """Text and the signature or seal blocks that close it, kept on one page."""

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803
        """Measured as ReportLab does, without its deep copy of the page frame on every measure: the copy is there
        to catch content that flowables generate while measured, and paragraphs, tables and spaces make none."""
        doc = getattr(self.canv, "_doctemplate", None)
        frame = getattr(doc, "frame", None)
        if frame is None:
            return super().wrap(aW, aH)
        doc.frame = None
        try:
            return super().wrap(aW, aH)
        finally:
            doc.frame = frame


def bind_closings(story: Sequence[Flowable]) -> list[Flowable]:
    """Each signature or seal block (any KeepTogether a paper ends with) goes with the paragraph or small table
    before it, and with the blocks and spaces between: a block never starts a page alone. Content taller than a
    page still splits (ReportLab's KeepTogether does). The group is one flat KeepTogether: a KeepTogether inside
    another measures as infinitely tall (it forces its own split), which would push the whole group to a new page."""
    out: list[Flowable] = []
    for f in story:
        if not isinstance(f, KeepTogether) or isinstance(f, _Bound):
            out.append(f)
            continue
        group: list[Flowable] = _flat(f)
        has_text = False
        while out and isinstance(out[-1], (Spacer, KeepTogether)):
            last = out.pop()
            has_text = has_text or isinstance(last, _Bound)
            group[:0] = _flat(last)
        if not has_text and out and isinstance(out[-1], (Paragraph, Table)):
            group.insert(0, out.pop())
            while out and isinstance(out[-1], Paragraph) and out[-1].getKeepWithNext():
                group.insert(0, out.pop())     # a heading over that text comes along (else it stays behind alone)
        out.append(_Bound(group))
    return out


def _flat(f: Flowable) -> list[Flowable]:
    if isinstance(f, KeepTogether):
        return [g for part in f._content for g in _flat(part)]   # noqa: SLF001 - ReportLab keeps no public copy
    return [f]


class BarePage(Flowable):
    """Invisible: the page it lands on gets no header and no page number (a cover, a back cover)."""

    def __init__(self) -> None:
        super().__init__()
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        bare = getattr(self.canv, "bare_pages", None)
        if bare is not None:
            bare.add(self.canv.getPageNumber())


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
            self.bare_pages: set[int] = set()
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
            code = paper_code(content_digest(state.get("_code", ()) for number, state in enumerate(self._saved, 1)
                                             if number not in self.bare_pages))
            self.setKeywords(f"{CODE_MARK}{code}")
            _define_code_form(self, code)
            for number, state in enumerate(self._saved, 1):
                self.__dict__.update(state)
                if number not in self.bare_pages:
                    _furniture(self, meta, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _furniture(c: Canvas, meta: PageMeta, number: int, total: int) -> None:
    """The unit and case number above the text area, the page number 7 mm below it (GB/T 9704's place)."""
    c.saveState()
    top = PAGE_H - TOP + 6 * mm
    c.setFont(REGULAR, SIZE_5)
    c.drawString(LEFT, top + 3, _safe(meta.unit_name))
    c.drawRightString(PAGE_W - RIGHT, top + 3, _safe(f"案号：{meta.case_no}"))
    c.setLineWidth(0.8)
    c.line(LEFT, top, PAGE_W - RIGHT, top)
    c.setFont(REGULAR, SIZE_5)
    c.drawCentredString(LEFT + BODY_W / 2, BOTTOM - 7 * mm - SIZE_5 * 0.8, f"第 {number} 页 共 {total} 页")
    c.doForm(CODE_FORM)
    c.restoreState()


# The verification code: a digest of what the pages show (their content streams, before this footer), so the same
# data gives the same code and any change to the text gives another. It says nothing about the people in the case.
CODE_MARK = "FULIAN-VERIFY:"      # in the PDF's Keywords, where `fulian verify` reads it back
CODE_FORM = "FulianVerifyCode"
QR_SIZE = 15 * mm


def content_digest(pages: Iterable[Iterable[str]]) -> bytes:
    """sha256 over each page's content stream operators, in page order (cheap: the streams are in memory)."""
    h = hashlib.sha256(b"fulian-paper-content-v1")
    for code in pages:
        body = "\n".join(code).encode("utf-8", "surrogatepass")
        h.update(len(body).to_bytes(8, "big"))
        h.update(body)
    return h.digest()


def paper_code(digest: bytes) -> str:
    """16 base32 characters (80 bits) of the digest: short enough to type, too long to guess."""
    return base64.b32encode(digest[:10]).decode("ascii")


def group_code(code: str) -> str:
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def _define_code_form(c: Canvas, code: str) -> None:
    """The code and its QR at the foot of each page, drawn once and shown by reference on every page. The QR's
    modules are drawn as one filled path (renderPDF would declare an unembedded Helvetica in the form)."""
    from reportlab.graphics.barcode import qrencoder

    c.beginForm(CODE_FORM)
    base = BOTTOM - 7 * mm - SIZE_5 * 0.8
    c.setFont(REGULAR, 8)
    c.drawString(LEFT, base, f"核验码 {group_code(code)}")
    # Alphanumeric mode (the text is upper case, digits, "-" and ":"): version 2, 25 modules. Mask 0 is as valid as
    # the other seven; searching for the best of them costs 20 ms a paper, five times the whole QR.
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(qrencoder.QRAlphaNum(f"{CODE_MARK}{code}"))
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 0)
    box = QR_SIZE / (qr.getModuleCount() + 2)          # a quiet zone of one module on each side
    left, top = PAGE_W - RIGHT - QR_SIZE + box, base + 3 * mm - box
    path = c.beginPath()
    for r, row in enumerate(qr.modules):
        for col, dark in enumerate(row):
            if dark:
                path.rect(left + col * box, top - (r + 1) * box, box, box)
    c.drawPath(path, stroke=0, fill=1)
    c.endForm()


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
    doc.build(bind_closings(story), canvasmaker=_make_canvas(meta, page_count, finish))
    return buf.getvalue(), page_count[0]


__all__ = ["CODE_MARK", "Anchor", "BarePage", "Closing", "FORM", "LETTER", "FormRef", "bind_closings", "sheet", "fill_form", "BODY_W", "KeepTogether", "PageBreak", "PageMeta", "Spacer", "bold",
           "build_pdf", "content_digest", "group_code", "paper_code",
           "field_table", "grid_table", "heading", "para", "rich", "seal_block", "signature_lines", "style",
           "title_block"]
