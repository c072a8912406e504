"""Find the files the counter ships (fonts, catalogue): the one resolver every caller uses.

The repository keeps them in the top-level `resources/` folder; the wheel installs that folder as
the package `counter_app.resources` (see setup.py) and the PyInstaller bundle copies it to
`counter_app/resources` beside the frozen program. One lookup order serves all three:

1. a frozen bundle: `sys._MEIPASS/counter_app/resources` (PyInstaller's bootloader sets _MEIPASS);
2. an installed copy, wheel or editable: `importlib.resources.files("counter_app.resources")`;
3. a checkout run without installing (or a venv installed before resources became package data):
   `resources/` at the repository root.
"""

from __future__ import annotations

import importlib.resources
import sys
from pathlib import Path

ASSET_PACKAGE = "counter_app.resources"
BUNDLE_FOLDER = ("counter_app", "resources")  # where installer/counter_app.spec puts them
_CHECKOUT_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


class AssetsNotOnDiskError(RuntimeError):
    """The package data is not a folder on disk (a zipped install, which the counter never uses)."""


def assets_root() -> Path:
    """The folder that holds `fonts/` and `catalogue/` in this run of the program."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle).joinpath(*BUNDLE_FOLDER)
    try:
        root = importlib.resources.files(ASSET_PACKAGE)
    except ModuleNotFoundError:
        return _CHECKOUT_RESOURCES
    if not isinstance(root, Path):
        raise AssetsNotOnDiskError(f"{ASSET_PACKAGE} is not a folder on disk: {root}")
    return root


def get_asset(*parts: str) -> Path:
    """The path of one shipped file or folder, e.g. `get_asset("fonts", "NotoSans-Regular.ttf")`.

    It is not checked for existence: callers say in their own words what is missing.
    """
    return assets_root().joinpath(*parts)
