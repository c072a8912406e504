"""The HTTP API (Starlette): enrolment, push, pull, admin and health; the dashboard's routes."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import logging
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib import resources
from typing import Any

import msgspec
from sqlalchemy import Engine, text, update
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from counter_protocol.batch import SUPPORTED_SCHEMA_VERSIONS, decode_batch
from counter_protocol.encoding import decode_json_object, sha256_hex
from counter_protocol.enrol import (
    EnrolRequest,
    EnrolRequestError,
    decode_enrol_request,
)
from counter_protocol.errors import ProtocolError
from counter_protocol.feed import DEFAULT_CHANGES_LIMIT, MAX_CHANGES_LIMIT
from counter_protocol.receipt import SignedReceipt
from counter_protocol.signing import Ed25519PrivateKey, public_key_b64, sign
from counter_protocol.timefmt import format_time
from counter_protocol.tracking import CLAIMS_PATH
from counter_protocol.transport import (
    CHANGES_PATH,
    DEVICE_HEADER,
    ENROL_PATH,
    HEALTH_PATH,
    PROTOCOL_VERSION,
    PUSH_PATH,
    SERVER_SIGNATURE_HEADER,
    TIME_HEADER,
    push_signing_bytes,
    request_signing_bytes,
)
from counter_server import admin, audit, dashboard, devices, web_session
from counter_server.auth import authenticate
from counter_server.changes import read_page
from counter_server.db import write_transaction
from counter_server.errors import Refused
from counter_server.guard import BodyGuard
from counter_server.ingest import ingest_batch
from counter_server.ingest.release import sweep_forever
from counter_server.keys import load_or_create_key
from counter_server.limits import ServeLimits
from counter_server.models import Device
from counter_server.replay import check_fresh, request_stamp
from counter_server.throttle import GuessThrottle

GC_YOUNG_THRESHOLD = 50_000  # allocations between young collections (CPython default: 700)
log = logging.getLogger("counter_server")
TOO_MANY_GUESSES = (
    "Máy này đã thử quá nhiều mã đăng ký không đúng. Hãy đợi {seconds} giây rồi "
    "thử lại, và kiểm tra mã với bộ phận CNTT."
)
# Refusals with values: the template goes on the wire beside the message (counter_server/errors.py).
BAD_BATCH = "Lô dữ liệu không đúng định dạng: {detail}"
BAD_FIELD = "Thiếu hoặc sai trường “{name}”."
NOT_AN_INTEGER = "Trường “{name}” phải là số nguyên."
BAD_COUNT = "Tham số “{name}” phải là số nguyên không âm."
UNEXPECTED = (
    "Máy chủ tỉnh gặp lỗi không lường trước khi xử lý yêu cầu này; lỗi đã được ghi lại. "
    "Hãy thử lại sau hoặc báo bộ phận CNTT tỉnh."
)
_ENCODER = msgspec.json.Encoder()


@dataclass(frozen=True)
class Context:
    engine: Engine
    key: Ed25519PrivateKey
    public_key: str
    guesses: GuessThrottle
    clock_window: timedelta  # a signed request's time may differ from the server's this much


def _json(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """A JSON reply: plain values or the protocol's structs (receipts, enrolment replies)."""
    return Response(_ENCODER.encode(data), status, headers, media_type="application/json")


def _ctx(request: Request) -> Context:
    return _ctx_of(request.app)


def _remote(request: Request) -> str | None:
    return request.client.host if request.client else None


async def _body(request: Request) -> bytes:
    """The body, already received whole and within its route's cap by guard.BodyGuard."""
    return await request.body()


async def _json_body(request: Request) -> dict[str, Any]:
    try:
        return decode_json_object(await _body(request))
    except ProtocolError as exc:
        raise Refused("bad_request", "Nội dung yêu cầu không phải JSON hợp lệ.") from exc


# -- device endpoints --------------------------------------------------------------------------


async def health(request: Request) -> Response:
    ctx = _ctx(request)

    def check() -> None:
        with ctx.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    await run_in_threadpool(check)
    return _json(
        {
            "status": "ok",
            "server_public_key": ctx.public_key,
            "server_time": format_time(datetime.now(UTC)),
            "protocol_version": PROTOCOL_VERSION,
            "schema_versions": sorted(SUPPORTED_SCHEMA_VERSIONS),
        }
    )


async def openapi_document(request: Request) -> Response:
    """The hand-written description of these routes (counter_server/openapi.json)."""
    return Response(_openapi_bytes(), media_type="application/json")


@functools.cache
def _openapi_bytes() -> bytes:
    return resources.files("counter_server").joinpath("openapi.json").read_bytes()


async def enrol(request: Request) -> Response:
    ctx, remote = _ctx(request), _remote(request)
    wait = ctx.guesses.retry_after(remote)
    if wait:  # refused before the code is even looked at: guessing learns nothing meanwhile
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
    try:
        req = _enrol_request(await _body(request))
        reply = await run_in_threadpool(devices.enrol, ctx.engine, req, ctx.public_key)
        await run_in_threadpool(
            devices.record_enrol_skew,
            ctx.engine,
            reply.device_id,
            request.headers.get(TIME_HEADER),
            datetime.now(UTC),
        )
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
    return _json(reply)


async def push(request: Request) -> Response:
    ctx, body = _ctx(request), await _body(request)
    signed = await run_in_threadpool(_push, ctx, request.headers, body, _remote(request))
    return _json(signed)


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
    return ingest_batch(ctx.engine, ctx.key, device, batch, len(body))


async def tracking_claims(request: Request) -> Response:
    """Imported tracking numbers a PC claims as its own; the reply is signed like a page."""
    from counter_server.claims import handle_claim

    ctx, body = _ctx(request), await _body(request)
    reply = await run_in_threadpool(
        handle_claim, ctx.engine, request.headers, body, _remote(request), ctx.clock_window
    )
    encoded = _ENCODER.encode(reply)
    return Response(
        encoded,
        media_type="application/json",
        headers={SERVER_SIGNATURE_HEADER: sign(ctx.key, encoded)},
    )


async def changes(request: Request) -> Response:
    ctx = _ctx(request)
    query = request.scope.get("query_string", b"").decode("latin-1")
    target = request.url.path + (f"?{query}" if query else "")
    cursor = _query_int(request, "cursor", 0)
    limit = min(_query_int(request, "limit", DEFAULT_CHANGES_LIMIT), MAX_CHANGES_LIMIT)
    body = await run_in_threadpool(
        _pull,
        ctx,
        request.headers,
        target,
        cursor,
        max(1, limit),
        _remote(request),
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
    with write_transaction(ctx.engine) as conn:
        conn.execute(
            update(Device)
            .where(Device.__table__.c.id == device.id)
            .values(last_seen_at=datetime.now(UTC))
        )
    return _ENCODER.encode(page)


# -- admin endpoints ---------------------------------------------------------------------------


async def _admin(request: Request) -> tuple[Context, str]:
    ctx = _ctx(request)
    try:
        name = await run_in_threadpool(
            admin.check_admin_token, ctx.engine, request.headers.get("authorization")
        )
    except Refused as exc:
        await run_in_threadpool(
            audit.record_refusal,
            ctx.engine,
            "admin_refused",
            remote_addr=_remote(request),
            group=exc.code,
            path=request.url.path[:200],
        )
        raise
    return ctx, name


async def dossier_status(request: Request) -> Response:
    ctx, token_name = await _admin(request)
    raw = await _json_body(request)
    target = admin.parse_status(raw.get("status"))
    note = raw.get("note") if isinstance(raw.get("note"), str) else None
    actor = str(raw["actor"]) if isinstance(raw.get("actor"), str) else token_name
    result = await run_in_threadpool(
        admin.set_dossier_status, ctx.engine, request.path_params["code"], target, note, actor
    )
    return _json(result)


async def enrol_code(request: Request) -> Response:
    ctx, _ = await _admin(request)
    raw = await _json_body(request)
    ttl = devices.DEFAULT_CODE_TTL
    if raw.get("ttl_minutes") is not None:
        ttl = devices.code_ttl(_int(raw, "ttl_minutes"))
    code, expires = await run_in_threadpool(
        devices.new_enrol_code, ctx.engine, _text(raw, "unit_code"), ttl
    )
    return _json({"code": code, "unit_code": raw["unit_code"], "expires_at": format_time(expires)})


async def revoke_device(request: Request) -> Response:
    ctx, _ = await _admin(request)
    device_id = request.path_params["device_id"]
    info = await run_in_threadpool(devices.revoke, ctx.engine, device_id, "admin api")
    return _json({"device_id": info.id, "status": devices.REVOKED})


# -- plumbing ----------------------------------------------------------------------------------


def _text(raw: dict[str, Any], name: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str):
        raise Refused("bad_request", BAD_FIELD, params={"name": name})
    return value


def _int(raw: dict[str, Any], name: str) -> int:
    value = raw.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise Refused("bad_request", NOT_AN_INTEGER, params={"name": name})
    return value


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


def _query_int(request: Request, name: str, default: int) -> int:
    value = request.query_params.get(name)
    if value is None:
        return default
    if not (value.isascii() and value.isdigit()) or len(value) > 18:  # not "²": int() fails
        raise Refused("bad_request", BAD_COUNT, params={"name": name})
    return int(value)


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    return Response(exc.body(), exc.status, exc.headers, media_type="application/json")


async def _unexpected(request: Request, exc: Exception) -> Response:
    """A bug: the client gets a Vietnamese 500 in the API's shape, never a traceback; the
    traceback goes to the server log (Starlette re-raises after this reply, uvicorn logs it)."""
    log.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path)
    return _json({"error": "internal_error", "message": UNEXPECTED}, 500)


_HTTP_ERRORS = {
    404: ("not_found", "Không có địa chỉ này trên máy chủ đồng bộ."),
    405: ("method_not_allowed", "Địa chỉ này không nhận kiểu yêu cầu đó."),
}


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own refusals (no such path, wrong method) in the API's shape, in Vietnamese."""
    assert isinstance(exc, HTTPException)
    code, message = _HTTP_ERRORS.get(exc.status_code, ("http_error", "Yêu cầu không hợp lệ."))
    return _json({"error": code, "message": message}, exc.status_code, exc.headers)


def app_from_env() -> Starlette:
    """The app on the database named by COUNTER_SERVER_DB (uvicorn factory for --workers)."""
    from counter_server.db import default_db_url, make_engine

    app = create_app(make_engine(default_db_url()), ServeLimits.from_env())
    tune_gc()
    return app


def tune_gc() -> None:
    """For a serving process: a pushed batch is ~50k short-lived JSON containers, and with the
    default thresholds the collector rescans them (and every module object) many times per batch:
    ~10 µs of ~55 µs CPU per ingested dossier. Freeze what start-up made; collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, 20, 100)


@contextlib.asynccontextmanager
async def _lifespan(app: Starlette) -> AsyncIterator[None]:
    """While serving: settle ops held past their limit now and then (ingest/release.py)."""
    sweeper = asyncio.create_task(sweep_forever(_ctx_of(app).engine))
    try:
        yield
    finally:
        sweeper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sweeper


def _ctx_of(app: Starlette) -> Context:
    ctx: Context = app.state.ctx
    return ctx


def create_app(engine: Engine, limits: ServeLimits | None = None) -> Starlette:
    """The ASGI app on an already migrated database."""
    limits = limits or ServeLimits()
    key = load_or_create_key(engine)
    routes = [
        Route(HEALTH_PATH, health),
        Route("/openapi.json", openapi_document),
        Route(ENROL_PATH, enrol, methods=["POST"]),
        Route(PUSH_PATH, push, methods=["POST"]),
        Route(CHANGES_PATH, changes),
        Route(CLAIMS_PATH, tracking_claims, methods=["POST"]),
        *dashboard.routes(),
        Route("/admin/v1/dossiers/{code}/status", dossier_status, methods=["POST"]),
        Route("/admin/v1/enrol-codes", enrol_code, methods=["POST"]),
        Route("/admin/v1/devices/{device_id:int}/revoke", revoke_device, methods=["POST"]),
    ]
    handlers = {Refused: _refused, HTTPException: _http_error, Exception: _unexpected}
    app = Starlette(
        routes=routes,
        exception_handlers=handlers,
        lifespan=_lifespan,
        middleware=[Middleware(BodyGuard, limits=limits)],
    )
    app.state.ctx = Context(
        engine,
        key,
        public_key_b64(key),
        GuessThrottle(limits.enrol_guesses),
        timedelta(seconds=limits.clock_window),
    )
    app.state.dashboard = dashboard.DashboardConfig(engine, web_session.session_secret(key))
    return app
