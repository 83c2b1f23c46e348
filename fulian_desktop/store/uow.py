"""Unit of work: one session per user action, committed as a whole or not at all."""
from __future__ import annotations

import contextlib
import errno
from contextvars import ContextVar, Token
from types import TracebackType
from typing import TYPE_CHECKING, Iterator

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..domain.changes import Changes
from ..domain.errors import ConflictError, DiskFull, FulianError, StoreError, StoreLocked
from .text_guard import SESSION_FLAG
from .written import WrittenRecorder

if TYPE_CHECKING:
    from .store import Store


_CURRENT: ContextVar["UnitOfWork | None"] = ContextVar("fulian_current_uow", default=None)


_COLLECTORS: ContextVar[tuple["ChangesSeen", ...]] = ContextVar("fulian_changes_seen", default=())


class ChangesSeen:
    """What the write units of work committed in a `collect_changes()` block changed, merged."""

    def __init__(self) -> None:
        self.changes = Changes()


@contextlib.contextmanager
def collect_changes(seen: ChangesSeen | None = None) -> Iterator[ChangesSeen]:
    """`with collect_changes() as seen:` — every write unit of work committed in this thread inside the block
    adds what it changed to `seen.changes` (work that commits several, like a sync import or one file at a
    time, is gathered whole). Rolled-back units add nothing. Pass `seen` to gather into one made elsewhere
    (by the thread that will read it once the work is done)."""
    seen = seen if seen is not None else ChangesSeen()
    token = _COLLECTORS.set((*_COLLECTORS.get(), seen))
    try:
        yield seen
    finally:
        _COLLECTORS.reset(token)


@contextlib.contextmanager
def one_snapshot(uow: "UnitOfWork") -> Iterator["UnitOfWork"]:
    """A unit of work whose reads all see one state of the store, for work that reads many statements and must
    agree with itself (a report's figures, a paper): `uow` itself where it does — every unit of work on SQLite (a
    write one holds the write lock from its start), a read one on PostgreSQL (REPEATABLE READ) — else, for a write
    one on PostgreSQL (READ COMMITTED: each statement sees what was committed before it began), a read unit of
    work of its own; but `uow` itself once it has written, as only it sees what it wrote (a contact registered and
    its receipt printed in one unit of work)."""
    if not uow.write or uow.store.backend != "postgresql" or _has_written_on_server(uow):
        yield uow
        return
    with uow.store.uow() as snapshot:
        yield snapshot


def _has_written_on_server(uow: "UnitOfWork") -> bool:
    """Rows written in this PostgreSQL unit of work, flushed or still pending in its session. The server is asked:
    a transaction has an id once it wrote or locked a row, however the statement was put (a comment first,
    WITH … UPDATE, MERGE, a trigger, the driver's own cursor: reading the statements' text missed those)."""
    session = uow.s
    if session.new or session.dirty or session.deleted:
        return True
    return bool(session.execute(text("SELECT pg_current_xact_id_if_assigned() IS NOT NULL")).scalar_one())


def current_uow() -> "UnitOfWork | None":
    """The unit of work open in this thread (the innermost), or None: lets the permission check confirm, once
    per unit of work, that the acting session is still valid without every service passing it along."""
    return _CURRENT.get()


class UnitOfWork:
    """`with store.uow(write=True) as uow:` — commits on success, rolls back on any error.

    Database errors are turned into domain errors here, once, so services and the UI
    never look at driver exceptions. A write unit of work observes what it writes (store/written.py): after
    its commit, `changes` says which kinds of record (and which cases) changed; after a rollback, nothing.
    """

    def __init__(self, store: "Store", *, write: bool) -> None:
        self.store = store
        self.write = write
        self.session: Session | None = None
        # Sessions already confirmed live in this unit of work (security/live_session.py).
        self.live_checked: set[tuple[str, str | None, int | None]] = set()
        self._token: Token | None = None
        self._written = WrittenRecorder() if write else None
        self.changes = Changes()
        """What this unit of work changed: set once it committed (empty before, and after a rollback)."""

    def __enter__(self) -> "UnitOfWork":
        bind = self.store.write_engine if self.write else self.store.read_engine
        self.session = Session(bind=bind, expire_on_commit=False, autoflush=True, info={SESSION_FLAG: self.write})
        if self._written is not None:
            self._written.attach(self.session)
        self._token = _CURRENT.set(self)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool:
        assert self.session is not None
        try:
            if exc is None and self.write:
                try:
                    if self._written is not None:
                        self.session.flush()
                        self._written.resolve(self.session)
                    self.session.commit()
                    self.store.commit_seq += 1
                    self._committed()
                except BaseException as commit_exc:
                    self.session.rollback()
                    translated = translate_db_error(commit_exc)
                    if translated is not commit_exc:
                        raise translated from commit_exc
                    raise
            else:
                self.session.rollback()
        finally:
            self.session.close()
            if self._token is not None:
                _CURRENT.reset(self._token)
                self._token = None
        if exc is not None:
            translated = translate_db_error(exc)
            if translated is not exc:
                raise translated from exc
        return False

    def _committed(self) -> None:
        if self._written is None:
            return
        self.changes = self._written.changes()
        for seen in _COLLECTORS.get():
            seen.changes = seen.changes.merge(self.changes)

    @property
    def s(self) -> Session:
        assert self.session is not None, "unit of work used outside its with-block"
        return self.session

    def flush(self) -> None:
        try:
            self.s.flush()
        except BaseException as exc:
            translated = translate_db_error(exc)
            if translated is not exc:
                raise translated from exc
            raise


def translate_db_error(exc: BaseException) -> BaseException:
    if isinstance(exc, FulianError):
        return exc
    if isinstance(exc, StaleDataError):
        return ConflictError("该记录已被其他用户修改。您的输入已保留，请刷新后核对再保存。")
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return DiskFull(_DISK_FULL)
    if isinstance(exc, PoolTimeout):   # every connection of this program's pool stayed in use for 30 s
        return StoreError("与数据库服务器的连接全部被占用，本次操作未完成，您的输入已保留。请稍后重试。",
                          code="server_busy")
    if isinstance(exc, (OperationalError, DBAPIError)):
        text = str(getattr(exc, "orig", exc)).lower()
        # PostgreSQL: two desks changed the same rows at once; the loser's transaction rolled back whole.
        if getattr(getattr(exc, "orig", None), "sqlstate", None) in ("40001", "40P01"):
            return ConflictError("该记录正被其他用户同时修改，本次保存未完成。您的输入已保留，请刷新后再保存。")
        if any(s in text for s in _CONNECTION_LOST):
            return StoreError("与数据库服务器的连接中断，本次保存未完成，您的输入已保留。请检查网络后重试。",
                              code="server_unreachable")
        if "disk is full" in text or "no space" in text:
            return DiskFull(_DISK_FULL)
        if "database is locked" in text or "busy" in text:
            return StoreLocked("数据存储正被其他程序占用（例如正在备份），请稍后重试。")
        if "readonly" in text or "read-only" in text:
            return StoreError("数据存储为只读，无法保存。请检查文件权限。", code="read_only")
    return exc


_CONNECTION_LOST = ("server closed the connection", "connection refused", "could not connect",
                    "terminating connection", "connection timed out", "consuming input failed")
_DISK_FULL = "磁盘空间已满，本次保存未完成，数据未改变，您的输入已保留。请清理磁盘空间后再保存。"
