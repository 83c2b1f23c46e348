"""The bundle file: a readable header, a payload only the receiving station can open, the sender's signature.

Layout: MAGIC | u32 header length | header (JSON) | ephemeral X25519 public key (32) | nonce (12) |
u64 ciphertext length | ciphertext (AES-256-GCM, the header as associated data) | Ed25519 signature (64)
over everything before it. The payload key is HKDF(X25519(ephemeral, receiver's box key)).

Nothing is decrypted before the signature checks, and nothing is written before everything checks.
"""
from __future__ import annotations

import json
import os
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import BundleDamaged, BundleTampered, BundleTooLarge

MAGIC = b"FULIAN-SYNC\x01"
FORMAT = 1
_INFO = b"fulian-desktop sync bundle v1"
_DAMAGED = "同步包不完整或已损坏（可能只复制了一部分），已拒绝导入，数据未改变。请重新复制或让对方重新导出。"
_TAMPERED = "同步包签名校验失败：内容在传输中被改动或并非由登记的站点生成，已拒绝导入，数据未改变。"

# Limits on what one bundle may make this store read and hold. A full export of a 30,000-case district
# is some tens of MB; attachments (photos, scans) are stored compressed already and barely shrink.
MAX_BUNDLE_BYTES = 1 << 30            # the file itself
MAX_INFLATED_FLOOR = 256 << 20        # the payload may always inflate this far …
MAX_RATIO = 40                        # … and beyond that only to 40 times the compressed size (JSON: 5–12)
MAX_INFLATED_BYTES = 2 << 30          # and never beyond this
MAX_ROWS = 3_000_000                  # records, references, attachment chunks and audit entries together
_STEP = 1 << 20


def inflate_limit(compressed: int) -> int:
    return min(MAX_INFLATED_BYTES, max(MAX_INFLATED_FLOOR, MAX_RATIO * compressed))


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{max(1, n // 1024)} KB"


def check_size(size: int) -> None:
    """Refuse a bundle file by its size, before it is read into memory."""
    if size > MAX_BUNDLE_BYTES:
        raise BundleTooLarge(f"同步包过大（{_mb(size)}，上限 {_mb(MAX_BUNDLE_BYTES)}），已拒绝导入，数据未改变。"
                             "请让对方分几次导出，或检查文件是否正确。")


def inflate(data: bytes, *, what: str = "同步包") -> bytes:
    """zlib-inflate step by step, refusing as soon as the output passes the limit (never inflated whole first)."""
    limit = inflate_limit(len(data))
    d = zlib.decompressobj()
    out = bytearray()
    pending = data
    while not d.eof:
        chunk = d.decompress(pending, _STEP)
        pending = d.unconsumed_tail
        if not chunk and not pending:
            break                                     # input ended before the stream did
        out += chunk
        if len(out) > limit:
            raise BundleTooLarge(f"{what}解压后超过 {_mb(limit)}（压缩后只有 {_mb(len(data))}），内容异常膨胀，"
                                 f"可能是恶意构造的文件。已拒绝导入，数据未改变。", code="bundle_inflates")
    if not d.eof:
        raise zlib.error("truncated stream")
    return bytes(out)


def count_rows(payload: Any) -> int:
    if not isinstance(payload, dict):
        return 0
    total = 0
    for body in (payload.get("changes") or {}).values() if isinstance(payload.get("changes"), dict) else ():
        total += len(body.get("rows") or ()) if isinstance(body, dict) else 0
    for rows in (payload.get("refs") or {}).values() if isinstance(payload.get("refs"), dict) else ():
        total += len(rows) if isinstance(rows, list) else 0
    for blob in payload.get("blobs") or () if isinstance(payload.get("blobs"), list) else ():
        total += 1 + (len(blob.get("chunks") or ()) if isinstance(blob, dict) else 0)
    total += len(payload.get("audit") or ()) if isinstance(payload.get("audit"), list) else 0
    return total


def check_rows(payload: Any) -> None:
    rows = count_rows(payload)
    if rows > MAX_ROWS:
        raise BundleTooLarge(f"同步包含 {rows:,} 条记录，超过一次导入的上限 {MAX_ROWS:,} 条，已拒绝导入，数据未改变。",
                             code="bundle_too_many_rows")


@dataclass(frozen=True)
class Sealed:
    header: dict[str, Any]
    header_bytes: bytes
    ephemeral: bytes
    nonce: bytes
    ciphertext: bytes
    signed: bytes
    signature: bytes


def _payload_key(shared: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(shared)


def seal(header: dict[str, Any], payload: dict[str, Any], *, sign_private: bytes, receiver_box_public: bytes) -> bytes:
    plain = zlib.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)
    return seal_compressed(header, plain, sign_private=sign_private, receiver_box_public=receiver_box_public)


def seal_compressed(header: dict[str, Any], plain: bytes, *, sign_private: bytes, receiver_box_public: bytes) -> bytes:
    """Seal an already zlib-compressed payload (the tests of the receiver's limits build their own)."""
    header_bytes = json.dumps(header, sort_keys=True, ensure_ascii=False).encode("utf-8")
    ephemeral = X25519PrivateKey.generate()
    key = _payload_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(receiver_box_public)))
    nonce = os.urandom(12)
    ciphertext = AESGCM(key).encrypt(nonce, plain, header_bytes)
    body = b"".join([MAGIC, struct.pack(">I", len(header_bytes)), header_bytes, ephemeral.public_key().public_bytes_raw(),
                     nonce, struct.pack(">Q", len(ciphertext)), ciphertext])
    return body + Ed25519PrivateKey.from_private_bytes(sign_private).sign(body)


def parse(data: bytes) -> Sealed:
    """Split a bundle into its parts; refuse anything short, long or malformed (no key needed yet)."""
    check_size(len(data))
    try:
        if not data.startswith(MAGIC):
            raise ValueError("magic")
        pos = len(MAGIC)
        (hlen,) = struct.unpack_from(">I", data, pos)
        pos += 4
        header_bytes = data[pos:pos + hlen]
        pos += hlen
        ephemeral, nonce = data[pos:pos + 32], data[pos + 32:pos + 44]
        pos += 44
        (clen,) = struct.unpack_from(">Q", data, pos)
        pos += 8
        ciphertext = data[pos:pos + clen]
        pos += clen
        signature = data[pos:]
        if len(header_bytes) != hlen or len(ciphertext) != clen or len(signature) != 64:
            raise ValueError("length")
        header = json.loads(header_bytes.decode("utf-8"))
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ValueError("format")
    except (ValueError, struct.error, UnicodeDecodeError, RecursionError) as exc:
        raise BundleDamaged(_DAMAGED) from exc
    return Sealed(header, header_bytes, ephemeral, nonce, ciphertext, data[:pos], signature)


def verify_and_open(sealed: Sealed, *, sender_sign_public: bytes, box_private: bytes) -> dict[str, Any]:
    try:
        Ed25519PublicKey.from_public_bytes(sender_sign_public).verify(sealed.signature, sealed.signed)
    except InvalidSignature as exc:
        raise BundleTampered(_TAMPERED) from exc
    try:
        shared = X25519PrivateKey.from_private_bytes(box_private).exchange(
            X25519PublicKey.from_public_bytes(sealed.ephemeral))
        plain = AESGCM(_payload_key(shared)).decrypt(sealed.nonce, sealed.ciphertext, sealed.header_bytes)
        payload = json.loads(inflate(plain).decode("utf-8"))
    except (InvalidTag, ValueError, zlib.error, RecursionError) as exc:
        raise BundleTampered(_TAMPERED) from exc
    check_rows(payload)
    return payload


def new_key_pairs() -> tuple[bytes, bytes]:
    """(Ed25519 signing private key, X25519 box private key), raw bytes."""
    return (Ed25519PrivateKey.generate().private_bytes_raw(), X25519PrivateKey.generate().private_bytes_raw())


def public_keys(sign_private: bytes, box_private: bytes) -> tuple[bytes, bytes]:
    return (Ed25519PrivateKey.from_private_bytes(sign_private).public_key().public_bytes_raw(),
            X25519PrivateKey.from_private_bytes(box_private).public_key().public_bytes_raw())
