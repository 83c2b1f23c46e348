"""Opening a new station: the district seals everything in the unit's scope, with the station's new keys,
under a one-time code; the station's fresh store is filled from it in one transaction.

The package holds private keys, so it is encrypted with a key derived (argon2id) from the code, which the
district administrator passes to the station separately (read aloud, on paper), never with the file.
"""
from __future__ import annotations

import base64
import json
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import func, select

from ..domain.errors import NotFound, ValidationError
from ..security import audit
from ..security.actor import Actor
from ..security.keyfile import KdfParams, new_recovery_code, normalise_recovery_code
from ..security.permissions import Permission, require, require_key_holder
from ..store.base import new_id
from ..store.models import OrgUnit
from ..store.models_sync import SyncChange, SyncIdentity, SyncPeer
from ..security.keyring_vault import KeyringVault
from ..store.paths import StorePaths
from ..store.store import CreatedStore, Store, create_store
from .apply import apply_payload
from .bundle import inflate, new_key_pairs, public_keys
from .collect import all_ids, collect
from .errors import BundleDamaged, BundleTampered
from .identity import StationCard, ensure_identity, identity, my_card
from .scope import receiver_scope

MAGIC = b"FULIAN-PROVISION\x01"


@dataclass(frozen=True)
class Provisioned:
    package: bytes
    code: str
    unit_name: str
    records: int


def _key(code: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(normalise_recovery_code(code).encode(), salt, time_cost=params.time_cost,
                           memory_cost=params.memory_kib, parallelism=params.parallelism, hash_len=32, type=Type.ID)


def provision_station(store: Store, actor: Actor, unit: str, *, kdf: KdfParams = KdfParams()) -> Provisioned:
    """Everything a new station of `unit` (id or name) starts with, sealed under a fresh one-time code.
    The package holds every case of the unit: only the key holder makes one (the system administrator
    manages settings but reads no case content)."""
    require(actor, Permission.SETTINGS_MANAGE)
    require_key_holder(actor, "开通站点会把该单位的全部案件交给新站点")
    with store.uow(write=True) as uow:
        ensure_identity(uow)
        target = uow.s.get(OrgUnit, unit) or uow.s.execute(
            select(OrgUnit).where(OrgUnit.name == unit, OrgUnit.deleted_at.is_(None))).scalars().first()
        if target is None:
            raise NotFound(f"没有名为“{unit}”的单位。", field="unit")
        if target.id == identity(uow).unit_id:
            raise ValidationError("不能为本站自己的单位开通站点。", field="unit")
        if uow.s.execute(select(SyncPeer).where(SyncPeer.unit_id == target.id)).scalar_one_or_none() is not None:
            raise ValidationError(f"“{target.name}”已开通站点。", field="unit")
        conn = uow.s.connection()
        to_seq = conn.execute(select(func.coalesce(func.max(SyncChange.seq), 0))).scalar_one()
        payload = collect(conn, receiver_scope(uow.s, target.id), all_ids(conn))
        sign, box = new_key_pairs()
        sign_pub, box_pub = public_keys(sign, box)
        station = StationCard(new_id(), target.id, target.name, sign_pub, box_pub)
        district = my_card(uow)
        uow.s.add(SyncPeer(station_id=station.station_id, unit_id=target.id, name=target.name, sign_public=sign_pub,
                           box_public=box_pub, acked_seq=to_seq, received_seq=0, audit_sent_seq=0))
        records = sum(len(b["rows"]) for b in payload["changes"].values())
        audit.record(uow.s, actor, "sync_provision", entity="sync_peer", entity_id=station.station_id,
                     owner_unit_id=target.id, detail={"unit": target.name, "records": records})
        body = {"kind": "fulian-provision", "station_id": station.station_id, "unit_id": target.id,
                "sign_private": base64.b64encode(sign).decode(), "box_private": base64.b64encode(box).decode(),
                "district": json.loads(district.to_json()), "received_seq": to_seq, "payload": payload}
    code = new_recovery_code()
    salt, nonce = os.urandom(16), os.urandom(12)
    plain = zlib.compress(json.dumps(body, ensure_ascii=False).encode("utf-8"), 6)
    params = struct.pack(">III", kdf.time_cost, kdf.memory_kib, kdf.parallelism)
    sealed = MAGIC + params + salt + nonce + AESGCM(_key(code, salt, kdf)).encrypt(nonce, plain, MAGIC + params)
    return Provisioned(sealed, code, target.name, records)


def read_package(package: bytes, code: str) -> dict:
    """Open a provisioning package with its code (checked before any store is created)."""
    start = len(MAGIC) + 12
    if not package.startswith(MAGIC) or len(package) < start + 28 + 16:
        raise BundleDamaged("开通文件不完整或不是幸福号的站点开通文件。")
    params = package[len(MAGIC):start]
    kdf = KdfParams(*struct.unpack(">III", params))
    if not (1 <= kdf.time_cost <= 16 and 8 <= kdf.memory_kib <= 1024 * 1024 and 1 <= kdf.parallelism <= 16):
        raise BundleDamaged("开通文件不完整或不是幸福号的站点开通文件。")
    salt, nonce = package[start:start + 16], package[start + 16:start + 28]
    try:
        plain = AESGCM(_key(code, salt, kdf)).decrypt(nonce, package[start + 28:], MAGIC + params)
        body = json.loads(inflate(plain, what="开通文件").decode("utf-8"))
    except (InvalidTag, ValueError, zlib.error) as exc:
        raise BundleTampered("开通码不正确，或开通文件已损坏。数据存储未改变。") from exc
    return body


def join_station(store: Store, package: bytes | dict, code: str | None = None) -> str:
    """Fill a newly created, empty store from a provisioning package. Returns the station's unit name."""
    body = package if isinstance(package, dict) else read_package(package, code or "")
    district = StationCard.from_json(json.dumps(body["district"]))
    with store.uow(write=True) as uow:
        if identity(uow) is not None or uow.s.execute(select(OrgUnit.id).limit(1)).first() is not None:
            raise ValidationError("此数据存储已有数据，只能在新建的空数据存储上开通站点。")
        apply_payload(uow.s, body["payload"], origin=district.station_id, origin_name=district.unit_name)
        uow.s.add(SyncIdentity(id=1, station_id=body["station_id"], unit_id=body["unit_id"],
                               sign_private=base64.b64decode(body["sign_private"]),
                               box_private=base64.b64decode(body["box_private"])))
        uow.s.add(SyncPeer(station_id=district.station_id, unit_id=district.unit_id, name=district.unit_name,
                           sign_public=district.sign_public, box_public=district.box_public, acked_seq=0,
                           received_seq=int(body["received_seq"]), audit_sent_seq=0))
        unit = uow.s.get(OrgUnit, body["unit_id"])
        audit.record(uow.s, None, "sync_join", entity="sync_peer", entity_id=district.station_id,
                     owner_unit_id=body["unit_id"], detail={"unit": unit.name if unit else "", "from": district.unit_name})
    return unit.name if unit else ""


@dataclass(frozen=True)
class JoinedStation:
    created: CreatedStore
    unit_name: str


def create_station_store(data_dir: Path, package: bytes, code: str, *, passphrase: str | None,
                         vault: KeyringVault, use_keyring: bool, kdf: KdfParams = KdfParams()) -> JoinedStation:
    """A new station's store, from the district's package and its one-time code (the first-run wizard's
    "join"). The code is checked before anything is written: a wrong code leaves no file behind. If
    filling the store fails, the new files (and the keyring entry) are removed again."""
    body = read_package(package, code)
    created = create_store(data_dir, passphrase=passphrase, vault=vault, use_keyring=use_keyring, kdf=kdf)
    try:
        unit = join_station(created.store, body)
    except BaseException:
        created.store.close()
        paths = StorePaths(Path(data_dir))
        for path in [paths.database, paths.keyfile, *paths.sidecars()]:
            path.unlink(missing_ok=True)
        if created.uses_keyring:
            vault.delete(created.store.store_id)
        raise
    return JoinedStation(created, unit)
