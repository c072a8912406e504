"""Dashboard log-in sessions: stateless cookies, HMAC-signed with a key derived from the server key.

A cookie names the admin token it was opened with (by the token's stored hash, never the token)
and when it was opened: `v2.<token sha256>.<issued unix s>.<HMAC-SHA256, base64url>`. The server
ends it SESSION_TTL after that, whatever the browser keeps, and refuses one issued in the future.
(v1 cookies carried their own end time, so a validly signed cookie could claim any lifetime;
they are no longer accepted.) Nothing is stored on the server, so every request re-checks the
token: revoking it ends its sessions at once.

The log-in form carries a second, short-lived value (`login_form_token`) bound to a cookie the
form's page sets: a log-in posted from another site has neither (see dashboard.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from sqlalchemy import Engine

from counter_protocol.signing import Ed25519PrivateKey
from counter_server.admin import active_token_name

COOKIE_NAME = "counter_dashboard"
COOKIE_PATH = "/dashboard"
SESSION_TTL = timedelta(hours=12)
VERSION = "v2"
OLD_VERSIONS = ("v1",)
CLOCK_SLACK = timedelta(minutes=2)  # an issue time this far ahead is the server's clock moving
# Domain separation: the session key is useless for anything else the server key does.
_PURPOSE = b"counter-server/dashboard-session/v1"
_FORM_PURPOSE = b"counter-server/dashboard-login-form/v1"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_MAX_COOKIE = 200


class SessionRefused(Exception):
    """A cookie that does not open the dashboard; `reason` is for the audit log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        # malformed | bad_signature | expired | outdated | from_future | token_revoked
        self.reason = reason


@dataclass(frozen=True)
class WebSession:
    token_hash: str
    issued_at: datetime

    @property
    def expires_at(self) -> datetime:
        return self.issued_at + SESSION_TTL


def session_secret(key: Ed25519PrivateKey) -> bytes:
    """The HMAC key for session cookies: the same in every worker process, and after a restart."""
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return hmac.new(raw, _PURPOSE, hashlib.sha256).digest()


def _mac(secret: bytes, body: str) -> str:
    digest = hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def issue(secret: bytes, token_hash: str, now: datetime) -> tuple[str, WebSession]:
    """A signed cookie value for a session opened now with the token of this hash."""
    if not _HEX64.fullmatch(token_hash):
        raise ValueError("token_hash must be 64 lowercase hex digits")
    issued = int(now.timestamp())
    body = f"{VERSION}.{token_hash}.{issued}"
    return f"{body}.{_mac(secret, body)}", WebSession(
        token_hash, datetime.fromtimestamp(issued, UTC)
    )


def read(secret: bytes, value: str, now: datetime) -> WebSession:
    """The session a cookie value carries; SessionRefused if it is malformed, forged, older than
    SESSION_TTL (whatever the browser kept) or from an older version of the server."""
    parts = value.split(".") if len(value) <= _MAX_COOKIE else []
    if (
        len(parts) != 4
        or parts[0] not in (VERSION, *OLD_VERSIONS)
        or not _HEX64.fullmatch(parts[1])
        or not parts[2].isascii()
        or not parts[2].isdigit()
        or len(parts[2]) > 12
    ):
        raise SessionRefused("malformed")
    expected = _mac(secret, ".".join(parts[:3]))
    if not hmac.compare_digest(parts[3].encode("utf-8"), expected.encode("ascii")):
        raise SessionRefused("bad_signature")
    if parts[0] != VERSION:
        raise SessionRefused("outdated")
    issued_at = datetime.fromtimestamp(int(parts[2]), UTC)
    if issued_at > now + CLOCK_SLACK:
        raise SessionRefused("from_future")
    if now - issued_at >= SESSION_TTL:
        raise SessionRefused("expired")
    return WebSession(parts[1], issued_at)


def login_form_token(secret: bytes, nonce: str) -> str:
    """The hidden form value that goes with the log-in page's cookie `nonce`."""
    return _mac(hmac.new(secret, _FORM_PURPOSE, hashlib.sha256).digest(), nonce[:64])


def login_form_matches(secret: bytes, nonce: str | None, posted: str | None) -> bool:
    """Did this log-in come from the form of a page this browser got from us?"""
    if not nonce or not posted or len(nonce) > 64 or not nonce.isascii():
        return False
    expected = login_form_token(secret, nonce)
    return hmac.compare_digest(posted.encode("utf-8"), expected.encode("ascii"))


def signed_in_as(engine: Engine, secret: bytes, value: str, now: datetime) -> str:
    """The admin token's name for a good cookie whose token is still valid; SessionRefused else."""
    session = read(secret, value, now)
    name = active_token_name(engine, session.token_hash)
    if name is None:
        raise SessionRefused("token_revoked")
    return name
