"""The assessment as a PDF report: key figures and the four charts on the first page, then a
table per level. Drawn with QPainter on QPdfWriter in the bundled font, so it reads the
same on a machine with no Chinese fonts; the text stays text (searchable, extractable)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from haian_desk.assessment.fields import BY_KEY, HOURS, LEVELS, RATE, SUMMARY_KEYS, Field
from haian_desk.assessment.report import Report
from haian_desk.core.timeutil import now_utc, show, to_iso
from ui.assessment.chart_data import all_charts
from ui.assessment.charts import paint_chart
from ui.fonts import FAMILY, register_fonts
from ui.i18n import term

DPI = 150
MARGIN = 80  # pixels at DPI (≈ 13.5 mm)
BASE_PX = 17  # body text height at DPI (≈ 8 pt)
ROW_H = 30
HEADER_H = 54
TITLE_H = 52
# Tables from the widest level down, the way a leader reads an assessment.
READING_ORDER = ("county", "township", "station", "cadre")
LINE = QColor("#b0b0b0")
SHADE = QColor("#eef3f8")

_app: list[QGuiApplication] = []  # kept alive when the report is made from the command line


def tr(text: str) -> str:
    # lupdate files a module-level tr() under the empty context, so look it up there.
    return QCoreApplication.translate("", text)


def ensure_gui() -> None:
    """Qt needs an application object to draw text; on a machine with no display use offscreen."""
    if QCoreApplication.instance() is not None:
        return  # the desktop app: fonts are registered at start-up (and we may be on the worker)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app.append(QGuiApplication([]))
    register_fonts()


def write_pdf(report: Report, path: Path | str, levels: tuple[str, ...] = tuple(LEVELS)) -> Path:
    ensure_gui()
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    writer.setTitle(f"{report.unit_name} {report.period.title} " + tr("考核报告"))
    writer.setCreator("Haian Desk")
    painter = QPainter(writer)
    try:
        page = _Page(painter, writer.width(), writer.height())
        _first_page(page, report)
        _tables(page, writer, report, tuple(lvl for lvl in READING_ORDER if lvl in levels))
    finally:
        painter.end()
    return path


@dataclass
class _Page:
    painter: QPainter
    width: int
    height: int

    @property
    def content(self) -> QRectF:
        return QRectF(MARGIN, MARGIN, self.width - 2 * MARGIN, self.height - 2 * MARGIN)

    def font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(FAMILY)
        font.setPixelSize(round(BASE_PX * scale))
        font.setBold(bold)
        return font

    def text(
        self,
        rect: QRectF,
        text: str,
        scale: float = 1.0,
        bold: bool = False,
        flags=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        color: str = "#202020",
    ) -> None:
        self.painter.setFont(self.font(scale, bold))
        self.painter.setPen(QColor(color))
        self.painter.drawText(rect, flags | Qt.TextFlag.TextWordWrap, text)


def _first_page(page: _Page, report: Report) -> None:
    box = page.content
    page.text(
        QRectF(box.left(), box.top(), box.width(), 56),
        f"{report.unit_name}  {report.period.title}" + tr("考核报告"),
        1.8,
        True,
    )
    page.text(
        QRectF(box.left(), box.top() + 60, box.width(), 30),
        tr("考核期 {0} 至 {1}；统计截至 {2}；制表 {3}").format(
            report.period.first_day, report.period.last_day, show(report.as_of), show(to_iso(now_utc()))
        ),
        0.95,
        color="#505050",
    )
    tiles_bottom = _key_figures(page, report, QRectF(box.left(), box.top() + 110, box.width(), 230))
    charts = all_charts(report)
    area = QRectF(box.left(), tiles_bottom + 30, box.width(), box.bottom() - tiles_bottom - 60)
    w, h = area.width() / 2, area.height() / 2
    for i, chart in enumerate(charts):
        cell = QRectF(area.left() + (i % 2) * w, area.top() + (i // 2) * h, w - 24, h - 24)
        paint_chart(page.painter, cell, chart, BASE_PX)
    page.text(
        QRectF(box.left(), box.bottom() - 26, box.width(), 26),
        tr("各项指标的统计口径见《考核指标说明》（docs/assessment.md）；数字均由办件记录自动统计。"),
        0.8,
        color="#707070",
    )


def _key_figures(page: _Page, report: Report, area: QRectF) -> float:
    total = report.total()
    tiles = [
        (tr("登记件数"), _show(total, "registered")),
        (tr("办结"), _show(total, "completed")),
        (tr("按时办结率"), _show(total, "on_time_rate")),
        (tr("用时中位数(时)"), _show(total, "median_hours")),
        (tr("超期未办结"), _show(total, "open_overdue")),
        (tr("满意率"), _show(total, "satisfaction_rate")),
        (
            tr("差评 / 已回访 / 已整改"),
            "{} / {} / {}".format(
                *(_show(total, k) for k in ("bad_reviews", "bad_reviews_return_visited", "bad_reviews_rectified"))
            ),
        ),
        (tr("信访 / 上年同期"), f"{_show(total, 'petitions')} / {_show(total, 'petitions_prev_year')}"),
        (tr("服务群众人数"), _show(total, "people_served")),
        (tr("化解久拖不决"), _show(total, "long_standing_resolved")),
        (tr("按计划走访率"), _show(total, "visit_plan_rate")),
        (tr("被举报"), _show(total, "complaints")),
    ]
    columns, gap = 4, 14
    w = (area.width() - gap * (columns - 1)) / columns
    h = 66
    for i, (caption, value) in enumerate(tiles):
        cell = QRectF(area.left() + (i % columns) * (w + gap), area.top() + (i // columns) * (h + gap), w, h)
        page.painter.fillRect(cell, SHADE)
        page.text(cell.adjusted(10, 4, -10, -h / 2), caption, 0.85, color="#505050")
        page.text(cell.adjusted(10, h / 2 - 6, -10, -4), value, 1.35, True)
    rows = (len(tiles) + columns - 1) // columns
    return area.top() + rows * (h + gap)


def _show(row: dict, key: str) -> str:
    value = row.get(key)
    if value is None:
        return "—"
    form = BY_KEY[key].form if key in BY_KEY else ""
    if form == RATE:
        return f"{value * 100:.1f}%"
    if form == HOURS:
        return f"{value:.1f}"
    return str(value)


def _columns(level: str) -> list[tuple[Field, float]]:
    """The table's columns and their share of the width."""
    keys = [k for k in SUMMARY_KEYS if not (level == "cadre" and k == "code")]
    if level == "cadre":
        keys.insert(1, "unit_code")
    weights = {"name": 3.2, "code": 1.9, "unit_code": 3.2}
    chosen = [(BY_KEY.get(k) or Field("unit_code", tr("所在单位")), weights.get(k, 1.0)) for k in keys]
    total = sum(weight for _, weight in chosen)
    return [(field, weight / total) for field, weight in chosen]


def _tables(page: _Page, writer: QPdfWriter, report: Report, levels: tuple[str, ...]) -> None:
    """Every level's table, one after another, a new page only when the next rows do not fit."""
    box = page.content
    names = {r["code"]: r["name"] for r in report.rows["station"]}
    y = box.bottom()  # start on a fresh page
    for level in levels:
        columns = _columns(level)
        rows = report.rows[level]
        if y + TITLE_H + HEADER_H + 2 * ROW_H > box.bottom():
            writer.newPage()
            y = box.top()
        y = _table_head(page, y, f"{LEVELS[level]}  {report.period.title}", columns)
        if not rows:
            page.text(QRectF(box.left(), y, box.width(), ROW_H), tr("没有记录"), color="#707070")
            y += ROW_H
        for index, row in enumerate(rows):
            if y + ROW_H > box.bottom():
                writer.newPage()
                y = _table_head(page, box.top(), LEVELS[level] + tr("（续）"), columns)
            _table_row(page, y, ROW_H, columns, [_cell(row, f, names) for f, _ in columns], shade=index % 2 == 1)
            y += ROW_H
        y += ROW_H


def _table_head(page: _Page, y: float, title: str, columns) -> float:
    box = page.content
    page.text(QRectF(box.left(), y, box.width(), TITLE_H - 8), title, 1.3, True)
    _table_row(page, y + TITLE_H, HEADER_H, columns, [term(f.header) for f, _ in columns], header=True)
    return y + TITLE_H + HEADER_H


def _cell(row: dict, field: Field, unit_names: dict[str, str]) -> str:
    if field.key == "unit_code":
        return unit_names.get(row["unit_code"], row["unit_code"])
    return str(row.get(field.key) or "") if field.key in ("code", "name") else _show(row, field.key)


def _table_row(
    page: _Page, y: float, height: float, columns, texts: list[str], header: bool = False, shade: bool = False
) -> None:
    box = page.content
    if header or shade:
        page.painter.fillRect(QRectF(box.left(), y, box.width(), height), SHADE if shade else QColor("#dce6f1"))
    x = box.left()
    for (field, share), text in zip(columns, texts, strict=True):
        w = box.width() * share
        align = (
            Qt.AlignmentFlag.AlignLeft if field.key in ("name", "code", "unit_code") else Qt.AlignmentFlag.AlignRight
        )
        page.text(
            QRectF(x + 5, y, w - 10, height),
            text,
            0.85 if header else 0.9,
            header,
            align | Qt.AlignmentFlag.AlignVCenter,
        )
        x += w
    page.painter.setPen(QPen(LINE, 1))
    page.painter.drawLine(QPointF(box.left(), y + height), QPointF(box.right(), y + height))
