"""Parsing the QR code on the back of a chip CCCD, as a 2D scanner types it into a text field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counter_app.domain.personal_ids import PersonalId, validate_personal_id
from counter_app.domain.text import clean, fold
from counter_app.domain.validation import ValidationError, validate_date, validate_full_name
from counter_protocol.texts import QT_TRANSLATE_NOOP

FIELD_COUNT = 7  # CCCD|CMND cũ|Họ tên|Ngày sinh|Giới tính|Nơi thường trú|Ngày cấp
QR_FIELD = "cccd_qr"
_LOOKS_LIKE_QR = re.compile(r"\d{12}\|")
_COMPACT_DATE = re.compile(r"\d{8}")
_SEXES = {"nam": "Nam", "nu": "Nữ"}
# Characters that show a UTF-8 line was decoded as Windows-1252 (e.g. "Nguyá»…n" for "Nguyễn").
_MOJIBAKE_MARKERS = ("Ã", "Ä", "Æ", "á»", "áº")


@dataclass(frozen=True)
class CccdQr:
    """The fields of a chip-card QR, checked and normalised (NFC, single spaces)."""

    id_number: str
    old_id_number: str | None
    full_name: str
    birth_date: date
    sex: str  # "Nam" or "Nữ", as printed on the card
    address: str
    issue_date: date | None
    personal_id: PersonalId  # what the id number encodes (province, sex, birth year)


def looks_like_cccd_qr(text: str) -> bool:
    """Whether a scanned or typed text is a chip-card QR (12 digits then `|`), not a search.

    Deliberately loose, so a damaged scan still reaches `parse_cccd_qr` and its precise message.
    """
    return _LOOKS_LIKE_QR.match(text.strip()) is not None


def split_scanned_qr(text: str) -> tuple[str, str] | None:
    """A field's text as (what was typed before, the QR line) when a card was scanned into it,
    wherever the cursor stood (a scanner types the line after what the field held); else None."""
    found = _LOOKS_LIKE_QR.search(text)
    if found is None:
        return None
    return text[: found.start()].rstrip(), text[found.start() :]


def parse_cccd_qr(line: str, *, today: date | None = None) -> CccdQr:
    """Split and check one QR line; raise ValidationError (Vietnamese) if it is malformed.

    Tolerates NFD text, CR/LF sent by the scanner, a UTF-8 line mis-decoded as Windows-1252,
    and extra trailing fields that some cards carry.
    """
    fields = [f.strip() for f in _normalise_line(line).split("|")]
    if len(fields) < FIELD_COUNT:
        raise _malformed(line, len(fields))
    birth_date = _qr_date(fields[3], "birth_date", QT_TRANSLATE_NOOP("labels", "ngày sinh"), today)
    personal_id = validate_personal_id(
        _digits(fields[0]), birth_year=birth_date.year, field="id_number", today=today
    )
    if personal_id.kind != "cccd":
        raise ValidationError.single(
            "id_number",
            QT_TRANSLATE_NOOP("messages", "Trường đầu tiên của mã QR phải là số CCCD 12 chữ số."),
            code="qr.id_kind",
        )
    sex = _qr_sex(fields[4], personal_id)
    issue_date = _qr_issue_date(fields[6], birth_date, today)
    return CccdQr(
        id_number=personal_id.number,
        old_id_number=_old_id(fields[1]),
        full_name=validate_full_name(fields[2]),
        birth_date=birth_date,
        sex=sex,
        address=clean(fields[5]),
        issue_date=issue_date,
        personal_id=personal_id,
    )


def _normalise_line(line: str) -> str:
    """NFC, no CR/LF, no surrounding whitespace; undo Windows-1252 mojibake when it is certain."""
    text = line.replace("\r", " ").replace("\n", " ").strip()
    if any(marker in text for marker in _MOJIBAKE_MARKERS):
        text = _undo_mojibake(text)
    return clean(text)


def _undo_mojibake(text: str) -> str:
    """Re-read a UTF-8 line that was decoded as Windows-1252 (or Latin-1), else return it as is.

    This succeeds only if every character maps back to one byte and the bytes are valid UTF-8,
    which real Vietnamese text (ạ, ị, ư… have no single-byte form) practically never is.
    """
    raw = bytearray()
    for char in text:
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return text
            raw.append(ord(char))  # the 5 bytes cp1252 leaves undefined arrive as U+0080–U+009F
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


def _malformed(line: str, count: int) -> ValidationError:
    if "|" not in line and line.strip():
        message = QT_TRANSLATE_NOOP(
            "messages",
            "Mã QR không có dấu phân cách “|”. Hãy tắt bộ gõ tiếng Việt (Unikey, EVKey) và đặt "
            "máy quét ở bàn phím US rồi quét lại.",
        )
        return ValidationError.single(QR_FIELD, message, code="qr.no_separator")
    message = QT_TRANSLATE_NOOP(
        "messages",
        "Mã QR trên CCCD phải có ít nhất {fields} trường ngăn cách bởi “|”, "
        "nhưng chỉ đọc được {count}. Hãy quét lại.",
    )
    params: dict[str, object] = {"fields": FIELD_COUNT, "count": count}
    return ValidationError.single(QR_FIELD, message, code="qr.field_count", params=params)


def _digits(value: str) -> str:
    return "".join(value.split())


def _qr_date(value: str, field: str, label: str, today: date | None) -> date:
    compact = _digits(value)
    if not _COMPACT_DATE.fullmatch(compact):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "messages",
                "Trường {label} trên mã QR phải có dạng ngàythángnăm 8 chữ số, đọc được “{value}”.",
            ),
            code="qr.date_format",
            params={"label": label, "value": value},
        )
    return validate_date(compact, field, not_future=True, today=today)


def _qr_issue_date(value: str, birth_date: date, today: date | None) -> date | None:
    if not value:
        return None
    issue_date = _qr_date(value, "issue_date", QT_TRANSLATE_NOOP("labels", "ngày cấp"), today)
    if issue_date < birth_date:
        raise ValidationError.single(
            "issue_date",
            QT_TRANSLATE_NOOP("messages", "Ngày cấp trên mã QR trước ngày sinh."),
            code="qr.issue_before_birth",
        )
    return issue_date


def _qr_sex(value: str, personal_id: PersonalId) -> str:
    sex = _SEXES.get(fold(value))
    if sex is None:
        raise ValidationError.single(
            "sex",
            QT_TRANSLATE_NOOP(
                "messages",
                "Giới tính trên mã QR phải là Nam hoặc Nữ, đọc được “{value}”.",
            ),
            code="qr.sex",
            params={"value": value},
        )
    if fold(sex) != fold(personal_id.sex or ""):
        raise ValidationError.single(
            "sex",
            QT_TRANSLATE_NOOP(
                "messages",
                "Giới tính trên mã QR ({sex}) không khớp với số CCCD ({id_sex}).",
            ),
            code="qr.sex_mismatch",
            params={"sex": sex, "id_sex": personal_id.sex},
        )
    return sex


def _old_id(value: str) -> str | None:
    number = _digits(value)
    if not number:
        return None
    if not (number.isascii() and number.isdigit() and len(number) in (9, 12)):
        raise ValidationError.single(
            "old_id_number",
            QT_TRANSLATE_NOOP(
                "messages",
                "Số CMND cũ trên mã QR phải gồm 9 chữ số, đọc được “{value}”.",
            ),
            code="qr.old_id",
            params={"value": value},
        )
    return number
