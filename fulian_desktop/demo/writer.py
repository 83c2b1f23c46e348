"""Bulk writing for the demo generator.

Rows are tuples in a fixed column order. On SQLite/SQLCipher the compiled Core `insert()`
runs as one DB-API executemany with values already in the dialect's storage form (the
formats are checked against the dialect's own bind processors first); on any other back
end, or if a check fails, rows go through the typed Core `insert()` with its processors.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from operator import itemgetter
from typing import Any, Callable, Iterator, Sequence

from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Table, TypeDecorator

from ..store.models import Case, CaseEvent, CaseParty, CaseSearchDoc, Person

_UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)
_EPOCH_ORD = date(1970, 1, 1).toordinal()

_RECORD = ("owner_unit_id", "created_at", "updated_at", "version", "deleted_at")
PERSON_COLS = ("id", "name", "name_pinyin", "name_initials", "sex", "birth_date", "id_number", "phone",
               "address", "marital_status", "ethnicity", "occupation", "note") + _RECORD
CASE_COLS = ("id", "case_no", "case_year", "case_seq", "kind", "title", "tier", "status", "category",
             "sub_category", "dispute_type", "source", "urgency", "major_incident", "involves_minor",
             "domestic_violence", "handler_id", "summary", "opened_at", "closed_at") + _RECORD
PARTY_COLS = ("id", "case_id", "person_id", "role", "contact_confidential") + _RECORD
EVENT_COLS = ("id", "case_id", "kind", "occurred_at", "actor_id", "actor_name", "summary", "data") + _RECORD
SEARCH_DOC_COLS = ("doc", "case_id")

TABLES: dict[str, tuple[Table, tuple[str, ...]]] = {
    "person": (Person.__table__, PERSON_COLS),
    "case_file": (Case.__table__, CASE_COLS),
    "case_party": (CaseParty.__table__, PARTY_COLS),
    "case_event": (CaseEvent.__table__, EVENT_COLS),
    "case_search_doc": (CaseSearchDoc.__table__, SEARCH_DOC_COLS),
}
# The free-text index (services.search): an FTS5 table outside the ORM metadata.
_FTS_INSERT = "INSERT INTO case_search(rowid, body) VALUES (?, ?)"


def has_search_index(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    return conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'case_search'").scalar_one() > 0


def ts_datetime(ts: int) -> datetime:
    return _EPOCH + timedelta(seconds=ts)


class Writer:
    """Turns whole-second UTC timestamps and dates into bind values, and inserts row tuples."""

    def __init__(self, conn: Connection, *, search_index: bool = False) -> None:
        """`search_index`: also fill services.search's FTS index (SQLite only; see has_search_index)."""
        self.dialect = conn.dialect
        self._days: dict[int, str] = {}
        self._times: dict[int, str] = {}
        self._json: dict[Any, Any] = {}
        self._json_process = CaseEvent.__table__.c.data.type._cached_bind_processor(self.dialect)
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
        if not self.fast:
            self.ts = ts_datetime  # type: ignore[method-assign]
            self.day = _identity  # type: ignore[method-assign]
        self.search = search_index and self.dialect.name == "sqlite"

    def _formats_match(self) -> bool:
        """Our strings must equal what SQLAlchemy itself would store, or we use its processors."""
        samples = (0, 1_700_000_000, 1_767_225_599, 1_798_761_600 + 86_399)
        for name, (table, cols) in TABLES.items():
            for col in cols:
                column = table.c[col]
                process = column.type._cached_bind_processor(self.dialect)
                python_type = _python_type(column.type)
                if python_type is datetime:
                    if any(process(ts_datetime(s)) != self.ts(s) for s in samples):
                        return False
                elif python_type is date:
                    if any(process(ts_datetime(s).date()) != self.day(ts_datetime(s).date()) for s in samples):
                        return False
                elif python_type is bool:
                    if process is not None and (process(True), process(False)) != (1, 0):
                        return False
                elif python_type is dict:
                    continue  # JSON values are serialised by the dialect's own processor (see json)
                elif process is not None:
                    return False  # a processed type we do not pre-format
        return True

    def ts(self, ts: int) -> Any:
        """'YYYY-MM-DD HH:MM:SS.000000' for a whole-second UTC timestamp (SQLite's DATETIME form)."""
        day, sod = divmod(ts, 86400)
        try:
            return self._days[day] + self._times[sod]
        except KeyError:
            self._days[day] = date.fromordinal(_EPOCH_ORD + day).isoformat() + " "
            self._times[sod] = f"{sod // 3600:02d}:{sod // 60 % 60:02d}:{sod % 60:02d}.000000"
            return self._days[day] + self._times[sod]

    def day(self, value: date) -> Any:
        return value.isoformat()

    def json(self, key: Any, value: dict[str, Any]) -> Any:
        """A JSON column value, serialised once per distinct `key` (the fast path binds text)."""
        found = self._json.get(key)
        if found is None:
            found = self._json[key] = self._json_process(value) if self.fast and self._json_process else value
        return found

    def index_search(self, conn: Connection, docs: Sequence[tuple[Any, ...]]) -> None:
        """Rows for services.search's FTS index: (doc, case_id, body)."""
        if not self.search or not docs:
            return
        self.insert(conn, "case_search_doc", [(doc, case_id) for doc, case_id, _ in docs])
        conn.exec_driver_sql(_FTS_INSERT, [(doc, body) for doc, _, body in docs])  # type: ignore[arg-type]

    def insert(self, conn: Connection, name: str, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if self.fast:
            sql, reorder = self._sql[name]
            conn.exec_driver_sql(sql, rows if reorder is None else list(map(reorder, rows)))  # type: ignore[arg-type]
        else:
            table, cols = TABLES[name]
            conn.execute(table.insert(), [dict(zip(cols, row)) for row in rows])


def _identity(value: Any) -> Any:
    return value


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


def drop_secondary_indexes(conn: Connection) -> list[str]:
    """Drop the plain (non-unique, explicitly created) indexes of the bulk tables and return
    their CREATE statements. Only for SQLite, only inside the transaction that will put them
    back (recreate_indexes): building an index once after a big load is far cheaper than
    updating it row by row, and a rollback restores them anyway."""
    names = ", ".join(f"'{name}'" for name in TABLES)
    found = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({names}) ORDER BY name").all()
    statements = []
    for name, sql in found:
        if sql.lstrip().upper().startswith("CREATE UNIQUE"):
            continue
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
        statements.append(sql)
    return statements


def recreate_indexes(conn: Connection, statements: list[str]) -> None:
    for sql in statements:
        conn.exec_driver_sql(sql)


@contextmanager
def fast_bulk_session(conn: Connection, *, big: bool = False) -> Iterator[None]:
    """On SQLite: a bigger page cache and WAL-safe NORMAL sync while the demo is written,
    put back afterwards (demo rows are reproducible: a power cut may cost the last commit,
    never consistency). After a big load the WAL is checkpointed and truncated."""
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
