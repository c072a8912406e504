"""An offscreen Qt platform with a screen of a chosen size, for tests and screenshots.

Qt's offscreen platform shows one 800×800 screen unless given a configuration file naming the
screens; the counters' real screens are 1366×768 and 1024×768.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

COUNTER_SCREENS = ((1366, 768), (1024, 768))


def offscreen_platform(width: int, height: int) -> str:
    """The QT_QPA_PLATFORM value for one offscreen screen of width×height pixels."""
    screen = {"name": "counter", "x": 0, "y": 0, "width": width, "height": height}
    config = {"screens": [{**screen, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    folder = Path(tempfile.gettempdir()) / "counter-offscreen"
    folder.mkdir(exist_ok=True)
    path = folder / f"screen-{width}x{height}.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return f"offscreen:configfile={path}"
