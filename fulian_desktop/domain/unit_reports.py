"""The rules of a unit's monthly report sent up the tiers (上报): its states, what its signature covers, when it
is due, and the shape its frozen figures must have. No database here: services/reporting writes the rows,
sync/report_authority.py checks what a station sends.

A unit's report holds the figures of that unit's own work (not its villages': they report for themselves), so
the district's consolidated report is the plain sum of the accepted ones. The figures are frozen when the unit
submits and signed with its station's Ed25519 key over canonical JSON; a figure changed afterwards, anywhere
on the way up, no longer matches the signature.
"""
from __future__ import annotations

import base64
import json
import math
import re
from datetime import date, datetime, timezone
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SIGNED_KIND = "fulian-unit-report-v1"
PERIOD = re.compile(r"^(20\d{2})-(0[1-9]|1[0-2])$")   # 2000-01 … 2099-12: no year 0, no year 10000
DEFAULT_DUE_DAY = 5
MAX_REASON = 500
# The frozen figures: {section key: {row key: [five values]}}; at most this many sections and rows.
MAX_SECTIONS, MAX_ROWS, COLUMNS = 20, 400, 5


class ReportStatus(StrEnum):
    DRAFT = "draft"            # computed live, nothing stored yet (or a returned report being corrected)
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"


STATUS_LABELS = {ReportStatus.DRAFT: "草稿", ReportStatus.SUBMITTED: "已提交", ReportStatus.RETURNED: "已退回",
                 ReportStatus.ACCEPTED: "已通过"}
OVERDUE_LABEL = "逾期未报"
NOT_YET_LABEL = "未报"


def period_text(period: str) -> str:
    year, month = period.split("-")
    return f"{int(year)}年{int(month)}月"


def parse_period(period: Any) -> tuple[int, int] | None:
    """(year, month) of "2026-11", or None."""
    found = PERIOD.match(period) if isinstance(period, str) else None
    return (int(found.group(1)), int(found.group(2))) if found else None


def month_over(period: str, day: date) -> bool:
    """Whether the month has ended by `day` (China time): its figures are whole only from the next month on."""
    parsed = parse_period(period)
    return parsed is not None and (day.year, day.month) > parsed


def period_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def due_date(period: str, due_day: int = DEFAULT_DUE_DAY) -> date:
    """The last day to submit: `due_day` of the month after the period (China time: days are local)."""
    parsed = parse_period(period)
    if parsed is None:
        raise ValueError(period)
    year, month = parsed
    return date(year + (month == 12), month % 12 + 1, due_day)


def is_overdue(period: str, today: date, due_day: int = DEFAULT_DUE_DAY) -> bool:
    """Past the due day (the due day itself is still in time)."""
    return today > due_date(period, due_day)


def to_utc_text(at: datetime) -> str:
    return at.astimezone(timezone.utc).isoformat(timespec="seconds")


def signed_bytes(*, unit_id: str, period: str, submission_no: int, figures: Any, submitted_by: str,
                 submitted_at: datetime, station_id: str) -> bytes:
    """What the station key signs: canonical JSON (sorted keys, no spaces, UTF-8) of the frozen report."""
    body = {"kind": SIGNED_KIND, "unit_id": unit_id, "period": period, "submission_no": submission_no,
            "figures": figures, "submitted_by": submitted_by, "submitted_at": to_utc_text(submitted_at),
            "station_id": station_id}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def sign(private_key: bytes, message: bytes) -> str:
    return base64.b64encode(Ed25519PrivateKey.from_private_bytes(private_key).sign(message)).decode("ascii")


def signature_holds(public_key: bytes, signature: Any, message: bytes) -> bool:
    if not isinstance(signature, str):
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def figures_shape_ok(figures: Any) -> bool:
    """Frozen figures as a station may send them: a few sections of rows, each row five finite numbers or nulls."""
    if not isinstance(figures, dict) or len(figures) > MAX_SECTIONS:
        return False
    for section, rows in figures.items():
        if not isinstance(section, str) or not isinstance(rows, dict) or len(rows) > MAX_ROWS:
            return False
        for key, values in rows.items():
            if not isinstance(key, str) or len(key) > 100 or not isinstance(values, list) or len(values) != COLUMNS:
                return False
            for v in values:
                if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))
                                      or not math.isfinite(v) or v < 0):
                    return False
    return True
