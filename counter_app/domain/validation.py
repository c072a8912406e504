"""Checks on what clerks type: personal ids, phones, S10 tracking numbers, dates, e-mail, names."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from counter_app.domain.text import clean
from counter_app.domain.vntime import now_vn
from counter_protocol.errors import UserError
from counter_protocol.texts import QT_TRANSLATE_NOOP
from counter_protocol.tracking import is_s10_shaped, normalise_tracking_number, s10_problem


@dataclass(frozen=True)
class ValidationIssue:
    """One problem with one field. Non-blocking issues are warnings the clerk may override."""

    field: str
    message: str
    blocking: bool = True
    code: str = ""  # stable machine key, e.g. "cccd.province", for UI logic and tests
    # The message before formatting and its values: the screen translates the template, then
    # formats it (decision 0034). Empty when the message has no values in it.
    template: str = dataclasses.field(default="", compare=False)
    params: tuple[tuple[str, object], ...] = dataclasses.field(default=(), compare=False)


def issue(
    field: str, code: str, template: str, /, *, blocking: bool = True, **params: object
) -> ValidationIssue:
    """An issue whose message is `template` (marked for translation) formatted with `params`."""
    return _issue(field, code, template, blocking, params)


def _issue(
    name: str, code: str, template: str, blocking: bool, params: dict[str, object]
) -> ValidationIssue:
    message = template.format(**params) if params else template  # untranslated: the formatter
    return ValidationIssue(name, message, blocking, code, template, tuple(params.items()))


class ValidationError(UserError):
    """Raised when input is refused; `str()` is the Vietnamese messages, one per line."""

    default_code = "validation.refused"

    def __init__(self, issues: Sequence[ValidationIssue]) -> None:
        if not issues:
            raise ValueError("ValidationError needs at least one issue")
        self.issues: list[ValidationIssue] = list(issues)
        # untranslated: the screens show each issue by its own template (ui/texts.py)
        message = "\n".join(issue.message for issue in self.issues)
        super().__init__(message, field=self.issues[0].field)

    @classmethod
    def single(
        cls,
        field: str,
        message: str,
        *,
        code: str = "",
        params: dict[str, object] | None = None,
    ) -> ValidationError:
        """One issue; `message` a marked template formatted with `params` when it has values."""
        return cls([_issue(field, code, message, True, dict(params or {}))])

    @classmethod
    def combine(cls, errors: Iterable[ValidationError]) -> ValidationError:
        """One error carrying the issues of several (a form that checks every field first)."""
        return cls([issue for error in errors for issue in error.issues])

    @property
    def fields(self) -> list[str]:
        return [issue.field for issue in self.issues]

    @property
    def codes(self) -> list[str]:
        return [issue.code for issue in self.issues]


def _error(field: str, code: str, template: str, /, **params: object) -> ValidationError:
    return ValidationError([_issue(field, code, template, True, params)])


def _today(today: date | None) -> date:
    return today if today is not None else now_vn().date()


# --- Personal id: CCCD / số định danh cá nhân (12 digits) and old CMND (9 digits) -------------

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
    if not number:
        raise _error(field, "id.empty", QT_TRANSLATE_NOOP("messages", "Chưa nhập số CCCD/CMND."))
    if not (number.isascii() and number.isdigit()):
        raise _error(
            field,
            "id.not_digits",
            QT_TRANSLATE_NOOP("messages", "Số CCCD/CMND chỉ được gồm chữ số."),
        )
    if len(number) == 9:
        return PersonalId(number, "cmnd", None, None, None, None)
    if len(number) != 12:
        raise _error(
            field,
            "id.length",
            QT_TRANSLATE_NOOP(
                "messages",
                "Số CCCD phải gồm 12 chữ số (CMND cũ gồm 9 chữ số); số đã nhập có {count} chữ số.",
            ),
            count=len(number),
        )
    return _decode_cccd(number, birth_year, field, _today(today))


def _decode_cccd(number: str, birth_year: int | None, field: str, today: date) -> PersonalId:
    province_code = number[:3]
    province_name = PROVINCE_CODES.get(province_code)
    if province_name is None:
        raise _error(
            field,
            "cccd.province",
            QT_TRANSLATE_NOOP("messages", "Mã tỉnh {province} trong số CCCD không tồn tại."),
            province=province_code,
        )
    century_sex = int(number[3])
    # 0/1 → 1900s, 2/3 → 2000s, …; even = nam, odd = nữ. The decoded year is never before 1900.
    decoded_year = 1900 + (century_sex // 2) * 100 + int(number[4:6])
    if decoded_year > today.year:
        raise _error(
            field,
            "cccd.future_year",
            QT_TRANSLATE_NOOP(
                "messages",
                "Năm sinh trong số CCCD ({year}) nằm ở tương lai; kiểm tra chữ số thứ 4–6.",
            ),
            year=decoded_year,
        )
    if birth_year is not None and birth_year != decoded_year:
        raise _error(
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


# --- Phone numbers -------------------------------------------------------------------------------

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]+")
_MOBILE = re.compile(r"0[35789]\d{8}")
_LANDLINE = re.compile(r"02\d{9}")
_NATIONAL_LENGTHS = (10, 11)


@dataclass(frozen=True)
class Phone:
    """A checked Vietnamese phone number: as typed, national (0…) and E.164 (+84…) forms."""

    raw: str
    national: str
    e164: str
    kind: Literal["mobile", "landline"]


def validate_phone(value: str, field: str = "phone") -> Phone:
    """A mobile (0[35789] + 8 digits) or landline (02 + 9 digits) number, in any usual spelling.

    Accepts `+84…`, `84…`, `0084…`, and separators (spaces, dots, dashes, parentheses).
    """
    raw = value.strip()
    compact = _PHONE_SEPARATORS.sub("", raw)
    if not compact:
        raise _error(
            field, "phone.empty", QT_TRANSLATE_NOOP("messages", "Chưa nhập số điện thoại.")
        )
    digits = compact[1:] if compact.startswith("+") else compact
    if compact.startswith("+") and not digits.startswith("84"):
        raise _error(
            field,
            "phone.country",
            QT_TRANSLATE_NOOP("messages", "Chỉ nhận số điện thoại Việt Nam (+84)."),
        )
    if not (digits.isascii() and digits.isdigit()):
        raise _error(
            field,
            "phone.not_digits",
            QT_TRANSLATE_NOOP(
                "messages", "Số điện thoại chỉ được gồm chữ số (có thể có +84 ở đầu)."
            ),
        )
    national = _to_national(digits)
    if _MOBILE.fullmatch(national):
        return Phone(raw, national, "+84" + national[1:], "mobile")
    if _LANDLINE.fullmatch(national):
        return Phone(raw, national, "+84" + national[1:], "landline")
    raise _phone_refusal(field, national)


def _phone_refusal(field: str, national: str) -> ValidationError:
    if len(national) == 11 and national.startswith("01"):
        return _error(
            field,
            "phone.old_prefix",
            QT_TRANSLATE_NOOP(
                "messages",
                "Số {number} dùng đầu số 11 chữ số cũ (01x); từ năm 2018 số di động chỉ còn "
                "10 chữ số, hãy nhập số mới.",
            ),
            number=national,
        )
    return _error(
        field,
        "phone.format",
        QT_TRANSLATE_NOOP(
            "messages",
            "Số điện thoại không hợp lệ: số di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 "
            "hoặc 09; số cố định gồm 11 chữ số, bắt đầu bằng 02 (ví dụ 0239 3855 555).",
        ),
    )


def _to_national(digits: str) -> str:
    """Turn the international spellings (84…, 0084…, 84 0…) into the national 0… form."""
    for prefix in ("0084", "84"):
        if digits.startswith(prefix):
            rest = digits[len(prefix) :]
            # "+84 0912…" (the trunk 0 kept after the country code) is a common slip.
            national = rest if rest.startswith("0") else "0" + rest
            if len(national) in _NATIONAL_LENGTHS:
                return national
    return digits


# --- UPU S10 tracking numbers --------------------------------------------------------------------


def validate_s10(value: str, field: str = "tracking_number") -> str:
    """A UPU S10 item number with a correct check digit, normalised (e.g. `EE123456785VN`)."""
    code = normalise_tracking_number(value)
    fault = s10_problem(code)
    if fault is not None:
        fault_code, template, params = fault
        raise _error(field, fault_code, template, **params)
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
        raise _error(
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


# --- Dates ---------------------------------------------------------------------------------------

_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_COMPACT = re.compile(r"(\d{2})(\d{2})(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
EARLIEST_YEAR = 1900


def validate_date(
    value: str, field: str = "date", *, not_future: bool = False, today: date | None = None
) -> date:
    """A date typed as dd/mm/yyyy, d/m/yyyy, ddmmyyyy or yyyy-mm-dd ('.' or '-' also separate).

    Years before 1900 are refused as typos; `not_future` refuses dates after `today`
    (default: today in Vietnam).
    """
    text = value.strip()
    if not text:
        raise _error(field, "date.empty", QT_TRANSLATE_NOOP("messages", "Chưa nhập ngày."))
    parts = _date_parts(text)
    if parts is None:
        raise _error(
            field,
            "date.format",
            QT_TRANSLATE_NOOP(
                "messages",
                "Ngày “{text}” không đúng định dạng; hãy nhập ngày/tháng/năm, ví dụ 05/09/2025.",
            ),
            text=text,
        )
    parsed = _calendar_date(field, *parts)
    if not_future and parsed > _today(today):
        raise _error(
            field,
            "date.future",
            QT_TRANSLATE_NOOP("messages", "Ngày {day:%d/%m/%Y} nằm ở tương lai."),
            day=parsed,
        )
    return parsed


def _calendar_date(field: str, year: int, month: int, day: int) -> date:
    if year < EARLIEST_YEAR:
        raise _error(
            field,
            "date.year",
            QT_TRANSLATE_NOOP("messages", "Năm {year} không hợp lệ (phải từ {earliest} trở đi)."),
            year=year,
            earliest=EARLIEST_YEAR,
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise _error(
            field,
            "date.invalid",
            QT_TRANSLATE_NOOP("messages", "Ngày {day:02d}/{month:02d}/{year} không tồn tại."),
            day=day,
            month=month,
            year=year,
        ) from None


def _date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) from the accepted spellings, or None."""
    if match := _DAY_FIRST.fullmatch(text) or _COMPACT.fullmatch(text):
        day, month, year = match.groups()
        return int(year), int(month), int(day)
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
        return int(year), int(month), int(day)
    return None


# --- E-mail --------------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)


def validate_email(value: str, field: str = "email") -> str:
    """A structurally sound ASCII address (local@domain.tld); the domain is lower-cased."""
    text = value.strip()
    if not text:
        raise _error(
            field, "email.empty", QT_TRANSLATE_NOOP("messages", "Chưa nhập địa chỉ email.")
        )
    local, _, domain = text.rpartition("@")
    if len(text) > 254 or len(local) > 64 or not _EMAIL.fullmatch(text):
        raise _error(
            field,
            "email.format",
            QT_TRANSLATE_NOOP(
                "messages", "Địa chỉ email “{text}” không hợp lệ; ví dụ đúng: ten@example.com."
            ),
            text=text,
        )
    return f"{local}@{domain.lower()}"


# --- Personal names ------------------------------------------------------------------------------

NAME_MAX_LENGTH = 100
_NAME_PUNCTUATION = frozenset(" '-.")
# Typographic apostrophes, as in Ê Đê names (H’Hen Niê), are stored as the plain one.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def validate_full_name(value: str, field: str = "full_name") -> str:
    """A person's name in NFC with single spaces; letters, spaces and ' - . only."""
    name = clean(value.translate(_APOSTROPHES))
    if not name:
        raise _error(field, "name.empty", QT_TRANSLATE_NOOP("messages", "Chưa nhập họ tên."))
    if len(name) > NAME_MAX_LENGTH:
        raise _error(
            field,
            "name.length",
            QT_TRANSLATE_NOOP("messages", "Họ tên quá dài (tối đa {limit} ký tự)."),
            limit=NAME_MAX_LENGTH,
        )
    bad = sorted({c for c in name if not (c.isalpha() or c in _NAME_PUNCTUATION)})
    if bad:
        shown = " ".join(f"“{c}”" for c in bad)
        raise _error(
            field,
            "name.chars",
            QT_TRANSLATE_NOOP(
                "messages",
                "Họ tên chỉ được gồm chữ cái, dấu cách và các dấu ' - . "
                "(có ký tự không hợp lệ: {chars}).",
            ),
            chars=shown,
        )
    if not any(c.isalpha() for c in name):
        raise _error(
            field,
            "name.no_letter",
            QT_TRANSLATE_NOOP("messages", "Họ tên phải có ít nhất một chữ cái."),
        )
    return name
