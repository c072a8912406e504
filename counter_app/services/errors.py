"""Errors a service raises for the user to read (Vietnamese), as opposed to bugs."""

from __future__ import annotations


class ServiceError(Exception):
    """Something the user can act on: the message says what happened and what to do."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(ServiceError):
    pass


class NotReady(ServiceError):
    pass
