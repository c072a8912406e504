"""The translation files match the code: nothing on screen is left without its English.

`scripts/i18n.py update` run now would change nothing in app_en.ts (no new, changed or vanished
text), every text has a finished English translation keeping the template's fields and its
&-mnemonic, and every committed .qm is what `scripts/i18n.py build` makes of its .ts.
"""

from __future__ import annotations

import importlib.util
import shutil
import string
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def i18n_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> dict[str, ET.Element]:
    """Each message's source text and its translation element."""
    found = {}
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        assert translation is not None
        found[message.findtext("source") or ""] = translation
    return found


def fields(template: str) -> list[str]:
    return sorted(
        f"{name}:{spec}"
        for _, name, spec, _ in string.Formatter().parse(template)
        if name is not None
    )


def test_the_ts_file_holds_exactly_the_texts_of_the_code(i18n_script, tmp_path):
    committed = i18n_script.APP_TS
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    report = i18n_script.lupdate(fresh, *i18n_script.UPDATE_OPTIONS)
    assert "(0 new and" in report, report  # a text of the code missing from app_en.ts
    assert messages(fresh).keys() == messages(committed).keys()  # none vanished from the code


def test_every_text_has_its_english(i18n_script):
    unfinished, broken = [], []
    for source, translation in messages(i18n_script.APP_TS).items():
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            unfinished.append(source)
        elif fields(source) != fields(text) or source.count("&") != text.count("&"):
            broken.append(f"{source!r} -> {text!r}")
    assert unfinished == []
    assert broken == []


def test_every_qm_is_built_from_its_ts(i18n_script, tmp_path):
    folder = i18n_script.TRANSLATIONS
    built = i18n_script.build(folder, tmp_path)
    assert built, "no .ts file"
    for qm in built:
        committed = folder / qm.name
        assert committed.exists(), f"{qm.name} not built: run scripts/i18n.py build"
        assert committed.read_bytes() == qm.read_bytes(), f"{qm.name} is older than its .ts"
