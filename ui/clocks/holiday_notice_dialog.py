"""按国务院通知确认工作日历: the administrator pastes the State Council's holiday notice for a year.

The text is read as it is typed or pasted (``parse_holiday_notice``, no store involved); the items read
are listed and the year is drawn with its days off and make-up working days, so a wrong paste is seen
before anything is saved. Until something reads, the year's provisional days (放假办法) are drawn instead.
确认并保存 writes the year (``clocks.confirm_notice``: audited, every running clock recomputed with a case
event); a refusal is shown in the dialog and nothing is saved.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QScrollArea,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from fulian_desktop.domain.errors import FulianError
from fulian_desktop.domain.holiday_notice import HolidayNotice, parse_holiday_notice
from fulian_desktop.domain.holiday_rules import REGULATION_YEARS, provisional_rest_days
from fulian_desktop.services.clocks import clocks

from ..errors import present_error
from ..i18n import tr
from ..session import AppSession
from ..common.guard import while_alive
from .year_calendar import YearCalendar
from ..common.screen_fit import fitted_size

OK_COLOUR, WARN_COLOUR, ERROR_COLOUR = "#1b5e20", "#9a6700", "#b3261e"


def _confirm(uow, actor, year: int, text: str) -> tuple[int, int]:  # noqa: ANN001
    notice, moved = clocks.confirm_notice(uow, actor, year, text)
    return len(notice.overrides()), moved


def _span(first: date, last: date) -> str:
    if first == last:
        return f"{first.month}月{first.day}日"
    end = f"{last.day}日" if last.month == first.month else f"{last.month}月{last.day}日"
    return f"{first.month}月{first.day}日—{end}"


class HolidayNoticeDialog(QDialog):
    """Emits ``sig_confirmed(days entered, clocks moved)`` once the year is saved."""

    sig_confirmed = Signal(int, int)

    def __init__(self, session: AppSession, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.year = session, year
        self.notice: HolidayNotice | None = None
        self.setObjectName("holiday_notice_dialog")
        self.setWindowTitle(tr("按国务院通知确认 {year} 年工作日历").format(year=year))

        intro = QLabel(tr("请从中国政府网复制《国务院办公厅关于{year}年部分节假日安排的通知》全文，粘贴到下面。"
                          "读取结果和全年日历会立即显示，核对无误后点“确认并保存”。").format(year=year))
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(objectName="notice_text")
        self.text.setPlaceholderText(tr("一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。\n二、春节：……上班。"))
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(self.read_notice)
        paste_label = QLabel(tr("通知全文(&T)"))
        paste_label.setBuddy(self.text)

        self.table = QTableWidget(0, 4, objectName="notice_table")
        self.table.setHorizontalHeaderLabels([tr("节日"), tr("放假"), tr("天数"), tr("调休上班")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(56)
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)

        self.state = QLabel(objectName="notice_state")
        self.state.setWordWrap(True)
        self.calendar = YearCalendar()
        self.calendar_title = QLabel(objectName="notice_calendar_title")
        legend = QLabel(tr("<span style='background:#fbe3e1;color:#b3261e'>&nbsp;红底&nbsp;</span> 放假　"
                           "<span style='background:#dde8fb;color:#0b57d0'>&nbsp;蓝底&nbsp;</span> 调休上班　"
                           "<span style='color:#8a8a8a'>灰字</span> 周末　鼠标停在日期上可看节日名称"))
        legend.setTextFormat(Qt.RichText)
        scroll = QScrollArea()
        scroll.setWidget(self.calendar)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(self.calendar.sizeHint().height() + 4)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.confirm_button = self.buttons.button(QDialogButtonBox.Ok)
        self.confirm_button.setText(tr("确认并保存(&S)"))
        self.confirm_button.setObjectName("notice_confirm")
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        paste = QVBoxLayout()
        paste.addWidget(paste_label)
        paste.addWidget(self.text, 1)
        read = QVBoxLayout()
        read.addWidget(QLabel(tr("读取结果")))
        read.addWidget(self.table, 1)
        top = QHBoxLayout()
        top.addLayout(paste, 1)
        top.addLayout(read, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top, 1)
        layout.addWidget(self.state)
        layout.addWidget(self.calendar_title)
        layout.addWidget(scroll)
        layout.addWidget(legend)
        layout.addWidget(self.buttons)
        wanted = QSize(self.calendar.sizeHint().width() + 60, 760)
        self.resize(fitted_size(self, wanted))
        self.read_notice()

    # --- reading ----------------------------------------------------------------------------------
    def read_notice(self) -> None:
        text = self.text.toPlainText()
        self.notice = None
        if not text.strip():
            self._show_provisional()
            return
        try:
            self.notice = parse_holiday_notice(text, self.year)
        except FulianError as exc:
            self._fill_table(None)
            self._say(exc.message, ERROR_COLOUR)
            self.calendar_title.setText(tr("{year} 年（通知未读通，以下为暂定日历）").format(year=self.year))
            self.calendar.set_days(self.year, self._provisional_days())
            self.confirm_button.setEnabled(False)
            return
        notice = self.notice
        self._fill_table(notice)
        entries = notice.entries()
        rest = sum(not working for working, _note in entries.values())
        summary = tr("已读取 {items} 项放假安排：全年放假 {rest} 天，调休上班 {work} 天。").format(
            items=len(notice.holidays), rest=rest, work=len(entries) - rest)
        if notice.warnings:
            self._say(summary + "\n" + "\n".join(notice.warnings), WARN_COLOUR)
        else:
            self._say(summary, OK_COLOUR)
        self.calendar_title.setText(tr("{year} 年（按通知）").format(year=self.year))
        self.calendar.set_days(self.year, entries)
        self.confirm_button.setEnabled(True)

    def _provisional_days(self) -> dict[date, tuple[bool, str | None]]:
        if self.year not in REGULATION_YEARS:
            return {}
        return {d: (False, name) for d, name in provisional_rest_days(self.year).items()}

    def _show_provisional(self) -> None:
        self._fill_table(None)
        self._say(tr("尚未粘贴通知。"), WARN_COLOUR)
        self.calendar_title.setText(tr("{year} 年（暂定：按《全国年节及纪念日放假办法》推算的法定节假日和补假）").format(
            year=self.year))
        self.calendar.set_days(self.year, self._provisional_days())
        self.confirm_button.setEnabled(False)

    def _fill_table(self, notice: HolidayNotice | None) -> None:
        holidays = notice.holidays if notice else ()
        self.table.setRowCount(len(holidays))
        for row, h in enumerate(holidays):
            work = "、".join(f"{d.month}月{d.day}日" for d, name in notice.workdays if name == h.name)
            for col, value in enumerate((h.name, _span(h.first, h.last), str(h.days), work or "—")):
                item = QTableWidgetItem(value)
                if col == 2:
                    item.setTextAlignment(Qt.AlignCenter)
                self.table.setItem(row, col, item)

    def _say(self, text: str, colour: str) -> None:
        self.state.setText(text)
        self.state.setStyleSheet(f"color:{colour}")

    # --- saving -----------------------------------------------------------------------------------
    def confirm(self) -> None:
        if self.notice is None or not self.confirm_button.isEnabled():
            return
        self.confirm_button.setEnabled(False)
        self.session.write(_confirm, self.year, self.text.toPlainText(),
                           on_done=while_alive(self, self._saved), on_error=while_alive(self, self._failed))

    def _saved(self, result: tuple[int, int]) -> None:
        days, moved = result
        self.sig_confirmed.emit(days, moved)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.confirm_button.setEnabled(self.notice is not None)
        if isinstance(exc, FulianError):
            self._say(exc.message, ERROR_COLOUR)
        else:
            present_error(self, exc)
