"""The case list: filters, one search box, a lazy table. Filters and column widths are remembered."""
from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fulian_desktop.domain.enums import COMPLAINT_CATEGORIES, CaseKind, CaseStatus, Tier
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.services.accounts import orgunits
from fulian_desktop.services.cases.case_queries import CaseFilter
from fulian_desktop.services.cases.search import MAX_RESULTS

from ..documents.batch_print import batch_print_button
from ..i18n import status_text, tr
from ..common.case_clocks_chips import FlowLayout
from ..common.empty_hint import EmptyHint
from .case_table import COLUMNS, CaseTableModel, width_sample
from ..qdates import today_qdate
from ..session import AppSession



def _pair(*widgets: QWidget) -> QWidget:
    """Widgets kept on one line (a label and its field) inside a wrapping row."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    for widget in widgets:
        row.addWidget(widget)
    return box

class CaseListPage(QWidget):
    sig_open_case = Signal(str)
    """(case id) — the user asked to open a case."""

    def __init__(self, session: AppSession, *, settings_key: str = "case_list", mine_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings_key = settings_key
        self.mine_only = mine_only
        self.model = CaseTableModel(session, self)
        self._build()
        self._restore()
        self.model.sig_loaded.connect(self._on_loaded)
        self.model.sig_first_rows.connect(self._on_first_rows)
        self._stale = False
        session.changes.subscribe(self, {"case", "party"}, self._data_changed)

    # --- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=tr("搜索：案号、姓名、拼音首字母、身份证号或电话（回车）"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.apply)
        self.unit = QComboBox()
        self.unit.addItem(tr("全部"), None)
        self.tier = self._combo([(tr(t.label), t.value) for t in Tier])
        self.status = self._combo([(status_text(s.label), s.value) for s in CaseStatus])
        self.kind = self._combo([(tr(k.label), k.value) for k in CaseKind])
        self.category = self._combo([(tr(c), c) for c in COMPLAINT_CATEGORIES])
        self.flag = self._combo([(tr("重大案事件"), "major"), (tr("家庭暴力"), "dv"), (tr("涉及未成年人"), "minor")])
        self.date_from = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_to = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.use_dates = QCheckBox(tr("登记日期"))
        self.date_from.setDate(today_qdate().addYears(-1))
        self.date_to.setDate(today_qdate())
        reset = QPushButton(tr("清除条件"))
        reset.clicked.connect(self.clear_filters)

        # The filters wrap onto a second line when the window is narrow (1366 px in English): each label stays
        # with its field.
        self.filter_row = QWidget(objectName="case_list_filters")
        filters = self.filters = FlowLayout(self.filter_row)
        for label, widget in ((tr("单位"), self.unit), (tr("层级"), self.tier), (tr("状态"), self.status),
                              (tr("类型"), self.kind), (tr("类别"), self.category), (tr("标记"), self.flag)):
            filters.addWidget(_pair(QLabel(label), widget))
            widget.currentIndexChanged.connect(self.apply)
        filters.addWidget(_pair(self.use_dates, self.date_from, QLabel(tr("至")), self.date_to))
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(lambda _d: self.use_dates.isChecked() and self.apply())
        self.use_dates.toggled.connect(self.apply)
        filters.addWidget(reset)
        filters.addWidget(batch_print_button(self))  # 批量打印 of the list as filtered

        self.table = QTableView()
        self.table.setModel(self.model)
        self.empty_hint = EmptyHint(self.table, object_name="case_list_empty")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(8, Qt.DescendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        # No row numbers: with 100,000 rows the header's width is recomputed from them on every
        # show and hide (thousands of calls into the model); the count is below the table.
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().sortIndicatorChanged.connect(lambda *_: setattr(self, "_to_top", True))
        self._set_default_widths()
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.count_label = QLabel(tr("正在加载…"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def _set_default_widths(self) -> None:
        metrics = self.table.fontMetrics()
        for column, (key, title) in enumerate(COLUMNS):
            sample = width_sample(key)
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(tr(title)) + 24) + 16
            self.table.setColumnWidth(column, width)

    def _combo(self, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(tr("全部"), None)
        for label, value in items:
            combo.addItem(label, value)
        # Long choices (English "Labour and social security") must not push the window past the screen: the box
        # stays narrow, its list opens as wide as its longest choice.
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        return combo

    # --- behaviour ---------------------------------------------------------------------------------
    def load_units(self) -> None:
        def done(units: list) -> None:  # noqa: ANN001
            current = self.unit.currentData()
            self.unit.blockSignals(True)
            self.unit.clear()
            self.unit.addItem(tr("全部"), None)
            for u in units:
                self.unit.addItem("　" * u.depth + u.name, u.id)
            index = self.unit.findData(current)
            self.unit.setCurrentIndex(max(index, 0))
            self.unit.blockSignals(False)

        self.session.read(lambda uow, actor: orgunits.list_units(uow, actor), on_done=done)

    def current_filter(self) -> CaseFilter:
        def one(combo: QComboBox) -> frozenset[str]:
            return frozenset({combo.currentData()}) if combo.currentData() else frozenset()

        unit_ids = None
        if self.unit.currentData():
            unit_ids = frozenset({self.unit.currentData()})
        flag = self.flag.currentData()
        start = end = None
        if self.use_dates.isChecked():
            start = datetime.combine(self.date_from.date().toPython(), time.min, LOCAL_TZ)
            end = datetime.combine(self.date_to.date().addDays(1).toPython(), time.min, LOCAL_TZ)
        actor = self.session.actor
        return CaseFilter(unit_ids=unit_ids, statuses=one(self.status), tiers=one(self.tier), kinds=one(self.kind),
                          category=self.category.currentData(),
                          handler_id=actor.user_id if self.mine_only and actor else None,
                          opened_from=start, opened_to=end,
                          major_incident=True if flag == "major" else None,
                          domestic_violence=True if flag == "dv" else None,
                          involves_minor=True if flag == "minor" else None)

    def apply(self) -> None:
        self._to_top = True  # a new question: its answer starts at the top
        self.model.filter = self.current_filter()
        self.model.search_text = self.search.text()
        # The search box looks in the whole scope; the filters apply to the list without a search.
        searching = bool(self.search.text().strip())
        for widget in self._filter_widgets():
            widget.setEnabled(not searching)
            widget.setToolTip(tr("搜索时不使用筛选条件；清空搜索框后恢复。") if searching else "")
        self.count_label.setText(tr("正在加载…"))
        self.model.reload()
        self._save()

    def clear_filters(self) -> None:
        for combo in (self.unit, self.tier, self.status, self.kind, self.category, self.flag):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self.use_dates.setChecked(False)
        self.apply()

    def _on_loaded(self, count: int) -> None:
        searched = self.search.text().strip()
        what = tr("搜索“{text}”：").format(text=searched) if searched else ""
        hint = ""
        if searched and count >= MAX_RESULTS:
            self.count_label.setText(what + tr("显示最新的 {count} 件——匹配的案件更多，请输入更具体的词，"
                                               "或清空搜索框后用筛选条件。").format(count=f"{count:,}"))
            self._scroll_if_new()
            return
        empty = ""
        if count == 0:
            if searched:
                hint = tr("——没有找到。可按案号、当事人姓名、拼音首字母、身份证号或电话查找。")
                empty = tr("没有找到。可按案号、当事人姓名、拼音首字母、身份证号或电话查找。")
            elif self._has_filters():
                hint = tr("——没有符合条件的案件，可点“清除条件”。")
                empty = tr("没有符合条件的案件。点“清除条件”可看全部案件。")
            elif self.mine_only:
                hint = tr("——您目前没有承办的案件。")
                empty = tr("这里列出您承办的案件。目前还没有：受理来访（工具栏“新建来访”，Ctrl+N）、"
                           "在“转介收件箱”接收转介，或由督导分派后，案件会列在这里。")
            else:
                empty = tr("这里列出本单位及下级单位的案件。目前还没有：来访登记受理后，案件会列在这里。")
        self.empty_hint.set_hint(empty)
        self.count_label.setText(what + tr("共 {count} 件").format(count=f"{count:,}") + hint)
        self._scroll_if_new()

    def _scroll_if_new(self) -> None:
        if getattr(self, "_to_top", False):
            self._to_top = False
            self.table.scrollToTop()

    def _on_first_rows(self, count: int) -> None:
        self.count_label.setText(tr("最新的 {count} 件已显示，正在统计全部…").format(count=f"{count:,}"))
        self._scroll_if_new()

    def _filter_widgets(self) -> list[QWidget]:
        return [self.unit, self.tier, self.status, self.kind, self.category, self.flag, self.use_dates,
                self.date_from, self.date_to]

    def _has_filters(self) -> bool:
        combos = (self.unit, self.tier, self.status, self.kind, self.category, self.flag)
        return any(c.currentIndex() > 0 for c in combos) or self.use_dates.isChecked()

    def _open(self, row: int) -> None:
        case = self.model.row_at(row)
        if case is not None:
            self.sig_open_case.emit(case.id)

    # --- remembered state ------------------------------------------------------------------------
    def _save(self) -> None:
        state = ({name: getattr(self, name).currentData() for name in ("tier", "status", "kind", "category", "flag")},
                 bytes(self.table.horizontalHeader().saveState()))
        if state == getattr(self, "_saved_state", None):
            return  # unchanged: switching tabs must not rewrite the settings file
        self._saved_state = state
        s = QSettings()
        s.beginGroup(self.settings_key)
        for name, value in state[0].items():
            s.setValue(name, value)
        s.setValue("header", self.table.horizontalHeader().saveState())
        s.endGroup()

    def _restore(self) -> None:
        s = QSettings()
        s.beginGroup(self.settings_key)
        for name in ("tier", "status", "kind", "category", "flag"):
            combo: QComboBox = getattr(self, name)
            index = combo.findData(s.value(name))
            if index > 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        header = s.value("header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        s.endGroup()

    def _data_changed(self) -> None:
        """A case changed: refresh now if on screen, else when next shown (100,000 ids per list add up)."""
        if not self.model.active:
            return
        if self.isVisible():
            self.model.reload()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: ANN001
        super().showEvent(event)
        if not getattr(self, "_loaded_once", False):
            self._loaded_once = True
            self.load_units()
            QTimer.singleShot(0, self.apply)
        elif self._stale:
            self._stale = False
            self.model.reload()

    def hideEvent(self, event) -> None:  # noqa: ANN001
        self._save()
        super().hideEvent(event)
