"""Bench rows for issue 7: an online backup of the bench store (and its verify), and the case list
and search on PostgreSQL beside SQLCipher (skipped without a server: FULIAN_BENCH_PG_URL or
FULIAN_TEST_PG_URL).

Run alone: `python -m fulian_bench.backup_bench --cases 20000`.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import Callable

from sqlalchemy import create_engine, text

from fulian_demo import DEMO_PASSWORD
from fulian_desktop.services.accounts import auth
from fulian_desktop.store.store import Store
from .timing import BenchRow, paired


def backup_rows(stores, repeat: int = 3) -> list[BenchRow]:  # noqa: ANN001 - store_bench.BenchStores
    """The online backup beside SQLite's own backup API on the same file (target: 3×), and `backup verify`
    beside PRAGMA integrity_check of the copy (target: 3×); each pair alternated in this process."""
    import sqlcipher3

    from fulian_desktop.backup import service

    store = stores.store
    actor = auth.system_actor(store)
    key = bytes.fromhex(stores.key_hex)
    pragma = f"PRAGMA key = \"x'{stores.key_hex}'\""
    made = [0]
    results: list = []
    reports: list = []

    with tempfile.TemporaryDirectory(prefix="fulian-bench-backup-") as tmp:
        def target(suffix: str) -> Path:
            made[0] += 1
            return Path(tmp) / f"bench-{made[0]}.{suffix}"

        def app_backup() -> None:
            path = target("fbk")
            results.append(service.take_backup(store, actor, path, key=key, verify=False))
            path.unlink()

        def library_backup() -> None:   # sqlcipher3's Connection.backup, the file keyed as the store is
            path = target("db")
            src, dst = sqlcipher3.connect(str(stores.root / "fulian.db")), sqlcipher3.connect(str(path))
            try:
                src.execute(pragma)
                dst.execute(pragma)
                src.backup(dst, pages=-1)
            finally:
                dst.close()
                src.close()
            path.unlink()

        took = paired(app_backup, library_backup, repeat, warmup=0)
        kept = Path(tmp) / "verify.fbk"
        result = service.take_backup(store, actor, kept, key=key, verify=False)
        copy = Path(tmp) / "verify.db"
        src, dst = sqlcipher3.connect(str(stores.root / "fulian.db")), sqlcipher3.connect(str(copy))
        src.execute(pragma)
        dst.execute(pragma)
        src.backup(dst, pages=-1)
        src.close()
        dst.close()

        def app_verify() -> None:
            reports.append(service.verify_backup(kept, key=key))

        def integrity() -> None:
            con = sqlcipher3.connect(str(copy))
            try:
                con.execute(pragma)
                assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            finally:
                con.close()

        checked = paired(app_verify, integrity, repeat, warmup=0)
    cases = result.counts.get("case_file", 0)
    ok = all(r.ok for r in reports)
    return [BenchRow(f"在线备份（{cases:,} 件，不含写出后的校验）", took.a_ms, raw_ms=took.b_ms, pair_ratio=took.ratio, target_ratio=3.0,
                     note=f"{result.size / 1e6:,.0f} MB；对照 SQLite 备份接口；CPU {took.a_cpu_ms / 1000:.1f} s "
                          f"vs {took.b_cpu_ms / 1000:.1f} s（比值 {took.cpu_ratio:.2f}）"),
            BenchRow("校验备份", checked.a_ms, raw_ms=checked.b_ms, pair_ratio=checked.ratio, target_ratio=3.0,
                     note=f"校验值+完整性+记录数+审计链，对照 PRAGMA integrity_check；CPU {checked.a_cpu_ms / 1000:.1f} s "
                          f"vs {checked.b_cpu_ms / 1000:.1f} s（比值 {checked.cpu_ratio:.2f}）"
                          + ("" if ok else "，未通过！"))]


def _pg_url() -> str | None:
    return os.environ.get("FULIAN_BENCH_PG_URL") or os.environ.get("FULIAN_TEST_PG_URL") or None


def _copy_to_postgres(source: Store, url: str) -> tuple[Store, Callable[[], None], float]:
    """A private database holding the bench store's rows (dropped by the returned cleanup; dropped here too
    when the copy fails)."""
    from fulian_desktop.store import migrate
    from .pg_scale import copy_rows
    from fulian_desktop.store.engine import make_engine

    base_url = create_engine(url).url
    name = f"fulian_bench_{os.getpid()}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(base_url.set(database=name))

    def cleanup() -> None:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    started = time.perf_counter()
    try:
        migrate.upgrade(engine)
        copy_rows(source.engine, engine)   # through COPY; sequences advanced, then ANALYZE
    except BaseException:
        cleanup()
        raise
    store = Store(engine, store_id=source.store_id, paths=None, demo=True)
    return store, cleanup, time.perf_counter() - started


def postgres_rows(stores, repeat: int) -> list[BenchRow]:  # noqa: ANN001
    """The PostgreSQL rows; a failure on the server becomes a row saying so, never the loss of the rows
    already measured on SQLCipher (the caller's)."""
    url = _pg_url()
    if not url:
        return [BenchRow("PostgreSQL 列表/搜索", 0.0, note="跳过：没有 PostgreSQL 服务器（FULIAN_BENCH_PG_URL）")]
    try:
        return _postgres_rows(stores, repeat, url)
    except Exception as exc:  # noqa: BLE001 - any server failure is reported as a row
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        return [BenchRow("PostgreSQL 列表/搜索", 0.0, note=f"失败：{type(exc).__name__}：{first}")]


def _postgres_rows(stores, repeat: int, url: str) -> list[BenchRow]:  # noqa: ANN001
    """The case list, the lookups, the search box and the monthly report on PostgreSQL, each beside the same
    call on the SQLCipher store (pg_scale.queries: the same rows as the city-scale bench)."""
    from . import pg_scale

    pg, cleanup, copy_s = _copy_to_postgres(stores.store, url)
    try:
        lite_actor = auth.login(stores.store, "dudao", DEMO_PASSWORD)
        pg_actor = auth.login(pg, "dudao", DEMO_PASSWORD)
        rows = []
        for name, fn, args, target in pg_scale.queries(pg_scale.probe(stores.store)):
            ms, found = pg_scale.timed(pg, pg_actor, fn, args, repeat)
            lite, lite_found = pg_scale.timed(stores.store, lite_actor, fn, args, repeat)
            same = "" if found == lite_found else f"，行数不同：{found} / {lite_found}！"
            rows.append(BenchRow(f"PostgreSQL：{name}", ms, target_ms=target,
                                 note=f"SQLCipher {lite:,.1f} ms{same}", extra={"sqlcipher_ms": lite}))
        rows.append(BenchRow("PostgreSQL：载入测试数据", copy_s * 1000, note="逐表 COPY、推进序列并 ANALYZE（仅基准测试用）"))
        return rows
    finally:
        pg.close()
        cleanup()


def run(stores, repeat: int = 5) -> list[BenchRow]:  # noqa: ANN001
    return backup_rows(stores, min(repeat, 3)) + postgres_rows(stores, repeat)


def main(argv: list[str] | None = None) -> int:
    from . import store_bench
    from .timing import format_table

    parser = argparse.ArgumentParser(description="备份与 PostgreSQL 基准测试")
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fulian-bench-") as tmp:
        stores = store_bench.build(args.cases, args.seed, Path(tmp))
        try:
            rows = run(stores, args.repeat)
        finally:
            stores.store.close()
            stores.plain.close()
    print(format_table(rows, f"备份与 PostgreSQL：{args.cases:,} 件案件（演示数据生成 {stores.build_seconds:.0f} 秒）"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
