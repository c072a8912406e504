"""A dossier code belongs to one numbering slot: another PC of the unit cannot take it."""

from __future__ import annotations

import html
import re

import httpx

from counter_devkit.server import ServerProcess, unique_unit
from counter_protocol.receipt import Receipt


def results(receipt: Receipt) -> list[tuple[int | None, str, str | None]]:
    return [(r.device_seq, r.result, r.reason) for r in receipt.results]


def test_a_pc_cannot_squat_a_code_of_another_slot(
    server: ServerProcess, client: httpx.Client
) -> None:
    unit = unique_unit()
    slot0, slot1 = server.device(unit, slot=0), server.device(unit, slot=1)
    squat = slot1.create_op(number=7)  # a slot-0 number sent by the slot-1 PC
    receipt = slot1.push(client, [squat, slot1.create_op()])
    assert results(receipt) == [(1, "quarantined", "code_slot_mismatch"), (2, "applied", None)]
    message = receipt.results[0].message or ""
    assert "slot 0" in message and "slot 1" in message and squat["dossier_code"] in message
    assert (
        server.scalar("SELECT count(*) FROM dossiers WHERE code = :c", c=squat["dossier_code"]) == 0
    )
    rightful = slot0.create_op(number=7)
    assert rightful["dossier_code"] == squat["dossier_code"]
    assert results(slot0.push(client, [rightful])) == [(1, "applied", None)]
    assert (
        server.scalar("SELECT device_id FROM dossiers WHERE code = :c", c=squat["dossier_code"])
        == slot0.device_id
    )


def test_a_pc_enrolled_again_keeps_its_slot_numbers(
    server: ServerProcess, client: httpx.Client
) -> None:
    unit = unique_unit()
    first = server.device(unit, slot=2)
    assert results(first.push(client, [first.create_op()])) == [(1, "applied", None)]
    server.cli("revoke", str(first.device_id))
    again = server.device(unit, slot=2)
    receipt = again.push(client, [again.create_op(number=2005)])
    assert results(receipt) == [(1, "applied", None)]


def test_the_dashboard_lists_quarantined_dossiers_with_their_reasons(
    fresh_server: ServerProcess,
) -> None:
    unit = unique_unit()
    squatter = fresh_server.device(unit, slot=1, name="Quầy <b>phụ</b>")
    squat = squatter.create_op(number=42)
    with fresh_server.client() as client:
        squatter.push(client, [squat])
    token = fresh_server.cli("admin-token", "--name", "cntt tỉnh").stdout.strip()
    with httpx.Client(base_url=fresh_server.base_url, timeout=30) as browser:
        form = re.search(r'name="form_token" value="([^"]+)"', browser.get("/dashboard/login").text)
        assert form is not None
        browser.post("/dashboard/login", data={"token": token, "form_token": form.group(1)})
        page = browser.get("/dashboard")
    assert page.status_code == 200
    [table] = re.findall(r'<table class="quarantine">.*?</table>', page.text, re.S)
    [row] = re.findall(r"<tr><td>.*?</tr>", table, re.S)
    cells = [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
    assert cells[0] == squat["dossier_code"]
    assert cells[1] == f"số {squatter.device_id} – Quầy <b>phụ</b> (slot 1)"
    assert "Quầy &lt;b&gt;phụ&lt;/b&gt;" in row and "<b>" not in table
    assert cells[2] == "code_slot_mismatch"
    assert cells[3].startswith(f"Mã hồ sơ {squat['dossier_code']} thuộc dãy số của máy slot 0")
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", cells[4])  # Vietnam time, as read
