"""Errors a service raises for the user to read (Vietnamese), as opposed to bugs."""

from __future__ import annotations

from collections.abc import Mapping

from counter_protocol.errors import UserError


class ServiceError(UserError):
    """A request a use case refused: the message says what happened and what to do."""

    default_code = "service.refused"

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        advice: str = "",
        code: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message, code=code, advice=advice, field=field, params=params)


class NotFound(ServiceError):
    default_code = "service.not_found"


class NotReady(ServiceError):
    default_code = "service.not_ready"
