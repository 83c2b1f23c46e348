"""Declarative base, shared column types and the record mixin every table uses."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Annotated, Any

from sqlalchemy import DateTime, ForeignKey, Integer, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from ..domain import clock


def utcnow() -> datetime:
    return clock.now_utc()


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator):
    """Always stores UTC and always returns aware datetimes (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


# Explicit constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

uuid_pk = Annotated[str, mapped_column(String(36), primary_key=True, default=new_id)]
uuid_fk = Annotated[str, mapped_column(String(36))]
str_short = Annotated[str, mapped_column(String(64))]
str_name = Annotated[str, mapped_column(String(200))]
utc = Annotated[datetime, mapped_column(UTCDateTime())]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}


class Record:
    """Columns every synced record carries: id, timestamps, version, owner unit, tombstone.

    `version` doubles as SQLAlchemy's optimistic-lock column: an UPDATE of a stale
    version matches no row and raises StaleDataError, which services turn into a
    ConflictError the user can act on.
    """

    id: Mapped[uuid_pk]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}


class OwnedRecord(Record):
    """A record that belongs to a unit: scope checks and sync filtering read `owner_unit_id`."""

    owner_unit_id: Mapped[str] = mapped_column(ForeignKey("org_unit.id"), index=True)
