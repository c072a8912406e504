"""Tests for parsing the chip-card CCCD QR line."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from counter_app.domain.cccd_qr import CccdQr, looks_like_cccd_qr, parse_cccd_qr
from counter_app.domain.validation import ValidationError

TODAY = date(2026, 6, 15)
ADDRESS = "Thôn Trung Tiến, Xã Thạch Hà, Hà Tĩnh"
GOOD = f"042195123456|183456789|Nguyễn Thị Hường|15081995|Nữ|{ADDRESS}|20042021"


def refused(line: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse_cccd_qr(line, today=TODAY)
    assert len(caught.value.issues) == 1
    return caught.value


def test_full_line() -> None:
    qr = parse_cccd_qr(GOOD, today=TODAY)
    assert isinstance(qr, CccdQr)
    assert qr.id_number == "042195123456"
    assert qr.old_id_number == "183456789"
    assert qr.full_name == "Nguyễn Thị Hường"
    assert qr.birth_date == date(1995, 8, 15)
    assert qr.sex == "Nữ"
    assert qr.address == ADDRESS
    assert qr.issue_date == date(2021, 4, 20)
    assert qr.personal_id.province_name == "Hà Tĩnh"


def test_empty_old_cmnd_is_none() -> None:
    qr = parse_cccd_qr("001087000001||Trần Văn An|01021987|Nam|Hà Nội|10102022", today=TODAY)
    assert qr.old_id_number is None
    assert qr.sex == "Nam"
    assert qr.personal_id.sex == "nam"


def test_nfd_text_with_scanner_cr_lf_and_padding() -> None:
    line = "  " + unicodedata.normalize("NFD", GOOD) + "\r\n"
    qr = parse_cccd_qr(line, today=TODAY)
    assert qr.full_name == "Nguyễn Thị Hường"
    assert unicodedata.is_normalized("NFC", qr.address)
    assert qr.address == ADDRESS
    assert qr.sex == "Nữ"


def test_line_broken_by_the_scanner_inside_a_field() -> None:
    broken = GOOD.replace("Thị ", "Thị\r\n")
    assert parse_cccd_qr(broken, today=TODAY).full_name == "Nguyễn Thị Hường"


def test_whitespace_inside_fields_is_collapsed() -> None:
    line = "042195123456| |  Nguyễn   Thị  Hường |15081995| nữ |Thôn  Trung Tiến,  Hà Tĩnh|"
    qr = parse_cccd_qr(line, today=TODAY)
    assert qr.full_name == "Nguyễn Thị Hường"
    assert qr.sex == "Nữ"
    assert qr.address == "Thôn Trung Tiến, Hà Tĩnh"
    assert qr.old_id_number is None
    assert qr.issue_date is None


def test_extra_trailing_fields_are_tolerated() -> None:
    qr = parse_cccd_qr(GOOD + "|extra|20042036", today=TODAY)
    assert qr.issue_date == date(2021, 4, 20)


def test_utf8_read_as_windows_1252_is_repaired() -> None:
    garbled = GOOD.encode("utf-8").decode("latin-1")
    assert "Nguyá»" in garbled
    qr = parse_cccd_qr(garbled, today=TODAY)
    assert qr.full_name == "Nguyễn Thị Hường"
    assert qr.address == ADDRESS


def test_too_few_fields() -> None:
    error = refused("042195123456|183456789|Nguyễn Thị Hường|15081995|Nữ")
    assert error.codes == ["qr.field_count"]
    assert "chỉ đọc được 5" in str(error)


def test_no_separator_hints_at_the_keyboard_layout() -> None:
    error = refused("042195123456 183456789 Nguyễn Thị Hường")
    assert error.codes == ["qr.no_separator"]
    assert "Unikey" in str(error)


@pytest.mark.parametrize("bad", ["1508195", "15/08/1995", "ngaysinh", ""])
def test_bad_birth_date_format(bad: str) -> None:
    error = refused(GOOD.replace("15081995", bad))
    assert error.codes == ["qr.date_format"]
    assert error.fields == ["birth_date"]


def test_impossible_birth_date() -> None:
    error = refused(GOOD.replace("15081995", "31021995"))
    assert error.codes == ["date.invalid"]
    assert error.fields == ["birth_date"]


def test_birth_year_must_match_the_id() -> None:
    error = refused(GOOD.replace("15081995", "15081996"))
    assert str(error) == "Năm sinh trong số CCCD (1995) không khớp với ngày sinh (1996)."


def test_sex_must_match_the_id() -> None:
    assert refused(GOOD.replace("|Nữ|", "|Nam|")).codes == ["qr.sex_mismatch"]
    assert refused(GOOD.replace("|Nữ|", "|X|")).codes == ["qr.sex"]


def test_bad_issue_dates() -> None:
    assert refused(GOOD.replace("20042021", "20042027")).codes == ["date.future"]
    assert refused(GOOD.replace("20042021", "20041990")).codes == ["qr.issue_before_birth"]
    assert refused(GOOD.replace("20042021", "2004202")).codes == ["qr.date_format"]


def test_bad_id_fields() -> None:
    assert refused(GOOD.replace("042195123456", "099195123456")).codes == ["cccd.province"]
    assert refused(GOOD.replace("042195123456", "183456789")).codes == ["qr.id_kind"]
    assert refused(GOOD.replace("183456789", "18345")).codes == ["qr.old_id"]


def test_bad_name() -> None:
    assert refused(GOOD.replace("Nguyễn Thị Hường", "")).codes == ["name.empty"]


def test_looks_like_cccd_qr() -> None:
    assert looks_like_cccd_qr(GOOD)
    assert looks_like_cccd_qr(" " + GOOD + "\r\n")
    assert looks_like_cccd_qr("042195123456|183456789|Nguyễn")  # damaged, still routed to parse
    assert not looks_like_cccd_qr("042195123456")
    assert not looks_like_cccd_qr("Nguyễn Thị Hường")
    assert not looks_like_cccd_qr("04219512345|x|y|z|w|v|u")
    assert not looks_like_cccd_qr("")
