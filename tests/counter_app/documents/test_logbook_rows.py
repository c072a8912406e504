"""The logbook's times: Vietnam time to the minute, whatever zone they come in."""

from __future__ import annotations

from datetime import UTC, datetime

from counter_app.documents.logbook_rows import vn_minutes
from counter_protocol.timefmt import VN_TZ


def test_a_time_in_vietnam_time_and_one_in_utc() -> None:
    assert vn_minutes(datetime(2026, 3, 2, 8, 5, tzinfo=VN_TZ)) == "02/03/2026 08:05"
    assert vn_minutes(datetime(2026, 3, 1, 17, 30, tzinfo=UTC)) == "02/03/2026 00:30"
    assert vn_minutes(datetime.fromisoformat("2026-12-31T23:59:59+07:00")) == "31/12/2026 23:59"
    assert vn_minutes(None) == ""
