"""Export and import of bundles: the services behind `fulian sync export/import` and the sync page.

A bundle carries every change since the peer last acknowledged (so a lost bundle costs nothing: the next
one carries its changes too) and acknowledges what we received from the peer. Import checks everything
(address, sender, signature, order) before it opens a write transaction, then applies all or nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from sqlalchemy import func, select

from ..domain.errors import PermissionDenied
from ..security import audit
from ..security.actor import Actor
from ..security.permissions import Permission, can, require
from ..services.accounts.orgunits import subtree_ids
from ..store.base import new_id, utcnow
from ..store.models import AuditEntry
from ..store.models_sync import SyncAppliedBundle, SyncPeer, SyncRemoteAudit
from ..store.store import Store
from ..store.uow import UnitOfWork
from . import anchors
from .apply import apply_payload
from .authority import SenderOverreach, check_inbound
from .bundle import FORMAT, parse, seal, verify_and_open
from .collect import Progress, all_ids, changed_ids, collect
from .errors import BundleDamaged, BundleForeign, BundleOutOfOrder
from .identity import ensure_identity, identity, peer_for_unit
from .scope import receiver_scope
from .stations import retired_station

AUDIT_ACTION_EXPORT = "sync_export"
AUDIT_ACTION_IMPORT = "sync_import"
AUDIT_ACTION_REFUSED = "sync_refused"   # a bundle whose sender overstepped what it may change


@dataclass(frozen=True)
class ExportResult:
    bundle_id: str
    receiver: str
    from_seq: int
    to_seq: int
    records: int
    references: int
    attachments: int
    size: int = 0


@dataclass(frozen=True)
class ImportResult:
    bundle_id: str
    sender: str
    applied: bool               # False: already imported (or contained in a later bundle); nothing changed
    message: str
    counts: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    anchor_problem: str | None = None   # the sender's audit chain no longer extends its kept checkpoint


def require_sync(actor: Actor) -> None:
    if actor.must_change_password:
        require(actor, Permission.CASE_READ)  # raises the "change your password first" refusal
    if not (can(actor, Permission.SETTINGS_MANAGE) or can(actor, Permission.RESOLVE_CONFLICTS)):
        raise PermissionDenied(f"您的角色（{actor.role.label}）没有“同步数据”的权限。", code="no_permission")


def _audit_for(uow: UnitOfWork, ident_unit: str, peer: SyncPeer) -> list[dict[str, Any]]:
    """Our own audit entries go up the tree (a station's to its town and the district), never down."""
    if ident_unit not in subtree_ids(uow.s, peer.unit_id) or ident_unit == peer.unit_id:
        return []
    a = AuditEntry.__table__
    rows = uow.s.connection().execute(select(a).where(a.c.seq > peer.audit_sent_seq).order_by(a.c.seq)).mappings()
    return [{k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in r.items()} for r in rows]


def export_bundle(store: Store, actor: Actor, unit: str | None = None, progress: Progress | None = None,
                  *, full: bool = False) -> tuple[bytes, ExportResult]:
    """Seal a bundle for the station of `unit` (id or name; default the only peer). `full`: every record
    in the receiver's scope, not only the changes (after a station was restored from an old backup)."""
    require_sync(actor)
    with store.uow(write=True) as uow:
        ident = ensure_identity(uow)
        peer = peer_for_unit(uow, unit)
        conn = uow.s.connection()
        to_seq, wanted = changed_ids(conn, peer.acked_seq, peer.station_id)
        from_seq = peer.acked_seq
        if full:
            wanted, from_seq = all_ids(conn), 0
        payload = collect(conn, receiver_scope(uow.s, peer.unit_id), wanted, progress)
        checkpoint = anchors.sign_head(uow, ident, store.store_id)  # before the entries: all it covers go too
        payload["audit"] = _audit_for(uow, ident.unit_id, peer)
        ack_audit = uow.s.execute(select(func.coalesce(func.max(SyncRemoteAudit.seq), 0))
                                  .where(SyncRemoteAudit.origin_store == peer.station_id)).scalar_one()
        me = _unit_name(uow, ident.unit_id)
        header = {"format": FORMAT, "bundle_id": new_id(), "created_at": utcnow().isoformat(),
                  "sender_station": ident.station_id, "sender_unit": ident.unit_id, "sender_name": me,
                  "receiver_station": peer.station_id, "receiver_unit": peer.unit_id, "receiver_name": peer.name,
                  "from_seq": from_seq, "to_seq": to_seq, "ack": peer.received_seq, "ack_audit": ack_audit,
                  anchors.HEADER_FIELD: checkpoint.to_dict()}
        data = seal(header, payload, sign_private=ident.sign_private, receiver_box_public=peer.box_public)
        records = sum(len(b["rows"]) for b in payload["changes"].values())
        refs = sum(len(r) for r in payload["refs"].values())
        peer.last_export_at = utcnow()
        audit.record(uow.s, actor, AUDIT_ACTION_EXPORT, entity="sync_bundle", entity_id=header["bundle_id"],
                     owner_unit_id=peer.unit_id, detail={"to": peer.name, "from_seq": from_seq, "to_seq": to_seq,
                                                         "records": records, "references": refs})
    return data, ExportResult(header["bundle_id"], peer.name, header["from_seq"], to_seq, records, refs,
                              len(payload["blobs"]), len(data))


def _unit_name(uow: UnitOfWork, unit_id: str) -> str:
    from ..store.models import OrgUnit

    unit = uow.s.get(OrgUnit, unit_id)
    return unit.name if unit else ""


def _sender(uow: UnitOfWork, header: dict[str, Any]) -> SyncPeer:
    """The registered peer that claims to have sent it: only the address fields are read before the
    signature is verified, and only if they are plain text (a forger may have put anything there)."""
    ident = identity(uow)
    receiver, sender = header.get("receiver_station"), header.get("sender_station")
    if ident is None or not isinstance(receiver, str) or receiver != ident.station_id:
        mine = _unit_name(uow, ident.unit_id) if ident else "本站"
        raise BundleForeign(f"此同步包是发给“{_text(header.get('receiver_name'), '其他站点')}”的，不是发给{mine}的。"
                            "已拒绝导入，数据未改变。", code="bundle_not_for_us")
    peer = uow.s.get(SyncPeer, sender) if isinstance(sender, str) and sender else None
    gone = retired_station(uow, sender) if peer is None else None
    if gone is not None:
        raise BundleForeign(f"此同步包来自已停用的站点“{gone.get('name', '')}”，该站点的密钥已不再受信任。"
                            "已拒绝导入，数据未改变。如该单位换了电脑，请为其重新开通站点。",
                            code="bundle_retired_sender")
    if peer is None:
        raise BundleForeign(f"同步包来自未登记的站点（{_text(header.get('sender_name'), '未知')}），无法确认来源。"
                            "已拒绝导入，数据未改变。", code="bundle_unknown_sender")
    return peer


def _text(value: Any, default: str) -> str:
    """An unverified header value shown in a refusal: short plain text or the default."""
    return value[:60] if isinstance(value, str) and value.strip() else default


_SEQ_FIELDS = ("from_seq", "to_seq", "ack", "ack_audit")


def _checked_header(header: dict[str, Any]) -> dict[str, Any]:
    """Field types of a header whose signature has been verified. A genuine peer always writes these
    types, so anything else is a damaged or foreign-made bundle: refused before a single read trusts it."""
    ok = isinstance(header.get("bundle_id"), str) and 0 < len(header["bundle_id"]) <= 64
    for name in _SEQ_FIELDS:
        value = header.get(name, 0)
        ok = ok and isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if not ok:
        raise BundleDamaged("同步包的头部信息格式不正确（编号或序号无效），无法导入。已拒绝导入，数据未改变。"
                            "请让对方用相同版本的程序重新导出。", code="bundle_bad_header")
    return header


def _check(uow: UnitOfWork, header: dict[str, Any]) -> tuple[SyncPeer, str | None]:
    """The peer that sent it, and why it need not be applied (None: apply it). Raises if refused.
    `header` has passed the signature check and `_checked_header`."""
    peer = _sender(uow, header)
    if uow.s.get(SyncAppliedBundle, header["bundle_id"]) is not None:
        return peer, "此同步包已导入过，无需再次导入，数据未改变。"
    if header["to_seq"] <= peer.received_seq:
        return peer, "此同步包的内容已包含在之前导入的同步包中，无需导入，数据未改变。"
    if header["from_seq"] > peer.received_seq:
        raise BundleOutOfOrder(f"缺少更早的同步包：此包接续对方第 {header['from_seq']} 号变更，本站只收到第 "
                               f"{peer.received_seq} 号（例如本站从较早的备份恢复过）。请让{peer.name}导出完整同步包"
                               "（fulian sync export --full）。已拒绝导入，数据未改变。")
    return peer, None


def import_bundle(store: Store, actor: Actor, data: bytes,
                  progress: Callable[[int, int], None] | None = None) -> ImportResult:
    require_sync(actor)
    sealed = parse(data)
    header = sealed.header
    with store.uow() as uow:  # every check before any write; the signature before any other header field
        ident = identity(uow)
        peer = _sender(uow, header)
        payload = verify_and_open(sealed, sender_sign_public=peer.sign_public,
                                  box_private=ident.box_private if ident else b"")
        header = _checked_header(header)
        _check(uow, header)
        my_unit = ident.unit_id
    try:
        with store.uow(write=True) as uow:
            peer, skip = _check(uow, header)  # again, under the write lock: another desk may have imported it
            if not skip:   # what the sender may change, as this store stands before a single write
                check_inbound(uow.s.connection(), payload, sender_unit=peer.unit_id, receiver_unit=my_unit,
                              sender_name=peer.name)
            peer.acked_seq = max(peer.acked_seq, header.get("ack", 0))
            peer.audit_sent_seq = max(peer.audit_sent_seq, header.get("ack_audit", 0))
            if skip:
                return ImportResult(header["bundle_id"], peer.name, False, skip)
            uow.s.flush()
            broken = anchors.keep_checkpoint(uow, actor, peer, header, payload.get("audit") or [])
            counts = _apply(uow, payload, header, peer, actor, progress)
    except SenderOverreach as exc:
        _record_refusal(store, actor, header, exc)
        raise
    conflicts = counts.get("conflicts", 0)
    written = sum(v for k, v in counts.items() if not k.startswith(("older:", "ref:")) and k != "conflicts")
    message = f"已导入来自{peer.name}的同步包：写入 {written} 条记录"
    message += f"，发现 {conflicts} 处冲突，请在“同步冲突”中处理。" if conflicts else "，无冲突。"
    if broken:
        message += f"\n警告：{peer.name}的审计链不再接续本站保存的审计检查点：{broken}已记入审计日志，请主管核查。"
    return ImportResult(header["bundle_id"], peer.name, True, message, dict(counts), conflicts, broken)


def _record_refusal(store: Store, actor: Actor, header: dict[str, Any], exc: SenderOverreach) -> None:
    """The refused bundle's transaction is gone; the refusal itself is kept, in a transaction of its own."""
    with store.uow(write=True) as uow:
        peer = _sender(uow, header)
        audit.record(uow.s, actor, AUDIT_ACTION_REFUSED, entity="sync_bundle", entity_id=header["bundle_id"],
                     owner_unit_id=peer.unit_id,
                     detail={"from": peer.name, "station": peer.station_id, "table": exc.table,
                             "record_id": exc.record_id, "reason": exc.reason})


def _apply(uow: UnitOfWork, payload: dict[str, Any], header: dict[str, Any], peer: SyncPeer, actor: Actor,
           progress: Callable[[int, int], None] | None) -> dict[str, int]:
    """Everything of an accepted bundle, in the importer's transaction; the counts of what was written."""
    counts = apply_payload(uow.s, payload, origin=peer.station_id, origin_name=peer.name, progress=progress)
    peer.received_seq = header["to_seq"]
    peer.last_import_at = utcnow()
    summary = {k: v for k, v in counts.items() if v}
    uow.s.add(SyncAppliedBundle(bundle_id=header["bundle_id"], sender_store=peer.station_id,
                                from_seq=header["from_seq"], to_seq=header["to_seq"], counts=summary))
    audit.record(uow.s, actor, AUDIT_ACTION_IMPORT, entity="sync_bundle", entity_id=header["bundle_id"],
                 owner_unit_id=peer.unit_id, detail={"from": peer.name, "to_seq": header["to_seq"], **summary})
    return summary
