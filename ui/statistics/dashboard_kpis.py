"""The petition KPIs on the dashboard: 及时受理率, 按期办结率 and 满意率, each with its cohort, last year's same
period beside it, and every count a link: a click lists the cases behind that numerator or denominator (the
page's drill-down list, as a click on a chart's bar)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fulian_desktop.services.statistics.dashboard import Bar, DashboardData, Drill
from fulian_desktop.services.statistics.dashboard_kpis import PARTS, RATES

from ..common.case_clocks_chips import FlowLayout
from ..i18n import tr

LINK = ("QPushButton { border: none; color: #1f5fa8; text-decoration: underline; font-weight: bold;"
        " padding: 0 2px; } QPushButton:disabled { color: #777; text-decoration: none; }")


def _rate(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class KpiPanel(QWidget):
    sig_drill = Signal(object)
    """(Drill) — a KPI count was clicked: list the cases behind it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_kpis")
        self.titles = {"timely_acceptance_rate": tr("及时受理率"), "on_time_rate": tr("按期办结率"),
                       "petitioner_satisfaction_rate": tr("满意率")}
        self.cohorts = {
            "timely_acceptance_rate": tr("统计期内作出受理决定的信访案件（15日内作出为及时）"),
            "on_time_rate": tr("统计期内结案的信访案件（60日或批准延长的期限内结案为按期）"),
            "petitioner_satisfaction_rate": tr("统计期内结案、信访人有评价的信访案件（未评价的单列）"),
        }
        self.names = {"accept_timely": tr("15日内作出"), "accept_decided": tr("作出决定"),
                      "concluded_on_time": tr("按期办结"), "concluded": tr("结案数"),
                      "evaluated_satisfied": tr("满意和基本满意"), "evaluated": tr("有评价"),
                      "eval_satisfied": tr("满意"), "eval_basically": tr("基本满意"),
                      "eval_unsatisfied": tr("不满意"), "eval_none": tr("未评价")}
        self.links: dict[str, QPushButton] = {}
        self.rates: dict[str, QLabel] = {}
        self.last_year: dict[str, QLabel] = {}
        self.drills: dict[str, Drill | None] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for key, numerator, denominator in RATES:
            layout.addWidget(self._box(key, numerator, denominator), 1)

    def _link(self, figure: str) -> QPushButton:
        button = QPushButton("0", objectName=f"kpi_{figure}", cursor=Qt.PointingHandCursor, flat=True)
        button.setStyleSheet(LINK)
        button.setToolTip(tr("点击查看这些案件"))
        button.clicked.connect(lambda _checked=False, f=figure: self._clicked(f))
        self.links[figure] = button
        return button

    def _line(self, figures: tuple[str, ...], separator: str) -> QWidget:
        """Name and count pairs that wrap onto another line when the box is narrow (English at 1366 px)."""
        line = QWidget()
        flow = FlowLayout(line, spacing=4)
        for i, figure in enumerate(figures):
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(2)
            if i:
                row.addWidget(QLabel(separator))
            row.addWidget(QLabel(self.names[figure]))
            row.addWidget(self._link(figure))
            flow.addWidget(pair)
        return line

    def _box(self, key: str, numerator: str, denominator: str) -> QGroupBox:
        box = QGroupBox(self.titles[key], objectName=f"kpi_box_{key}")
        inner = QVBoxLayout(box)
        inner.setSpacing(1)
        inner.setContentsMargins(6, 2, 6, 4)
        top = QHBoxLayout()
        rate = QLabel("—", objectName=f"kpi_rate_{key}")
        rate.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.rates[key] = rate
        top.addWidget(rate)
        top.addWidget(self._line((numerator, denominator), "／"), 1)
        inner.addLayout(top)
        if key in PARTS:
            inner.addWidget(self._line(PARTS[key], "　"))
        before = QLabel(objectName=f"kpi_last_year_{key}", wordWrap=True)
        before.setStyleSheet("color: #555;")
        self.last_year[key] = before
        inner.addWidget(before)
        cohort = QLabel(self.cohorts[key], objectName=f"kpi_cohort_{key}", wordWrap=True)
        cohort.setStyleSheet("color: #666; font-size: 10px;")
        inner.addWidget(cohort)
        return box

    def show_figures(self, data: DashboardData, last_year: DashboardData | None) -> None:
        now = {b.label: b for b in data.kpis}
        before = {b.label: b for b in last_year.kpis} if last_year else {}
        for figure, button in self.links.items():
            bar = now.get(figure, Bar(figure, 0))
            button.setText(f"{bar.value:g}")
            self.drills[figure] = bar.drill if bar.value else None
            button.setEnabled(bool(bar.value))
        for key, numerator, denominator in RATES:
            rate = _rate(now[numerator].value, now[denominator].value) if numerator in now else None
            self.rates[key].setText(_percent(rate))
            self.rates[key].setToolTip(self.cohorts[key])
            old = (_rate(before[numerator].value, before[denominator].value) if numerator in before else None)
            text = tr("去年同期 {rate}").format(rate=_percent(old))
            if rate is not None and old is not None:
                text += tr("（{points:+.1f} 个百分点）").format(points=(rate - old) * 100)
            self.last_year[key].setText(text)

    def _clicked(self, figure: str) -> None:
        drill = self.drills.get(figure)
        if drill is not None:
            self.sig_drill.emit(drill)

    def figure_name(self, figure: str) -> str:
        """The caption of a figure's list: its KPI and its own name."""
        key = next(k for k, n, d in RATES if figure in (n, d) or figure in PARTS.get(k, ()))
        return f"{self.titles[key]} · {self.names[figure]}"


__all__ = ["KpiPanel"]
