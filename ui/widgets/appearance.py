"""Font sizes for normal and large-print (长辈模式) display.

Everything sized from the application font grows together; headings are a
fixed multiple of it. Windows are rebuilt when the mode changes, so no widget
has to follow a font change while it is on screen.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QWidget

from ui.fonts import register_fonts, ui_font

NORMAL_POINT_SIZE = 11.0
LARGE_POINT_SIZE = 15.0


def base_point_size(large_print: bool) -> float:
    return LARGE_POINT_SIZE if large_print else NORMAL_POINT_SIZE


# The tick boxes and round buttons, which the style draws at a fixed size whatever the font.
INDICATORS = (
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
)


class ScaledIndicators(QProxyStyle):
    """The platform's style with check boxes and radio buttons grown with the font (large print),
    so an older clerk can see, and hit, the box beside a large label."""

    def __init__(self, base_name: str, scale: float):
        super().__init__(QStyleFactory.create(base_name))
        self.base_name = base_name
        self.scale = scale

    def pixelMetric(self, metric, option=None, widget=None) -> int:
        size = super().pixelMetric(metric, option, widget)
        return round(size * self.scale) if metric in INDICATORS else size


def _base_style_name(app: QApplication) -> str:
    style = app.style()
    return style.base_name if isinstance(style, ScaledIndicators) else style.name()


def apply_font(app: QApplication, large_print: bool) -> QFont:
    """Use the bundled font at the size the mode asks for, everywhere (and indicators to match)."""
    register_fonts()
    font = ui_font(base_point_size(large_print))
    app.setFont(font)
    _apply_indicators(app, large_print)
    return font


def _apply_indicators(app: QApplication, large_print: bool) -> None:
    current = app.style()
    wanted = LARGE_POINT_SIZE / NORMAL_POINT_SIZE if large_print else 1.0
    if getattr(current, "scale", 1.0) == wanted:
        return
    name = _base_style_name(app)
    # Normal print uses the plain style: no Python call for every size the style is asked.
    app.setStyle(ScaledIndicators(name, wanted) if large_print else QStyleFactory.create(name))


def scaled_font(scale: float, bold: bool = False) -> QFont:
    """The application font, ``scale`` times bigger (headings, the case number)."""
    font = QFont(QApplication.font())
    font.setPointSizeF(QApplication.font().pointSizeF() * scale)
    font.setBold(bold)
    return font


def set_scaled_font(widget: QWidget, scale: float, bold: bool = False) -> None:
    widget.setFont(scaled_font(scale, bold))
