"""The address of the district's sync service, as a station names it (store setting `sync_server_url`).

A station reaches the district only through its sync service (`fulian sync serve`), never its database:
`https://host:port` (TLS protects who talks to whom and when; the bundles themselves are sealed anyway),
`http://` only on this computer's loopback (tests, a tunnel ending here). An optional `?ca=PATH` names a CA
certificate file on this computer for a district server whose certificate no public CA signed. No user
name, password or path: the station proves who it is by the signature on its bundle, nothing else.
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from .errors import ValidationError

DEFAULT_PORT = 8443


@dataclass(frozen=True)
class SyncAddress:
    scheme: str          # "https" or "http" (loopback only)
    host: str
    port: int
    ca_file: str = ""    # a CA certificate file trusted for this server ("" : the system's)

    @property
    def base(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"

    @property
    def where(self) -> str:
        """host:port, as messages show it."""
        return f"{self.host}:{self.port}"


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_sync_address(value: str, *, field: str = "sync_server_url") -> SyncAddress:
    """The checked address, or a ValidationError saying what to write instead (nothing is connected to)."""
    text = value.strip()
    if text.lower().startswith(("postgresql:", "postgres:", "postgresql+")):
        raise ValidationError("站点只连接区平台的同步服务，从不连接区平台的数据库：请填写区里提供的同步服务地址，"
                              "形如 https://主机:端口，并删除数据库地址。", field=field, code="sync_address_database")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:   # a broken [IPv6] host or a port that is not a number
        parts, port = None, None
    if (parts is None or parts.scheme not in ("https", "http") or not parts.hostname
            or parts.path not in ("", "/") or parts.fragment):
        raise ValidationError("区平台服务器地址应形如 https://主机:端口（由区里提供）。", field=field,
                              code="sync_address_invalid")
    if parts.username is not None or parts.password is not None:
        raise ValidationError("区平台服务器地址中不要写用户名或密码：站点凭同步包上的站点签名证明身份。", field=field,
                              code="sync_address_credentials")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ValidationError("区平台同步服务须用 https:// 连接（http:// 只限本机地址）。同步包虽已加密，"
                              "TLS 还保护谁在何时同步。", field=field, code="sync_address_plain_http")
    query = parse_qs(parts.query, keep_blank_values=True)
    if set(query) - {"ca"} or len(query.get("ca", [""])) != 1:
        raise ValidationError("区平台服务器地址只能带 ?ca=证书文件 一个参数。", field=field, code="sync_address_invalid")
    return SyncAddress(parts.scheme, parts.hostname, port or DEFAULT_PORT, query.get("ca", [""])[0])
