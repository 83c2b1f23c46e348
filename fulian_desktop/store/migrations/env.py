"""Alembic environment: always run in-process on a connection the store hands over."""
from __future__ import annotations

from alembic import context

from fulian_desktop.store.base import Base
from fulian_desktop.store import models  # noqa: F401 - registers the tables

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copy
)
with context.begin_transaction():
    context.run_migrations()
