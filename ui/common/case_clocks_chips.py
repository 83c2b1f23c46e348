"""The running statutory clocks as countdown chips: "信访告知：剩 5 天（2026-10-09 到期）".

Coloured by status — running neutral, due soon amber, due today orange, overdue red — with the legal
basis and the exact deadline as tooltip, and the calendar note ("日历未知 …") when a year's holidays
are not known yet. Each chip is named `clock_chip_<kind>` and carries its status in the
`clock_status` property (tests and style sheets use both).
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QSizePolicy, QWidget

from fulian_desktop.domain.clocks import ClockStatus
from fulian_desktop.domain.localtime import format_local
from fulian_desktop.services.clocks.clocks import ClockView

from ..i18n import tr

# (background, text, border) per status.
CHIP_COLOURS: dict[str, tuple[str, str, str]] = {
    ClockStatus.RUNNING.value: ("#eef1f4", "#202124", "#c4c9cf"),
    ClockStatus.DUE_SOON.value: ("#fff4d6", "#5c3c00", "#e0b54a"),
    ClockStatus.DUE_TODAY.value: ("#e65100", "#ffffff", "#e65100"),
    ClockStatus.OVERDUE.value: ("#b3261e", "#ffffff", "#b3261e"),
    "paused": ("#f1f3f4", "#5f6368", "#bdc1c6"),
    "stopped": ("#f8f9fa", "#5f6368", "#dadce0"),
}


def due_text(view: ClockView) -> str:
    """The deadline as a user reads it: the last day, or the exact time for a clock in hours."""
    deadline = view.deadline
    if deadline.last_day is None:
        return format_local(deadline.due_at)
    return deadline.last_day.isoformat()


def chip_state(view: ClockView) -> str:
    if view.stopped_at is not None:
        return "stopped"
    if view.paused:
        return "paused"
    return view.status.value


def chip_text(view: ClockView) -> str:
    if view.paused:
        return tr("{label}：已暂停（{countdown}）").format(label=tr(view.label), countdown=view.countdown)
    return f"{view.label}：{view.countdown}"


def clock_tooltip(view: ClockView) -> str:
    lines = [f"<b>{escape(tr(view.label))}</b>：{escape(tr(view.status.label))}",
             tr("期限届满：{due_text}").format(due_text=escape(due_text(view))) + ("（24:00）" if view.deadline.last_day else "")]
    if view.deadline.rolled_from:
        lines.append(tr("原届满日 {date} 为休息日，顺延至下一个工作日").format(date=view.deadline.rolled_from.isoformat()))
    if view.paused_days or view.paused:
        lines.append(tr("暂停不计：{paused_days} 天").format(paused_days=view.paused_days) + (tr("（暂停中）") if view.paused else ""))
    if view.extended_days:
        lines.append(tr("已延期：{extended_days} 天").format(extended_days=view.extended_days))
    if view.deadline.provisional_years and not view.deadline.unknown_years:
        years = "、".join(str(y) for y in view.deadline.provisional_years)
        lines.append(tr("<span style='color:#9a6700'>暂定：{years} 年按《全国年节及纪念日放假办法》推算，国务院放假通知发布后由管理员确认，届满日可能变化。</span>").format(years=years))
    elif view.deadline.uncertain:
        years = "、".join(str(y) for y in view.deadline.unknown_years) or tr("相关年份")
        lines.append(tr("<span style='color:#9a6700'>日历未知：{years} 年的节假日尚未录入，届满日可能变化。请管理员在设置中补录工作日历。</span>").format(years=years))
    lines.append(tr("依据：{basis}").format(basis=escape(view.basis)))
    return "<qt>" + "<br>".join(lines) + "</qt>"  # rich text: long legal text wraps


def style_chip(label: QLabel, state: str) -> None:
    background, colour, border = CHIP_COLOURS.get(state, CHIP_COLOURS[ClockStatus.RUNNING.value])
    label.setStyleSheet(f"QLabel {{ background: {background}; color: {colour}; border: 1px solid {border};"
                        " border-radius: 10px; padding: 2px 10px; }")


def clock_chip(view: ClockView) -> QLabel:
    label = QLabel(chip_text(view))
    label.setObjectName(f"clock_chip_{view.kind.value}")
    label.setProperty("clock_status", chip_state(view))
    label.setToolTip(clock_tooltip(view))
    label.setAccessibleName(chip_text(view))
    label.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
    style_chip(label, chip_state(view))
    return label


class ClockChips(QWidget):
    """A row of chips, one per running (not stopped) clock. `set_clocks(views)` replaces them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clock_chips")
        self.row = FlowLayout(self)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.chips: list[QLabel] = []
        self.none = QLabel(tr("无计时中的时限"), objectName="clock_chips_none")
        self.none.setStyleSheet("color:#666")
        self.row.addWidget(self.none)

    def set_clocks(self, views: tuple[ClockView, ...] | list[ClockView]) -> None:
        _clear(self.row, keep=self.none)
        running = [v for v in views if v.stopped_at is None]
        # The most urgent first: overdue, due today, due soon, running; paused last.
        order = {ClockStatus.OVERDUE: 0, ClockStatus.DUE_TODAY: 1, ClockStatus.DUE_SOON: 2, ClockStatus.RUNNING: 3}
        running.sort(key=lambda v: (v.paused, order.get(v.status, 9), v.deadline.due_at))
        self.chips = [clock_chip(v) for v in running]
        for chip in self.chips:
            self.row.addWidget(chip)
        self.none.setVisible(not self.chips)

    def texts(self) -> list[str]:
        return [chip.text() for chip in self.chips]


class FlowLayout(QLayout):
    """Left to right, wrapping onto the next line when the width runs out (chips never clip)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """All on one line; the layout wraps when given less."""
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        if not shown:
            return QSize(0, 0)
        return QSize(sum(h.width() for h in shown) + self.spacing() * (len(shown) - 1),
                     max(h.height() for h in shown))

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line, gap = rect.x(), rect.y(), 0, self.spacing()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y()


def _clear(layout: QLayout, keep: QWidget) -> None:
    for index in reversed(range(layout.count())):
        widget = layout.itemAt(index).widget()
        if widget is not None and widget is not keep:
            layout.takeAt(index)
            widget.deleteLater()
