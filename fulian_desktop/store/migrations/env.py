"""Alembic environment: always run in-process on a connection the store hands over."""
from __future__ import annotations

from alembic import context

from fulian_desktop.store.base import Base
from fulian_desktop.store import models  # noqa: F401 - registers the tables

connection = context.config.attributes["connection"]


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001, ANN201
    # The FTS5 index and its shadow tables are made by hand in 0004 and are not models.
    return not (type_ == "table" and reflected and compare_to is None and name.startswith("case_search"))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copy
)
with context.begin_transaction():
    context.run_migrations()
