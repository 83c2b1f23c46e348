"""File contents inside the store: hashed, chunked and written once per SHA-256, read back chunk by chunk,
and copied to a private temp folder for the system's viewer.

No actor here: these are the storage mechanics under services.attachments.attachments (which checks rights and audits).
The sync and backup code may call `blob_chunks` / `blob_info` directly to carry contents in a bundle.
"""
from __future__ import annotations

import hashlib
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import insert, select

from ...domain.attachments import CHUNK_SIZE, SNIFF_BYTES, limit_bytes
from ...domain.errors import FulianError, NotFound, ValidationError
from ...store.models_evidence import AttachmentBlob, AttachmentChunk
from ...store.uow import UnitOfWork

ProgressFn = Callable[[int, int], bool]   # (done, total) -> go on?


class Cancelled(FulianError):
    code = "cancelled"


@dataclass(frozen=True)
class Digest:
    sha256: str
    size: int
    head: bytes       # the first bytes, for sniffing the media type


@dataclass(frozen=True)
class BlobInfo:
    sha256: str
    size: int
    chunk_count: int


def source_size(stream: BinaryIO) -> int | None:
    """The stream's size without reading it (files and seekable streams), else None."""
    try:
        return os.fstat(stream.fileno()).st_size
    except (AttributeError, OSError, io.UnsupportedOperation):
        pass
    if stream.seekable():
        here = stream.tell()
        end = stream.seek(0, io.SEEK_END)
        stream.seek(here)
        return end - here
    return None


def _read_chunks(stream: BinaryIO, limit: int, filename: str) -> Iterator[bytes]:
    total = 0
    while True:
        chunk = stream.read(CHUNK_SIZE)
        if not chunk:
            return
        total += len(chunk)
        if total > limit:   # the file grew after its size was checked
            raise ValidationError(f"文件“{filename}”超过了大小上限，未添加。", code="attachment_too_large",
                                  field="file")
        yield chunk


def digest(stream: BinaryIO, *, limit_mb: int, filename: str, progress: ProgressFn | None = None,
           total: int = 0) -> Digest:
    """First pass: hash and measure without writing anything (so a refusal leaves the store untouched)."""
    hasher, size, head = hashlib.sha256(), 0, b""
    for chunk in _read_chunks(stream, limit_bytes(limit_mb), filename):
        if len(head) < SNIFF_BYTES:
            head += chunk[:SNIFF_BYTES - len(head)]
        hasher.update(chunk)
        size += len(chunk)
        if progress is not None and not progress(size, total):
            raise Cancelled("已取消，文件未添加。")
    return Digest(hasher.hexdigest(), size, head)


def blob_info(uow: UnitOfWork, sha256: str) -> BlobInfo | None:
    blob = uow.s.get(AttachmentBlob, sha256)
    return None if blob is None else BlobInfo(blob.sha256, blob.size, blob.chunk_count)


def store_blob(uow: UnitOfWork, stream: BinaryIO, expected: Digest, *, limit_mb: int, filename: str,
               progress: ProgressFn | None = None, done_before: int = 0, total: int = 0) -> bool:
    """Second pass: write the contents in chunks unless the same contents are stored already.
    Returns True when a new blob was written. Core inserts keep no chunk alive in the session, so memory
    holds one chunk at a time whatever the file's size."""
    if uow.s.get(AttachmentBlob, expected.sha256) is not None:
        return False
    s = uow.s
    chunk_count = -(-expected.size // CHUNK_SIZE)
    s.execute(insert(AttachmentBlob.__table__).values(sha256=expected.sha256, size=expected.size,
                                                      chunk_count=chunk_count))
    hasher, size, seq = hashlib.sha256(), 0, 0
    for chunk in _read_chunks(stream, limit_bytes(limit_mb), filename):
        hasher.update(chunk)
        s.execute(insert(AttachmentChunk.__table__).values(sha256=expected.sha256, seq=seq, data=chunk))
        seq, size = seq + 1, size + len(chunk)
        if progress is not None and not progress(done_before + size, total):
            raise Cancelled("已取消，文件未添加。")
    if hasher.hexdigest() != expected.sha256 or size != expected.size:
        raise ValidationError(f"文件“{filename}”在添加过程中被改动，未添加。请确认文件已保存完毕后重试。",
                              code="attachment_changed", field="file")
    return True


def blob_chunks(uow: UnitOfWork, sha256: str) -> Iterator[bytes]:
    """The stored contents, chunk by chunk in order (one chunk in memory at a time)."""
    blob = uow.s.get(AttachmentBlob, sha256)
    if blob is None:
        raise NotFound("附件内容不存在。")
    for seq in range(blob.chunk_count):
        data = uow.s.execute(select(AttachmentChunk.data).where(AttachmentChunk.sha256 == sha256,
                                                                AttachmentChunk.seq == seq)).scalar_one_or_none()
        if data is None:
            raise NotFound(f"附件内容不完整（缺第 {seq + 1} 段），请从备份或同步恢复。", code="attachment_incomplete")
        yield data


def read_blob(uow: UnitOfWork, sha256: str) -> bytes:
    """The whole contents in memory (previews and documents; files are at most the size limit)."""
    return b"".join(blob_chunks(uow, sha256))


# --- a temporary copy for the system's viewer ------------------------------------------------------

def private_temp_root() -> Path | None:
    """Where temp copies go: the per-user runtime folder when there is one (memory-backed and private on
    Linux), else the system temp folder. Each copy gets its own 0700 folder inside."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime) and os.access(runtime, os.W_OK):
        return Path(runtime)
    return None


class TempCopy:
    """A plain copy of one attachment in a private folder, for an outside viewer. Removed by `cleanup()`,
    at the end of a `with` block, when garbage-collected, or at the latest when the program exits."""

    def __init__(self, filename: str) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="fulian-view-", dir=private_temp_root(),
                                                ignore_cleanup_errors=True)
        self.directory = Path(self._dir.name)
        os.chmod(self.directory, stat.S_IRWXU)   # mkdtemp makes it 0700 already; say so explicitly
        self.path = self.directory / filename

    def write(self, chunks: Iterator[bytes]) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
        os.chmod(self.path, stat.S_IRUSR)   # read-only: a viewer's edits would be lost with the copy anyway

    def cleanup(self) -> None:
        self._dir.cleanup()

    @property
    def removed(self) -> bool:
        return not self.directory.exists()

    def __enter__(self) -> "TempCopy":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.cleanup()
