"""The person-level protection fact: `person.contact_protected`, kept in step with the party marks.

A party marked 联系方式保密 protects the *person* (access/disclosure.py). The mark itself lives on a party
row of one case, and a station receives only the cases of its own subtree: a village holding only her
unmarked party in its own case would never learn she is marked in another village's case. So the fact is
also kept on the person row, which travels to every station holding any party of hers (sync/scope.py).

Who may set and clear it:
- marking a party sets it, in the same unit of work, wherever the marking happens;
- clearing needs every case of hers in view, so it happens only at the district (or a store that never
  joined a sync tree): when none of her live party rows is marked any more, in the unit of work that
  removed the last mark, and after a bundle's party rows are applied there;
- a station never clears it, neither by a service nor by applying a bundle: she may be marked in a case it
  does not hold. The district's cleared person row reaches the station with the next exchange, and a
  station's bundle that clears it is refused (sync/authority.py).
"""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ...store.base import utcnow
from ...store.models import CaseParty, Person
from ...store.models_sync import SyncChange, SyncIdentity
from ..accounts.orgunits import root_unit

_MARKED = select(CaseParty.person_id).where(
    CaseParty.person_id.in_(bindparam("keys", expanding=True)), CaseParty.contact_confidential.is_(True),
    CaseParty.deleted_at.is_(None)).distinct()
_FLAGS = select(Person.id, Person.contact_protected, Person.version).where(
    Person.id.in_(bindparam("keys", expanding=True)))
_CHUNK = 500


def holds_every_case(s: Session) -> bool:
    """This store is the district (the root of the sync tree) or a store that never joined one."""
    ident = s.execute(select(SyncIdentity.unit_id).where(SyncIdentity.id == 1)).scalar_one_or_none()
    if ident is None:
        return True
    root = root_unit(s)
    return root is not None and root.id == ident


def marked_here(conn: Connection, person_ids: Iterable[str]) -> set[str]:
    """Which of these persons have a live party row marked confidential in this store."""
    ids, found = sorted(set(person_ids)), set()
    for start in range(0, len(ids), _CHUNK):
        found |= set(conn.execute(_MARKED, {"keys": ids[start:start + _CHUNK]}).scalars())
    return found


def _wanted(conn: Connection, person_ids: set[str], every_case: bool) -> dict[str, bool]:
    """person id -> the flag it should now have, for those whose flag must change."""
    marked = marked_here(conn, person_ids)
    ids, out = sorted(person_ids), {}
    for start in range(0, len(ids), _CHUNK):
        for pid, flag, _version in conn.execute(_FLAGS, {"keys": ids[start:start + _CHUNK]}):
            if pid in marked and not flag:
                out[pid] = True
            elif every_case and flag and pid not in marked:
                out[pid] = False
    return out


def settle(s: Session, person_ids: Iterable[str]) -> None:
    """After a service changed party marks (in this unit of work): bring these persons' flags in step.
    Written through the ORM, so the change is logged and travels like the user's own edit."""
    ids = {p for p in person_ids if p}
    if not ids:
        return
    s.flush()
    for pid, flag in _wanted(s.connection(), ids, holds_every_case(s)).items():
        person = s.get(Person, pid)
        if person is not None:
            person.contact_protected = flag


def settle_applied(s: Session, person_ids: Iterable[str]) -> int:
    """After a bundle's person and party rows were applied (Core, inside the importer's transaction): the
    same, as this store's own change (logged without origin, so it travels back to the sender too)."""
    ids = {p for p in person_ids if isinstance(p, str) and p}
    if not ids:
        return 0
    conn = s.connection()
    wanted = _wanted(conn, ids, holds_every_case(s))
    if not wanted:
        return 0
    now = utcnow()
    for flag in (True, False):
        group = sorted(pid for pid, f in wanted.items() if f is flag)
        for start in range(0, len(group), _CHUNK):
            conn.execute(update(Person).where(Person.id.in_(group[start:start + _CHUNK]))
                         .values(contact_protected=flag, version=Person.version + 1, updated_at=now))
    conn.execute(insert(SyncChange), [{"table_name": "person", "record_id": pid, "origin_store": None}
                                                for pid in sorted(wanted)])
    return len(wanted)


def protect_all_marked(conn: Connection) -> None:
    """Set the flag of every person with a live marked party (rows written in bulk, outside the services:
    the demo generator). Only sets: what migration 0014 does once for an older store."""
    marked = select(CaseParty.person_id).where(CaseParty.contact_confidential.is_(True),
                                               CaseParty.deleted_at.is_(None))
    conn.execute(update(Person).where(Person.id.in_(marked), Person.contact_protected.is_(False))
                 .values(contact_protected=True, updated_at=Person.updated_at))   # as generated: reproducible
