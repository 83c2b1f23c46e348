"""The org tree and staff accounts used by the demo generator."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from sqlalchemy import Connection, select

from fulian_desktop.domain.pinyin import name_search_keys
from fulian_desktop.store.models import OrgUnit, UserAccount
from .names import NameMaker
from .places import DISTRICT, TOWNS, short_name

_TIER_RANK = {"district": 0, "town": 1, "village": 2}


@dataclass
class Unit:
    id: str
    name: str
    tier: str
    prefix: str
    parent_id: str | None
    base: str = ""  # address prefix, e.g. 长沙市望城区高塘岭街道新康村
    homes: list[tuple[str, bool]] = field(default_factory=list)  # (address base, is community)
    handlers: list[tuple[str, str]] = field(default_factory=list)  # (user id, display name)
    receptions: list[tuple[str, str]] = field(default_factory=list)
    counsellors: list[tuple[str, str]] = field(default_factory=list)
    supervisors: list[tuple[str, str]] = field(default_factory=list)
    numbered: bool = True  # False when another unit already uses its case prefix


def _record(new_id: Callable[[], str], at: datetime) -> dict[str, Any]:
    return {"id": new_id(), "created_at": at, "updated_at": at, "version": 1, "deleted_at": None}


def create_tree(conn: Connection, new_id: Callable[[], str], at: datetime,
                root: tuple[str, str] | None = None,
                district: tuple[str, str, str | None] = DISTRICT) -> None:
    """The real tree of 望城区: district, 15 streets and towns, their villages and communities; `district`
    (name, case prefix, division code) names another district above the same streets.

    `root` (id, case prefix) is a district that already exists (made by `fulian init` or the
    setup wizard): the towns and villages go under it, their prefixes built on its own."""
    prefix = DISTRICT[1]                 # the streets' prefixes in TOWNS begin with it
    name, root_prefix, code = district
    rows: list[dict[str, Any]] = []
    if root is None:
        top = {**_record(new_id, at), "parent_id": None, "name": name, "tier": "district",
               "case_prefix": root_prefix, "code": code, "sort_order": 0}
        rows.append(top)
        root_id = top["id"]
    else:
        root_id, root_prefix = root
    for t, (town, town_prefix, villages) in enumerate(TOWNS, start=1):
        town_prefix = root_prefix + town_prefix[len(prefix):]
        town_row = {**_record(new_id, at), "parent_id": root_id, "name": town, "tier": "town",
                    "case_prefix": town_prefix, "code": f"{code}{t:03d}" if code else None, "sort_order": t}
        rows.append(town_row)
        for v, village in enumerate(villages, start=1):
            rows.append({**_record(new_id, at), "parent_id": town_row["id"], "name": village, "tier": "village",
                         "case_prefix": town_prefix + short_name(village),
                         "code": f"{code}{t:03d}{v:03d}" if code else None,
                         "sort_order": v})
    conn.execute(OrgUnit.__table__.insert(), rows)


def lone_root(conn: Connection) -> tuple[str, str] | None:
    """The district, when it is the only unit (a store just initialised): (id, case prefix)."""
    t = OrgUnit.__table__
    found = conn.execute(select(t.c.id, t.c.case_prefix, t.c.parent_id).where(t.c.deleted_at.is_(None))
                         .limit(2)).all()
    if len(found) == 1 and found[0].parent_id is None:
        return found[0].id, found[0].case_prefix
    return None


def load_units(conn: Connection) -> list[Unit]:
    t = OrgUnit.__table__
    found = conn.execute(select(t.c.id, t.c.name, t.c.tier, t.c.case_prefix, t.c.parent_id, t.c.sort_order)
                         .where(t.c.deleted_at.is_(None))).all()
    found.sort(key=lambda r: (_TIER_RANK.get(r.tier, 3), r.sort_order or 0, r.name, r.id))
    units = [Unit(r.id, r.name, r.tier, r.case_prefix or "", r.parent_id) for r in found]
    by_id = {u.id: u for u in units}
    seen_prefixes: set[str] = set()
    for unit in units:
        path, node, hops = [], unit, 0
        while node is not None and hops < 10:
            path.append(node.name)
            node, hops = by_id.get(node.parent_id or ""), hops + 1
        base = "".join(reversed(path))
        unit.base = base if base.startswith(("长沙", "湖南")) else "长沙市" + base
        # Case numbers are unique store-wide: a unit whose prefix is taken (or empty) gets no cases.
        unit.numbered = bool(unit.prefix) and unit.prefix not in seen_prefixes
        seen_prefixes.add(unit.prefix)
    for unit in units:
        if unit.tier == "village" or not any(c.parent_id == unit.id for c in units):
            own = (unit.base, unit.name.endswith(("社区", "街道")))
            unit.homes.append(own)
            node, hops = by_id.get(unit.parent_id or ""), 0
            while node is not None and hops < 10:
                node.homes.append(own)
                node, hops = by_id.get(node.parent_id or ""), hops + 1
    return units


def parent_chain(unit: Unit, by_id: dict[str, Unit]) -> list[Unit]:
    chain, node, hops = [], by_id.get(unit.parent_id or ""), 0
    while node is not None and hops < 10:
        chain.append(node)
        node, hops = by_id.get(node.parent_id or ""), hops + 1
    return chain


def _slug(unit_name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name_search_keys(short_name(unit_name))[0]) or "unit"


def create_users(conn: Connection, units: list[Unit], rng: random.Random, names: NameMaker,
                 new_id: Callable[[], str], password_hash: str, at: datetime) -> int:
    """Demo staff for every unit tier; usernames that exist already are skipped."""
    t = UserAccount.__table__
    existing = conn.execute(select(t.c.id, t.c.username, t.c.display_name, t.c.role, t.c.owner_unit_id)
                            .where(t.c.deleted_at.is_(None), t.c.active.is_(True))).all()
    taken = {r.username for r in conn.execute(select(t.c.username)).all()}
    by_id = {u.id: u for u in units}
    rows: list[dict[str, Any]] = []

    def staff_name() -> str:
        return names.surname() + names.given(rng.random() < 0.2, rng.randint(1972, 1998))

    def add(unit: Unit, username: str, role: str) -> None:
        if username in taken:
            return
        taken.add(username)
        row = {**_record(new_id, at), "owner_unit_id": unit.id, "username": username,
               "display_name": staff_name(), "role": role, "password_hash": password_hash,
               "must_change_password": False, "failed_logins": 0, "locked_until": None, "active": True,
               "last_login_at": None}
        rows.append(row)

    districts = [u for u in units if u.tier == "district"]
    towns = [u for u in units if u.tier == "town"]
    villages = [u for u in units if u.tier == "village"]
    for d in districts[:1]:
        slug = _slug(d.name)
        add(d, "dudao", "supervisor")
        add(d, "admin", "system_admin")
        add(d, "xinli", "counsellor")
        add(d, f"tj_{slug}_1", "mediator")
        add(d, f"jd_{slug}_1", "reception")
    used_slugs: dict[str, int] = {}
    for unit in towns + sorted(rng.sample(villages, min(8, len(villages))), key=villages.index):
        slug = _slug(unit.name)
        n = used_slugs[slug] = used_slugs.get(slug, 0) + 1
        add(unit, f"tj_{slug}_{n}", "mediator")
        if unit.tier == "town":
            add(unit, f"jd_{slug}_{n}", "reception")
    if rows:
        conn.execute(t.insert(), rows)

    staff = [(r.id, r.display_name, r.role, r.owner_unit_id) for r in existing]
    staff += [(r["id"], r["display_name"], r["role"], r["owner_unit_id"]) for r in rows]
    for uid, display, role, owner in staff:
        unit = by_id.get(owner)
        if unit is None:
            continue
        if role == "mediator":
            unit.handlers.append((uid, display))
        elif role == "reception":
            unit.receptions.append((uid, display))
        elif role == "counsellor":
            unit.counsellors.append((uid, display))
        elif role == "supervisor":
            unit.supervisors.append((uid, display))
    # Villages share their town's mediators; a unit without staff borrows the nearest ancestor's.
    own_handlers = {u.id: list(u.handlers) for u in units}
    for unit in units:
        chain = parent_chain(unit, by_id)
        if unit.tier == "village" and chain:
            unit.handlers.extend(own_handlers[chain[0].id])
        for up in chain:
            if unit.handlers:
                break
            unit.handlers.extend(own_handlers[up.id])
        for up in chain:
            if unit.receptions:
                break
            unit.receptions.extend(up.receptions)
        if not unit.handlers:
            unit.handlers.extend(unit.receptions or unit.counsellors)
    return len(rows)
