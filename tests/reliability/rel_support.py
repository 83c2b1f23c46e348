"""Shared helpers of the reliability suite: a template store with people in it, and the checks run
after every fault (the store opens, SQLite says it is intact, the audit chain verifies)."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text

from fulian_desktop.domain.enums import Role
from fulian_desktop.security import audit
from fulian_desktop.store.base import Base
from fulian_desktop.store.store import Store, Unlock, open_store
from tests.support.stores import (
    PASSPHRASE, VILLAGE_A1, NoKeyringVault, add_user, build_org, first_login, new_store,
)

REPO = Path(__file__).resolve().parents[2]
WRITER_USER = "desk_writer"
WRITER_PASSWORD = "Desk-Writer-789"


@dataclass(frozen=True)
class Template:
    root: Path
    village_id: str


def make_template(root: Path) -> Template:
    """A closed store with the test district and a mediator of 郭亮村 who has set her own password."""
    store = new_store(root).store
    try:
        org = build_org(store)
        add_user(store, WRITER_USER, Role.MEDIATOR, org.units[VILLAGE_A1], display_name="调解员甲")
        first_login(store, WRITER_USER, new_password=WRITER_PASSWORD)
    finally:
        store.close()
    return Template(root, org.units[VILLAGE_A1])


def open_test_store(root: Path) -> Store:
    return open_store(root, Unlock(passphrase=PASSPHRASE), vault=NoKeyringVault())


def integrity(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]


def foreign_key_problems(store: Store) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text("PRAGMA foreign_key_check"))]


def chain(store: Store) -> audit.ChainReport:
    with store.uow() as uow:
        return audit.verify_chain(uow.s)


def assert_sound(store: Store) -> None:
    """What every fault must leave: an intact file, no dangling references, an unbroken audit chain."""
    assert integrity(store) == ["ok"]
    assert foreign_key_problems(store) == []
    report = chain(store)
    assert report.ok, report.problem


def row_counts(store: Store) -> dict[str, int]:
    """Rows per table: a refused action must leave every count as it was (the audit log included)."""
    with store.uow() as uow:
        return {name: uow.s.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in sorted(Base.metadata.tables.items())}


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("FULIAN_PASSPHRASE", None)
    return env


def spawn(module: str, *args: str, stdout=subprocess.DEVNULL) -> subprocess.Popen:  # noqa: ANN001
    """A fresh interpreter running `python -m module args…` from the repository."""
    return subprocess.Popen([sys.executable, "-m", module, *args], cwd=REPO, env=subprocess_env(),
                            stdout=stdout, stderr=subprocess.PIPE, start_new_session=True)
