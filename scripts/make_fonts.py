"""Make the Song faces the papers are set in: resources/fonts/FulianSong-{Regular,Bold}.ttf.

Why: official papers are set in a Song body with a heavy Song title (GB/T 9704). The free Song face of good
quality is Noto Serif CJK SC (SIL OFL 1.1), but it ships with CFF outlines, which ReportLab cannot embed. This
script takes Debian's copy (package fonts-noto-cjk), keeps the characters of GBK and every other CJK ideograph it has
(so rare name characters such as 堃 喆 䶮 𠮷 stay in the same face), Latin, and the punctuation the papers
use, converts the outlines to TrueType quadratics (cu2qu) and renames the family (the OFL's reserved name
"Source" must not name a modified version). Characters outside the subset still print in the fallback face.

Run once when the source font changes (needs fontTools, not a runtime dependency):
    apt-get install fonts-noto-cjk && pip install fonttools && python scripts/make_fonts.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

SOURCE = Path("/usr/share/fonts/opentype/noto")
OUT = Path(__file__).resolve().parents[1] / "resources" / "fonts"
FACES = {"Regular": "NotoSerifCJK-Regular.ttc", "Bold": "NotoSerifCJK-Bold.ttc"}
FAMILY = "FulianSong"
SC_INDEX = 2          # the collection's Simplified Chinese member


def characters() -> set[int]:
    """GBK's characters, every other CJK ideograph the face has (Extension A, B and on: rare name characters such as
    䶮 and 𠮷), ASCII and Latin-1, general punctuation, CJK symbols, full-width forms."""
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))
    chars |= set(range(0x2E80, 0x2FE0)) | set(range(0x3400, 0x4DC0)) | set(range(0xF900, 0xFB00))
    chars |= set(range(0x20000, 0x323B0))
    chars |= set(range(0x2000, 0x2070)) | set(range(0x2100, 0x2200)) | set(range(0x2460, 0x2500))
    chars |= set(range(0x3000, 0x3040)) | set(range(0xFE30, 0xFE50)) | set(range(0xFF00, 0xFFF0))
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                text = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            chars.update(ord(c) for c in text)
    return chars


def to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines with TrueType ones (max error 1 unit of 1000)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcBBoxes = True


def rename(font: TTFont, style: str) -> None:
    name = font["name"]
    full, ps = f"{FAMILY} {style}", f"{FAMILY}-{style}"
    for record in list(name.names):
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (2, 17):
            record.string = style
        elif record.nameID == 3:
            record.string = f"{ps};derived from Noto Serif CJK SC"
        elif record.nameID == 4:
            record.string = full
        elif record.nameID == 6:
            record.string = ps


def make(style: str, file: str, chars: set[int]) -> Path:
    font = TTFont(SOURCE / file, fontNumber=SC_INDEX, lazy=False)
    options = subset.Options()
    options.layout_features = []          # ReportLab uses no OpenType layout
    options.drop_tables += ["GSUB", "GPOS", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14, 16, 17]
    options.notdef_outline = True
    options.hinting = False
    sub = subset.Subsetter(options)
    sub.populate(unicodes=chars)
    sub.subset(font)
    to_truetype(font)
    rename(font, style)
    out = OUT / f"{FAMILY}-{style}.ttf"
    font.save(out)
    return out


def main() -> int:
    chars = characters()
    for style, file in FACES.items():
        path = make(style, file, chars)
        print(f"{path.name}: {path.stat().st_size / 1048576:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
