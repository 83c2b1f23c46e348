"""Copying a store into PostgreSQL (the bench's path to the server): the numbered rows keep their numbers and
the sequences behind them move past them (the first login on the copy used to fail on `pk_sync_change
(seq)=(1)`), the planner's statistics are gathered, a failed copy changes neither side, and a server failure
in `fulian bench` is a row of the table, not the loss of the SQLCipher rows. Also: the server profile asks for
TLS unless the URL says otherwise, and a missing password names FULIAN_PG_PASSWORD."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import IntegrityError

from fulian_bench import backup_bench, store_bench
from fulian_demo import DEMO_PASSWORD, generate_demo
from fulian_desktop import cli
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import search
from fulian_desktop.store import pg_copy
from fulian_desktop.store.base import Base
from fulian_desktop.store.engine import make_engine
from fulian_desktop.store.models import OrgUnit, Person, SyncChange
from fulian_desktop.store.server import create_server_store
from fulian_desktop.store.server_profile import ENV_PASSWORD, ServerProfile
from fulian_desktop.store.store import Store
from tests.support import pg
from tests.support.stores import FAST_KDF, PASSPHRASE, NoKeyringVault, new_store

needs_pg = [pytest.mark.postgres, pytest.mark.skipif(not pg.server_url(), reason="FULIAN_TEST_PG_URL not set")]
UNREACHABLE = "postgresql+psycopg://nobody@127.0.0.1:1/nothing?connect_timeout=2"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A small demo store on which someone has logged in: its change log holds numbered rows."""
    store = new_store(Path(tmp_path_factory.mktemp("pg_copy_src")) / "s").store
    generate_demo(store, cases=120, seed=3)
    auth.login(store, "dudao", DEMO_PASSWORD)
    auth.login(store, "dudao", DEMO_PASSWORD)
    yield store
    store.close()


def _digests(engine) -> dict[str, str]:  # noqa: ANN001
    """Each table's rows as text, digested (the same rows give the same digest)."""
    with engine.connect() as conn:
        return {t.name: conn.execute(text(f'SELECT md5(string_agg(x::text, \',\' ORDER BY x::text)) FROM "{t.name}" x'))
                .scalar() for t in Base.metadata.sorted_tables}


def _counts(engine) -> dict[str, int]:  # noqa: ANN001
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def target() -> Iterator:  # noqa: ANN201
    cluster = pg.cluster()
    name = cluster.new_database()      # migrated, empty
    engine = make_engine(cluster.url.set(database=name))
    yield engine
    engine.dispose()
    cluster.drop([name])


class TestOnTheServer:
    pytestmark = needs_pg

    def test_the_copy_keeps_every_row_moves_the_sequences_and_a_login_then_works(self, source: Store,
                                                                                  target) -> None:  # noqa: ANN001
        with source.engine.connect() as conn:
            copied_top = conn.execute(select(func.max(SyncChange.seq))).scalar_one()
        assert copied_top and copied_top >= 2
        counts = pg_copy.copy_rows(source.engine, target)
        assert counts == _counts(source.engine) == _counts(target)
        pg_store = Store(target, store_id=source.store_id, paths=None, demo=True)
        auth.login(pg_store, "dudao", DEMO_PASSWORD)   # used to fail: UniqueViolation pk_sync_change (seq)=(1)
        with target.connect() as conn:
            seqs = [s for (s,) in conn.execute(select(SyncChange.seq).where(SyncChange.seq > copied_top))]
            analyzed = conn.execute(text("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'case_file' "
                                         "AND last_analyze IS NOT NULL")).scalar_one()
        assert seqs and min(seqs) == copied_top + 1
        assert analyzed == 1

    def test_a_failed_copy_leaves_the_server_empty_and_the_source_unchanged(self, source: Store,
                                                                            target) -> None:  # noqa: ANN001
        before = _counts(source.engine)
        with source.engine.connect() as conn:
            unit = dict(conn.execute(select(OrgUnit.__table__).limit(1)).one()._mapping)
        with target.begin() as conn:   # a row already there with the same key: the copy must stop
            conn.execute(insert(OrgUnit.__table__), [unit])
        with pytest.raises(IntegrityError):
            pg_copy.copy_rows(source.engine, target)
        after = _counts(target)
        assert after.pop("org_unit") == 1 and not any(after.values())   # nothing half-copied
        assert _counts(source.engine) == before

    def test_the_bench_runs_its_postgresql_rows_beside_the_sqlcipher_ones(self, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("FULIAN_BENCH_PG_URL", pg.server_url() or "")
        rows = _bench_rows(tmp_path)
        names = [r.name for r in rows]
        assert any(n.startswith("在线备份") for n in names)
        assert "PostgreSQL：案件列表首页（50 行）" in names and "PostgreSQL：载入测试数据" in names
        for row in ("按案号查找", "按身份证号查找", "按电话查找", "搜索两字姓名", "月报·一个街镇", "月报·全区"):
            assert any(n.startswith(f"PostgreSQL：{row}") for n in names), (row, names)
        # every query found on the server what it found in the file
        assert not any("失败" in r.note or "行数不同" in r.note for r in rows), [r.note for r in rows]

    def test_the_bench_copy_through_copy_gives_the_rows_the_inserts_give(self, source: Store,
                                                                         target) -> None:  # noqa: ANN001
        from fulian_bench.pg_scale import copy_rows

        cluster = pg.cluster()
        other = make_engine(cluster.url.set(database=cluster.new_database()))
        try:
            pg_copy.copy_rows(source.engine, target)
            copy_rows(source.engine, other)
            assert _digests(other) == _digests(target)
            assert _counts(other) == _counts(source.engine)
        finally:
            other.dispose()
            cluster.drop([other.url.database])

    def test_the_search_box_finds_on_the_server_the_cases_it_finds_in_the_file(
            self, source: Store, target) -> None:  # noqa: ANN001
        pg_copy.copy_rows(source.engine, target)
        server = Store(target, store_id=source.store_id, paths=None, demo=True)
        with source.engine.connect() as conn:
            names = conn.execute(select(Person.name).order_by(Person.name)).scalars().all()
        two = next(n for n in names if len(n) == 2)
        three = next(n for n in names if len(n) == 3)
        words = [two, three, two[0], "家暴", "赡养", "宅基地纠纷 赔偿", "离婚纠纷", f"{two[-1]} 纠纷", "无此词语"]

        def found(store: Store, word: str, limit: int = search.MAX_RESULTS) -> list[str]:
            actor = auth.system_actor(store)
            with store.uow() as uow:
                return [r.id for r in search.free_text(uow, actor, word, limit)]
        for word in words:
            assert sorted(found(server, word)) == sorted(found(source, word)), word
            # a short page of a common word: the newest matches, on the server as in the file
            assert found(server, word, 3) == found(source, word, 3), word
        assert found(server, two) and found(server, "家暴")

    def test_a_missing_password_names_the_variable(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
        cluster = pg.cluster()
        name = cluster.new_database()
        cluster.drop([name])
        cluster._exec(f'CREATE DATABASE "{name}"')
        cluster.created.append(name)
        try:
            profile = replace_sslmode(cluster.profile(name), "disable")
            create_server_store(tmp_path / "desk", profile, vault=NoKeyringVault(), passphrase=PASSPHRASE,
                                kdf=FAST_KDF).store.close()
            monkeypatch.delenv(ENV_PASSWORD, raising=False)
            monkeypatch.delenv("PGPASSWORD", raising=False)
            monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
            monkeypatch.setenv("FULIAN_PASSPHRASE", PASSPHRASE)
            assert cli.main(["--data-dir", str(tmp_path / "desk"), "info"]) == 1
            err = capsys.readouterr().err
            assert ENV_PASSWORD in err and "没有提供" in err, err
        finally:
            cluster.drop([name])


def replace_sslmode(profile: ServerProfile, mode: str) -> ServerProfile:
    return ServerProfile(**{**profile.__dict__, "sslmode": mode})


def _bench_rows(tmp_path: Path) -> list:
    stores = store_bench.build(150, 7, tmp_path / "bench")
    auth.login(stores.store, "dudao", DEMO_PASSWORD)   # as the bench's own rows do: the change log is numbered
    try:
        return backup_bench.run(stores, repeat=1)
    finally:
        stores.store.close()
        stores.plain.close()
        shutil.rmtree(tmp_path / "bench", ignore_errors=True)


def test_a_server_failure_in_the_bench_is_a_row_and_the_sqlcipher_rows_stay(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FULIAN_BENCH_PG_URL", UNREACHABLE)
    rows = _bench_rows(tmp_path)
    assert [r.name for r in rows][:2] == ["在线备份（150 件，不含写出后的校验）", "校验备份"]
    (failed,) = [r for r in rows if r.name.startswith("PostgreSQL")]
    assert failed.note.startswith("失败：") and "OperationalError" in failed.note


def test_the_server_profile_asks_for_tls_unless_the_url_says_otherwise() -> None:
    profile, _ = ServerProfile.from_url("postgresql://fulian@db.wangcheng.gov/fulian")
    assert profile.sslmode == "require" and profile.url(None).query["sslmode"] == "require"
    assert ServerProfile(host="h", database="d", user="u").sslmode == "require"
    local, _ = ServerProfile.from_url("postgresql://postgres@127.0.0.1:5432/t?sslmode=disable")
    assert local.sslmode == "disable"
    checked, _ = ServerProfile.from_url("postgresql://fulian@db/fulian?sslmode=verify-full")
    assert checked.sslmode == "verify-full"
