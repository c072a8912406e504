"""Locate files under resources/, both from a source checkout and from a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

# counter_app/documents/resources.py -> parents[2] is the repository root.
_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def resources_root() -> Path:
    """The resources/ directory: inside the bundle when frozen, at the repository root otherwise."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader
    if bundle:
        return Path(bundle) / "resources"
    return _SOURCE_ROOT / "resources"


def resource_path(*parts: str) -> Path:
    """The path of resources/<parts...>; it is not checked for existence."""
    return resources_root().joinpath(*parts)
