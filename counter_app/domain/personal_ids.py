"""Personal ids as clerks type them: the 12-digit CCCD / số định danh cá nhân, whose structure is
checked and decoded (province, sex, birth year), and the 9-digit old CMND."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from counter_app.domain.identifiers import normalise_id_number
from counter_app.domain.validation import field_error, given_or_today
from counter_protocol.texts import QT_TRANSLATE_NOOP

# Birth-registration province codes of the 63 provinces before the 2025 merger
# (TT 07/2016/TT-BCA, kept by TT 59/2021/TT-BCA). A person's number never changes, so numbers
# issued before the merger keep these codes.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
    "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
    "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
    "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
    "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
    "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
    "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
    "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
    "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu", "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang",
    "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp",
    "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
    "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip

_NUMBER_SEPARATORS = re.compile(r"[\s.\-]+")


@dataclass(frozen=True)
class PersonalId:
    """A checked personal id. Only 12-digit numbers are decoded; they carry no checksum."""

    number: str
    kind: Literal["cccd", "cmnd"]
    province_code: str | None
    province_name: str | None
    sex: Literal["nam", "nữ"] | None
    birth_year: int | None


def validate_personal_id(
    value: str,
    birth_year: int | None = None,
    field: str = "id_number",
    *,
    today: date | None = None,
) -> PersonalId:
    """A 12-digit CCCD / số định danh (structure checked) or a 9-digit old CMND (accepted as is).

    There is no public check digit: the checks are the province allowlist, the century/sex digit
    and a plausible birth year (1900 to this year), which must equal `birth_year` when known.
    Spaces, dots and dashes typed between digit groups are ignored.
    """
    number = _NUMBER_SEPARATORS.sub("", value)
    _check_digits(number, field)
    if len(number) == 9:
        return PersonalId(number, "cmnd", None, None, None, None)
    if len(number) != 12:
        raise field_error(
            field,
            "id.length",
            QT_TRANSLATE_NOOP(
                "messages",
                "Số CCCD phải gồm 12 chữ số (CMND cũ gồm 9 chữ số); số đã nhập có {count} chữ số.",
            ),
            count=len(number),
        )
    return _decode_cccd(number, birth_year, field, given_or_today(today))


def _check_digits(number: str, field: str) -> None:
    if not number:
        raise field_error(
            field, "id.empty", QT_TRANSLATE_NOOP("messages", "Chưa nhập số CCCD/CMND.")
        )
    if not (number.isascii() and number.isdigit()):
        raise field_error(
            field,
            "id.not_digits",
            QT_TRANSLATE_NOOP("messages", "Số CCCD/CMND chỉ được gồm chữ số."),
        )


def _decode_cccd(number: str, birth_year: int | None, field: str, today: date) -> PersonalId:
    province_code = number[:3]
    province_name = _province_name(province_code, field)
    century_sex = int(number[3])
    decoded_year = _birth_year(century_sex, number, field, today)
    if birth_year is not None and birth_year != decoded_year:
        raise field_error(
            field,
            "cccd.birth_year_mismatch",
            QT_TRANSLATE_NOOP(
                "messages",
                "Năm sinh trong số CCCD ({year}) không khớp với ngày sinh ({birth_year}).",
            ),
            year=decoded_year,
            birth_year=birth_year,
        )
    sex: Literal["nam", "nữ"] = "nam" if century_sex % 2 == 0 else "nữ"
    return PersonalId(number, "cccd", province_code, province_name, sex, decoded_year)


def _province_name(province_code: str, field: str) -> str:
    province_name = PROVINCE_CODES.get(province_code)
    if province_name is None:
        raise field_error(
            field,
            "cccd.province",
            QT_TRANSLATE_NOOP("messages", "Mã tỉnh {province} trong số CCCD không tồn tại."),
            province=province_code,
        )
    return province_name


def _birth_year(century_sex: int, number: str, field: str, today: date) -> int:
    # 0/1 → 1900s, 2/3 → 2000s, …; even = nam, odd = nữ. The decoded year is never before 1900.
    decoded_year = 1900 + (century_sex // 2) * 100 + int(number[4:6])
    if decoded_year > today.year:
        raise field_error(
            field,
            "cccd.future_year",
            QT_TRANSLATE_NOOP(
                "messages",
                "Năm sinh trong số CCCD ({year}) nằm ở tương lai; kiểm tra chữ số thứ 4–6.",
            ),
            year=decoded_year,
        )
    return decoded_year


def validate_old_id_number(number: str, field: str = "old_id_number") -> str:
    """An old CMND as typed: 9 digits (or 12, the last CMND series), group marks removed."""
    digits = normalise_id_number(number) or ""
    if not (digits.isascii() and digits.isdigit() and len(digits) in (9, 12)):
        raise field_error(
            field,
            "id.old_cmnd",
            QT_TRANSLATE_NOOP("messages", "Số CMND cũ phải gồm 9 hoặc 12 chữ số."),
        )
    return digits
