"""Write a sample Mẫu 01 slip as PDF and PNG (for the README screenshot); optionally time renders.

Usage: .venv/bin/python scripts/render_sample_slip.py [--out DIR] [--page-size A4|A5]
                                                      [--dpi 110] [--bench 200]
The PNG is page 1 (Liên 1) rasterised with poppler's pdftoppm.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.documents.data import SlipComponent, SlipData
from counter_app.documents.slip import render_slip, warm_up


def sample_slip(sequence: int = 1) -> SlipData:
    """A birth registration at a Hà Tĩnh commune, returned by post."""
    return SlipData(
        dossier_code=f"000.28.31.H27-261126-{sequence:04d}",
        unit_name="Trung tâm Phục vụ hành chính công xã Thạch Hà",
        agency_name="UBND xã Thạch Hà",
        place_name="Hà Tĩnh",
        applicant_name="Nguyễn Thị Hồng Nhung",
        applicant_id="042190001234",
        applicant_address="Thôn Đông Phúc, xã Thạch Hà, tỉnh Hà Tĩnh",
        applicant_phone="0912 345 678",
        applicant_email="nhung.nguyen@example.vn",
        authorised_person="Đặng Văn Đức",
        procedure_name="Đăng ký khai sinh",
        procedure_code="1.001193",
        components=(
            SlipComponent("Tờ khai đăng ký khai sinh (theo mẫu)", 1, 0),
            SlipComponent("Giấy chứng sinh do cơ sở y tế cấp", 1, 0),
            SlipComponent("Giấy chứng nhận kết hôn của cha, mẹ", 0, 1),
            SlipComponent("Văn bản ủy quyền có chứng thực", 1, 0),
        ),
        sets_count=1,
        processing_time_text="Trong ngày",
        received_at=datetime(2026, 11, 26, 2, 30, tzinfo=UTC),
        due_at=datetime(2026, 11, 26, 9, 0, tzinfo=UTC),
        result_delivery_text="Qua dịch vụ bưu chính công ích: Thôn Đông Phúc, xã Thạch Hà, "
        "tỉnh Hà Tĩnh",
        fees_text="8.000 đồng (lệ phí đăng ký khai sinh, nộp khi tiếp nhận)",
        clerk_name="Lê Thị Thu Hà",
        logbook_text="Quyển số 01, số thứ tự 125",
        lookup_hint="Tra cứu tình trạng hồ sơ tại https://dichvucong.gov.vn với mã hồ sơ",
        hotline="0239 3855 999",
        note="Mang theo Giấy tiếp nhận này và CCCD khi nhận kết quả.",
    )


def write_sample(out: Path, page_size: str, dpi: int) -> tuple[Path, Path | None]:
    out.mkdir(parents=True, exist_ok=True)
    pdf_path = out / f"slip-sample-{page_size.lower()}.pdf"
    pdf_path.write_bytes(render_slip(sample_slip(), page_size))  # type: ignore[arg-type]
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils); PNG not written")
        return pdf_path, None
    stem = out / f"slip-sample-{page_size.lower()}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            "-singlefile",
            str(pdf_path),
            str(stem),
        ],
        check=True,
    )
    return pdf_path, stem.with_suffix(".png")


def bench(count: int, page_size: str) -> None:
    """Median and p95 of `count` renders in this process, after a warm-up."""
    started = time.perf_counter()
    warm_up()
    print(f"warm_up(): {1000 * (time.perf_counter() - started):.1f} ms")
    timings = []
    for sequence in range(1, count + 1):
        data = sample_slip(sequence)
        started = time.perf_counter()
        render_slip(data, page_size)  # type: ignore[arg-type]
        timings.append(1000 * (time.perf_counter() - started))
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
    print(
        f"render_slip {page_size} ×{count}: median {statistics.median(timings):.2f} ms, "
        f"p95 {p95:.2f} ms, max {timings[-1]:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("build/samples"))
    parser.add_argument("--page-size", choices=("A4", "A5"), default="A4")
    parser.add_argument("--dpi", type=int, default=110)
    parser.add_argument("--bench", type=int, default=0, help="also time this many renders")
    args = parser.parse_args()
    pdf_path, png_path = write_sample(args.out, args.page_size, args.dpi)
    print(f"wrote {pdf_path}" + (f" and {png_path}" if png_path else ""))
    if args.bench:
        bench(args.bench, args.page_size)


if __name__ == "__main__":
    main()
