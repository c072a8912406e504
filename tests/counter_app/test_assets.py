"""get_asset finds the shipped files from a checkout, an installed copy and a frozen bundle."""

from __future__ import annotations

import importlib.resources
import sys
import zipfile
from pathlib import Path

import pytest

from counter_app import assets
from counter_app.assets import ASSET_PACKAGE, AssetsNotOnDiskError, assets_root, get_asset

REPO = Path(__file__).resolve().parents[2]


def test_the_editable_install_serves_the_repository_resources_folder() -> None:
    found = importlib.resources.files(ASSET_PACKAGE)
    assert found == REPO / "resources", "stale install? run: pip install -e '.[server,dev]'"
    assert assets_root() == REPO / "resources"


def test_every_shipped_file_is_found() -> None:
    for parts in (
        ("fonts", "NotoSans-Regular.ttf"),
        ("fonts", "NotoSans-Bold.ttf"),
        ("fonts", "NotoSans-Italic.ttf"),
        ("fonts", "OFL.txt"),
        ("catalogue", "ha-tinh-sample.json"),
    ):
        assert get_asset(*parts).is_file(), parts


def test_a_frozen_bundle_reads_them_beside_the_program(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    expected = tmp_path / "counter_app" / "resources" / "fonts" / "x.ttf"
    assert get_asset("fonts", "x.ttf") == expected


def test_a_checkout_run_without_installing_reads_the_repository_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_installed(package: str) -> Path:
        raise ModuleNotFoundError(package)

    monkeypatch.setattr(assets.importlib.resources, "files", not_installed)
    assert get_asset("catalogue") == REPO / "resources" / "catalogue"


def test_package_data_that_is_not_on_disk_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    archive = tmp_path / "counter.zip"
    zipfile.ZipFile(archive, "w").close()
    monkeypatch.setattr(
        assets.importlib.resources,
        "files",
        lambda package: zipfile.Path(archive, "counter_app/resources/"),
    )
    with pytest.raises(AssetsNotOnDiskError, match=ASSET_PACKAGE):
        get_asset("fonts")
