"""uvicorn's HTTP protocol with what it lacks for the open Internet: a deadline and a size cap for
the request line and headers.

uvicorn only times out idle keep-alive connections after a response; a client that opens a
connection and sends its headers a byte at a time (slow-loris) holds it forever, and a request
line that never ends is kept in memory whole. Here the head of each request must arrive within
`read_timeout` seconds of its first byte (of the connection, for the first request) and within
`HEAD_LIMIT` bytes; the body is the app's (counter_server/guard.py).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import orjson

from counter_server.limits import HEAD_LIMIT, ServeLimits

log = logging.getLogger("counter_server.http")

TOO_SLOW = "Yêu cầu gửi đến quá chậm nên máy chủ đã ngắt kết nối."
TOO_BIG = "Dòng yêu cầu và các trường tiêu đề quá dài; máy chủ không nhận."


def _raw_response(status: str, code: str, message: str) -> bytes:
    body = orjson.dumps({"error": code, "message": message})
    return (
        f"HTTP/1.1 {status}\r\ncontent-type: application/json\r\nconnection: close\r\n"
        f"content-length: {len(body)}\r\n\r\n"
    ).encode("ascii") + body


def protocol_class(limits: ServeLimits) -> Any:
    """The protocol class for `uvicorn.run(http=...)`; None if httptools is missing (then uvicorn
    runs its own, without these limits, and says so in the log)."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # pragma: no cover - httptools comes with uvicorn[standard]
        log.warning("httptools is missing: no deadline for request headers")
        return None

    class GuardedHttpToolsProtocol(HttpToolsProtocol):
        """Closes a connection whose request head is too slow (408) or too big (431)."""

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._head_timer: asyncio.TimerHandle | None = None
            self._head_bytes = 0
            self._in_head = True
            self._arm()

        def data_received(self, data: bytes) -> None:
            was_in_head = self._in_head
            super().data_received(data)
            # A chunk where a head began after a body is not counted: at most one read (256 KB
            # in asyncio) more than HEAD_LIMIT is ever held.
            if was_in_head and self._in_head and not self.transport.is_closing():
                self._head_bytes += len(data)
                if self._head_bytes > HEAD_LIMIT:
                    self._refuse("431 Request Header Fields Too Large", "head_too_large", TOO_BIG)

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._in_head, self._head_bytes = True, 0
            if self._head_timer is None:  # after a keep-alive pause, this request's own deadline
                self._arm()

        def on_headers_complete(self) -> None:
            self._in_head = False
            self._disarm()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._head_timer = self.loop.call_later(limits.read_timeout, self._head_too_slow)

        def _disarm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_too_slow(self) -> None:
            self._head_timer = None
            if self._in_head:
                self._refuse("408 Request Timeout", "too_slow", TOO_SLOW)

        def _refuse(self, status: str, code: str, message: str) -> None:
            self._disarm()
            if self.transport.is_closing():
                return
            if self.cycle is None or self.cycle.response_complete:  # nothing else is replying
                self.transport.write(_raw_response(status, code, message))
            self.transport.close()

    return GuardedHttpToolsProtocol
