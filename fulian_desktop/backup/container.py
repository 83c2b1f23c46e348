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
import shutil
import struct
import sys
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
    """Write to a temporary name beside the target, fsync once, then rename: never a half file under the name.

    The payload is read once for its sha256 and CRC-32. Where the file system can open a gap at the front of
    a file without rewriting it (Linux ext4/XFS: fallocate INSERT_RANGE) and the payload is beside the
    target, the payload becomes the container in place: its zip header goes into that gap and the small parts
    after it, so a 1.5 GB copy is neither written twice nor needs twice the space (the payload file is gone
    then). Elsewhere it is copied into a new zip and left for its caller's temporary folder."""
    tmp = target.with_name(f".{target.name}.partial")
    try:
        info = zipfile.ZipInfo.from_file(payload, payload_name)
        info.compress_type = zipfile.ZIP_STORED   # already encrypted: compressing it gains nothing
        payload_sha, info.CRC = _digests(payload)
        info.compress_size = info.file_size
        if _wrap_in_place(payload, tmp, info):
            with open(tmp, "r+b") as fh:
                fh.seek(0, os.SEEK_END)
                with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
                    zf.filelist.append(info)   # at offset 0, written above: the central directory names it
                    zf.NameToInfo[info.filename] = info
                    manifest = _write_small_parts(zf, manifest, keyfile, info, payload_sha)
                fh.flush()
                os.fsync(fh.fileno())
        else:
            with open_private(tmp) as fh:
                with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
                    with open(payload, "rb") as src, zf.open(info, "w") as dst:
                        shutil.copyfileobj(src, dst, _CHUNK)
                    manifest = _write_small_parts(zf, manifest, keyfile, info, payload_sha)
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return manifest


def _digests(path: Path) -> tuple[str, int]:
    digest, crc = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(block)
            crc = zlib.crc32(block, crc)
    return digest.hexdigest(), crc


def _write_small_parts(zf: zipfile.ZipFile, manifest: dict[str, Any], keyfile: bytes, info: zipfile.ZipInfo,
                       payload_sha: str) -> dict[str, Any]:
    manifest = {**manifest, "format": FORMAT, "kind": KIND,
                "payload": {"name": info.filename, "size": info.file_size, "sha256": payload_sha}}
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    checksum = "".join(f"{h}  {n}\n" for h, n in (
        (hashlib.sha256(manifest_bytes).hexdigest(), MANIFEST),
        (hashlib.sha256(keyfile).hexdigest(), KEYFILE), (payload_sha, info.filename)))
    zf.writestr(MANIFEST, manifest_bytes)
    zf.writestr(KEYFILE, keyfile)
    zf.writestr(CHECKSUM, checksum)
    return manifest


_FALLOC_FL_INSERT_RANGE = 0x20
_PADDING_EXTRA = 0xD935   # the zip extra-field id used for alignment padding (as Android's zipalign does)


def _wrap_in_place(payload: Path, tmp: Path, info: zipfile.ZipInfo) -> bool:
    """Open a gap of one file-system block at the front of `payload`, write the zip local header for `info`
    into it (padded to the gap with an extra field), and move the file to `tmp`, made private.
    False, with `payload` untouched, wherever this cannot be done (another OS or file system)."""
    if not sys.platform.startswith("linux") or payload.parent != tmp.parent:
        return False
    try:
        fd = os.open(payload, os.O_RDWR)
    except OSError:
        return False
    try:
        room = max(4096, os.fstat(fd).st_blksize)
        zip64 = info.file_size > zipfile.ZIP64_LIMIT
        bare = len(info.FileHeader(zip64))
        pad = room - bare - 4
        if not 0 <= pad <= 0xFFFF or not _insert_range(fd, room):
            return False
        info.extra = struct.pack("<HH", _PADDING_EXTRA, pad) + bytes(pad)
        header = info.FileHeader(zip64)
        info.extra = b""   # the central directory needs no padding
        info.header_offset = 0
        os.fchmod(fd, 0o600)
        os.pwrite(fd, header, 0)
    finally:
        os.close(fd)
    os.replace(payload, tmp)
    return True


def _insert_range(fd: int, length: int) -> bool:
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        fallocate = libc.fallocate
    except (OSError, AttributeError):
        return False
    fallocate.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_longlong, ctypes.c_longlong]
    done: int = fallocate(fd, _FALLOC_FL_INSERT_RANGE, 0, length)
    return done == 0


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
