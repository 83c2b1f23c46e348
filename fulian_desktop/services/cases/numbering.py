"""Gap-free case sequences: the counter is bumped in the transaction that inserts the case.

If that transaction rolls back, so does the bump, so no number is skipped; two writers are
serialised by the write lock (SQLite BEGIN IMMEDIATE) or the counter row lock (PostgreSQL).
"""
from __future__ import annotations

from sqlalchemy import and_, insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...store.models import CaseCounter

_counter = CaseCounter.__table__


def next_case_seq(session: Session, unit_id: str, kind: str, year: int) -> int:
    where = and_(_counter.c.owner_unit_id == unit_id, _counter.c.kind == kind, _counter.c.year == year)
    bump = update(_counter).where(where).values(last_seq=_counter.c.last_seq + 1).returning(_counter.c.last_seq)
    seq = session.execute(bump).scalar_one_or_none()
    if seq is not None:
        return seq
    try:
        with session.begin_nested():  # the first case of the year: create the counter row
            session.execute(insert(_counter).values(owner_unit_id=unit_id, kind=kind, year=year, last_seq=1))
        return 1
    except IntegrityError:  # another desk created it first (PostgreSQL): bump theirs
        return session.execute(bump).scalar_one()
