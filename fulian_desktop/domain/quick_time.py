"""A moment typed the way a desk clerk types it: "0315 1430", "3-15 14:30", "1430", "2026-03-15 14:30".

One field per datum: the reception time is one text field, not five spin sections stepped through with
Tab. Missing parts come from now (China time): "1430" is today at 14:30, "0315 1430" is 15 March this
year — or last year when that would lie in the future (a December visit typed in early January).
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from .localtime import LOCAL_TZ

FUTURE_TOLERANCE = timedelta(minutes=10)
_SEPARATORS = re.compile(r"[-/.:：年月日号时点分T\s]+")


def _split(token: str) -> list[int] | None:
    """A run of digits without separators: HHMM, MMDD HHMM, YYYYMMDD HHMM…"""
    widths = {2: (2,), 4: (2, 2), 8: (2, 2, 2, 2), 12: (4, 2, 2, 2, 2)}.get(len(token))
    if widths is None:
        return None
    out, at = [], 0
    for width in widths:
        out.append(int(token[at:at + width]))
        at += width
    return out


def parse_quick_moment(text: str, now: datetime) -> datetime | None:
    """The moment `text` names in China time, or None when it names none. `now` is aware."""
    tokens = [t for t in _SEPARATORS.split(text.strip()) if t]
    if not tokens or not all(t.isdigit() for t in tokens):
        return None
    parts: list[int] = []
    if len(tokens) == 1:
        split = _split(tokens[0])
        if split is None:
            return None
        parts = split if len(tokens[0]) != 2 else [int(tokens[0]), 0]     # "14" -> 14:00
    elif len(tokens) == 2 and all(len(t) == 4 for t in tokens):
        parts = [int(tokens[0][:2]), int(tokens[0][2:]), int(tokens[1][:2]), int(tokens[1][2:])]
    elif len(tokens) == 2 and len(tokens[0]) == 8 and len(tokens[1]) == 4:
        parts = [int(tokens[0][:4]), int(tokens[0][4:6]), int(tokens[0][6:]), int(tokens[1][:2]), int(tokens[1][2:])]
    elif len(tokens) == 3 and len(tokens[2]) == 4:                          # 3-15 1430
        parts = [int(tokens[0]), int(tokens[1]), int(tokens[2][:2]), int(tokens[2][2:])]
    else:
        parts = [int(t) for t in tokens]
    local_now = now.astimezone(LOCAL_TZ)
    if len(parts) == 2:
        year, month, day, (hour, minute) = local_now.year, local_now.month, local_now.day, parts
    elif len(parts) == 4:
        year, (month, day, hour, minute) = local_now.year, parts
    elif len(parts) == 5:
        year, month, day, hour, minute = parts
    else:
        return None
    try:
        moment = datetime(year, month, day, hour, minute, tzinfo=LOCAL_TZ)
    except ValueError:
        return None
    if len(parts) == 4 and moment > local_now + FUTURE_TOLERANCE:
        try:
            moment = moment.replace(year=year - 1)
        except ValueError:
            return None
    return moment
