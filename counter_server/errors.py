"""A refusal the caller can show: a machine code, a Vietnamese message and an HTTP status."""

from __future__ import annotations

from collections.abc import Mapping

from counter_protocol.errors import UserError


class Refused(UserError):
    """The server refused a request: `code` (sent on the wire), `message` and HTTP `status`."""

    default_code = "refused"
    exit_code = 1  # `counter-server` commands end with 1 on a refusal

    def __init__(
        self, code: str, message: str, status: int = 400, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.headers = dict(headers or {})  # e.g. Retry-After
