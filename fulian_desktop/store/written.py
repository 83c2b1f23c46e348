"""What a write unit of work wrote, as a `Changes`: observed on the session, never declared by a caller.

Every table of the store is either mapped to the kind of record a screen shows (`TABLE_KINDS`) or listed as
deliberately silent (`SILENT_TABLES`: the audit chain, the sync change log, derived indexes); a unit test
refuses a table in neither, so a new table cannot be forgotten.

Two paths are watched. The ORM's flush (`after_flush`) names each new, changed or deleted object, so the
case it belongs to is known (its `case_id`, a case's own id, or its parent's case). Every statement the
session's connection hands to the driver (`after_cursor_execute`: bulk updates, Core inserts, text(), the
sync import's driver-level inserts, the ORM's own statements too) names only its table: they add the kind, and the cases are those named beside them — or,
when none is, unknown, which every screen of one case takes as "maybe mine". A person may be a party of
several cases: before the commit, the cases of each person written through the ORM are looked up
(`resolve`); a bulk statement on people leaves the cases unknown.
"""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, bindparam, column, event, inspect, select, table
from sqlalchemy.orm import Session

from ..domain.changes import CASE_KINDS, Changes

TABLE_KINDS: dict[str, str] = {
    # a case and everything recorded on it
    "case_file": "case", "agreement": "case", "agreement_term": "case", "approval_request": "case",
    "case_clock": "case", "case_event": "case", "counselling_session": "case", "crisis_action": "case",
    "follow_up_visit": "case", "intake_record": "case", "mandatory_report": "case",
    "mediation_screening": "case", "mediation_session": "case", "online_lead": "case",
    "protection_order": "case", "referral": "case", "risk_assessment": "case", "safety_plan": "case",
    "screening_entry": "case", "screening_visit": "case",
    # the people in cases
    "person": "party", "case_party": "party",
    # evidence files (the blob and its chunks are content, named by the attachment row beside them)
    "attachment": "attachments", "attachment_blob": "attachments", "attachment_chunk": "attachments",
    "user_account": "user",
    "org_unit": "org",
    "app_setting": "settings",
    "calendar_year": "calendar",
    # monthly reports up the tiers (services/reporting)
    "unit_report": "reports",
    # stations, what came from them, and what is still to decide
    "sync_peer": "sync", "sync_identity": "sync", "sync_applied_bundle": "sync", "sync_conflict": "sync",
}
"""Table -> the kind of record a write to it changes."""

SILENT_TABLES: dict[str, str] = {
    "audit_log": "the audit chain: written beside every write, shown by no screen that reloads",
    "audit_head": "the audit chain's head",
    "sync_audit_checkpoint": "the audit chain of other stations",
    "sync_remote_audit": "the audit chain of other stations",
    "sync_change": "the sync change log: written beside every synced write",
    "sync_lineage": "the sync change log's hashes",
    "case_counter": "the case number counter: written with a new case, which is announced",
    "case_search_doc": "the search index: derived from the case rows written beside it",
    "store_meta": "the store's own identity and schema, never changed by a user's action",
    "issued_paper": "the register of papers printed: read only when a paper's code is checked, never on show",
}
"""Tables whose writes change nothing a screen shows (each with why)."""

SPANS_CASES: frozenset[str] = frozenset({"person"})
"""Tables whose row may belong to several cases: a write to one leaves the cases unknown."""

_PARENT_CASE: dict[str, tuple[str, str]] = {"agreement_term": ("agreement_id", "agreement"),
                                            "screening_visit": ("entry_id", "screening_entry")}
"""Tables whose rows name their case through a parent row: (the parent's key column, the parent's table)."""

_PARTY = table("case_party", column("case_id"), column("person_id"))
_CASES_OF_PEOPLE = select(_PARTY.c.case_id).distinct().where(_PARTY.c.person_id.in_(bindparam("ids", expanding=True)))
"""The cases a written person is a party of (built once: the statement is compiled once)."""

_DML = re.compile(r"^\s*(insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from|replace\s+into)\s+[\"`]?(\w+)",
                  re.IGNORECASE)


class WrittenRecorder:
    """Gathers what one session wrote; `changes()` is the merged value (read it after the commit)."""

    def __init__(self) -> None:
        self.kinds: set[str] = set()
        self.case_ids: set[str] = set()
        self.cases_unknown = False
        self.person_ids: set[str] = set()

    def attach(self, session: Session) -> None:
        event.listen(session, "after_flush", self._after_flush)
        event.listen(session, "after_begin", self._after_begin)

    def resolve(self, session: Session) -> None:
        """Name the cases of the people written (call after the last flush, before the commit)."""
        if self.person_ids and not self.cases_unknown:
            ids = sorted(self.person_ids)
            for start in range(0, len(ids), 500):
                found = session.connection().execute(_CASES_OF_PEOPLE, {"ids": ids[start:start + 500]}).scalars()
                self.case_ids.update(str(case_id) for case_id in found)
        self.person_ids.clear()

    def changes(self) -> Changes:
        named = not self.cases_unknown and self.kinds & CASE_KINDS
        return Changes(**{kind: True for kind in self.kinds},
                       case_ids=frozenset(self.case_ids) if named else frozenset())

    # --- the table of a statement ------------------------------------------------------------------
    def _table(self, name: str | None, bulk: bool = False) -> str | None:
        kind = TABLE_KINDS.get(name or "")
        if kind is not None:
            self.kinds.add(kind)
            if bulk and name in SPANS_CASES:
                self.cases_unknown = True
        return kind

    def _after_begin(self, session: Session, _transaction: Any, connection: Connection) -> None:
        def after_cursor_execute(_conn: Connection, cursor: Any, sql: str, _params: Any, _context: Any,
                                 _many: bool) -> None:
            # Every path ends at the driver's cursor (the ORM, Core, text(), exec_driver_sql), so it is watched
            # here, by the statement's text. The flush's own statements are named row by row in _after_flush;
            # should SQLAlchemy stop saying it is flushing, they count as bulk ones: more screens refresh, none
            # is missed.
            match = _DML.match(sql)
            if match is None:
                return
            verb, name = match.group(1).lower(), match.group(2)
            if verb[0] in "ud" and getattr(cursor, "rowcount", -1) == 0 and "returning" not in sql.lower():
                return  # an update or delete that matched nothing changed nothing
            self._table(name, bulk=not getattr(session, "_flushing", False))

        event.listen(connection, "after_cursor_execute", after_cursor_execute)

    # --- the rows of the ORM's flush ---------------------------------------------------------------
    def _after_flush(self, session: Session, _context: Any) -> None:
        new = set(map(id, session.new))
        for obj in (*session.new, *session.deleted, *(o for o in session.dirty if session.is_modified(o))):
            name = inspect(obj).mapper.local_table.name
            if name in SPANS_CASES:
                self._table(name)
                if id(obj) not in new:  # a new person is a party only of cases whose party rows are written beside
                    self.person_ids.add(str(obj.id))
            elif self._table(name) in CASE_KINDS:
                case_id = _case_of(session, name, obj)
                if case_id is not None:
                    self.case_ids.add(case_id)
                elif name in _PARENT_CASE:
                    self.cases_unknown = True  # its parent is not at hand: some case, which one unknown


def _case_of(session: Session, name: str, obj: Any) -> str | None:
    """The case `obj` belongs to, or None (a lead not yet a case, or a parent not at hand)."""
    if name == "case_file":
        holder, attribute = obj, "id"
    elif name in _PARENT_CASE:
        key, parent_table = _PARENT_CASE[name]
        holder, attribute = _in_session(session, obj, parent_table, getattr(obj, key, None)), "case_id"
    else:
        holder, attribute = obj, "case_id"
    case_id = getattr(holder, attribute, None)
    return None if case_id is None else str(case_id)


def _in_session(session: Session, obj: Any, parent_table: str, key: Any) -> Any:
    """The parent row if this session holds it (no query during a flush)."""
    if key is None:
        return None
    mapper = next((m for m in inspect(obj).mapper.registry.mappers if m.local_table.name == parent_table), None)
    return None if mapper is None else session.identity_map.get(mapper.identity_key_from_primary_key([key]))
