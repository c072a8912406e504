"""The lower layers' texts for Qt Linguist: `resources/translations/messages_<lang>.ts`.

    python scripts/i18n_messages.py update   # lupdate: new texts appear as unfinished
    python scripts/i18n_messages.py check    # exit 1 if a text is new or not translated

The domain, models, services, sync and counter_protocol mark their messages and labels with
`QT_TRANSLATE_NOOP("messages" | "labels", ...)` (docs/decisions/0034-texts-from-lower-layers.md);
the screens' own texts are in app_<lang>.ts, made from counter_app/ui. `scripts/i18n.py build`
compiles every .ts, this one included (commit the .ts and its .qm together). Vietnamese is the
source language, so only the other languages have a file.
"""

from __future__ import annotations

import argparse
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = [
    "counter_protocol",
    "counter_app/domain",
    "counter_app/models",
    "counter_app/services",
    "counter_app/sync",
]
LANGUAGES = ("en",)


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    return found


def update(ts: Path, language: str) -> None:
    """Add new texts to `ts` (unfinished), keep the translations of the others, drop the gone."""
    args = [lupdate(), "-extensions", "py", "-locations", "none", "-no-obsolete", "-silent"]
    args += ["-source-language", "vi", "-target-language", language, *SOURCES, "-ts", str(ts)]
    subprocess.run(args, cwd=ROOT, check=True)


def fields(template: str) -> list[str]:
    """The named fields of a template with their format specs, sorted (order may change)."""
    return sorted(f"{n}:{spec}" for _, n, spec, _ in string.Formatter().parse(template) if n)


def untranslated(ts: Path) -> list[str]:
    """The sources of `ts` with no finished translation, or one whose fields differ."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source, translation = message.findtext("source", ""), message.find("translation")
            text = "" if translation is None or translation.get("type") else translation.text
            if not text or fields(text) != fields(source):
                missing.append(f"{name}: {source}")
    return missing


def check(language: str) -> list[str]:
    """What a fresh lupdate over the sources would leave untranslated in the committed file."""
    committed = TRANSLATIONS / f"messages_{language}.ts"
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / committed.name
        if committed.exists():
            shutil.copy(committed, copy)
        update(copy, language)
        return untranslated(copy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["update", "check"])
    command = parser.parse_args(argv).command
    status = 0
    for language in LANGUAGES:
        if command == "update":
            update(TRANSLATIONS / f"messages_{language}.ts", language)
        for text in check(language):
            print(f"messages_{language}.ts: not translated: {text}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
