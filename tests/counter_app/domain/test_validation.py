"""Tests for the input validators: personal ids, phones, S10, dates, e-mail, names."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from counter_app.domain.personal_ids import PROVINCE_CODES, PersonalId, validate_personal_id
from counter_app.domain.phones import validate_phone
from counter_app.domain.tracking_numbers import check_tracking_number, validate_s10
from counter_app.domain.validation import (
    ValidationError,
    ValidationIssue,
    validate_date,
    validate_email,
    validate_full_name,
)
from counter_protocol.errors import UserError
from counter_protocol.tracking import s10_check_digit

TODAY = date(2026, 6, 15)


def refusal(call: object, *args: object, **kwargs: object) -> ValidationError:
    """Run a validator that must refuse, and return its single issue's error."""
    assert callable(call)
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert len(caught.value.issues) == 1
    assert caught.value.issues[0].blocking
    return caught.value


# --- ValidationError ------------------------------------------------------------------------------


def test_validation_error_is_a_user_error_whose_str_is_the_messages() -> None:
    error = ValidationError(
        [ValidationIssue("a", "Lỗi một.", code="x"), ValidationIssue("b", "Lỗi hai.")]
    )
    assert isinstance(error, UserError) and error.field == "a"
    assert str(error) == "Lỗi một.\nLỗi hai."
    assert error.fields == ["a", "b"]
    assert error.codes == ["x", ""]


def test_combine_keeps_every_issue_in_order() -> None:
    first = ValidationError.single("phone", "Sai số điện thoại.")
    second = ValidationError.single("email", "Sai email.")
    assert ValidationError.combine([first, second]).fields == ["phone", "email"]


def test_validation_error_needs_an_issue() -> None:
    with pytest.raises(ValueError, match="at least one"):
        ValidationError([])


# --- Personal id ----------------------------------------------------------------------------------


def test_cccd_is_decoded() -> None:
    assert validate_personal_id("042195123456", today=TODAY) == PersonalId(
        "042195123456", "cccd", "042", "Hà Tĩnh", "nữ", 1995
    )


@pytest.mark.parametrize(
    ("number", "sex", "year"),
    [
        ("001087000001", "nam", 1987),
        ("079300123456", "nữ", 2000),
        ("038226000001", "nam", 2026),
        ("096199999999", "nữ", 1999),
    ],
)
def test_century_and_sex_digit(number: str, sex: str, year: int) -> None:
    decoded = validate_personal_id(number, today=TODAY)
    assert (decoded.sex, decoded.birth_year) == (sex, year)


def test_cccd_typed_with_spaces_is_normalised() -> None:
    assert validate_personal_id(" 042 195 123-456 ", today=TODAY).number == "042195123456"


def test_matching_birth_year_is_accepted() -> None:
    assert validate_personal_id("042195123456", birth_year=1995, today=TODAY).birth_year == 1995


def test_mismatching_birth_year_is_refused() -> None:
    error = refusal(validate_personal_id, "042195123456", birth_year=1996, today=TODAY)
    assert str(error) == "Năm sinh trong số CCCD (1995) không khớp với ngày sinh (1996)."
    assert error.codes == ["cccd.birth_year_mismatch"]


def test_unknown_province_is_refused() -> None:
    error = refusal(validate_personal_id, "099195123456", today=TODAY)
    assert str(error) == "Mã tỉnh 099 trong số CCCD không tồn tại."
    assert error.fields == ["id_number"]


@pytest.mark.parametrize("code", ["000", "003", "041", "097", "100"])
def test_codes_between_provinces_are_refused(code: str) -> None:
    assert refusal(validate_personal_id, f"{code}195123456", today=TODAY).codes == ["cccd.province"]


def test_future_birth_year_is_refused() -> None:
    assert refusal(validate_personal_id, "042227123456", today=TODAY).codes == ["cccd.future_year"]
    assert refusal(validate_personal_id, "042495123456", today=TODAY).codes == ["cccd.future_year"]


@pytest.mark.parametrize("value", ["04219512345", "0421951234567", "12345"])
def test_wrong_length_is_refused(value: str) -> None:
    error = refusal(validate_personal_id, value, today=TODAY)
    assert str(error).startswith("Số CCCD phải gồm 12 chữ số")
    assert error.codes == ["id.length"]


def test_letters_and_empty_are_refused() -> None:
    assert refusal(validate_personal_id, "04219512345A").codes == ["id.not_digits"]
    assert refusal(validate_personal_id, "０４２１９５１２３４５６").codes == ["id.not_digits"]
    assert refusal(validate_personal_id, "   ").codes == ["id.empty"]


def test_field_name_is_carried() -> None:
    assert refusal(validate_personal_id, "1", field="receiver_id").fields == ["receiver_id"]


def test_old_cmnd_is_accepted_without_decoding() -> None:
    assert validate_personal_id("183456789", birth_year=1970) == PersonalId(
        "183456789", "cmnd", None, None, None, None
    )


def test_province_table_is_the_63_pre_2025_provinces() -> None:
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["042"] == "Hà Tĩnh"
    assert PROVINCE_CODES["079"] == "Hồ Chí Minh"
    assert PROVINCE_CODES["096"] == "Cà Mau"
    assert all(unicodedata.is_normalized("NFC", name) for name in PROVINCE_CODES.values())


# --- Phones ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["0912345678", "+84912345678", "84912345678", "0084912345678", "091 234 5678", "0912.345.678",
     "0912-345-678", "+84 (0) 912 345 678"],
)  # fmt: skip
def test_mobile_spellings(raw: str) -> None:
    phone = validate_phone(raw)
    assert (phone.national, phone.e164, phone.kind) == ("0912345678", "+84912345678", "mobile")
    assert phone.raw == raw.strip()


@pytest.mark.parametrize("prefix", ["03", "05", "07", "08", "09"])
def test_every_mobile_prefix(prefix: str) -> None:
    assert validate_phone(f"{prefix}12345678").kind == "mobile"


def test_landline() -> None:
    phone = validate_phone("02393855555")
    assert (phone.national, phone.e164, phone.kind) == ("02393855555", "+842393855555", "landline")
    assert validate_phone("(0239) 385 5555").national == "02393855555"
    assert validate_phone("+84 239 3855555").kind == "landline"
    assert validate_phone("024 3825 6686").kind == "landline"


@pytest.mark.parametrize(
    "raw", ["0123456789", "0412345678", "091234567", "09123456789", "0239385555", "1912345678"]
)
def test_bad_numbers_are_refused(raw: str) -> None:
    error = refusal(validate_phone, raw)
    assert error.codes == ["phone.format"]
    assert "10 chữ số" in str(error)


def test_old_eleven_digit_mobile_gets_a_specific_message() -> None:
    error = refusal(validate_phone, "01234567890")
    assert error.codes == ["phone.old_prefix"]
    assert "2018" in str(error)


def test_phone_refusals_other() -> None:
    assert refusal(validate_phone, "").codes == ["phone.empty"]
    assert refusal(validate_phone, "0912abc678").codes == ["phone.not_digits"]
    assert refusal(validate_phone, "+1 212 555 0100").codes == ["phone.country"]


# --- S10 ------------------------------------------------------------------------------------------


def test_s10_check_digit_worked_example() -> None:
    assert s10_check_digit("12345678") == 5
    assert s10_check_digit("00071761") == 8


def test_s10_check_digit_special_remainders() -> None:
    # Σ = 0 → remainder 0 → c = 11, written 5.
    assert s10_check_digit("00000000") == 5
    # Σ = 6·2 = 12 → remainder 1 → c = 10, written 0.
    assert s10_check_digit("00060000") == 0
    # Σ = 1·7 = 7 → c = 4, an ordinary case.
    assert s10_check_digit("00000001") == 4


def test_s10_check_digit_rejects_bad_serials() -> None:
    with pytest.raises(ValueError):
        s10_check_digit("1234567")
    with pytest.raises(ValueError):
        s10_check_digit("1234567a")


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [("EE123456785VN", "EE123456785VN"), ("ee123456785vn", "EE123456785VN"),
     ("EE 123 456 785 VN", "EE123456785VN"), ("EB000717618HK", "EB000717618HK")],
)  # fmt: skip
def test_valid_s10(raw: str, normalised: str) -> None:
    assert validate_s10(raw) == normalised


def test_s10_with_wrong_check_digit_is_refused() -> None:
    error = refusal(validate_s10, "EE123456784VN")
    assert error.codes == ["s10.check_digit"]
    assert "EE123456784VN" in str(error)


@pytest.mark.parametrize("raw", ["E123456785VN", "EE12345678VN", "EE123456785V", "1E123456785VN"])
def test_s10_shape_is_refused(raw: str) -> None:
    assert refusal(validate_s10, raw).codes == ["s10.shape"]


def test_tracking_number_accepts_non_s10_with_a_warning() -> None:
    code, issues = check_tracking_number(" ht 2026 0001 ")
    assert code == "HT20260001"
    assert [(i.code, i.blocking) for i in issues] == [("tracking.not_s10", False)]


def test_tracking_number_checks_s10_shaped_codes() -> None:
    assert check_tracking_number("ee123456785vn") == ("EE123456785VN", [])
    assert refusal(check_tracking_number, "EE123456784VN").codes == ["s10.check_digit"]
    assert refusal(check_tracking_number, "").codes == ["tracking.empty"]
    assert refusal(check_tracking_number, "HT/2026").codes == ["tracking.chars"]


# --- Dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["05/09/2025", "5/9/2025", "05092025", "2025-09-05", "05.09.2025",
                                 "05-09-2025", " 5/09/2025 "])  # fmt: skip
def test_date_spellings(raw: str) -> None:
    assert validate_date(raw) == date(2025, 9, 5)


def test_impossible_date_is_refused() -> None:
    error = refusal(validate_date, "31/02/2024", field="birth_date")
    assert str(error) == "Ngày 31/02/2024 không tồn tại."
    assert error.fields == ["birth_date"]
    assert validate_date("29/02/2024") == date(2024, 2, 29)


@pytest.mark.parametrize("raw", ["2025/09/05", "5/9/25", "0592025", "hôm nay", "05/09/2025 10:00"])
def test_unparseable_dates_are_refused(raw: str) -> None:
    assert refusal(validate_date, raw).codes == ["date.format"]


def test_date_year_floor_and_empty() -> None:
    assert refusal(validate_date, "01/01/1899").codes == ["date.year"]
    assert refusal(validate_date, "").codes == ["date.empty"]


def test_not_future() -> None:
    assert validate_date("15/06/2026", not_future=True, today=TODAY) == TODAY
    error = refusal(validate_date, "16/06/2026", not_future=True, today=TODAY)
    assert str(error) == "Ngày 16/06/2026 nằm ở tương lai."
    assert validate_date("16/06/2026", today=TODAY) == date(2026, 6, 16)


# --- E-mail ---------------------------------------------------------------------------------------


def test_good_emails() -> None:
    assert validate_email(" an.nguyen+hs@HaTinh.GOV.vn ") == "an.nguyen+hs@hatinh.gov.vn"
    assert validate_email("a@b.co") == "a@b.co"


@pytest.mark.parametrize(
    "raw",
    ["an", "an@", "@hatinh.gov.vn", "an@hatinh", "an@@hatinh.vn", "an nguyen@hatinh.vn",
     "an@hatinh..vn", ".an@hatinh.vn", "an.@hatinh.vn", "a..n@hatinh.vn", "an@-hatinh.vn",
     "nguyễn@hatinh.vn", "an@hatinh.v"],
)  # fmt: skip
def test_bad_emails(raw: str) -> None:
    assert refusal(validate_email, raw).codes == ["email.format"]


def test_empty_email() -> None:
    assert refusal(validate_email, "  ").codes == ["email.empty"]


# --- Names ----------------------------------------------------------------------------------------


def test_name_is_nfc_with_single_spaces() -> None:
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Thị\tHường ")
    assert validate_full_name(nfd) == "Nguyễn Thị Hường"


def test_name_punctuation_and_apostrophes() -> None:
    assert validate_full_name("H’Hen Niê") == "H'Hen Niê"
    assert validate_full_name("Lê Thị Ánh-Tuyết") == "Lê Thị Ánh-Tuyết"
    assert validate_full_name("John F. Kennedy") == "John F. Kennedy"


@pytest.mark.parametrize(("raw", "shown"), [("Nguyễn Văn 3", "“3”"), ("An@Bình", "“@”"),
                                            ("An, Bình", "“,”")])  # fmt: skip
def test_name_with_bad_characters_is_refused(raw: str, shown: str) -> None:
    error = refusal(validate_full_name, raw)
    assert error.codes == ["name.chars"]
    assert shown in str(error)


def test_name_other_refusals() -> None:
    assert refusal(validate_full_name, " \t ").codes == ["name.empty"]
    assert refusal(validate_full_name, "- . -").codes == ["name.no_letter"]
    assert refusal(validate_full_name, "A" * 101).codes == ["name.length"]
    assert validate_full_name("A" * 100) == "A" * 100
