"""ReportLab work a document repeats for nothing, done once. Every patch here gives the same bytes as ReportLab's
own code (tests/unit/test_reportlab_patches.py pins the internals they stand in for); none keeps anything from
one document for another except what is the same for every document.
"""
from __future__ import annotations

import re
import sys
from array import array
from typing import Any
from collections.abc import Callable
from functools import lru_cache
from operator import itemgetter

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import fp_str, sameFrag
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfgen import canvas, textobject
from reportlab.platypus import flowables, paragraph

_installed = False


def install() -> None:
    """Once per process (from fonts.register_fonts, under its lock)."""
    global _installed
    if not _installed:
        _install_wrap_memo()
        _install_plain_format()
        _install_text_out()
        _install_cjk_lines()
        _install_state_stack()
        _install_spacing()
        _install_plain_para_draw()
        _installed = True


def _install_wrap_memo() -> None:
    """A paragraph is wrapped two to four times at the same width (a table measures its cells, then measures them
    again to draw them; a kept-together block is measured, then each part is placed): its lines depend only on
    its own text, style and that width, so the second time gives back what the first worked out. The memo lives
    on the paragraph object (one document's), and holds only while its lines are the ones that wrap made (a split
    that found no room drops them)."""
    wrap = paragraph.Paragraph.wrap

    def memo_wrap(self: Any, availWidth: float, availHeight: float) -> Any:  # noqa: N803 - ReportLab's names
        memo = self.__dict__.get("_fulian_wrap")
        if memo is not None and memo[0] == availWidth and memo[1] is self.__dict__.get("blPara"):
            self.width = availWidth
            self.height = memo[2]
            return availWidth, memo[2]
        result = wrap(self, availWidth, availHeight)
        if availWidth >= paragraph._FUZZ and "blPara" in self.__dict__:   # noqa: SLF001 - ReportLab's limit
            self._fulian_wrap = (availWidth, self.blPara, self.height)
        return result

    paragraph.Paragraph.wrap = memo_wrap


# PDFDocEncoding is ASCII except at 0x18-0x1F (which it gives to accents): ASCII text without those bytes encodes
# to the same bytes by the ASCII codec, in C, as ReportLab's table-driven codec gives one character at a time.
_NOT_PLAIN = re.compile("[\x18-\x1f]")


def _install_plain_format() -> None:
    """Writing the PDF formats a few thousand numbers and names (font widths, boxes, dictionaries), each through
    the table-driven PDFDocEncoding codec: numbers and plain ASCII names are encoded directly instead."""
    general = pdfdoc.format

    def fast_format(element: Any, document: Any, toplevel: int = 0) -> Any:
        kind = type(element)
        if kind is int or kind is float:
            return fp_str(element).encode("ascii")
        if kind is str and element.isascii() and not _NOT_PLAIN.search(element):
            return element.encode("ascii")
        if kind is bytes:
            return element
        return general(element, document, toplevel)

    pdfdoc.format = fast_format
    pdfdoc.PDFName = lru_cache(maxsize=4096)(pdfdoc.PDFName)   # dictionary keys: Type, Font, MediaBox …


_BIG_ENDIAN = sys.byteorder == "big"
_RUNS = re.compile(rb"(.)\1*", re.S)      # runs of one subset


def _install_text_out() -> None:
    """Each line of text is mapped to the embedded subsets' codes one character at a time. Once every character of
    a line has its code, the codes are looked up in one go and cut where the subset changes; ReportLab's own path
    assigns the codes of characters seen for the first time (in the same order), and keeps lines with a no-break
    space or a character no font has."""
    split = ttfonts.TTFont.splitString

    def split_string(self: Any, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        if text.__class__ is str and text and "\xa0" not in text:
            state = self.state.get(doc)
            if state is not None and len(state.subsets) < 256:     # codes fit two bytes
                assigned = state.assignments
                look = assigned.__getitem__
                try:
                    codes = list(map(look, map(ord, text)))
                except KeyError:
                    # ReportLab gives codes in order of first sight: its own path over just the new characters
                    # assigns what it would over the whole line; a character no font has keeps its own path
                    split(self, "".join(dict.fromkeys(ch for ch in text if ord(ch) not in assigned)), doc, encoding)
                    try:
                        codes = list(map(look, map(ord, text)))
                    except KeyError:
                        return split(self, text, doc, encoding)
                pairs = array("H", codes)          # each code as (low byte, subset) pairs, cut apart in C
                if _BIG_ENDIAN:
                    pairs.byteswap()
                raw = pairs.tobytes()
                low, subsets = raw[0::2], raw[1::2]
                if subsets.count(subsets[:1]) == len(subsets):
                    return [(subsets[0], low)]
                return [(run.group()[0], low[run.start():run.end()]) for run in _RUNS.finditer(subsets)]
        return split(self, text, doc, encoding)

    ttfonts.TTFont.splitString = split_string

    formatted = textobject.PDFTextObject._formatText
    get_font = pdfmetrics.getFont

    def format_text(self: Any, text: Any) -> Any:
        """ReportLab's _formatText for a TrueType font and unshaped text (what every paper prints)."""
        font = get_font(self._fontname)
        if not font._dynamicFont or isinstance(text, ttfonts.ShapedStr):   # noqa: SLF001
            return formatted(self, text)
        canv = self._canvas
        doc = canv._doc   # noqa: SLF001
        out = []
        head = None
        names: dict[tuple[str, int], str] = {}
        for subset, chunk in font.splitString(text, doc):
            if subset != self._curSubset:     # a line often switches subsets several times
                if head is None:
                    head = f"{fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
                    names = doc.__dict__.setdefault("_fulian_subset_names", {})   # this document's, as its codes
                name = names.get((font.fontName, subset))
                if name is None:   # asked once: the first time also enters the font in the document
                    name = names[(font.fontName, subset)] = font.getSubsetInternalName(subset, doc)
                out.append(f"{name} {head}")
                self._curSubset = subset
            out.append(f"({canv._escape(chunk)}) Tj")   # noqa: SLF001
        return " ".join(out)

    textobject.PDFTextObject._formatText = format_text


def _install_cjk_lines() -> None:
    """A CJK line is built from one entry per character; consecutive characters of one fragment share its font
    (so its ascent and descent) and always join the same word, so each run of them is looked at once. Lines with
    inline images (their own bounds) take ReportLab's path."""
    make = paragraph.makeCJKParaLine
    frag_line = paragraph.FragLine
    ascent_descent = pdfmetrics.getAscentDescent

    def make_line(U: Any, maxWidth: Any, widthUsed: Any, extraSpace: Any, lineBreak: Any,  # noqa: N803
                  calcBounds: Any) -> Any:  # noqa: N803 - ReportLab's names
        words = []
        chars: list[Any] = []
        f0 = frag_line()
        max_size = max_ascent = min_descent = 0
        last = None
        check = True
        for u in U:
            f = u._frag   # noqa: SLF001 - cjkU keeps its fragment there
            if f is not last:
                if calcBounds and getattr(getattr(f, "cbDefn", None), "width", 0):
                    return make(U, maxWidth, widthUsed, extraSpace, lineBreak, calcBounds)
                last = f
                size = f.fontSize
                ascent, descent = ascent_descent(f.fontName, size)
                max_size = max(max_size, size)
                max_ascent = max(max_ascent, ascent)
                min_descent = min(min_descent, descent)
                special = hasattr(f, "cbDefn") or hasattr(f, "lineBreak")   # never the same as anything
                check = True
            if check:
                if not sameFrag(f0, f):
                    f0 = f0.clone()
                    f0.text = "".join(chars)
                    words.append(f0)
                    chars = []
                    f0 = f
                check = special
            chars.append(u)
        if chars:
            f0 = f0.clone()
            f0.text = "".join(chars)
            words.append(f0)
        return frag_line(kind=1, extraSpace=extraSpace, wordCount=1, words=words[1:], fontSize=max_size,
                         ascent=max_ascent, descent=min_descent, maxWidth=maxWidth, currentWidth=widthUsed,
                         lineBreak=lineBreak)

    paragraph.makeCJKParaLine = make_line


def _install_state_stack() -> None:
    """saveState copies the canvas's graphics state (23 attributes) for every paragraph and table cell: kept as a
    tuple (taken in C) rather than a dictionary, and put back from it."""
    names = canvas.Canvas.STATE_ATTRIBUTES
    take = itemgetter(*names)
    push, pop = canvas.Canvas.push_state_stack, canvas.Canvas.pop_state_stack

    def push_state_stack(self: Any) -> None:
        if self.STATE_ATTRIBUTES is not names:
            push(self)
            return
        self.state_stack.append(take(self.__dict__))
        self._extgstate = self._extgstate.pushCopy()

    def pop_state_stack(self: Any) -> None:
        if self.STATE_ATTRIBUTES is not names:
            pop(self)
            return
        self.__dict__.update(zip(names, self.state_stack.pop()))

    canvas.Canvas.push_state_stack = push_state_stack
    canvas.Canvas.pop_state_stack = pop_state_stack


_NONE = object()


def _install_spacing() -> None:
    """Flowable.getSpaceBefore/After (asked thousands of times a document) with one look-up instead of two."""

    def space(name: str) -> Callable[[Any], Any]:
        def get(self: Any) -> Any:
            value = getattr(self, name, _NONE)
            if value is not _NONE:
                return value
            style = getattr(self, "style", _NONE)
            if style is not _NONE:
                value = getattr(style, name, _NONE)
                if value is not _NONE:
                    return value
            return 0
        return get

    flowables.Flowable.getSpaceBefore = space("spaceBefore")
    flowables.Flowable.getSpaceAfter = space("spaceAfter")


def _td(code: list[str], dx: float) -> None:
    """PDFTextObject.setXPos(dx) on a text object's code, as ReportLab writes it: a move right after another move
    is merged with it (from the printed numbers, as ReportLab reads them back). The cursor position it also keeps
    is never printed."""
    if dx > 1e-6 or dx < -1e-6:
        dy: float = 0
        last = code[-1]
        if last.endswith(" Td"):
            parts = last.split()
            if len(parts) == 3:
                del code[-1]
            else:
                code[-1] = "".join(parts[:-4])
            dx += float(parts[-3])
            dy -= float(parts[-2])
        code.append(f"{fp_str(dx, -dy)} Td")


def _install_plain_para_draw() -> None:
    """Nearly every paragraph is one run of text in one font (kind 0): ReportLab draws each line through a line
    function, a text-object move before and after, and its own checks per line. Such a paragraph (no bullet,
    border, background, underline or link; not right-to-left) is drawn here with the same operators in the same
    order; a line that needs word spacing (a justified line with spaces, an overfull line) takes ReportLab's own
    line function on the same text object."""
    draw = paragraph.Paragraph.drawPara
    plain_class = paragraph.Paragraph

    def draw_para(self: Any, debug: int = 0) -> Any:
        style = self.style
        blPara = self.blPara  # noqa: N806 - ReportLab's name
        lines = blPara.lines
        if (debug or blPara.kind != 0 or self.__class__ is not plain_class or not lines or self.bulletText
                or style.backColor or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None))
                or getattr(blPara, "us_lines", True) or getattr(blPara, "link", True)
                or style.wordWrap in ("LTR", "RTL")
                or getattr(self, "_offsets", None) is not None):
            return draw(self, debug)
        alignment = style.alignment
        if alignment == TA_LEFT:
            line_out, share = paragraph._leftDrawParaLine, 0.0   # noqa: SLF001 - ReportLab's line functions
        elif alignment == TA_CENTER:
            line_out, share = paragraph._centerDrawParaLine, 0.5   # noqa: SLF001
        elif alignment == TA_RIGHT:
            line_out, share = paragraph._rightDrawParaLine, 1.0   # noqa: SLF001
        elif alignment == TA_JUSTIFY:
            line_out, share = paragraph._justifyDrawParaLine, 0.0   # noqa: SLF001
        else:
            return draw(self, debug)
        canvas = self.canv
        leading = style.leading
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        canvas.saveState()
        offset = style.firstLineIndent
        lim = len(lines) - 1
        no_justify_last = not getattr(self, "_JustifyLast", False)
        jllwc = style.justifyLastLine
        f = blPara
        if paragraph.paraFontSizeHeightOffset:
            cur_y = self.height - f.fontSize
        else:
            cur_y = self.height - getattr(f, "ascent", f.fontSize)
        canvas.setFillColor(f.textColor)
        tx = self.beginText(style.leftIndent, cur_y)
        tx.preformatted = False
        if auto_leading == "max":
            leading = max(leading, blPara.ascent - blPara.descent)
        elif auto_leading == "min":
            leading = blPara.ascent - blPara.descent
        tx.direction = style.wordWrap
        tx.setFont(f.fontName, f.fontSize, leading)
        code = tx._code   # noqa: SLF001 - the text object's operators
        text_of = tx._formatText   # noqa: SLF001
        justify = alignment == TA_JUSTIFY
        for i, (extra, words) in enumerate(lines):
            last = no_justify_last and i == lim
            if last and jllwc and len(words) > jllwc:
                last = False
            text = words[0] if len(words) == 1 else " ".join(words)
            if justify:
                plain = -1e-8 < extra <= 1e-8 or (last and extra > -1e-8) or (len(words) == 1 and "\xa0" not in text)
                move = offset
            else:
                plain = extra > -1e-8
                move = offset + share * extra
            if plain:
                _td(code, move)
                code.append(f"{text_of(text)} T*")
                _td(code, -move)
            else:
                line_out(tx, offset, extra, words, last)
            offset = 0
        canvas.drawText(tx)
        canvas.restoreState()

    paragraph.Paragraph.drawPara = draw_para
