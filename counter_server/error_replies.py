"""How a request that went wrong is answered, always as `{"error": code, "message": …}` in
Vietnamese: a refusal with its own code and status, Starlette's 404 and 405, and a bug as a 500
that never shows its traceback."""

from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ExceptionHandler

from counter_server.api_context import json_reply
from counter_server.errors import Refused

log = logging.getLogger("counter_server")
UNEXPECTED = (
    "Máy chủ tỉnh gặp lỗi không lường trước khi xử lý yêu cầu này; lỗi đã được ghi lại. "
    "Hãy thử lại sau hoặc báo bộ phận CNTT tỉnh."
)
_HTTP_ERRORS = {
    404: ("not_found", "Không có địa chỉ này trên máy chủ đồng bộ."),
    405: ("method_not_allowed", "Địa chỉ này không nhận kiểu yêu cầu đó."),
}


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    return Response(exc.body(), exc.status, exc.headers, media_type="application/json")


async def _unexpected(request: Request, exc: Exception) -> Response:
    """A bug: the client gets a Vietnamese 500 in the API's shape, never a traceback; the
    traceback goes to the server log (Starlette re-raises after this reply, uvicorn logs it)."""
    log.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path)
    return json_reply({"error": "internal_error", "message": UNEXPECTED}, 500)


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own refusals (no such path, wrong method) in the API's shape, in Vietnamese."""
    assert isinstance(exc, HTTPException)
    code, message = _HTTP_ERRORS.get(exc.status_code, ("http_error", "Yêu cầu không hợp lệ."))
    return json_reply({"error": code, "message": message}, exc.status_code, exc.headers)


def exception_handlers() -> dict[type[Exception], ExceptionHandler]:
    """Starlette's `exception_handlers`: the most specific class that matches answers."""
    return {Refused: _refused, HTTPException: _http_error, Exception: _unexpected}
