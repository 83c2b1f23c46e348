"""The org tree as the receiving store knows it, and the kinds only the district authors.

The authority check (authority.py) reads subtrees and ancestry from here, never from a bundle: ids and
parents a sender writes prove nothing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..store.models import OrgUnit
from .errors import SenderOverreach
from .rows import columns, content_hash, encode_row, load_rows, ordered_tables


@dataclass
class OrgTree:
    parent: dict[str, str | None]
    name: dict[str, str]

    def subtree(self, unit: str) -> frozenset[str]:
        children: dict[str | None, list[str]] = {}
        for uid, parent in self.parent.items():
            children.setdefault(parent, []).append(uid)
        found, todo = set(), [unit]
        while todo:
            u = todo.pop()
            if u in found:
                continue
            found.add(u)
            todo.extend(children.get(u, ()))
        return frozenset(found)

    def is_ancestor_or_self(self, unit: str, of: str) -> bool:
        seen: set[str] = set()
        cur: str | None = of
        while cur is not None and cur not in seen:
            if cur == unit:
                return True
            seen.add(cur)
            cur = self.parent.get(cur)
        return False

    def label(self, unit: Any) -> str:
        return self.name.get(unit, str(unit)[:36] if unit else "（空）") if isinstance(unit, str) else "（无效）"


def org_tree(conn: Connection) -> OrgTree:
    t = OrgUnit.__table__
    parent, name = {}, {}
    for uid, pid, nm in conn.execute(select(t.c.id, t.c.parent_id, t.c.name)):
        parent[uid], name[uid] = pid, nm
    return OrgTree(parent, name)


def from_authority(conn: Connection, sender_unit: str, receiver_unit: str) -> bool:
    """A bundle from an ancestor of the receiver's unit (downward, as the receiver's tree says). A station of
    the receiver's own unit is no authority over it: it is checked like any other."""
    return sender_unit != receiver_unit and org_tree(conn).is_ancestor_or_self(sender_unit, receiver_unit)


# The org tree, accounts and the working-day calendar have one author, the district: a town above a village
# relays them at most, unchanged (a town's key holder must not plant an account at its village).
DISTRICT_ONLY = ("org_unit", "user_account", "calendar_year")


def is_district(conn: Connection, unit: str) -> bool:
    """The root of the receiver's org tree."""
    tree = org_tree(conn)
    return unit in tree.parent and tree.parent[unit] is None


def check_district_only(conn: Connection, payload: dict[str, Any], sender_name: str) -> None:
    """Refuse any org unit, account or calendar row from a non-district ancestor that is new here or differs
    from ours (bookkeeping columns aside)."""
    for name in DISTRICT_ONLY:
        if name not in ordered_tables():
            continue
        body = (payload.get("changes") or {}).get(name) or {}
        rows = list(body.get("rows") or []) + list((payload.get("refs") or {}).get(name) or [])
        if not rows:
            continue
        at = columns(name).index("id")
        mine = load_rows(conn, name, [r[at] for r in rows if isinstance(r, list) and len(r) > at])
        for row in rows:
            rid = row[at] if isinstance(row, list) and len(row) > at else None
            local = mine.get(rid) if isinstance(rid, str) else None
            if local is None or content_hash(name, encode_row(name, local)) != content_hash(name, row):
                raise SenderOverreach(
                    f"已拒绝来自{sender_name}的同步包：组织机构、用户账号和工作日历只能由区妇联建立和更改，"
                    f"{sender_name}发来的 {name} 记录（{str(rid)[:36]}）在本站没有或与本站不同。数据未改变。",
                    table=name, record_id=str(rid), reason="district_only")
