"""The trend of danger levels over time, drawn with QPainter (no QtCharts in PySide6-Essentials).

Three horizontal bands, 高 on top (light red), 中 (light amber), 低 (light green); one point per
assessment, left to right in time order at equal spacing, joined by a line; an overridden level is
drawn as a hollow point; the date under each point (only some when they would overlap).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fulian_desktop.domain.localtime import to_local

from ..i18n import tr
from ..common.crisis_common import LEVEL_COLOURS, LEVEL_TINTS

LEVELS = ("high", "medium", "low")   # top to bottom


@dataclass(frozen=True)
class TrendPoint:
    at: datetime
    level: str          # 'high' / 'medium' / 'low'
    overridden: bool = False


class RiskTrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("risk_trend_chart")
        self.points: list[TrendPoint] = []
        self.setMinimumHeight(105)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.setAccessibleName(tr("危险等级变化趋势图"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 130)

    def set_points(self, points: list[TrendPoint]) -> None:
        self.points = sorted(points, key=lambda p: p.at)
        labels = {"high": tr("高"), "medium": tr("中"), "low": tr("低")}
        self.setToolTip(" → ".join(labels.get(p.level, "?") for p in self.points) or tr("尚无评估"))
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        metrics = painter.fontMetrics()
        left, right, top = metrics.horizontalAdvance(tr("高风险")) + 12, 14, 8
        bottom = metrics.height() + 8
        plot = QRectF(left, top, max(10, self.width() - left - right), max(30, self.height() - top - bottom))
        band = plot.height() / 3
        names = {"high": tr("高风险"), "medium": tr("中风险"), "low": tr("低风险")}
        for i, level in enumerate(LEVELS):
            rect = QRectF(plot.left(), plot.top() + i * band, plot.width(), band)
            painter.fillRect(rect, QColor(LEVEL_TINTS[level]))
            painter.setPen(QColor(LEVEL_COLOURS[level][0]))
            painter.drawText(QRectF(0, rect.top(), left - 6, band), Qt.AlignRight | Qt.AlignVCenter, names[level])
        painter.setPen(QPen(QColor("#dadce0")))
        painter.drawRect(plot)
        if not self.points:
            painter.setPen(QColor("#5f6368"))
            painter.drawText(plot, Qt.AlignCenter, tr("尚无评估记录"))
            painter.end()
            return
        n = len(self.points)
        step = plot.width() / n
        xy = [QPointF(plot.left() + step * (i + 0.5), plot.top() + band * (LEVELS.index(p.level) + 0.5))
              for i, p in enumerate(self.points) if p.level in LEVELS]
        if len(xy) > 1:
            path = QPainterPath(xy[0])
            for point in xy[1:]:
                path.lineTo(point)
            painter.setPen(QPen(QColor("#3c4043"), 2))
            painter.drawPath(path)
        label_width = metrics.horizontalAdvance("00-00") + 8
        every = max(1, int(label_width // max(step, 1)) + 1)
        for i, (p, point) in enumerate(zip(self.points, xy)):
            colour = QColor(LEVEL_COLOURS[p.level][0])
            painter.setPen(QPen(colour, 2))
            painter.setBrush(QColor("#ffffff") if p.overridden else colour)
            painter.drawEllipse(point, 5, 5)
            if i % every == 0 or i == n - 1:
                painter.setPen(QColor("#5f6368"))
                text = to_local(p.at).strftime("%m-%d")
                painter.drawText(QRectF(point.x() - label_width / 2, plot.bottom() + 2, label_width, bottom - 2),
                                 Qt.AlignHCenter | Qt.AlignTop, text)
        painter.end()
