"""The station key a report is signed with, and the check that a report's figures still hold under the signature
of its unit's station (on receipt in sync/report_authority.py, and when consolidating)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.engine import Connection

from ...domain.errors import NotFound
from ...domain.unit_reports import signature_holds, signed_bytes
from ...store.base import new_id
from ...store.models_sync import SyncIdentity, SyncPeer
from ...store.uow import UnitOfWork
from ..accounts.orgunits import root_unit


def station_signer(uow: UnitOfWork) -> tuple[str, str, bytes]:
    """(station id, its unit, private signing key) of this store; the district's store gets its station identity
    on first use, as for a bundle (a station has one from the day it was opened)."""
    found = uow.s.execute(select(SyncIdentity).where(SyncIdentity.id == 1)).scalar_one_or_none()
    if found is None:
        root = root_unit(uow.s)
        if root is None:
            raise NotFound("数据存储尚未设置组织机构，无法签署报表。")
        found = SyncIdentity(id=1, station_id=new_id(), unit_id=root.id,
                             sign_private=Ed25519PrivateKey.generate().private_bytes_raw(),
                             box_private=X25519PrivateKey.generate().private_bytes_raw())
        uow.s.add(found)
        uow.flush()
    return found.station_id, found.unit_id, found.sign_private


def station_key(conn: Connection, station_id: Any, unit_id: Any) -> bytes | None:
    """The public signing key this store knows for a station of `unit_id` (itself, or a registered peer); None
    if the station is unknown here or is another unit's."""
    if not isinstance(station_id, str):
        return None
    ident = conn.execute(select(SyncIdentity.station_id, SyncIdentity.unit_id, SyncIdentity.sign_private).where(
        SyncIdentity.id == 1)).first()
    if ident is not None and ident[0] == station_id:
        if ident[1] != unit_id:
            return None
        return Ed25519PrivateKey.from_private_bytes(ident[2]).public_key().public_bytes_raw()
    peer = conn.execute(select(SyncPeer.unit_id, SyncPeer.sign_public).where(
        SyncPeer.station_id == station_id)).first()
    return peer[1] if peer is not None and peer[0] == unit_id else None


def report_bytes(row: dict[str, Any]) -> bytes:
    """What the station signed, from a report's fields (a mapping with datetimes)."""
    submitted_at = row["submitted_at"]
    if not isinstance(submitted_at, datetime):
        raise TypeError("submitted_at")
    return signed_bytes(unit_id=row["owner_unit_id"], period=row["period"], submission_no=row["submission_no"],
                        figures=row["figures"], submitted_by=row["submitted_by"], submitted_at=submitted_at,
                        station_id=row["station_id"])


def signature_ok(conn: Connection, row: Any, *, unknown_ok: bool = False) -> bool:
    """The report's figures hold under its station's signature. `unknown_ok`: a station this store never
    registered passes (a bundle from above vouches for it); otherwise an unknown station fails."""
    key = station_key(conn, row["station_id"], row["owner_unit_id"])
    if key is None:
        return unknown_ok
    try:
        message = report_bytes(dict(row))
    except (TypeError, ValueError, AttributeError, KeyError):
        return False
    return signature_holds(key, row["signature"], message)
