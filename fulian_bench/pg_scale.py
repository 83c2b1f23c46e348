"""City scale on PostgreSQL: the case list, lookups, search and the monthly report at N cases.

The demo rows are made in a SQLCipher store (the demo's fast path), copied into a PostgreSQL database of
their own (`fulian_scale_<N>`, migrated to the head: its indexes are built as the rows go in), then measured
through the application's services, as the desktop calls them. Several sizes show how the cost grows;
`--plot` writes the medians on a log-log plot (SVG, no extra package) beside the JSON.

    python -m fulian_bench.pg_scale --url postgresql+psycopg://... --cases 100000 300000 \
        --json docs/bench/pg_scale.json --plot docs/bench/pg_scale.svg

A database already holding N demo cases is left in place and measured again without rebuilding it.
"""
from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import tempfile
import time
from datetime import date
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import Engine, create_engine, func, select, text

from fulian_demo import DEMO_PASSWORD, generate_demo
from fulian_desktop.security.keyring_vault import KeyringVault
from fulian_desktop.security.memory_keyring import InMemoryKeyring
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import case_queries
from fulian_desktop.services.cases.case_queries import CaseFilter
from fulian_desktop.services.statistics.statistics import monthly_report
from fulian_desktop.store.models import Case, CaseParty, OrgUnit, Person
from fulian_desktop.store.store import Store, create_store
from .timing import BenchRow, median_ms


def _database(url: str, name: str) -> tuple[Engine, Engine]:
    base = create_engine(url).url
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    from fulian_desktop.store.engine import make_engine

    with admin.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar():
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    return admin, make_engine(base.set(database=name))


def _cases_in(engine: Engine) -> int:
    with engine.connect() as conn:
        if not conn.execute(text("SELECT to_regclass('case_file')")).scalar():
            return 0
        return int(conn.execute(select(func.count()).select_from(Case)).scalar_one())


def load(url: str, cases: int, seed: int, say=print) -> tuple[Store, dict]:  # noqa: ANN001
    """A PostgreSQL store of `cases` demo cases (built unless already there) and how long it took."""
    from fulian_desktop.store import migrate

    name = f"fulian_scale_{cases}"
    admin, engine = _database(url, name)
    admin.dispose()
    meta: dict = {"cases": cases, "seed": seed, "database": name}
    have = _cases_in(engine)
    if have != cases:
        if have:
            raise SystemExit(f"{name} holds {have} cases, not {cases}: drop it first.")
        work = Path(tempfile.mkdtemp(prefix="fulian-scale-"))
        try:
            vault = KeyringVault(InMemoryKeyring())
            created = create_store(work / "store", vault=vault, demo=True)
            started = time.perf_counter()
            generate_demo(created.store, cases=cases, seed=seed)
            meta["demo_build_seconds"] = round(time.perf_counter() - started, 1)
            say(f"  demo {cases:,}: {meta['demo_build_seconds']} s")
            started = time.perf_counter()
            migrate.upgrade(engine)
            copy_rows(created.store.engine, engine)
            meta["pg_copy_seconds"] = round(time.perf_counter() - started, 1)
            say(f"  copy to PostgreSQL: {meta['pg_copy_seconds']} s")
            created.store.close()
        finally:
            shutil.rmtree(work, ignore_errors=True)
    else:
        migrate.upgrade(engine)          # a newer schema (indexes) on a kept database
    with engine.connect() as conn:
        store_id = conn.execute(text("SELECT store_id FROM store_meta")).scalar_one()
        meta["database_mb"] = round(conn.execute(text("SELECT pg_database_size(current_database())"))
                                    .scalar_one() / 2**20)
        meta["persons"] = conn.execute(select(func.count()).select_from(Person)).scalar_one()
    return Store(engine, store_id=store_id, paths=None, demo=True), meta


def copy_rows(source: Engine, target: Engine) -> None:
    """pg_copy.copy_rows through PostgreSQL's COPY (several times faster than INSERTs at this size): each
    value as the dialect would bind it, in one transaction; then the sequences and ANALYZE, as there."""
    from fulian_desktop.store import pg_copy
    from fulian_desktop.store.base import Base

    with source.connect() as src, target.begin() as dst:
        dst.execute(text("SET LOCAL session_replication_role = replica"))
        raw = dst.connection.driver_connection
        quote = dst.dialect.identifier_preparer.quote
        for table in Base.metadata.sorted_tables:
            procs = [c.type._cached_bind_processor(dst.dialect) for c in table.columns]
            columns = ", ".join(quote(c.name) for c in table.columns)
            with raw.cursor() as cur, cur.copy(f"COPY {quote(table.name)} ({columns}) FROM STDIN") as copy:
                for part in src.execution_options(yield_per=5000).execute(select(table)).partitions():
                    for row in part:
                        copy.write_row([v if p is None else p(v) for p, v in zip(procs, row)])
        pg_copy.advance_sequences(dst)
    pg_copy.analyze(target)


@dataclass(frozen=True)
class Probe:
    """What the rows look for, picked once (from either store: both hold the same rows)."""
    case_no: str
    id_number: str
    phone: str
    two: str              # a two-character name
    three: str            # a three-character name
    month: date           # the last month with cases
    town: tuple[str, str]       # (id, name) of a street or town
    district: tuple[str, str]


def probe(store: Store) -> Probe:
    with store.uow() as uow:
        s = uow.s
        case_no = s.execute(select(Case.case_no).order_by(Case.case_seq.desc(), Case.case_no).limit(1)).scalar_one()
        id_number, phone = s.execute(select(Person.id_number, Person.phone)
                                     .join(CaseParty, CaseParty.person_id == Person.id)
                                     .where(Person.id_number.is_not(None), Person.phone.is_not(None))
                                     .order_by(CaseParty.id).limit(1).offset(777)).first() or \
            s.execute(select(Person.id_number, Person.phone).where(Person.id_number.is_not(None),
                                                                   Person.phone.is_not(None))
                      .order_by(Person.id).limit(1)).one()

        def a_name(length: int) -> str:
            names = (select(Person.name).join(CaseParty, CaseParty.person_id == Person.id)
                     .where(func.length(Person.name) == length).order_by(CaseParty.id).limit(1))
            return s.execute(names.offset(333)).scalar() or s.execute(names).scalar_one()
        latest = s.execute(select(func.max(Case.opened_at))).scalar_one()
        town = s.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.tier == "town", OrgUnit.deleted_at.is_(None))
                         .order_by(OrgUnit.name).limit(1)).one()
        district = s.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.tier == "district")
                             .order_by(OrgUnit.name)).first()
        assert district is not None
        return Probe(case_no, id_number, phone, a_name(2), a_name(3), date(latest.year, latest.month, 1),
                     (town[0], town[1]), (district[0], district[1]))


def queries(p: Probe) -> list[tuple[str, Callable, tuple, float]]:
    """(row name, service, its arguments after (uow, actor), target in ms)."""
    end = date(p.month.year + p.month.month // 12, p.month.month % 12 + 1, 1)
    last_day = date.fromordinal(end.toordinal() - 1)

    def report(uow, actor, unit_id):  # noqa: ANN001, ANN202
        return monthly_report(uow, actor, p.month, last_day, unit_id=unit_id)
    return [
        ("案件列表首页（50 行）", case_queries.first_page, (CaseFilter(), 50), 50),
        ("全部案件 id（列表模型）", case_queries.list_case_ids, (CaseFilter(),), 500),
        ("按案号查找", case_queries.find_by_case_number, (p.case_no,), 50),
        ("按身份证号查找", case_queries.find_by_id_number, (p.id_number,), 50),
        ("按电话查找", case_queries.find_by_phone, (p.phone,), 50),
        (f"搜索两字姓名（{p.two}）", case_queries.quick_search, (p.two,), 50),
        (f"搜索三字姓名（{p.three}）", case_queries.quick_search, (p.three,), 50),
        ("搜索关键词·短（家暴）", case_queries.quick_search, ("家暴",), 50),
        ("搜索关键词·长（宅基地纠纷 赔偿）", case_queries.quick_search, ("宅基地纠纷 赔偿",), 50),
        (f"月报·一个街镇（{p.town[1]}，{p.month:%Y-%m}）", report, (p.town[0],), 1000),
        (f"月报·全区（{p.district[1]}，{p.month:%Y-%m}）", report, (p.district[0],), 5000),
    ]


def timed(store: Store, actor, fn: Callable, args: tuple, repeat: int) -> tuple[float, int]:  # noqa: ANN001
    """The median of `repeat` calls (a report: a third as many) after a first one, and the rows found."""
    def call() -> object:
        with store.uow() as uow:
            return fn(uow, actor, *args)
    found = call()
    count = len(found) if isinstance(found, list) else int(found is not None)
    return median_ms(call, max(1, repeat // 3) if fn.__name__ == "report" else repeat, warmup=0), count


def measure(store: Store, repeat: int, p: Probe | None = None) -> list[BenchRow]:
    """List, lookups, search and the monthly report (one street or town, then the whole district), as the
    district supervisor (the widest scope)."""
    p = p or probe(store)
    actor = auth.login(store, "dudao", DEMO_PASSWORD)
    rows = []
    for name, fn, args, target in queries(p):
        ms, count = timed(store, actor, fn, args, repeat)
        rows.append(BenchRow(name, ms, target_ms=target, note="" if name.startswith("月报") else f"{count} 行",
                             extra={"rows": count}))
    return rows


# --- the log-log plot, written by hand: no plotting package needed -------------------------------------------

def svg_plot(series: dict[str, list[tuple[int, float]]], title: str) -> str:
    width, height, left, right, top, bottom = 900, 560, 70, 250, 40, 50
    xs = [x for pts in series.values() for x, _ in pts]
    ys = [y for pts in series.values() for _, y in pts if y > 0]
    # Up to the decade that holds the largest value (1,000,000 ends the axis, not 10,000,000).
    x0, x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)) - 1e-9)
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)) - 1e-9)
    x1, y1 = max(x1, x0 + 1), max(y1, y0 + 1)

    def px(x: float) -> float:
        return left + (math.log10(x) - x0) / (x1 - x0) * (width - left - right)

    def py(y: float) -> float:
        return height - bottom - (math.log10(y) - y0) / (y1 - y0) * (height - top - bottom)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="12"><rect width="100%" height="100%" fill="white"/>',
           f'<text x="{left}" y="24" font-size="15">{title}</text>']
    for e in range(x0, x1 + 1):
        for m in (1, 2, 5):
            v = m * 10 ** e
            if v > 10 ** x1:
                break
            x = px(v)
            out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - bottom}" stroke="#ddd"/>')
            label = f"{v // 10_000:,}万" if v >= 10_000 else f"{v:,}"      # 100万 fits where 1,000,000 overlaps
            out.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">{label}</text>')
    for e in range(y0, y1 + 1):
        y = py(10 ** e)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ccc"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10 ** e:g} ms</text>')
    out.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">案件数</text>')
    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
               "#bcbd22", "#17becf", "#000000", "#aa6600"]
    for n, (name, pts) in enumerate(series.items()):
        c = colours[n % len(colours)]
        pts = sorted((x, y) for x, y in pts if y > 0)
        out.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" points="'
                   + " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts) + '"/>')
        out += [f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{c}"/>' for x, y in pts]
        ly = top + 10 + n * 18
        out.append(f'<line x1="{width - right + 10}" y1="{ly}" x2="{width - right + 30}" y2="{ly}" stroke="{c}" '
                   f'stroke-width="2"/><text x="{width - right + 34}" y="{ly + 4}">{name}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _series_name(name: str) -> str:
    return name.split("（")[0] if name.startswith(("搜索两字", "搜索三字", "月报")) else name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PostgreSQL 城市规模基准测试")
    parser.add_argument("--url", required=True, help="postgresql+psycopg://user:password@host:port/db")
    parser.add_argument("--cases", type=int, nargs="+", default=[100_000])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--json", type=Path, help="add the results to this JSON file (one entry per size)")
    parser.add_argument("--plot", type=Path, help="write the log-log plot (SVG) of every size in --json")
    args = parser.parse_args(argv)
    results = json.loads(args.json.read_text()) if args.json and args.json.exists() else {}
    from .timing import format_table
    for n in args.cases:
        store, meta = load(args.url, n, args.seed, say=lambda m: print(m, file=sys.stderr))
        try:
            rows = measure(store, args.repeat)
        finally:
            store.close()
        print(format_table(rows, f"PostgreSQL：{n:,} 件案件，{meta['persons']:,} 名人员，数据库 {meta['database_mb']} MB"))
        results[str(n)] = {"meta": meta, "rows": [{"name": r.name, "ms": round(r.ms, 2), "target_ms": r.target_ms,
                                                   "note": r.note} for r in rows]}
        if args.json:
            args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    if args.plot and results:
        series: dict[str, list[tuple[int, float]]] = {}
        for n, entry in results.items():
            for r in entry["rows"]:
                series.setdefault(_series_name(r["name"]), []).append((int(n), r["ms"]))
        args.plot.write_text(svg_plot(series, "PostgreSQL：耗时（中位数）随案件数增长（对数坐标）"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
