"""A city's districts on one PostgreSQL server: one district's monthly report, and the city's report
(`services/statistics/city.py`: every district counted in its own database, side by side, then added up) for
cities of 1 … N districts.

Each district is a copy of one demo district database (`--template`, built by `fulian_bench.pg_scale`: 100,000
cases), made with `CREATE DATABASE … TEMPLATE` and given its own name and store identity — a district's counting
cost depends on its rows, not on whose names they hold. Counting them one after another is measured beside, as
the reference the side-by-side counting is compared with.

    python -m fulian_bench.city_scale --url postgresql+psycopg://user:pw@host:port/postgres \
        --template fulian_scale_100000 --districts 1 3 6 10 --json docs/bench/city_scale.json \
        --plot docs/bench/city_scale.svg
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any, Callable, Sequence

from sqlalchemy import create_engine, func, select, text

from fulian_demo import DEMO_PASSWORD
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.statistics.city import District, build_city_report, combine, district_report
from fulian_desktop.services.statistics.statistics_views import month_bounds
from fulian_desktop.store.engine import make_engine
from fulian_desktop.store.models import Case
from fulian_desktop.store.store import Store
from . import pg_scale
from .pg_scale import probe, svg_plot
from .timing import BenchRow, format_table, median_ms

# 长沙市's districts, counties and county-level cities, and its state-level new area: ten names for ten copies.
NAMES = ("芙蓉区", "天心区", "岳麓区", "开福区", "雨花区", "望城区", "长沙县", "浏阳市", "宁乡市", "湘江新区")


def district_databases(url: str, template: str, count: int, say: Callable[[str], object] = print) -> list[str]:
    """`count` copies of the template database, each with its own district name and store identity."""
    if count > len(NAMES):
        raise SystemExit(f"at most {len(NAMES)} districts")
    base = create_engine(url).url
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    names = []
    try:
        for i in range(count):
            name = f"fulian_city_{i + 1:02d}"
            with admin.connect() as conn:
                if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar():
                    started = time.perf_counter()
                    conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY'))
                    say(f"  {name}: copied in {time.perf_counter() - started:.1f} s")
            engine = create_engine(base.set(database=name))
            with engine.begin() as conn:
                conn.execute(text("UPDATE org_unit SET name = :n WHERE parent_id IS NULL"), {"n": NAMES[i]})
                conn.execute(text("UPDATE store_meta SET store_id = :s"),
                             {"s": str(uuid.uuid5(uuid.NAMESPACE_URL, f"fulian-city-district/{name}"))})
            engine.dispose()
            names.append(name)
    finally:
        admin.dispose()
    return names


def open_district(url: str, database: str) -> District:
    engine = make_engine(create_engine(url).url.set(database=database))
    with engine.connect() as conn:
        store_id = conn.execute(text("SELECT store_id FROM store_meta")).scalar_one()
    store = Store(engine, store_id=store_id, paths=None, demo=True)
    return District(store, auth.login(store, "dudao", DEMO_PASSWORD))


def _month(store: Store) -> tuple[date, date]:
    return month_bounds(probe(store).month)


def _one_by_one(districts: Sequence[District], first: date, last: date) -> object:
    return combine("长沙市", [district_report(d, first, last) for d in districts])


def measure(url: str, databases: list[str], sizes: list[int], repeat: int) -> tuple[list[BenchRow], dict[str, Any]]:
    districts = [open_district(url, d) for d in databases]
    try:
        first, last = _month(districts[0].store)
        with districts[0].store.uow() as uow:
            per_district = int(uow.s.execute(select(func.count()).select_from(Case)).scalar_one())
        rows = [BenchRow(f"月报·一个区（{NAMES[0]}，{per_district:,} 件，{first:%Y-%m}）",
                         median_ms(lambda: district_report(districts[0], first, last), repeat, warmup=1),
                         target_ms=1000)]
        series: dict[str, list[tuple[int, float]]] = {"全市月报·各区并行": [], "全市月报·逐区依次（对照）": []}
        for n in sizes:
            chosen = districts[:n]
            cases = n * per_district
            side_by_side = median_ms(lambda c=chosen: build_city_report("长沙市", c, first, last), repeat, warmup=1)
            one_by_one = median_ms(lambda c=chosen: _one_by_one(c, first, last), repeat, warmup=0)
            rows.append(BenchRow(f"全市月报（{n} 个区，{cases:,} 件，各区并行）", side_by_side, target_ms=5000,
                                 note=f"逐区依次 {one_by_one:,.0f} ms，比 {side_by_side / one_by_one:.2f}"))
            series["全市月报·各区并行"].append((cases, side_by_side))
            series["全市月报·逐区依次（对照）"].append((cases, one_by_one))
        # A desk of the last district, with every district's database on the server (and in its memory) now.
        last = districts[max(sizes) - 1]
        name = NAMES[max(sizes) - 1]
        for row in pg_scale.measure(last.store, repeat * 2 - 1):
            rows.append(BenchRow(f"{name}：{row.name}", row.ms, target_ms=row.target_ms, note=row.note))
        return rows, {"per_district_cases": per_district, "month": first.isoformat(), "series": series}
    finally:
        for d in districts:
            d.store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PostgreSQL：一个市的各区，全市月报")
    parser.add_argument("--url", required=True, help="postgresql+psycopg://user:password@host:port/postgres")
    parser.add_argument("--template", default="fulian_scale_100000", help="a district's demo database to copy")
    parser.add_argument("--districts", type=int, nargs="+", default=[1, 3, 6, 10])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--plot", type=Path)
    args = parser.parse_args(argv)
    databases = district_databases(args.url, args.template, max(args.districts),
                                   say=lambda m: print(m, file=sys.stderr))
    rows, meta = measure(args.url, databases, sorted(args.districts), args.repeat)
    print(format_table(rows, f"PostgreSQL：一个市，每区 {meta['per_district_cases']:,} 件"))
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "rows": [
            {"name": r.name, "ms": round(r.ms, 1), "target_ms": r.target_ms, "note": r.note} for r in rows]},
            ensure_ascii=False, indent=1) + "\n")
    if args.plot:
        args.plot.write_text(svg_plot(meta["series"], "全市月报：耗时（中位数）随全市案件数增长（对数坐标）"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
