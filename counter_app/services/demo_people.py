"""Realistic Vietnamese people for demo dossiers: names with diacritics, CCCD, phones, addresses."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

# Approximate real frequencies of family names (Nguyễn ≈ 38 %).
FAMILY = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9.5),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Phan", 4.5),
    ("Võ", 3.9),
    ("Đặng", 2.1),
    ("Bùi", 2),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1),
    ("Lý", 0.5),
    ("Đào", 0.8),
    ("Đoàn", 0.7),
    ("Trương", 0.7),
    ("Thái", 0.5),
    ("Đinh", 0.7),
    ("Lương", 0.5),
    ("Hà", 0.5),
    ("Chu", 0.3),
    ("Mai", 0.3),
]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Xuân", "Đình", "Thanh", "Quang", "Anh"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Minh", "Phương", "Khánh"]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Định",
    "Đức",
    "Hải",
    "Hiếu",
    "Hùng",
    "Huy",
    "Khánh",
    "Long",
    "Mạnh",
    "Nam",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Thắng",
    "Thành",
    "Tiến",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
    "Hoàng",
    "Lộc",
    "Nghĩa",
]
GIVEN_F = [
    "An",
    "Anh",
    "Chi",
    "Diệp",
    "Dung",
    "Điệp",
    "Giang",
    "Hà",
    "Hằng",
    "Hạnh",
    "Hoa",
    "Hồng",
    "Hương",
    "Lan",
    "Linh",
    "Loan",
    "Mai",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phương",
    "Quyên",
    "Thảo",
    "Thủy",
    "Trang",
    "Tuyết",
    "Vân",
    "Yến",
    "Đào",
]
# Hà Tĩnh communes and wards after 01/07/2025 (sample of the 69).
PLACES = [
    "Phường Thành Sen",
    "Phường Trần Phú",
    "Phường Hà Huy Tập",
    "Xã Thạch Hà",
    "Xã Cẩm Xuyên",
    "Xã Kỳ Anh",
    "Phường Hồng Lĩnh",
    "Xã Đức Thọ",
    "Xã Hương Sơn",
    "Xã Hương Khê",
    "Xã Nghi Xuân",
    "Xã Can Lộc",
    "Xã Lộc Hà",
    "Xã Vũ Quang",
    "Phường Sông Trí",
    "Xã Thạch Khê",
    "Xã Cẩm Bình",
    "Xã Tiên Điền",
]
STREETS = [
    "Trần Phú",
    "Hà Huy Tập",
    "Phan Đình Phùng",
    "Nguyễn Du",
    "Lê Duẩn",
    "Xuân Diệu",
    "Nguyễn Huy Tự",
    "Hàm Nghi",
    "Mai Thúc Loan",
    "Vũ Quang",
]
PROVINCES = ["042"] * 8 + ["040", "044", "001", "038", "079", "045"]
MOBILE_PREFIXES = [
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "086",
    "096",
    "097",
    "098",
    "081",
    "082",
    "083",
    "084",
    "085",
    "088",
    "091",
    "094",
    "070",
    "076",
    "077",
    "078",
    "079",
    "089",
    "090",
    "093",
    "056",
    "058",
    "092",
]


@dataclass(frozen=True)
class DemoPerson:
    full_name: str
    sex: str
    birth_date: date
    id_number: str
    phone: str
    address: str


class PersonFactory:
    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._families = [f for f, _ in FAMILY]
        self._weights = [w for _, w in FAMILY]

    def person(self, today: date) -> DemoPerson:
        rng = self._rng
        female = rng.random() < 0.5
        family = rng.choices(self._families, self._weights)[0]
        middles = MIDDLE_F if female else MIDDLE_M
        middle = rng.choice(middles)
        if rng.random() < 0.15:
            middle = f"{middle} {rng.choice(middles)}"
        given = rng.choice(GIVEN_F if female else GIVEN_M)
        year = rng.randint(today.year - 80, today.year - 16)
        birth = date(year, rng.randint(1, 12), rng.randint(1, 28))
        century = (year - 1900) // 100
        digit4 = century * 2 + (1 if female else 0)
        cccd = f"{rng.choice(PROVINCES)}{digit4}{year % 100:02d}{rng.randint(0, 999999):06d}"
        phone = f"{rng.choice(MOBILE_PREFIXES)}{rng.randint(0, 9999999):07d}"
        address = (
            f"Số {rng.randint(1, 250)} đường {rng.choice(STREETS)}, "
            f"{rng.choice(PLACES)}, tỉnh Hà Tĩnh"
        )
        return DemoPerson(
            f"{family} {middle} {given}", "Nữ" if female else "Nam", birth, cccd, phone, address
        )
