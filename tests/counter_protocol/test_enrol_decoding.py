"""The enrolment request decoder refuses bad input with its own error, whatever the bytes."""

from __future__ import annotations

import pytest

from counter_protocol.enrol import EnrolRequestError, decode_enrol_request


@pytest.mark.parametrize(
    "body",
    [
        b'{"unit_code": "\xb2"}',  # not UTF-8 inside a string: msgspec raises UnicodeDecodeError
        b"\xff\xfe",
        b"[]",
        b'{"code": 5}',
    ],
)
def test_malformed_enrolment_bodies_are_the_decoders_own_error(body: bytes) -> None:
    with pytest.raises(EnrolRequestError):
        decode_enrol_request(body)
