"""One clock for the product: days are counted in China time, and only `domain/clock.py` asks the
machine for the time. The machine's own date, read anywhere else, is a day behind China from
16:00 to 24:00 UTC: that slip once failed the suite at night and printed machine time on screens."""
from __future__ import annotations

import ast
from datetime import date, datetime, timezone
from pathlib import Path

from fulian_desktop.domain import clock

REPO = Path(__file__).resolve().parents[2]
ALLOWED = {REPO / "fulian_desktop" / "domain" / "clock.py"}
MACHINE_CLOCKS = {("datetime", "now"), ("datetime", "today"), ("datetime", "utcnow"), ("date", "today"),
                  ("QDate", "currentDate"), ("QDateTime", "currentDateTime"), ("QTime", "currentTime")}


def _machine_clock_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
            if (name, node.func.attr) in MACHINE_CLOCKS:
                found.append(f"{path.relative_to(REPO)}:{node.lineno} {name}.{node.func.attr}()")
    return found


def test_only_the_clock_module_reads_the_machine_time() -> None:
    offenders = []
    for folder in ("fulian_desktop", "ui", "tests", "scripts"):
        for path in sorted((REPO / folder).rglob("*.py")):
            if path not in ALLOWED:
                offenders += _machine_clock_calls(path)
    assert offenders == [], "read the time through fulian_desktop.domain.clock:\n" + "\n".join(offenders)


def test_today_is_the_china_date_at_night_in_utc() -> None:
    # 19:43 UTC on 5 December is 03:43 on 6 December in Changsha: the register's day is the 6th.
    with clock.frozen_at(datetime(2026, 12, 5, 19, 43, tzinfo=timezone.utc)):
        assert clock.today_local() == date(2026, 12, 6)
        assert clock.now_local().hour == 3
        assert clock.now_utc().day == 5
    # 15:30 UTC on 31 December is 23:30 in China: still the old year.
    with clock.frozen_at(datetime(2026, 12, 31, 15, 30, tzinfo=timezone.utc)):
        assert clock.today_local() == date(2026, 12, 31)


def test_frozen_clock_is_used_by_record_timestamps() -> None:
    from fulian_desktop.store.base import utcnow

    moment = datetime(2027, 2, 5, 1, 0, tzinfo=timezone.utc)
    with clock.frozen_at(moment):
        assert utcnow() == moment
    assert utcnow() != moment
