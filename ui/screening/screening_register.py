"""矛盾纠纷排查: the register of key families and persons per village, the overdue visits, and the
online-opinion leads (网络舆情).

The unit list picks what is shown: a village user sees their village; town and district users choose
全部 or a town (its villages) or one village. Overdue rows are tinted red, the 逾期走访 tab lists them
most overdue first. 新增, 记录走访, 化解 and 转为案件 act on the register; 转为案件 opens the new case
(`sig_open_case`). The selected entry's visits are read (an audited read) a moment after it is chosen.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableView,
    QTabWidget, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.enums import Tier
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.domain.screening_rules import EntryStatus
from fulian_desktop.security.permissions import Permission, can
from fulian_desktop.services.intake import leads
from fulian_desktop.services.accounts import orgunits
from fulian_desktop.services.screening import screening
from fulian_desktop.services.intake.leads import LeadStatus, LeadView
from fulian_desktop.services.accounts.orgunits import OrgUnitView
from fulian_desktop.services.screening.screening import EntryDetail, EntryView, OverdueTask

from ..common.case_actions_reason import ReasonDialog
from .screening_case_dialog import LeadDialog, OpenCaseDialog
from .screening_entry_dialog import ScreeningEntryDialog
from .screening_visit_dialog import ResolveDialog, ScreeningVisitDialog
from ..errors import error_text, present_error
from ..i18n import tr
from .screening_tables import LeadsModel, OverdueModel, RegisterModel
from ..reloader import Reloader
from ..session import AppSession
from ..common.case_actions_runner import ActionRunner
from ..common.crisis_common import html_rows
from ..common.guard import while_alive

DETAIL_DELAY_MS = 400


@dataclass(frozen=True)
class PageData:
    register: list[EntryView]
    overdue: list[OverdueTask]
    leads: list[LeadView]


def load_page(uow, actor, unit_id: str | None, include_resolved: bool) -> PageData:  # noqa: ANN001
    return PageData(screening.list_register(uow, actor, unit_id, include_resolved),
                    screening.overdue_visits(uow, actor, unit_id=unit_id), leads.list_leads(uow, actor, unit_id))


def _table(model, name: str) -> QTableView:  # noqa: ANN001
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(28)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _fit(view: QTableView, caps: dict[int, int], stretch: int | None = None) -> None:
    """Columns as wide as their contents (at most `caps`); `stretch` (else the last) takes the rest."""
    header = view.horizontalHeader()
    header.setStretchLastSection(stretch is None)
    for column in range(header.count()):
        header.setSectionResizeMode(column, QHeaderView.Interactive)
    view.resizeColumnsToContents()
    for column, cap in caps.items():
        view.setColumnWidth(column, min(view.columnWidth(column), cap))
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)


class ScreeningRegisterPage(QWidget):
    sig_open_case = Signal(str)
    """(case id) — a case was opened from an entry or a lead (or the user asked to open one)."""
    sig_loaded = Signal(object)
    """(PageData) — a reload arrived."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screening_register")
        self.session = session
        self.units: list[OrgUnitView] = []
        self.data = PageData([], [], [])
        self.loader = Reloader(session, self, load_page, self._loaded, lambda exc: present_error(self, exc),
                               params=lambda: {"unit_id": self.unit.currentData(),
                                               "include_resolved": self.show_resolved.isChecked()},
                               latest_only=True)  # a list of the unit chosen before would mislead
        self.opening = False   # a case is being opened from an entry or a lead
        self.runner = ActionRunner(session, self)
        self.runner.sig_changed.connect(lambda _notice: self.refresh())
        self.runner.sig_busy.connect(lambda _b: self.update_buttons())
        self.detail_timer = QTimer(self, singleShot=True, interval=DETAIL_DELAY_MS, timeout=self._load_detail)
        self._build()
        session.changes.subscribe(self, {"case"}, self.refresh)
        session.read(orgunits.list_units, on_done=while_alive(self, self._units_loaded),
                     on_error=while_alive(self, lambda exc: present_error(self, exc)))

    # --- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.unit = QComboBox(objectName="screening_unit")
        self.unit.setMinimumWidth(220)
        self.unit.currentIndexChanged.connect(lambda _i: self.refresh())
        unit_label = QLabel(tr("村（社区）(&U)"))
        unit_label.setBuddy(self.unit)
        self.show_resolved = QCheckBox(tr("显示已化解"), objectName="screening_show_resolved")
        self.show_resolved.toggled.connect(lambda _c: self.refresh())
        self.summary = QLabel(objectName="screening_summary")
        self.summary.setStyleSheet("color:#5f6368")
        top = QHBoxLayout()
        top.addWidget(unit_label)
        top.addWidget(self.unit)
        top.addWidget(self.show_resolved)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)

        self.buttons: dict[str, QPushButton] = {}
        self.register_model = RegisterModel(self)
        self.register = _table(self.register_model, "screening_table")
        self.register.selectionModel().selectionChanged.connect(self._selection_changed)
        self.register.activated.connect(lambda _i: self.start_visit())
        self.detail = QLabel(objectName="screening_detail")
        self.detail.setTextFormat(Qt.RichText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.register)
        split.addWidget(self.detail)
        split.setSizes([420, 180])
        register_tab = self._tab([("add", tr("新增(&N)…"), self.start_add), ("visit", tr("记录走访(&V)…"), self.start_visit),
                                  ("resolve", tr("化解…"), self.start_resolve),
                                  ("case", tr("转为案件(&C)…"), self.start_open_case),
                                  ("open", tr("打开案件"), self.open_entry_case)], split)

        self.overdue_model = OverdueModel(self)
        self.overdue = _table(self.overdue_model, "screening_overdue_table")
        self.overdue.activated.connect(lambda _i: self.start_visit_overdue())
        self.overdue.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        overdue_tab = self._tab([("overdue_visit", tr("记录走访…"), self.start_visit_overdue)], self.overdue)

        self.leads_model = LeadsModel(self)
        self.leads = _table(self.leads_model, "screening_leads_table")
        self.leads.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self.leads.activated.connect(lambda _i: self.open_lead_case())
        leads_tab = self._tab([("lead_add", tr("新增线索…"), self.start_add_lead),
                               ("lead_case", tr("转为案件…"), self.start_lead_case),
                               ("lead_dismiss", tr("排除…"), self.start_dismiss_lead),
                               ("lead_reopen", tr("恢复待处理"), self.reopen_lead),
                               ("lead_open", tr("打开案件"), self.open_lead_case)], self.leads)

        self.tabs = QTabWidget(objectName="screening_tabs")
        self.tabs.addTab(register_tab, tr("排查名册"))
        self.tabs.addTab(overdue_tab, tr("逾期走访"))
        self.tabs.addTab(leads_tab, tr("网络舆情"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _tab(self, buttons: list, body: QWidget) -> QWidget:
        tab = QWidget()
        row = QHBoxLayout()
        for key, text, slot in buttons:
            button = QPushButton(text, objectName=f"screening_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(body, 1)
        return tab

    # --- units and loading ---------------------------------------------------------------------------
    def _units_loaded(self, units: list[OrgUnitView]) -> None:
        self.units = units
        self.unit.blockSignals(True)
        self.unit.clear()
        if len(units) > 1:
            self.unit.addItem(tr("全部（辖区内各村社区）"), None)
        base = min((u.depth for u in units), default=0)
        for u in units:
            self.unit.addItem("　" * (u.depth - base) + u.name, u.id)
        self.unit.blockSignals(False)
        self.unit.setEnabled(len(units) > 1)
        self.refresh()

    def villages(self) -> list[OrgUnitView]:
        return [u for u in self.units if u.tier == Tier.VILLAGE]

    def refresh(self) -> None:
        self.loader.request()

    def _loaded(self, data: PageData) -> None:
        chosen = self.selected()
        self.data = data
        self.register_model.set_items(data.register)
        self.overdue_model.set_items(data.overdue)
        self.leads_model.set_items(data.leads)
        # Capped by content, the reason keeps readable room; the case number, last, takes what is left.
        col = self.register_model.column_of
        _fit(self.register, {col("subject"): 160, col("person_name"): 90, col("address"): 160,
                             col("reason"): 320, col("category_label"): 110})
        _fit(self.overdue, {}, stretch=self.overdue_model.column_of("subject"))
        _fit(self.leads, {}, stretch=self.leads_model.column_of("summary"))
        row = self.register_model.row_of(chosen.id) if chosen else -1
        if row >= 0:
            self.register.selectRow(row)
        active = sum(1 for e in data.register if e.status == EntryStatus.ACTIVE)
        self.summary.setText(tr("在册 {active} 户，逾期未走访 {overdue} 户").format(active=active,
                                                                                   overdue=len(data.overdue)))
        self.tabs.setTabText(1, tr("逾期走访（{n}）").format(n=len(data.overdue)))
        open_leads = sum(1 for v in data.leads if v.status == LeadStatus.OPEN)
        self.tabs.setTabText(2, tr("网络舆情（待处理 {n}）").format(n=open_leads))
        self._selection_changed()
        self.sig_loaded.emit(data)

    # --- selection ---------------------------------------------------------------------------------
    def selected(self) -> EntryView | None:
        rows = self.register.selectionModel().selectedRows()
        return self.register_model.item_at(rows[0].row()) if rows else None

    def selected_lead(self) -> LeadView | None:
        rows = self.leads.selectionModel().selectedRows()
        return self.leads_model.item_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_args) -> None:  # noqa: ANN002
        entry = self.selected()
        self.detail.setText(tr("选择一条登记查看走访记录。") if entry is None else tr("正在读取走访记录…"))
        if entry is not None:
            self.detail_timer.start()
        self.update_buttons()

    def _load_detail(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.session.write(screening.get_entry, entry.id, on_done=while_alive(self, self._detail_loaded),
                               on_error=while_alive(self, lambda exc: self.detail.setText(
                                   error_text(exc, tr("未能读取走访记录。")))))

    def _detail_loaded(self, detail: EntryDetail) -> None:
        entry = self.selected()
        if entry is None or entry.id != detail.entry.id:
            return
        e = detail.entry
        rows = [(tr("排查原因"), e.reason), (tr("纠纷类别"), tr(e.category) if e.category else "—"),
                (tr("登记日期"), format_local(e.registered_at, with_time=False))]
        if e.resolved_on:
            rows.append((tr("化解日期"), e.resolved_on.isoformat()))
        if e.resolution:
            rows.append((tr("化解情况"), e.resolution))
        visits = [(v.visited_on.isoformat(), tr("{method}　{visitor}（{level}风险）：{findings}").format(
            method=tr(v.method.label) if v.method else "", visitor=v.visitor, level=tr(v.risk_label),
            findings=v.findings).strip()) for v in reversed(detail.visits)]
        head = "<b>" + tr("走访记录（{n} 次）").format(n=len(detail.visits)) + "</b>"
        self.detail.setText(html_rows(rows) + head + (html_rows(visits) if visits else tr("<p>尚无走访。</p>")))

    def update_buttons(self) -> None:
        actor = self.session.actor
        create = actor is not None and can(actor, Permission.CASE_CREATE)
        edit = actor is not None and can(actor, Permission.CASE_EDIT)
        idle = not self.runner.busy and not self.opening
        e, lead = self.selected(), self.selected_lead()
        active = e is not None and e.status == EntryStatus.ACTIVE
        b = self.buttons
        b["add"].setEnabled(idle and create and bool(self.villages()))
        b["visit"].setEnabled(idle and edit and active)
        b["resolve"].setEnabled(idle and edit and e is not None and e.status != EntryStatus.RESOLVED)
        b["case"].setEnabled(idle and create and edit and active)
        b["open"].setEnabled(e is not None and e.case_id is not None)
        b["overdue_visit"].setEnabled(idle and edit and bool(self.overdue.selectionModel().selectedRows()))
        b["lead_add"].setEnabled(idle and create)
        lead_open = lead is not None and lead.status == LeadStatus.OPEN
        b["lead_case"].setEnabled(idle and create and lead_open)
        b["lead_dismiss"].setEnabled(idle and edit and lead_open)
        b["lead_reopen"].setEnabled(idle and edit and lead is not None and lead.status == LeadStatus.DISMISSED)
        b["lead_open"].setEnabled(lead is not None and lead.has_case)

    # --- the register ------------------------------------------------------------------------------
    def start_add(self) -> None:
        if self.runner.busy or not self.villages():
            return
        chosen = self.unit.currentData()
        default = chosen if any(u.id == chosen for u in self.villages()) else None
        dialog = ScreeningEntryDialog(self, self.session, self.villages(), default)
        self.runner.open_dialog(dialog, lambda: self.runner.write(screening.add_entry, notice=tr("已登记"),
                                                                  **dialog.values()))

    def start_visit(self, entry: EntryView | None = None) -> None:
        entry = entry or self.selected()
        if entry is None or self.runner.busy or self.opening or entry.status != EntryStatus.ACTIVE:
            return
        actor = self.session.actor
        dialog = ScreeningVisitDialog(self, entry, actor.display_name if actor else "")
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            screening.record_visit, entry.id, expected_version=entry.version, notice=tr("已记录走访"),
            **dialog.values()))

    def start_visit_overdue(self) -> None:
        rows = self.overdue.selectionModel().selectedRows()
        task = self.overdue_model.item_at(rows[0].row()) if rows else None
        entry = next((e for e in self.data.register if task and e.id == task.entry_id), None)
        if entry is not None:
            self.start_visit(entry)

    def start_resolve(self) -> None:
        entry = self.selected()
        if entry is None or self.runner.busy:
            return
        dialog = ResolveDialog(self, entry)
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            screening.resolve_entry, entry.id, expected_version=entry.version, notice=tr("已化解"), **dialog.values()))

    def start_open_case(self) -> None:
        entry = self.selected()
        if entry is None or self.runner.busy:
            return
        dialog = OpenCaseDialog(self, entry.subject, tr("排查发现：{subject}").format(subject=entry.subject),
                                tr("案件来源为“排查发现”，登记和走访记录一并转入案件时间线；该登记随后不再安排走访。"))
        self.runner.open_dialog(dialog, lambda: self._open_case(
            screening.open_case_from_entry, entry.id, expected_version=entry.version, **dialog.values()))

    def open_entry_case(self) -> None:
        entry = self.selected()
        if entry is not None and entry.case_id:
            self.sig_open_case.emit(entry.case_id)

    def _open_case(self, fn, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        """Run `fn` (which returns the new CaseDetail), then open that case."""
        if self.runner.busy or self.opening:
            return
        self.opening = True
        self.update_buttons()

        def done(detail) -> None:  # noqa: ANN001
            self.opening = False
            self.sig_open_case.emit(detail.row.id)  # the register refreshes through the case change

        def failed(exc: BaseException) -> None:
            self.opening = False
            present_error(self, exc)
            self.refresh()
        self.session.write(fn, *args, on_done=while_alive(self, done), on_error=while_alive(self, failed), **kwargs)

    # --- online-opinion leads ------------------------------------------------------------------------
    def start_add_lead(self) -> None:
        if self.runner.busy:
            return
        actor = self.session.actor
        default = self.unit.currentData() or (actor.unit_id if actor else None)
        dialog = LeadDialog(self, self.units, default)
        self.runner.open_dialog(dialog, lambda: self.runner.write(leads.add_lead, notice=tr("已登记舆情线索"),
                                                                  **dialog.values()))

    def start_lead_case(self) -> None:
        lead = self.selected_lead()
        if lead is None or lead.status != LeadStatus.OPEN or self.runner.busy:
            return
        dialog = OpenCaseDialog(self, lead.where_seen, tr("网络舆情：{summary}").format(summary=lead.summary)[:60],
                                tr("案件来源为“网络舆情”，线索记入案件时间线。"))
        self.runner.open_dialog(dialog, lambda: self._open_case(
            leads.open_case_from_lead, lead.id, expected_version=lead.version, **dialog.values()))

    def start_dismiss_lead(self) -> None:
        lead = self.selected_lead()
        if lead is None or lead.status != LeadStatus.OPEN or self.runner.busy:
            return
        dialog = ReasonDialog(self, tr("排除舆情线索"), tr("排除理由"), ok_text=tr("排除"),
                              notice=tr("经核实无需立案的线索标为“已排除”，仍保留在列表中；如有新情况可恢复为待处理。"),
                              placeholder=tr("如：经村委会核实，系谣传；已由派出所处理"))
        dialog.setObjectName("lead_dismiss_dialog")
        self.runner.open_dialog(dialog, lambda: self.runner.write(
            leads.dismiss_lead, lead.id, dialog.reason(), expected_version=lead.version, notice=tr("已排除")))

    def reopen_lead(self) -> None:
        lead = self.selected_lead()
        if lead is None or lead.status != LeadStatus.DISMISSED or self.runner.busy:
            return
        self.runner.write(leads.reopen_lead, lead.id, expected_version=lead.version, notice=tr("已恢复为待处理"))

    def open_lead_case(self) -> None:
        lead = self.selected_lead()
        if lead is not None and lead.case_id:
            self.sig_open_case.emit(lead.case_id)
