"""Signed audit checkpoints: the chain head, signed with the store's signing key, kept outside the store.

The hash chain alone (`audit.verify_chain`) catches an edit made by someone who does not hold the database
key. Whoever holds it can cut off the last entries and fix the stored head, or recompute every hash from
the first changed entry on, and the chain verifies again. A checkpoint that has already left the machine
(in a backup's manifest, in a bundle the district keeps) cannot be called back: the chain must still
extend it, i.e. hold the entry at the checkpoint's seq with the checkpoint's hash, and verify from there.

The signature is Ed25519 over a fixed text form. It proves which store issued a checkpoint (a copied
or edited manifest cannot frame a store or whitewash one); it does not stop the key holder from signing
new checkpoints for a rewritten chain, which is why the ones that matter are the ones kept elsewhere.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from ..domain.errors import ValidationError
from ..domain.localtime import format_local
from ..store.models import AuditEntry, AuditHead
from .audit import verify_chain

KIND = "fulian-audit-checkpoint"
_CONTEXT = b"fulian-desktop audit checkpoint v1\n"
_BAD = "审计检查点格式不正确（不是幸福号生成的，或已被改动），无法据此校验。"


@dataclass(frozen=True)
class Checkpoint:
    """The head of one store's audit chain at one moment, signed by that store."""

    station_id: str         # the signing identity (the station; a store that never synced has one too)
    store_id: str
    seq: int
    hash: str
    at: datetime            # when it was signed
    public_key: bytes
    signature: bytes

    def to_dict(self) -> dict[str, Any]:
        return {"kind": KIND, "station_id": self.station_id, "store_id": self.store_id, "seq": self.seq,
                "hash": self.hash, "at": self.at.isoformat(), "public_key": base64.b64encode(self.public_key).decode(),
                "signature": base64.b64encode(self.signature).decode()}

    @classmethod
    def from_dict(cls, data: Any) -> "Checkpoint":
        """Types checked before anything reads them: a checkpoint may come from a hostile file."""
        try:
            if not isinstance(data, dict) or data.get("kind") != KIND:
                raise ValueError("kind")
            seq, digest = data["seq"], data["hash"]
            if type(seq) is not int or seq < 0 or not isinstance(digest, str) or len(digest) != 64:
                raise ValueError("head")
            texts = [data["station_id"], data["store_id"], data["at"], data["public_key"], data["signature"]]
            if not all(isinstance(t, str) and len(t) <= 200 for t in texts):
                raise ValueError("text")
            at = datetime.fromisoformat(data["at"])
            if at.tzinfo is None:
                raise ValueError("at")
            public, signature = base64.b64decode(data["public_key"], validate=True), base64.b64decode(
                data["signature"], validate=True)
            if len(public) != 32 or len(signature) != 64:
                raise ValueError("key")
        except (ValueError, KeyError, TypeError) as exc:
            raise ValidationError(_BAD, code="bad_checkpoint") from exc
        return cls(data["station_id"], data["store_id"], seq, digest, at, public, signature)

    def describe(self) -> str:
        """One line in Chinese: which checkpoint, since when."""
        return f"第 {self.seq} 条审计记录（校验值 {self.hash[:12]}…），签发于 {format_local(self.at)}"


def _signed_bytes(station_id: str, store_id: str, seq: int, digest: str, at: datetime) -> bytes:
    body = {"station_id": station_id, "store_id": store_id, "seq": seq, "hash": digest,
            "at": at.astimezone(timezone.utc).isoformat()}
    return _CONTEXT + json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")


def chain_head(session: Session | Connection) -> tuple[int, str]:
    """(last seq, last hash) as the store records it."""
    row = session.execute(select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)).first()
    return (row[0], row[1]) if row else (0, "0" * 64)


def sign(seq: int, digest: str, *, sign_private: bytes, station_id: str, store_id: str, at: datetime) -> Checkpoint:
    at = at.astimezone(timezone.utc)
    key = Ed25519PrivateKey.from_private_bytes(sign_private)
    signature = key.sign(_signed_bytes(station_id, store_id, seq, digest, at))
    return Checkpoint(station_id, store_id, seq, digest, at, key.public_key().public_bytes_raw(), signature)


def signature_ok(checkpoint: Checkpoint, public_key: bytes) -> bool:
    """Signed by the holder of `public_key` (the store's own key, or a peer's registered key)?"""
    if checkpoint.public_key != public_key:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(checkpoint.signature, _signed_bytes(
            checkpoint.station_id, checkpoint.store_id, checkpoint.seq, checkpoint.hash, checkpoint.at))
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class AnchorReport:
    ok: bool
    checkpoint: Checkpoint
    entries: int                    # entries in the current chain
    first_bad_seq: int | None = None
    problem: str = ""
    entry_at: datetime | None = None   # time of the checkpointed entry in the current chain, when it matches


def verify_extends(session: Session, checkpoint: Checkpoint, *, public_key: bytes | None,
                   store_id: str | None = None) -> AnchorReport:
    """Does this store's current chain still extend `checkpoint`? The signature first (with this store's
    own key), then the whole chain, then the entry at the checkpoint's seq."""
    def fail(problem: str, entries: int = 0, first_bad: int | None = None) -> AnchorReport:
        return AnchorReport(False, checkpoint, entries, first_bad, problem)

    if public_key is None:
        return fail("本数据存储没有签名密钥（站点身份已不存在），无法确认检查点是本数据存储签发的。")
    if checkpoint.public_key != public_key:
        return fail("检查点不是用本数据存储现在的签名密钥签发的：它来自另一个数据存储，或本站的签名密钥已被更换。")
    if not signature_ok(checkpoint, public_key):
        return fail("检查点的签名无效：检查点内容被改动过。")
    if store_id is not None and checkpoint.store_id != store_id:
        return fail("检查点属于另一个数据存储（存储标识不同）。")
    chain = verify_chain(session)
    if not chain.ok:
        return fail(chain.problem, chain.entries, chain.first_bad_seq)
    entry = session.execute(select(AuditEntry.hash, AuditEntry.at).where(AuditEntry.seq == checkpoint.seq)).first()
    if checkpoint.seq == 0:
        return AnchorReport(True, checkpoint, chain.entries)
    if entry is None:
        return fail(f"审计链现只有 {chain.entries} 条记录，检查点签发时已有 {checkpoint.seq} 条：第 {chain.entries + 1} 条"
                    f"至第 {checkpoint.seq} 条记录缺失（末尾被删除后改写了链头）。", chain.entries, chain.entries + 1)
    if entry[0] != checkpoint.hash:
        return fail(f"第 {checkpoint.seq} 条记录的校验值与检查点不符：第 {checkpoint.seq} 条或更早的记录被改动或删除后，"
                    "整条链被重新计算过。", chain.entries, None)
    return AnchorReport(True, checkpoint, chain.entries, entry_at=entry[1])


def first_difference(session: Session, reference: Iterable[tuple[int, str]]) -> int | None:
    """The first seq at which this chain differs from `reference` ((seq, hash) in order, e.g. read from a
    backup's copy): the first entry that was changed or removed since."""
    mine = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq)
                           .execution_options(yield_per=5000))
    ours = iter(mine)
    for seq, digest in reference:
        got = next(ours, None)
        if got is None or got[0] != seq or got[1] != digest:
            return seq
    return None
