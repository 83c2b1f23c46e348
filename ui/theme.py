"""Fonts and style: a CJK font so Chinese never shows as boxes, at any scaling."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
# A system sans-serif CJK font first: on screen, at 10 pt, a sans face reads faster than the papers' Song face
# for a caseworker reading phone and ID numbers. Without one, the bundled FulianSong
# (the papers' font) is used, so Chinese never shows as boxes.
_PREFERRED = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei",
              "FulianSong"]


def load_bundled_fonts() -> list[str]:
    families: list[str] = []
    for path in sorted(FONT_DIR.glob("*.[ot]t[fc]")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def apply(app: QApplication) -> None:
    """A good system CJK font when there is one; the bundled TrueType font otherwise, and always as
    the fallback for characters the chosen font lacks."""
    bundled = load_bundled_fonts()
    available = set(QFontDatabase.families())
    family = next((f for f in _PREFERRED + bundled if f in available), None)
    if family and bundled:
        QFont.insertSubstitutions(family, [f for f in bundled if f != family])
    font = QFont(family) if family else app.font()
    font.setPointSize(10)
    app.setFont(font)
    app.setStyle("Fusion")
