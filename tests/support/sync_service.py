"""The district's sync service (sync/service.py) on loopback, in a thread of the test: port 0, so tests
running side by side never meet; stopped and joined on the way out."""
from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.store import Store
from fulian_desktop.sync.service import SyncHTTPServer, make_server


@contextmanager
def serving(district: Store, *, host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> Iterator[SyncHTTPServer]:
    server = make_server(district, system_actor(district, "同步服务"), host, 0, tls)
    thread = threading.Thread(target=server.serve_forever, name="sync-service", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def url_of(server: SyncHTTPServer) -> str:
    host, port = server.server_address[:2]
    return f"{'https' if server.tls else 'http'}://{host}:{port}"


def self_signed(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """(certificate, private key) PEM files for `host`, signed by themselves (a district without a public CA)."""
    import ipaddress
    from datetime import datetime, timedelta, timezone

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fulian district sync")])
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + timedelta(days=3650))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "district.pem", folder / "district.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file
