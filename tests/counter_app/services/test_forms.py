"""Issued forms as records: issue_form snapshots the dossier in the caller's transaction, the
FormService prints it the same every time (reprints marked), and the record cannot change."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from counter_app.models.tables import (
    CatalogueVersion,
    Dossier,
    FormPrint,
    IssuedForm,
    Unit,
)
from counter_app.services.details import find_dossier
from counter_app.services.errors import ServiceError
from counter_app.services.forms import FormService, issue_form
from counter_devkit.intake import intake
from counter_protocol.statuses import Status
from tests.counter_app.documents.pdftools import decode, flat, pdf_text, rasterise

AT = datetime(2026, 12, 4, 7, 5, tzinfo=UTC)  # 14:05 Vietnam time


def received(services: Any, **changes: object) -> str:
    """A dossier received at the counter, with `changes` written onto its row."""
    code: str = services.dossiers.receive(intake())
    if changes:
        with services.store.write() as session:
            session.execute(update(Dossier).where(Dossier.code == code).values(**changes))
    return code


def issue(services: Any, code: str, form_no: str, **facts: object) -> int:
    with services.store.write() as session:
        dossier = find_dossier(session, code)
        row = issue_form(session, dossier, form_no, actor="canbo", at=AT, event_seq=2, facts=facts)
        return row.id


def printed(services: Any, form_id: int, clock: Callable[[], datetime] = lambda: AT) -> str:
    return flat(pdf_text(FormService(services.store, clock).print_form(form_id, actor="canbo").pdf))


def test_receipt_prints_the_fixed_mau_01(services: Any) -> None:
    code = received(services, log_book="2026", log_seq=17, competent_name="UBND xã Thạch Hà")
    with services.store.write() as session:
        session.execute(update(Unit).values(managing_body="UBND tỉnh Hà Tĩnh"))
    pdf = FormService(services.store, lambda: AT).print_form(issue(services, code, "01"), actor="x")
    kept, given = flat(pdf_text(pdf.pdf, 1)), flat(pdf_text(pdf.pdf, 2))
    assert "UBND TỈNH HÀ TĨNH" in kept
    assert "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 17" in kept
    assert "Cơ quan giải quyết hồ sơ: UBND xã Thạch Hà" in kept
    assert "6. Đăng ký nhận kết quả tại: Bộ phận Một cửa" in kept
    assert "tại: Tại" not in kept and "Tại Bộ phận Một cửa" not in kept
    assert "Khách cần gấp" in kept and "Khách cần gấp" not in given  # the clerk's note
    assert "Số định danh cá nhân/CCCD: 042195123456" in kept
    assert [d.text for d in decode(rasterise(pdf.pdf, 2)) if d.format == "Code128"] == [code]


def test_an_old_nine_digit_card_is_labelled_cmnd(services: Any) -> None:
    code = received(services)
    with services.store.write() as session:
        applicant = find_dossier(session, code).applicant
        applicant.id_number, applicant.old_id_number = None, "183456789"
    text = printed(services, issue(services, code, "01"))
    assert "Số CMND: 183456789" in text and "CCCD" not in text


def test_forms_from_a_sample_catalogue_say_so(services: Any) -> None:
    code = received(services)
    with services.store.write() as session:
        session.execute(update(CatalogueVersion).values(sample_data=True))
    text = printed(services, issue(services, code, "03", reason="Không thuộc thẩm quyền"))
    assert "Danh mục mẫu — không dùng cho hồ sơ thật" in text


@pytest.mark.parametrize("status", [Status.NEW, Status.NOT_RECEIVED])
def test_a_dossier_never_received_has_no_mau_01(services: Any, status: Status) -> None:
    code = received(services)
    form_id = issue(services, code, "01")
    with services.store.write() as session:
        session.execute(update(Dossier).where(Dossier.code == code).values(status=status))
    with pytest.raises(ServiceError, match="Mẫu 01") as caught:
        issue(services, code, "01")
    assert caught.value.code == "forms.no_receipt"
    with pytest.raises(ServiceError, match="chưa được tiếp nhận"):
        FormService(services.store).print_form(form_id, actor="canbo")
    with pytest.raises(ServiceError):
        services.slips.render_for(code)


def test_each_step_issues_its_circulars_form(services: Any) -> None:
    code = received(services, form_rules="tt01-2018")
    due = "2026-12-20T16:00:00+07:00"
    for form_no, facts in (
        ("02", {"missing": ["Tờ khai"], "reason": "Thiếu tờ khai"}),
        ("04", {"reason": "Cần xác minh", "due_at": due}),
        ("05", {"reason": "Người nộp đề nghị dừng"}),
        ("06", {"to_unit": "UBND xã Thạch Hà", "received_by": "Trần Bình"}),
    ):
        issue(services, code, form_no, **facts)
    # Leaving out the Mẫu 01 that receiving the dossier issued.
    views = [v for v in FormService(services.store).forms_of(code) if v.form_no != "01"]
    assert [(v.form_no, v.template, v.number) for v in views] == [
        ("02", "tt01-2018/02", "1/HDHS"),
        ("04", "tt01-2018/04", "1/PXL"),
        ("05", "tt03-2025/05", "1/TB"),  # TT 01/2018 has no stop notice
        ("06", "tt01-2018/05", None),
    ]
    assert views[1].title == "Mẫu số 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả"
    text = printed(services, views[1].form_id)
    new_date = "16 giờ 00 phút, ngày 20 tháng 12 năm 2026"
    assert f"hẹn lại thời gian trả kết quả vào lúc: {new_date}" in text


def test_numbers_count_up_within_the_unit_and_a_given_number_is_kept(services: Any) -> None:
    first, second = received(services), received(services)
    issue(services, first, "02", missing=["Tờ khai"])
    issue(services, second, "02", missing=["Tờ khai"])
    issue(services, second, "02", missing=["Ảnh"], form_number="77/HDHS")
    numbers = [v.number for v in FormService(services.store).forms_of(second) if v.form_no == "02"]
    assert numbers == ["2/HDHS", "77/HDHS"]


def test_reprint_is_marked_and_otherwise_the_same(services: Any) -> None:
    code = received(services)
    form_id = issue(services, code, "02", missing=["Tờ khai"], reason="Thiếu tờ khai")
    forms = FormService(services.store, lambda: AT)
    first = forms.print_form(form_id, actor="canbo")
    again = forms.print_form(form_id, actor="truongbp")
    assert (first.reprint, again.reprint) == (False, True)
    assert first.pdf == forms.preview(form_id)
    mark = "Bản in lại lúc 14 giờ 05 phút, ngày 04/12/2026"
    assert flat(pdf_text(again.pdf)) == f"{mark} {flat(pdf_text(first.pdf))}"
    with services.store.read() as session:
        prints = session.scalars(select(FormPrint).where(FormPrint.form_id == form_id)).all()
        assert [(p.printed_by, p.reprint) for p in prints] == [("canbo", False), ("truongbp", True)]
    assert FormService(services.store).forms_of(code)[0].prints == 2


def test_a_later_change_to_the_dossier_does_not_change_the_printed_form(services: Any) -> None:
    code = received(services)
    form_id = issue(services, code, "01")
    before = FormService(services.store).preview(form_id)
    with services.store.write() as session:
        find_dossier(session, code).applicant.full_name = "Tên Đã Sửa"
    assert FormService(services.store).preview(form_id) == before
    assert services.slips.render_for(code) == before


def test_issued_form_rows_cannot_be_changed_or_deleted(services: Any, data_dir: Path) -> None:
    form_id = issue(services, received(services), "03", reason="Không thuộc thẩm quyền")
    db = sqlite3.connect(data_dir / "counter.sqlite3")
    for statement in (
        "UPDATE issued_forms SET data_json = '{}' WHERE id = ?",
        "DELETE FROM issued_forms WHERE id = ?",
    ):
        with pytest.raises(sqlite3.DatabaseError):
            db.execute(statement, (form_id,))
    with services.store.read() as session:
        assert session.get(IssuedForm, form_id) is not None


def test_control_sheet_lists_earlier_hand_overs_and_names_units(services: Any) -> None:
    code = received(services, competent_name="UBND xã Thạch Hà")
    with services.store.read() as session:
        unit = session.scalars(select(Unit)).first()
        assert unit is not None
        unit_code, unit_name = unit.code, unit.name
    earlier = {
        "at": "2026-12-03T09:00:00+07:00",
        "from_unit": unit_code,
        "handed_by": "Lê Hà",
        "postal_number": "RR123456785VN",
        "verdict": "early",
        "note": "Chuyển hồ sơ",
    }
    form_id = issue(
        services,
        code,
        "06",
        rows=[earlier],
        from_unit="UBND xã Thạch Hà",
        to_unit=unit_code,
        received_by="Trần Bình",
        verdict="late",
    )
    text = printed(services, form_id)
    assert f"1. Giao: {unit_name}" in text and f"2. Nhận: {unit_name}" in text
    assert unit_code not in text.replace(code, "")
    assert "Qua bưu chính, số hiệu bưu gửi RR123456785VN" in text
    assert "Trước hạn" in text and "Quá hạn" in text
    assert "Người nhận (ký): Trần Bình" in text
