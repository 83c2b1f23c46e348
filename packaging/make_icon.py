"""Draws the program's icon, resources/icons/fulian-desktop.png (256×256): the characters 幸福 in white on a
red rounded square, in the bundled FulianSong Bold. Run once after a change:
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icon.py"""
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPainterPath

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons" / "fulian-desktop.png"
SIZE = 256


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - fonts need an application
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "FulianSong-Bold.ttf")))[0]
    image = QImage(SIZE, SIZE, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(8, 8, SIZE - 16, SIZE - 16), 44, 44)
    painter.fillPath(path, QColor("#c0272d"))
    painter.setPen(QColor("#fff7e6"))
    font = QFont(family)
    font.setPixelSize(92)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, 20, SIZE, SIZE - 40), Qt.AlignCenter, "幸福")
    painter.end()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(OUT), "PNG")
    print(OUT)


if __name__ == "__main__":
    main()
