"""Two stores numbering one unit's series offline can hand out the same case number to two cases.

Case numbers are unique, so one of the two must give way, and both stores must agree which and to what,
without talking: the case registered later (created_at, then id) keeps its number with a mark that
names it, "（2026）望高郭妇信字第1号（重号a1b2c3）", and gets a timeline entry whose id is derived from the
case, so the entry written on either side is the same record. Every store reaches the same rows.
"""
from __future__ import annotations

import uuid
from collections import Counter
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from ..store.base import utcnow
from ..store.models import Case, CaseEvent, SyncChange
from .lineage import load_lineages, save_lineages
from .rows import CHUNK, content_hash, encode_row, merge_lineage

_NAMESPACE = uuid.UUID("6f7a1c52-3f0e-4a53-9d61-2f5d0c1b7e10")


def renumbered(case_no: str, case_id: str) -> str:
    return f"{case_no}（重号{case_id[:6]}）"


def _later(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether a was registered after b (the one that gives way)."""
    return (a["created_at"], a["id"]) > (b["created_at"], b["id"])


def settle_case_numbers(conn: Connection, incoming: list[dict[str, Any]], lineages: dict[str, list[str]],
                        counts: Counter) -> list[tuple[dict[str, Any], str]]:
    """Rename, before writing, whichever case of each colliding pair gives way (`incoming` rows in place).
    Returns the timeline notes to write once the incoming cases are in (`write_notes`)."""
    c = Case.__table__
    by_no = {r["case_no"]: r for r in incoming}
    ids = {r["id"] for r in incoming}
    nos = list(by_no)
    clashes = []
    for start in range(0, len(nos), CHUNK):
        clashes += [dict(row) for row in conn.execute(select(c).where(c.c.case_no.in_(nos[start:start + CHUNK])))
                    .mappings() if row["id"] not in ids]
    notes = []
    for local in clashes:
        remote = by_no[local["case_no"]]
        if _later(remote, local):
            loser, winner_no = remote, local["case_no"]
            remote["case_no"] = renumbered(remote["case_no"], remote["id"])
            digest = content_hash("case_file", encode_row("case_file", remote))
            lineages[remote["id"]] = merge_lineage(lineages.get(remote["id"], []), [digest])
        else:
            loser, winner_no = local, local["case_no"]
            _rename_local(conn, local)
        notes.append((loser, winner_no))
        counts["renumbered"] += 1
    return notes


def write_notes(conn: Connection, notes: list[tuple[dict[str, Any], str]]) -> None:
    for loser, winner_no in notes:
        _note(conn, loser, winner_no)


def _rename_local(conn: Connection, local: dict[str, Any]) -> None:
    c = Case.__table__
    before = content_hash("case_file", encode_row("case_file", local))
    local["case_no"] = renumbered(local["case_no"], local["id"])
    after = content_hash("case_file", encode_row("case_file", local))
    # updated_at is kept: the other store makes the same change, and the two rows must hash the same.
    conn.execute(update(c).where(c.c.id == local["id"]).values(case_no=local["case_no"], version=c.c.version + 1))
    conn.execute(insert(SyncChange.__table__).values(table_name="case_file", record_id=local["id"], origin_store=None))
    mine = load_lineages(conn, "case_file", [local["id"]])
    save_lineages(conn, "case_file", {local["id"]: merge_lineage(mine.get(local["id"], []), [before, after])},
                  set(mine))


def _note(conn: Connection, loser: dict[str, Any], winner_no: str) -> None:
    e = CaseEvent.__table__
    event_id = str(uuid.uuid5(_NAMESPACE, loser["id"] + "/renumbered"))
    if conn.execute(select(e.c.id).where(e.c.id == event_id)).first():
        return
    now = utcnow()
    conn.execute(insert(e).values(
        id=event_id, case_id=loser["id"], kind="sync_renumbered", occurred_at=now, created_at=now, updated_at=now,
        version=1, owner_unit_id=loser["owner_unit_id"], actor_name="同步",
        summary=f"案号 {winner_no} 已被另一处离线登记的案件先用，本案案号改为 {renumbered(winner_no, loser['id'])}。",
        data={"old_case_no": winner_no}))
    conn.execute(insert(SyncChange.__table__).values(table_name="case_event", record_id=event_id, origin_store=None))
