"""Simple charts drawn with QPainter: vertical bars (grouped or stacked), horizontal bars
and lines, with a title, a legend, gridlines and value labels.

Why not QtCharts: it comes with PySide6-Addons (+160 MB in every station's
bundle) for four plain charts. The same ``paint_chart`` draws on a widget and
on a PDF page, so the screen and the report show the same picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.fonts import FAMILY

BARS, STACKED, HBARS, LINE = "bars", "stacked", "hbars", "line"
AXIS = QColor("#606060")
GRID = QColor("#e0e0e0")
TEXT = QColor("#202020")


@dataclass
class Series:
    name: str
    values: list[float | None]
    color: str
    point_colors: list[str] | None = None  # one colour per category (e.g. rating levels)
    dashed: bool = False


@dataclass
class Chart:
    title: str
    categories: list[str]
    series: list[Series] = field(default_factory=list)
    kind: str = BARS
    percent: bool = False  # values are fractions, shown as percentages
    empty_text: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(v for s in self.series for v in s.values if v)


def nice_step(top: float, lines: int = 4) -> float:
    """A round gridline step (1, 2 or 5 × 10^k) that covers ``top`` in about ``lines`` steps."""
    if top <= 0:
        return 1.0
    rough = top / lines
    magnitude = 10 ** math.floor(math.log10(rough))
    for multiple in (1, 2, 5, 10):
        if multiple * magnitude >= rough:
            return multiple * magnitude
    return 10 * magnitude


def axis_top(chart: Chart) -> tuple[float, float]:
    """The axis maximum and the gridline step."""
    if chart.percent:
        return 1.0, 0.25
    if chart.kind == STACKED:
        peak = max((sum(s.values[i] or 0 for s in chart.series) for i in range(len(chart.categories))), default=0)
    else:
        peak = max((v or 0 for s in chart.series for v in s.values), default=0)
    step = max(1.0, nice_step(peak))
    return max(step, math.ceil(peak / step) * step), step


def label_for(chart: Chart, value: float) -> str:
    return f"{value * 100:.0f}%" if chart.percent else f"{value:g}"


class _Pen:
    """Fonts and pens sized for the device: the same chart is legible on screen and on paper."""

    def __init__(self, painter: QPainter, base_px: float):
        self.painter = painter
        self.base = base_px
        self.font = QFont(FAMILY)
        self.font.setPixelSize(max(8, round(base_px)))
        self.small = QFont(FAMILY)
        self.small.setPixelSize(max(7, round(base_px * 0.85)))
        self.title = QFont(FAMILY)
        self.title.setPixelSize(max(9, round(base_px * 1.2)))
        self.title.setBold(True)

    def text(self, rect: QRectF, flags, text: str, font: QFont | None = None, color: QColor = TEXT) -> None:
        self.painter.setFont(font or self.font)
        self.painter.setPen(color)
        self.painter.drawText(rect, flags, text)

    def width(self, text: str, font: QFont | None = None) -> float:
        return QFontMetricsF(font or self.font).horizontalAdvance(text)


def paint_chart(painter: QPainter, rect: QRectF, chart: Chart, base_px: float = 13.0) -> None:
    pen = _Pen(painter, base_px)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    title_h = base_px * 2.0
    pen.text(
        QRectF(rect.left(), rect.top(), rect.width(), title_h),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        chart.title,
        pen.title,
    )
    body = rect.adjusted(0, title_h, 0, 0)
    if len(chart.series) > 1:
        body = _legend(pen, body, chart)
    if chart.is_empty:
        pen.text(body, Qt.AlignmentFlag.AlignCenter, chart.empty_text, color=AXIS)
    elif chart.kind == HBARS:
        _hbars(pen, body, chart)
    else:
        _columns(pen, body, chart)
    painter.restore()


def _legend(pen: _Pen, body: QRectF, chart: Chart) -> QRectF:
    x, h = body.left(), pen.base * 1.6
    swatch = pen.base * 0.8
    for s in chart.series:
        pen.painter.fillRect(QRectF(x, body.top() + (h - swatch) / 2, swatch, swatch), QColor(s.color))
        x += swatch + pen.base * 0.3
        pen.text(
            QRectF(x, body.top(), pen.width(s.name) + 2, h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            s.name,
        )
        x += pen.width(s.name) + pen.base * 1.2
    return body.adjusted(0, h, 0, 0)


def _columns(pen: _Pen, body: QRectF, chart: Chart) -> None:
    """Vertical bars (grouped or stacked) or lines over categories along the bottom."""
    top, step = axis_top(chart)
    gutter = max(pen.width(label_for(chart, top)), pen.width("0")) + pen.base * 0.6
    plot = QRectF(
        body.left() + gutter,
        body.top() + pen.base * 0.8,
        body.width() - gutter - pen.base * 0.5,
        body.height() - pen.base * 2.6,
    )
    _grid(pen, plot, chart, top, step)
    band = plot.width() / max(1, len(chart.categories))
    for i, name in enumerate(chart.categories):
        pen.text(
            QRectF(plot.left() + i * band, plot.bottom() + pen.base * 0.3, band, pen.base * 1.6),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            name,
            pen.small,
        )
    if chart.kind == LINE:
        _lines(pen, plot, chart, top, band)
    else:
        _bars(pen, plot, chart, top, band)


def _grid(pen: _Pen, plot: QRectF, chart: Chart, top: float, step: float) -> None:
    value = 0.0
    while value <= top + 1e-9:
        y = plot.bottom() - plot.height() * value / top
        pen.painter.setPen(QPen(GRID if value else AXIS, 1))
        pen.painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        pen.text(
            QRectF(plot.left() - pen.base * 8, y - pen.base, pen.base * 7.6, pen.base * 2),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label_for(chart, value),
            pen.small,
            AXIS,
        )
        value += step


def _bars(pen: _Pen, plot: QRectF, chart: Chart, top: float, band: float) -> None:
    stacked = chart.kind == STACKED
    groups = 1 if stacked else len(chart.series)
    width = band * 0.7 / groups
    for i in range(len(chart.categories)):
        base = plot.bottom()
        total = 0.0
        for k, s in enumerate(chart.series):
            value = s.values[i] or 0
            height = plot.height() * value / top
            x = plot.left() + i * band + band * 0.15 + (0 if stacked else k * width)
            color = QColor(s.point_colors[i] if s.point_colors else s.color)
            bar = QRectF(x, base - height, width, height)
            pen.painter.fillRect(bar, color)
            if stacked:
                base -= height
                total += value
            elif value:
                _value_above(pen, bar, label_for(chart, value), band)
        if stacked and total:
            _value_above(
                pen, QRectF(plot.left() + i * band + band * 0.15, base, width, 0), label_for(chart, total), band
            )


def _value_above(pen: _Pen, bar: QRectF, text: str, band: float) -> None:
    if pen.width(text, pen.small) > band:
        return  # no room: the gridlines tell the value
    pen.text(
        QRectF(bar.center().x() - band / 2, bar.top() - pen.base * 1.4, band, pen.base * 1.3),
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
        text,
        pen.small,
    )


def _lines(pen: _Pen, plot: QRectF, chart: Chart, top: float, band: float) -> None:
    for s in chart.series:
        line = QPen(QColor(s.color), max(1.5, pen.base * 0.18))
        if s.dashed:
            line.setStyle(Qt.PenStyle.DashLine)
        # None: no value yet (a month still to come); the line stops there.
        points = [
            None if v is None else QPointF(plot.left() + (i + 0.5) * band, plot.bottom() - plot.height() * v / top)
            for i, v in enumerate(s.values)
        ]
        pen.painter.setPen(line)
        for a, b in pairwise(points):
            if a is not None and b is not None:
                pen.painter.drawLine(a, b)
        pen.painter.setBrush(QColor(s.color))
        radius = pen.base * 0.25
        for point in points:
            if point is not None:
                pen.painter.drawEllipse(point, radius, radius)
        pen.painter.setBrush(Qt.BrushStyle.NoBrush)


def _hbars(pen: _Pen, body: QRectF, chart: Chart) -> None:
    """One horizontal bar per category (e.g. per station), the category named on the left."""
    names_w = min(body.width() * 0.38, max(pen.width(c, pen.small) for c in chart.categories) + pen.base)
    plot = QRectF(
        body.left() + names_w,
        body.top() + pen.base * 0.4,
        body.width() - names_w - pen.base * 4,
        body.height() - pen.base * 2.2,
    )
    top, step = axis_top(chart)
    value = 0.0
    while value <= top + 1e-9:
        x = plot.left() + plot.width() * value / top
        pen.painter.setPen(QPen(GRID if value else AXIS, 1))
        pen.painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        pen.text(
            QRectF(x - pen.base * 3, plot.bottom() + pen.base * 0.3, pen.base * 6, pen.base * 1.5),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            label_for(chart, value),
            pen.small,
            AXIS,
        )
        value += step
    band = plot.height() / max(1, len(chart.categories))
    series = chart.series[0]
    for i, name in enumerate(chart.categories):
        y = plot.top() + i * band
        pen.text(
            QRectF(body.left(), y, names_w - pen.base * 0.4, band),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            QFontMetricsF(pen.small).elidedText(name, Qt.TextElideMode.ElideMiddle, names_w),
            pen.small,
        )
        v = series.values[i]
        bar_h = min(band * 0.7, pen.base * 1.8)
        if v is None:
            pen.text(
                QRectF(plot.left() + pen.base * 0.3, y, plot.width(), band),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                "—",
                pen.small,
                AXIS,
            )
            continue
        bar = QRectF(plot.left(), y + (band - bar_h) / 2, plot.width() * v / top, bar_h)
        pen.painter.fillRect(bar, QColor(series.point_colors[i] if series.point_colors else series.color))
        pen.text(
            QRectF(bar.right() + pen.base * 0.3, y, pen.base * 4, band),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label_for(chart, v),
            pen.small,
        )


class ChartView(QWidget):
    """A chart on screen; ``set_chart`` replaces what it shows."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart: Chart | None = None
        self.setMinimumSize(280, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_chart(self, chart: Chart) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.chart is not None:
            size = self.font().pixelSize() if self.font().pixelSize() > 0 else self.font().pointSizeF() * 96 / 72
            paint_chart(painter, QRectF(self.rect()).adjusted(8, 4, -8, -4), self.chart, size)
        painter.end()
