"""Sync over a direct connection: when the district's store is reachable, the same bundles are exchanged
in memory (sealed, signed and checked exactly as files are), so nothing differs but the transport."""
from __future__ import annotations

from dataclasses import dataclass

from ..security.actor import Actor
from ..store.store import Store
from .exchange import ImportResult, export_bundle, import_bundle
from .identity import identity


@dataclass(frozen=True)
class DirectResult:
    sent: ImportResult
    received: ImportResult


def sync_direct(local: Store, local_actor: Actor, server: Store, server_actor: Actor) -> DirectResult:
    """Send our changes to the server's station, then take what it has for us (with its acknowledgement)."""
    with server.uow() as uow:
        server_unit = identity(uow).unit_id
    with local.uow() as uow:
        local_unit = identity(uow).unit_id
    up, _ = export_bundle(local, local_actor, server_unit)
    sent = import_bundle(server, server_actor, up)
    down, _ = export_bundle(server, server_actor, local_unit)
    received = import_bundle(local, local_actor, down)
    return DirectResult(sent, received)
