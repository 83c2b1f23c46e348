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
from ...store.models import OrgUnit
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


def _stations(conn: Connection) -> dict[str, tuple[str, bytes]]:
    """Every station this store knows: station id -> (its unit, its public signing key)."""
    known = {sid: (unit, key) for sid, unit, key in conn.execute(
        select(SyncPeer.station_id, SyncPeer.unit_id, SyncPeer.sign_public))}
    ident = conn.execute(select(SyncIdentity.station_id, SyncIdentity.unit_id, SyncIdentity.sign_private).where(
        SyncIdentity.id == 1)).first()
    if ident is not None:
        known[ident[0]] = (ident[1], Ed25519PrivateKey.from_private_bytes(ident[2]).public_key().public_bytes_raw())
    return known


def signing_station_unit(conn: Connection, unit_id: Any, known: dict[str, tuple[str, bytes]]) -> str | None:
    """The unit whose station signs `unit_id`'s reports: the unit itself if it has a station, else the nearest unit
    above it with one (a village without its own PC reports through its town's, or the district server's, store)."""
    parent = dict(conn.execute(select(OrgUnit.id, OrgUnit.parent_id)).all())
    with_station = {unit for unit, _key in known.values()}
    seen: set[str] = set()
    current = unit_id if isinstance(unit_id, str) else None
    while current is not None and current not in seen:
        if current in with_station:
            return current
        seen.add(current)
        current = parent.get(current)
    return None


def station_key(conn: Connection, station_id: Any, unit_id: Any) -> bytes | None:
    """The public key of `station_id` if it is the station that signs `unit_id`'s reports; None otherwise (an
    unknown station, or one of another unit: a town's key does not sign for a village that has its own station)."""
    known = _stations(conn)
    if not isinstance(station_id, str) or station_id not in known:
        return None
    unit, key = known[station_id]
    return key if signing_station_unit(conn, unit_id, known) == unit else None


def known_station(conn: Connection, station_id: Any) -> bool:
    return isinstance(station_id, str) and station_id in _stations(conn)


def report_bytes(row: dict[str, Any]) -> bytes:
    """What the station signed, from a report's fields (a mapping with datetimes)."""
    submitted_at = row["submitted_at"]
    if not isinstance(submitted_at, datetime):
        raise TypeError("submitted_at")
    return signed_bytes(unit_id=row["owner_unit_id"], period=row["period"], submission_no=row["submission_no"],
                        figures=row["figures"], submitted_by=row["submitted_by"], submitted_at=submitted_at,
                        station_id=row["station_id"])


def signature_ok(conn: Connection, row: Any, *, unknown_ok: bool = False) -> bool:
    """The report's figures hold under the signature of the station that signs for its unit. `unknown_ok`: a
    station this store never registered passes (a bundle from above vouches for it); otherwise it fails."""
    if not known_station(conn, row["station_id"]):
        return unknown_ok
    key = station_key(conn, row["station_id"], row["owner_unit_id"])
    if key is None:
        return False
    try:
        message = report_bytes(dict(row))
    except (TypeError, ValueError, AttributeError, KeyError):
        return False
    return signature_holds(key, row["signature"], message)
