"""UPU S10 postal item numbers (mã vận đơn): the counter checks them, the province issues them.

An S10 number is 2 letters, 8 serial digits, a check digit and 2 letters (`EE123456785VN`).
"""

from __future__ import annotations

import re

from msgspec import Struct

from counter_protocol.texts import QT_TRANSLATE_NOOP

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_S10 = re.compile(r"[A-Z]{2}\d{9}[A-Z]{2}")
_TRACKING_SEPARATORS = re.compile(r"[\s\-]+")


def s10_check_digit(serial8: str) -> int:
    """The UPU S10 check digit of an 8-digit serial: 11 − (Σ wᵢ·dᵢ mod 11), with 10→0 and 11→5."""
    if len(serial8) != 8 or not (serial8.isascii() and serial8.isdigit()):
        raise ValueError(f"an S10 serial is exactly 8 digits, got {serial8!r}")
    remainder = sum(w * int(d) for w, d in zip(S10_WEIGHTS, serial8, strict=True)) % 11
    check = 11 - remainder
    return {10: 0, 11: 5}.get(check, check)


def normalise_tracking_number(value: str) -> str:
    """Upper-case with spaces and dashes removed: the stored form of any tracking number."""
    return _TRACKING_SEPARATORS.sub("", value).upper()


def is_s10_shaped(code: str) -> bool:
    """Whether a normalised code has the S10 shape (2 letters, 9 digits, 2 letters)."""
    return code.isascii() and _S10.fullmatch(code) is not None


def s10_fault(code: str) -> tuple[str, str] | None:
    """What is wrong with a normalised number as an S10 number: (machine code, Vietnamese
    message), or None when it is a valid one."""
    problem = s10_problem(code)
    if problem is None:
        return None
    fault, template, params = problem
    return fault, template.format(**params)


def s10_problem(code: str) -> tuple[str, str, dict[str, object]] | None:
    """`s10_fault` as (machine code, message template marked for translation, its values)."""
    if not code:
        return "tracking.empty", QT_TRANSLATE_NOOP("messages", "Chưa nhập mã vận đơn."), {}
    if not is_s10_shaped(code):
        return (
            "s10.shape",
            QT_TRANSLATE_NOOP(
                "messages",
                "Mã vận đơn phải gồm 2 chữ cái, 9 chữ số và 2 chữ cái, ví dụ EE123456785VN.",
            ),
            {},
        )
    if s10_check_digit(code[2:10]) != int(code[10]):
        return (
            "s10.check_digit",
            QT_TRANSLATE_NOOP(
                "messages",
                "Mã vận đơn {code} sai chữ số kiểm tra; hãy quét lại mã vạch hoặc nhập lại.",
            ),
            {"code": code},
        )
    return None


# --- claims: a PC tells the server which imported numbers are its own (docs/decisions/0027) ---

CLAIMS_PATH = "/sync/v1/tracking-claims"
MAX_CLAIM_NUMBERS = 2000  # 16 bytes a number: well inside the server's 64 KiB body limit


class TrackingClaim(Struct, kw_only=True):
    """The numbers a PC imported from a file and now claims as its own."""

    device_id: int
    numbers: list[str]


class ClaimRefusal(Struct, kw_only=True, omit_defaults=True):
    number: str
    message: str  # Vietnamese: who holds it, or what is wrong with it
    # The message before formatting and its values (text or whole numbers), so a counter can show
    # it in the clerk's language; a server older than them sends neither (see refusal.py).
    template: str = ""
    params: dict[str, str | int] = {}


class ClaimReply(Struct, kw_only=True):
    """Every claimed number is in exactly one list: the PC's now, or refused with why."""

    claimed: list[str]
    refused: list[ClaimRefusal] = []
