"""The migrated store has every table and column the code's table definitions declare."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from counter_app.config import StorePaths
from counter_app.models import service_tables, sync_tables  # noqa: F401  (their tables)
from counter_app.models.base import Base
from counter_app.models.db import open_store


def test_migrations_create_what_the_tables_declare(tmp_path: Path) -> None:
    engine = open_store(StorePaths(tmp_path / "store"))
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    missing = [d for d in diffs if d[0] in ("add_table", "add_column", "remove_column")]
    assert missing == []
