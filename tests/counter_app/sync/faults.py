"""Network faults between a real client and the real server, as an httpx transport."""

from __future__ import annotations

import random

import httpx

from counter_protocol.transport import PUSH_PATH


class FaultTransport(httpx.BaseTransport):
    """Forwards to the server, but may lose replies, repeat pushes or change a byte of one.

    `lose_replies`: probability that a push reply is dropped AFTER the server committed it.
    `repeat`: each push is delivered this many times; the client sees the last reply.
    `tamper`: this many pushes get one byte changed after signing.
    Every push body (as the client signed it) is kept in `pushes`, with its headers.
    """

    def __init__(
        self, *, lose_replies: float = 0.0, repeat: int = 1, tamper: int = 0, seed: int = 0
    ) -> None:
        self.inner = httpx.HTTPTransport()
        self.rng = random.Random(seed)
        self.lose_replies, self.repeat, self.tamper = lose_replies, repeat, tamper
        self.pushes: list[tuple[dict[str, str], bytes]] = []
        self.lost = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path != PUSH_PATH:
            return self._forward(request, request.read())
        body = request.read()
        self.pushes.append((dict(request.headers), body))
        if self.tamper > 0:
            self.tamper -= 1
            body = flip_byte(body, self.rng)
        for _ in range(self.repeat - 1):
            self._forward(request, body)
        reply = self._forward(request, body)
        if self.rng.random() < self.lose_replies:
            self.lost += 1
            raise httpx.ReadError("reply lost on the way back", request=request)
        return reply

    def _forward(self, request: httpx.Request, body: bytes) -> httpx.Response:
        copy = httpx.Request(request.method, request.url, headers=request.headers, content=body)
        reply = self.inner.handle_request(copy)
        try:
            content = reply.read()
        finally:
            reply.close()
        return httpx.Response(reply.status_code, headers=reply.headers, content=content)

    def close(self) -> None:
        self.inner.close()


def flip_byte(body: bytes, rng: random.Random) -> bytes:
    index = rng.randrange(len(body))
    return body[:index] + bytes([body[index] ^ 0x01]) + body[index + 1 :]
