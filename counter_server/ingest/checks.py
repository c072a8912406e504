"""Check one pushed op before anything is written: shape, types, unit, codes, times and statuses.

An op that fails is quarantined with a machine reason and a Vietnamese message; the others go on.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeGuard

from counter_app.domain.codes import DOSSIER_CODE_RE
from counter_app.domain.statuses import Status
from counter_app.sync.protocol import KIND_CREATE, KIND_EVENT, OP_KINDS
from counter_app.sync.signing import canonical_json, sha256_hex

_STATUSES = frozenset(int(s) for s in Status)
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TEXT_LIMITS = {"procedure_code": 60, "catalogue_version": 40, "full_name": 200, "actor": 200,
                "kind": 40, "received_by": 200}


class OpRejected(Exception):
    """Why an op is quarantined: `reason` for machines, `message` (Vietnamese) for people."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(slots=True)
class IncomingOp:
    """A well-formed op (or a held one read back), with what the planner needs at hand."""

    raw: dict[str, Any]
    op_id: str
    device_seq: int
    kind: str
    dossier_uuid: str
    dossier_code: str
    prev_seq: int | None
    created_at: datetime
    payload_hash: str
    index: int = -1  # position in the batch; -1 for a held op from an earlier batch
    row_seq: int | None = None  # ops.seq of a held op already stored
    clock_flag: str | None = None


def canonical_uuid(value: object) -> str | None:
    """Lower-case hyphenated UUID text, or None. The common, already canonical case is fast."""
    if not isinstance(value, str):
        return None
    if _CANONICAL_UUID.fullmatch(value):
        return value
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def op_identity(raw: object) -> tuple[str | None, int | None]:
    """The op id (canonical UUID text) and device_seq, if the op has usable ones."""
    if not isinstance(raw, dict):
        return None, None
    seq = raw.get("device_seq")
    clean_seq = seq if _is_int(seq) and 0 < seq < 2**62 else None
    return canonical_uuid(raw.get("op_id")), clean_seq


def check_op(raw: dict[str, Any], unit_code: str, index: int) -> IncomingOp:
    """An IncomingOp from a raw op of a device of `unit_code`, or OpRejected saying why not."""
    op_id, device_seq = op_identity(raw)
    if op_id is None or device_seq is None:
        raise OpRejected("malformed", "Thao tác thiếu mã (op_id) hoặc số thứ tự (device_seq).")
    body = canonical_json(raw)
    if b"\\u0000" in body:
        raise OpRejected("malformed", "Thao tác chứa ký tự NUL không hợp lệ.")
    kind = raw.get("kind")
    if kind not in OP_KINDS:
        raise OpRejected("unknown_kind", f"Loại thao tác “{str(kind)[:40]}” không được hỗ trợ.")
    dossier_uuid = _uuid_field(raw, "dossier_uuid")
    code = _check_codes(raw, unit_code)
    prev_seq = _check_prev(raw, kind, device_seq)
    created_at = _time_field(raw, "created_at")
    data = _dict_field(raw, "data")
    if kind == KIND_CREATE:
        _check_create(data)
    else:
        _check_event(data, first=False)
    return IncomingOp(
        raw=raw, op_id=op_id, device_seq=device_seq, kind=kind, dossier_uuid=dossier_uuid,
        dossier_code=code, prev_seq=prev_seq, created_at=created_at,
        payload_hash=sha256_hex(body), index=index,
    )


def _check_codes(raw: dict[str, Any], unit_code: str) -> str:
    op_unit = raw.get("unit_code")
    if op_unit != unit_code:
        raise OpRejected(
            "other_unit",
            f"Hồ sơ thuộc đơn vị “{str(op_unit)[:20]}”, không phải đơn vị của máy này "
            f"({unit_code}).",
        )
    code = raw.get("dossier_code")
    match = DOSSIER_CODE_RE.match(code) if isinstance(code, str) else None
    if match is None:
        raise OpRejected("bad_code", f"Mã hồ sơ “{str(code)[:40]}” không đúng dạng.")
    if match.group(1) != unit_code:
        raise OpRejected(
            "other_unit", f"Mã hồ sơ “{code}” không thuộc đơn vị của máy này ({unit_code})."
        )
    return match.group(0)


def _check_prev(raw: dict[str, Any], kind: str, device_seq: int) -> int | None:
    prev = raw.get("prev_seq")
    if kind == KIND_CREATE:
        if prev is not None:
            raise OpRejected("malformed", "Thao tác tạo hồ sơ không được có thao tác trước.")
        return None
    if not _is_int(prev) or not 0 < prev < device_seq:
        raise OpRejected(
            "malformed", "Thao tác cập nhật hồ sơ phải nêu số thứ tự thao tác trước (prev_seq)."
        )
    return int(prev)


def _check_create(data: dict[str, Any]) -> None:
    for name in ("procedure_code", "received_by"):
        _text_field(data, name)
    if data.get("catalogue_version") is not None:
        _text_field(data, "catalogue_version")
    status = _status_field(data, "status", nullable=False)
    for name in ("channel", "result_delivery"):
        if not _is_int(data.get(name)):
            raise _malformed(name)
    _time_field(data, "received_at")
    if data.get("due_at") is not None:
        _time_field(data, "due_at")
    applicant = _dict_field(data, "applicant")
    _text_field(applicant, "full_name")
    _check_components(data.get("components"))
    if not isinstance(data.get("fees", []), list):
        raise _malformed("fees")
    event = _dict_field(data, "event")
    _check_event(event, first=True)
    if event.get("to_status") != status:
        raise OpRejected("bad_data", "Trạng thái của hồ sơ và của sự kiện tiếp nhận không khớp.")


def _check_components(components: object) -> None:
    if not isinstance(components, list):
        raise _malformed("components")
    for item in components:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise _malformed("components")
        for name in ("originals", "copies"):
            value = item.get(name)
            if not _is_int(value) or value < 0:
                raise _malformed(f"components.{name}")


def _check_event(event: dict[str, Any], *, first: bool) -> None:
    seq = event.get("event_seq")
    if not _is_int(seq) or (seq != 1 if first else seq < 2):
        raise _malformed("event_seq")
    _text_field(event, "kind")
    _text_field(event, "actor")
    _time_field(event, "at")
    from_status = _status_field(event, "from_status", nullable=True)
    to_status = _status_field(event, "to_status", nullable=True)
    if first and (from_status is not None or to_status is None):
        raise OpRejected("bad_data", "Sự kiện tiếp nhận phải có trạng thái đích, không có nguồn.")
    if event.get("note") is not None and not isinstance(event.get("note"), str):
        raise _malformed("note")
    if event.get("extra") is not None and not isinstance(event.get("extra"), dict):
        raise _malformed("extra")


def _status_field(data: dict[str, Any], name: str, *, nullable: bool) -> int | None:
    value = data.get(name)
    if value is None and nullable:
        return None
    if not _is_int(value) or value not in _STATUSES:
        raise OpRejected("bad_status", f"Trạng thái “{str(value)[:10]}” không thuộc 10 mã chuẩn.")
    return int(value)


def _text_field(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise _malformed(name)
    limit = _TEXT_LIMITS.get(name, 1000)
    if len(value) > limit:
        raise OpRejected("bad_data", f"Trường “{name}” dài quá {limit} ký tự.")
    return value


def _time_field(data: dict[str, Any], name: str) -> datetime:
    value = data.get(name)
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise OpRejected("bad_time", f"Thời điểm “{name}” không hợp lệ hoặc thiếu múi giờ.")
    return moment


def _uuid_field(data: dict[str, Any], name: str) -> str:
    value = canonical_uuid(data.get(name))
    if value is None:
        raise _malformed(name)
    return value


def _dict_field(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name)
    if not isinstance(value, dict):
        raise _malformed(name)
    return value


def _malformed(name: str) -> OpRejected:
    return OpRejected("malformed", f"Thao tác sai định dạng: trường “{name}” thiếu hoặc sai.")


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


__all__ = ["KIND_CREATE", "KIND_EVENT", "IncomingOp", "OpRejected", "check_op", "op_identity"]
