"""Small pieces shared by the crisis, counselling and screening screens: risk-level colours and the
level badge, a notice banner, date/time fields that give aware datetimes, and an HTML table helper.

Risk levels come from two enums with the same values (domain.risk.RiskLevel for danger assessments,
domain.screening_rules.RiskLevel for the register): both are keyed here by value, 'high' / 'medium' / 'low'.
"""
from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QLabel, QSizePolicy, QWidget

from fulian_desktop.domain import clock
from fulian_desktop.domain.localtime import LOCAL_TZ, to_local

from ..i18n import tr

# value -> (background, text); 高 red, 中 amber, 低 green.
LEVEL_COLOURS: dict[str, tuple[str, str]] = {
    "high": ("#b3261e", "#ffffff"),
    "medium": ("#f0a500", "#2b1d00"),
    "low": ("#1e7e34", "#ffffff"),
}
# Text colours on a white ground (amber darkened to stay readable).
LEVEL_TEXT: dict[str, str] = {"high": "#b3261e", "medium": "#a35f00", "low": "#1e7e34"}
# Light bands for the trend chart and highlighted rows.
LEVEL_TINTS: dict[str, str] = {"high": "#fbe3e1", "medium": "#fff1cc", "low": "#e3f3e6"}
OVERDUE_TINT = "#fde2e0"

BANNER_STYLES = {
    "danger": "background:#b3261e; color:#ffffff; border-radius:4px; padding:8px 10px; font-weight:bold;",
    "warn": "background:#fff4d6; color:#5c3c00; border:1px solid #e0b54a; border-radius:4px; padding:6px 8px;",
    "info": "background:#e8f0fe; color:#174ea6; border:1px solid #aecbfa; border-radius:4px; padding:6px 8px;",
    "ok": "background:#e6f4ea; color:#0d652d; border:1px solid #a8dab5; border-radius:4px; padding:6px 8px;",
}


def level_value(level: object) -> str:
    return str(getattr(level, "value", level) or "")


class LevelBadge(QLabel):
    """“高风险” on red, “中风险” on amber, “低风险” on green; “未评估” in grey. The level's value is
    kept in the `risk_level` property (tests and style sheets)."""

    def __init__(self, parent: QWidget | None = None, *, big: bool = False) -> None:
        super().__init__(parent)
        self.big = big
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.set_level(None)

    def set_level(self, level: object | None, label: str | None = None) -> None:
        value = level_value(level)
        background, colour = LEVEL_COLOURS.get(value, ("#e8eaed", "#3c4043"))
        text = label or (tr("{level}风险").format(level=tr(level.label)) if level is not None else tr("未评估"))
        self.setText(text)
        self.setProperty("risk_level", value)
        self.setAccessibleName(text)
        size = "font-size:15pt; padding:4px 16px;" if self.big else "padding:2px 10px;"
        self.setStyleSheet(f"QLabel {{ background:{background}; color:{colour}; border-radius:10px;"
                           f" font-weight:bold; {size} }}")


def banner(kind: str = "info", object_name: str = "") -> QLabel:
    label = QLabel(objectName=object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.RichText)
    label.setStyleSheet(f"QLabel {{ {BANNER_STYLES[kind]} }}")
    label.hide()
    return label


def set_banner_kind(label: QLabel, kind: str) -> None:
    label.setStyleSheet(f"QLabel {{ {BANNER_STYLES[kind]} }}")


def hint_label(text: str = "", object_name: str = "") -> QLabel:
    label = QLabel(text, objectName=object_name)
    label.setWordWrap(True)
    label.setStyleSheet("color:#5f6368")
    return label


# --- dates and times: the fields show China time; the services want aware datetimes ------------------

def datetime_edit(value: datetime | None = None, object_name: str = "") -> QDateTimeEdit:
    edit = QDateTimeEdit(objectName=object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    set_datetime(edit, value or clock.now_local())
    return edit


def set_datetime(edit: QDateTimeEdit, value: datetime) -> None:
    local = to_local(value) if value.tzinfo else value
    edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))


def aware(edit: QDateTimeEdit) -> datetime:
    """The field's value as a China-time aware datetime (seconds dropped)."""
    naive = edit.dateTime().toPython().replace(second=0, microsecond=0)
    return naive.replace(tzinfo=LOCAL_TZ)


def date_edit(value: date | None = None, object_name: str = "") -> QDateEdit:
    edit = QDateEdit(objectName=object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    set_date(edit, value or clock.today_local())
    return edit


def set_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def day_of(edit: QDateEdit) -> date:
    return edit.date().toPython()


def today() -> date:
    return clock.today_local()


def now() -> datetime:
    """Now in China time (aware): compare field values with this, never with a naive now()."""
    return clock.now_local()


def html_rows(rows: list[tuple[str, str]]) -> str:
    """A two-column label/value table for detail panes (values escaped, newlines kept)."""
    cells = "".join(f"<tr><td style='color:#5f6368;padding-right:12px;white-space:nowrap'>{escape(k)}</td>"
                    f"<td>{escape(v).replace(chr(10), '<br>')}</td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"
