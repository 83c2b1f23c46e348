"""What reading in one snapshot costs on PostgreSQL: a read unit of work in REPEATABLE READ (as shipped, one snapshot
for all its statements) against READ COMMITTED (a snapshot per statement, as before), paired in one process.

    python -m fulian_bench.snapshot_ab --url postgresql+psycopg://user:password@host:port/fulian_scale_100000

The database is one `fulian_bench.pg_scale` built (its demo rows, the district supervisor's account). The rows: the
monthly report of one street and of the whole district, the case list's ids, a search, a lookup by case number and
the list's first page; each A (REPEATABLE READ) and B (READ COMMITTED) alternated, the median of the per-pair
ratios A/B is the figure (a shared machine drifts; the pairs see the same neighbours).
"""
from __future__ import annotations

import argparse
from datetime import date
from typing import Any, Callable

from sqlalchemy import text

from fulian_demo import DEMO_PASSWORD
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import case_queries
from fulian_desktop.services.cases.case_queries import CaseFilter
from fulian_desktop.services.statistics.statistics import monthly_report
from fulian_desktop.store.engine import make_engine
from fulian_desktop.store.store import Store

from .pg_scale import probe
from .timing import paired


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="a database built by fulian_bench.pg_scale")
    parser.add_argument("--repeat", type=int, default=9, help="pairs per report row (the small rows: 30 times as many)")
    args = parser.parse_args()
    engine = make_engine(args.url)
    with engine.connect() as conn:
        store_id = conn.execute(text("SELECT store_id FROM store_meta")).scalar_one()
    shipped = Store(engine, store_id=store_id, paths=None, demo=True)
    before = Store(engine, store_id=store_id, paths=None, demo=True)
    before.read_engine = engine      # READ COMMITTED, the server's default
    p = probe(shipped)
    actor = auth.login(shipped, "dudao", DEMO_PASSWORD)
    end = date(p.month.year + p.month.month // 12, p.month.month % 12 + 1, 1)
    last = date.fromordinal(end.toordinal() - 1)

    def report(uow: Any, who: Any, unit: str) -> Any:
        return monthly_report(uow, who, p.month, last, unit_id=unit)

    def on(store: Store, fn: Callable, *fn_args: Any) -> Callable[[], object]:
        def call() -> object:
            with store.uow() as uow:
                return fn(uow, actor, *fn_args)
        return call

    rows: list[tuple[str, Callable, tuple, int]] = [
        (f"月报·一个街镇（{p.town[1]}）", report, (p.town[0],), args.repeat),
        (f"月报·全区（{p.district[1]}）", report, (p.district[0],), args.repeat),
        ("全部案件 id", case_queries.list_case_ids, (CaseFilter(),), args.repeat),
        ("搜索 家暴", case_queries.quick_search, ("家暴",), 30 * args.repeat),
        ("按案号查找", case_queries.find_by_case_number, (p.case_no,), 30 * args.repeat),
        ("案件列表首页", case_queries.first_page, (CaseFilter(), 50), 30 * args.repeat),
    ]
    print(f"{'row':24} {'REPEATABLE READ':>16} {'READ COMMITTED':>15} {'ratio':>7} {'CPU ratio':>10}")
    for name, fn, fn_args, repeat in rows:
        r = paired(on(shipped, fn, *fn_args), on(before, fn, *fn_args), repeat)
        print(f"{name:24} {r.a_ms:13.2f} ms {r.b_ms:12.2f} ms {r.ratio:7.3f} {r.cpu_ratio:10.3f}", flush=True)


if __name__ == "__main__":
    main()
