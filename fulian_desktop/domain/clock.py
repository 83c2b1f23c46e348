"""The product's one clock.

Days are counted in China time whatever the machine's time zone: a petition registered at 03:30 in
Changsha belongs to that day even where the machine's clock still shows the evening before (UTC).
Every "now" and "today" in the core and the UI comes from here, never from the machine's own date or
time, so tests can pin the moment (`frozen_at`) and CI can shift it (libfaketime).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone

from .localtime import LOCAL_TZ


def _system_now() -> datetime:
    return datetime.now(timezone.utc)


_source: Callable[[], datetime] = _system_now


def now_utc() -> datetime:
    """The current moment, aware, in UTC (what the store keeps)."""
    return _source().astimezone(timezone.utc)


def now_local() -> datetime:
    """The current moment, aware, in China Standard Time (what people read and count)."""
    return _source().astimezone(LOCAL_TZ)


def today_local() -> date:
    """Today's date in China: the day every statutory period and every register counts from."""
    return now_local().date()


@contextmanager
def frozen_at(moment: datetime) -> Iterator[None]:
    """Pin the clock to `moment` (aware) for the block: tests of midnight, month ends and holidays."""
    global _source
    if moment.tzinfo is None:
        raise ValueError("frozen_at needs an aware datetime")
    previous = _source
    _source = lambda: moment  # noqa: E731 - a constant source
    try:
        yield
    finally:
        _source = previous
