"""Coded values a dossier carries besides its status: channel, delivery, applicant, fees, outbox."""

from __future__ import annotations

from enum import IntEnum, StrEnum

from counter_protocol.texts import QT_TRANSLATE_NOOP


class Channel(IntEnum):
    """How the dossier was submitted (KenhThucHien of the national data set)."""

    COUNTER = 1  # trực tiếp
    ONLINE = 2  # trực tuyến
    POSTAL = 3  # qua dịch vụ bưu chính công ích (BCCI)

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    Channel.COUNTER: QT_TRANSLATE_NOOP("labels", "Trực tiếp tại quầy"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("labels", "Trực tuyến"),
    Channel.POSTAL: QT_TRANSLATE_NOOP("labels", "Qua dịch vụ bưu chính (BCCI)"),
}
# What a clerk can record at the counter: online dossiers arrive through the national portal.
COUNTER_CHANNELS: tuple[Channel, ...] = (Channel.COUNTER, Channel.POSTAL)


class ResultDelivery(IntEnum):
    """How the result goes back to the applicant (HinhThuc of the national data set)."""

    AT_COUNTER = 0
    BY_POST = 1

    @property
    def label(self) -> str:
        return _DELIVERY_LABELS[self]


_DELIVERY_LABELS = {
    ResultDelivery.AT_COUNTER: QT_TRANSLATE_NOOP("labels", "Tại quầy"),
    ResultDelivery.BY_POST: QT_TRANSLATE_NOOP("labels", "Qua bưu điện, gửi về địa chỉ"),
}


class ApplicantKind(IntEnum):
    """Who submits (LoaiDoiTuong): a citizen or an organisation."""

    CITIZEN = 1
    ORGANISATION = 2


class FeeCollection(StrEnum):
    """When a fee line is collected."""

    AT_RECEIPT = "at_receipt"
    AT_RETURN = "at_return"
    EXEMPT = "exempt"


class OutboxState(StrEnum):
    """Where an outbox operation stands with the provincial server."""

    QUEUED = "queued"
    ACKED = "acked"
    DUPLICATE_ACKED = "duplicate_acked"
    CONFLICT = "conflict"
    QUARANTINED = "quarantined"
    HELD = "held"
    DAMAGED = "damaged"  # stored bytes no longer match their hash: never sent
    BLOCKED = "blocked"  # a later op of a dossier whose earlier op is damaged
