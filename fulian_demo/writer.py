"""Bulk writing for the demo generator.

Rows are tuples in a fixed column order. On SQLite/SQLCipher the compiled Core `insert()`
runs as one DB-API executemany with values already in the dialect's storage form (checked
against the dialect's own bind processors first); on any other back end, or if a check
fails, rows go through the typed Core `insert()` with its processors.
"""
from __future__ import annotations

import json
import unicodedata
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from operator import itemgetter
from typing import Any, Callable, Iterator, Sequence

from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Table, TypeDecorator

from fulian_desktop.domain.enums import CaseStatus
from fulian_desktop.services.cases.search import spaced
from fulian_desktop.store.models import Case, CaseClock, CaseEvent, CaseParty, CaseSearchDoc, Person
from fulian_desktop.services.statistics.statistics_prefix import LOG as CHANGE_LOG
from .work_tables import WORK_TABLES

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_EPOCH_ORD = date(1970, 1, 1).toordinal()

# What a closed case achieved (domain/closure_outcomes.py): a flag and its persons, per outcome.
CLOSURE_OUTCOME_COLS = ("prevented_crime", "prevented_crime_persons", "prevented_suicide", "prevented_suicide_persons",
                        "stopped_group_petition", "stopped_group_petition_persons")
_RECORD = ("owner_unit_id", "created_at", "updated_at", "version", "deleted_at")
PERSON_COLS = ("id", "name", "name_pinyin", "name_initials", "sex", "birth_date", "id_number", "phone",
               "address", "marital_status", "ethnicity", "occupation", "note", "contact_protected") + _RECORD
CASE_COLS = ("id", "case_no", "case_year", "case_seq", "kind", "title", "tier", "status", "category",
             "sub_category", "dispute_type", "source", "urgency", "major_incident", "involves_minor",
             "domestic_violence", "handler_id", "summary", "opened_at", "closed_at", "mediation_outcome",
             "petition_outcome", "petition_evaluation", *CLOSURE_OUTCOME_COLS) + _RECORD
PARTY_COLS = ("id", "case_id", "person_id", "role", "contact_confidential") + _RECORD
EVENT_COLS = ("id", "case_id", "kind", "occurred_at", "actor_id", "actor_name", "summary", "data") + _RECORD
SEARCH_DOC_COLS = ("doc", "case_id")
CLOCK_COLS = ("id", "case_id", "kind", "started_at", "urgent", "paused_since", "paused_days", "extended_days",
              "due_at", "stopped_at", "stop_note", "due_override_at") + _RECORD

TABLES: dict[str, tuple[Table, tuple[str, ...]]] = {
    "person": (Person.__table__, PERSON_COLS),
    "case_file": (Case.__table__, CASE_COLS),
    "case_party": (CaseParty.__table__, PARTY_COLS),
    "case_event": (CaseEvent.__table__, EVENT_COLS),
    "case_search_doc": (CaseSearchDoc.__table__, SEARCH_DOC_COLS),
    "case_clock": (CaseClock.__table__, CLOCK_COLS),
    **WORK_TABLES,  # intake, referrals, mediation, crisis … (the later work on a case), in insert order
}
# The free-text index of services.cases.search: an FTS5 table outside the ORM metadata.
_FTS_INSERT = "INSERT INTO case_search(rowid, body) VALUES (?, ?)"


def ts_datetime(ts: int) -> datetime:
    return _EPOCH + timedelta(seconds=ts)


def _identity(value: Any) -> Any:
    return value


class Values:
    """Bind values for whole-second UTC timestamps, dates and the event `data` JSON.

    Plain data (picklable), so the rows can be built in another process. With `raw`
    set they are SQLite storage text, otherwise Python objects for the typed insert.
    """

    def __init__(self, raw: bool, status_json: dict[tuple[str, str], Any]) -> None:
        self.raw = raw
        self.status_json = status_json  # {(from, to): value of {"from": .., "to": ..}}
        self._days: dict[int, str] = {}
        self._times: dict[int, str] = {}
        if not raw:
            self.ts = ts_datetime  # type: ignore[method-assign]
            self.day = _identity  # type: ignore[method-assign]
            self.js = _identity  # type: ignore[method-assign]

    def ts(self, ts: int) -> Any:
        """'YYYY-MM-DD HH:MM:SS.000000', SQLAlchemy's SQLite DATETIME text, for a UTC timestamp."""
        day, sod = divmod(ts, 86400)
        try:
            return self._days[day] + self._times[sod]
        except KeyError:
            self._days[day] = date.fromordinal(_EPOCH_ORD + day).isoformat() + " "
            self._times[sod] = f"{sod // 3600:02d}:{sod // 60 % 60:02d}:{sod % 60:02d}.000000"
            return self._days[day] + self._times[sod]

    def day(self, value: date) -> Any:
        return value.isoformat()

    def js(self, value: Any) -> Any:
        """A JSON column's value: the dialect's text (checked in Writer._formats_match); None is SQL NULL."""
        return None if value is None else json.dumps(value)


def has_search_index(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    return conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'case_search'").scalar_one() > 0


class Writer:
    """Inserts row tuples; `values` makes the bind values that suit this connection."""

    def __init__(self, conn: Connection, *, search_index: bool = False) -> None:
        """`search_index`: also fill services.cases.search's FTS index (SQLite only; see has_search_index)."""
        self.dialect = conn.dialect
        self._sql: dict[str, tuple[str, Callable[..., tuple[Any, ...]] | None]] = {}
        fast = self.dialect.name == "sqlite" and self.dialect.paramstyle == "qmark"
        for name, (table, cols) in TABLES.items():
            compiled = table.insert().compile(dialect=self.dialect, column_keys=list(cols))
            order = list(compiled.positiontup or ())
            if sorted(order) != sorted(cols):
                fast = False
                break
            # The compiled statement lists columns in table order; rows are in ours.
            reorder = None if order == list(cols) else itemgetter(*(cols.index(c) for c in order))
            self._sql[name] = (str(compiled), reorder)
        self.fast = fast and self._formats_match()
        process = CaseEvent.__table__.c.data.type._cached_bind_processor(self.dialect)
        pairs = {(a.value, b.value): {"from": a.value, "to": b.value} for a in CaseStatus for b in CaseStatus}
        self.values = Values(self.fast, {k: process(v) if self.fast and process else v for k, v in pairs.items()})
        self.search = search_index and self.dialect.name == "sqlite"

    def _formats_match(self) -> bool:
        """Our text must equal what SQLAlchemy itself would store, or we use its processors."""
        values = Values(True, {})
        samples = (0, 1_700_000_000, 1_767_225_599, 1_798_761_600 + 86_399)
        for table, cols in TABLES.values():
            for col in cols:
                column = table.c[col]
                process = column.type._cached_bind_processor(self.dialect)
                kind = _python_type(column.type)
                if kind is datetime:
                    if any(process(ts_datetime(s)) != values.ts(s) for s in samples):
                        return False
                elif kind is date:
                    if any(process(ts_datetime(s).date()) != values.day(ts_datetime(s).date()) for s in samples):
                        return False
                elif kind is bool:
                    if process is not None and (process(True), process(False)) != (1, 0):
                        return False
                elif kind is dict:
                    sample = {"a": [1, "甲"], "b": None, "c": {"d": True}}
                    if process is None or process(sample) != values.js(sample):
                        return False
                elif process is not None:
                    return False  # a processed type we do not pre-format
        return True

    def insert(self, conn: Connection, name: str, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if self.fast:
            sql, reorder = self._sql[name]
            conn.exec_driver_sql(sql, rows if reorder is None else list(map(reorder, rows)))  # type: ignore[arg-type]
        else:
            table, cols = TABLES[name]
            conn.execute(table.insert(), [dict(zip(cols, row)) for row in rows])

    def index_search(self, conn: Connection, docs: Sequence[tuple[Any, ...]]) -> None:
        """Rows for services.cases.search's FTS index: (doc, case_id, body)."""
        if not self.search or not docs:
            return
        self.insert(conn, "case_search_doc", [(doc, case_id) for doc, case_id, _ in docs])
        conn.exec_driver_sql(_FTS_INSERT, [(doc, body) for doc, _, body in docs])  # type: ignore[arg-type]


def _python_type(type_: Any) -> type | None:
    base = type_.impl_instance if isinstance(type_, TypeDecorator) else type_
    if isinstance(base, DateTime):
        return datetime
    if isinstance(base, Date):
        return date
    if isinstance(base, Boolean):
        return bool
    if isinstance(base, JSON):
        return dict
    return None


class _SpacedMap(dict):  # type: ignore[type-arg]
    """str.translate table equal to services.cases.search.spaced, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = value = spaced(chr(code))  # ' 张 ' for a CJK character, else the character
        return value


_SPACED = _SpacedMap()


def search_body(title: str, summary: str, names: Sequence[str]) -> str:
    """The text services.cases.search indexes for a case (equal to its spaced(...), only faster)."""
    return unicodedata.normalize("NFKC", " ".join((title, summary, *names))).translate(_SPACED)


def drop_secondary_indexes(conn: Connection) -> list[str]:
    """Drop the plain (non-unique, explicitly created) indexes of the bulk tables, and the triggers
    of the statistics' change log (migration 0026: they look a written case's records up through
    those indexes), and return their CREATE statements. SQLite only, and only inside the
    transaction that puts them back (recreate_indexes): building an index once after a big load is
    cheaper than updating it row by row, and a rollback restores them anyway."""
    names = ", ".join(f"'{name}'" for name in TABLES)
    found = conn.exec_driver_sql(
        f"SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND (type = 'index' "
        f"AND tbl_name IN ({names}) OR type = 'trigger' AND name LIKE '{CHANGE_LOG}%') ORDER BY type, name").all()
    statements = []
    for kind, name, sql in found:
        if sql.lstrip().upper().startswith("CREATE UNIQUE"):
            continue
        conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
        statements.append(sql)
    return statements


def recreate_indexes(conn: Connection, statements: list[str]) -> None:
    for sql in statements:
        conn.exec_driver_sql(sql)
    if any(sql.lstrip().upper().startswith("CREATE TRIGGER") for sql in statements):
        # The load was not logged day by day: an empty day tells kept statistics that any day may have changed.
        conn.exec_driver_sql(f"INSERT INTO {CHANGE_LOG} (at) VALUES ('')")


@contextmanager
def fast_bulk_session(conn: Connection, *, big: bool = False) -> Iterator[None]:
    """On SQLite: a bigger page cache and WAL-safe NORMAL sync while the demo is written, put
    back afterwards (demo rows are reproducible: a power cut may cost the last commit, never
    consistency). After a big load the WAL is checkpointed and truncated."""
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    saved = {p: raw.execute(f"PRAGMA {p}").fetchone()[0] for p in ("synchronous", "cache_size")}
    raw.execute("PRAGMA synchronous = NORMAL")
    raw.execute("PRAGMA cache_size = -131072")  # 128 MiB
    try:
        yield
        if big:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        try:
            for pragma, value in saved.items():
                raw.execute(f"PRAGMA {pragma} = {int(value)}")
        except Exception:
            conn.invalidate()  # never hand a connection with changed settings back to the pool
            raise
