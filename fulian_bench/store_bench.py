"""`fulian bench`: a store of N demo cases in a temp folder, and the medians users feel.

Each query runs through the application's own service (ORM, scope check included) and,
beside it, as hand-written SQL on a raw connection to the same file; and the service again
on an unencrypted copy of the same data, for the cost of encryption.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import sqlcipher3
from sqlalchemy import func, select

from fulian_demo import DEMO_PASSWORD, generate_demo
from fulian_desktop.security.keyring_vault import KeyringVault
from fulian_desktop.security.memory_keyring import InMemoryKeyring
from fulian_desktop.services.accounts import auth
from fulian_desktop.services.cases import case_queries
from fulian_desktop.services.cases.case_queries import CaseFilter
from fulian_desktop.store.models import Case, CaseParty, Person
from fulian_desktop.store.store import Store, _probe, create_store, open_store
from fulian_desktop.store.engine import make_engine
from .timing import BenchRow, median_ms

_ROW_SQL = """SELECT c.id, c.case_no, c.title, c.kind, c.status, c.tier, c.category, c.owner_unit_id, o.name,
 u.display_name, c.opened_at, c.major_incident, c.domestic_violence, c.involves_minor
 FROM case_file c JOIN org_unit o ON o.id = c.owner_unit_id LEFT JOIN user_account u ON u.id = c.handler_id
 WHERE c.deleted_at IS NULL AND {scope} {where}"""
_BY_PERSON = "c.id IN (SELECT p.case_id FROM case_party p JOIN person pe ON pe.id = p.person_id " \
             "WHERE pe.{column} = ? AND p.deleted_at IS NULL) ORDER BY c.opened_at DESC"


@dataclass
class BenchStores:
    root: Path
    store: Store          # encrypted, opened as the app opens it
    plain: Store          # an unencrypted copy of the same data
    key_hex: str
    vault: KeyringVault
    build_seconds: float


def build(cases: int, seed: int, workdir: Path, progress: Callable[[int, int], bool] | None = None) -> BenchStores:
    vault = KeyringVault(InMemoryKeyring())
    root = workdir / "store"
    created = create_store(root, vault=vault)
    started = time.perf_counter()
    generate_demo(created.store, cases=cases, seed=seed, progress=progress)
    build_seconds = time.perf_counter() - started
    created.store.close()
    key_hex = vault.get(created.store.store_id) or ""
    plain_path = workdir / "plain.db"
    con = sqlcipher3.connect(str(root / "fulian.db"))
    con.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    # sqlcipher_export writes a decrypted copy: the fair baseline for the cost of encryption.
    con.execute(f"ATTACH DATABASE '{plain_path}' AS plaintext KEY ''")
    con.execute("SELECT sqlcipher_export('plaintext')")
    con.execute("DETACH DATABASE plaintext")
    con.close()
    # Same SQLCipher library, no key: the only difference is the encryption.
    plain_engine = make_engine(f"sqlite:///{plain_path}", module=sqlcipher3)
    store_id, demo = _probe(plain_engine)
    plain = Store(plain_engine, store_id=store_id, paths=None, demo=demo)
    return BenchStores(root, open_store(root, vault=vault), plain, key_hex, vault, build_seconds)


def raw_connection(path: Path, key_hex: str | None) -> sqlcipher3.Connection:
    con = sqlcipher3.connect(str(path), check_same_thread=False)
    if key_hex:
        con.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    return con


def store_rows(b: BenchStores, repeat: int) -> list[BenchRow]:
    actor = auth.login(b.store, "dudao", DEMO_PASSWORD)  # the district supervisor: the widest scope
    # The same scope rule as the services: a district user's query carries no unit list at all.
    units = [] if actor.sees_everything else sorted(actor.scope_unit_ids)
    marks = ",".join("?" * len(units))
    scope = f"c.owner_unit_id IN ({marks})" if units else "1 = 1"
    raw = raw_connection(b.root / "fulian.db", b.key_hex)
    with b.store.uow() as uow:
        sample_case = uow.s.execute(select(Case.case_no).order_by(Case.case_seq.desc()).limit(1)).scalar_one()
        id_number, phone = uow.s.execute(
            select(Person.id_number, Person.phone).join(CaseParty, CaseParty.person_id == Person.id)
            .where(Person.id_number.is_not(None)).limit(1).offset(777)).one()

    def service(store: Store, fn, *args):  # noqa: ANN001, ANN202
        def call() -> object:
            with store.uow() as uow:
                return fn(uow, actor, *args)
        return call

    def sql(where: str, *params: object) -> Callable[[], object]:
        text = _ROW_SQL.format(scope=scope, where=where)
        return lambda: raw.execute(text, (*units, *params)).fetchall()

    status_tier = CaseFilter(statuses=frozenset({"in_progress"}), tiers=frozenset({"village"}))
    queries: list[tuple] = [
        ("案件列表首页（50 行）", case_queries.first_page, (CaseFilter(), 50),
         sql("ORDER BY c.opened_at DESC, c.id DESC LIMIT 50"), 50),
        ("按状态+层级筛选", case_queries.first_page, (status_tier, 50),
         sql("AND c.status = ? AND c.tier = ? ORDER BY c.opened_at DESC, c.id DESC LIMIT 50", "in_progress",
             "village"), 50),
        ("全部案件 id（列表模型）", case_queries.list_case_ids, (CaseFilter(),),
         lambda: raw.execute(f"SELECT id FROM case_file c WHERE deleted_at IS NULL AND {scope} "
                             "ORDER BY opened_at DESC, id DESC", units).fetchall(), 500),
        ("按案号查找", case_queries.find_by_case_number, (sample_case,),
         sql("AND c.case_no = ?", sample_case), 50),
        ("按身份证号查找", case_queries.find_by_id_number, (id_number,),
         sql("AND " + _BY_PERSON.format(column="id_number"), id_number), 50),
        ("按电话查找", case_queries.find_by_phone, (phone,),
         sql("AND " + _BY_PERSON.format(column="phone"), phone), 50),
    ]
    queries += _search_queries(b, raw, units, marks)
    rows = [_open_row(b, repeat)]
    for name, fn, args, raw_fn, target in queries:
        rows.append(BenchRow(name, median_ms(service(b.store, fn, *args), repeat), raw_ms=median_ms(raw_fn, repeat),
                             plain_ms=median_ms(service(b.plain, fn, *args), repeat), target_ms=target))
    raw.close()
    return rows


_FTS_SQL = """SELECT c.id, c.case_no, c.title, c.opened_at FROM case_file c
 JOIN case_search_doc d ON d.case_id = c.id JOIN case_search s ON s.rowid = d.doc
 WHERE c.deleted_at IS NULL AND case_search MATCH ? ORDER BY s.rowid DESC LIMIT 500"""


def _search_queries(b: BenchStores, raw: sqlcipher3.Connection, units: list[str], marks: str) -> list[tuple]:
    """The one search box at 100k cases: names of 2 and 3 characters, pinyin initials, free text."""
    from fulian_desktop.services.cases import search

    with b.store.uow() as uow:
        def a_name(length: int) -> str:
            return uow.s.execute(select(Person.name).join(CaseParty, CaseParty.person_id == Person.id)
                                 .where(func.length(Person.name) == length).limit(1).offset(333)).scalar_one()
        two, three = a_name(2), a_name(3)
        initials = uow.s.execute(select(Person.name_initials).where(Person.name == three)).scalars().first()
    by_initials = ("SELECT c.id, c.case_no, c.title, c.opened_at FROM case_file c WHERE c.deleted_at IS NULL AND "
                   "c.id IN (SELECT p.case_id FROM case_party p JOIN person pe ON pe.id = p.person_id "
                   "WHERE (pe.name_initials = ? OR pe.name_pinyin = ?) AND p.deleted_at IS NULL) ORDER BY c.opened_at DESC")
    rows = []
    for label, text_ in ((f"搜索两字姓名（{two}）", two), (f"搜索三字姓名（{three}）", three),
                         ("搜索关键词·短（家暴）", "家暴"), ("搜索关键词·长（宅基地纠纷 赔偿）", "宅基地纠纷 赔偿")):
        fts = search.fts_query(text_)
        rows.append((label, case_queries.quick_search, (text_,),
                     lambda q=fts: raw.execute(_FTS_SQL, (q,)).fetchall(), 100))
    rows.append((f"搜索拼音首字母（{initials}）", case_queries.quick_search, (initials,),
                 lambda: raw.execute(by_initials, (initials, initials)).fetchall(), 100))
    return rows


def _open_row(b: BenchStores, repeat: int) -> BenchRow:
    def app_open() -> None:
        open_store(b.root, vault=b.vault).close()

    def raw_open() -> None:
        con = raw_connection(b.root / "fulian.db", b.key_hex)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        con.close()

    return BenchRow("打开数据存储", median_ms(app_open, max(5, repeat // 2)), raw_ms=median_ms(raw_open, repeat),
                    note="钥匙串取密钥+校验+结构版本检查")


def run(cases: int, seed: int, repeat: int, progress: Callable[[int, int], bool] | None = None,
        extra: Callable[[BenchStores], list[BenchRow]] | None = None, sqlite_rows: bool = True,
        ) -> tuple[list[BenchRow], dict]:
    """Build the stores, measure (unless not `sqlite_rows`), then let `extra` add rows on the same files before
    they go."""
    workdir = Path(tempfile.mkdtemp(prefix="fulian-bench-"))
    try:
        stores = build(cases, seed, workdir, progress)
        try:
            rows = store_rows(stores, repeat) if sqlite_rows else []
        finally:
            stores.store.close()
            stores.plain.close()
        if extra is not None:
            rows.extend(extra(stores))
        meta = {"cases": cases, "seed": seed, "repeat": repeat, "demo_build_seconds": round(stores.build_seconds, 2),
                "store_mb": round(sum(p.stat().st_size for p in stores.root.iterdir() if p.is_file()) / 2**20, 1)}
        return rows, meta
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
