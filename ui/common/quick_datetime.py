"""One text field for a date and time, typed quickly ("0315 1430", "1430"); the default is now, China time.

A QDateTimeEdit makes the clerk Tab through month, day, hour and minute; this field takes the whole moment
at once and shows it back in full when she leaves it. Text that names no moment turns the field red and
keeps the last good value until it is corrected.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from fulian_desktop.domain import clock
from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.quick_time import parse_quick_moment

from ..i18n import tr

SHOWN = "%Y-%m-%d %H:%M"


class QuickDateTimeEdit(QLineEdit):
    dateTimeChanged = Signal(QDateTime)  # noqa: N815 - the name QDateTimeEdit uses
    """(the new moment, China wall-clock time) — after the text was taken."""

    def __init__(self, parent: QWidget | None = None, *, object_name: str = "") -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setPlaceholderText(tr("如 0315 1430 或 1430；留空为现在"))
        self.setToolTip(tr("可只输数字：1430 为今天 14:30，0315 1430 为 3 月 15 日 14:30"))
        self.moment: datetime = clock.now_local().replace(second=0, microsecond=0)
        self.valid = True
        self.editingFinished.connect(self.take_text)
        self._show()

    def _show(self) -> None:
        was = self.blockSignals(True)
        self.setText(self.moment.astimezone(LOCAL_TZ).strftime(SHOWN))
        self.blockSignals(was)

    def take_text(self) -> bool:
        """Read what was typed: a moment is taken and shown in full; blank means now."""
        text = self.text().strip()
        moment = clock.now_local().replace(second=0, microsecond=0) if not text else \
            parse_quick_moment(text, clock.now_local())
        self.valid = moment is not None
        self.setStyleSheet("" if self.valid else "QLineEdit { border:1px solid #b3261e; }")
        if moment is None:
            return False
        changed = moment != self.moment
        self.moment = moment
        self._show()
        if changed:
            self.dateTimeChanged.emit(self.dateTime())
        return True

    # --- the QDateTimeEdit calls the form uses -------------------------------------------------------
    def dateTime(self) -> QDateTime:  # noqa: N802
        local = self.moment.astimezone(LOCAL_TZ)
        return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))

    def setDateTime(self, value: QDateTime) -> None:  # noqa: N802
        d, t = value.date(), value.time()
        self.moment = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=LOCAL_TZ)
        self.valid = True
        self.setStyleSheet("")
        self._show()
        if not self.signalsBlocked():
            self.dateTimeChanged.emit(self.dateTime())
