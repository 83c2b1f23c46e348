"""Imports one sync bundle until killed: `python -m tests.reliability.crash_sync_import ROOT BUNDLE`.

Prints "go" right before the import starts and "done" once it has committed."""
from __future__ import annotations

import sys
from pathlib import Path


def main(root: str, bundle: str) -> None:
    from fulian_desktop.services.accounts.auth import system_actor
    from fulian_desktop.sync.exchange import import_bundle
    from tests.reliability.rel_support import open_test_store

    data = Path(bundle).read_bytes()
    with open_test_store(Path(root)) as store:
        actor = system_actor(store)
        print("go", flush=True)
        import_bundle(store, actor, data)
        print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
