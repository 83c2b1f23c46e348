"""Opens (and so upgrades) an old store until killed: `python -m tests.reliability.crash_migrator ROOT`.

Prints "go" once everything is imported, right before the upgrade starts, so the parent's random
kill moments fall on the backup and the migrations, not on Python's start-up."""
from __future__ import annotations

import sys
from pathlib import Path


def main(root: str) -> None:
    import alembic.command  # noqa: F401 - loaded before "go": the kill window is the upgrade itself

    from fulian_desktop.store import migrate
    from tests.reliability.rel_support import open_test_store

    migrate.known_revisions()
    print("go", flush=True)
    with open_test_store(Path(root)):
        pass
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
