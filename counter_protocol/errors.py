"""The one error taxonomy: errors a person can act on, as opposed to bugs.

A `UserError` carries a stable machine `code` (for scripts, logs and the wire), a Vietnamese
`message` that says what happened and an `advice` that says what to do. Anything that is not a
`UserError` is a bug: it is logged with its traceback and shown as one line.

The screens show a `UserError` in the clerk's language: a message with values in it is given as a
template with named fields plus `params`, so the screen can translate the template and then
format it (`counter_protocol/texts.py`, decision 0034). `message` and `advice` are always the
formatted Vietnamese, for the command line, the log and the wire.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar


class UserError(Exception):
    """Something the user can act on: a stable code, a Vietnamese message and advice."""

    default_code: ClassVar[str] = "error"
    # The process exit code of a command that ends with this error (documented in the README).
    exit_code: ClassVar[int] = 2

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        advice: str = "",
        field: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        self.params: dict[str, object] = dict(params or {})
        self.template = message  # the text before formatting: what a translation is looked up by
        self.advice_template = advice
        self.message = message.format(**self.params) if self.params else message
        super().__init__(self.message)
        self.code = code or self.default_code
        self.advice = advice.format(**self.params) if self.params else advice
        self.field = field  # the form field the error belongs to, when there is one

    def one_line(self) -> str:
        """The message and what to do, on one line (the CLI's error line, the log, a status bar)."""
        return f"{self.message} {self.advice}".strip()


class ProtocolError(ValueError):
    """Bytes or JSON that do not follow the sync protocol: a bug or a forgery on the other end,
    never something a clerk typed (so not a `UserError`)."""
