"""A logical export of every table through SQLAlchemy (PostgreSQL backups), and loading it back.

One consistent snapshot (REPEATABLE READ on PostgreSQL) is written as JSON lines: a header per
table, its rows as lists in column order, and a footer with the row count. Values are encoded
by column type, so the same export loads into SQLCipher or PostgreSQL.
"""
from __future__ import annotations

import base64
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import JSON, Connection, Date, DateTime, Engine, LargeBinary, Numeric, Table, insert, null, select

from ..store.base import Base, UTCDateTime
from . import container

BATCH = 2000
# Derived data, rebuilt after a load (the search index): never exported, never compared.
DERIVED = frozenset({"case_search_doc"})


def tables() -> list[Table]:
    from ..store import models  # noqa: F401 - registers every table (evidence and sync too)

    return [t for t in Base.metadata.sorted_tables if t.name not in DERIVED]


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Decimal):
        return str(value)
    return value


def _decoder(column) -> Callable[[Any], Any]:  # noqa: ANN001
    kind = column.type
    if isinstance(kind, (UTCDateTime, DateTime)):
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if isinstance(kind, Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    if isinstance(kind, LargeBinary):
        return lambda v: None if v is None else base64.b64decode(v)
    if isinstance(kind, Numeric):
        return lambda v: None if v is None else Decimal(v)
    if isinstance(kind, JSON):
        return lambda v: null() if v is None else v  # SQL NULL, as the services write it
    return lambda v: v


def export(conn: Connection, writer: container.ChunkWriter) -> dict[str, int]:
    """Write every table through `writer`; returns rows per table. Run inside one snapshot transaction."""
    counts: dict[str, int] = {}
    for table in tables():
        cols = [c.name for c in table.columns]
        writer.write(_line({"table": table.name, "columns": cols}))
        order = list(table.primary_key.columns) or list(table.columns)
        n = 0
        result = conn.execution_options(yield_per=BATCH).execute(select(*table.columns).order_by(*order))
        for row in result:
            writer.write(_line([_encode(v) for v in row]))
            n += 1
        writer.write(_line({"end": table.name, "count": n}))
        counts[table.name] = n
    return counts


def _line(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _lines(chunks: Iterable[bytes]) -> Iterator[Any]:
    rest = b""
    for chunk in chunks:
        rest += chunk
        *whole, rest = rest.split(b"\n")
        for line in whole:
            if line:
                yield json.loads(line)
    if rest.strip():
        yield json.loads(rest)


def load(conn: Connection, chunks: Iterable[bytes]) -> dict[str, int]:
    """Insert an export into an empty, migrated schema (foreign keys are checked by the caller after)."""
    known = {t.name: t for t in tables()}
    counts: dict[str, int] = {}
    table: Table | None = None
    decoders: list[Callable[[Any], Any]] = []
    cols: list[str] = []
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        if batch and table is not None:
            conn.execute(insert(table), batch)
            batch.clear()

    for item in _lines(chunks):
        if isinstance(item, dict) and "table" in item:
            table = known.get(item["table"])
            if table is None:
                raise container.damaged(f"含有本程序不认识的数据表 {item['table']}")
            cols = item["columns"]
            decoders = [_decoder(table.c[c]) for c in cols]
            counts[table.name] = 0
        elif isinstance(item, dict) and "end" in item:
            flush()
            if table is None or counts.get(item["end"]) != item["count"]:
                raise container.damaged(f"数据表 {item['end']} 的记录数与导出时不符")
            table = None
        elif isinstance(item, list) and table is not None:
            batch.append({c: d(v) for c, d, v in zip(cols, decoders, item)})
            counts[table.name] += 1
            if len(batch) >= BATCH:
                flush()
        else:
            raise container.damaged("数据部分结构不对")
    if table is not None:
        raise container.damaged("数据部分在表中间中断")
    return counts


def count_rows(engine: Engine) -> dict[str, int]:
    from sqlalchemy import func

    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables()}
