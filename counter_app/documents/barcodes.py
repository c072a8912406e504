"""Code128 and QR symbols as vector rectangles (PDF path operators), never as bitmaps."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import barcode
import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.units import mm

# Narrower bars fail on cheap scanners and when rasterised at 200 dpi
# (docs/platform.md#barcode-size).
MIN_MODULE_WIDTH = 0.3 * mm
CODE128_QUIET_MODULES = 10
QR_QUIET_MODULES = 4
# A fixed mask skips qrcode's trial of all eight masks (about 6 ms of the ~7 ms it takes);
# every mask is valid per ISO 18004, the choice only trades a little robustness for speed.
_QR_MASK = 2


@dataclass(frozen=True)
class VectorSymbol:
    """A symbol as PDF operators drawn from its own lower-left corner, with its size in points."""

    width: float
    height: float
    operators: str


def code128_modules(code: str) -> str:
    """The bar ('1') and space ('0') modules of `code` in Code128, without quiet zones."""
    modules: list[str] = barcode.Code128(code).build()
    return modules[0]


def _runs(modules: Sequence[bool] | str) -> Iterator[tuple[int, int]]:
    """(start, length) of each run of dark modules in one row."""
    start = -1
    for index, dark in enumerate(modules):
        is_dark = dark == "1" if isinstance(dark, str) else bool(dark)
        if is_dark and start < 0:
            start = index
        elif not is_dark and start >= 0:
            yield start, index - start
            start = -1
    if start >= 0:
        yield start, len(modules) - start


def code128_symbol(code: str, height: float, max_width: float | None = None) -> VectorSymbol:
    """The bars with both quiet zones included in the width, modules MIN_MODULE_WIDTH wide.

    Only a code too long for `max_width` at that size gets narrower modules, so the slip
    still prints; such a symbol may be hard for cheap scanners. Adjacent dark modules become
    one rectangle, so printed bars are exact module multiples. The rectangles are written in
    module units under a scaling matrix, which keeps the operator text short and avoids
    formatting hundreds of floats per slip.
    """
    modules = code128_modules(code)
    module_width = MIN_MODULE_WIDTH
    if max_width is not None:
        module_width = min(module_width, max_width / (len(modules) + 2 * CODE128_QUIET_MODULES))
    rects = " ".join(
        f"{start + CODE128_QUIET_MODULES} 0 {length} 1 re" for start, length in _runs(modules)
    )
    operators = f"q {module_width:.4f} 0 0 {height:.4f} 0 0 cm 0 g {rects} f Q"
    return VectorSymbol(
        (len(modules) + 2 * CODE128_QUIET_MODULES) * module_width, height, operators
    )


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR modules of `payload` (UTF-8, level M), without the quiet zone."""
    symbol = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=_QR_MASK)
    symbol.add_data(payload.encode("utf-8"))
    symbol.make(fit=True)
    matrix: list[list[bool]] = symbol.get_matrix()
    return matrix


def qr_symbol(payload: str, size: float) -> tuple[VectorSymbol, float]:
    """The QR square `size` points wide, and its module size (the caller keeps 4 modules free)."""
    matrix = qr_matrix(payload)
    count = len(matrix)
    rects = " ".join(
        f"{start} {count - 1 - row} {length} 1 re"
        for row, modules in enumerate(matrix)
        for start, length in _runs(modules)
    )
    module = size / count
    operators = f"q {module:.4f} 0 0 {module:.4f} 0 0 cm 0 g {rects} f Q"
    return VectorSymbol(size, size, operators), module


def draw_symbol(canvas: Any, symbol: VectorSymbol, x: float, y: float) -> None:
    """Place the symbol with its lower-left corner at (x, y)."""
    canvas.addLiteral(f"q 1 0 0 1 {x:.3f} {y:.3f} cm {symbol.operators} Q")
