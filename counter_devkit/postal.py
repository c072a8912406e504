"""Valid S10 numbers and a postal address for tests, benchmarks and demos."""

from __future__ import annotations

from counter_app.domain.postal import PostalAddress
from counter_protocol.tracking import s10_check_digit


def s10_numbers(start: int, count: int, prefix: str = "RR") -> list[str]:
    """`count` valid S10 numbers with consecutive serials from `start`."""
    out = []
    for serial_no in range(start, start + count):
        serial = f"{serial_no:08d}"
        out.append(f"{prefix}{serial}{s10_check_digit(serial)}VN")
    return out


def with_bad_check_digit(number: str) -> str:
    """The same number with a wrong check digit."""
    wrong = (int(number[10]) + 1) % 10
    return f"{number[:10]}{wrong}{number[11:]}"


def ha_tinh_address(name: str = "Nguyễn Thị Hồng Nhung") -> PostalAddress:
    """An address in phường Thành Sen, Hà Tĩnh (codes of the shipped sample list)."""
    return PostalAddress(name, "0912 345 678", "Số 12 đường Phan Đình Phùng", "42", "", "18070", "")
