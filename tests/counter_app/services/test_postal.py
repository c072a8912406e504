"""Results returned by post on a real store: the number taken from this PC's pool in the return's
transaction, postage in the fee ledger as its own kind, the returned event's `postal_number`,
the postal status history (new rows only, allowed moves only), and the pool file's refusals."""

from __future__ import annotations

import itertools
import sqlite3
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest

from counter_app.domain.postal import PostalError, PostalStatus, parse_pool_file
from counter_app.services.errors import ServiceError
from counter_app.services.fees import FeeService
from counter_app.services.postal import PostalReturn, PostService
from counter_app.services.tracking_pool import TrackingPoolService
from counter_devkit.intake import intake
from counter_devkit.postal import ha_tinh_address, s10_numbers, with_bad_check_digit
from counter_protocol.lifecycle import read_step
from counter_protocol.statuses import Status
from tests.counter_app.documents.pdftools import flat, pdf_text

AT = datetime(2026, 12, 4, 2, 30, tzinfo=UTC)  # 09:30 Vietnam time
CLERK = "canbo1"
_receipts = itertools.count(12)


def ready(services: Any) -> str:
    code: str = services.dossiers.receive(intake())
    services.lifecycle.result_received(code, CLERK)
    return code


def post(services: Any) -> PostService:
    return PostService(services.store, lambda: AT)


def pool(services: Any) -> TrackingPoolService:
    return TrackingPoolService(services.store, lambda: AT)


def returned(services: Any, code: str, postage: int = 25000, **more: Any) -> Any:
    receipt = f"BC26/{next(_receipts)}"
    request = PostalReturn(ha_tinh_address(), postage, weight_g=250, receipt=receipt, **more)
    return post(services).return_by_post(code, request, CLERK)


def test_a_postal_return_takes_a_number_records_postage_and_the_returned_step(
    services: Any, data_dir: Any
) -> None:
    numbers = s10_numbers(1000, 3)
    assert pool(services).import_text("\n".join(reversed(numbers)), "vnpost.txt") == 3
    code = ready(services)
    item = returned(services, code)
    assert item.tracking_number == numbers[0]  # the lowest number first
    assert item.status == PostalStatus.REGISTERED and item.postage == 25000
    assert item.address.province_name == "Tỉnh Hà Tĩnh"
    assert item.address.commune_name == "Phường Thành Sen"
    assert item.address.phone == "0912345678"
    detail = services.details.get(code)
    assert detail.status == Status.RETURNED
    last = detail.events[-1]
    assert last.kind == "returned"
    with sqlite3.connect(data_dir / "counter.sqlite3") as db:
        extra = db.execute(
            "select data_json from dossier_events where kind = 'returned'"
        ).fetchone()[0]
    assert read_step(orjson.loads(extra)).postal_number == numbers[0]
    entries = FeeService(services.store).entries_of(code)
    assert [(e.kind, e.amount, e.receipt[:5]) for e in entries] == [("postage", 25000, "BC26/")]
    status = pool(services).status()
    assert (status.unused, status.used, status.pending_claims) == (2, 1, 3)


def test_the_returned_op_carries_the_postal_number(services: Any, data_dir: Any) -> None:
    pool(services).import_text("\n".join(s10_numbers(1100, 1)), "vnpost.txt")
    code = ready(services)
    item = returned(services, code, postage=0)
    with sqlite3.connect(data_dir / "counter.sqlite3") as db:
        payload = db.execute(
            "select p.payload from outbox o join outbox_payloads p using (device_seq) "
            "join dossiers d on d.uuid = o.dossier_uuid where d.code = ? "
            "order by o.device_seq desc limit 1",
            (code,),
        ).fetchone()[0]
    op = orjson.loads(bytes(payload))
    assert op["data"]["extra"]["postal_number"] == item.tracking_number
    assert FeeService(services.store).entries_of(code) == []  # no postage, no entry


def test_an_empty_pool_refuses_the_return_and_changes_nothing(services: Any) -> None:
    code = ready(services)
    with pytest.raises(ServiceError, match="Hết mã vận đơn") as caught:
        returned(services, code)
    assert caught.value.code == "post.pool_empty"
    assert services.details.get(code).status == Status.DONE
    assert FeeService(services.store).entries_of(code) == []


def test_a_unit_wide_pool_is_held_but_never_taken(services: Any, data_dir: Any) -> None:
    with sqlite3.connect(data_dir / "counter.sqlite3") as db:
        db.execute(
            "insert into tracking_pool (number, unit_code, change_seq, received_at, source) "
            "values (?, 'U', 1, '2026-12-01T08:00:00+07:00', 'unit')",
            (s10_numbers(1200, 1)[0],),
        )
    assert pool(services).status().unit_held == 1
    with pytest.raises(ServiceError, match="Hết mã vận đơn"):
        returned(services, ready(services))


def test_postal_status_moves_forward_as_new_rows(services: Any, data_dir: Any) -> None:
    pool(services).import_text("\n".join(s10_numbers(1300, 1)), "vnpost.txt")
    number = returned(services, ready(services)).tracking_number
    desk = post(services)
    desk.set_status(number, PostalStatus.COLLECTING, CLERK)
    desk.set_status(number, PostalStatus.IN_TRANSIT, "buudien")
    with pytest.raises(PostalError, match="không chuyển sang “Đã hủy”"):
        desk.set_status(number, PostalStatus.CANCELLED, CLERK)
    item = desk.set_status(number, PostalStatus.DELIVERED, CLERK, note="Người nhận ký")
    assert [h.status for h in item.history] == [
        PostalStatus.REGISTERED,
        PostalStatus.COLLECTING,
        PostalStatus.IN_TRANSIT,
        PostalStatus.DELIVERED,
    ]
    assert item.history[-1].note == "Người nhận ký" and item.history[2].actor == "buudien"
    with pytest.raises(PostalError, match="đang “Đã phát thành công”"):
        desk.set_status(number, PostalStatus.RETURNED, CLERK)
    with sqlite3.connect(data_dir / "counter.sqlite3") as db:
        for sql in (
            "update postal_status_events set status = 'cancelled'",
            "delete from postal_status_events",
            "update postal_items set postage = 0",
            "delete from postal_items",
        ):
            with pytest.raises(sqlite3.IntegrityError):
                db.execute(sql)


def test_the_import_refuses_the_whole_file_naming_every_bad_line(services: Any) -> None:
    good = s10_numbers(1400, 4)
    held = s10_numbers(1500, 1)
    pool(services).import_text(held[0], "first.txt")
    lines = [good[0], with_bad_check_digit(good[1]), good[2], good[0], "", held[0], good[3]]
    with pytest.raises(PostalError) as caught:
        pool(services).import_text("\n".join(lines), "second.txt")
    message = str(caught.value)
    assert "chưa nạp mã nào (3 dòng lỗi)" in message
    assert "dòng 2:" in message and f"dòng 4: {good[0]} trùng dòng 1" in message
    assert f"dòng 6: {held[0]} đã có trên máy" in message
    assert pool(services).status().unused == 1  # nothing of the second file loaded


def test_a_file_of_valid_numbers_parses_in_order_with_spaces_and_case() -> None:
    numbers = s10_numbers(1600, 3)
    text = "\n".join(f"  {n[:2].lower()} {n[2:11]} {n[11:]}  " for n in numbers) + "\n\n"
    assert parse_pool_file(text) == numbers
    with pytest.raises(PostalError, match="không có mã vận đơn nào"):
        parse_pool_file("\n \n")


def test_the_hand_over_list_holds_the_days_outbound_items(services: Any) -> None:
    pool(services).import_text("\n".join(s10_numbers(1700, 3)), "vnpost.txt")
    first = returned(services, ready(services))
    second = returned(services, ready(services))
    post(services).set_status(second.tracking_number, PostalStatus.CANCELLED, CLERK)
    day = AT.astimezone(first.created_at.tzinfo).date()
    listed = post(services).handover(day)
    assert [i.tracking_number for i in listed] == [first.tracking_number]
    assert post(services).handover(day.replace(day=day.day + 1)) == []
    printed = flat(pdf_text(post(services).handover_pdf(day)))
    assert first.tracking_number in printed
    assert second.tracking_number not in printed
