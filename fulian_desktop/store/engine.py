"""Engines for the two back ends: SQLCipher (a desk) and PostgreSQL (a district office).

The SQLCipher key is handed to SQLAlchemy's pysqlcipher dialect in SQLCipher's raw-key
form (x'<64 hex>'), so no key derivation runs at open and our code never writes the key
into SQL text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import QueuePool

# Write transactions on SQLite start with BEGIN IMMEDIATE: two desks (or a desk and a CLI
# backup) that both read-then-write would otherwise deadlock or fork the audit chain.
WRITE_OPTION = "fulian_write"
BUSY_TIMEOUT_MS = 15_000

_quiet = False


def _silence_sqlcipher_log() -> None:
    """SQLCipher prints 'hmac check failed' to stderr on a wrong key; we report it ourselves."""
    global _quiet
    if _quiet:
        return
    import sqlcipher3

    con = sqlcipher3.connect(":memory:")
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
    finally:
        con.close()
    _quiet = True


def sqlcipher_url(db_path: Path, key_hex: str) -> URL:
    return URL.create("sqlite+pysqlcipher", password=f"x'{key_hex}'", database=str(db_path))


def make_engine(url: URL | str, **kwargs: Any) -> Engine:
    url = make_url(url)
    if url.get_backend_name() == "sqlite" and "poolclass" not in kwargs:
        # pysqlcipher defaults to one shared connection per thread, so two units of work in one
        # thread would share a transaction. A real pool gives each its own connection; opening
        # one costs ~0.3 ms with the raw key.
        kwargs.update(poolclass=QueuePool, pool_size=4, max_overflow=8,
                      connect_args={"check_same_thread": False, **kwargs.get("connect_args", {})})
    if url.get_backend_name() == "postgresql":
        # No JIT: the report's grouped counts are costed high enough for PostgreSQL to compile them, and the
        # compiling took 7 of the 9 seconds of one of them (100,000 cases); the queries here are short.
        args = dict(kwargs.get("connect_args", {}))
        args["options"] = f"{args.get('options', '')} -c jit=off".strip()
        kwargs["connect_args"] = args
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        if engine.dialect.driver == "pysqlcipher":
            _silence_sqlcipher_log()
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_con, _record):  # noqa: ANN001 - DB-API objects
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_con.isolation_level = None
        cur = dbapi_con.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA foreign_keys = ON")
            # FULL: a commit reported to the user survives a power cut, not only a crash.
            cur.execute("PRAGMA synchronous = FULL")
            # Sorts and temp indexes stay in memory, never in a temp file on disk.
            cur.execute("PRAGMA temp_store = MEMORY")
            # Up to 64 MB of decrypted pages per connection (SQLite's default: 2 MB). The statistics read the same
            # indexes for both windows and many figures: kept here, a page is decrypted once, not at each query.
            cur.execute("PRAGMA cache_size = -65536")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        mode = "IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")
