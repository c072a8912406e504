"""A refusal the caller can show: a machine code, a Vietnamese message and an HTTP status.

A message with values in it is a template with named fields plus `params` (text or whole numbers):
the reply carries the formatted message and, beside it, the template and the values, so a counter
can show it in the clerk's language (counter_protocol/refusal.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from counter_protocol.errors import UserError
from counter_protocol.refusal import refusal_body, wire_values


class Refused(UserError):
    """The server refused a request: `code` (sent on the wire), `message` and HTTP `status`."""

    default_code = "refused"
    exit_code = 1  # `counter-server` commands end with 1 on a refusal

    def __init__(
        self,
        code: str,
        message: str,
        status: int = 400,
        headers: Mapping[str, str] | None = None,
        *,
        params: Mapping[str, object] | None = None,
    ) -> None:
        # Values become text or whole numbers here, so every refusal's reply can be JSON.
        super().__init__(message, code=code, params=wire_values(params or {}))
        self.status = status
        self.headers = dict(headers or {})  # e.g. Retry-After

    def body(self) -> bytes:
        """The JSON reply: code, Vietnamese message, and its template and values if it has any."""
        return refusal_body(self.code, self.message, self.template, self.params)
