"""The vocabulary of checks on what clerks type (an issue, the error that carries issues) and
the checks on dates, e-mail addresses and names. Personal ids, phones and postal item numbers
have their own modules: `personal_ids.py`, `phones.py`, `tracking_numbers.py`."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from counter_app.domain.text import clean
from counter_app.domain.vntime import now_vn
from counter_protocol.errors import UserError
from counter_protocol.texts import QT_TRANSLATE_NOOP


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


def field_error(field: str, code: str, template: str, /, **params: object) -> ValidationError:
    """The error of one blocking issue: `template` (marked for translation) with `params`."""
    return ValidationError([_issue(field, code, template, True, params)])


def given_or_today(today: date | None) -> date:
    """`today` when a caller fixes it (tests, replays), else today in Vietnam."""
    return today if today is not None else now_vn().date()


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
        raise field_error(field, "date.empty", QT_TRANSLATE_NOOP("messages", "Chưa nhập ngày."))
    parsed = _typed_date(field, text)
    if not_future and parsed > given_or_today(today):
        raise field_error(
            field,
            "date.future",
            QT_TRANSLATE_NOOP("messages", "Ngày {day:%d/%m/%Y} nằm ở tương lai."),
            day=parsed,
        )
    return parsed


def _typed_date(field: str, text: str) -> date:
    parts = _date_parts(text)
    if parts is None:
        raise field_error(
            field,
            "date.format",
            QT_TRANSLATE_NOOP(
                "messages",
                "Ngày “{text}” không đúng định dạng; hãy nhập ngày/tháng/năm, ví dụ 05/09/2025.",
            ),
            text=text,
        )
    return _calendar_date(field, *parts)


def _calendar_date(field: str, year: int, month: int, day: int) -> date:
    if year < EARLIEST_YEAR:
        raise field_error(
            field,
            "date.year",
            QT_TRANSLATE_NOOP("messages", "Năm {year} không hợp lệ (phải từ {earliest} trở đi)."),
            year=year,
            earliest=EARLIEST_YEAR,
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise field_error(
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
        raise field_error(
            field, "email.empty", QT_TRANSLATE_NOOP("messages", "Chưa nhập địa chỉ email.")
        )
    local, _, domain = text.rpartition("@")
    if len(text) > 254 or len(local) > 64 or not _EMAIL.fullmatch(text):
        raise field_error(
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
        raise field_error(field, "name.empty", QT_TRANSLATE_NOOP("messages", "Chưa nhập họ tên."))
    if len(name) > NAME_MAX_LENGTH:
        raise field_error(
            field,
            "name.length",
            QT_TRANSLATE_NOOP("messages", "Họ tên quá dài (tối đa {limit} ký tự)."),
            limit=NAME_MAX_LENGTH,
        )
    _refuse_other_characters(name, field)
    if not any(c.isalpha() for c in name):
        raise field_error(
            field,
            "name.no_letter",
            QT_TRANSLATE_NOOP("messages", "Họ tên phải có ít nhất một chữ cái."),
        )
    return name


def _refuse_other_characters(name: str, field: str) -> None:
    bad = sorted({c for c in name if not (c.isalpha() or c in _NAME_PUNCTUATION)})
    if bad:
        shown = " ".join(f"“{c}”" for c in bad)
        raise field_error(
            field,
            "name.chars",
            QT_TRANSLATE_NOOP(
                "messages",
                "Họ tên chỉ được gồm chữ cái, dấu cách và các dấu ' - . "
                "(có ký tự không hợp lệ: {chars}).",
            ),
            chars=shown,
        )
