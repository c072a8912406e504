"""The sync window's list of province updates after the feed started over (server restore)."""

from __future__ import annotations

from pathlib import Path

from counter_app.domain.vntime import now_vn
from counter_app.models.sync_tables import ProvinceUpdate
from counter_app.services.store import Store
from counter_app.sync.views import recent_updates


def test_updates_of_the_new_feed_generation_come_first(data_dir: Path) -> None:
    store = Store.open(data_dir)
    try:
        with store.write() as session:
            for generation, seq, subject in ((0, 40, "trước khôi phục"), (1, 3, "sau khôi phục")):
                session.add(
                    ProvinceUpdate(
                        feed_generation=generation,
                        change_seq=seq,
                        kind="calendar",
                        subject=subject,
                        result="applied",
                        message=None,
                        server_created_at="2026-11-26T08:00:00+07:00",
                        applied_at=now_vn(),
                    )
                )
        with store.read() as session:
            rows = recent_updates(session)
    finally:
        store.close()
    assert [(r.change_seq, r.subject) for r in rows] == [
        (3, "sau khôi phục"),
        (40, "trước khôi phục"),
    ]
