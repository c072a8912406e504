"""Result delivery rules: a result sent by post (BCCI) needs an address and a procedure that
allows it; a result handed over at the counter keeps no address."""

from __future__ import annotations

from counter_app.domain.kinds import ResultDelivery
from counter_app.domain.text import clean
from counter_app.domain.validation import ValidationIssue
from counter_protocol.texts import QT_TRANSLATE_NOOP

COUNTER_TEXT = "Tại Bộ phận Một cửa"
POSTAL_TEXT = "Qua dịch vụ bưu chính công ích"


def by_post(delivery: int) -> bool:
    return delivery == ResultDelivery.BY_POST


def stored_address(delivery: int, address: str | None) -> str | None:
    """The delivery address kept with a dossier: only for a postal result, cleaned; else None."""
    if not by_post(delivery):
        return None
    return clean(address or "") or None


def delivery_issues(
    delivery: int, address: str | None, bcci_allowed: bool | None = None
) -> list[ValidationIssue]:
    """A postal result without an address is refused; one the procedure does not offer by post
    is a warning (`bcci_allowed` None: the procedure is not known here)."""
    if not by_post(delivery):
        return []
    issues = []
    if stored_address(delivery, address) is None:
        issues.append(
            ValidationIssue(
                "delivery_address",
                QT_TRANSLATE_NOOP(
                    "messages", "Nhận kết quả qua bưu điện thì phải có địa chỉ nhận."
                ),
            )
        )
    if bcci_allowed is False:
        issues.append(
            ValidationIssue(
                "result_delivery",
                QT_TRANSLATE_NOOP(
                    "messages", "Thủ tục này không đăng ký trả kết quả qua bưu điện."
                ),
                False,
            )
        )
    return issues


def delivery_text(delivery: int, address: str | None) -> str:
    """Where the result is received, in the words of the receipt slip (Mẫu 01)."""
    if by_post(delivery):
        return f"{POSTAL_TEXT}: {address or ''}"
    return COUNTER_TEXT
