"""The routes anyone may ask, signed or not: health (the server's key, time and protocol) and the
hand-written OpenAPI description of the API."""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from importlib import resources

from sqlalchemy import text
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from counter_protocol.batch import SUPPORTED_SCHEMA_VERSIONS
from counter_protocol.timefmt import format_time
from counter_protocol.transport import PROTOCOL_VERSION
from counter_server.api_context import json_reply, request_context


async def health(request: Request) -> Response:
    ctx = request_context(request)

    def check() -> None:
        with ctx.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    await run_in_threadpool(check)
    return json_reply(
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
