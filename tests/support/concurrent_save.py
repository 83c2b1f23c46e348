"""Another desk saving while this one reads: a save committed from a SQLAlchemy `after_cursor_execute` hook, at a
chosen read of the work under test (tests/integration/test_one_snapshot*.py)."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event

from fulian_desktop.store.store import Store


def _is_read(statement: str) -> bool:
    return statement.lstrip().upper().startswith(("SELECT", "WITH"))


class SaveAfter:
    """`save` is committed just after the `statement`-th read made through `store`'s engine (or, with `needle`,
    the first statement holding that text). `armed` stays True if it never ran."""

    def __init__(self, store: Store, save: Callable[[], None], *, statement: int = 0, needle: str = "") -> None:
        self.store, self.save, self.statement, self.needle = store, save, statement, needle
        self.seen, self.armed = 0, True

    def __enter__(self) -> "SaveAfter":
        event.listen(self.store.engine, "after_cursor_execute", self._after)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.store.engine, "after_cursor_execute", self._after)

    def _after(self, _conn, _cursor, statement_text, *_rest) -> None:  # noqa: ANN001
        if not self.armed:
            return
        if self.needle:
            due = self.needle in statement_text
        elif _is_read(statement_text):
            self.seen += 1
            due = self.seen == self.statement
        else:
            due = False
        if due:
            self.armed = False
            self.save()


def statements_of(store: Store, work: Callable[[], object]) -> list[str]:
    """Every statement `work` sends through `store`'s engine, in order."""
    seen: list[str] = []

    def note(_conn, _cursor, statement_text, *_rest) -> None:  # noqa: ANN001
        seen.append(statement_text)

    event.listen(store.engine, "after_cursor_execute", note)
    try:
        work()
    finally:
        event.remove(store.engine, "after_cursor_execute", note)
    return seen


def reads_of(store: Store, work: Callable[[], object]) -> int:
    """How many reads `work` makes through `store`'s engine."""
    return sum(map(_is_read, statements_of(store, work)))
