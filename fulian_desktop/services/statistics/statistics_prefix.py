"""The year's earlier months of a monthly report, counted once and kept (SQLCipher stores).

A report's 本年累计 is its period plus 1 January to the day before the period. Every figure the report's counting
calls make (statistics_tally: `sums`, `grouped`, `cells`) counts events in a window, so the year's total is the
period's plus the earlier part's. That earlier part — for October, January to September, the bulk of the work — is
recorded when a report counts its two windows (the year less the period, call by call) and kept, in this process
and in the store (migration 0028: the next session's first report uses it too), with the number of the store's
last logged change and a digest of the code that counted it. Migration 0026's triggers log, for every write to a
table the report reads, the days of every counted record the write can change (its own, old and new, and those of
the records counted through it). A later report uses the kept counts only when no day logged since falls in the
earlier part (days as stored, UTC moments included: a day's margin before 1 January); otherwise, or when the log no longer reaches
back that far, it counts them again. The screening register's figures that are not sums of events (in register
during the period, households screened) are counted for their own windows in every report.

PostgreSQL stores keep nothing (no log there): the report counts both windows in one pass as before.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import pkgutil
import sys
import threading
import weakref
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

from sqlalchemy import Engine, text

from ...store.engine import BUSY_TIMEOUT_MS
from ...store.uow import UnitOfWork
from .statistics_tally import Ledger

LOG = "stats_change"
KEPT = "stats_kept"     # migration 0028
_MAX_KEPT = 64          # reports' earlier parts kept per store (units × periods)
log = logging.getLogger(__name__)


@dataclass
class _Kept:
    seq: int
    ledger: Ledger


# The tables the report's kept figures read: the log reaches the counts only through a trigger on each, for each
# kind of write (migration 0026). SQLite drops a table's triggers with the table, as a migration's rebuild of it
# does (Alembic's batch mode): a store missing any of them keeps nothing.
READ_TABLES = ("case_file", "intake_record", "case_clock", "follow_up_visit", "agreement", "agreement_term",
               "case_event", "counselling_session", "risk_assessment", "protection_order", "crisis_action",
               "screening_entry", "screening_visit")
TRIGGERS = tuple(f"{LOG}_{table}_{event}" for table in READ_TABLES for event in ("insert", "update", "delete")) + (
    f"{LOG}_keep",)

_lock = threading.Lock()
_kept: "weakref.WeakKeyDictionary[Engine, dict[tuple[object, ...], _Kept]]" = weakref.WeakKeyDictionary()


def _has_log(uow: UnitOfWork) -> bool:
    """The log and every trigger writing it are there (read at each report: a migration run by another process
    may have rebuilt a table since)."""
    names = ", ".join(f"'{name}'" for name in TRIGGERS)
    found = uow.s.execute(text(f"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})"))
    return found.scalar() == len(TRIGGERS)


def counting_modules() -> list[ModuleType]:
    """The modules whose code decides what a report counts: this package's, and every module of the program they
    take a name from, and so on (the domain's rules — risk levels, outcomes, categories —, the models …)."""
    package = __name__.rpartition(".")[0]
    top = package.split(".")[0]
    todo = [importlib.import_module(f"{package}.{info.name}")
            for info in pkgutil.iter_modules(sys.modules[package].__path__)]
    found: dict[str, ModuleType] = {}
    while todo:
        module = todo.pop()
        if module.__name__ in found:
            continue
        found[module.__name__] = module
        for value in vars(module).values():
            name = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", None)
            if isinstance(name, str) and name.split(".")[0] == top and name in sys.modules:
                todo.append(sys.modules[name])
    return [found[name] for name in sorted(found)]


@cache
def code_digest() -> str:
    """A digest of the code that counts (counting_modules): counts kept by another version are not used. A packaged
    program (PyInstaller: its modules are inside its executable, no source beside them) digests its executable;
    a program whose sources cannot be read keeps nothing for another session (a digest of this process only)."""
    digest = hashlib.sha256()
    if getattr(sys, "frozen", False):
        with open(sys.executable, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()[:32]
    for module in counting_modules():
        source = Path(module.__file__ or "")
        if source.suffix != ".py" or not source.is_file():
            return os.urandom(16).hex()
        digest.update(module.__name__.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:32]


# A ledger as JSON: tuples (call keys, grouped figures' keys) tagged so they come back as tuples; a dict as pairs.
def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return {"t": [_plain(v) for v in value]}
    if isinstance(value, dict):
        return {"d": [[_plain(k), _plain(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot keep {type(value).__name__}")


def _back(value: Any) -> Any:
    if isinstance(value, dict):
        if "t" in value:
            return tuple(_back(v) for v in value["t"])
        return {_back(k): _back(v) for k, v in value["d"]}
    if isinstance(value, list):
        return [_back(v) for v in value]
    return value


def ledger_text(ledger: Ledger) -> str:
    return json.dumps(_plain(ledger), ensure_ascii=False, separators=(",", ":"))


def ledger_from_text(raw: str) -> Ledger:
    """The ledger kept as `raw`; ValueError when it is not one (a damaged or made-up row: its counts would be
    added to the report's, or fail it)."""
    try:
        entries = _back(json.loads(raw))
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        raise ValueError("not a ledger") from exc
    if not isinstance(entries, list) or not all(
            isinstance(entry, tuple) and len(entry) == 3 and isinstance(entry[0], str) and isinstance(entry[1], tuple)
            and isinstance(entry[2], dict) and all(type(n) is int for n in entry[2].values()) for entry in entries):
        raise ValueError("not a ledger")
    return entries


def _has_kept_table(conn: Any) -> bool:
    """The store has migration 0028's table (a session or a connection)."""
    return bool(conn.execute(text(f"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{KEPT}'"))
                .scalar())


def _stored(uow: UnitOfWork, key: str) -> _Kept | None:
    """The counts a report of this store kept (0028), when counted by this code."""
    if not _has_kept_table(uow.s):
        return None
    row = uow.s.execute(text(f"SELECT seq, ledger FROM {KEPT} WHERE key = :key AND code = :code"),
                        {"key": key, "code": code_digest()}).first()
    if row is None:
        return None
    try:
        if type(row[0]) is not int:
            raise ValueError("not a change number")
        return _Kept(row[0], ledger_from_text(row[1]))
    except ValueError:
        log.warning("statistics: kept counts unreadable; counted afresh")
        return None


def _store(uow: UnitOfWork, key: str, kept: _Kept) -> None:
    """Kept in the store too, in a transaction of its own (the report's is a read). A store that cannot be
    written now (locked, read-only) just keeps nothing: the next report counts again. Without waiting: while
    another desk or program writes, the report (a read, which never waits for writers) would otherwise wait the
    busy timeout (15 s) for a lock it can do without."""
    try:
        with uow.store.write_engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA busy_timeout = 0")
            try:
                with conn.begin():
                    # REPLACE deletes and inserts: the newest rows have the highest rowids, the oldest go first.
                    conn.execute(text(f"INSERT OR REPLACE INTO {KEPT} (key, code, seq, ledger) "
                                      "VALUES (:key, :code, :seq, :ledger)"),
                                 {"key": key, "code": code_digest(), "seq": kept.seq,
                                  "ledger": ledger_text(kept.ledger)})
                    conn.execute(text(f"DELETE FROM {KEPT} WHERE rowid NOT IN "
                                      f"(SELECT rowid FROM {KEPT} ORDER BY rowid DESC LIMIT {_MAX_KEPT})"))
            finally:
                try:
                    raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                except Exception:
                    conn.invalidate()   # never back to the pool without its busy timeout
                    raise
    except Exception as exc:  # noqa: BLE001 - keeping is optional: nothing in it may fail the report
        log.warning("statistics: kept counts not stored (%s)", type(exc).__name__)


def _unchanged(uow: UnitOfWork, since: int, first: date, before: date) -> tuple[bool, int]:
    """(no logged change since `since` touches the days first..before-1, the last change's number). An empty
    day is logged by a load that wrote without its triggers (fulian_demo): any day may have changed."""
    n, lo_seq, hi_seq, hits = uow.s.execute(text(
        f"SELECT count(*), min(seq), max(seq), sum(at >= :lo AND at < :hi OR at = '') FROM {LOG} WHERE seq > :since"),
        {"since": since, "lo": (first - timedelta(days=1)).isoformat(), "hi": before.isoformat()}).one()
    if not n:
        # Nothing logged since, or numbered past the log's last change: not counted by this log (a made-up row, or a
        # log begun again), whose changes since would not be seen.
        return _last_change(uow) == since, since
    # The oldest entries are dropped (0026 keeps the newest): a gap after `since` may hide a change.
    return lo_seq == since + 1 and not hits, int(hi_seq)


def _last_change(uow: UnitOfWork) -> int:
    return int(uow.s.execute(text(f"SELECT coalesce(max(seq), 0) FROM {LOG}")).scalar() or 0)


def kept_counts(uow: UnitOfWork, units: frozenset[str], date_from: date,
                date_to: date) -> tuple[Ledger | None, Callable[[Ledger], None] | None]:
    """(the kept counts of 1 January to the day before `date_from`, None) when they still hold; else (None, keep):
    the report counts both windows as before, records what it found before the period, and `keep` keeps that
    for the next report. (None, None) where nothing is kept: PostgreSQL, a period from 1 January or across a
    new year."""
    first = date(date_to.year, 1, 1)
    engine = uow.s.get_bind()
    if not isinstance(engine, Engine) or engine.dialect.name != "sqlite" or not first < date_from <= date_to:
        return None, None
    if not _has_log(uow):
        return None, None
    key = (tuple(sorted(units)), first, date_from)
    stored_key = json.dumps([list(key[0]), first.isoformat(), date_from.isoformat()])
    with _lock:
        kept = _kept.get(engine, {}).get(key)
    if kept is None:
        kept = _stored(uow, stored_key)
        if kept is not None:
            with _lock:
                _kept.setdefault(engine, {})[key] = kept
    if kept is not None:
        fresh, last = _unchanged(uow, kept.seq, first, date_from)
        if fresh and not uow.write:
            with _lock:
                kept.seq = max(kept.seq, last)
        if fresh:
            return kept.ledger, None
    if uow.write:
        # A write transaction sees its own changes, which may yet be rolled back (and their log numbers given
        # again): what it counts, and how far it read the log, are not kept.
        return None, None
    # Read in this transaction, before the counts: a change committed later has a higher number.
    seq = _last_change(uow)

    def keep(ledger: Ledger) -> None:
        kept = _Kept(seq, ledger)
        with _lock:
            store = _kept.setdefault(engine, {})
            if len(store) >= _MAX_KEPT and key not in store:
                store.pop(next(iter(store)))
            store[key] = kept
        _store(uow, stored_key, kept)
    return None, keep


def forget(engine: Engine, *, memory_only: bool = False) -> None:
    """Drop what is kept for a store, in this process and (unless `memory_only`: as a new session finds it) in
    the store: tests compare kept with freshly counted figures."""
    with _lock:
        _kept.pop(engine, None)
    if memory_only or engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        if _has_kept_table(conn):
            conn.execute(text(f"DELETE FROM {KEPT}"))


__all__ = ["kept_counts", "forget", "LOG"]
