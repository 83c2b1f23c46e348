"""What every CLI command needs: finding the store, unlocking it, printing results."""
from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..domain.errors import KeyUnavailable, StoreError, WrongKey
from ..security.keyfile import normalise_recovery_code
from ..security.passphrase_rule import require_strong_passphrase
from ..store.paths import resolve_data_dir
from ..store.store import Store, Unlock, open_store

ENV_PASSPHRASE = "FULIAN_PASSPHRASE"
ENV_RECOVERY = "FULIAN_RECOVERY_CODE"


def data_dir(args: Any) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None))


def unlock_candidates(args: Any) -> list[Unlock]:
    key_file = getattr(args, "key_file", None)
    if key_file:
        try:
            secret = Path(key_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise KeyUnavailable(f"无法读取密钥文件 {key_file}：{exc.strerror}", code="key_file_unreadable") from exc
        looks_like_code = len(normalise_recovery_code(secret)) == 32 and secret.count("-") == 7
        first, second = (Unlock(recovery_code=secret), Unlock(passphrase=secret))
        return [first, second] if looks_like_code else [second, first]
    if os.environ.get(ENV_RECOVERY):
        return [Unlock(recovery_code=os.environ[ENV_RECOVERY])]
    if os.environ.get(ENV_PASSPHRASE):
        return [Unlock(passphrase=os.environ[ENV_PASSPHRASE])]
    return [Unlock()]


def open_for_cli(args: Any, *, upgrade: bool = True) -> Store:
    """The store of the command's data folder; `upgrade=False`: an older store is refused, not upgraded (a command
    that only reads another unit's store must not change it)."""
    root = data_dir(args)
    candidates = unlock_candidates(args)
    last: StoreError | None = None
    for unlock in candidates:
        try:
            return open_store(root, unlock, upgrade=upgrade)
        except WrongKey as exc:
            last = exc
        except KeyUnavailable as exc:
            if exc.code not in ("passphrase_required", "keyring_unavailable", "keyring_entry_missing"):
                raise
            if not sys.stdin.isatty():
                raise KeyUnavailable(f"{exc.message}（非交互使用时请设置环境变量 {ENV_PASSPHRASE} 或使用 --key-file）",
                                     code=exc.code) from exc
            secret = getpass.getpass("请输入口令（或恢复码）：")
            code_like = len(normalise_recovery_code(secret)) == 32
            return open_store(root, Unlock(recovery_code=secret) if code_like else Unlock(passphrase=secret),
                              upgrade=upgrade)
    assert last is not None
    raise last


def emit(args: Any, data: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=1, default=str))
    else:
        print(text)


def read_new_secret(prompt: str, env: str) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise KeyUnavailable(f"请通过环境变量 {env} 提供{prompt}。", code="secret_required")
    first = getpass.getpass(f"{prompt}：")
    if getpass.getpass(f"再次输入{prompt}：") != first:
        raise KeyUnavailable("两次输入不一致。", code="secret_mismatch")
    return first


def read_new_passphrase(prompt: str) -> str:
    """A new store passphrase (FULIAN_PASSPHRASE or typed twice), refused at once when too weak to guard the
    key file against offline guessing: before any other question is asked or anything is created."""
    passphrase = read_new_secret(prompt, ENV_PASSPHRASE)
    require_strong_passphrase(passphrase)
    return passphrase
