"""Split a JSON object or array into its members' raw bytes without recursing into them.

The C decoders refuse nesting past ~1,000 levels as a whole; this scan skips nesting of any
depth in a loop, so one deeply nested op can be set apart (and quarantined) while the rest of
its batch is read normally. It does not validate: each member is decoded afterwards.
"""

from __future__ import annotations

import re

import orjson

from counter_protocol.errors import ProtocolError

# A whole string (escapes included) or one structural character; everything else is skipped.
_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{},:]', re.DOTALL)
_OPEN, _CLOSE = (b"{", b"["), (b"}", b"]")


def members(data: bytes) -> list[tuple[str | None, bytes]]:
    """(key, raw value) of each member of an object, (None, raw item) of each array item."""
    text = data.strip()
    if text[:1] not in _OPEN:
        raise ProtocolError("expected a JSON object or array")
    depth, start, key = 0, 0, None
    out: list[tuple[str | None, bytes]] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in _OPEN:
            depth += 1
            start = match.end() if depth == 1 else start
        elif token in _CLOSE:
            depth -= 1
            if depth == 0:
                _flush(out, key, text[start : match.start()], closing=True)
                if text[match.end() :].strip():
                    raise ProtocolError("data after the end of the JSON value")
                return out
        elif depth == 1 and token == b",":
            _flush(out, key, text[start : match.start()], closing=False)
            start, key = match.end(), None
        elif depth == 1 and token == b":":
            key = _key(text[start : match.start()])
            start = match.end()
    raise ProtocolError("unterminated JSON value")


def _key(raw: bytes) -> str:
    try:
        key = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ProtocolError("an object key is not a JSON string") from exc
    if not isinstance(key, str):
        raise ProtocolError("an object key is not a JSON string")
    return key


def _flush(
    out: list[tuple[str | None, bytes]], key: str | None, raw: bytes, *, closing: bool
) -> None:
    value = raw.strip()
    if not value:
        if closing and not out and key is None:
            return  # {} or []
        raise ProtocolError("an empty member")
    out.append((key, value))
