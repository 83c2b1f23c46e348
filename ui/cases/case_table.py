"""The case list model: keeps every matching id, fetches rows a page at a time, off the UI thread.

100,000 cases cost one id query; a row is only read when it scrolls into view.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from fulian_desktop.domain.localtime import format_local
from fulian_desktop.domain.names import mask_names_in
from fulian_desktop.services.cases import case_queries
from fulian_desktop.services.cases.case_queries import CaseFilter
from fulian_desktop.services.cases.views import CaseRow

from ..common.guard import while_alive
from ..i18n import status_text, tr
from ..session import AppSession
from ..settings_store import mask_names_in_lists

PAGE = 200
COLUMNS: list[tuple[str, str]] = [  # titles are shown through tr()
    ("case_no", QT_TRANSLATE_NOOP("", "案号")), ("title", QT_TRANSLATE_NOOP("", "案件名称")),
    ("kind", QT_TRANSLATE_NOOP("", "类型")), ("status", QT_TRANSLATE_NOOP("", "状态")),
    ("tier", QT_TRANSLATE_NOOP("", "层级")), ("unit", QT_TRANSLATE_NOOP("", "承办单位")),
    ("handler", QT_TRANSLATE_NOOP("", "承办人")), ("category", QT_TRANSLATE_NOOP("", "类别")),
    ("opened_at", QT_TRANSLATE_NOOP("", "登记时间")), ("flags", QT_TRANSLATE_NOOP("", "标记")),
]
_SORTABLE = {"case_no", "title", "kind", "status", "tier", "unit", "category", "opened_at"}
# The longest usual content of each column: default widths come from these in the current font,
# so a case number or a date is readable at any scaling until the user resizes the column.
WIDTH_SAMPLES: dict[str, str] = {
    "case_no": "（2026）望高高塘岭婚调字第1000号", "title": "某某某与丈夫离婚财产分割纠", "kind": "婚姻调解",
    "status": "待结案审核", "tier": "村社区", "unit": "高塘岭街道", "handler": "欧阳某某", "category": "劳动和社会保障",
    "opened_at": "2026-11-19 08:46", "flags": "重大 家暴 未成年",
}
_FLAGS = (QT_TRANSLATE_NOOP("", "重大"), QT_TRANSLATE_NOOP("", "家暴"), QT_TRANSLATE_NOOP("", "未成年"))
_TRANSLATED_SAMPLES = {"kind", "status", "tier"}  # domain labels: their width in the current language


def width_sample(key: str) -> str:
    """WIDTH_SAMPLES[key] as shown in the current language (the column title if there is no sample)."""
    sample = WIDTH_SAMPLES.get(key)
    if sample is None:
        return tr(dict(COLUMNS)[key])
    if key == "status":
        return status_text(sample)
    if key == "flags":
        return " ".join(tr(flag) for flag in _FLAGS)
    return tr(sample) if key in _TRANSLATED_SAMPLES else sample


def _cell(row: CaseRow, key: str, masked: bool = False) -> str:
    match key:
        case "case_no":
            return row.case_no
        case "title":
            return mask_names_in(row.title, [row.applicant] if row.applicant else None) if masked else row.title
        case "kind":
            return tr(row.kind.label)
        case "status":
            return status_text(row.status.label)
        case "tier":
            return tr(row.tier.label)
        case "unit":
            return row.unit_name
        case "handler":
            return row.handler_name or ""
        case "category":
            return row.category or ""
        case "opened_at":
            return format_local(row.opened_at)
        case "flags":
            return " ".join(tr(label) for on, label in zip((row.major_incident, row.domestic_violence,
                                                            row.involves_minor), _FLAGS) if on)
    return ""


class CaseTableModel(QAbstractTableModel):
    sig_loaded = Signal(int)
    """(row count) — a new id list arrived (after a filter, sort or search)."""
    sig_first_rows = Signal(int)
    """(rows) — the first page is on screen while the whole list is still loading."""

    ROW_ROLE = Qt.UserRole + 1

    def __init__(self, session: AppSession, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.ids: list[str] = []
        self.cache: dict[str, CaseRow] = {}
        self._pending_pages: set[int] = set()
        self._generation = 0
        self._complete = 0  # the generation whose whole id list has arrived
        self._partial = 0  # the generation whose first page is on screen
        self.filter = CaseFilter()
        self.search_text = ""
        self.sort_key, self.descending = "opened_at", True
        self.active = False  # nothing is fetched until the page first asks (a hidden list costs nothing)
        self.mask_names = False  # 王某某 in the titles (setting mask_names_in_lists), read at each reload

    # --- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the id list for the current filter, sort or search (off the UI thread).

        In the default order (newest first) the first page of rows is asked for at the same time:
        it arrives in a few milliseconds and is shown while the whole id list (a second or more
        at 100,000 cases) is still on its way; the rest of the rows are then appended."""
        self.active = True
        self.mask_names = mask_names_in_lists(self.session.store)
        self._generation += 1
        generation = self._generation
        text = self.search_text.strip()
        if text:
            def fetch(uow, actor):  # noqa: ANN001, ANN202
                rows = case_queries.quick_search(uow, actor, text)
                return [r.id for r in rows], {r.id: r for r in rows}
        else:
            f, sort, descending = self.filter, self.sort_key, self.descending

            def fetch(uow, actor):  # noqa: ANN001, ANN202
                return case_queries.list_case_ids(uow, actor, f, sort=sort, descending=descending), {}

            if sort == "opened_at" and descending:
                self.session.read(case_queries.first_page, f, PAGE,
                                  on_done=while_alive(self, lambda rows: self._first_rows_arrived(generation, rows)),
                                  on_error=lambda _exc: None)  # the full load reports any error
        self.session.read(fetch, on_done=while_alive(self, lambda result: self._set_ids(generation, *result)))

    def _first_rows_arrived(self, generation: int, rows: list[CaseRow]) -> None:
        if generation != self._generation or self._complete == generation:
            return  # superseded, or the whole list came first
        self._partial = generation
        self.beginResetModel()
        self.ids, self.cache, self._pending_pages = [r.id for r in rows], {r.id: r for r in rows}, set()
        self.endResetModel()
        self.sig_first_rows.emit(len(rows))

    def _set_ids(self, generation: int, ids: list[str], rows: dict[str, CaseRow]) -> None:
        if generation != self._generation:
            return  # a newer filter is on its way
        self._complete = generation
        shown = len(self.ids)
        if self._partial == generation and len(ids) >= shown and ids[:shown] == self.ids and not rows:
            # The first page is on screen already: keep it (and its selection), append the rest.
            if len(ids) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
                self.ids = ids
                self.endInsertRows()
        else:
            self.beginResetModel()
            self.ids, self.cache, self._pending_pages = ids, dict(rows), set()
            self.endResetModel()
        self.sig_loaded.emit(len(ids))

    def _request_page(self, page: int) -> None:
        if page in self._pending_pages:
            return
        self._pending_pages.add(page)
        generation = self._generation
        ids = self.ids[page * PAGE:(page + 1) * PAGE]
        self.session.read(case_queries.fetch_case_rows, ids,
                          on_done=while_alive(self, lambda rows: self._page_arrived(generation, page, rows)))

    def _page_arrived(self, generation: int, page: int, rows: list[CaseRow]) -> None:
        if generation != self._generation:
            return
        self._pending_pages.discard(page)
        for row in rows:
            self.cache[row.id] = row
        first, last = page * PAGE, min(len(self.ids), (page + 1) * PAGE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def row_at(self, row: int) -> CaseRow | None:
        if 0 <= row < len(self.ids):
            return self.cache.get(self.ids[row])
        return None

    # --- Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: ANN201
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return tr(COLUMNS[section][1])
        if orientation == Qt.Vertical and role == Qt.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            if role == Qt.DisplayRole:
                self._request_page(index.row() // PAGE)
                return "…" if index.column() == 0 else ""
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.DisplayRole:
            return _cell(row, key, self.mask_names)
        if role == self.ROW_ROLE:
            return row
        if role == Qt.ForegroundRole and key == "flags" and (row.major_incident or row.domestic_violence):
            return QBrush(QColor("#b3261e"))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        if key not in _SORTABLE:
            return
        wanted = (key, order == Qt.DescendingOrder)
        if wanted == (self.sort_key, self.descending):
            return  # the view re-announcing the current order (setSortingEnabled, restoreState)
        self.sort_key, self.descending = wanted
        if self.active:
            self.reload()
