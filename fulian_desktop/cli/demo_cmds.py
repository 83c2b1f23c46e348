"""`fulian demo` and `fulian bench`."""
from __future__ import annotations

import argparse
import json
import sys

from .common import open_for_cli


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="生成逼真的演示数据（姓名、身份证号、电话、湖南地址、案情）")
    p.add_argument("--cases", type=int, default=1000, help="案件数（默认 1000）")
    p.add_argument("--seed", type=int, default=2026, help="随机种子（相同种子得到相同数据）")
    p.add_argument("--district", help="空的数据存储里演示区的名称（默认望城区；一个市的演示每区一个数据存储，"
                                      "如 芙蓉区、岳麓区，种子也各不相同）")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("bench", help="基准测试：在临时文件夹建 N 件演示案件，报告各项操作的中位耗时")
    p.add_argument("--cases", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--repeat", type=int, default=15, help="每项重复次数（取中位数）")
    p.add_argument("--json", action="store_true")
    p.add_argument("--no-gui", action="store_true", help="跳过桌面程序的测量项")
    p.add_argument("--postgres", action="store_true",
                   help="只测 PostgreSQL 各项（列表、查找、搜索、月报；服务器地址取自 FULIAN_BENCH_PG_URL），"
                        "有一项失败即返回 1")
    p.set_defaults(func=cmd_bench)


def _progress_printer(label: str):  # noqa: ANN202
    def progress(done: int, total: int) -> bool:
        if sys.stderr.isatty():
            print(f"\r{label} {done:,}/{total:,}", end="", file=sys.stderr, flush=True)
        return True
    return progress


def cmd_demo(args: argparse.Namespace) -> int:
    from fulian_demo import generate_demo

    if args.cases < 1 or args.cases > 2_000_000:
        print("错误：案件数须在 1 到 2,000,000 之间。", file=sys.stderr)
        return 2
    with open_for_cli(args) as store:
        summary = generate_demo(store, cases=args.cases, seed=args.seed, progress=_progress_printer("生成演示数据"),
                                district=args.district)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"已生成演示数据：{summary.cases:,} 件案件、{summary.persons:,} 名人员、{summary.users} 个账号、"
          f"{summary.units} 个单位，用时 {summary.seconds:.1f} 秒。演示账号密码：Demo2026!")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from fulian_bench import store_bench
    from fulian_bench.timing import format_table

    def desktop_rows(stores):  # noqa: ANN001, ANN202
        from fulian_bench import gui_bench

        return gui_bench.run(stores.root, stores.key_hex)

    def document_rows(stores):  # noqa: ANN001, ANN202
        from fulian_bench import documents_bench
        from ..services.accounts import auth

        return documents_bench.run(stores.store, auth.system_actor(stores.store))

    def statistics_rows(stores):  # noqa: ANN001, ANN202
        from fulian_bench import statistics_bench
        from fulian_bench.store_bench import raw_connection
        from fulian_demo.cases import DEMO_NOW

        from ..domain.localtime import local_date
        from ..services.accounts import auth
        from ..services.statistics.statistics_views import previous_month

        date_from, date_to = previous_month(local_date(DEMO_NOW))   # the demo's last full month
        raw = raw_connection(stores.root / "fulian.db", stores.key_hex)
        try:
            return statistics_bench.run(stores.store, raw, auth.system_actor(stores.store), date_from, date_to,
                                        args.repeat)
        finally:
            raw.close()

    def extra_rows(stores):  # noqa: ANN001, ANN202
        from fulian_bench import backup_bench, sync_bench

        if args.postgres:
            return backup_bench.postgres_rows(stores, args.repeat)
        rows = [] if args.no_gui else desktop_rows(stores)
        rows += statistics_rows(stores)                    # monthly, year to date, dashboard; sections vs SQL
        rows += document_rows(stores)                      # case file, batch of 200
        rows += sync_bench.run()                           # export and import of 10,000 changed cases
        rows += backup_bench.run(stores, args.repeat)      # backup, PostgreSQL list/search beside SQLCipher
        return rows

    rows, meta = store_bench.run(args.cases, args.seed, args.repeat, progress=_progress_printer("建立测试数据"),
                                 extra=extra_rows, sqlite_rows=not args.postgres)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print(json.dumps({"meta": meta, "rows": [r.as_dict() for r in rows]}, ensure_ascii=False, indent=1))
    else:
        header = (f"基准测试：{meta['cases']:,} 件案件（种子 {meta['seed']}，每项 {meta['repeat']} 次取中位数）；"
                  f"演示数据生成 {meta['demo_build_seconds']} 秒，存储 {meta['store_mb']} MB")
        print(format_table(rows, header))
    if args.postgres and not any(r.name.startswith("PostgreSQL：") and r.ms > 0 for r in rows) or \
            any("失败" in r.note or "行数不同" in r.note for r in rows):
        return 1
    return 0
