"""Times are stored in UTC and shown, counted and numbered in China Standard Time."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def to_local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_TZ)


def local_date(moment: datetime) -> date:
    """The calendar day in China: a case opened at 07:00 on 1 January belongs to the new year."""
    return to_local(moment).date()


def format_local(moment: datetime | None, with_time: bool = True) -> str:
    if moment is None:
        return ""
    return to_local(moment).strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
