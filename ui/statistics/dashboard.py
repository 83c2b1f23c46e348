"""The supervisor's dashboard: charts of the unit's subtree over a date range; a click on a bar or slice shows
the cases behind it in the list below (double-click opens a case). The figures are computed off the UI thread
by ``services.statistics.dashboard``; the monthly report can be exported from here as PDF or Excel."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fulian_desktop.services.statistics import dashboard
from fulian_desktop.services.accounts import orgunits
from fulian_desktop.services.cases.case_queries import CaseFilter
from fulian_desktop.services.statistics.dashboard import Bar, Compared, DashboardData, Drill
from fulian_desktop.services.statistics.dashboard_period import Preset, change, preset_period

from ..errors import messages
from ..i18n import tr
from ..qdates import today_qdate
from ..session import AppSession
from .dashboard_charts import COLOURS, MET, MISSED, RISK, DashboardChart
from .dashboard_kpis import KpiPanel
from ..common.case_clocks_chips import FlowLayout
from ..cases.case_list import CaseListPage


def _month_label(key: str) -> str:
    """"2026-03" → "3" (the chart's title says which months and years)."""
    return str(int(key.split("-")[1]))


# Axis names short enough to stand under a bar; the tooltip names the bar in full.
SHORT_LABELS = {
    "复查申请期限": QT_TRANSLATE_NOOP("", "复查申请"),
    "复核申请期限": QT_TRANSLATE_NOOP("", "复核申请"),
    "司法确认申请期限": QT_TRANSLATE_NOOP("", "司法确认"),
    "保护令作出期限": QT_TRANSLATE_NOOP("", "保护令作出"),
    "法律援助审查决定": QT_TRANSLATE_NOOP("", "法援审查"),
    "调解办结目标": QT_TRANSLATE_NOOP("", "调解办结"),
    "法律援助中心": QT_TRANSLATE_NOOP("", "法律援助"),
    "民政/庇护": QT_TRANSLATE_NOOP("", "民政庇护"),
    "卫健/医疗": QT_TRANSLATE_NOOP("", "卫健医疗"),
    "心理咨询机构": QT_TRANSLATE_NOOP("", "心理咨询"),
}


def _short(bars) -> list[str]:  # noqa: ANN001
    return [tr(SHORT_LABELS.get(b.label, b.label)) for b in bars]


def _faded(colour: str) -> str:
    """Last year's colour: the same hue, paler."""
    return QColor(colour).lighter(165).name()


def _values(bars: tuple[Bar, ...]) -> dict[str, float]:
    return {b.label: b.value for b in bars}


def _aligned(now: tuple[Bar, ...], before: tuple[Bar, ...]) -> tuple[list[Bar], list[Bar]]:
    """Two bar lists over the same categories (this period's order, then any only last year had); a category
    missing on one side is a zero there."""
    labels = [b.label for b in now] + [b.label for b in before if b.label not in {n.label for n in now}]
    ours, theirs = {b.label: b for b in now}, {b.label: b for b in before}
    return [ours.get(label, Bar(label, 0)) for label in labels], [theirs.get(label, Bar(label, 0)) for label in labels]


class DrillDownList(CaseListPage):
    """The case list with a filter set by the dashboard instead of its own filter row and search box."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        self.fixed: CaseFilter | None = None
        super().__init__(session, settings_key="dashboard_cases", parent=parent)
        for i in range(self.filters.count()):
            widget = self.filters.itemAt(i).widget()
            if widget is not None and widget.objectName() != "case_list_batch_print":
                widget.hide()
        self.search.hide()

    def current_filter(self) -> CaseFilter:
        return self.fixed if self.fixed is not None else CaseFilter(unit_ids=frozenset())

    def show_filter(self, f: CaseFilter) -> None:
        self.fixed = f
        self.apply()


class DashboardPage(QWidget):
    sig_open_case = Signal(str)
    """(case id) — a case in the drilled-down list was opened."""
    sig_loaded = Signal(object)
    """(DashboardData) — the charts show new figures."""
    sig_drilled = Signal(object)
    """(Drill) — the list below shows the cases of a clicked bar (after its filter is applied)."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: DashboardData | None = None
        self.previous: DashboardData | None = None   # the same period last year
        self.last_drill: Drill | None = None
        self._build()
        self.load_units()
        self.refresh()

    def _build(self) -> None:
        self.unit = QComboBox(objectName="dashboard_unit")
        self.preset = QComboBox(objectName="dashboard_period")
        for preset, label in ((Preset.THIS_MONTH, tr("本月")), (Preset.LAST_MONTH, tr("上月")),
                              (Preset.THIS_QUARTER, tr("本季度")), (Preset.THIS_YEAR, tr("本年")),
                              (Preset.CUSTOM, tr("自定义"))):
            self.preset.addItem(label, preset.value)
        self.date_from = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd", objectName="dashboard_from")
        self.date_to = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd", objectName="dashboard_to")
        self.preset.setCurrentIndex(self.preset.findData(Preset.THIS_YEAR.value))
        self._apply_preset()
        self.preset.currentIndexChanged.connect(lambda _i: self._preset_chosen())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._dates_edited)
        refresh = QPushButton(tr("刷新"), objectName="dashboard_refresh")
        refresh.clicked.connect(self.refresh)
        export = QPushButton(tr("导出统计报表…"), objectName="dashboard_export")
        export.setToolTip(tr("按所选单位和时段导出统计报表（PDF 或 Excel），用于向上报送"))
        export.clicked.connect(self.export_report)
        self.summary = QLabel(tr("正在统计…"), objectName="dashboard_summary")
        self.compare = QLabel(objectName="dashboard_last_year")
        self.compare.setStyleSheet("color: #555;")
        headline = QVBoxLayout()
        headline.setSpacing(0)
        headline.addWidget(self.summary)
        headline.addWidget(self.compare)
        # One line on a wide screen; on 1366 px in English the headline wraps below the pickers.
        self.bar = QWidget(objectName="dashboard_bar")
        bar = FlowLayout(self.bar, spacing=8)
        for pair in ((QLabel(tr("单位")), self.unit), (QLabel(tr("时段")), self.preset),
                     (QLabel(tr("登记日期")), self.date_from, QLabel(tr("至")), self.date_to, refresh), (export,)):
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            for widget in pair:
                row.addWidget(widget)
            bar.addWidget(box)
        heading = QWidget()
        heading.setLayout(headline)
        headline.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(heading)
        self.unit.currentIndexChanged.connect(lambda _i: self.refresh())
        self.kpis = KpiPanel()
        self.kpis.sig_drill.connect(self.drill)

        self.charts = {
            "month": DashboardChart(tr("按月登记案件"), "chart_month"),
            "category": DashboardChart(tr("按类别"), "chart_category"),
            "tier": DashboardChart(tr("按层级"), "chart_tier"),
            "clocks": DashboardChart(tr("法定时限：按时与超期"), "chart_clocks"),
            "risk": DashboardChart(tr("当前风险等级"), "chart_risk"),
            "referrals": DashboardChart(tr("部门转介：件数与答复时间（中位数）"), "chart_referrals"),
        }
        grid = QGridLayout()
        for i, chart in enumerate(self.charts.values()):
            chart.sig_drill.connect(self.drill)
            grid.addWidget(chart, i // 3, i % 3)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        charts = QWidget()
        upper = QVBoxLayout(charts)
        upper.setContentsMargins(0, 0, 0, 0)
        upper.addWidget(self.kpis)
        upper.addLayout(grid, 1)
        self.caption = QLabel(tr("点击图中的柱或扇区、或信访指标的数字，在下方查看对应的案件；双击案件打开。"),
                              objectName="dashboard_caption")
        self.cases = DrillDownList(self.session)
        self.cases.sig_open_case.connect(self.sig_open_case)
        self.cases.hide()
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.caption)
        lower_layout.addWidget(self.cases, 1)
        self.split = QSplitter(Qt.Vertical)
        self.split.addWidget(charts)
        self.split.addWidget(lower)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.split, 1)

    # --- data --------------------------------------------------------------------------------------
    def load_units(self) -> None:
        def done(units: list) -> None:  # noqa: ANN001
            self.unit.blockSignals(True)
            self.unit.clear()
            for u in units:
                self.unit.addItem("　" * u.depth + u.name, u.id)
            actor = self.session.actor
            index = self.unit.findData(actor.unit_id) if actor else -1
            self.unit.setCurrentIndex(max(index, 0))
            self.unit.blockSignals(False)

        self.session.read(lambda uow, actor: orgunits.list_units(uow, actor), on_done=done)

    def _apply_preset(self) -> None:
        preset = self.preset.currentData()
        if preset == Preset.CUSTOM.value:
            return
        start, end = preset_period(preset, today_qdate().toPython())
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day))
            edit.blockSignals(False)

    def _preset_chosen(self) -> None:
        if self.preset.currentData() != Preset.CUSTOM.value:
            self._apply_preset()
            self.refresh()

    def _dates_edited(self) -> None:
        """Days typed or picked in the calendars make the period a custom one (refreshed with 刷新)."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(Preset.CUSTOM.value))
        self.preset.blockSignals(False)

    def choose(self, preset: Preset | str) -> None:
        """Pick a period from the list (as the user does)."""
        self.preset.setCurrentIndex(self.preset.findData(Preset(preset).value))

    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def refresh(self) -> None:
        start, end = self.period()
        self.summary.setText(tr("正在统计…"))
        self.session.read(dashboard.compared, start, end, unit_id=self.unit.currentData(), on_done=self._show)

    def _show(self, both: Compared) -> None:
        data, before = both.current, both.last_year
        self.data, self.previous = data, before
        self.summary.setText(tr("{unit}：{start} 至 {end} 登记 {count} 件").format(
            unit=data.unit_name, start=data.date_from.isoformat(), end=data.date_to.isoformat(),
            count=f"{data.total_cases:,}"))
        ratio = change(data.total_cases, before.total_cases)
        self.compare.setText(tr("去年同期（{start} 至 {end}）{count} 件").format(
            start=before.date_from.isoformat(), end=before.date_to.isoformat(), count=f"{before.total_cases:,}")
            + (tr("（{change:+.1f}%）").format(change=ratio * 100) if ratio is not None else ""))
        self.kpis.show_figures(data, before)
        now, old = tr("本期"), tr("去年同期")
        c = self.charts
        c["month"].set_bars([(now, list(data.by_month), COLOURS[0]),
                             (old, list(before.by_month), _faded(COLOURS[0]))],
                            categories=[_month_label(b.label) for b in data.by_month], unit=tr("件"))
        if data.by_month:
            c["month"].chart.setTitle(tr("按月登记案件（{first} 至 {last}，横轴为月份）").format(
                first=data.by_month[0].label, last=data.by_month[-1].label))
        c["category"].set_pie(list(data.by_category), before=_values(before.by_category))
        c["tier"].set_bars([(now, list(data.by_tier), COLOURS[1]), (old, list(before.by_tier), _faded(COLOURS[1]))],
                           categories=[tr(b.label) for b in data.by_tier], unit=tr("件"))
        met, met_before = _aligned(data.clocks_met, before.clocks_met)
        missed, missed_before = _aligned(data.clocks_missed, before.clocks_missed)
        if met:
            c["clocks"].set_bars([(tr("按时"), met, MET), (tr("超期"), missed, MISSED),
                                  (tr("去年同期按时"), met_before, _faded(MET)),
                                  (tr("去年同期超期"), missed_before, _faded(MISSED))],
                                 categories=_short(met), unit=tr("件"))
        else:
            c["clocks"].set_pie([])
        c["risk"].set_pie(list(data.risk_levels), colours=RISK, before=_values(before.risk_levels))
        referrals, referrals_before = _aligned(data.referrals, before.referrals)
        if referrals:
            c["referrals"].set_bars([(tr("转介件数"), referrals, COLOURS[4]),
                                     (tr("去年同期"), referrals_before, _faded(COLOURS[4]))],
                                    categories=_short(referrals), unit=tr("件"))
            days = {b.label: b.value for b in data.response_days}
            c["referrals"].add_line(tr("答复天数（中位）"), [days[r.label] if days.get(r.label, -1) >= 0 else None
                                                        for r in referrals], COLOURS[1], "@yPoint", unit=tr("天"))
        else:
            c["referrals"].set_pie([])
        self.sig_loaded.emit(data)

    def drill(self, d: Drill) -> None:
        def done(f: CaseFilter) -> None:
            self.last_drill = d
            what = (tr("{figure}（{start} 至 {end}）").format(figure=self.kpis.figure_name(d.value),
                                                            start=d.date_from.isoformat(), end=d.date_to.isoformat())
                    if d.kind == "kpi" else dashboard.describe(d))
            self.caption.setText(tr("案件：") + what + tr("（双击打开）"))
            if not self.cases.isVisible():
                self.cases.show()
                total = sum(self.split.sizes())
                self.split.setSizes([int(total * 0.6), total - int(total * 0.6)])
            self.cases.show_filter(f)
            self.sig_drilled.emit(d)

        self.session.read(dashboard.drill_filter, d, on_done=done)

    # --- export ------------------------------------------------------------------------------------
    def export_report(self) -> None:
        start, end = self.period()
        name = f"统计报表-{start.isoformat()}-{end.isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, tr("导出统计报表"), name, tr("PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        from fulian_desktop.documents.statistics_report import export_report

        start, end = self.period()
        unit_id = self.unit.currentData()
        self.session.write(lambda uow, actor: export_report(uow, actor, start, end, path, unit_id=unit_id),
                           on_done=lambda report: messages.info(self, tr("已导出"), tr("统计报表已保存到 {path}").format(
                               path=path)))


__all__ = ["DashboardPage", "DrillDownList"]
