"""Replay defence: a signed request must carry a time near the server's and a nonce never seen.

Both are under the device's signature (counter_protocol/transport.py). The time window bounds how
long a nonce must be remembered; the nonce table's primary key makes "seen before?" a single
INSERT, so two instances on one PostgreSQL never both accept one captured request.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from counter_protocol.errors import ProtocolError
from counter_protocol.timefmt import duration_parts, parse_time
from counter_protocol.transport import MAX_NONCE_LENGTH, NONCE_HEADER, TIME_HEADER
from counter_server import audit
from counter_server.db import write_transaction
from counter_server.devices import DeviceInfo
from counter_server.errors import Refused
from counter_server.ingest.clock import skew_seconds
from counter_server.models import Device, RequestNonce

DEFAULT_WINDOW = timedelta(minutes=10)
OUTDATED = (
    "Phần mềm trên máy này dùng giao thức đồng bộ cũ (yêu cầu thiếu giờ hoặc mã chống "
    "gửi lại). Hãy cập nhật phần mềm Một cửa rồi đồng bộ lại."
)
REPLAYED = (
    "Yêu cầu này đã được gửi tới máy chủ một lần (mã chống gửi lại đã dùng): có thể nó "
    "bị ghi lại và gửi lại trên đường truyền. Yêu cầu bị từ chối."
)
# Which way the clock is off is two sentences, not a word put in: a translation words them apart.
CLOCK_AHEAD = (
    "Đồng hồ của máy này nhanh hơn giờ máy chủ tỉnh {size} {size_unit} (máy đang ghi "
    "{device_time}). Hãy chỉnh lại ngày giờ của máy (Cài đặt ngày giờ của Windows, "
    "bật tự động đồng bộ giờ) rồi đồng bộ lại; máy chủ chỉ nhận yêu cầu lệch tối đa "
    "{window} {window_unit}."
)
CLOCK_BEHIND = (
    "Đồng hồ của máy này chậm hơn giờ máy chủ tỉnh {size} {size_unit} (máy đang ghi "
    "{device_time}). Hãy chỉnh lại ngày giờ của máy (Cài đặt ngày giờ của Windows, "
    "bật tự động đồng bộ giờ) rồi đồng bộ lại; máy chủ chỉ nhận yêu cầu lệch tối đa "
    "{window} {window_unit}."
)


def request_stamp(headers: Mapping[str, str]) -> tuple[str, str] | None:
    """The time and nonce headers as sent; None when either is missing or malformed (a counter
    older than protocol 2: refused with `outdated()` once the device is known)."""
    stamp, nonce = headers.get(TIME_HEADER) or "", headers.get(NONCE_HEADER) or ""
    try:
        parse_time(stamp)
    except ProtocolError:
        return None
    if not nonce or len(nonce) > MAX_NONCE_LENGTH or not nonce.isascii():
        return None
    return stamp, nonce


def outdated() -> Refused:
    return Refused("protocol_outdated", OUTDATED, 426)


def check_fresh(
    engine: Engine,
    device: DeviceInfo,
    stamp: str,
    nonce: str,
    now: datetime,
    window: timedelta,
    remote: str | None,
    body_hash: str | None = None,
) -> None:
    """Accept a signed request once: within `window` of server time, with an unseen nonce.

    A push (`body_hash` given) seen before with the same bytes is let through: it is the same
    signed batch delivered twice on its way (a retrying proxy), and ingest answers it again with
    "duplicate" for every op, changing nothing. Its nonce on other bytes is refused."""
    skew = skew_seconds(parse_time(stamp), now)
    if abs(skew) > window.total_seconds():
        with write_transaction(engine) as conn:
            conn.execute(
                update(Device).where(Device.__table__.c.id == device.id).values(last_skew_s=skew)
            )
        audit.record_refusal(
            engine,
            "clock_wrong",
            device_id=device.id,
            remote_addr=remote,
            group="clock_wrong",
            skew_s=round(skew),
        )
        raise clock_refusal(skew, stamp, window)
    try:
        with write_transaction(engine) as conn:
            conn.execute(
                delete(RequestNonce).where(
                    RequestNonce.device_id == device.id, RequestNonce.expires_at < now
                )
            )
            conn.execute(
                insert(RequestNonce).values(
                    device_id=device.id,
                    nonce=nonce,
                    expires_at=now + 2 * window,
                    body_hash=body_hash,
                )
            )
    except IntegrityError as exc:
        if body_hash is not None and _seen_body(engine, device.id, nonce) == body_hash:
            return
        audit.record_refusal(
            engine, "replayed_request", device_id=device.id, remote_addr=remote, group="replayed"
        )
        raise Refused("replayed_request", REPLAYED, 401) from exc


def _seen_body(engine: Engine, device_id: int, nonce: str) -> str | None:
    """The body hash first sent with this nonce (None for a pull's nonce)."""
    t = RequestNonce.__table__.c
    with engine.connect() as conn:
        found = conn.execute(
            select(t.body_hash).where(t.device_id == device_id, t.nonce == nonce)
        ).scalar()
    return None if found is None else str(found)


def clock_refusal(skew_s: float, stamp: str, window: timedelta) -> Refused:
    """The refusal naming which way and how far the device's clock is off (each length a number
    and a unit word, which a counter translates as a label)."""
    size, size_unit = duration_parts(abs(skew_s))
    longest, longest_unit = duration_parts(window.total_seconds())
    params: dict[str, str | int] = {
        "size": size,
        "size_unit": size_unit,
        "device_time": parse_time(stamp).strftime("%d/%m/%Y %H:%M"),
        "window": longest,
        "window_unit": longest_unit,
    }
    template = CLOCK_AHEAD if skew_s > 0 else CLOCK_BEHIND
    return Refused("device_clock_wrong", template, 409, params=params)
