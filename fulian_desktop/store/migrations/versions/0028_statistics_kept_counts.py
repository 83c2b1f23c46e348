"""statistics (SQLCipher): the year's earlier months of a monthly report, kept in the store

Revision ID: 0028
Revises: 0027

services/statistics/statistics_prefix kept what a report counted from 1 January to the day before its period in
memory only, so the first report of every session counted the whole year again (about a second at 100,000
cases). The same counts are kept here too, one row per units and period start, with the number of the last
change logged (0026) when they were counted and a digest of the code that counted them: a later session uses
them only under the same rules as before (no logged day since falls in those months) and the same code.

Counts by unit only: no person, case or text. PostgreSQL keeps nothing (no change log there).
"""
from alembic import op

revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None

TABLE = "stats_kept"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"CREATE TABLE {TABLE} (key TEXT PRIMARY KEY, code TEXT NOT NULL, seq INTEGER NOT NULL, "
               "ledger TEXT NOT NULL)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
