"""The key file (keystore.json) beside the database: the database key, wrapped.

The 256-bit database key is never on disk in the clear. It is wrapped (AES-256-GCM) by
keys derived with argon2id from the recovery code and, where set, a passphrase. The
store id is bound into each wrap as associated data, so a slot copied from another
store does not open this one.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..domain.errors import NotAStore, WrongKey

FORMAT = 1
# Crockford base32: no I, L, O, U, so a code read aloud or copied by hand survives.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


# What a key file may ask of this machine. keystore.json is not authenticated until the key is unwrapped, so its
# argon2 parameters are read as hostile: a huge memory or time cost would hang or kill the program before the
# passphrase is even checked, a zero or negative one crashes argon2. Generous above the defaults (3, 64 MiB, 2).
KDF_LIMITS = {"t": (1, 16), "m": (8 * 1024, 1024 * 1024), "p": (1, 16)}
_KDF_LABELS = {"t": "迭代次数", "m": "内存用量（KiB）", "p": "并行度"}


def kdf_params_of(slot: dict) -> KdfParams:
    """The slot's argon2 parameters, refused (nothing derived, nothing changed) when outside KDF_LIMITS."""
    values = {}
    for name, (low, high) in KDF_LIMITS.items():
        value = slot.get(name)
        if type(value) is not int or not low <= value <= high:
            raise NotAStore(f"密钥文件 keystore.json 中的密钥派生参数“{_KDF_LABELS[name]}”为 {str(value)[:20]}，"
                            f"超出允许范围（{low}～{high}），可能已被改动。为安全起见未尝试解锁，数据未作任何改变；"
                            "请从备份中取回原来的密钥文件，或在创建数据存储的电脑上打开。", code="kdf_out_of_range")
        values[name] = value
    if values["m"] < 8 * values["p"]:
        raise NotAStore("密钥文件 keystore.json 中的密钥派生参数互相矛盾（内存用量小于并行度的 8 倍），可能已被改动。"
                        "未尝试解锁，数据未作任何改变。", code="kdf_out_of_range")
    return KdfParams(values["t"], values["m"], values["p"])


def new_database_key() -> bytes:
    return secrets.token_bytes(32)


def new_recovery_code() -> str:
    """32 symbols (160 bits) shown in groups of four."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(32))
    return format_recovery_code(raw)


def format_recovery_code(code: str) -> str:
    raw = normalise_recovery_code(code)
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in code.upper().translate(_CONFUSABLE) if ch in _ALPHABET)


def key_check(key: bytes) -> str:
    """A tag that tells a wrong key from a damaged database without trying to decrypt it."""
    return hmac.new(key, b"fulian-desktop key check v1", hashlib.sha256).hexdigest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"), salt, time_cost=params.time_cost, memory_cost=params.memory_kib,
        parallelism=params.parallelism, hash_len=32, type=Type.ID,
    )


@dataclass
class KeyFile:
    store_id: str
    key_check: str
    uses_keyring: bool = False
    slots: dict[str, dict] = field(default_factory=dict)

    # --- wrapping -------------------------------------------------------------------------
    def add_slot(self, name: str, secret: str, key: bytes, params: KdfParams) -> None:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _derive(secret, salt, params)
        ct = AESGCM(kek).encrypt(nonce, key, self._aad(name))
        self.slots[name] = {
            "kdf": "argon2id", "t": params.time_cost, "m": params.memory_kib, "p": params.parallelism,
            "salt": _b64(salt), "nonce": _b64(nonce), "ct": _b64(ct),
        }

    def unwrap(self, name: str, secret: str) -> bytes:
        slot = self.slots.get(name)
        if slot is None:
            raise WrongKey(_NO_SLOT[name], code=f"no_{name}_slot")
        if not isinstance(slot, dict):
            raise NotAStore("密钥文件已损坏，无法读取（keystore.json）。请从备份恢复或使用恢复码。")
        try:
            params = kdf_params_of(slot)
            kek = _derive(secret, _unb64(slot["salt"]), params)
            key = AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["ct"]), self._aad(name))
        except InvalidTag:
            raise WrongKey(_WRONG[name], code=f"wrong_{name}") from None
        except (KeyError, ValueError, TypeError) as exc:
            raise NotAStore("密钥文件已损坏，无法读取（keystore.json）。请从备份恢复或使用恢复码。") from exc
        if not hmac.compare_digest(key_check(key), self.key_check):
            raise WrongKey(_WRONG[name], code=f"wrong_{name}")
        return key

    def _aad(self, name: str) -> bytes:
        return f"fulian-desktop/{self.store_id}/{name}".encode()

    # --- file ----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        data = {"format": FORMAT, "store_id": self.store_id, "key_check": self.key_check,
                "uses_keyring": self.uses_keyring, "slots": self.slots}
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)  # atomic: a crash leaves the old file or the new, never half

    @classmethod
    def load(cls, path: Path) -> "KeyFile":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("format")
            return cls(store_id=str(data["store_id"]), key_check=str(data["key_check"]),
                       uses_keyring=bool(data.get("uses_keyring")), slots=dict(data.get("slots") or {}))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise NotAStore(f"密钥文件 {path.name} 已损坏或不是幸福号的密钥文件。") from exc


_WRONG = {"passphrase": "口令不正确，请重新输入。", "recovery": "恢复码不正确，请核对后重新输入。"}
_NO_SLOT = {"passphrase": "此数据存储未设置口令，请使用恢复码打开。", "recovery": "此数据存储没有恢复码。"}
