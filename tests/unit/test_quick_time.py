"""The reception time typed in one field, the way a clerk types it (issue 15, build item 1)."""
from __future__ import annotations

from datetime import datetime

import pytest

from fulian_desktop.domain.localtime import LOCAL_TZ
from fulian_desktop.domain.quick_time import parse_quick_moment

NOW = datetime(2026, 3, 20, 16, 5, tzinfo=LOCAL_TZ)


@pytest.mark.parametrize(("text", "expected"), [
    ("0315 1430", datetime(2026, 3, 15, 14, 30)),
    ("03151430", datetime(2026, 3, 15, 14, 30)),
    ("3-15 14:30", datetime(2026, 3, 15, 14, 30)),
    ("3-15 1430", datetime(2026, 3, 15, 14, 30)),
    ("1430", datetime(2026, 3, 20, 14, 30)),
    ("14:30", datetime(2026, 3, 20, 14, 30)),
    ("9", None),
    ("2026-03-15 14:30", datetime(2026, 3, 15, 14, 30)),
    ("20260315 1430", datetime(2026, 3, 15, 14, 30)),
    ("3月15日 14:30", datetime(2026, 3, 15, 14, 30)),
    ("1231 0900", datetime(2025, 12, 31, 9, 0)),      # not in the future: last year's
    ("0230 1000", None), ("2561", None), ("abc", None), ("", None),
])
def test_quick_typing(text: str, expected: datetime | None) -> None:
    got = parse_quick_moment(text, NOW)
    assert got == (expected.replace(tzinfo=LOCAL_TZ) if expected else None)
