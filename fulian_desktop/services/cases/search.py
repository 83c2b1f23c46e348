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
    Connection, String, and_, column, delete, func, insert, intersect, literal, or_, select, table, text, union,
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
RECENT = 5_000   # PostgreSQL: the newest cases read in date order before the indexes are asked
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
    words = _WORD.findall(unicodedata.normalize("NFKC", user_text or ""))
    order = (Case.opened_at.desc(), Case.id.desc())
    # A common word (纠纷) fills the page from the newest cases: read those in date order, and stop there.
    cutoff = uow.s.execute(select(Case.opened_at).order_by(Case.opened_at.desc()).offset(RECENT).limit(1)).scalar()
    if cutoff is not None:
        recent = (scoped(actor, CASE_ROW_SELECT).where(Case.opened_at >= cutoff, *map(_pg_holds, words))
                  .order_by(*order).limit(limit))
        rows = [case_row(r) for r in uow.s.execute(recent)]
        if len(rows) >= limit:    # the newest `limit` matches: every other match was opened earlier
            return rows
    # Otherwise through the indexes: each word's cases as a set of ids, the sets intersected before any
    # case row is read.
    matches = [_pg_matches(word) for word in words]
    ids = matches[0] if len(matches) == 1 else intersect(*matches)
    stmt = scoped(actor, CASE_ROW_SELECT).where(Case.id.in_(ids)).order_by(*order).limit(limit)
    return [case_row(r) for r in uow.s.execute(stmt)]


def _pg_has(col, word: str, *, indexed: bool = True):  # noqa: ANN001, ANN202
    """`col` holds `word` (PostgreSQL). Words without letter case (Chinese) use plain LIKE: byte matching,
    several times cheaper than ILIKE. Two characters, `indexed`: also the character pairs (migration 0020),
    which only narrow the rows the LIKE reads (computed row by row they would cost far more than the LIKE)."""
    like = col.icontains(word, autoescape=True) if word.lower() != word.upper() else \
        col.contains(word, autoescape=True)
    if indexed and len(word) == 2:
        return and_(func.fulian_bigrams(col).op("@>")(func.fulian_bigrams(literal(word, String))), like)
    return like


def _pg_names(word: str):  # noqa: ANN202
    return (select(CaseParty.case_id).join(Person, Person.id == CaseParty.person_id)
            .where(CaseParty.deleted_at.is_(None), _pg_has(Person.name, word)))


def _pg_holds(word: str):  # noqa: ANN202
    """A case row's condition: its title, summary or a party's name holds `word`."""
    return or_(_pg_has(Case.title, word, indexed=False), _pg_has(Case.summary, word, indexed=False),
               Case.id.in_(_pg_names(word)))


def _pg_matches(word: str):  # noqa: ANN202
    """The ids of the cases whose title, summary or a party's name holds `word` (PostgreSQL).

    Three reads, each answered by an index of migration 0020: a trigram index for words of three characters
    or more, the index of character pairs for two (a trigram index finds nothing under three characters:
    王静, 家暴). The LIKE itself always decides: an index only narrows the rows it reads."""
    return union(select(Case.id).where(_pg_has(Case.title, word)),
                 select(Case.id).where(_pg_has(Case.summary, word)), _pg_names(word))
