"""0013: a store with dossiers gains the search indexes, and its stored names the pair index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from counter_app.services.search import DossierQuery
from counter_devkit.intake import intake


def test_stored_dossiers_are_found_through_the_indexes_the_migration_adds(
    data_dir: Path,
) -> None:
    from alembic import command

    from counter_app.app import build_services
    from counter_app.models.db import _alembic_config

    services = build_services(str(data_dir))
    code = services.dossiers.receive(intake(name="Nguyễn Lê Văn Tám", id_number="042095123456"))
    command.downgrade(_alembic_config(services.store.engine), "0012")  # the store before 0013
    services.close()
    db = sqlite3.connect(data_dir / "counter.sqlite3")
    assert db.execute(
        "SELECT count(*) FROM sqlite_master WHERE name LIKE '%pairs%'"
    ).fetchone() == (0,)
    db.close()

    services = build_services(str(data_dir))  # opening migrates
    try:

        def found(text: str) -> list[str]:
            return [r.code for r in services.search.find(DossierQuery(text=text))]

        assert found("nguyen le") == [code]  # through the pair index the migration filled
        assert found("van tam") == [code]
        assert found(code[-11:]) == [code]  # the code's date-and-number part
        assert found("2345678") == [code]  # the phone's last digits (0912345678)
        assert found("le nguyen tam") == [code]
    finally:
        services.close()
