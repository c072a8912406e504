"""What every API route reads from its request and how it answers: the serving process's shared
state (`Context`, on `app.state.ctx`), the body, the client's address and JSON replies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import msgspec
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response

from counter_protocol.encoding import decode_json_object
from counter_protocol.errors import ProtocolError
from counter_protocol.signing import Ed25519PrivateKey
from counter_server.errors import Refused
from counter_server.throttle import GuessThrottle

ENCODER = msgspec.json.Encoder()


@dataclass(frozen=True)
class Context:
    engine: Engine
    key: Ed25519PrivateKey
    public_key: str
    guesses: GuessThrottle
    clock_window: timedelta  # a signed request's time may differ from the server's this much


def json_reply(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """A JSON reply: plain values or the protocol's structs (receipts, enrolment replies)."""
    return Response(ENCODER.encode(data), status, headers, media_type="application/json")


def context_of(app: Starlette) -> Context:
    ctx: Context = app.state.ctx
    return ctx


def request_context(request: Request) -> Context:
    return context_of(request.app)


def remote_addr(request: Request) -> str | None:
    return request.client.host if request.client else None


async def request_body(request: Request) -> bytes:
    """The body, already received whole and within its route's cap by guard.BodyGuard."""
    return await request.body()


async def json_body(request: Request) -> dict[str, Any]:
    try:
        return decode_json_object(await request_body(request))
    except ProtocolError as exc:
        raise Refused("bad_request", "Nội dung yêu cầu không phải JSON hợp lệ.") from exc
