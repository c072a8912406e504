"""Why a sync did not go through, in classes the scheduler acts on and words a clerk can act on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from counter_protocol.errors import UserError
from counter_protocol.texts import QT_TRANSLATE_NOOP


class FailureKind(StrEnum):
    OFFLINE = "offline"  # no route, refused, reset, DNS: the link is down
    TIMEOUT = "timeout"  # connected, but the server did not answer in time
    SERVER = "server"  # 5xx, or the server is restarting
    BAD_REPLY = "bad_reply"  # a reply we cannot trust: bad JSON, bad signature, wrong batch
    TAMPERED = "tampered"  # the server saw a bad signature on what we sent (changed in transit)
    TOO_LARGE = "too_large"  # the server refused the size of a batch
    REVOKED = "revoked"  # the server revoked this PC
    UNKNOWN_DEVICE = "unknown_device"  # the server does not know this PC (or its database reset)
    NOT_ENROLLED = "not_enrolled"  # this PC never enrolled: nothing to send to
    CONFLICT = "conflict"  # slot clash, already enrolled, schema not supported
    REFUSED = "refused"  # any other refusal with a server message (bad code, expired code…)
    BUSY = "busy"  # another sync of this store is running (this process or another)
    CLOCK = "clock"  # the server refused this PC's time: its clock is wrong
    INSECURE = "insecure"  # a plain http:// address beyond this machine, not allowed


# What to do next, shown under the message. Keep each one short and concrete.
ADVICE: dict[FailureKind, str] = {
    FailureKind.OFFLINE: QT_TRANSLATE_NOOP(
        "messages",
        "Kiểm tra cáp mạng hoặc Wi-Fi; máy sẽ tự gửi lại khi có mạng. "
        "Hồ sơ vẫn được lưu an toàn trên máy này.",
    ),
    FailureKind.TIMEOUT: QT_TRANSLATE_NOOP(
        "messages",
        "Đường truyền chậm; máy sẽ tự thử lại với lô nhỏ hơn.",
    ),
    FailureKind.SERVER: QT_TRANSLATE_NOOP(
        "messages",
        "Máy chủ tỉnh đang bận hoặc đang khởi động lại; máy sẽ tự thử lại sau.",
    ),
    FailureKind.BAD_REPLY: QT_TRANSLATE_NOOP(
        "messages",
        "Máy sẽ tự thử lại. Nếu lỗi lặp lại nhiều lần, báo bộ phận CNTT.",
    ),
    FailureKind.TAMPERED: QT_TRANSLATE_NOOP(
        "messages",
        "Máy sẽ gửi lại toàn bộ lô. Nếu lỗi lặp lại, báo bộ phận CNTT "
        "(có thể thiết bị mạng đang can thiệp dữ liệu).",
    ),
    FailureKind.TOO_LARGE: QT_TRANSLATE_NOOP(
        "messages",
        "Máy sẽ tự chia nhỏ lô và gửi lại.",
    ),
    FailureKind.REVOKED: QT_TRANSLATE_NOOP(
        "messages",
        "Hồ sơ chưa gửi vẫn được giữ nguyên trên máy; khi bộ phận CNTT cấp mã "
        "mới, đăng ký lại máy (Đồng bộ → Đăng ký lại, hoặc counter-app enrol).",
    ),
    FailureKind.UNKNOWN_DEVICE: QT_TRANSLATE_NOOP(
        "messages",
        "Liên hệ bộ phận CNTT để kiểm tra đăng ký của máy này.",
    ),
    FailureKind.NOT_ENROLLED: QT_TRANSLATE_NOOP(
        "messages",
        "Đăng ký máy với máy chủ tỉnh (Đồng bộ → Đăng ký máy với máy "
        "chủ) bằng mã do bộ phận CNTT cấp. Hồ sơ lưu trước đó sẽ được gửi sau khi đăng ký.",
    ),
    FailureKind.CONFLICT: QT_TRANSLATE_NOOP(
        "messages",
        "Làm theo thông báo này; nếu cần, liên hệ bộ phận CNTT.",
    ),
    FailureKind.REFUSED: QT_TRANSLATE_NOOP(
        "messages",
        "Làm theo thông báo này; nếu cần, xin bộ phận CNTT hỗ trợ.",
    ),
    FailureKind.BUSY: QT_TRANSLATE_NOOP(
        "messages",
        "Một lần đồng bộ khác đang chạy trên máy này; chờ nó xong.",
    ),
    FailureKind.CLOCK: QT_TRANSLATE_NOOP(
        "messages",
        "Chỉnh ngày giờ của máy cho đúng (bật tự động đồng bộ giờ của Windows) "
        "rồi đồng bộ lại. Hồ sơ vẫn được lưu an toàn trên máy này.",
    ),
    FailureKind.INSECURE: QT_TRANSLATE_NOOP(
        "messages",
        "Dùng địa chỉ https:// của máy chủ tỉnh; hỏi bộ phận CNTT nếu chưa có.",
    ),
}

# Failures the scheduler retries by itself; the others wait for a person.
RETRYABLE = frozenset(
    {
        FailureKind.OFFLINE,
        FailureKind.TIMEOUT,
        FailureKind.SERVER,
        FailureKind.BAD_REPLY,
        FailureKind.TAMPERED,
        FailureKind.TOO_LARGE,
        FailureKind.BUSY,
    }
)


class SyncError(UserError):
    """A sync failure: `kind` for code, `message` (Vietnamese) and `advice` for people.

    `code` is this program's stable code (``sync.<kind>``); `server_code` is the machine code the
    server sent with its refusal, if it sent one.
    """

    default_code = "sync.failed"
    exit_code = 1

    def __init__(
        self,
        kind: FailureKind,
        message: str,
        *,
        server_code: str | None = None,
        status: int | None = None,
        retry_after: float | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        advice = ADVICE[kind]
        super().__init__(message, code=f"sync.{kind.value}", advice=advice, params=params)
        self.kind = kind
        self.server_code = server_code
        self.status = status  # HTTP status, if there was a reply
        self.retry_after = retry_after  # seconds, from a Retry-After header
        self.server_time: datetime | None = None  # the refusing server's clock, if it said

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE


class SyncBusy(SyncError):
    """Another sync of this store is running: nothing was done, try again later."""

    default_code = "sync.busy"
    exit_code = 3

    def __init__(self, message: str) -> None:
        super().__init__(FailureKind.BUSY, message)
