"""Say why an op's JSON does not have the shape of an op: the slow path, walked only on failure.

`checks.check_op` decodes ops straight into typed structs; when that fails, this walk over the
plain JSON names the field at fault in Vietnamese, with the same reasons as the checks that run
on well-typed ops (`checks.py`), so a clerk reads one message whichever step refused the op.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any, TypeGuard

from counter_protocol.codes import DOSSIER_CODE_RE
from counter_protocol.ops import KIND_CREATE, KIND_ONLINE_HELP, OP_KINDS, TEXT_LIMITS
from counter_protocol.statuses import Status
from counter_protocol.timefmt import within_wire_range

STATUSES = frozenset(int(s) for s in Status)
HELP_KINDS = frozenset({"full", "partial"})
PORTAL_CODE_MAX = 60
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class OpRejected(Exception):
    """Why an op is quarantined: `reason` for machines, `message` (Vietnamese) for people."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def explain(raw: object, unit_code: str) -> OpRejected:
    """The first fault found in `raw` (a parsed op); a generic one if the walk finds none."""
    try:
        _walk_op(raw, unit_code)
    except OpRejected as exc:
        return exc
    return OpRejected(
        "malformed", "Thao tác sai định dạng (kiểu dữ liệu của một trường không đúng)."
    )


def _walk_op(raw: object, unit_code: str) -> None:
    if not isinstance(raw, dict):
        raise OpRejected("malformed", "Thao tác phải là một đối tượng JSON.")
    op_id, device_seq = op_identity(raw)
    if op_id is None or device_seq is None:
        raise OpRejected("malformed", "Thao tác thiếu mã (op_id) hoặc số thứ tự (device_seq).")
    kind = raw.get("kind")
    if kind not in OP_KINDS:
        raise OpRejected("unknown_kind", f"Loại thao tác “{str(kind)[:40]}” không được hỗ trợ.")
    uuid_text(raw.get("dossier_uuid"), "dossier_uuid")
    if kind == KIND_ONLINE_HELP:
        _walk_help(raw, unit_code)
        return
    check_code(raw.get("unit_code"), raw.get("dossier_code"), unit_code)
    check_prev(raw.get("prev_seq"), kind, device_seq)
    time_value(raw.get("created_at"), "created_at")
    data = dict_field(raw, "data")
    if kind == KIND_CREATE:
        _walk_create(data)
    else:
        _walk_event(data)


def _walk_create(data: dict[str, Any]) -> None:
    for name in ("procedure_code", "received_by"):
        text_value(data.get(name), name)
    if data.get("catalogue_version") is not None:
        text_value(data.get("catalogue_version"), "catalogue_version")
    status_value(data.get("status"), nullable=False)
    for name in ("channel", "result_delivery"):
        if not is_int(data.get(name)):
            raise malformed(name)
    time_value(data.get("received_at"), "received_at")
    if data.get("due_at") is not None:
        time_value(data.get("due_at"), "due_at")
    text_value(dict_field(data, "applicant").get("full_name"), "full_name")
    _walk_components(data.get("components"))
    if not isinstance(data.get("fees", []), list):
        raise malformed("fees")
    _walk_event(dict_field(data, "event"))


def _walk_help(raw: dict[str, Any], unit_code: str) -> None:
    check_portal_code(raw.get("unit_code"), raw.get("dossier_code"), unit_code)
    if raw.get("prev_seq") is not None:
        raise OpRejected("malformed", "Bản ghi hỗ trợ nộp trực tuyến không có thao tác trước.")
    time_value(raw.get("created_at"), "created_at")
    data = dict_field(raw, "data")
    if data.get("kind") not in HELP_KINDS:
        raise malformed("kind")
    text_value(data.get("procedure_code"), "procedure_code")
    text_value(data.get("clerk"), "actor")
    time_value(data.get("helped_at"), "helped_at")


def _walk_components(components: object) -> None:
    if not isinstance(components, list):
        raise malformed("components")
    for item in components:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise malformed("components")
        for name in ("originals", "copies"):
            value = item.get(name)
            if not is_int(value) or value < 0:
                raise malformed(f"components.{name}")


def _walk_event(event: dict[str, Any]) -> None:
    if not is_int(event.get("event_seq")):
        raise malformed("event_seq")
    text_value(event.get("kind"), "kind")
    text_value(event.get("actor"), "actor")
    time_value(event.get("at"), "at")
    status_value(event.get("from_status"), nullable=True)
    status_value(event.get("to_status"), nullable=True)
    if event.get("note") is not None and not isinstance(event.get("note"), str):
        raise malformed("note")
    if event.get("extra") is not None and not isinstance(event.get("extra"), dict):
        raise malformed("extra")


# -- checks of single values, shared with checks.py ----------------------------------------------


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
    clean_seq = seq if is_int(seq) and 0 < seq < 2**62 else None
    return canonical_uuid(raw.get("op_id")), clean_seq


def uuid_text(value: object, name: str) -> str:
    text = canonical_uuid(value)
    if text is None:
        raise malformed(name)
    return text


def check_code(op_unit: object, code: object, unit_code: str) -> str:
    """The dossier code, if it is well formed and of this device's unit."""
    if op_unit != unit_code:
        raise OpRejected(
            "other_unit",
            f"Hồ sơ thuộc đơn vị “{str(op_unit)[:20]}”, không phải đơn vị của máy này "
            f"({unit_code}).",
        )
    match = DOSSIER_CODE_RE.match(code) if isinstance(code, str) else None
    if match is None:
        raise OpRejected("bad_code", f"Mã hồ sơ “{str(code)[:40]}” không đúng dạng.")
    if match.group(1) != unit_code:
        raise OpRejected(
            "other_unit", f"Mã hồ sơ “{code}” không thuộc đơn vị của máy này ({unit_code})."
        )
    return match.group(0)


def check_portal_code(op_unit: object, code: object, unit_code: str) -> str:
    """The national portal's dossier code of an online-help record: loosely checked, since
    provinces shape it differently (1 to 60 characters, no spaces), and of this device's unit."""
    if op_unit != unit_code:
        raise OpRejected(
            "other_unit",
            f"Bản ghi thuộc đơn vị “{str(op_unit)[:20]}”, không phải đơn vị của máy này "
            f"({unit_code}).",
        )
    if (
        not isinstance(code, str)
        or not code
        or len(code) > PORTAL_CODE_MAX
        or any(ch.isspace() for ch in code)
    ):
        raise OpRejected("bad_code", f"Mã hồ sơ trên Cổng “{str(code)[:60]}” không đúng dạng.")
    return code


def check_code_slot(code: str, slot: int) -> None:
    """A new dossier's code must be numbered in the sending PC's slot (NNNN = slot × 1000 + n),
    so no other PC of the unit can take a code that its rightful owner printed or will print.
    A PC enrolled again in the same slot carries on its earlier identity's numbers, which are of
    that same slot (docs/domain.md#numbering-slots)."""
    number = int(code[-4:])
    if number // 1000 != slot:
        raise OpRejected(
            "code_slot_mismatch",
            _SLOT_MISMATCH.format(code=code, code_slot=number // 1000, slot=slot),
        )


_SLOT_MISMATCH = (
    "Mã hồ sơ {code} thuộc dãy số của máy slot {code_slot}, nhưng máy gửi nó là "
    "slot {slot}: hồ sơ không được nhận, mã vẫn để dành cho máy slot {code_slot}. "
    "Bộ phận CNTT cần kiểm tra cấu hình slot của máy này."
)


def check_prev(prev: object, kind: str, device_seq: int) -> int | None:
    if kind == KIND_CREATE:
        if prev is not None:
            raise OpRejected("malformed", "Thao tác tạo hồ sơ không được có thao tác trước.")
        return None
    if not is_int(prev) or not 0 < prev < device_seq:
        raise OpRejected(
            "malformed", "Thao tác cập nhật hồ sơ phải nêu số thứ tự thao tác trước (prev_seq)."
        )
    return int(prev)


def status_value(value: object, *, nullable: bool) -> int | None:
    if value is None and nullable:
        return None
    if not is_int(value) or value not in STATUSES:
        raise OpRejected("bad_status", f"Trạng thái “{str(value)[:10]}” không thuộc 10 mã chuẩn.")
    return int(value)


def text_value(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise malformed(name)
    limit = TEXT_LIMITS.get(name, 1000)
    if len(value) > limit:
        raise OpRejected("bad_data", f"Trường “{name}” dài quá {limit} ký tự.")
    return value


def time_value(value: object, name: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise OpRejected("bad_time", f"Thời điểm “{name}” không hợp lệ hoặc thiếu múi giờ.")
    if not within_wire_range(moment):
        raise OpRejected("bad_time", f"Thời điểm “{name}” nằm ngoài khoảng thời gian hợp lý.")
    return moment


def dict_field(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name)
    if not isinstance(value, dict):
        raise malformed(name)
    return value


def malformed(name: str) -> OpRejected:
    return OpRejected("malformed", f"Thao tác sai định dạng: trường “{name}” thiếu hoặc sai.")


def is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
