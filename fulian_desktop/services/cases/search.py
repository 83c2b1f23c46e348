"""Free-text search over cases: titles, summaries and the names of the people in them.

On SQLite an FTS5 index holds each case's text one CJK character per token, so a phrase
query matches any run of characters (家暴, 张三, 宅基地纠纷) through the index. The index is
derived data: kept up to date by the services that change the text, rebuilt after bulk
loads, never synced. PostgreSQL searches the columns themselves.
"""
from __future__ import annotations

import re
import unicodedata

from sqlalchemy import (
    Connection, String, and_, any_, bindparam, column, delete, func, insert, or_, select, table, text,
)
from sqlalchemy.orm import Session

from ...security.actor import Actor
from ...security.permissions import Permission, require
from ...store.models import Case, CaseParty, CaseSearchDoc, Person
from ...store.uow import UnitOfWork
from .views import CaseRow
from ...access.case_rows import CASE_ROW_SELECT, case_row, scoped

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_WORD = re.compile(r"[\w\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
MAX_RESULTS = 500
_FTS = table("case_search", column("rowid"))


def spaced(text_: str) -> str:
    """'张三 离婚 abc' -> '张 三 离 婚 abc': every CJK character becomes its own token."""
    text_ = unicodedata.normalize("NFKC", text_ or "")
    return _CJK.sub(lambda m: f" {m.group(0)} ", text_)


def fts_query(user_text: str) -> str | None:
    """Each word the user typed must appear, as a phrase of its characters."""
    phrases = []
    for word in _WORD.findall(unicodedata.normalize("NFKC", user_text or "").lower()):
        tokens = spaced(word).split()
        if tokens:
            phrases.append('"' + " ".join(t.replace('"', "") for t in tokens) + '"')
    return " AND ".join(phrases) if phrases else None


def _is_sqlite(bind) -> bool:  # noqa: ANN001
    return bind.dialect.name == "sqlite"


def search_body(title: str | None, summary: str | None, names: list[str]) -> str:
    return spaced(" ".join(filter(None, [title, summary, *names])))


def index_cases(session: Session, case_ids: list[str]) -> None:
    """Re-index these cases (call after changing a title, summary or a party's name)."""
    if not case_ids or not _is_sqlite(session.get_bind()):
        return
    conn = session.connection()
    names: dict[str, list[str]] = {}
    for case_id, name in conn.execute(select(CaseParty.case_id, Person.name).join(Person, Person.id == CaseParty.person_id)
                                      .where(CaseParty.case_id.in_(case_ids), CaseParty.deleted_at.is_(None))):
        names.setdefault(case_id, []).append(name)
    for case_id, title, summary in conn.execute(select(Case.id, Case.title, Case.summary).where(Case.id.in_(case_ids))):
        doc = conn.execute(select(CaseSearchDoc.doc).where(CaseSearchDoc.case_id == case_id)).scalar()
        if doc is None:
            doc = conn.execute(insert(CaseSearchDoc).values(case_id=case_id).returning(CaseSearchDoc.doc)).scalar_one()
        else:
            conn.execute(text("DELETE FROM case_search WHERE rowid = :doc"), {"doc": doc})
        conn.execute(text("INSERT INTO case_search(rowid, body) VALUES (:doc, :body)"),
                     {"doc": doc, "body": search_body(title, summary, names.get(case_id, []))})


def rebuild(conn: Connection, batch: int = 5000) -> int:
    """Rebuild the whole index (after a bulk load or a restore). Returns the number of cases."""
    if not _is_sqlite(conn):
        return 0
    conn.execute(text("DELETE FROM case_search"))
    conn.execute(delete(CaseSearchDoc))
    names: dict[str, list[str]] = {}
    for case_id, name in conn.execute(select(CaseParty.case_id, Person.name).join(Person, Person.id == CaseParty.person_id)
                                      .where(CaseParty.deleted_at.is_(None))):
        names.setdefault(case_id, []).append(name)
    rows = conn.execute(select(Case.id, Case.title, Case.summary).order_by(Case.opened_at)).all()
    for start in range(0, len(rows), batch):
        chunk = rows[start:start + batch]
        conn.execute(insert(CaseSearchDoc), [{"doc": start + i + 1, "case_id": r[0]} for i, r in enumerate(chunk)])
        conn.execute(text("INSERT INTO case_search(rowid, body) VALUES (:doc, :body)"),
                     [{"doc": start + i + 1, "body": search_body(r[1], r[2], names.get(r[0], []))}
                      for i, r in enumerate(chunk)])
    return len(rows)


def is_stale(conn: Connection) -> bool:
    if not _is_sqlite(conn):
        return False
    indexed = conn.execute(select(func.count()).select_from(CaseSearchDoc)).scalar_one()
    return indexed != conn.execute(select(func.count()).select_from(Case)).scalar_one()


def free_text(uow: UnitOfWork, actor: Actor, user_text: str, limit: int = MAX_RESULTS) -> list[CaseRow]:
    """Cases whose title, summary or people's names contain every word typed, newest first."""
    require(actor, Permission.CASE_READ)
    query = fts_query(user_text)
    if query is None:
        return []
    if _is_sqlite(uow.s.get_bind()):
        # Newest documents first straight from the index, so a common word stops after `limit`
        # matches instead of sorting tens of thousands (documents are numbered in opening order).
        stmt = (scoped(actor, CASE_ROW_SELECT.join(CaseSearchDoc, CaseSearchDoc.case_id == Case.id)
                        .join(_FTS, _FTS.c.rowid == CaseSearchDoc.doc))
                .where(text("case_search MATCH :q")).order_by(_FTS.c.rowid.desc()).limit(limit))
        rows = [case_row(r) for r in uow.s.execute(stmt, {"q": query})]
        return sorted(rows, key=lambda r: r.opened_at, reverse=True)
    # PostgreSQL: every word as a case-insensitive substring of the title, summary or a party's name
    # (same words as the SQLite query: NFKC-normalised; % and _ typed by the user match literally).
    # One statement: the page of ids in date order, then their rows (`_pg_page`).
    words = _WORD.findall(unicodedata.normalize("NFKC", user_text or ""))
    # No parallel workers for this statement (and the rest of this short transaction): a common word's few
    # thousand candidate rows are read faster by one process than handed to workers started for them (at
    # 300,000 cases, 家暴: 20 ms alone, 36 ms with two workers on a busy two-core server).
    uow.s.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
    page = scoped(actor, select(Case.id)).where(*(_pg_word(w) for w in words)).order_by(*_ORDER).limit(limit)
    ids = page.subquery()
    stmt = CASE_ROW_SELECT.join(ids, ids.c.id == Case.id).order_by(*_ORDER)
    return [case_row(r) for r in uow.s.execute(stmt)]


_ORDER = (Case.opened_at.desc(), Case.id.desc())


def _word_bind(value: str):  # noqa: ANN202
    """The word (or its pattern) written into the statement: each word gets a plan of its own (a common word is
    read in date order until the page is full, a rare one through the indexes); a bound parameter would let
    the server keep one generic plan for every word after a few searches."""
    return bindparam(None, value, String, literal_execute=True)


def _like(col, word: str):  # noqa: ANN001, ANN202
    """`col` holds `word`. Words without letter case (Chinese) use plain LIKE: byte matching, several times
    cheaper than ILIKE."""
    pattern = _word_bind("%" + word.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%")
    return col.ilike(pattern, escape="/") if word.lower() != word.upper() else col.like(pattern, escape="/")


def _pg_word(word: str):  # noqa: ANN202
    """A case's condition: its title, summary or a party's name holds `word` (PostgreSQL).

    Two conditions, ANDed. The first names what the indexes of migration 0020 answer: for two characters the
    character pairs (a trigram index finds nothing under three: 王静, 家暴), else the trigram index (LIKE
    itself); the people's cases as an array of ids, read once, which the primary key finds. The server
    combines those index scans (an OR of them per word, an AND across words) before it reads a row, and drops
    the first condition from the rows it reads, as the index scans already hold it: computing the character
    pairs row by row would cost far more than the LIKE. The second, the LIKEs, decides; each LIKE implies its
    index condition, so the results are those of the LIKEs alone. A common word (纠纷) is read in date order
    instead, until the page is full: the server chooses by its statistics of the indexed expressions."""
    names = select(CaseParty.case_id).join(Person, Person.id == CaseParty.person_id).where(
        CaseParty.deleted_at.is_(None), _like(Person.name, word),
        *([_pairs(Person.name, word)] if len(word) == 2 else []))
    of_people = Case.id == any_(func.array(names.scalar_subquery()))
    holds = or_(_like(Case.title, word), _like(Case.summary, word), of_people)
    if len(word) != 2:
        return holds
    return and_(or_(_pairs(Case.title, word), _pairs(Case.summary, word), of_people), holds)


def _pairs(col, word: str):  # noqa: ANN001, ANN202
    """`col`'s character pairs hold the word's (migration 0020's GIN index answers this)."""
    return func.fulian_bigrams(col).op("@>")(func.fulian_bigrams(_word_bind(word)))
