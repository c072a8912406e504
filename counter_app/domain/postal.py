"""Public postal service (BCCI) rules without the store: postal items, their statuses and allowed
moves, and the tracking-number file a counter imports (docs/domain.md#post)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from counter_app.domain.phones import validate_phone
from counter_app.domain.text import clean
from counter_app.domain.validation import validate_full_name
from counter_protocol.errors import UserError
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.tracking import normalise_tracking_number, s10_fault

# Below this many unused numbers the pool's status warns (setting `post.pool_low`).
DEFAULT_POOL_LOW = 20
MAX_POSTAGE = 10_000_000  # đồng; a typo guard, far above any domestic parcel
MAX_WEIGHT_G = 30_000  # VNPost's domestic parcel limit is 30 kg


class PostalError(UserError):
    """A postal item, a status change or a pool file the counter refuses."""

    default_code = "post.refused"
    exit_code = 2


class PostalStatus(StrEnum):
    """Where a postal item stands (the national data set's 0–4 plus transit and return)."""

    REGISTERED = "registered"  # đã đăng ký: the item exists, nothing moved yet
    COLLECTING = "collecting"  # đang thu gom: the postman comes for it
    IN_TRANSIT = "in_transit"  # đang vận chuyển
    DELIVERED = "delivered"  # đã phát thành công
    RETURNED = "returned"  # chuyển hoàn: sent back to the sender
    CANCELLED = "cancelled"  # đã hủy

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    PostalStatus.REGISTERED: QT_TRANSLATE_NOOP("labels", "Đã đăng ký"),
    PostalStatus.COLLECTING: QT_TRANSLATE_NOOP("labels", "Đang thu gom"),
    PostalStatus.IN_TRANSIT: QT_TRANSLATE_NOOP("labels", "Đang vận chuyển"),
    PostalStatus.DELIVERED: QT_TRANSLATE_NOOP("labels", "Đã phát thành công"),
    PostalStatus.RETURNED: QT_TRANSLATE_NOOP("labels", "Chuyển hoàn người gửi"),
    PostalStatus.CANCELLED: QT_TRANSLATE_NOOP("labels", "Đã hủy"),
}

P = PostalStatus
# Moves forward only; delivered, returned and cancelled end the item.
TRANSITIONS: dict[PostalStatus, frozenset[PostalStatus]] = {
    P.REGISTERED: frozenset({P.COLLECTING, P.IN_TRANSIT, P.CANCELLED}),
    P.COLLECTING: frozenset({P.IN_TRANSIT, P.CANCELLED}),
    P.IN_TRANSIT: frozenset({P.DELIVERED, P.RETURNED}),
    P.DELIVERED: frozenset(),
    P.RETURNED: frozenset(),
    P.CANCELLED: frozenset(),
}


def parse_status(text: str) -> PostalStatus:
    """A status by its machine name (`delivered`) or its Vietnamese label."""
    wanted = text.strip().casefold().replace("-", "_").replace(" ", "_")
    for status in PostalStatus:
        if wanted in (status.value, status.label.casefold().replace(" ", "_")):
            return status
    names = ", ".join(s.value for s in PostalStatus)
    raise PostalError(
        QT_TRANSLATE_NOOP(
            "messages",
            "Trạng thái bưu gửi “{text}” không có.",
        ),
        advice=QT_TRANSLATE_NOOP(
            "messages",
            "Chọn một trong: {names}.",
        ),
        params={"text": text, "names": names},
    )


def check_move(number: str, current: PostalStatus, target: PostalStatus) -> None:
    """Refused unless `target` may follow `current` (TRANSITIONS)."""
    if target in TRANSITIONS[current]:
        return
    allowed = ", ".join(f"“{s.label}”" for s in TRANSITIONS[current]) or "không có"
    raise PostalError(
        QT_TRANSLATE_NOOP(
            "messages", "Bưu gửi {number} đang “{current}”, không chuyển sang “{target}” được."
        ),
        advice=QT_TRANSLATE_NOOP("messages", "Trạng thái tiếp theo có thể: {allowed}."),
        code="post.transition",
        params={
            "number": number,
            "current": current.label,
            "target": target.label,
            "allowed": allowed,
        },
    )


class Direction(StrEnum):
    """Which way the item travels, and how an incoming dossier was taken."""

    INBOUND = "inbound"  # the citizen posted the dossier to the counter
    COLLECTED = "collected"  # a postal employee collected it at the citizen's address
    OUTBOUND = "outbound"  # the result goes to the citizen by post

    @property
    def label(self) -> str:
        return _DIRECTION_LABELS[self]

    @property
    def incoming(self) -> bool:
        return self is not Direction.OUTBOUND


_DIRECTION_LABELS = {
    Direction.INBOUND: QT_TRANSLATE_NOOP("labels", "Nhận hồ sơ qua bưu chính"),
    Direction.COLLECTED: QT_TRANSLATE_NOOP("labels", "Thu gom hồ sơ tại địa chỉ"),
    Direction.OUTBOUND: QT_TRANSLATE_NOOP("labels", "Trả kết quả qua bưu chính"),
}


@dataclass(frozen=True)
class PostalAddress:
    """Who the item is for (or from) and where: the two-level units of 2025 (province, commune)."""

    name: str
    phone: str
    street: str  # số nhà, thôn/xóm, đường
    province_code: str
    province_name: str
    commune_code: str
    commune_name: str

    def full_text(self) -> str:
        parts = (self.street, self.commune_name, self.province_name)
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class InboundItem:
    """A dossier that came by post or was collected at the citizen's address: who sent it."""

    sender: PostalAddress
    tracking_number: str | None = None  # the incoming item's number, when it has one
    collected: bool = False  # collected at the sender's address, not posted by the citizen

    @property
    def direction(self) -> Direction:
        return Direction.COLLECTED if self.collected else Direction.INBOUND


def checked_address(address: PostalAddress) -> PostalAddress:
    """The address cleaned: a name, a Vietnamese phone, a street line, a province and commune."""
    name = validate_full_name(address.name, "receiver_name")
    phone = validate_phone(address.phone, "receiver_phone").national
    street = clean(address.street)
    if not street:
        raise PostalError(
            QT_TRANSLATE_NOOP("messages", "Nhập số nhà, thôn/xóm hoặc đường."), field="street"
        )
    if not address.province_code:
        raise PostalError(QT_TRANSLATE_NOOP("messages", "Chọn tỉnh, thành phố."), field="province")
    if not address.commune_code:
        raise PostalError(
            QT_TRANSLATE_NOOP("messages", "Chọn xã, phường, đặc khu."), field="commune"
        )
    return PostalAddress(
        name,
        phone,
        street[:200],
        address.province_code,
        address.province_name,
        address.commune_code,
        address.commune_name,
    )


def check_postage(amount: int, weight_g: int | None) -> None:
    if not 0 <= amount <= MAX_POSTAGE:
        raise PostalError(
            QT_TRANSLATE_NOOP("messages", "Cước phải từ 0 đến 10.000.000 đồng."), field="postage"
        )
    if weight_g is not None and not 0 < weight_g <= MAX_WEIGHT_G:
        raise PostalError(
            QT_TRANSLATE_NOOP("messages", "Khối lượng phải từ 1 đến 30.000 gam."), field="weight"
        )


# --- the tracking-number file a counter imports ------------------------------------------------


def parse_pool_file(text: str, held: Iterable[str] = ()) -> list[str]:
    """The S10 numbers of a pool file, one a line (blank lines skipped). The whole file is
    refused, naming every bad line, when a line is not a valid S10 number, repeats an earlier
    line, or is a number this counter already holds."""
    have = set(held)
    numbers: list[str] = []
    seen: dict[str, int] = {}
    faults: list[str] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        code = normalise_tracking_number(line)
        fault = s10_fault(code)
        if fault is not None:
            faults.append(f"dòng {line_no}: {line.strip()[:20]} sai (chữ số kiểm tra hoặc dạng)")
        elif code in seen:
            faults.append(f"dòng {line_no}: {code} trùng dòng {seen[code]}")
        elif code in have:
            faults.append(f"dòng {line_no}: {code} đã có trên máy")
        else:
            seen[code] = line_no
            numbers.append(code)
    if faults:
        raise PostalError(_refusal(faults), code="post.pool_file", field="file")
    if not numbers:
        raise PostalError(
            QT_TRANSLATE_NOOP("messages", "Tệp không có mã vận đơn nào; chưa nạp gì."),
            code="post.pool_file",
        )
    return numbers


def _refusal(faults: list[str]) -> str:
    shown = "; ".join(faults[:10])
    more = f"; và {len(faults) - 10} dòng khác" if len(faults) > 10 else ""
    return f"Tệp mã vận đơn bị từ chối, chưa nạp mã nào ({len(faults)} dòng lỗi): {shown}{more}."
