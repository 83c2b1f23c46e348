"""This store's station identity and the stations it knows (peers)."""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..domain.errors import NotFound, ValidationError
from ..security import audit
from ..security.actor import Actor
from ..security.permissions import Permission, require, require_key_holder
from ..services.accounts.orgunits import root_unit
from ..store.base import new_id
from ..store.models import OrgUnit
from ..store.models_sync import SyncIdentity, SyncPeer
from ..store.uow import UnitOfWork
from .bundle import new_key_pairs, public_keys


@dataclass(frozen=True)
class StationCard:
    """What another station needs to send to us and to trust what we send: public keys only."""

    station_id: str
    unit_id: str
    unit_name: str
    sign_public: bytes
    box_public: bytes

    def to_json(self) -> str:
        return json.dumps({"kind": "fulian-station-card", "station_id": self.station_id, "unit_id": self.unit_id,
                           "unit_name": self.unit_name, "sign_public": base64.b64encode(self.sign_public).decode(),
                           "box_public": base64.b64encode(self.box_public).decode()}, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> "StationCard":
        try:
            data = json.loads(text)
            if data.get("kind") != "fulian-station-card":
                raise ValueError("kind")
            return cls(str(data["station_id"]), str(data["unit_id"]), str(data["unit_name"]),
                       base64.b64decode(data["sign_public"]), base64.b64decode(data["box_public"]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValidationError("站点名片文件无法读取，请确认是幸福号导出的站点名片。") from exc


@dataclass(frozen=True)
class PeerView:
    station_id: str
    unit_id: str
    name: str
    acked_seq: int
    received_seq: int
    last_export_at: Any
    last_import_at: Any
    pending: int = 0     # changes here the station has not acknowledged yet (sent or not)


def identity(uow: UnitOfWork) -> SyncIdentity | None:
    return uow.s.execute(select(SyncIdentity).where(SyncIdentity.id == 1)).scalar_one_or_none()


def ensure_identity(uow: UnitOfWork) -> SyncIdentity:
    """The district store gets its identity on first use; a station gets one when it is provisioned."""
    found = identity(uow)
    if found is not None:
        return found
    root = root_unit(uow.s)
    if root is None:
        raise NotFound("数据存储尚未设置组织机构，无法同步。")
    sign, box = new_key_pairs()
    found = SyncIdentity(id=1, station_id=new_id(), unit_id=root.id, sign_private=sign, box_private=box)
    uow.s.add(found)
    uow.flush()
    return found


def my_card(uow: UnitOfWork) -> StationCard:
    ident = ensure_identity(uow)
    sign_pub, box_pub = public_keys(ident.sign_private, ident.box_private)
    unit = uow.s.get(OrgUnit, ident.unit_id)
    return StationCard(ident.station_id, ident.unit_id, unit.name if unit else "", sign_pub, box_pub)


def add_peer(uow: UnitOfWork, actor: Actor, card: StationCard, *, acked_seq: int = 0, received_seq: int = 0) -> PeerView:
    """Register (or re-key) a station. Whoever holds its keys receives every record of its unit's scope,
    so only the key holder does it (fulian sync peer add)."""
    require(actor, Permission.SETTINGS_MANAGE)
    require_key_holder(actor, "登记站点后，本站会把该单位的全部案件发给持有其密钥的人")
    unit = uow.s.get(OrgUnit, card.unit_id)
    if unit is None:
        raise NotFound(f"站点所属单位“{card.unit_name}”不在本数据存储的组织机构中。")
    mine = identity(uow)
    if mine is not None and mine.station_id == card.station_id:
        raise ValidationError("这是本站自己的名片，不能登记为对方站点。")
    peer = uow.s.get(SyncPeer, card.station_id)
    same_unit = uow.s.execute(select(SyncPeer).where(SyncPeer.unit_id == card.unit_id,
                                                     SyncPeer.station_id != card.station_id)).scalar_one_or_none()
    if same_unit is not None:
        raise ValidationError(f"“{unit.name}”已登记了另一个站点。每个单位只登记一个站点。")
    if peer is None:
        peer = SyncPeer(station_id=card.station_id, unit_id=card.unit_id, name=unit.name, acked_seq=acked_seq,
                        received_seq=received_seq, audit_sent_seq=0)
        uow.s.add(peer)
    peer.sign_public, peer.box_public = card.sign_public, card.box_public
    uow.flush()
    audit.record(uow.s, actor, audit.Action.CREATE, entity="sync_peer", entity_id=card.station_id,
                 owner_unit_id=card.unit_id, detail={"unit": unit.name})
    return _peer_view(peer)


def _peer_view(peer: SyncPeer) -> PeerView:
    return PeerView(peer.station_id, peer.unit_id, peer.name, peer.acked_seq, peer.received_seq,
                    peer.last_export_at, peer.last_import_at)


def list_peers(uow: UnitOfWork) -> list[PeerView]:
    from dataclasses import replace

    from sqlalchemy import func, or_

    from ..store.models_sync import SyncChange

    views = []
    for peer in uow.s.execute(select(SyncPeer).order_by(SyncPeer.name)).scalars():
        pending = uow.s.execute(select(func.count()).select_from(SyncChange).where(
            SyncChange.seq > peer.acked_seq, or_(SyncChange.origin_store.is_(None),
                                                 SyncChange.origin_store != peer.station_id))).scalar_one()
        views.append(replace(_peer_view(peer), pending=pending))
    return views


def peer_for_unit(uow: UnitOfWork, unit_id: str | None) -> SyncPeer:
    """The station to send to: the named unit's, or the only one registered."""
    peers = list(uow.s.execute(select(SyncPeer)).scalars())
    if unit_id:
        peers = [p for p in peers if p.unit_id == unit_id or p.name == unit_id]
    if not peers:
        raise NotFound("没有登记要同步的站点。请先登记对方站点（fulian sync peer add）或开通站点。")
    if len(peers) > 1:
        raise ValidationError("登记了多个站点，请指定收件单位（--for）。", field="unit")
    return peers[0]
