"""Load a slot's high-water marks from the server's signed file into this store's code counters.

For a PC set up in a slot that an earlier PC used, and that cannot reach the server to enrol:
it must not print a code the earlier PC already printed (docs/domain.md#numbering-slots).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.models.tables import Device
from counter_app.services.codes import raise_counters
from counter_app.services.errors import ServiceError
from counter_app.services.store import Store
from counter_protocol.slots import SlotFileBody, read_slot_file
from counter_protocol.texts import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class SlotImport:
    unit_code: str
    slot: int
    days: int  # days with marks
    latest: str | None  # the latest day with a mark, yyMMdd
    latest_seq: int


def import_slot_file(store: Store, data: bytes, server_key: str | None) -> SlotImport:
    """Check the file's signature against `server_key` (or the server key this store already
    knows) and raise the counters of this PC's unit and slot to its marks, in one transaction."""
    with store.write() as session:
        device = session.scalar(select(Device).where(Device.is_self.is_(True)))
        if device is None:
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "messages", "Máy này chưa được thiết lập. Hãy chạy “counter-app setup” trước."
                )
            )
        trusted = (server_key or "").strip() or _known_server_key(session)
        if not trusted:
            raise ServiceError(_NO_KEY, field="server_key")
        body = read_slot_file(data, trusted)
        _check_fits(body, device.unit_code, device.slot)
        raise_counters(session, device.unit_code, device.slot, body.days)
    latest = max(body.days, key=lambda m: m.day, default=None)
    return SlotImport(
        body.unit_code,
        body.slot,
        len(body.days),
        latest.day if latest else None,
        latest.last_seq if latest else 0,
    )


def _known_server_key(session: Session) -> str | None:
    """The server key of this PC's enrolment, or of an identity it held before."""
    keys = session.scalars(
        select(Device.server_public_key)
        .where(Device.server_public_key.is_not(None))
        .order_by(Device.is_self.desc())
    )
    return next(iter(keys), None)


def _check_fits(body: SlotFileBody, unit_code: str, slot: int) -> None:
    if body.unit_code != unit_code or body.slot != slot:
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "messages",
                "Tệp này dành cho đơn vị {unit_code}, máy số {slot}, nhưng máy này "
                "thuộc đơn vị {own_unit}, máy số {own_slot}. Chưa nạp gì.",
            ),
            params={
                "unit_code": body.unit_code,
                "slot": body.slot,
                "own_unit": unit_code,
                "own_slot": slot,
            },
        )


_NO_KEY = QT_TRANSLATE_NOOP(
    "messages",
    "Máy này chưa biết khoá công khai của máy chủ để kiểm tra chữ ký của tệp. Hãy thêm "
    "--server-key KHOÁ (bộ phận CNTT thấy khoá khi tạo tệp bằng “counter-server "
    "slot-file”).",
)
