"""A refusal the caller can show: a machine code, a Vietnamese message and an HTTP status."""

from __future__ import annotations


class Refused(Exception):
    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
