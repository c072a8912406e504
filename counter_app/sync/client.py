"""HTTP client for the provincial server: a timeout on every call, every failure classified.

The client only moves bytes and says what went wrong (`SyncError`). Verifying receipts and pages
and storing anything is the service's job (sync/service.py).
"""

from __future__ import annotations

import ipaddress
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from counter_app.sync.crash import AFTER_SERVER_COMMIT, crash_point
from counter_app.sync.errors import FailureKind, SyncError
from counter_protocol.encoding import canonical_json, convert, decode_json_object
from counter_protocol.enrol import EnrolReply, EnrolRequest
from counter_protocol.errors import ProtocolError
from counter_protocol.feed import changes_target
from counter_protocol.refusal import parse_refusal
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.tracking import CLAIMS_PATH
from counter_protocol.transport import (
    ENROL_PATH,
    HEALTH_PATH,
    PUSH_PATH,
    SERVER_SIGNATURE_HEADER,
    push_headers,
    signed_post_headers,
    signed_request_headers,
    time_header,
)

if TYPE_CHECKING:
    from counter_protocol.signing import Ed25519PrivateKey

if TYPE_CHECKING:  # imported where used: the window loads this module before its first screen
    import httpx

USER_AGENT = "counter-app-sync/2"
# Tests and a lab without certificates may allow plain http:// beyond this machine.
INSECURE_HTTP_ENV = "COUNTER_ALLOW_INSECURE_HTTP"
INSECURE_HTTP = QT_TRANSLATE_NOOP(
    "messages",
    "Địa chỉ máy chủ “{url}” dùng http:// không mã hoá: mã đăng ký, chữ ký và hồ sơ của công dân "
    "sẽ đi qua mạng ở dạng đọc được và có thể bị sửa. Hãy dùng địa chỉ https:// do bộ phận CNTT "
    "tỉnh cấp (ví dụ https://dongbo.hatinh.gov.vn). Chỉ khi thử nghiệm trong mạng nội bộ mới "
    "dùng --allow-insecure-http.",
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Timeouts:
    """Seconds. `read` bounds the wait for a reply, so it covers a batch on a slow link."""

    connect: float = 10.0
    read: float = 120.0
    write: float = 60.0
    pool: float = 10.0

    def httpx(self) -> httpx.Timeout:
        import httpx

        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


# Server refusal codes (see counter_server) and how the counter treats them.
_CODE_KINDS: dict[str, FailureKind] = {
    "device_revoked": FailureKind.REVOKED,
    "unknown_device": FailureKind.UNKNOWN_DEVICE,
    "bad_signature": FailureKind.TAMPERED,
    "too_large": FailureKind.TOO_LARGE,
    "slot_taken": FailureKind.CONFLICT,
    "already_enrolled": FailureKind.CONFLICT,
    "schema_unsupported": FailureKind.CONFLICT,
    "protocol_outdated": FailureKind.CONFLICT,
    "device_clock_wrong": FailureKind.CLOCK,
}


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_secure_url(url: str, allow_insecure_http: bool = False) -> None:
    """Refuse plain http:// to anything but this machine unless explicitly allowed."""
    parts = urlsplit(url)
    if parts.scheme != "http" or _is_loopback(parts.hostname or ""):
        return
    if allow_insecure_http or os.environ.get(INSECURE_HTTP_ENV) == "1":
        return
    raise SyncError(FailureKind.INSECURE, INSECURE_HTTP, params={"url": url})


class SyncClient:
    """One keep-alive connection to one server. Not thread-safe: one sync at a time uses it."""

    def __init__(
        self,
        base_url: str,
        *,
        timeouts: Timeouts | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], datetime] | None = None,
        allow_insecure_http: bool = False,
    ) -> None:
        check_secure_url(base_url, allow_insecure_http)
        self.base_url = base_url.rstrip("/")
        # This PC's clock: it stamps every signed request, as the server will judge it.
        self._clock = clock or (lambda: datetime.now(UTC))
        import httpx

        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=(timeouts or Timeouts()).httpx(),
            transport=transport,
            headers={"User-Agent": USER_AGENT},
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def health(self) -> dict[str, Any]:
        reply = self._send(self._http.build_request("GET", HEALTH_PATH))
        return _json_object(reply)

    def enrol(self, request: EnrolRequest) -> EnrolReply:
        reply = self._send(
            self._http.build_request(
                "POST",
                ENROL_PATH,
                content=canonical_json(request),
                headers={"Content-Type": "application/json", **time_header(self._clock())},
            )
        )
        try:
            return convert(_json_object(reply), EnrolReply)
        except ProtocolError as exc:
            raise _bad_reply(f"trả lời đăng ký không đúng dạng: {exc}") from exc

    def push(self, device_id: int, key: Ed25519PrivateKey, body: bytes) -> bytes:
        """POST one batch; return the raw reply body (the signed receipt, still unverified)."""
        headers = push_headers(device_id, key, body, self._clock())
        request = self._http.build_request("POST", PUSH_PATH, content=body, headers=headers)
        return self._send(request, label=AFTER_SERVER_COMMIT).content

    def pull(
        self,
        device_id: int,
        key: Ed25519PrivateKey,
        cursor: int,
        limit: int,
        now: datetime | None = None,
        cursor_id: str | None = None,
        probes: Sequence[str] = (),
    ) -> tuple[bytes, str | None]:
        """GET one page of changes; the raw body and the server's signature header."""
        target = changes_target(cursor, limit, cursor_id, probes)
        headers = signed_request_headers(device_id, key, "GET", target, now or self._clock())
        reply = self._send(self._http.build_request("GET", target, headers=headers))
        return reply.content, reply.headers.get(SERVER_SIGNATURE_HEADER)

    def claim(
        self, device_id: int, key: Ed25519PrivateKey, body: bytes
    ) -> tuple[bytes, str | None]:
        """POST imported tracking numbers this PC claims; the raw reply and its signature."""
        headers = signed_post_headers(CLAIMS_PATH, device_id, key, body, self._clock())
        request = self._http.build_request("POST", CLAIMS_PATH, content=body, headers=headers)
        reply = self._send(request)
        return reply.content, reply.headers.get(SERVER_SIGNATURE_HEADER)

    def _send(self, request: httpx.Request, label: str | None = None) -> httpx.Response:
        import httpx

        try:
            reply = self._http.send(request, stream=True)
            try:
                if label:
                    crash_point(label)  # the status line is in: the server has committed
                reply.read()
            finally:
                reply.close()
        except httpx.TimeoutException as exc:
            raise _timeout(exc) from exc
        except httpx.TransportError as exc:  # connect, read, write, protocol errors
            raise _offline(exc) from exc
        if reply.status_code != 200:
            raise classify_refusal(reply)
        return reply


def classify_refusal(reply: httpx.Response) -> SyncError:
    """A SyncError for a non-200 reply, keeping the server's Vietnamese message when it has one
    (as its template and values when the server sent them and they give the message back)."""
    status = reply.status_code
    refusal = parse_refusal(reply.content)
    code = refusal.error
    retry_after = _retry_after(reply.headers.get("retry-after"))
    fallback: dict[str, object] = {"status": status}  # the server's words if any, else ours
    if status >= 500 or status in (408, 429):
        text, params = refusal.shown() or (
            QT_TRANSLATE_NOOP("messages", "Máy chủ tỉnh đang gặp sự cố (mã {status})."),
            fallback,
        )
        return SyncError(
            FailureKind.SERVER,
            text,
            server_code=code,
            status=status,
            retry_after=retry_after,
            params=params,
        )
    kind = _CODE_KINDS.get(code or "", FailureKind.REFUSED)
    if code is None and status in (401, 403):
        kind = FailureKind.UNKNOWN_DEVICE
    text, params = refusal.shown() or (
        QT_TRANSLATE_NOOP("messages", "Máy chủ tỉnh từ chối yêu cầu (mã {status})."),
        fallback,
    )
    error = SyncError(
        kind, text, server_code=code, status=status, retry_after=retry_after, params=params
    )
    error.server_time = _server_date(reply.headers.get("date"))
    return error


def _server_date(value: str | None) -> datetime | None:
    """The server's clock from the HTTP Date header (to the second), None if absent or odd."""
    try:
        moment = parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


def _retry_after(value: str | None) -> float | None:
    if value is None or not value.strip().isdigit():
        return None  # an HTTP date is allowed too; we simply fall back to our own backoff
    return float(value.strip())


def _json_object(reply: httpx.Response) -> dict[str, Any]:
    try:
        return decode_json_object(reply.content)
    except ProtocolError as exc:
        raise _bad_reply(str(exc)) from exc


def _bad_reply(detail: str) -> SyncError:
    return SyncError(
        FailureKind.BAD_REPLY,
        QT_TRANSLATE_NOOP("messages", "Trả lời của máy chủ không hợp lệ ({detail})."),
        params={"detail": detail},
    )


# What went wrong on the wire, in words IT can act on (the exception's class stays in the log).
OFFLINE_DETAIL = (
    ("ConnectTimeout", QT_TRANSLATE_NOOP("labels", "máy chủ không trả lời khi mở kết nối")),
    ("PoolTimeout", QT_TRANSLATE_NOOP("labels", "quá nhiều kết nối đang chờ")),
    (
        "ConnectError",
        QT_TRANSLATE_NOOP("labels", "không mở được kết nối: mạng mất hoặc máy chủ chưa chạy"),
    ),
    ("RemoteProtocolError", QT_TRANSLATE_NOOP("labels", "kết nối bị ngắt giữa chừng")),
    ("ReadError", QT_TRANSLATE_NOOP("labels", "kết nối bị ngắt khi đang nhận")),
    ("WriteError", QT_TRANSLATE_NOOP("labels", "kết nối bị ngắt khi đang gửi")),
    ("ProxyError", QT_TRANSLATE_NOOP("labels", "máy chủ trung gian (proxy) từ chối")),
)


def _offline(exc: Exception) -> SyncError:
    # The library's class name (ConnectError…) means nothing to a clerk: it goes to the log.
    log.info("no connection to the server: %s: %s", type(exc).__name__, exc)
    import httpx  # loaded with the first connection, never at start-up

    detail = next(
        (words for kind, words in OFFLINE_DETAIL if isinstance(exc, getattr(httpx, kind))),
        QT_TRANSLATE_NOOP("labels", "lỗi mạng"),
    )
    return SyncError(
        FailureKind.OFFLINE,
        QT_TRANSLATE_NOOP("messages", "Không kết nối được máy chủ tỉnh ({detail})."),
        params={"detail": detail},
    )


def _timeout(exc: Exception) -> SyncError:
    import httpx

    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return _offline(exc)
    return SyncError(
        FailureKind.TIMEOUT,
        QT_TRANSLATE_NOOP("messages", "Máy chủ tỉnh không trả lời kịp (hết thời gian chờ)."),
    )
