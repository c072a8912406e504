"""Alembic environment for the counter store; the engine is handed in by models/db.py."""

from __future__ import annotations

from alembic import context

from counter_app.models import (
    service_tables,  # noqa: F401
    sync_tables,  # noqa: F401
    tables,  # noqa: F401  (registers the tables on the metadata)
)
from counter_app.models.base import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite ALTER support
            transactional_ddl=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
