"""The local store: migrations from an empty file, re-runs, PRAGMAs, backup before migrating."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from counter_app.config import StorePaths
from counter_app.models.db import current_revision, head_revision, open_store


def test_migrates_an_empty_folder_and_reruns_as_a_no_op(tmp_path: Path) -> None:
    paths = StorePaths(tmp_path / "new")
    engine = open_store(paths)
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()
    engine = open_store(paths)  # second start: nothing to do, no backup of an up-to-date file
    assert current_revision(engine) == head_revision(engine)
    assert not paths.backup_dir.exists()
    tables = {
        r[0]
        for r in sqlite3.connect(paths.db_file).execute(
            "select name from sqlite_master where type='table'"
        )
    }
    for name in (
        "units",
        "devices",
        "procedures",
        "dossiers",
        "applicants",
        "dossier_components",
        "dossier_events",
        "users",
        "outbox",
        "code_counters",
        "calendar_overrides",
    ):
        assert name in tables


def test_connections_use_wal_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    engine = open_store(StorePaths(tmp_path))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_copies_the_file_aside_before_migrating(tmp_path: Path) -> None:
    from alembic import command

    from counter_app.models.db import _alembic_config

    paths = StorePaths(tmp_path)
    engine = open_store(paths)
    # An older store, as a previous release left it.
    command.downgrade(_alembic_config(engine), "base")
    engine.dispose()
    engine = open_store(paths)
    backups = list(paths.backup_dir.glob("counter-*.sqlite3"))
    assert len(backups) == 1
    assert current_revision(engine) == head_revision(engine)
    assert sqlite3.connect(backups[0]).execute("pragma integrity_check").fetchone()[0] == "ok"


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    from counter_app.models.db import StoreError

    paths = StorePaths(tmp_path)
    paths.db_file.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="bị hỏng"):
        open_store(paths)


def test_dossiers_and_events_cannot_be_deleted_or_rewritten(services, data_dir: Path) -> None:
    from counter_devkit.intake import intake

    services.dossiers.receive(intake())
    conn = sqlite3.connect(StorePaths(data_dir).db_file)
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        conn.execute("DELETE FROM dossiers")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE dossier_events SET note = 'x'")


def test_outbox_payloads_move_to_their_own_frozen_table(tmp_path: Path) -> None:
    """0004: the bytes of queued ops move out of `outbox` unchanged, and stay immutable."""
    from alembic import command

    from counter_app.models.db import _alembic_config

    paths = StorePaths(tmp_path)
    engine = open_store(paths)
    command.downgrade(_alembic_config(engine), "0003")
    engine.dispose()
    db = sqlite3.connect(paths.db_file, isolation_level=None)
    db.execute(
        "INSERT INTO outbox (op_id, device_seq, kind, dossier_uuid, payload, payload_hash, state,"
        " created_at, attempts) VALUES ('op-1', 7, 'dossier.create', 'd-1', ?, 'h', 'queued', "
        "'2026-11-26T08:00:00+07:00', 0)",
        (b'{"op_id":"op-1","\xc4\x90":1}',),
    )
    db.close()
    engine = open_store(paths)
    engine.dispose()
    db = sqlite3.connect(paths.db_file, isolation_level=None)
    assert db.execute("SELECT device_seq, payload FROM outbox_payloads").fetchall() == [
        (7, b'{"op_id":"op-1","\xc4\x90":1}')
    ]
    columns = {r[1] for r in db.execute("PRAGMA table_info(outbox)")}
    assert "payload" not in columns and "state" in columns
    for statement in (
        "UPDATE outbox_payloads SET payload = x'00'",
        "DELETE FROM outbox_payloads",
        "UPDATE outbox SET payload_hash = 'x'",
    ):
        with pytest.raises(sqlite3.IntegrityError, match=r"immutable|kept"):
            db.execute(statement)
    db.execute("UPDATE outbox SET state = 'acked'")  # the state still moves on
