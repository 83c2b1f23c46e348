"""Qt Charts for the supervisor's dashboard: bars and pies whose bars and slices can be clicked.

Each chart emits `sig_drill(Drill)` with the bar's or slice's `Drill` (None-valued bars are not clickable).
"""
from __future__ import annotations

import html

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QLineSeries, QLogValueAxis, QPieSeries, QPieSlice, QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from fulian_desktop.services.statistics.dashboard import Bar, Drill

from ..i18n import tr

COLOURS = ("#1f5fa8", "#d0743c", "#4f9a58", "#b8463f", "#7e63b1", "#8c6d31", "#c55a9c", "#6b6b6b")
MET, MISSED = "#4f9a58", "#b8463f"
RISK = {"high": "#c62828", "medium": "#ef8f00", "low": "#2e7d32"}


def _wider_than_two_characters(axis: QBarCategoryAxis, labels: list[str]) -> bool:
    metrics = QFontMetrics(axis.labelsFont())
    return max(metrics.horizontalAdvance(t) for t in labels) > metrics.horizontalAdvance("案件")


DWARF_RATIO = 10  # the largest bar over ten times the next: a linear axis would flatten the others to nothing


def dwarfed(values: list[float]) -> bool:
    """Whether one value dwarfs the rest (878 beside 12, 9, 3): then the axis is logarithmic."""
    positive = sorted((v for v in values if v > 0), reverse=True)
    return len(positive) >= 2 and positive[0] > DWARF_RATIO * positive[1]


class DashboardChart(QWidget):
    sig_drill = Signal(object)
    """(Drill) — the user clicked a bar or a slice."""

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.chart = QChart()
        self.chart.setTitle(title)
        self.title = title
        self.chart.setAnimationOptions(QChart.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setVisible(False)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.Antialiasing)
        self.view.setMinimumHeight(180)
        self.view.setAccessibleName(title)
        self.bar_sets: list[QBarSet] = []
        self.log_scale = False
        self.slices: list[QPieSlice] = []
        self.drills: dict[tuple[int, int], Drill | None] = {}   # (set index, bar index) -> drill
        # A pie's legend below it, as text that wraps: Qt's own legend cuts long names ("劳动和社会保障 3" → "劳…").
        self.legend = QLabel(objectName=f"{object_name}_legend")
        self.legend.setWordWrap(True)
        self.legend.setAlignment(Qt.AlignCenter)
        self.legend.setStyleSheet("background:white; padding:2px 8px")
        self.legend.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view)
        layout.addWidget(self.legend)

    def _reset(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.bar_sets, self.slices, self.drills = [], [], {}
        self.chart.setTitle(self.title)
        self.legend.clear()
        self.legend.hide()

    # --- bars --------------------------------------------------------------------------------------
    def set_bars(self, series: list[tuple[str, list[Bar], str]], *, categories: list[str] | None = None,
                 value_suffix: str = "", unit: str = "") -> None:
        """`series`: (name, bars, colour) per bar set; all sets share the categories (the first set's labels).
        `unit` names the value axis (件); where one bar dwarfs the rest the axis is logarithmic, so the small
        bars still show, and its title says so."""
        self._reset()
        bar_series = QBarSeries()
        cats = categories or [b.label for b in series[0][1]] if series else []
        for s_index, (name, bars, colour) in enumerate(series):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(colour))
            bar_set.setLabelColor(QColor("#202020"))
            for b_index, bar in enumerate(bars):
                bar_set.append(float(bar.value))
                self.drills[(s_index, b_index)] = bar.drill
            bar_set.clicked.connect(lambda i, s=s_index: self._clicked(s, i))
            bar_set.hovered.connect(lambda on, i, s=s_index, bs=bars: self._hover(on, bs, i, value_suffix))
            bar_series.append(bar_set)
            self.bar_sets.append(bar_set)
        bar_series.setLabelsVisible(len(series[0][1]) <= 8 if series else False)
        bar_series.setLabelsPosition(QBarSeries.LabelsOutsideEnd)
        self.chart.addSeries(bar_series)
        x = QBarCategoryAxis()
        x.append(cats or [""])
        if len(cats) > 14 or (len(cats) > 3 and _wider_than_two_characters(x, cats)):
            x.setLabelsAngle(-90)   # side by side, Qt Charts cuts every label to "…"
        values = [float(b.value) for _, bars, _ in series for b in bars]
        top = max(values + [0])
        y: QValueAxis | QLogValueAxis
        if dwarfed(values):
            y = QLogValueAxis()
            y.setBase(10)
            y.setRange(0.8, top * 2)
            y.setLabelFormat("%g")
            y.setMinorTickCount(-1)
            y.setTitleText(tr("{unit}（对数刻度）").format(unit=unit) if unit else tr("对数刻度"))
        else:
            y = QValueAxis()
            y.setRange(0, max(4, top * 1.15))
            y.applyNiceNumbers()
            y.setLabelFormat("%d" if all(v.is_integer() for v in values) else "%.1f")
            y.setTitleText(unit)
        self.log_scale = isinstance(y, QLogValueAxis)
        self.chart.addAxis(x, Qt.AlignBottom)
        self.chart.addAxis(y, Qt.AlignLeft)
        bar_series.attachAxis(x)
        bar_series.attachAxis(y)
        self.chart.legend().setVisible(len(series) > 1)

    def add_line(self, name: str, values: list[float | None], colour: str, label_format: str, unit: str = "") -> None:
        """A line over the bars on its own axis at the right (e.g. the median days next to the counts);
        None values are left out."""
        line = QLineSeries()
        line.setName(name)
        line.setColor(QColor(colour))
        line.setPointsVisible(True)
        line.setPointLabelsVisible(True)
        line.setPointLabelsFormat(label_format)
        line.setPointLabelsColor(QColor(colour))
        for i, value in enumerate(values):
            if value is not None:
                line.append(i, value)
        self.chart.addSeries(line)
        x = next(a for a in self.chart.axes(Qt.Horizontal))
        y = QValueAxis()
        y.setRange(0, max([v for v in values if v is not None] + [1]) * 1.3)
        y.applyNiceNumbers()
        y.setLabelFormat("%.1f")
        y.setLabelsColor(QColor(colour))
        y.setTitleText(unit)
        self.chart.addAxis(y, Qt.AlignRight)
        line.attachAxis(x)
        line.attachAxis(y)
        self.chart.legend().setVisible(True)

    def _hover(self, on: bool, bars: list[Bar], index: int, suffix: str) -> None:
        if on and 0 <= index < len(bars):
            bar = bars[index]
            text = f"{bar.label}：{bar.value:g}{suffix}" + (f"（{bar.extra}）" if bar.extra else "")
            QToolTip.showText(QCursor.pos(), text + ("\n" + tr("点击查看这些案件") if bar.drill else ""))

    # --- pie ---------------------------------------------------------------------------------------
    def set_pie(self, bars: list[Bar], colours: dict[str, str] | None = None,
                before: dict[str, float] | None = None) -> None:
        """`before`: last year's same period by label, named in the legend beside each slice (and those only last
        year had, at the end)."""
        self._reset()
        series = QPieSeries()
        total = sum(b.value for b in bars if b.value > 0) or 1
        for index, bar in enumerate(bars):
            if bar.value <= 0:
                continue
            piece = series.append(f"{tr(bar.label)} {bar.value:g}", float(bar.value))
            piece.setLabelPosition(QPieSlice.LabelInsideHorizontal)
            colour = (colours or {}).get(bar.drill.value if bar.drill else "", COLOURS[index % len(COLOURS)])
            piece.setColor(QColor(colour))
            # The legend names every slice; the slice shows its share when it has room for it.
            piece.setLabelVisible(bar.value / total >= 0.06)
            self.drills[(0, len(self.slices))] = bar.drill
            index = len(self.slices)
            piece.clicked.connect(lambda i=index: self._clicked(0, i))
            self.slices.append(piece)
        names = [p.label() for p in self.slices]
        for piece in self.slices:
            if piece.isLabelVisible():
                piece.setLabel(f"{piece.value() / total * 100:.0f}%")
                piece.setLabelColor(QColor("white"))
        series.setPieSize(0.62)
        self.chart.addSeries(series)
        self.chart.legend().setVisible(False)
        for marker, name in zip(self.chart.legend().markers(series), names):
            marker.setLabel(name)   # the (hidden) legend's markers name the slices too, for tools that read them
        self.legend_names = names
        shown = [b for b in bars if b.value > 0]
        entries = ["<span style='color:{colour}'>■</span>&nbsp;{name}".format(
            colour=piece.color().name(), name=html.escape(name).replace(" ", "&nbsp;") + (
                "&nbsp;<span style='color:#777'>{}</span>".format(html.escape(
                    tr("（去年 {n:g}）").format(n=before.get(bar.label, 0)))) if before is not None else ""))
            for piece, name, bar in zip(self.slices, names, shown)]
        if before is not None:
            entries += ["<span style='color:#bbb'>□</span>&nbsp;<span style='color:#777'>{}</span>".format(html.escape(
                tr("{name} 0（去年 {n:g}）").format(name=tr(label), n=n)))
                for label, n in before.items() if n > 0 and label not in {b.label for b in shown}]
        self.legend.setText("　".join(entries))
        self.legend.setVisible(bool(entries))
        if not self.slices:
            self.chart.setTitle(self.title + tr("（无数据）"))

    def _clicked(self, set_index: int, index: int) -> None:
        drill = self.drills.get((set_index, index))
        if drill is not None:
            self.sig_drill.emit(drill)
