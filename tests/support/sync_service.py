"""The district's sync service (sync/service.py) on loopback, in a thread of the test: port 0, so tests
running side by side never meet; stopped and joined on the way out."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from fulian_desktop.services.accounts.auth import system_actor
from fulian_desktop.store.store import Store
from fulian_desktop.sync.service import SyncHTTPServer, make_server


@contextmanager
def serving(district: Store, *, host: str = "127.0.0.1") -> Iterator[SyncHTTPServer]:
    server = make_server(district, system_actor(district, "同步服务"), host, 0)
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
    return f"http://{host}:{port}"
