"""Time helpers of the demo's work records: UTC timestamps in whole seconds, shown and dated in
Beijing time as services.localtime does."""
from __future__ import annotations

from datetime import date

from .writer import ts_datetime

DAY = 86400
BEIJING = 8 * 3600
EPOCH_ORD = date(1970, 1, 1).toordinal()


def local_day(ts: int) -> date:
    return date.fromordinal(EPOCH_ORD + (ts + BEIJING) // DAY)


def day_ts(day: date, hour: int = 12, minute: int = 0) -> int:
    """The UTC timestamp of a local time on `day`."""
    return (day.toordinal() - EPOCH_ORD) * DAY + hour * 3600 + minute * 60 - BEIJING


_DAY_TEXT: dict[int, str] = {}


def fmt(ts: int) -> str:
    """services' format_local: 2026-09-01 09:30 (Beijing time)."""
    days, sod = divmod(ts + BEIJING, DAY)
    text = _DAY_TEXT.get(days)
    if text is None:
        text = _DAY_TEXT[days] = date.fromordinal(EPOCH_ORD + days).isoformat()
    return f"{text} {sod // 3600:02d}:{sod // 60 % 60:02d}"


def iso(ts: int) -> str:
    return ts_datetime(ts).isoformat()


def office(ts: int) -> int:
    """Move a UTC timestamp into 08:30-17:30 Beijing time of the same day."""
    day, sod = divmod(ts + BEIJING, DAY)
    if sod < 30600 or sod > 63000:
        sod = 30600 + sod % 32400
    return day * DAY + sod - BEIJING
