"""Load the bundled TTF fonts into Qt so Vietnamese never renders as boxes on a bare machine."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counter_app.assets import get_asset

log = logging.getLogger(__name__)
PREFERRED_FAMILY = "Noto Sans"
UI_POINT_SIZE = 10


def load_fonts(app: QApplication) -> str | None:
    """Register every shipped fonts/*.ttf and make the preferred family the app font.

    Returns the family in use, or None when no bundled font could be loaded (the system default
    then stays, which is fine wherever fontconfig has fonts).
    """
    families: list[str] = []
    for ttf in sorted(get_asset("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id < 0:
            log.warning("could not load font %s", ttf)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if not families:
        return None
    family = PREFERRED_FAMILY if PREFERRED_FAMILY in families else families[0]
    app.setFont(QFont(family, UI_POINT_SIZE))
    return family
