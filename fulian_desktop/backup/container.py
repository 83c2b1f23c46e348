"""The backup file: one zip holding a manifest, the wrapped key file and an encrypted payload.

    manifest.json    store id, back end, schema revision, created at, counts per table, payload sha256
    keystore.json    the store's key file as on disk: the key wrapped by the recovery code (never raw)
    payload          fulian.db (a SQLCipher copy under the store key) or data.fbk (a logical export,
                     AES-256-GCM in chunks under the store key)
    checksum.sha256  sha256 of manifest.json, keystore.json and the payload, one line each

Every read checks the checksums first, so a truncated or damaged file is named as such before
anything tries to decrypt or open it.
"""
from __future__ import annotations

import hashlib
import json
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..domain.errors import StoreError
from ..security.private_files import open_private

FORMAT = 1
KIND = "fulian-desktop-backup"
MANIFEST, KEYFILE, CHECKSUM = "manifest.json", "keystore.json", "checksum.sha256"
SQLITE_PAYLOAD, LOGICAL_PAYLOAD = "fulian.db", "data.fbk"
# The signed head of the audit chain in the payload (security/checkpoint.py); absent in older backups.
CHECKPOINT = "audit_checkpoint"
_MAGIC = b"FULIANBK1\n"
_CHUNK = 1 << 20
# A backup is written uncompressed (ZIP_STORED): its payload is encrypted already, and the small parts are small.
# Read, every part is held to that, so a hostile file cannot inflate (2 MB of deflate -> 2 GB on disk) before
# its checksums refuse it: no compressed part, no part over its limit, never more bytes than the file holds.
MAX_SMALL_PART = 4 << 20
# The logical payload inflates (zlib) inside the encrypted chunks; a real export shrinks 3-20 times.
MAX_LOGICAL_EXPANSION = 200


class BackupDamaged(StoreError):
    code = "backup_damaged"


def damaged(detail: str) -> BackupDamaged:
    return BackupDamaged(f"备份文件已损坏或不完整：{detail.rstrip('。')}。请换用另一份备份，或重新备份。")


def _check_sizes(zf: zipfile.ZipFile, archive_size: int) -> None:
    """Before anything is read: every part stored as written (no compression), none larger than the file."""
    for info in zf.infolist():
        if info.compress_type != zipfile.ZIP_STORED:
            raise damaged(f"其中的“{info.filename[:60]}”被压缩过，不是本程序写出的备份（拒绝解压，以防撑满磁盘）")
        if info.file_size > archive_size or info.compress_size > archive_size:
            raise damaged(f"其中的“{info.filename[:60]}”声明的大小超过了文件本身")


def _read_small(zf: zipfile.ZipFile, name: str) -> bytes:
    with zf.open(name) as src:
        data = src.read(MAX_SMALL_PART + 1)
    if len(data) > MAX_SMALL_PART:
        raise damaged(f"其中的“{name}”过大")
    return data


def _manifest_is_well_formed(manifest: Any) -> bool:
    """The checksum list is no signature (anyone can edit a manifest and recompute it): every field that
    verify and restore read must have its type before anything is trusted or created."""
    if not isinstance(manifest, dict):
        return False
    payload, counts, created = manifest.get("payload"), manifest.get("counts"), manifest.get("created_at")
    if not (isinstance(payload, dict) and isinstance(payload.get("name"), str)
            and isinstance(payload.get("sha256"), str)):
        return False
    if not (isinstance(counts, dict) and all(isinstance(k, str) and type(v) is int and v >= 0
                                             for k, v in counts.items())):
        return False
    if not isinstance(created, str):
        return False
    try:
        datetime.fromisoformat(created)
    except ValueError:
        return False
    return all(isinstance(manifest.get(k), str) for k in ("store_id", "backend", "schema"))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def write_container(target: Path, manifest: dict[str, Any], keyfile: bytes, payload: Path,
                    payload_name: str) -> dict[str, Any]:
    """Write to a temporary name beside the target, fsync, then rename: never a half file under the name.
    The payload is read once: hashed as it is copied into the zip, then the manifest that names its hash."""
    tmp = target.with_name(f".{target.name}.partial")
    try:
        with open_private(tmp) as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
                digest = hashlib.sha256()
                info = zipfile.ZipInfo.from_file(payload, payload_name)
                info.compress_type = zipfile.ZIP_STORED   # already encrypted: compressing it gains nothing
                with open(payload, "rb") as src, zf.open(info, "w") as dst:
                    for block in iter(lambda: src.read(_CHUNK), b""):
                        digest.update(block)
                        dst.write(block)
                payload_sha = digest.hexdigest()
                manifest = {**manifest, "format": FORMAT, "kind": KIND,
                            "payload": {"name": payload_name, "size": info.file_size, "sha256": payload_sha}}
                manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
                checksum = "".join(f"{h}  {n}\n" for h, n in (
                    (hashlib.sha256(manifest_bytes).hexdigest(), MANIFEST),
                    (hashlib.sha256(keyfile).hexdigest(), KEYFILE), (payload_sha, payload_name)))
                zf.writestr(MANIFEST, manifest_bytes)
                zf.writestr(KEYFILE, keyfile)
                zf.writestr(CHECKSUM, checksum)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return manifest


def read_manifest(path: Path) -> dict[str, Any]:
    """Only the manifest, for what it says about the backup (its audit checkpoint is signed on its own):
    no payload is read, so this is quick on a backup of any size."""
    if not path.exists():
        raise StoreError(f"找不到备份文件：{path}", code="backup_missing")
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(MANIFEST)
            if info.file_size > 1 << 20:
                raise damaged("清单过大")
            manifest = json.loads(zf.read(MANIFEST))
    except (zipfile.BadZipFile, KeyError, ValueError, UnicodeDecodeError, zlib.error, EOFError) as exc:
        raise damaged("清单无法读取") from exc
    if not isinstance(manifest, dict) or manifest.get("kind") != KIND:
        raise StoreError("这不是幸福号的备份文件。", code="not_a_backup")
    return manifest


@dataclass(frozen=True)
class Opened:
    manifest: dict[str, Any]
    keyfile: bytes
    payload_name: str


def read_container(path: Path, extract_to: Path | None = None) -> Opened:
    """Check the file whole (zip structure, CRCs, sha256 of every part); optionally extract the payload."""
    if not path.exists():
        raise StoreError(f"找不到备份文件：{path}", code="backup_missing")
    archive_size = path.stat().st_size
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if not {MANIFEST, KEYFILE, CHECKSUM} <= names:
                raise damaged("缺少清单、密钥文件或校验值")
            _check_sizes(zf, archive_size)
            manifest_bytes, keyfile, checksum = (_read_small(zf, n) for n in (MANIFEST, KEYFILE, CHECKSUM))
            try:
                manifest = json.loads(manifest_bytes)
            except ValueError:
                raise damaged("清单无法读取") from None
            if not isinstance(manifest, dict):
                raise damaged("清单内容不正确")
            if manifest.get("kind") != KIND:
                raise StoreError("这不是幸福号的备份文件。", code="not_a_backup")
            if manifest.get("format") != FORMAT:
                raise StoreError("备份文件的格式版本比本程序新，请升级程序后再打开。", code="backup_too_new")
            if not _manifest_is_well_formed(manifest):
                raise damaged("清单内容不正确")
            payload_name = manifest["payload"]["name"]
            if payload_name not in (SQLITE_PAYLOAD, LOGICAL_PAYLOAD) or payload_name not in names:
                raise damaged("缺少数据部分")
            expected = {name: digest for digest, name in
                        (line.split("  ", 1) for line in checksum.decode("utf-8").splitlines() if "  " in line)}
            if expected.get(MANIFEST) != hashlib.sha256(manifest_bytes).hexdigest():
                raise damaged("清单与校验值不符（被改动过）")
            if expected.get(KEYFILE) != hashlib.sha256(keyfile).hexdigest():
                raise damaged("密钥文件与校验值不符（被改动过）")
            digest = hashlib.sha256()
            out: IO[bytes] | None = open_private(extract_to) if extract_to else None
            seen = 0
            try:
                with zf.open(payload_name) as src:
                    for block in iter(lambda: src.read(_CHUNK), b""):
                        seen += len(block)
                        if seen > archive_size:   # cannot happen to a stored part: counted all the same
                            raise damaged("数据部分比文件本身还大")
                        digest.update(block)
                        if out:
                            out.write(block)
            finally:
                if out:
                    out.close()
            if digest.hexdigest() != manifest["payload"]["sha256"] or expected.get(payload_name) != digest.hexdigest():
                raise damaged("数据部分与清单中的校验值不符（被截断或改动过）")
    except zipfile.BadZipFile as exc:
        raise damaged("文件结构不完整（可能未复制完或被截断）" if "crc" not in str(exc).lower()
                      else "数据部分校验失败（CRC 不符）") from exc
    except (KeyError, TypeError, UnicodeDecodeError, EOFError, zlib.error) as exc:
        raise damaged("内容无法读取") from exc
    return Opened(manifest, keyfile, payload_name)


# --- encrypted logical payload: gzip-free zlib stream, AES-256-GCM in 1 MiB chunks -----------------

class ChunkWriter:
    """Compresses and encrypts as it goes: the plain export never touches the disk."""

    def __init__(self, fh: IO[bytes], key: bytes, store_id: str) -> None:
        self.fh, self.aead, self.store_id = fh, AESGCM(key), store_id
        self.zip = zlib.compressobj(6)
        self.buffer = bytearray()
        self.index = 0
        fh.write(_MAGIC)

    def write(self, data: bytes) -> None:
        self.buffer += self.zip.compress(data)
        while len(self.buffer) >= _CHUNK:
            self._emit(bytes(self.buffer[:_CHUNK]), final=False)
            del self.buffer[:_CHUNK]

    def close(self) -> None:
        self.buffer += self.zip.flush()
        self._emit(bytes(self.buffer), final=True)

    def _emit(self, chunk: bytes, *, final: bool) -> None:
        nonce = os.urandom(12)
        sealed = self.aead.encrypt(nonce, chunk, _aad(self.store_id, self.index, final))
        self.fh.write(struct.pack(">I?", len(sealed), final) + nonce + sealed)
        self.index += 1


def read_chunks(fh: IO[bytes], key: bytes, store_id: str, *, sealed_size: int | None = None) -> Iterator[bytes]:
    """The plain bytes back, chunk by chunk; refuses reordered, cut or altered chunks, and a stream that would
    inflate past MAX_LOGICAL_EXPANSION times `sealed_size` (counted as it inflates, never held whole)."""
    if fh.read(len(_MAGIC)) != _MAGIC:
        raise damaged("数据部分格式不对")
    aead, unzip, index = AESGCM(key), zlib.decompressobj(), 0
    budget = None if sealed_size is None else max(sealed_size, 64 << 10) * MAX_LOGICAL_EXPANSION
    plain = 0

    def inflate(data: bytes) -> Iterator[bytes]:
        nonlocal plain
        while data:
            out = unzip.decompress(data, _CHUNK)
            plain += len(out)
            if budget is not None and plain > budget:
                raise damaged("数据部分解压后异常庞大（疑似压缩炸弹），已停止读取")
            yield out
            data = unzip.unconsumed_tail
    while True:
        head = fh.read(5)
        if len(head) < 5:
            raise damaged("数据部分被截断")
        size, final = struct.unpack(">I?", head)
        nonce, sealed = fh.read(12), fh.read(size)
        if len(sealed) < size:
            raise damaged("数据部分被截断")
        try:
            chunk = aead.decrypt(nonce, sealed, _aad(store_id, index, final))
        except InvalidTag:
            raise damaged("数据部分解密校验失败（被改动过或密钥不符）") from None
        yield from inflate(chunk)
        index += 1
        if final:
            yield unzip.flush()
            return


def _aad(store_id: str, index: int, final: bool) -> bytes:
    return f"fulian-backup/{store_id}/{index}/{int(final)}".encode()
