"""The dashboard's periods (China's date given): the presets, and the same period a year earlier."""
from __future__ import annotations

from datetime import date

import pytest

from fulian_desktop.services.statistics.dashboard_period import Preset, change, preset_period, same_period_last_year


@pytest.mark.parametrize(("preset", "today", "expected"), [
    (Preset.THIS_MONTH, date(2026, 12, 7), (date(2026, 12, 1), date(2026, 12, 7))),
    (Preset.LAST_MONTH, date(2026, 12, 7), (date(2026, 11, 1), date(2026, 11, 30))),
    (Preset.LAST_MONTH, date(2026, 1, 1), (date(2025, 12, 1), date(2025, 12, 31))),
    (Preset.LAST_MONTH, date(2028, 3, 31), (date(2028, 2, 1), date(2028, 2, 29))),
    (Preset.THIS_QUARTER, date(2026, 12, 7), (date(2026, 10, 1), date(2026, 12, 7))),
    (Preset.THIS_QUARTER, date(2026, 4, 1), (date(2026, 4, 1), date(2026, 4, 1))),
    (Preset.THIS_YEAR, date(2026, 12, 7), (date(2026, 1, 1), date(2026, 12, 7))),
])
def test_presets(preset: Preset, today: date, expected: tuple[date, date]) -> None:
    assert preset_period(preset, today) == expected


@pytest.mark.parametrize(("period", "expected"), [
    ((date(2026, 12, 1), date(2026, 12, 7)), (date(2025, 12, 1), date(2025, 12, 7))),
    # February of a leap year: its last day is compared with the last day of last year's February, and back.
    ((date(2028, 2, 1), date(2028, 2, 29)), (date(2027, 2, 1), date(2027, 2, 28))),
    ((date(2029, 2, 1), date(2029, 2, 28)), (date(2028, 2, 1), date(2028, 2, 29))),
    ((date(2028, 2, 29), date(2028, 3, 10)), (date(2027, 2, 28), date(2027, 3, 10))),
])
def test_same_period_last_year(period: tuple[date, date], expected: tuple[date, date]) -> None:
    assert same_period_last_year(*period) == expected


def test_change_against_last_year() -> None:
    assert change(6, 2) == pytest.approx(2.0)
    assert change(0, 1) == pytest.approx(-1.0)
    assert change(3, 0) is None
