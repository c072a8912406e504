"""Building intake requests (and damaged stores) for tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from counter_app.services.dto import ApplicantInput, ComponentInput, FeeLine, IntakeRequest

PROCEDURE = "2.000815"  # chứng thực bản sao từ bản chính


def intake(
    procedure: str = PROCEDURE,
    name: str = "Nguyễn Thị Hồng Nhung",
    id_number: str = "042195123456",
    clerk: str = "canbo",
) -> IntakeRequest:
    return IntakeRequest(
        procedure_code=procedure,
        applicant=ApplicantInput(
            full_name=name,
            id_number=id_number,
            birth_date=date(1995, 3, 12),
            sex="Nữ",
            phone="0912345678",
            email="nhung@example.vn",
            address="Xóm 3, xã Thạch Hà, tỉnh Hà Tĩnh",
        ),
        components=(
            ComponentInput("Bản chính giấy tờ", 1, 0, True),
            ComponentInput("Bản sao cần chứng thực", 0, 2, True),
        ),
        clerk=clerk,
        fees=(FeeLine("le_phi", "Lệ phí chứng thực", 2000, "at_receipt", True),),
        note="Khách cần gấp",
    )


def overwrite_table_pages(db_file: Path, tables: tuple[str, ...]) -> None:
    """Damage a closed store the way a failing disk does: the root page of each of `tables` and
    of their indexes becomes garbage; the schema and every other table stay readable."""
    import sqlite3

    conn = sqlite3.connect(db_file)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    marks = ",".join("?" * len(tables))
    roots = [
        row[0]
        for row in conn.execute(
            f"SELECT rootpage FROM sqlite_master WHERE rootpage > 0 AND tbl_name IN ({marks})",
            tables,
        )
    ]
    conn.close()
    with db_file.open("r+b") as raw:
        for root in roots:
            raw.seek((root - 1) * page_size)
            raw.write(b"\xa5" * page_size)
