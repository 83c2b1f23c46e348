"""Opens (and so upgrades) an old store and stops dead at a checkpoint the parent chose:
`python -m tests.reliability.crash_migrator ROOT STOP`.

Every SQL statement and every file step of the pre-upgrade backup is a numbered checkpoint. At
checkpoint STOP the child prints "at STOP <what>" and waits to be killed; with STOP 0 it runs to the end
and prints "done N", N being how many checkpoints there were. The kills land on real steps of the
upgrade whatever the machine's load, where a random sleep guessed from a timing once missed them all."""
from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path


def main(root: str, stop: int) -> None:
    import alembic.command  # noqa: F401 - loaded first: the checkpoints are the upgrade itself
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from fulian_desktop.store import migrate
    from tests.reliability.rel_support import open_test_store

    migrate.known_revisions()
    passed = 0

    def checkpoint(what: str) -> None:
        nonlocal passed
        passed += 1
        if passed == stop:
            print(f"at {passed} {what}", flush=True)
            time.sleep(600)  # the parent's SIGKILL ends this

    def after_statement(conn, cursor, statement, *_args) -> None:  # noqa: ANN001
        checkpoint(statement.split(None, 1)[0] if statement.strip() else "sql")

    event.listen(Engine, "after_cursor_execute", after_statement)
    real_copy, real_replace = shutil.copy2, os.replace

    def copy_then_checkpoint(src, dst, *args, **kwargs):  # noqa: ANN001, ANN202
        result = real_copy(src, dst, *args, **kwargs)
        checkpoint(f"copied {Path(dst).name}")
        return result

    def replace_between_checkpoints(src, dst, *args, **kwargs):  # noqa: ANN001, ANN202
        checkpoint(f"before rename {Path(dst).name}")
        real_replace(src, dst, *args, **kwargs)
        checkpoint(f"renamed {Path(dst).name}")

    real_upgrade = migrate.upgrade

    def upgrade_then_checkpoint(*args, **kwargs) -> None:  # noqa: ANN002, ANN003
        real_upgrade(*args, **kwargs)
        checkpoint("upgrade committed")

    shutil.copy2, os.replace = copy_then_checkpoint, replace_between_checkpoints
    migrate.upgrade = upgrade_then_checkpoint
    print("go", flush=True)
    with open_test_store(Path(root)):
        pass
    print(f"done {passed}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
