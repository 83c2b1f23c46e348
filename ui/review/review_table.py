"""The review queue as a table: coloured reason tags, case number, title, unit, detail, due date."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from fulian_desktop.domain import clock
from fulian_desktop.domain.localtime import local_date
from fulian_desktop.services.cases.review import QueueItem, QueueNote, Reason

from ..i18n import status_text, tr
from ..common.list_table import Column, ListTableModel

# (background, text) per reason: red for what is already late or dangerous, blue for a decision
# waiting on the supervisor, amber for soon, grey for quiet.
REASON_COLOURS: dict[str, tuple[str, str]] = {
    Reason.MAJOR: ("#b3261e", "#ffffff"),
    Reason.OVERDUE: ("#d93025", "#ffffff"),
    Reason.APPROVAL: ("#1565c0", "#ffffff"),
    Reason.DUE_SOON: ("#f6c343", "#3d2e00"),
    Reason.IDLE: ("#e0e0e0", "#3c4043"),
}


def _due(item: QueueItem) -> str:
    """The clock's last day (it runs to 24:00 of it), and how far off that is."""
    if item.due_at is None:
        return ""
    last_day = local_date(item.due_at - timedelta(microseconds=1))
    days = (last_day - clock.today_local()).days
    when = tr("今天到期") if days == 0 else tr("剩 {days} 天").format(days=days) if days > 0 else tr("超期 {days} 天").format(days=-days)
    return f"{last_day:%Y-%m-%d}（{when}）"


def note_text(note: QueueNote) -> str:
    """One reason a case waits, in the screen's language (the service's `detail` is the Chinese line)."""
    day = f"{note.day:%Y-%m-%d}" if note.day else ""
    if note.reason == Reason.OVERDUE:
        return tr("{clock}已于 {day} 到期").format(clock=tr(note.subject), day=day)
    if note.reason == Reason.DUE_SOON:
        return tr("{clock} {day} 到期").format(clock=tr(note.subject), day=day)
    if note.reason == Reason.APPROVAL:
        return tr("{who}申请{kind}").format(who=note.who, kind=tr(note.subject))
    if note.reason == Reason.IDLE:
        return tr("最后进展 {day}").format(day=day)
    return tr(Reason.LABELS[note.reason])


def detail_text(item: QueueItem) -> str:
    """The 情况 cell: every reason the case is in the queue, most urgent first as the service listed them."""
    if not item.notes:
        return item.detail
    return tr("；").join(note_text(n) for n in item.notes)


def _due_colour(item: QueueItem) -> str | None:
    if item.due_at is None:
        return None
    return "#b3261e" if item.due_at <= clock.now_utc() else "#9a6700"


QUEUE_COLUMNS: list[Column[QueueItem]] = [
    Column("reasons", QT_TRANSLATE_NOOP("", "提醒"), lambda i: tr("、").join(tr(Reason.LABELS[r]) for r in i.reasons)),
    Column("case_no", QT_TRANSLATE_NOOP("", "案号"), lambda i: i.case.case_no),
    Column("title", QT_TRANSLATE_NOOP("", "案件名称"), lambda i: i.case.title),
    Column("unit", QT_TRANSLATE_NOOP("", "承办单位"), lambda i: i.case.unit_name),
    Column("status", QT_TRANSLATE_NOOP("", "状态"), lambda i: status_text(i.case.status.label)),
    Column("detail", QT_TRANSLATE_NOOP("", "情况"), detail_text),
    Column("due", QT_TRANSLATE_NOOP("", "到期"), _due, colour=_due_colour),
]


class QueueModel(ListTableModel[QueueItem]):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(QUEUE_COLUMNS, parent)


class ReasonTagDelegate(QStyledItemDelegate):
    """Paints an item's reasons as small coloured tags (the text stays the model's, for tests and copying)."""

    PAD_X, GAP, HEIGHT = 6, 4, 20

    def _item(self, index: QModelIndex) -> QueueItem | None:
        return index.data(ListTableModel.ITEM_ROLE)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        item = self._item(index)
        if item is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        metrics = QFontMetrics(option.font)
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        x = option.rect.x() + 4
        height = min(self.HEIGHT, option.rect.height() - 4)
        y = option.rect.y() + (option.rect.height() - height) // 2
        for reason in item.reasons:
            text = tr(Reason.LABELS[reason])
            width = metrics.horizontalAdvance(text) + 2 * self.PAD_X
            if x + width > option.rect.right():
                break
            background, colour = REASON_COLOURS[reason]
            rect = QRect(x, y, width, height)
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(QColor(colour))
            painter.drawText(rect, Qt.AlignCenter, text)
            x += width + self.GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        item = self._item(index)
        if item is None:
            return super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        width = sum(metrics.horizontalAdvance(tr(Reason.LABELS[r])) + 2 * self.PAD_X + self.GAP for r in item.reasons)
        return QSize(width + 8, self.HEIGHT + 6)
