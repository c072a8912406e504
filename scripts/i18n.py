"""The screens' translations with Qt Linguist (docs/decisions/0033-translations.md).

    .venv/bin/python scripts/i18n.py update   # the screens' texts -> translations/app_en.ts
    .venv/bin/python scripts/i18n.py build    # every resources/translations/*.ts -> its .qm

`update` runs pyside6-lupdate over counter_app/ui/ and counter_app/app.py (no line numbers kept:
the .ts changes only when a text does): new texts are added as
unfinished, texts gone from the code are dropped, existing translations are kept. Translate the new
ones (Qt Linguist, or the .ts by hand), then `build`, and commit the .ts and the .qm together.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
APP_TS = TRANSLATIONS / "app_en.ts"
BIN = Path(sys.executable).parent
# Texts gone from the code are dropped; no line numbers (the .ts changes only when a text does).
UPDATE_OPTIONS = ("-no-obsolete", "-locations", "none", "-source-language", "vi_VN")


def sources() -> list[Path]:
    """The files whose texts the screens show: every ui module and the composition root."""
    return [*sorted((ROOT / "counter_app" / "ui").glob("*.py")), ROOT / "counter_app" / "app.py"]


def lupdate(ts: Path, *options: str) -> str:
    """Run pyside6-lupdate on the sources into `ts`; returns its report."""
    command = [str(BIN / "pyside6-lupdate"), *options, *map(str, sources()), "-ts", str(ts)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def update() -> None:
    """Keep app_en.ts in step with the code (obsolete texts dropped, translations kept)."""
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    print(lupdate(APP_TS, *UPDATE_OPTIONS, "-target-language", "en_US"), end="")


def build(folder: Path = TRANSLATIONS, out: Path | None = None) -> list[Path]:
    """Compile every .ts of `folder` into a .qm beside it (or in `out`)."""
    built = []
    for ts in sorted(folder.glob("*.ts")):
        qm = (out or folder) / ts.with_suffix(".qm").name
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True
        )
        built.append(qm)
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("update", "build"))
    args = parser.parse_args()
    if args.step == "update":
        update()
    else:
        for qm in build():
            print(qm.relative_to(ROOT))


if __name__ == "__main__":
    main()
