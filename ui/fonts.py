"""The bundled CJK font, registered at start-up and chosen explicitly.

Nothing may depend on the machine's fonts: a fresh Windows or Debian machine
may have no CJK font, and Qt's fallback may pick Japanese glyph shapes.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from haian_desk.core.paths import resource_path

log = logging.getLogger(__name__)
FAMILY = "Haian Sans SC"
FONT_FILES = ("HaianSansSC-Regular.otf", "HaianSansSC-Bold.otf")


def register_fonts() -> str | None:
    """Register the bundled font files; returns the family name, or None if missing."""
    family = None
    for name in FONT_FILES:
        path = resource_path("fonts", name)
        if not path.exists():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
        else:
            log.error("could not load bundled font %s", path)
    return family


def ui_font(point_size: float = 11.0) -> QFont:
    font = QFont(FAMILY)
    font.setPointSizeF(point_size)
    return font
