"""free-text search index for cases (SQLite FTS5; PostgreSQL searches the columns directly)

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A stable integer per case: FTS5 rows are keyed by integer, and case_file's implicit rowid
    # may be renumbered by VACUUM (its primary key is text).
    op.create_table('case_search_doc',
    sa.Column('doc', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('doc', name=op.f('pk_case_search_doc')),
    sa.UniqueConstraint('case_id', name=op.f('uq_case_search_doc_case_id'))
    )
    if op.get_bind().dialect.name == "sqlite":
        # Text is stored one CJK character per token, so a phrase query finds words of any length,
        # two-character names included (a trigram index finds nothing under three characters).
        op.execute("CREATE VIRTUAL TABLE case_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE case_search")
    op.drop_table('case_search_doc')
