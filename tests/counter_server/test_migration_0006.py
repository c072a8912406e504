"""Migration 0006 on a database that already holds dossiers and events: their channel and home
mark are copied out of the create op's data, and the monthly work counts start from them, by the
same rule ingest applies afterwards (docs/domain.md#work-counts)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from counter_server.db import MIGRATIONS_DIR, migrate
from tests.counter_server.conftest import BACKENDS
from tests.counter_server.test_migration_0005 import DEVICE

DOSSIER = (
    "INSERT INTO dossiers (uuid, code, unit_code, device_id, procedure_code, status, "
    "sub_state, device_sub_state, applicant_name, received_at, data, last_device_seq, "
    "last_event_seq, updated_at) VALUES (:uuid, :code, 'U1', 1, 'P1', 2, 'received', "
    "'received', 'Nguyễn Văn A', '2026-11-30T16:30:00+00:00', :data, 1, 1, "
    "'2026-12-01T08:00:00+00:00')"
)
EVENT = (
    "INSERT INTO dossier_events (dossier_uuid, source, device_id, event_seq, kind, at, actor, "
    "extra, recorded_at) VALUES (:uuid, :source, 1, 2, 'returned', '2026-12-02T02:00:00+00:00', "
    ":actor, :extra, '2026-12-02T02:00:00+00:00')"
)


def created(kind: str, channel: int, at: str, **more: Any) -> str:
    event = {"event_seq": 1, "kind": kind, "at": at, "actor": "lan", "extra": {}}
    return json.dumps({"channel": channel, "event": event, **more})


@pytest.mark.parametrize("backend", BACKENDS)
def test_held_dossiers_and_events_start_the_work_counts(backend: str, new_db_url: Any) -> None:
    engine = create_engine(new_db_url(backend))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    uuids = [f"00000000-0000-4000-8000-00000000000{n}" for n in range(1, 5)]
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
        conn.execute(text("INSERT INTO units (code, created_at) VALUES ('U1', '2026-12-01')"))
        conn.execute(text(DEVICE))
        datas = [
            created("received", 3, "2026-11-30T23:30:00+07:00"),  # November, by post
            created("received", 1, "2026-12-01T00:30:00+07:00", at_home=True),  # December
            created("refused", 1, "2026-12-01T09:00:00+07:00"),  # never counted
            "{}",  # a row from a test of old: no event to count
        ]
        for n, (uuid, data) in enumerate(zip(uuids, datas, strict=True)):
            conn.execute(text(DOSSIER), {"uuid": uuid, "code": f"U1-{n}", "data": data})
        posted = json.dumps({"postal_number": "EB123456785VN"})
        conn.execute(
            text(EVENT), {"uuid": uuids[0], "source": "device", "actor": "minh", "extra": posted}
        )
        conn.execute(
            text(EVENT), {"uuid": uuids[1], "source": "province", "actor": "Sở", "extra": None}
        )
    migrate(engine)
    with engine.connect() as conn:
        marks = conn.execute(
            text("SELECT code, channel, at_home FROM dossiers ORDER BY code")
        ).all()
        counts = conn.execute(
            text("SELECT month, clerk, task, n FROM work_counts ORDER BY month, clerk, task")
        ).all()
    engine.dispose()
    assert [(c, ch, bool(h)) for c, ch, h in marks] == [
        ("U1-0", 3, False),
        ("U1-1", 1, True),
        ("U1-2", 1, False),
        ("U1-3", 1, False),
    ]
    assert [tuple(r) for r in counts] == [
        ("2026-11", "lan", "by_post", 1),
        ("2026-11", "lan", "received", 1),
        ("2026-12", "lan", "at_home", 1),
        ("2026-12", "lan", "received", 1),
        ("2026-12", "minh", "by_post", 1),
        ("2026-12", "minh", "returned", 1),
    ]
