"""The fee ledger on a real store: collections checked against the catalogue line, receipts
entered by the clerk and never invented, refunds and corrections as new entries, the record
frozen, what a dossier still owes, and a clerk's day."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from counter_app.domain.fee_ledger import ReceiptFormatError
from counter_app.services.dto import FeeLine
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.fees import FeeService
from counter_devkit.intake import intake
from counter_protocol.statuses import Status

AT = datetime(2026, 12, 4, 2, 30, tzinfo=UTC)  # 09:30 Vietnam time
FEES = (
    FeeLine("le_phi", "Lệ phí chứng thực", 2000, "at_receipt", False),
    FeeLine("phi", "Phí thẩm định", 50000, "at_return", False),
    FeeLine("le_phi", "Lệ phí cấp bản sao", 3000, "exempt", False),
)


def received(services: Any, fees: tuple[FeeLine, ...] = FEES) -> str:
    code: str = services.dossiers.receive(replace(intake(), fees=fees))
    return code


def ledger(services: Any, at: datetime = AT) -> FeeService:
    return FeeService(services.store, lambda: at)


def test_collect_at_receipt_and_at_return_until_nothing_is_owed(services: Any) -> None:
    code, fees = received(services), ledger(services)
    assert [o.owed for o in fees.owed(code)] == [2000, 50000, 0]
    first = fees.collect(code, "lệ phí chứng thực", clerk="canbo", receipt="1c26tbl/0000123")
    assert (first.line_name, first.receipt, first.moment) == (
        "Lệ phí chứng thực",
        "1C26TBL/0000123",
        "at_receipt",
    )
    fees.collect(code, "Phí thẩm định", clerk="canbo", receipt="1C26TBL/0000124")
    assert [o.owed for o in fees.owed(code)] == [0, 0, 0]
    with pytest.raises(ServiceError, match="đã thu đủ"):
        fees.collect(code, "Phí thẩm định", clerk="canbo", receipt="1C26TBL/0000125")


def test_a_different_amount_needs_a_reason(services: Any) -> None:
    code, fees = received(services), ledger(services)
    with pytest.raises(ServiceError, match=r"khác mức thu 50\.000 đồng"):
        fees.collect(code, "Phí thẩm định", clerk="canbo", receipt="AB/1", amount=40000)
    entry = fees.collect(
        code, "Phí thẩm định", clerk="canbo", receipt="AB/1", amount=40000, reason="giảm 20%"
    )
    assert (entry.amount, entry.note) == (40000, "giảm 20%")
    assert fees.owed(code)[1].owed == 10000


def test_receipts_are_checked_and_never_reused(services: Any) -> None:
    code, other, fees = received(services), received(services), ledger(services)
    for bad in ("0000123", "1C26TBL/123456789", "1C26TBL/12a", "/12"):
        with pytest.raises(ReceiptFormatError, match="KÝ_HIỆU/SỐ"):
            fees.collect(code, "Lệ phí chứng thực", clerk="canbo", receipt=bad)
    fees.collect(code, "Lệ phí chứng thực", clerk="canbo", receipt="1C26TBL/77")
    with pytest.raises(ServiceError, match=f"Biên lai 1C26TBL/77 đã được ghi cho hồ sơ {code}"):
        fees.collect(other, "Lệ phí chứng thực", clerk="canbo", receipt="1c26tbl/77")


def test_a_pending_receipt_gets_its_number_as_a_new_entry(services: Any) -> None:
    code, fees = received(services), ledger(services)
    pending = fees.collect(code, "Lệ phí chứng thực", clerk="canbo", receipt=None)
    assert (pending.receipt, pending.pending) == (None, True)
    later = fees.attach_receipt(pending.id, "1C26TBL/9", clerk="canbo")
    assert (later.refers_to, later.receipt, later.amount) == (pending.id, "1C26TBL/9", 0)
    with pytest.raises(ServiceError, match="không chờ số biên lai"):
        fees.attach_receipt(pending.id, "1C26TBL/10", clerk="canbo")
    entries = fees.entries_of(code)
    assert [(e.id, e.direction, e.receipt, e.pending) for e in entries] == [
        (pending.id, "collect", None, True),
        (later.id, "receipt", "1C26TBL/9", False),
    ]
    assert fees.owed(code)[0].owed == 0


def test_refund_and_correction_are_new_entries_and_count(services: Any) -> None:
    code, fees = received(services), ledger(services)
    taken = fees.collect(code, "Phí thẩm định", clerk="canbo", receipt="AB/5")
    refund = fees.refund(taken.id, clerk="canbo", reason="thu nhầm", amount=20000)
    assert (refund.direction, refund.refers_to, refund.amount) == ("refund", taken.id, 20000)
    assert fees.owed(code)[1].owed == 20000
    fees.correct(taken.id, -5000, clerk="canbo", reason="gõ nhầm")
    assert fees.owed(code)[1].owed == 25000
    with pytest.raises(ServiceError, match="Chỉ hoàn trả một lần thu"):
        fees.refund(refund.id, clerk="canbo", reason="x")
    with pytest.raises(NotFound):
        fees.refund(999, clerk="canbo", reason="x")


def test_exempt_and_postage_are_recorded(services: Any) -> None:
    code, fees = received(services), ledger(services)
    with pytest.raises(ServiceError, match="được miễn"):
        fees.collect(code, "Lệ phí cấp bản sao", clerk="canbo", receipt="AB/1")
    exempt = fees.record_exempt(code, "Lệ phí cấp bản sao", clerk="canbo", reason="hộ nghèo")
    assert (exempt.amount, exempt.moment, exempt.pending) == (0, "exempt", False)
    post = fees.collect_postage(code, "Cước chuyển phát", 25000, clerk="canbo", receipt=None)
    assert (post.kind, post.pending) == ("postage", True)
    with pytest.raises(NotFound, match="không có khoản"):
        fees.collect(code, "Phí không có", clerk="canbo", receipt="AB/2")


def test_a_line_paid_at_intake_before_the_ledger_is_not_owed(services: Any) -> None:
    code = received(services, (FeeLine("le_phi", "Lệ phí chứng thực", 2000, "at_receipt", True),))
    assert ledger(services).owed(code)[0].owed == 0


def test_entries_can_be_neither_changed_nor_deleted(services: Any) -> None:
    code, fees = received(services), ledger(services)
    fees.collect(code, "Lệ phí chứng thực", clerk="canbo", receipt="AB/1")
    db = sqlite3.connect(services.store.paths.db_file)
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        db.execute("UPDATE fee_entries SET amount = 1")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        db.execute("DELETE FROM fee_entries")
    db.close()


def test_day_entries_are_one_clerks_vietnam_day(services: Any) -> None:
    code = received(services)
    ledger(services).collect(code, "Lệ phí chứng thực", clerk="canbo", receipt="AB/1")
    late = datetime(2026, 12, 4, 17, 30, tzinfo=UTC)  # 00:30 on 5/12 in Vietnam
    ledger(services, late).collect(code, "Phí thẩm định", clerk="canbo2", receipt="AB/2")
    fees = ledger(services)
    assert [e.receipt for e in fees.day_entries(date(2026, 12, 4))] == ["AB/1"]
    assert [e.receipt for e in fees.day_entries(date(2026, 12, 5), "canbo2")] == ["AB/2"]
    assert fees.day_entries(date(2026, 12, 5), "canbo") == []


def test_a_result_goes_back_once_the_ledger_has_the_fees_at_return(services: Any) -> None:
    code = received(services)
    services.lifecycle.result_received(code, "canbo")
    receiver = ("Nguyễn Thị Hồng Nhung", "042195123456", "canbo")
    with pytest.raises(ServiceError, match="còn phí, lệ phí thu khi trả kết quả"):
        services.returns.return_result(code, *receiver, False)
    ledger(services).collect(code, "Phí thẩm định", clerk="canbo", receipt="AB/3")
    services.returns.return_result(code, *receiver, False)
    assert services.details.get(code).status == Status.RETURNED
