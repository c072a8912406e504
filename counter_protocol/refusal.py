"""The body of a refused request: `{"error": code, "message": …}`, plus the message's template.

`message` is the server's Vietnamese, formatted: an older counter reads only it, and the log and
the command line keep it. A refusal whose message has values in it also sends `template` (the
same words with named fields, marked on the counter, counter_app/sync/server_words.py) and
`params` (the values: text or whole numbers), so a counter can show it in the clerk's language
(decision 0034). A counter takes the template only when it gives back the message word for word;
otherwise, and with a server that sends no template, it shows the message as it came.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

import msgspec
from msgspec import Struct

from counter_protocol.encoding import decode_json_object
from counter_protocol.errors import ProtocolError
from counter_protocol.texts import Marked

ParamValue = str | int


class Refusal(Struct, kw_only=True, omit_defaults=True):
    error: str | None = None  # the stable machine code
    message: str | None = None  # Vietnamese, formatted
    template: str = ""  # the message before formatting (only when it has values)
    params: dict[str, ParamValue] = {}

    def shown(self) -> tuple[str, dict[str, object]] | None:
        """The template and values to show, the message alone when they do not give it back,
        None when the server said nothing."""
        if not self.message:
            return None
        shown = quoted(self.message, self.template, self.params)
        return shown.template, dict(shown.params)


def quoted(message: str, template: str, params: Mapping[str, object]) -> Marked:
    """A server's message to put inside a counter's own (a refused tracking number's reason): its
    template and values when they give the message back, else the message as it came."""
    if template and params and formats_to(template, params, message):
        return Marked(template, dict(params))
    return Marked(message)


def wire_values(params: Mapping[str, object]) -> dict[str, ParamValue]:
    """Values as a refusal carries them: whole numbers kept, anything else as its text."""
    return {
        k: int(v) if isinstance(v, int) and not isinstance(v, bool) else str(v)
        for k, v in params.items()
    }


def refusal_body(code: str, message: str, template: str, params: Mapping[str, object]) -> bytes:
    """The JSON body of a refusal; `template` and `params` only when the message has values."""
    values = wire_values(params)
    shown = template if values else ""  # with no values, the body is as it always was
    return msgspec.json.encode(Refusal(error=code, message=message, template=shown, params=values))


def parse_refusal(content: bytes) -> Refusal:
    """A refusal body as the counter reads it: any field of the wrong type is left out, so a
    message still comes through beside a template this counter cannot use."""
    try:
        body = decode_json_object(content)
    except ProtocolError:
        return Refusal()
    code, message, template = (body.get(k) for k in ("error", "message", "template"))
    params = body.get("params")
    fits = isinstance(params, dict) and all(
        isinstance(v, ParamValue) and not isinstance(v, bool) for v in params.values()
    )
    return Refusal(
        error=code if isinstance(code, str) else None,
        message=message if isinstance(message, str) else None,
        template=template if isinstance(template, str) else "",
        params=dict(params) if fits and isinstance(params, dict) else {},
    )


def formats_to(template: str, params: Mapping[str, object], expected: str) -> bool:
    """`template` names only plain fields it is given, and formatted gives `expected`."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
        if any(name not in params for name in fields):  # no attribute or index lookups
            return False
        return template.format(**params) == expected
    except (ValueError, TypeError, KeyError, IndexError):
        return False
