"""One procedure of a catalogue: its code, time limit, cut-off, fees and components, checked.

Every refusal names the procedure (“Thủ tục 1.001234”) and, inside it, the fee or component by
its name; the codes it names elsewhere in the catalogue are checked once the whole document is
read (references.py).
"""

from __future__ import annotations

import re
from datetime import time
from decimal import Decimal
from typing import Any

from counter_protocol.catalogue.reader import AGENCY_CODE, Reader, place, procedure_place
from counter_protocol.catalogue.records import (
    FEE_COLLECTED,
    FEE_KINDS,
    FEE_PER,
    LEVELS,
    TIME_UNITS,
    Component,
    Fee,
    Procedure,
    ProcessingTime,
)
from counter_protocol.texts import QT_TRANSLATE_NOOP

_PROCEDURE_CODE = re.compile(r"\d\.\d{6}")
_CUTOFF = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")  # plain decimal text: no exponent, NaN or spaces
_PROCEDURE_KEYS = (
    "code", "local_code", "code_verified", "name", "field", "level", "units", "agency",
    "processing", "cutoff", "bcci_allowed", "fees", "components", "legal_basis",
    "in_person_submit", "in_person_return", "any_commune",  # optional, default false
)  # fmt: skip


def read_procedure(value: Any, nth: int) -> Procedure:
    """The `nth` procedure of the document (named by its place until its code is known)."""
    r = _procedure_reader(value, nth)
    code, units = str(r.code), _units(r)
    return Procedure(
        code=code,
        local_code=_local_code(r),
        code_verified=r.flag("code_verified"),
        name=r.text("name"),
        field=r.text("field"),
        level=r.text("level", LEVELS),
        units=units,
        agency=None if value.get("agency") is None else r.text("agency"),
        processing=_processing(r),
        cutoff=_cutoff(r),
        bcci_allowed=r.flag("bcci_allowed"),
        fees=tuple(_fee(item, code) for item in r.items("fees")),
        components=tuple(_component(c, code) for c in r.items("components", non_empty=True)),
        legal_basis=r.text("legal_basis"),
        in_person_submit=r.flag("in_person_submit", default=False),
        in_person_return=r.flag("in_person_return", default=False),
        any_commune=r.flag("any_commune", default=False),
    )


def _procedure_reader(value: Any, nth: int) -> Reader:
    """A reader named by the procedure's code, once the code is read and of the right form."""
    code = Reader.of(
        value, place(QT_TRANSLATE_NOOP("messages", "Thủ tục thứ {nth}"), nth=nth), None
    ).text("code")
    r = Reader.of(value, procedure_place(code), _PROCEDURE_KEYS, code)
    if not _PROCEDURE_CODE.fullmatch(code):
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: mã thủ tục không đúng dạng N.NNNNNN.",
            )
        )
    return r


def _units(r: Reader) -> tuple[str, ...]:
    units = r.items("units", non_empty=True)
    if not all(isinstance(u, str) for u in units):
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: trường “units” chỉ được chứa mã đơn vị.",
            )
        )
    return tuple(units)


def _local_code(r: Reader) -> str | None:
    value, code = r.raw.get("local_code"), str(r.code)
    if value is not None and not AGENCY_CODE.fullmatch(str(value).removeprefix(code + ".")):
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: mã thủ tục địa phương “{value}” không khớp mã thủ tục.",
            ),
            value=value,
        )
    return None if value is None else str(value)


def _processing(r: Reader) -> ProcessingTime:
    keys = ("amount", "unit", "note")
    p = Reader.of(
        r.raw.get("processing"),
        place(QT_TRANSLATE_NOOP("messages", "{where}: thời hạn"), where=r.where),
        keys,
        r.code,
    )
    unit = p.text("unit")
    if unit not in TIME_UNITS:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: đơn vị thời hạn “{unit}” không hợp lệ.",
            ),
            unit=unit,
        )
    return ProcessingTime(_amount(r, p.raw.get("amount")), unit, p.text("note", required=False))


def _amount(r: Reader, value: object) -> Decimal:
    """A time limit's amount: a whole or decimal number, as a number or as text, not negative."""
    text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not _NUMBER.fullmatch(text):
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: thời hạn “{value}” không phải là số.",
            ),
            value=value,
        )
    if (amount := Decimal(text)) < 0:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: thời hạn giải quyết không được âm.",
            )
        )
    return amount


def _cutoff(r: Reader) -> time | None:
    value = r.raw.get("cutoff")
    if value is None:
        return None
    match = _CUTOFF.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: giờ chốt “{value}” không đúng dạng HH:MM.",
            ),
            value=value,
        )
    return time(int(match.group(1)), int(match.group(2)))


def _named_entry(
    value: Any, code: str, keys: tuple[str, ...], section: str, entry: str
) -> tuple[Reader, str]:
    """One entry of a procedure's list: its keys read under `section` (“… phí, lệ phí”), then
    every later refusal names it by its `name` (`entry`: “… khoản “{name}””)."""
    r = Reader.of(value, place(section, code=code), keys, code)
    name = r.text("name")
    return Reader(r.raw, place(entry, code=code, name=name), code), name


def _fee(value: Any, code: str) -> Fee:
    r, name = _named_entry(
        value,
        code,
        ("kind", "name", "amount", "collected", "per", "note"),
        QT_TRANSLATE_NOOP("messages", "Thủ tục {code}: phí, lệ phí"),
        QT_TRANSLATE_NOOP("messages", "Thủ tục {code}: khoản “{name}”"),
    )
    collected, amount = r.text("collected", FEE_COLLECTED), r.count("amount")
    if (collected == "exempt") != (amount == 0):
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: miễn thu (exempt) khi và chỉ khi số tiền bằng 0.",
            )
        )
    per = r.text("per", FEE_PER, required=False) or "case"
    kind, note = r.text("kind", FEE_KINDS), r.text("note", required=False)
    return Fee(kind, name, amount, collected, per, note)


def _component(value: Any, code: str) -> Component:
    r, name = _named_entry(
        value,
        code,
        ("name", "originals", "copies", "required"),
        QT_TRANSLATE_NOOP("messages", "Thủ tục {code}: thành phần hồ sơ"),
        QT_TRANSLATE_NOOP("messages", "Thủ tục {code}: thành phần “{name}”"),
    )
    originals, copies = r.count("originals"), r.count("copies")
    if originals + copies < 1:
        raise r.fail(
            QT_TRANSLATE_NOOP(
                "messages",
                "{where}: phải có ít nhất một bản chính hoặc bản sao.",
            )
        )
    return Component(name, originals, copies, r.flag("required"))
