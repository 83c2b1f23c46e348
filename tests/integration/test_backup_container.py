"""The backup file itself: where the file system allows, the copy becomes the backup in place (its zip header in a
gap opened at its front) instead of being written a second time; elsewhere it is copied. Either way the file reads
back whole, and damage to the copy's bytes is named."""
from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest

from fulian_desktop.backup import container

MANIFEST = {"store_id": "s-1", "backend": "sqlcipher", "schema": "0001", "created_at": "2026-12-07T08:00:00+08:00",
            "counts": {"case_file": 3}}


def _payload(path: Path, size: int = 3 * 1024 * 1024 + 123) -> bytes:
    data = os.urandom(size)
    path.write_bytes(data)
    return data


def _reads_back(target: Path, data: bytes, where: Path) -> None:
    opened = container.read_container(target, extract_to=where / "extracted")
    assert opened.payload_name == container.SQLITE_PAYLOAD and opened.manifest["counts"] == {"case_file": 3}
    assert (where / "extracted").read_bytes() == data
    with zipfile.ZipFile(target) as zf:
        assert zf.testzip() is None
    assert not list(target.parent.glob(".*.partial"))
    assert target.stat().st_mode & 0o077 == 0


def _can_open_a_gap(where: Path) -> bool:
    """Linux's fallocate(FALLOC_FL_INSERT_RANGE) works on this file system (ext4, XFS; not tmpfs, FAT, NTFS)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import ctypes.util

    probe = where / "probe"
    probe.write_bytes(b"x" * 8192)
    fd = os.open(probe, os.O_RDWR)
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.fallocate.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_longlong, ctypes.c_longlong]
        return bool(libc.fallocate(fd, 0x20, 0, 4096) == 0)
    finally:
        os.close(fd)
        probe.unlink()


def test_a_copy_beside_the_backup_becomes_the_backup_without_being_written_again(tmp_path: Path) -> None:
    if not _can_open_a_gap(tmp_path):
        pytest.skip("this file system cannot open a gap at the front of a file (the copying path is tested below)")
    payload = tmp_path / container.SQLITE_PAYLOAD
    data = _payload(payload)
    inode = payload.stat().st_ino
    manifest = container.write_container(tmp_path / "b.fbk", MANIFEST, b"{}", payload, container.SQLITE_PAYLOAD)
    assert not payload.exists() and (tmp_path / "b.fbk").stat().st_ino == inode   # the same file, not a copy
    assert manifest["payload"]["size"] == len(data)
    _reads_back(tmp_path / "b.fbk", data, tmp_path)
    raw = bytearray((tmp_path / "b.fbk").read_bytes())
    raw[4096 + len(data) // 2] ^= 0x01   # one bit of the copy
    (tmp_path / "flipped.fbk").write_bytes(bytes(raw))
    with pytest.raises(container.BackupDamaged):
        container.read_container(tmp_path / "flipped.fbk")


def test_a_copy_elsewhere_is_copied_into_the_backup(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").mkdir()
    payload = tmp_path / "elsewhere" / container.SQLITE_PAYLOAD
    data = _payload(payload)
    container.write_container(tmp_path / "out" / "b.fbk", MANIFEST, b"{}", payload, container.SQLITE_PAYLOAD)
    assert payload.read_bytes() == data   # left for its temporary folder to remove
    _reads_back(tmp_path / "out" / "b.fbk", data, tmp_path)
