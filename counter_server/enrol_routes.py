"""The enrolment route: a counter PC trades a one-time code for its device id; wrong codes are
counted per address and, past the limit, refused before the code is even looked at."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from counter_protocol.enrol import EnrolReply, EnrolRequest, EnrolRequestError, decode_enrol_request
from counter_protocol.transport import TIME_HEADER
from counter_server import audit, devices
from counter_server.api_context import (
    Context,
    json_reply,
    remote_addr,
    request_body,
    request_context,
)
from counter_server.api_fields import BAD_FIELD, NOT_AN_INTEGER
from counter_server.errors import Refused

TOO_MANY_GUESSES = (
    "Máy này đã thử quá nhiều mã đăng ký không đúng. Hãy đợi {seconds} giây rồi "
    "thử lại, và kiểm tra mã với bộ phận CNTT."
)


async def enrol(request: Request) -> Response:
    ctx, remote = request_context(request), remote_addr(request)
    await _refuse_while_throttled(ctx, remote)
    try:
        reply = await _enrol_device(ctx, request)
    except Refused as exc:
        if exc.code == devices.BAD_CODE:
            ctx.guesses.failed(remote)
        await run_in_threadpool(
            audit.record_refusal,
            ctx.engine,
            "enrol_refused",
            remote_addr=remote,
            group=exc.code,
            reason=exc.code,
        )
        raise
    return json_reply(reply)


async def _refuse_while_throttled(ctx: Context, remote: str | None) -> None:
    """Refused before the code is even looked at: guessing learns nothing meanwhile."""
    wait = ctx.guesses.retry_after(remote)
    if not wait:
        return
    await run_in_threadpool(
        audit.record_refusal,
        ctx.engine,
        "enrol_throttled",
        remote_addr=remote,
        group="throttled",
    )
    raise Refused(
        "too_many_guesses",
        TOO_MANY_GUESSES,
        429,
        {"Retry-After": str(wait)},
        params={"seconds": wait},
    )


async def _enrol_device(ctx: Context, request: Request) -> EnrolReply:
    req = _enrol_request(await request_body(request))
    reply = await run_in_threadpool(devices.enrol, ctx.engine, req, ctx.public_key)
    await run_in_threadpool(
        devices.record_enrol_skew,
        ctx.engine,
        reply.device_id,
        request.headers.get(TIME_HEADER),
        datetime.now(UTC),
    )
    return reply


def _enrol_request(body: bytes) -> EnrolRequest:
    """The enrolment request in the body, its device uuid in canonical form; Refused naming the
    field at fault."""
    try:
        req = decode_enrol_request(body)
    except EnrolRequestError as exc:
        if exc.field is None:
            raise Refused("bad_request", "Nội dung yêu cầu không phải JSON hợp lệ.") from exc
        if exc.field == "slot":
            raise Refused("bad_request", NOT_AN_INTEGER, params={"name": "slot"}) from exc
        raise Refused("bad_request", BAD_FIELD, params={"name": exc.field}) from exc
    try:
        req.device_uuid = str(uuid.UUID(req.device_uuid))
    except ValueError as exc:
        raise Refused("bad_request", "Trường “device_uuid” phải là UUID.") from exc
    return req
