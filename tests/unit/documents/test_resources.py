"""Resource lookup from a checkout and from a PyInstaller bundle; the shipped fonts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from counter_app.documents import fonts
from counter_app.documents.resources import resource_path, resources_root

REPO = Path(__file__).resolve().parents[3]


def test_from_source_resources_sit_at_the_repository_root() -> None:
    assert resources_root() == REPO / "resources"
    assert resource_path("fonts", "NotoSans-Regular.ttf").is_file()


def test_frozen_resources_are_found_inside_the_bundle(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"


def test_shipped_fonts_have_their_licence_and_stay_small() -> None:
    folder = REPO / "resources" / "fonts"
    ttfs = sorted(p.name for p in folder.glob("*.ttf"))
    assert {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"} <= set(ttfs)
    assert "SIL OPEN FONT LICENSE" in (folder / "OFL.txt").read_text(encoding="utf-8")
    assert sum(p.stat().st_size for p in folder.iterdir()) < 3 * 1024 * 1024


def test_missing_fonts_fail_with_a_clear_error(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
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
