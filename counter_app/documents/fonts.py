"""Register the shipped Noto Sans faces with reportlab once per process; measure text with them."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from counter_app.assets import get_asset
from counter_protocol.errors import UserError

REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"

_FACE_FILES = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ITALIC: "NotoSans-Italic.ttf",
}


@dataclass(frozen=True)
class FontFaces:
    """The registered reportlab font names of the document family."""

    regular: str
    bold: str
    italic: str


class FontsMissingError(UserError):
    """The shipped TTF files are not where the assets should be (a broken install or bundle)."""

    default_code = "install.fonts_missing"
    exit_code = 5

    def __init__(self, message: str) -> None:
        super().__init__(
            message, advice="Bản cài đặt bị thiếu tệp: cài lại counter-app hoặc báo bộ phận CNTT."
        )


@functools.cache
def register_fonts() -> FontFaces:
    """Register the faces (embedded, subset per document) the first time; later calls are free."""
    for name, file_name in _FACE_FILES.items():
        path = get_asset("fonts", file_name)
        if not path.is_file():
            raise FontsMissingError(f"Không tìm thấy phông chữ: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )
    return FontFaces(regular=REGULAR, bold=BOLD, italic=ITALIC)


@functools.lru_cache(maxsize=16384)
def text_width(text: str, font: str, size: float) -> float:
    """Width in points of `text` in one of our faces at `size` (registering them if needed).

    Cached: labels, notes and common words recur on every slip, and reportlab measures TTF
    text in pure Python unless the optional rl_accel extension is installed.
    """
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))
