"""Migration 0005 on a database that already holds dossiers: each gets the sub-state its status
means, for both the merged and the counter's view (docs/sync.md#s20)."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from counter_server.db import MIGRATIONS_DIR, migrate
from tests.counter_server.conftest import BACKENDS

DEVICE = (
    "INSERT INTO devices (id, uuid, unit_code, slot, name, public_key, status, app_version, "
    "enrolled_at, attested_seq, max_seq_received, dossier_count, clock_flag_count) VALUES "
    "(1, '8d8c1d5e-3f0a-4c55-9d0f-1e2a3b4c5d6e', 'U1', 0, 'Quầy 1', 'k', 'active', '0.1', "
    "'2026-12-01T08:00:00+00:00', 0, 0, 0, 0)"
)
DOSSIER = (
    "INSERT INTO dossiers (uuid, code, unit_code, device_id, procedure_code, status, "
    "applicant_name, received_at, data, last_device_seq, last_event_seq, updated_at) VALUES "
    "(:uuid, :code, 'U1', 1, 'P1', :status, 'Nguyễn Văn A', '2026-12-01T08:00:00+00:00', '{}', "
    "1, 1, '2026-12-01T08:00:00+00:00')"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_existing_dossiers_get_the_sub_state_of_their_status(backend: str, new_db_url: Any) -> None:
    engine = create_engine(new_db_url(backend))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
        conn.execute(text("INSERT INTO units (code, created_at) VALUES ('U1', '2026-12-01')"))
        conn.execute(text(DEVICE))
        for n, status in enumerate((2, 4, 9), start=1):
            uuid = f"00000000-0000-4000-8000-00000000000{n}"
            conn.execute(text(DOSSIER), {"uuid": uuid, "code": f"U1-{n}", "status": status})
    migrate(engine)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT code, sub_state, device_sub_state FROM dossiers ORDER BY code")
        ).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        ("U1-1", "received", "received"),
        ("U1-2", "at_agency", "at_agency"),
        ("U1-3", "result_at_counter", "result_at_counter"),
    ]
