"""Files the program writes outside the store (printed PDFs, statistics, bundles, backups, temporary copies)
are readable by their owner only (0600), whatever the umask: they hold the same names, addresses and stories
as the encrypted store, on a shared desk computer or a USB stick.

`write_private` writes under a temporary name beside the target and renames it over, so a crash never leaves a
cut-short file under the real name; the temporary file is 0600 from its first byte (O_CREAT mode, not a chmod
afterwards). `open_private` is the same for writers that want a file object.
"""
from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

PRIVATE_MODE = 0o600


def open_private(path: str | Path, *, exclusive: bool = False) -> IO[bytes]:
    """`path` opened for writing (truncated), created 0600; an existing file is made 0600 too."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | (os.O_EXCL if exclusive else 0)
    fd = os.open(path, flags, PRIVATE_MODE)
    try:
        if hasattr(os, "fchmod"):   # an existing file keeps its mode otherwise
            os.fchmod(fd, PRIVATE_MODE)
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise


@contextmanager
def private_output(path: str | Path) -> Iterator[IO[bytes]]:
    """Write `path` through a 0600 temporary file beside it, fsync'd and renamed over on success only."""
    target = Path(path)
    part = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    fh = open_private(part, exclusive=True)
    try:
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def write_private(path: str | Path, data: bytes | str) -> None:
    """`data` into `path`, 0600, atomically (see the module docstring)."""
    with private_output(path) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
