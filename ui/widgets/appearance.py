"""Font sizes for normal and large-print (长辈模式) display.

Everything sized from the application font grows together; headings are a
fixed multiple of it. Windows are rebuilt when the mode changes, so no widget
has to follow a font change while it is on screen.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from ui.fonts import register_fonts, ui_font

NORMAL_POINT_SIZE = 11.0
LARGE_POINT_SIZE = 15.0


def base_point_size(large_print: bool) -> float:
    return LARGE_POINT_SIZE if large_print else NORMAL_POINT_SIZE


def apply_font(app: QApplication, large_print: bool) -> QFont:
    """Use the bundled font at the size the mode asks for, everywhere."""
    register_fonts()
    font = ui_font(base_point_size(large_print))
    app.setFont(font)
    return font


def scaled_font(scale: float, bold: bool = False) -> QFont:
    """The application font, ``scale`` times bigger (headings, the case number)."""
    font = QFont(QApplication.font())
    font.setPointSizeF(QApplication.font().pointSizeF() * scale)
    font.setBold(bold)
    return font


def set_scaled_font(widget: QWidget, scale: float, bold: bool = False) -> None:
    widget.setFont(scaled_font(scale, bold))
