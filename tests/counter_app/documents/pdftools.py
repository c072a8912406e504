"""Test helpers: read rendered PDFs back with poppler (text, fonts, rasters) and zxing-cpp."""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import zxingcpp
from PIL import Image

from counter_app.documents.data import SlipComponent, SlipData

CODE = "000.28.31.H27-261126-0001"
LOOKUP = "Tra cứu tại https://dichvucong.gov.vn với mã hồ sơ"


def pdf_text(pdf: bytes, page: int | None = None) -> str:
    """pdftotext output (raw, not normalised), optionally of one 1-based page."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run(
        ["pdftotext", *pages, "-", "-"], input=pdf, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Whitespace collapsed, so wrapped sentences can be matched as one line."""
    return " ".join(text.split())


def pdf_fonts(pdf: bytes) -> list[list[str]]:
    """The rows of `pdffonts` (name, type, encoding, emb, sub, uni, object, generation)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        out = subprocess.run(["pdffonts", handle.name], capture_output=True, check=True, text=True)
    lines = out.stdout.splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


def page_count(pdf: bytes) -> int:
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    for line in out.stdout.decode().splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo printed no page count")


def page_size_pt(pdf: bytes) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    for line in out.stdout.decode().splitlines():
        if line.startswith("Page size:"):
            parts = line.split()
            return float(parts[2]), float(parts[4])
    raise AssertionError("pdfinfo printed no page size")


def rasterise(pdf: bytes, page: int, dpi: int = 200) -> Image.Image:
    """One page as a PIL image, the way a 200 dpi scan would see it."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-png",
                "-singlefile",
                str(source),
                str(Path(folder) / "page"),
            ],
            check=True,
        )
        image = Image.open(Path(folder) / "page.png")
        image.load()
        return image


@dataclass(frozen=True)
class Decoded:
    format: str
    text: str


def decode(image: Image.Image) -> list[Decoded]:
    return [Decoded(b.format.name, b.text) for b in zxingcpp.read_barcodes(image)]


def component(index: int) -> SlipComponent:
    return SlipComponent(
        f"Giấy tờ số {index}: bản trích lục hộ tịch có chứng thực của Ủy ban "
        f"nhân dân cấp xã (mục {index})",
        1,
        index % 3,
    )


def slip_data(components: int = 3, **changes: object) -> SlipData:
    """A Hà Tĩnh slip; received 02:30 UTC = 09:30 Vietnam time, due 09:00 UTC = 16:00."""
    base: dict[str, object] = dict(
        dossier_code=CODE,
        unit_name="Trung tâm Phục vụ hành chính công xã Thạch Hà",
        agency_name="UBND xã Thạch Hà",
        place_name="Hà Tĩnh",
        applicant_name="Nguyễn Thị Hồng Nhung",
        applicant_id="042190001234",
        applicant_address="Thôn Đông Phúc, Xã Thạch Hà, tỉnh Hà Tĩnh",
        applicant_phone="0912 345 678",
        applicant_email="nhung.nguyen@example.vn",
        authorised_person="Đặng Văn Đức",
        procedure_name="Đăng ký khai sinh",
        procedure_code="1.001193",
        components=tuple(component(i) for i in range(1, components + 1)),
        sets_count=1,
        processing_time_text="Trong ngày",
        received_at=datetime(2026, 11, 26, 2, 30, tzinfo=UTC),
        due_at=datetime(2026, 11, 26, 9, 0, tzinfo=UTC),
        result_delivery_text="địa chỉ Thôn Đông Phúc, Xã Thạch Hà (qua dịch vụ bưu chính công ích)",
        fees_text="8.000 đồng",
        clerk_name="Lê Thị Thu Hà",
        logbook_text=None,
        managing_body="UBND xã Thạch Hà",
        log_book="2026",
        log_seq=125,
        lookup_hint=LOOKUP,
        hotline="0239 3855 999",
        note="Mang theo giấy này và CCCD khi nhận kết quả.",
    )
    base.update(changes)
    return SlipData(**base)  # type: ignore[arg-type]
