"""Takes backups one after another until killed: `python -m tests.reliability.crash_backup ROOT OUTDIR`.

Prints "go" when ready and "done <file>" after each backup is complete (written, renamed, audited)."""
from __future__ import annotations

import sys
from pathlib import Path


def main(root: str, out_dir: str) -> None:
    from fulian_desktop.backup import service
    from fulian_desktop.services.accounts import auth
    from fulian_desktop.store.store import Unlock
    from tests.reliability.rel_support import open_test_store
    from tests.support.stores import PASSPHRASE, NoKeyringVault

    with open_test_store(Path(root)) as store:
        key = service.backup_key(store, Unlock(passphrase=PASSPHRASE), NoKeyringVault())
        actor = auth.system_actor(store)
        print("go", flush=True)
        n = 0
        while True:
            n += 1
            target = Path(out_dir) / f"{Path(out_dir).name}-{n}.fbk"
            service.take_backup(store, actor, target, key=key, verify=False)
            print(f"done {target.name}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
