"""Fixtures for the whole suite."""
from __future__ import annotations

import os
import sys

import pytest
from argon2 import PasswordHasher

from fulian_desktop.security import passwords
from fulian_desktop.security.keyring_vault import KeyringVault
from tests.support import stores
from tests.support.memory_keyring import InMemoryKeyring

# Whole modules about SQLCipher itself: key files, encryption on disk, upgrading old files, the
# desk's keyring. The PostgreSQL pass leaves them out (a single test can say so with @sqlite_only).
# The demo generator's tests that inspect its SQLite fast path in raw SQLite SQL (FTS rows, sqlite_master, PRAGMA).
SQLITE_ONLY_MODULES = {"test_store_encryption.py", "test_migrations.py", "test_keyring_secret_service.py",
                       "test_demo.py"}
SQLITE_ONLY_TESTS = {"test_attachments.py::test_contents_are_never_plain_on_disk",
                     "test_demo_work.py::test_every_kind_of_work_is_there",
                     "test_demo_work.py::test_work_stays_inside_each_case",
                     "test_demo_work.py::test_same_seed_gives_the_same_work"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--store-backend", choices=(stores.SQLCIPHER, stores.POSTGRES),
                     default=os.environ.get("FULIAN_TEST_BACKEND", stores.SQLCIPHER),
                     help="back end of the stores the integration tests make (postgres: needs FULIAN_TEST_PG_URL)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: about SQLCipher files; left out of the PostgreSQL pass")
    stores.set_backend(config.getoption("--store-backend"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The PostgreSQL pass runs the integration (service) tests only, minus the SQLCipher-specific ones."""
    if not stores.on_postgres():
        return
    keep, drop = [], []
    for item in items:
        path = item.path
        wanted = ("integration" in path.parts and path.name not in SQLITE_ONLY_MODULES
                  and f"{path.name}::{item.name}" not in SQLITE_ONLY_TESTS
                  and item.get_closest_marker("sqlite_only") is None and item.get_closest_marker("postgres") is None)
        (keep if wanted else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(autouse=True)
def _drop_test_databases():  # noqa: ANN202
    """PostgreSQL pass: the databases a test made are dropped after it (module templates at the end)."""
    from tests.support import pg

    if not stores.on_postgres():
        yield
        if pg.cluster.cache_info().currsize:  # a PostgreSQL-only test in the SQLCipher pass
            pg.cluster().drop([n for n in list(pg.cluster().created)])
        return
    before = set(pg.cluster().created)
    yield
    pg.cluster().drop([name for name in pg.cluster().created if name not in before])


@pytest.fixture(scope="session", autouse=True)
def _drop_all_test_databases():  # noqa: ANN202
    yield
    from tests.support import pg

    if pg.cluster.cache_info().currsize:
        pg.cluster().drop_all()


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashing() -> None:
    """Tests create many accounts: argon2id with tiny costs keeps the suite fast."""
    passwords.set_hasher_for_tests(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))


@pytest.fixture(scope="session", autouse=True)
def _replayed_schema():  # noqa: ANN202
    """New SQLCipher stores replay the session's first migrated schema (tests/support/schema_replay.py)."""
    from fulian_desktop.store import migrate
    from tests.support.schema_replay import replaying_upgrade

    real = migrate.upgrade
    migrate.upgrade = replaying_upgrade(real)
    yield
    migrate.upgrade = real


@pytest.fixture
def memory_vault() -> KeyringVault:
    """A usable keyring that lives in memory (one per test)."""
    return KeyringVault(InMemoryKeyring())


_exit_status: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """PySide6 (6.12.0 at least) could abort while the interpreter finalizes ('bool_dealloc'), after every test
    has run and been reported. Leave without finalizing so the exit code is pytest's own."""
    if stores.on_postgres() and _exit_status:
        _name_leftovers()  # the PostgreSQL pass must end: name what would keep the interpreter waiting, then leave
    if ("PySide6" in sys.modules or stores.on_postgres()) and _exit_status:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])


def _name_leftovers() -> None:
    import multiprocessing
    import threading

    threads = [t.name for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    children = [p.name for p in multiprocessing.active_children()]
    if threads or children:
        print(f"\n[tests] 警告：测试结束时仍有线程 {threads} / 子进程 {children} 未结束。", file=sys.stderr)
