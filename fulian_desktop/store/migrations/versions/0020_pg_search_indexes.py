"""PostgreSQL: indexes for the search box (trigrams and character pairs) and the report's date filters

Revision ID: 0020
Revises: 0018

On PostgreSQL the search box matches words as substrings of a case's title and summary and of its people's
names (services/cases/search.py). A substring pattern (LIKE '%宅基地%') is answered by a trigram index
(pg_trgm, GIN) from three characters on. A two-character word (王静, 家暴) has no whole trigram: for those,
a GIN index over each text's character pairs (`fulian_bigrams`, no extension needed) finds the rows, and
the LIKE itself still decides, so the results are the same as a full scan.

pg_trgm is a trusted extension: a role with CREATE on the database may create it. A role that may not gets
a warning naming the statements for the administrator (the extension, then the three indexes), and the store
opens anyway: words of three characters or more are then found by reading the tables (slower, the same
results).

SQLite has its own full-text index (0004): nothing to do there.
"""
import logging

from alembic import op
import sqlalchemy as sa

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

log = logging.getLogger("fulian.migrations")

# Every pair of neighbouring characters of the lower-cased text (ILIKE compares lower-cased text).
BIGRAMS = """
CREATE OR REPLACE FUNCTION fulian_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
  FROM generate_series(1, char_length(t) - 1) AS i
$$
"""
SEARCHED = (("case_file", "title"), ("case_file", "summary"), ("person", "name"))
NO_TRGM = ("未能在 PostgreSQL 上启用 pg_trgm 扩展（当前数据库角色无权创建扩展）。搜索仍然可用，但三个字以上的词"
           "需要逐行查找，案件多时较慢。请数据库管理员在该数据库中执行：CREATE EXTENSION pg_trgm; {indexes}")


def _trgm_index(table: str, column: str) -> str:
    return f"CREATE INDEX IF NOT EXISTS ix_{table}_{column}_trgm ON {table} USING gin ({column} gin_trgm_ops)"


def _has_trgm(bind) -> bool:  # noqa: ANN001
    return bool(bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).scalar())


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute(BIGRAMS)
    for table, column in SEARCHED:
        op.execute(f"CREATE INDEX IF NOT EXISTS ix_{table}_{column}_bigrams ON {table} "
                   f"USING gin (fulian_bigrams({column}))")
    if not _has_trgm(bind):
        savepoint = bind.begin_nested()
        try:
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            savepoint.commit()
        except sa.exc.DBAPIError:
            savepoint.rollback()
            log.warning(NO_TRGM.format(indexes=" ".join(f"{_trgm_index(t, c)};" for t, c in SEARCHED)))
    if _has_trgm(bind):
        for table, column in SEARCHED:
            op.execute(_trgm_index(table, column))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in SEARCHED:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_{column}_trgm")
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_{column}_bigrams")
    op.execute("DROP FUNCTION IF EXISTS fulian_bigrams(text)")
