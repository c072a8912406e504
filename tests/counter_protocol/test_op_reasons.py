"""The server's reasons for an op: sent as Vietnamese text with their template and values beside;
a result without them encodes exactly as before (receipts already signed stay byte-identical)."""

from __future__ import annotations

import msgspec

from counter_protocol import op_reasons as r
from counter_protocol.receipt import OpResult


def test_a_reason_is_its_vietnamese_and_remembers_template_and_values() -> None:
    text = r.ReasonText(r.FORK, prev=7)
    assert text == "Đã có thao tác khác nối tiếp thao tác #7 của hồ sơ này (rẽ nhánh)."
    assert r.on_the_wire(text) == (text, r.FORK, {"prev": 7})
    assert type(r.on_the_wire(text)[0]) is str  # msgspec encodes no str subclass
    assert r.on_the_wire(str(text)) == (text, None, None)  # read back as plain text
    assert r.on_the_wire("") == (None, None, None)
    held = r.ReasonText(r.HOLD_EXPIRED, prev=None, hours=1.5, why=r.ReasonText(r.NO_DOSSIER))
    assert held.params == {"prev": "None", "hours": "1.5", "why": r.NO_DOSSIER}
    assert all(type(v) in (int, str) for v in held.params.values())


def test_template_and_values_go_on_the_wire_only_when_set() -> None:
    plain = OpResult(op_id="a", device_seq=1, result="quarantined", reason="x", message="m")
    assert b"template" not in msgspec.json.encode(plain)
    text = r.ReasonText(r.EXISTS, code="H27-1")
    sent = OpResult(
        op_id="a", device_seq=1, result="quarantined", reason="dossier_exists",
        message=str(text), template=text.template, params=text.params,
    )  # fmt: skip
    back = msgspec.json.decode(msgspec.json.encode(sent), type=OpResult)
    assert (back.template, back.params, back.message) == (r.EXISTS, {"code": "H27-1"}, text)
    assert back.template in r.TEMPLATES
