"""Choosing the screens' language: `counter-app --lang en|vi`, else the counter's setting."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.app import gui_language
from counter_app.config import DB_FILENAME
from counter_app.ui.i18n import current_language, install_language, tr
from counter_app.ui.main import create_application
from tests.counter_app.ui.helpers import ADMIN, wait_idle

ROOT = Path(__file__).resolve().parents[3]
NO_SCREEN = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}


def run_without_screen(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """The program with no display at all: it stops just before creating the window."""
    env = {k: v for k, v in os.environ.items() if k not in NO_SCREEN}
    return subprocess.run(
        [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(sys.platform.startswith(("win", "darwin")), reason="always has a screen")
def test_the_command_line_takes_lang_en_or_vi_only(tmp_path):
    for language in ("en", "vi"):
        started = run_without_screen("--lang", language, data_dir=tmp_path)
        assert started.returncode == 3, started.stderr  # past the options, to the window
        assert "DISPLAY" in started.stderr
    refused = run_without_screen("--lang", "fr", data_dir=tmp_path)
    assert refused.returncode == 2
    assert "--lang" in refused.stderr


@pytest.fixture
def restore_vietnamese(qapp) -> Iterator[None]:
    yield
    install_language(qapp, "vi")


def test_the_counters_setting_chooses_and_the_command_line_wins(
    qtbot, services, runner, data_dir, restore_vietnamese
):
    from counter_app.ui.settings_dialog import SettingsDialog

    db_file = data_dir / DB_FILENAME
    assert gui_language(None, db_file) == "vi"  # Vietnamese unless chosen
    dialog = SettingsDialog(services.settings, runner, ADMIN, printers=[])
    qtbot.addWidget(dialog)
    wait_idle(qtbot, runner)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findText("English"))
    dialog.save()
    wait_idle(qtbot, runner)
    assert dialog.message.kind == "success", dialog.message.text()
    assert services.settings.current().language == "en"
    assert gui_language(None, db_file) == "en"
    assert gui_language("vi", db_file) == "vi"  # --lang vi wins over the setting
    create_application(gui_language(None, db_file))
    assert current_language() == "en"
    assert tr("Đăng nhập") == "Log in"
    create_application(gui_language("vi", db_file))
    assert tr("Đăng nhập") == "Đăng nhập"


def test_a_language_the_counter_does_not_know_is_refused(services):
    from dataclasses import replace

    from counter_app.services.counter_settings import SettingsInvalid

    values = replace(services.settings.current(), language="fr")
    with pytest.raises(SettingsInvalid) as refused:
        services.settings.save(values, by=ADMIN)
    assert "language" in refused.value.problems


def test_lang_is_an_option_with_a_value_before_any_command():
    from counter_app.cli.parser import command_named

    assert command_named(["--lang", "en", "find", "x"]) == "find"
    assert command_named(["--lang", "en"]) is None  # the window


def test_the_setting_is_set_from_the_command_line_too(data_dir):
    env = {**os.environ, "TZ": "UTC"}
    command = [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "config", "set"]

    def config_set(value: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, "ui.language", value], cwd=ROOT, env=env, capture_output=True, text=True,
            timeout=120, check=False,
        )  # fmt: skip

    refused = config_set("fr")
    assert refused.returncode == 2 and "vi, en" in refused.stderr
    assert config_set("en").returncode == 0
    assert gui_language(None, data_dir / DB_FILENAME) == "en"


def test_english_loads_qts_own_first_so_the_counters_own_win():
    from counter_app.ui.i18n import translation_files

    names = [path.name for path in translation_files("en")]
    assert {"app_en.qm", "messages_en.qm"} <= set(names[1:])  # the counter's own, after Qt's
    assert names[0] == "qtbase_en.qm"  # PySide6 ships it: Qt's dialogs and menus in English
    assert all(name.endswith("_en.qm") for name in names)
