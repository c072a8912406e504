"""What a serving process accepts from clients: body caps per route, time to send, uploads at once.

Set by `counter-server serve` options or the environment (worker processes read the environment;
see counter_server/README.md, "Limits").
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from counter_protocol.encoding import MAX_BATCH_BYTES
from counter_protocol.transport import ENROL_PATH, PUSH_PATH

KIB = 1024
# A compressed batch is never bigger than the inflated limit (zstd adds a few bytes per block).
PUSH_BODY_LIMIT = MAX_BATCH_BYTES
ENROL_BODY_LIMIT = 16 * KIB  # a code, a key, a uuid, a name: a few hundred bytes
LOGIN_BODY_LIMIT = 4 * KIB  # one pasted token (dashboard.MAX_FORM_BYTES says the same)
DEFAULT_BODY_LIMIT = 64 * KIB  # admin JSON and everything else, bodiless GETs included
LOGIN_PATH = "/dashboard/login"
HEAD_LIMIT = 256 * KIB  # request line and headers together
# Past the first `read_timeout` seconds a body must keep arriving at this rate at least (as
# Apache's mod_reqtimeout MinRate does): a slow line still gets through, a trickle does not.
MIN_BODY_RATE = 1 * KIB  # bytes per second
UPLOAD_RETRY_AFTER = 15  # seconds, when every upload slot is taken

_ENV = {
    "read_timeout": "COUNTER_SERVER_READ_TIMEOUT",
    "max_uploads": "COUNTER_SERVER_MAX_UPLOADS",
    "upload_wait": "COUNTER_SERVER_UPLOAD_WAIT",
    "enrol_guesses": "COUNTER_SERVER_ENROL_GUESSES",
    "clock_window": "COUNTER_SERVER_CLOCK_WINDOW",
}


@dataclass(frozen=True)
class ServeLimits:
    read_timeout: float = 20.0  # s for the request line and headers; for a body, see above
    max_uploads: int = 16  # batches received or ingested at once by one process
    upload_wait: float = 30.0  # s a batch may wait for a free upload slot before 503
    enrol_guesses: int = 10  # unknown enrolment codes per minute per client address
    clock_window: float = 600.0  # s a signed request's time may differ from the server's

    def __post_init__(self) -> None:
        if self.read_timeout <= 0 or self.max_uploads < 1 or self.upload_wait < 0:
            raise ValueError("limits out of range")
        if self.enrol_guesses < 1 or self.clock_window < 1:
            raise ValueError("limits out of range")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ServeLimits:
        """The limits named in the environment (COUNTER_SERVER_*), defaults for the rest."""
        env = os.environ if env is None else env
        given: dict[str, float | int] = {}
        for item in fields(cls):
            raw = env.get(_ENV[item.name])
            if raw:
                given[item.name] = int(raw) if item.type == "int" else float(raw)
        return cls(**given)  # type: ignore[arg-type]

    def as_env(self) -> dict[str, str]:
        """For worker processes, which build their app from the environment."""
        return {_ENV[item.name]: str(getattr(self, item.name)) for item in fields(self)}


def body_limit(path: str) -> int:
    """The most bytes a request body to `path` may have."""
    if path == PUSH_PATH:
        return PUSH_BODY_LIMIT
    if path == ENROL_PATH:
        return ENROL_BODY_LIMIT
    if path == LOGIN_PATH:
        return LOGIN_BODY_LIMIT
    return DEFAULT_BODY_LIMIT


def is_upload(path: str) -> bool:
    """Requests whose body may be large enough to count against the upload slots."""
    return path == PUSH_PATH
