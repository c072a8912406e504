"""VNPost item numbers as clerks type them: UPU S10 numbers checked by their check digit, other
domestic codes let through with a warning (docs/domain.md#s10)."""

from __future__ import annotations

from counter_app.domain.validation import ValidationIssue, field_error, issue
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.tracking import is_s10_shaped, normalise_tracking_number, s10_problem


def validate_s10(value: str, field: str = "tracking_number") -> str:
    """A UPU S10 item number with a correct check digit, normalised (e.g. `EE123456785VN`)."""
    code = normalise_tracking_number(value)
    fault = s10_problem(code)
    if fault is not None:
        fault_code, template, params = fault
        raise field_error(field, fault_code, template, **params)
    return code


def check_tracking_number(
    value: str, field: str = "tracking_number"
) -> tuple[str, list[ValidationIssue]]:
    """Any VNPost item code: S10-shaped ones must pass the check digit; others get a warning.

    Domestic VNPost codes need not follow S10 (docs/domain.md#s10), so a non-S10 code is
    accepted with a non-blocking issue instead of being refused.
    """
    code = normalise_tracking_number(value)
    if is_s10_shaped(code) or not code:
        return validate_s10(code, field), []
    if not (code.isascii() and code.isalnum()):
        raise field_error(
            field,
            "tracking.chars",
            QT_TRANSLATE_NOOP("messages", "Mã vận đơn chỉ được gồm chữ cái không dấu và chữ số."),
        )
    warning = issue(
        field,
        "tracking.not_s10",
        QT_TRANSLATE_NOOP(
            "messages",
            "Mã vận đơn {code} không theo chuẩn S10 (ví dụ EE123456785VN); hãy kiểm tra lại.",
        ),
        blocking=False,
        code=code,
    )
    return code, [warning]
