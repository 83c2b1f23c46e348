"""The three-tier organisation: district (区) → towns/streets (街镇) → villages/communities (村社区)."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.enums import Tier
from ...domain.errors import NotFound, ValidationError
from ...security import audit
from ...security.actor import Actor
from ...security.permissions import Permission, require, require_scope
from ...store.models import OrgUnit
from ...store.uow import UnitOfWork


@dataclass(frozen=True)
class OrgUnitView:
    id: str
    name: str
    tier: Tier
    parent_id: str | None
    case_prefix: str
    depth: int


def _live_units(session: Session) -> list[OrgUnit]:
    return list(session.execute(select(OrgUnit).where(OrgUnit.deleted_at.is_(None))
                                .order_by(OrgUnit.sort_order, OrgUnit.name)).scalars())


def subtree_ids(session: Session, unit_id: str) -> frozenset[str]:
    """The unit and everything below it. The tree has hundreds of rows at most: walk it in memory."""
    children: dict[str | None, list[str]] = {}
    for unit_id_, parent in session.execute(select(OrgUnit.id, OrgUnit.parent_id)
                                            .where(OrgUnit.deleted_at.is_(None))):
        children.setdefault(parent, []).append(unit_id_)
    found, stack = set(), [unit_id]
    while stack:
        current = stack.pop()
        if current not in found:
            found.add(current)
            stack.extend(children.get(current, ()))
    return frozenset(found)


def root_unit(session: Session) -> OrgUnit | None:
    return session.execute(select(OrgUnit).where(OrgUnit.parent_id.is_(None), OrgUnit.deleted_at.is_(None))
                           .order_by(OrgUnit.created_at)).scalars().first()


def create_unit(uow: UnitOfWork, actor: Actor, *, name: str, tier: Tier, parent_id: str | None,
                case_prefix: str | None = None, code: str | None = None) -> OrgUnitView:
    require(actor, Permission.ORG_MANAGE)
    name = (name or "").strip()
    if not name:
        raise ValidationError("请填写单位名称。", field="name")
    s = uow.s
    parent = None
    if parent_id is None:
        if tier != Tier.DISTRICT:
            raise ValidationError("最上级单位必须是区。", field="tier")
        if root_unit(s) is not None:
            raise ValidationError("已有区级单位，一个数据存储只设一个区。", field="parent")
    else:
        parent = s.get(OrgUnit, parent_id)
        if parent is None or parent.deleted_at is not None:
            raise NotFound("上级单位不存在。", field="parent")
        require_scope(actor, parent.id, "上级单位")
        if Tier(parent.tier).child != tier:
            raise ValidationError(f"{Tier(parent.tier).label}下只能设{Tier(parent.tier).child.label if Tier(parent.tier).child else '（无下级）'}。",
                                  field="tier")
    if any(u.name == name and u.parent_id == parent_id for u in _live_units(s)):
        raise ValidationError(f"同一上级下已有“{name}”。", field="name")
    used = used_prefixes(uow)
    prefix = (case_prefix or "").strip() or suggest_prefix(name, parent.case_prefix if parent else "", used)
    if prefix in used:
        # Case numbers are unique store-wide: two units with one prefix would collide.
        raise ValidationError(f"案号前缀“{prefix}”已被“{used[prefix]}”使用，请换一个。", field="case_prefix")
    unit = OrgUnit(name=name, tier=tier.value, parent_id=parent_id, case_prefix=prefix, code=code)
    s.add(unit)
    uow.flush()
    audit.record(s, actor, audit.Action.CREATE, entity="org_unit", entity_id=unit.id, owner_unit_id=unit.id,
                 detail={"name": name, "tier": tier.value})
    return _view(unit, depth=_depth(s, unit))


def _depth(session: Session, unit: OrgUnit) -> int:
    return {Tier.DISTRICT: 0, Tier.TOWN: 1, Tier.VILLAGE: 2}[Tier(unit.tier)]


def _view(unit: OrgUnit, depth: int) -> OrgUnitView:
    return OrgUnitView(unit.id, unit.name, Tier(unit.tier), unit.parent_id, unit.case_prefix, depth)


def list_units(uow: UnitOfWork, actor: Actor) -> list[OrgUnitView]:
    """Units in the actor's scope, in tree order (parent before children)."""
    units = _live_units(uow.s)
    by_parent: dict[str | None, list[OrgUnit]] = {}
    for unit in units:
        by_parent.setdefault(unit.parent_id, []).append(unit)
    ordered: list[OrgUnitView] = []

    def walk(parent: str | None, depth: int) -> None:
        for unit in by_parent.get(parent, []):
            if actor.is_system or actor.in_scope(unit.id):
                ordered.append(_view(unit, depth))
            walk(unit.id, depth + 1)

    walk(None, 0)
    return ordered


def get_unit(uow: UnitOfWork, unit_id: str) -> OrgUnitView:
    unit = uow.s.get(OrgUnit, unit_id)
    if unit is None:
        raise NotFound("单位不存在。")
    return _view(unit, _depth(uow.s, unit))


def suggest_prefix(name: str, parent_prefix: str, taken: Collection[str] = ()) -> str:
    """A case-number prefix for a new unit that no other unit uses (case numbers are unique store-wide).

    The parent's prefix plus the name's first character (望 + 高塘岭街道 -> 望高); if that is taken,
    more characters of the name (望白 taken -> 望白马), then a number (望白2)."""
    name = (name or "").strip()
    taken_set = set(taken)
    for length in range(1, min(len(name), 4) + 1):
        candidate = parent_prefix + name[:length]
        if candidate not in taken_set:
            return candidate
    base = parent_prefix + name[:1]
    n = 2
    while f"{base}{n}" in taken_set:
        n += 1
    return f"{base}{n}"


def used_prefixes(uow: UnitOfWork) -> dict[str, str]:
    """Case prefix -> name of the (first) live unit using it."""
    used: dict[str, str] = {}
    for unit in _live_units(uow.s):
        used.setdefault(unit.case_prefix, unit.name)
    return used
