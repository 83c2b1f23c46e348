"""The fonts every PDF uses, embedded as subsets: a Song body face and a heavy Song title face (FulianSong, Noto
Serif CJK SC converted to TrueType by scripts/make_fonts.py, all of GBK), Droid Sans Fallback for rare characters
outside it (CJK Extension A), and a clear error for a character no font has. Official papers are set in Song
(GB/T 9704); a handwriting face made digits and names look written by hand.

Also fixes ReportLab's CJK line breaking so Chinese closing punctuation never starts a line.
"""
from __future__ import annotations

import threading
import zlib
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import textsplit
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph, tables

from ..domain.errors import FulianError

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
REGULAR = "FulianSong"
BOLD = "FulianSong-Bold"        # the heavy Song of titles, headings and labels (小标宋's place)
FALLBACK = "FulianFallback"
_FILES = {REGULAR: "FulianSong-Regular.ttf", BOLD: "FulianSong-Bold.ttf", FALLBACK: "DroidSansFallbackFull.ttf"}

# Chinese (full-width) punctuation that must not begin a line, on top of ReportLab's own list.
EXTRA_CANNOT_START = "，。、；：？！…‥”’》〉」』】〕〗〙）］｝．·—～％‰℃" "\uff0c\uff1b\uff1a\uff1f\uff01"
EXTRA_CANNOT_END = "“‘《〈「『【〔〖〘（［｛"

_lock = threading.Lock()
_registered = False


class GlyphMissing(FulianError):
    code = "glyph_missing"


def register_fonts() -> tuple[str, str]:
    """Register the fonts with ReportLab once per process; returns (regular, bold) font names."""
    global _registered
    with _lock:
        if not _registered:
            for name, file in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
            pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
            _install_line_breaking()
            ttfonts.makeToUnicodeCMap = _to_unicode_cmap
            _install_width_cache()
            _install_table_cache()
            _install_subset_cache()
            from . import rl_speed
            rl_speed.install()
            # Plain-string table cells (even empty ones) otherwise select an unembedded Helvetica.
            tables.CellStyle.fontname = REGULAR
            _registered = True
    return REGULAR, BOLD


@lru_cache(maxsize=4)
def charmap(name: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


_MARKUP: dict[str, str] = {}    # only texts every character of which a font has: `field` matters only for errors


def markup(text: str | None, field: str = "") -> str:
    """Paragraph markup for plain text: escaped, newlines as <br/>, and every run of characters the main
    font lacks set in the fallback font. Raises GlyphMissing naming the character and `field` when no
    shipped font has it, so a rare name character is never silently dropped or printed as a box."""
    if not text:
        return ""
    done = _MARKUP.get(text)
    if done is not None:          # labels, headings and notices recur in every paper of a batch
        return done
    main, fallback = charmap(REGULAR), charmap(FALLBACK)
    out: list[str] = []
    run: list[str] = []
    for ch in text.replace("\r\n", "\n"):
        code = ord(ch)
        if ch == "\n":
            _flush(out, run)
            out.append("<br/>")
        elif code in main or ch in " \t":
            run.append(ch)
        elif code in fallback:
            _flush(out, run)
            out.append(f'<font name="{FALLBACK}">{escape(ch)}</font>')
        elif code < 0x20 or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or code in (0x200B, 0x200D, 0xFEFF):
            continue  # control characters and variation selectors: nothing to print
        else:
            where = f"“{field}”中的" if field else ""
            raise GlyphMissing(
                f"{where}字符“{ch}”（U+{code:04X}）在所附字库中没有字形，无法打印。"
                "请在该项中改用通用字或加注说明后再打印。", field=field or None)
    _flush(out, run)
    result = "".join(out)
    if len(_MARKUP) < 50_000:
        _MARKUP[text] = result
    return result


def _flush(out: list[str], run: list[str]) -> None:
    if run:
        out.append(escape("".join(run)))
        run.clear()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map with each target in UTF-16BE: its own writes U+20BB7 as five hex digits,
    which readers take as U+20BB, so copying or searching a name with 𠮷 would give the wrong character."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        "<00> <%02X>" % (len(subset) - 1), "endcodespacerange", "%d beginbfchar" % len(subset),
        *("<%02X> <%s>" % (i, _utf16_hex(v)) for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


@lru_cache(maxsize=100_000)
def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


def _install_width_cache() -> None:
    """Line breaking measures Chinese text one character at a time (tens of thousands of calls for a case
    file): remember each (text, font, size) width. Widths never change once a font is registered."""
    measure = pdfmetrics.stringWidth

    @lru_cache(maxsize=200_000)
    def cached(text: str, fontName: str, fontSize: float, encoding: str = "utf8") -> float:  # noqa: N803
        return measure(text, fontName, fontSize, encoding)

    paragraph.stringWidth = cached
    textsplit.stringWidth = cached


def _install_table_cache() -> None:
    """Each embedded subset re-reads font tables, slicing the 15 MB glyph table anew every time (a copy):
    keep the slices per font file; they are immutable bytes."""
    if getattr(ttfonts.TTFontFile, "_fulian_cached", False):
        return
    original = ttfonts.TTFontFile.get_table

    def get_table(self, tag):  # noqa: ANN001, ANN202 - ReportLab's signature
        cache = self.__dict__.setdefault("_fulian_tables", {})
        if tag not in cache:
            cache[tag] = original(self, tag)
        return cache[tag]

    ttfonts.TTFontFile.get_table = get_table
    ttfonts.TTFontFile._fulian_cached = True


_SUBSETS: dict[tuple[str, tuple[int, ...]], bytes] = {}
# Streams of 16 KB and more (the embedded font programs: glyph outlines, dense data that deflate barely shrinks)
# are compressed at zlib's fastest level: twice as fast as its default for 5 % more bytes. They inflate to the
# same bytes, so every page shows the same (tests/unit/test_reportlab_speed.py). Page contents keep the default.
FONT_LEVEL = 1
_COMPRESSED: dict[bytes, bytes] = {}


def _install_subset_cache() -> None:
    """A batch prints the same headings, labels and notices again and again, so each document embeds much the same
    font subsets: making a subset walks the 15 MB glyph table and compressing it costs as much again. Keep the
    recent subsets and their compressed streams (bounded); the bytes are the same as made afresh."""
    if getattr(ttfonts.TTFontFace, "_fulian_subsets", False):
        return
    make = ttfonts.TTFontFace.makeSubset

    def make_subset(self, subset):  # noqa: ANN001, ANN202 - ReportLab's signature
        key = (self.filename, tuple(subset))
        data = _SUBSETS.get(key)
        if data is None:
            data = make(self, subset)
            if len(_SUBSETS) >= 64:
                _SUBSETS.pop(next(iter(_SUBSETS)))
            _SUBSETS[key] = data
        return data

    encode = pdfdoc.PDFStreamFilterZCompress.encode

    def compress(self, text):  # noqa: ANN001, ANN202
        if len(text) < 16_384:        # page contents: cheap, and rarely the same twice
            return encode(self, text)
        raw = text.encode("utf8") if isinstance(text, str) else bytes(text)
        out = _COMPRESSED.get(raw)
        if out is None:
            out = zlib.compress(raw, FONT_LEVEL)
            if len(_COMPRESSED) >= 64:
                _COMPRESSED.pop(next(iter(_COMPRESSED)))
            _COMPRESSED[raw] = out
        return out

    ttfonts.TTFontFace.makeSubset = make_subset
    pdfdoc.PDFStreamFilterZCompress.encode = compress
    ttfonts.TTFontFace._fulian_subsets = True


def _install_line_breaking() -> None:
    """ReportLab hangs at most one cannot-start character and its list lacks ，；：？！”》 …: extend the list
    and replace the splitter with one that also moves the break back when punctuation would lead a line."""
    extra = "".join(ch for ch in EXTRA_CANNOT_START if ch not in textsplit.ALL_CANNOT_START)
    textsplit.ALL_CANNOT_START += extra
    paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
    paragraph.cjkFragSplit = _cjk_frag_split
    paragraph.wordSplit = _word_split


def _cannot_start(ch: str) -> bool:
    return ch in textsplit.ALL_CANNOT_START


def _cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """ReportLab's cjkFragSplit with kinsoku done properly: after the overflow, hang one closing mark in
    the margin; if the next line would still start with punctuation, carry the last character of this
    line down with it; never end a line on an opening bracket or quote."""
    cjkU, make_line = paragraph.cjkU, paragraph.makeCJKParaLine
    U = []
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        if text:
            U.extend(cjkU(t, f, encoding) for t in text)
        else:
            U.append(cjkU(text, f, encoding))
    lines = []
    i = used = start = 0
    max_width = maxWidths[0]
    n = len(U)
    while i < n:
        u = U[i]
        i += 1
        used += u.width
        line_break = hasattr(u.frag, "lineBreak")
        if not ((used > max_width + 1e-8 and used > 0) or line_break):
            continue
        if not line_break:
            k = _break_at(U, start, i - 1)
            i = k
        line = U[start:i]
        width = sum(x.width for x in line)
        lines.append(make_line(line, max_width, width, max_width - width, line_break, calcBounds))
        max_width = maxWidths[min(len(lines), len(maxWidths) - 1)]
        start, used = i, 0
    if used > 0 or start < n:
        line = U[start:]
        width = sum(x.width for x in line)
        if line:
            lines.append(make_line(line, max_width, width, max_width - width, False, calcBounds))
    return paragraph.ParaLines(kind=1, lines=lines)


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _word_split(word, maxWidths, fontName, fontSize, encoding="utf8"):  # noqa: ANN001, ANN201, N803
    """The one-style paragraph's splitter, with the same rules: [(extra space, line text), ...]."""
    text = word.decode(encoding) if isinstance(word, bytes) else word
    table = _WIDTHS.get((fontName, fontSize))
    if table is None:
        table = _WIDTHS[(fontName, fontSize)] = {}
    widths = []
    for ch in text:   # the same floats ReportLab gives, looked up once per character, font and size
        w = table.get(ch)
        if w is None:
            w = table[ch] = paragraph.stringWidth(ch, fontName, fontSize)
        widths.append(w)
    lines = []
    start = used = 0
    max_width = maxWidths[0]
    i, n = 0, len(text)
    while i < n:
        used += widths[i]
        i += 1
        if used > max_width + 1e-8 and i - 1 > start:
            k = _break_at(text, start, i - 1)
            lines.append((max_width - sum(widths[start:k]), text[start:k]))
            max_width = maxWidths[min(len(lines), len(maxWidths) - 1)]
            start = i = k
            used = 0
    if start < n or not lines:
        lines.append((max_width - sum(widths[start:]), text[start:]))
    return lines


def _break_at(U, start: int, over: int) -> int:
    """Where the next line starts, given that U[over] did not fit on the line that began at `start`."""
    k = over
    if k > start and k < len(U) and _cannot_start(U[k]):
        k += 1                                    # hang one closing mark in the margin
    while k < len(U) and _cannot_start(U[k]) and k - 1 > start:
        k -= 1                                    # carry characters down so punctuation does not lead
    while k - 1 > start and U[k - 1] in EXTRA_CANNOT_END:
        k -= 1                                    # an opening quote or bracket goes with what follows
    if k <= start:
        k = start + 1                             # always progress
    if over > start and U[over - 1] and ord(U[over]) < 0x3000 and not U[over].isspace():
        k = _latin_word_start(U, start, k)
    return k


def _latin_word_start(U, start: int, k: int) -> int:
    """Inside a Latin word or number, break before the word instead of through it (when it is short)."""
    j = k
    while j - 1 > start and ord(U[j - 1]) < 0x3000 and not U[j - 1].isspace() and k - j < 20:
        j -= 1
    return j if j > start + 1 else k
