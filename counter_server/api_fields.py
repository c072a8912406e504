"""Reading one field of a JSON body or one query parameter, refusing with the field's name when
it is missing or of the wrong kind."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from counter_server.errors import Refused

# Refusals with values: the template goes on the wire beside the message (counter_server/errors.py).
BAD_FIELD = "Thiếu hoặc sai trường “{name}”."
NOT_AN_INTEGER = "Trường “{name}” phải là số nguyên."
BAD_COUNT = "Tham số “{name}” phải là số nguyên không âm."


def text_field(raw: dict[str, Any], name: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str):
        raise Refused("bad_request", BAD_FIELD, params={"name": name})
    return value


def int_field(raw: dict[str, Any], name: str) -> int:
    value = raw.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise Refused("bad_request", NOT_AN_INTEGER, params={"name": name})
    return value


def query_int(request: Request, name: str, default: int) -> int:
    value = request.query_params.get(name)
    if value is None:
        return default
    if not (value.isascii() and value.isdigit()) or len(value) > 18:  # not "²": int() fails
        raise Refused("bad_request", BAD_COUNT, params={"name": name})
    return int(value)
