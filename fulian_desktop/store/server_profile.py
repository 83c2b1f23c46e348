"""A data folder that points at a PostgreSQL server instead of holding a SQLCipher file.

`server.json` keeps where the district store lives (host, port, database, user, TLS mode);
never the password, which goes to the OS keyring (or FULIAN_PG_PASSWORD for scripts).
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from sqlalchemy.engine import URL

from ..domain.errors import NotAStore, ValidationError

FORMAT = 1
ENV_PASSWORD = "FULIAN_PG_PASSWORD"
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_SSLMODE = "require"


@dataclass(frozen=True)
class ServerProfile:
    host: str
    database: str
    user: str
    port: int = 5432
    sslmode: str = DEFAULT_SSLMODE   # TLS unless the user's URL says otherwise (libpq's "prefer" falls back silently)
    sslrootcert: str | None = None  # CA file for verify-ca / verify-full
    store_id: str | None = None  # filled in once connected: a profile may not silently switch stores

    def __post_init__(self) -> None:
        if not self.host.strip():
            raise ValidationError("请填写数据库服务器地址。", field="host")
        if not self.database.strip():
            raise ValidationError("请填写数据库名称。", field="database")
        if not self.user.strip():
            raise ValidationError("请填写数据库用户名。", field="user")
        if not 0 < int(self.port) < 65536:
            raise ValidationError("端口应为 1–65535 之间的数字。", field="port")
        if self.sslmode not in SSL_MODES:
            raise ValidationError(f"TLS 模式只能是：{'、'.join(SSL_MODES)}。", field="sslmode")

    @property
    def keyring_name(self) -> str:
        """The keyring entry holding this connection's password."""
        return f"pg:{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def label(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}（TLS：{self.sslmode}）"

    def url(self, password: str | None) -> URL:
        query = {"sslmode": self.sslmode, "connect_timeout": "10", "application_name": "fulian-desktop"}
        if self.sslrootcert:
            query["sslrootcert"] = self.sslrootcert
        return URL.create("postgresql+psycopg", username=self.user, password=password or None,
                          host=self.host, port=int(self.port), database=self.database, query=query)

    def with_store(self, store_id: str) -> "ServerProfile":
        return replace(self, store_id=store_id)

    # --- text forms ------------------------------------------------------------------------
    @classmethod
    def from_url(cls, text: str) -> tuple["ServerProfile", str | None]:
        """'postgresql://user[:password]@host[:port]/db?sslmode=require' -> (profile, password)."""
        parts = urlsplit(text.strip())
        if parts.scheme.split("+")[0] not in ("postgresql", "postgres"):
            raise ValidationError("服务器地址应形如 postgresql://用户名@主机:端口/数据库?sslmode=require。", field="url")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        try:
            port = parts.port or 5432
        except ValueError:
            raise ValidationError("端口应为 1–65535 之间的数字。", field="port") from None
        profile = cls(host=parts.hostname or "", database=unquote(parts.path.lstrip("/")),
                      user=unquote(parts.username or ""), port=port,
                      sslmode=query.get("sslmode", DEFAULT_SSLMODE), sslrootcert=query.get("sslrootcert"))
        return profile, unquote(parts.password) if parts.password else None

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"format": FORMAT, "kind": "postgresql", **asdict(self)}, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> "ServerProfile":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("kind") != "postgresql":
                raise ValueError("format")
            return cls(host=str(data["host"]), database=str(data["database"]), user=str(data["user"]),
                       port=int(data.get("port") or 5432), sslmode=str(data.get("sslmode") or DEFAULT_SSLMODE),
                       sslrootcert=data.get("sslrootcert"), store_id=data.get("store_id"))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise NotAStore(f"服务器连接设置 {path.name} 已损坏，请重新设置（fulian server set）。") from exc
