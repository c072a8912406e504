"""Receive every request body under its route's cap and time limit before any route sees it.

The body is read here, in full, while counting: a declared Content-Length over the cap is refused
unread, a chunked (or lying) stream is cut the moment it passes the cap, and a body that stops
arriving at a useful rate is cut at its deadline. Routes then get the whole body at once, so no
authentication, database or decompression work starts for a body that was never going to fit.
Batches also take one of a few upload slots for as long as they are received and ingested, so
the bytes held at once stay bounded; a batch that finds none free within `upload_wait` gets 503.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counter_protocol.refusal import refusal_body, wire_values
from counter_server.limits import MIN_BODY_RATE, UPLOAD_RETRY_AFTER, ServeLimits, body_limit
from counter_server.limits import is_upload as _is_upload

TOO_LARGE = "Dữ liệu gửi lên vượt quá giới hạn {size} của địa chỉ này; máy chủ không nhận."
TOO_SLOW = "Dữ liệu gửi lên đến quá chậm nên máy chủ đã ngắt kết nối. Hãy thử lại sau."
BUSY = (
    "Máy chủ tỉnh đang nhận quá nhiều lô dữ liệu cùng lúc. Phần mềm sẽ tự gửi lại sau "
    "{seconds} giây."
)


class _Refusal(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        template: str,
        headers: dict[str, str],
        params: dict[str, object] | None = None,
    ) -> None:
        super().__init__(code)
        self.status, self.code, self.headers = status, code, headers
        self.template, self.params = template, wire_values(params or {})
        self.message = template.format(**self.params) if self.params else template


def _size(limit: int) -> str:
    return f"{limit // 1048576} MB" if limit >= 1048576 else f"{limit // 1024} KB"


class BodyGuard:
    """ASGI middleware: the body caps, read deadline and upload slots of `ServeLimits`."""

    def __init__(self, app: ASGIApp, limits: ServeLimits) -> None:
        self.app = app
        self.limits = limits
        self._slots: asyncio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        try:
            async with self._upload_slot(_is_upload(path)):
                body = await self._read(scope, receive, body_limit(path))
                if body is None:  # the client went away
                    return
                await self.app(scope, _replay(body, receive), send)
        except _Refusal as refusal:
            await _send_refusal(send, refusal)

    @contextlib.asynccontextmanager
    async def _upload_slot(self, needed: bool) -> AsyncIterator[None]:
        if not needed:
            yield
            return
        if self._slots is None:  # made here, inside the serving event loop
            self._slots = asyncio.Semaphore(self.limits.max_uploads)
        busy = _Refusal(
            503,
            "busy",
            BUSY,
            {"Retry-After": str(UPLOAD_RETRY_AFTER)},
            {"seconds": UPLOAD_RETRY_AFTER},
        )
        if self._slots.locked() and self.limits.upload_wait == 0:
            raise busy
        try:  # (wait_for with no time left would cancel even a free slot's acquire)
            async with asyncio.timeout(self.limits.upload_wait or None):
                await self._slots.acquire()
        except TimeoutError:
            raise busy from None
        try:
            yield
        finally:
            self._slots.release()

    async def _read(self, scope: Scope, receive: Receive, limit: int) -> bytes | None:
        """The whole body, or None if the client disconnected; _Refusal when over the limits."""
        too_large = _Refusal(413, "too_large", TOO_LARGE, {}, {"size": _size(limit)})
        if _declared_length(scope) > limit:
            raise too_large
        chunks: list[bytes] = []
        received, started = 0, time.monotonic()
        while True:
            deadline = started + self.limits.read_timeout + received / MIN_BODY_RATE
            try:
                async with asyncio.timeout(max(0.0, deadline - time.monotonic())):
                    message = await receive()
            except TimeoutError:
                raise _Refusal(408, "too_slow", TOO_SLOW, {}) from None
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > limit:
                raise too_large
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def _declared_length(scope: Scope) -> int:
    """The Content-Length the client declared (0 if none); garbage counts as too large."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() and len(value) < 19 else 1 << 62
    return 0


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive channel that hands over the body read already, then the client's own events."""
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if delivered:
            return await receive()
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def _send_refusal(send: Send, refusal: _Refusal) -> None:
    """The API's Vietnamese refusal; the connection is closed after it, so nothing more of the
    body is read (uvicorn closes on `Connection: close`)."""
    payload = refusal_body(refusal.code, refusal.message, refusal.template, refusal.params)
    headers = [
        (b"content-type", b"application/json"),
        (b"connection", b"close"),
        (b"content-length", str(len(payload)).encode()),
    ]
    headers += [(k.lower().encode(), v.encode()) for k, v in refusal.headers.items()]
    await send({"type": "http.response.start", "status": refusal.status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
