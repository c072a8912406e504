"""The symbols' geometry: module size, quiet zones, and that they are vector paths."""

from __future__ import annotations

import re

from reportlab.lib.units import mm

from counter_app.documents.barcodes import (
    CODE128_QUIET_MODULES,
    MIN_MODULE_WIDTH,
    code128_modules,
    code128_symbol,
    qr_matrix,
    qr_symbol,
)

CODE = "000.28.31.H27-261126-0001"


def _rects(operators: str) -> list[tuple[int, int, int, int]]:
    return [tuple(map(int, m)) for m in re.findall(r"(\d+) (\d+) (\d+) (\d+) re", operators)]  # type: ignore[misc]


def test_code128_modules_are_at_least_0_3_mm_with_ten_module_quiet_zones() -> None:
    modules = code128_modules(CODE)
    symbol = code128_symbol(CODE, 12 * mm)
    assert 0.3 * mm <= MIN_MODULE_WIDTH
    assert symbol.width == (len(modules) + 2 * CODE128_QUIET_MODULES) * MIN_MODULE_WIDTH
    assert symbol.operators.startswith(f"q {MIN_MODULE_WIDTH:.4f} 0 0 ")
    rects = _rects(symbol.operators)
    assert rects[0][0] == CODE128_QUIET_MODULES  # the first bar starts after the quiet zone
    last_start, _, last_length, _ = rects[-1]
    assert last_start + last_length == len(modules) + CODE128_QUIET_MODULES


def test_code128_bars_reproduce_the_module_string() -> None:
    modules = code128_modules(CODE)
    drawn = ["0"] * len(modules)
    for start, _, length, _ in _rects(code128_symbol(CODE, 10 * mm).operators):
        for i in range(start - CODE128_QUIET_MODULES, start - CODE128_QUIET_MODULES + length):
            drawn[i] = "1"
    assert "".join(drawn) == modules


def test_a_25_character_code_fits_a5_portrait() -> None:
    assert code128_symbol(CODE, 10 * mm).width <= 128 * mm  # A5 minus 10 mm margins


def test_only_a_code_too_long_for_the_page_gets_narrower_modules() -> None:
    assert code128_symbol(CODE, 10 * mm, max_width=138 * mm).width > 90 * mm
    long_code = CODE * 2
    squeezed = code128_symbol(long_code, 10 * mm, max_width=138 * mm)
    assert squeezed.width <= 138 * mm + 1e-6


def test_qr_rectangles_cover_exactly_the_dark_modules() -> None:
    payload = f"{CODE}\nTra cứu tại https://dichvucong.gov.vn"
    matrix = qr_matrix(payload)
    symbol, module = qr_symbol(payload, 22 * mm)
    count = len(matrix)
    assert module * count == 22 * mm
    dark = set()
    for x, y, length, height in _rects(symbol.operators):
        assert height == 1
        dark.update((count - 1 - y, column) for column in range(x, x + length))
    expected = {(r, c) for r, row in enumerate(matrix) for c, on in enumerate(row) if on}
    assert dark == expected
