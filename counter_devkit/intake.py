"""Building intake requests for tests."""

from __future__ import annotations

from datetime import date

from counter_app.services.dto import ApplicantInput, ComponentInput, FeeLine, IntakeRequest

PROCEDURE = "2.000815"  # chứng thực bản sao từ bản chính


def intake(procedure: str = PROCEDURE, name: str = "Nguyễn Thị Hồng Nhung",
           id_number: str = "042195123456", clerk: str = "canbo") -> IntakeRequest:
    return IntakeRequest(
        procedure_code=procedure,
        applicant=ApplicantInput(
            full_name=name, id_number=id_number, birth_date=date(1995, 3, 12), sex="Nữ",
            phone="0912345678", email="nhung@example.vn",
            address="Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh",
        ),
        components=(ComponentInput("Bản chính giấy tờ", 1, 0, True),
                    ComponentInput("Bản sao cần chứng thực", 0, 2, True)),
        clerk=clerk,
        fees=(FeeLine("le_phi", "Lệ phí chứng thực", 2000, "at_receipt", True),),
        note="Khách cần gấp",
    )
