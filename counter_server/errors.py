"""A refusal the caller can show: a machine code, a Vietnamese message and an HTTP status."""

from __future__ import annotations

from collections.abc import Mapping


class Refused(Exception):
    def __init__(self, code: str, message: str, status: int = 400,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.headers = dict(headers or {})  # e.g. Retry-After
