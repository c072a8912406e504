"""The shipped fonts: present with their licence, registered once, missing ones said clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.assets import get_asset
from counter_app.documents import fonts


def test_shipped_fonts_have_their_licence_and_stay_small() -> None:
    folder = get_asset("fonts")
    ttfs = sorted(p.name for p in folder.glob("*.ttf"))
    assert {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"} <= set(ttfs)
    assert "SIL OPEN FONT LICENSE" in (folder / "OFL.txt").read_text(encoding="utf-8")
    assert sum(p.stat().st_size for p in folder.iterdir()) < 3 * 1024 * 1024


def test_missing_fonts_fail_with_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fonts, "get_asset", lambda *parts: tmp_path.joinpath(*parts))
    fonts.register_fonts.cache_clear()
    try:
        with pytest.raises(fonts.FontsMissingError, match="Không tìm thấy phông chữ"):
            fonts.register_fonts()
    finally:
        monkeypatch.undo()
        fonts.register_fonts.cache_clear()
        fonts.register_fonts()


def test_fonts_are_registered_once() -> None:
    assert fonts.register_fonts() is fonts.register_fonts()
