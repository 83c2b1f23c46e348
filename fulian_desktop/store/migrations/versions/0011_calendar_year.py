"""the working-day calendar entered by administrators becomes a synced record per year (calendar_year),
so a year confirmed at the district reaches every station; calendar_day and the declared-years setting
are folded into it

Revision ID: 0011
Revises: 0010
"""
from datetime import datetime
import json

from alembic import op
import sqlalchemy as sa

from fulian_desktop.domain.clock import now_utc


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

DECLARED_KEY = 'calendar_declared_years'


def _declared(bind) -> list[int]:
    value = bind.execute(sa.text("SELECT value FROM app_setting WHERE key = :k"), {"k": DECLARED_KEY}).scalar()
    if isinstance(value, str):
        value = json.loads(value)
    return [int(y) for y in (value or [])]


def upgrade() -> None:
    op.create_table('calendar_year',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('days', sa.JSON(), nullable=False),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('entered_by', sa.String(length=100), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_year'))
    )
    with op.batch_alter_table('calendar_year', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_year_year'), ['year'], unique=False)

    bind = op.get_bind()
    years: dict[int, dict[str, list]] = {}
    for day, is_workday, note in bind.execute(sa.text("SELECT day, is_workday, note FROM calendar_day")):
        day = day if not isinstance(day, str) else datetime.fromisoformat(day).date()
        years.setdefault(day.year, {})[day.isoformat()] = [bool(is_workday), note]
    declared = _declared(bind)
    now = now_utc()
    table = sa.table('calendar_year', sa.column('id'), sa.column('year'), sa.column('days', sa.JSON()),
                     sa.column('complete'), sa.column('source'), sa.column('entered_by'), sa.column('created_at'),
                     sa.column('updated_at'), sa.column('version'), sa.column('deleted_at'))
    rows = [{"id": f"calendar-{year}", "year": year, "days": dict(sorted(years.get(year, {}).items())),
             "complete": year in declared, "source": None, "entered_by": None, "created_at": now,
             "updated_at": now, "version": 1, "deleted_at": None}
            for year in sorted(set(years) | set(declared))]
    if rows:
        op.bulk_insert(table, rows)
    bind.execute(sa.text("DELETE FROM app_setting WHERE key = :k"), {"k": DECLARED_KEY})
    op.drop_table('calendar_day')


def downgrade() -> None:
    op.create_table('calendar_day',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('is_workday', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=100), nullable=True),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_calendar_day'))
    )
    bind = op.get_bind()
    days, declared = [], []
    for year, raw, complete in bind.execute(sa.text(
            "SELECT year, days, complete FROM calendar_year WHERE deleted_at IS NULL")):
        entries = json.loads(raw) if isinstance(raw, str) else raw
        days += [{"day": datetime.fromisoformat(d).date(), "is_workday": bool(v[0]), "note": v[1]}
                 for d, v in (entries or {}).items()]
        if complete:
            declared.append(int(year))
    if days:
        op.bulk_insert(sa.table('calendar_day', sa.column('day', sa.Date()), sa.column('is_workday'),
                                sa.column('note')), days)
    if declared:
        op.bulk_insert(sa.table('app_setting', sa.column('key'), sa.column('value', sa.JSON()),
                                sa.column('updated_at'), sa.column('updated_by')),
                       [{"key": DECLARED_KEY, "value": sorted(declared), "updated_at": now_utc(),
                         "updated_by": None}])
    with op.batch_alter_table('calendar_year', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_year_year'))
    op.drop_table('calendar_year')
