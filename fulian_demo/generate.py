"""Fill a store with realistic, reproducible demo data: org tree, staff, people and cases.

Everything is drawn from one `random.Random(seed)`: the same seed on the same starting store
gives the same rows, ids included. Cases go in opening order, a chunk of whole cases per
executemany, so numbers stay gap-free and counters match even when the run is stopped.
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable, Iterator

from sqlalchemy import Connection, bindparam, func, select, update

from fulian_desktop.domain.errors import ValidationError
from fulian_desktop.security.passwords import hash_password
from fulian_desktop.services.cases.protection import protect_all_marked
from fulian_desktop.store.models import Case, CaseCounter, CaseSearchDoc, OrgUnit
from .cases import KINDS, Batch, Plan, id_maker
from .blobs import demo_blobs, store_blobs
from .clocks import add_clocks, add_petition_clocks
from .dice import Dice
from .names import NameMaker
from .orgtree import Unit, create_tree, create_users, load_units, lone_root
from .places import DISTRICT, district_named
from .pipeline import batches, can_use_helper_process
from .writer import Writer, drop_secondary_indexes, fast_bulk_session, has_search_index, recreate_indexes

DEMO_PASSWORD = "Demo2026!"
SETUP_AT = datetime(2022, 1, 4, 1, 30, tzinfo=timezone.utc)  # when the demo org and staff "were created"
CHUNK = 500  # cases per executemany round and progress report (about 5,000 rows)
TX_CASES = 10_000  # cases per transaction on the ordinary path
BULK_MIN_CASES = 5_000  # from this many (into a smaller store): one transaction, indexes rebuilt after
HELPER_MIN_CASES = 20_000  # from this many: rows are made in a helper process while this one writes

if TYPE_CHECKING:
    from fulian_desktop.store.store import Store


@dataclass(frozen=True)
class DemoSummary:
    units: int
    users: int
    persons: int
    cases: int
    seconds: float


def _require_district(conn: Connection, name: str) -> None:
    if not name.strip() or len(name) > 20:
        raise ValidationError("演示区的名称须为 1 到 20 个字。", field="district")
    roots = conn.execute(select(OrgUnit.__table__.c.name).where(OrgUnit.__table__.c.parent_id.is_(None),
                                                                OrgUnit.__table__.c.deleted_at.is_(None))).scalars()
    other = [r for r in roots if r != name]
    if other:
        raise ValidationError(f"该数据存储已建有区（{other[0]}），--district 只用于在空的数据存储里建演示区"
                              f"（一个数据存储只设一个区）。", field="district")


def generate_demo(store: Store, *, cases: int, seed: int = 2026,
                  progress: Callable[[int, int], bool] | None = None, district: str | None = None) -> DemoSummary:
    """Add `cases` demo cases to `store`, with the org tree of 望城区 and demo staff if missing.
    `district`: the demo district's name in an empty store (one store per district of a city: 芙蓉区, 岳麓区 …);
    a store whose district has another name is refused (ValidationError), nothing written.

    `progress(done, total)` is called after each chunk of cases; returning False stops there,
    keeping the whole cases written so far. Returns what was written.
    """
    started = time.perf_counter()
    rng = random.Random(seed)
    names = NameMaker(Dice(rng))
    new_id = id_maker(rng)
    password_hash = hash_password(DEMO_PASSWORD)  # once, for every demo account: hashing is slow
    engine = store.write_engine

    with engine.begin() as conn:
        if district is not None:
            _require_district(conn, district)
        if conn.execute(select(func.count()).select_from(OrgUnit.__table__)).scalar_one() == 0:
            create_tree(conn, new_id, SETUP_AT, district=district_named(district) if district else DISTRICT)
        elif (root := lone_root(conn)) is not None:
            create_tree(conn, new_id, SETUP_AT, root=root)
        units = load_units(conn)
        users = create_users(conn, units, rng, names, new_id, password_hash, SETUP_AT)
        numbered = [u for u in units if u.numbered]
        seqs = _load_counters(conn, numbered)
        existing_cases = conn.execute(select(func.count()).select_from(Case.__table__)).scalar_one()
        search_index = has_search_index(conn)
        next_doc = (conn.execute(select(func.max(CaseSearchDoc.__table__.c.doc))).scalar() or 0) + 1
        blobs = store_blobs(conn, demo_blobs(), SETUP_AT) if cases > 0 else []

    total = cases if numbered and cases > 0 else 0
    done = persons = 0
    with engine.connect() as conn:
        writer = Writer(conn, search_index=search_index)
        plan = Plan(rng.getstate(), numbered, seqs, next_doc, total, CHUNK, writer.values, writer.search, blobs)
        # A big load into a small store is one transaction with the plain indexes rebuilt at its
        # end; otherwise one transaction per TX_CASES cases.
        big = writer.fast and total >= BULK_MIN_CASES and existing_cases < total
        helper = total >= HELPER_MIN_CASES and can_use_helper_process()
        known_counters = set(seqs)
        with fast_bulk_session(conn, big=big), batches(plan, helper_process=helper) as made:
            pending = _peekable(made)
            stop = False
            while not stop and pending.more():
                tx_end = done + (total if big else TX_CASES)
                with conn.begin():
                    dropped = drop_secondary_indexes(conn) if big else []
                    while pending.more() and done < tx_end:
                        batch = pending.next()
                        _write(conn, writer, batch, numbered, known_counters)
                        done, persons = batch.done, persons + len(batch.persons)
                        if progress is not None and progress(done, total) is False:
                            stop = True
                            break
                    recreate_indexes(conn, dropped)
        with conn.begin():
            add_clocks(conn, new_id)
            add_petition_clocks(conn, new_id)
            protect_all_marked(conn)   # the mark follows the person (services/cases/protection.py)
    return DemoSummary(units=len(units), users=users, persons=persons, cases=done,
                       seconds=round(time.perf_counter() - started, 3))


def _write(conn: Connection, writer: Writer, batch: Batch, units: list[Unit],
           known_counters: set[tuple[int, int, int]]) -> None:
    writer.insert(conn, "person", batch.persons)
    writer.insert(conn, "case_file", batch.cases)
    writer.insert(conn, "case_party", batch.parties)
    writer.insert(conn, "case_event", batch.events)
    writer.insert(conn, "case_clock", batch.clocks)
    for name, rows in batch.work.items():  # work_tables order: what a row points at is written first
        writer.insert(conn, name, rows)
    writer.index_search(conn, batch.docs)
    # Counters in the same transaction as the cases, so numbering goes on from here.
    new, old = [], []
    for u, k, year, seq in batch.counters:
        row = {"b_unit": units[u].id, "b_kind": KINDS[k].value, "b_year": year, "b_seq": seq}
        (old if (u, k, year) in known_counters else new).append(row)
        known_counters.add((u, k, year))
    t = CaseCounter.__table__
    if new:
        conn.execute(t.insert(), [{"owner_unit_id": r["b_unit"], "kind": r["b_kind"], "year": r["b_year"],
                                   "last_seq": r["b_seq"]} for r in new])
    if old:
        conn.execute(update(t).where(t.c.owner_unit_id == bindparam("b_unit"), t.c.kind == bindparam("b_kind"),
                                     t.c.year == bindparam("b_year")).values(last_seq=bindparam("b_seq")), old)


def _load_counters(conn: Connection, units: list[Unit]) -> dict[tuple[int, int, int], int]:
    """Highest sequence already used per (unit, kind, year), from the counters and the cases."""
    ix = {u.id: n for n, u in enumerate(units)}
    kx = {k.value: n for n, k in enumerate(KINDS)}
    found: dict[tuple[int, int, int], int] = {}
    c, f = CaseCounter.__table__, Case.__table__
    rows = list(conn.execute(select(c.c.owner_unit_id, c.c.kind, c.c.year, c.c.last_seq)).all())
    rows += conn.execute(select(f.c.owner_unit_id, f.c.kind, f.c.case_year, func.max(f.c.case_seq))
                         .group_by(f.c.owner_unit_id, f.c.kind, f.c.case_year)).all()
    for owner, kind, year, seq in rows:
        if owner in ix and kind in kx:
            key = (ix[owner], kx[kind], year)
            found[key] = max(found.get(key, 0), seq or 0)
    return found


class _peekable:
    """An iterator that can say whether another item is coming."""

    def __init__(self, items: Iterator[Batch]) -> None:
        self._items = items
        self._next: Batch | None = next(items, None)

    def more(self) -> bool:
        return self._next is not None

    def next(self) -> Batch:
        item = self._next
        assert item is not None
        self._next = next(self._items, None)
        return item
