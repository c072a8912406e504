"""Write the shipped table of Vietnam's default days off and make-up days.

    python scripts/holiday_table.py          # rewrite resources/calendar/vietnam-holidays.json
    python scripts/holiday_table.py --check  # exit 1 if the file differs from the library

The counter builds its working calendar for 2015–2040 at every start; the table saves loading
the `holidays` library then (services/holiday_defaults.py). Run it after changing the library's
pinned version; tests/counter_app/services/test_holiday_defaults.py fails until then.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from counter_app.services.calendar import FIRST_YEAR, LAST_YEAR  # noqa: E402
from counter_app.services.holiday_defaults import SHIPPED_TABLE, shipped_table_data  # noqa: E402

TARGET = ROOT.joinpath("resources", *SHIPPED_TABLE)


def table_text() -> str:
    """The JSON with one day per line, so that a change of the library reads as a plain diff."""
    data = shipped_table_data(FIRST_YEAR, LAST_YEAR)
    lines = ["{"]
    for key, value in data.items():
        if isinstance(value, list):
            rows = ",\n".join(f"    {json.dumps(row, ensure_ascii=False)}" for row in value)
            lines.append(f'  "{key}": [\n{rows}\n  ],')
        else:
            lines.append(f'  "{key}": {json.dumps(value, ensure_ascii=False)},')
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join([*lines, "}"]) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = table_text()
    if args.check:
        same = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        print("the shipped table matches the library" if same else f"{TARGET} is out of date")
        return 0 if same else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
