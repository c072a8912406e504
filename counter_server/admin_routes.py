"""The admin API, for IT's scripts: set a dossier's province status, issue an enrolment code,
revoke a device. Every call carries an admin token (counter-server admin-token); a refused one is
written to the audit log."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from counter_protocol.timefmt import format_time
from counter_server import admin, audit, devices
from counter_server.api_context import Context, json_body, json_reply, remote_addr, request_context
from counter_server.api_fields import int_field, text_field
from counter_server.errors import Refused


async def _admin(request: Request) -> tuple[Context, str]:
    """The context and the name of the request's admin token; Refused (and audited) without one."""
    ctx = request_context(request)
    try:
        name = await run_in_threadpool(
            admin.check_admin_token, ctx.engine, request.headers.get("authorization")
        )
    except Refused as exc:
        await run_in_threadpool(
            audit.record_refusal,
            ctx.engine,
            "admin_refused",
            remote_addr=remote_addr(request),
            group=exc.code,
            path=request.url.path[:200],
        )
        raise
    return ctx, name


async def dossier_status(request: Request) -> Response:
    ctx, token_name = await _admin(request)
    raw = await json_body(request)
    target = admin.parse_status(raw.get("status"))
    note = raw.get("note") if isinstance(raw.get("note"), str) else None
    actor = str(raw["actor"]) if isinstance(raw.get("actor"), str) else token_name
    result = await run_in_threadpool(
        admin.set_dossier_status, ctx.engine, request.path_params["code"], target, note, actor
    )
    return json_reply(result)


async def enrol_code(request: Request) -> Response:
    ctx, _ = await _admin(request)
    raw = await json_body(request)
    ttl = devices.DEFAULT_CODE_TTL
    if raw.get("ttl_minutes") is not None:
        ttl = devices.code_ttl(int_field(raw, "ttl_minutes"))
    code, expires = await run_in_threadpool(
        devices.new_enrol_code, ctx.engine, text_field(raw, "unit_code"), ttl
    )
    return json_reply(
        {"code": code, "unit_code": raw["unit_code"], "expires_at": format_time(expires)}
    )


async def revoke_device(request: Request) -> Response:
    ctx, _ = await _admin(request)
    device_id = request.path_params["device_id"]
    info = await run_in_threadpool(devices.revoke, ctx.engine, device_id, "admin api")
    return json_reply({"device_id": info.id, "status": devices.REVOKED})
