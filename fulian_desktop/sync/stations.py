"""The stations a district (or town) exchanges with, as its administrator sees them: last exchange, what
is still pending either way, which are overdue, and retiring a station for good.

Retiring removes the station's public keys from the peers, so nothing is sent to it and nothing signed by
it is accepted; the station is remembered in a setting so a later bundle of it is refused by name, not as
an unknown sender. The unit may then be given a new station (a replaced PC).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select

from ..domain import clock
from ..domain.errors import NotFound
from ..security import audit
from ..security.actor import Actor
from ..security.permissions import Permission, require, require_key_holder
from ..services.accounts import settings
from ..store.models import AppSetting, AuditEntry, OrgUnit
from ..store.models_sync import SyncAppliedBundle, SyncChange, SyncPeer
from ..store.uow import UnitOfWork
from .identity import identity

RETIRED_KEY = "sync_retired_stations"
OVERDUE_KEY = "sync_overdue_days"
AUDIT_ACTION_RETIRE = "sync_retire"


@dataclass(frozen=True)
class StationRow:
    station_id: str
    unit_id: str
    name: str
    last_export_at: datetime | None
    last_import_at: datetime | None
    pending_out: int      # changes here the station has not acknowledged yet
    pending_in: int       # changes received from it since our last bundle to it (not yet acknowledged to it)
    overdue: bool         # no bundle from it for longer than the overdue setting

    @property
    def last_exchange(self) -> datetime | None:
        return max((t for t in (self.last_export_at, self.last_import_at) if t is not None), default=None)


def overdue_days(uow: UnitOfWork) -> int:
    return int(settings.get(uow, OVERDUE_KEY))


def station_rows(uow: UnitOfWork, now: datetime | None = None) -> list[StationRow]:
    """Every registered station, by name. Overdue: nothing imported from it for `sync_overdue_days`
    (a station never heard from counts from when it was opened here, as the audit log records it)."""
    now = now or clock.now_utc()
    limit = timedelta(days=overdue_days(uow))
    rows = []
    for peer in uow.s.execute(select(SyncPeer).order_by(SyncPeer.name)).scalars():
        pending_out = uow.s.execute(select(func.count()).select_from(SyncChange).where(
            SyncChange.seq > peer.acked_seq, or_(SyncChange.origin_store.is_(None),
                                                 SyncChange.origin_store != peer.station_id))).scalar_one()
        since = select(SyncAppliedBundle).where(SyncAppliedBundle.sender_store == peer.station_id)
        if peer.last_export_at is not None:
            since = since.where(SyncAppliedBundle.applied_at > peer.last_export_at)
        pending_in = sum(sum(int(v) for k, v in (b.counts or {}).items()
                             if isinstance(v, int) and not k.startswith(("older:", "ref:")) and k != "conflicts")
                         for b in uow.s.execute(since).scalars())
        heard = peer.last_import_at or _opened_at(uow, peer.station_id)
        overdue = heard is not None and now - heard > limit
        rows.append(StationRow(peer.station_id, peer.unit_id, peer.name, peer.last_export_at, peer.last_import_at,
                               pending_out, pending_in, overdue))
    return rows


def _opened_at(uow: UnitOfWork, station_id: str) -> datetime | None:
    """When this store opened (provisioned) the station; None for one registered from its card."""
    return uow.s.execute(select(func.max(AuditEntry.at)).where(
        AuditEntry.action == "sync_provision", AuditEntry.entity_id == station_id)).scalar_one_or_none()


def units_without_station(uow: UnitOfWork) -> list[tuple[str, str, str]]:
    """(id, name, where) of the units below this store's root that have no station yet; `where` is the
    unit's place in the tree ("高塘岭街道 › 郭亮村"), and the list is in that order."""
    mine = identity(uow)
    taken = set(uow.s.execute(select(SyncPeer.unit_id)).scalars())
    if mine is not None:
        taken.add(mine.unit_id)
    units = list(uow.s.execute(select(OrgUnit).where(OrgUnit.deleted_at.is_(None))).scalars())
    by_id = {u.id: u for u in units}

    def where(u: OrgUnit) -> str:
        parent = by_id.get(u.parent_id) if u.parent_id else None
        return f"{parent.name} › {u.name}" if parent is not None and parent.parent_id else u.name

    found = [(u.id, u.name, where(u)) for u in units if u.parent_id and u.id not in taken]
    return sorted(found, key=lambda item: item[2])


def station_name(uow: UnitOfWork, unit_id: str) -> str:
    unit = uow.s.get(OrgUnit, unit_id)
    return unit.name if unit is not None else ""


def retired(uow: UnitOfWork) -> dict[str, dict[str, Any]]:
    row = uow.s.get(AppSetting, RETIRED_KEY)
    return dict(row.value) if row is not None and isinstance(row.value, dict) else {}


def retired_station(uow: UnitOfWork, station_id: Any) -> dict[str, Any] | None:
    """What is remembered of a retired station (name, unit, when), or None."""
    if not isinstance(station_id, str):
        return None
    return retired(uow).get(station_id)


def retire_station(uow: UnitOfWork, actor: Actor, station_id: str) -> str:
    """Stop exchanging with a station for good (a lost or replaced PC): its keys are forgotten and any
    bundle it signs is refused from now on. Only the key holder, as for opening one. Returns its name."""
    require(actor, Permission.SETTINGS_MANAGE)
    require_key_holder(actor, "停用站点会使该站点此后的同步包全部被拒收")
    peer = uow.s.get(SyncPeer, station_id)
    if peer is None:
        raise NotFound("没有这个站点，可能已经停用。")
    when = clock.now_utc()
    gone = retired(uow)
    gone[peer.station_id] = {"name": peer.name, "unit_id": peer.unit_id, "retired_at": when.isoformat()}
    row = uow.s.get(AppSetting, RETIRED_KEY)
    if row is None:
        uow.s.add(AppSetting(key=RETIRED_KEY, value=gone, updated_by=actor.audit_name))
    else:
        row.value, row.updated_by = gone, actor.audit_name
    name = peer.name
    audit.record(uow.s, actor, AUDIT_ACTION_RETIRE, entity="sync_peer", entity_id=peer.station_id,
                 owner_unit_id=peer.unit_id, detail={"unit": name})
    uow.s.delete(peer)
    uow.flush()
    return name
