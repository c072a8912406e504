"""The routes an enrolled counter PC syncs through, each request signed with its key: push a
batch (answered by a signed receipt), pull the changes feed and claim tracking numbers (answered
by a signed page)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import update
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from counter_protocol.batch import SUPPORTED_SCHEMA_VERSIONS, Batch, decode_batch
from counter_protocol.encoding import sha256_hex
from counter_protocol.errors import ProtocolError
from counter_protocol.feed import DEFAULT_CHANGES_LIMIT, MAX_CHANGES_LIMIT
from counter_protocol.receipt import SignedReceipt
from counter_protocol.signing import sign
from counter_protocol.transport import (
    DEVICE_HEADER,
    SERVER_SIGNATURE_HEADER,
    push_signing_bytes,
    request_signing_bytes,
)
from counter_server import audit
from counter_server.api_context import (
    ENCODER,
    Context,
    json_reply,
    remote_addr,
    request_body,
    request_context,
)
from counter_server.api_fields import query_int
from counter_server.auth import authenticate
from counter_server.changes import read_page
from counter_server.db import write_transaction
from counter_server.devices import DeviceInfo
from counter_server.errors import Refused
from counter_server.ingest.service import ingest_batch
from counter_server.models import Device
from counter_server.replay import check_fresh, request_stamp

# A refusal with a value: its template goes on the wire beside the message (see errors.py).
BAD_BATCH = "Lô dữ liệu không đúng định dạng: {detail}"


async def push(request: Request) -> Response:
    ctx, body = request_context(request), await request_body(request)
    signed = await run_in_threadpool(_push, ctx, request.headers, body, remote_addr(request))
    return json_reply(signed)


def _push(
    ctx: Context, headers: Mapping[str, str], body: bytes, remote: str | None
) -> SignedReceipt:
    stamped = request_stamp(headers)
    device_id = headers.get(DEVICE_HEADER, "")
    signed = push_signing_bytes(device_id, *stamped, body) if stamped else None
    device = authenticate(ctx.engine, headers, signed, remote, "push", audit_body=body)
    assert stamped is not None  # authenticate refused the request otherwise
    check_fresh(
        ctx.engine,
        device,
        *stamped,
        datetime.now(UTC),
        ctx.clock_window,
        remote,
        body_hash=sha256_hex(body),
    )
    batch = _pushed_batch(ctx, device, body, remote)
    return ingest_batch(ctx.engine, ctx.key, device, batch, len(body))


def _pushed_batch(ctx: Context, device: DeviceInfo, body: bytes, remote: str | None) -> Batch:
    """The batch in the body, sent by `device` in a schema this server reads; Refused if not."""
    try:
        batch = decode_batch(body)
        if batch.device_id != device.id:
            raise ProtocolError("device_id in the batch differs from the header")
    except ProtocolError as exc:
        audit.record_refusal(
            ctx.engine, "bad_batch", device_id=device.id, remote_addr=remote, reason=str(exc)[:300]
        )
        raise Refused("bad_batch", BAD_BATCH, params={"detail": str(exc)}) from exc
    if batch.schema_version not in SUPPORTED_SCHEMA_VERSIONS:
        raise Refused(
            "schema_unsupported",
            "Phiên bản dữ liệu của phần mềm trên máy không được "
            "máy chủ hỗ trợ. Hãy cập nhật phần mềm.",
            409,
        )
    return batch


async def tracking_claims(request: Request) -> Response:
    """Imported tracking numbers a PC claims as its own; the reply is signed like a page."""
    from counter_server.claims import handle_claim

    ctx, body = request_context(request), await request_body(request)
    reply = await run_in_threadpool(
        handle_claim, ctx.engine, request.headers, body, remote_addr(request), ctx.clock_window
    )
    encoded = ENCODER.encode(reply)
    return Response(
        encoded,
        media_type="application/json",
        headers={SERVER_SIGNATURE_HEADER: sign(ctx.key, encoded)},
    )


async def changes(request: Request) -> Response:
    ctx = request_context(request)
    query = request.scope.get("query_string", b"").decode("latin-1")
    target = request.url.path + (f"?{query}" if query else "")
    cursor = query_int(request, "cursor", 0)
    limit = min(query_int(request, "limit", DEFAULT_CHANGES_LIMIT), MAX_CHANGES_LIMIT)
    body = await run_in_threadpool(
        _pull,
        ctx,
        request.headers,
        target,
        cursor,
        max(1, limit),
        remote_addr(request),
        request.query_params,
    )
    return Response(
        body, media_type="application/json", headers={SERVER_SIGNATURE_HEADER: sign(ctx.key, body)}
    )


def _pull(
    ctx: Context,
    headers: Mapping[str, str],
    target: str,
    cursor: int,
    limit: int,
    remote: str | None,
    query: Mapping[str, str] | None = None,
) -> bytes:
    stamped = request_stamp(headers)
    device_id = headers.get(DEVICE_HEADER, "")
    signed = request_signing_bytes("GET", target, device_id, *stamped) if stamped else None
    device = authenticate(ctx.engine, headers, signed, remote, "pull")
    assert stamped is not None  # authenticate refused the request otherwise
    check_fresh(ctx.engine, device, *stamped, datetime.now(UTC), ctx.clock_window, remote)
    with ctx.engine.connect() as conn:
        page = read_page(
            conn,
            device.unit_code,
            cursor,
            limit,
            (query or {}).get("cursor_id"),
            (query or {}).get("probe"),
        )
    _mark_seen(ctx, device)
    return ENCODER.encode(page)


def _mark_seen(ctx: Context, device: DeviceInfo) -> None:
    with write_transaction(ctx.engine) as conn:
        conn.execute(
            update(Device)
            .where(Device.__table__.c.id == device.id)
            .values(last_seen_at=datetime.now(UTC))
        )
