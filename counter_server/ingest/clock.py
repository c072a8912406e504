"""Device clocks: the skew seen per batch, and which ops carry a device time that cannot be right.

Server order (ops.seq, changes.seq) decides everything; device times are only recorded and
flagged. An op is "ahead" when its created_at is more than a day past server time, "behind" when
it was made after the device's last attested sync yet claims an earlier time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from counter_server.ingest.records import Entry, IncomingHelp, IncomingOp

AHEAD_LIMIT = timedelta(hours=24)
# An op built a moment before the previous batch went out can carry a slightly earlier time.
BEHIND_TOLERANCE = timedelta(minutes=5)


def skew_seconds(sent_at: datetime, now: datetime) -> float:
    """Device clock minus server clock, in seconds (positive: the device runs fast)."""
    return (sent_at - now).total_seconds()


def op_clock_flag(
    op: IncomingOp | IncomingHelp, now: datetime, attested_at: datetime | None, attested_seq: int
) -> str | None:
    if op.created_at > now + AHEAD_LIMIT:
        return "ahead"
    if (
        attested_at is not None
        and op.device_seq > attested_seq
        and op.created_at < attested_at - BEHIND_TOLERANCE
    ):
        return "behind"
    return None


def flag_clocks(
    entries: list[Entry],
    now: datetime,
    attested_at: datetime | None,
    attested_seq: int,
) -> int:
    """Set `clock_flag` on every valid op; return how many are flagged."""
    flagged = 0
    for entry in entries:
        if isinstance(entry, IncomingOp | IncomingHelp):
            entry.clock_flag = op_clock_flag(entry, now, attested_at, attested_seq)
            flagged += entry.clock_flag is not None
    return flagged
