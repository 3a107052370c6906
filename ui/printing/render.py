"""Laying a document out on a paper and painting it: to a printer, a PDF or images.

One path for every output: the QTextDocument is laid out against the device
it will be painted on (so point sizes mean the same on a 1200 dpi PDF and a
203 dpi roll), its page is the device's printable rectangle with no extra
margin and no page numbers, and a roll's page is as long as its content.
Painting works off the GUI thread too (Qt allows QPainter on QPrinter and
QImage in any thread), so the app renders on its worker.

Keep Python-to-Qt calls out of loops here: with Python 3.11, PySide6 6.12 drops
a reference to None on every call of a method that returns nothing, and the
interpreter aborts ("deallocating None") once None's count reaches zero — a
QR code drawn square by square used to cost ~450 such calls per page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from haian_desk.core.errors import HaianError
from haian_desk.documents.model import Document
from ui.fonts import FAMILY, register_fonts
from ui.printing import qrcode
from ui.printing.layout import document_html
from ui.printing.papers import Paper

APP_NAME = "海安群众事务代理工作台"
ROLL_PROBE_MM = 3000  # a roll is first laid out on a very long page, then cut to fit
ROLL_TAIL_MM = 2  # paper fed past the last line before the cut
_SHEETS = {"a4": QPageSize.PageSizeId.A4, "a5": QPageSize.PageSizeId.A5, "a3": QPageSize.PageSizeId.A3}


def ensure_font() -> None:
    """Papers use only the bundled font: refuse to print boxes instead of Chinese."""
    if FAMILY in QFontDatabase.families():
        return
    if register_fonts() != FAMILY:
        raise HaianError(
            "找不到程序自带的中文字体，打印出来会是方框",
            "请重新安装海安群众事务代理工作台（resources/fonts 缺少字体文件）",
        )


def page_layout(paper: Paper, height_mm: float | None = None) -> QPageLayout:
    margins = QMarginsF(paper.side_mm, paper.end_mm, paper.side_mm, paper.end_mm)
    if paper.is_roll:
        size = QPageSize(
            QSizeF(paper.width_mm, height_mm or ROLL_PROBE_MM),
            QPageSize.Unit.Millimeter,
            paper.label,
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    else:
        size = QPageSize(_SHEETS[paper.code])
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def number_point_size(text: str, paper: Paper, device: QPaintDevice) -> float:
    """The largest size (up to 2.4× body text) at which the case number fits on one line."""
    font = QFont(FAMILY)
    font.setBold(True)
    font.setPointSizeF(100)
    width_mm = QFontMetricsF(font, device).horizontalAdvance(text or "0") / device.logicalDpiX() * 25.4
    room_mm = paper.printable_width_mm * (0.92 if paper.is_roll else 0.62)
    return max(paper.base_pt, min(paper.base_pt * 2.4, 100 * room_mm / width_mm))


def laid_out(doc: Document, paper: Paper, device: QPaintDevice, width_px: float) -> QTextDocument:
    """The document laid out for ``device``, one column ``width_px`` device pixels wide."""
    ensure_font()
    qdoc = QTextDocument()
    qdoc.documentLayout().setPaintDevice(device)
    qrcode.add_placeholder(qdoc)
    font = QFont(FAMILY)
    font.setPointSizeF(paper.base_pt)
    qdoc.setDefaultFont(font)
    qdoc.setDocumentMargin(0)
    qdoc.setHtml(document_html(doc, paper, number_point_size(doc.number, paper, device)))
    qdoc.setPageSize(QSizeF(width_px, 10**7))
    return qdoc


def roll_height_mm(qdoc: QTextDocument, paper: Paper, dpi: float) -> float:
    return qdoc.size().height() / dpi * 25.4 + 2 * paper.end_mm + ROLL_TAIL_MM


def print_to(printer: QPrinter, doc: Document, paper: Paper) -> int:
    """Paint ``doc`` on ``printer`` (a real printer, a PDF file or a preview); returns pages."""
    printer.setPageLayout(page_layout(paper))
    printer.setDocName(f"{doc.title} {doc.number}".strip())
    printer.setCreator(APP_NAME)
    rect = printer.pageLayout().paintRectPixels(printer.resolution())
    qdoc = laid_out(doc, paper, printer, rect.width())
    if paper.is_roll:
        printer.setPageLayout(page_layout(paper, roll_height_mm(qdoc, paper, printer.resolution())))
        rect = printer.pageLayout().paintRectPixels(printer.resolution())
    qdoc.setPageSize(QSizeF(rect.width(), rect.height()))
    painter = QPainter()
    if not painter.begin(printer):
        raise HaianError("打印机没有准备好，无法打印", "请检查打印机是否开机、有纸，或先另存为PDF")
    try:
        _paint_pages(painter, qdoc, doc.qr, rect.width(), rect.height(), printer.newPage)
    finally:
        painter.end()
    return qdoc.pageCount()


def _paint_pages(painter: QPainter, qdoc: QTextDocument, qr: str, width: float, height: float, new_page) -> None:
    for page in range(qdoc.pageCount()):
        if page:
            new_page()
        _paint_page(painter, qdoc, qr, QRectF(0, page * height, width, height))


def _paint_page(painter: QPainter, qdoc: QTextDocument, qr: str, page: QRectF) -> None:
    """One page: the part of the document inside ``page``, drawn at the painter's origin."""
    painter.save()
    painter.translate(0, -page.top())
    qdoc.drawContents(painter, page)
    spot = qrcode.locate(qdoc) if qr else None
    if spot is not None and page.contains(spot.center()):
        qrcode.paint(painter, spot, qr)
    painter.restore()


def write_pdf(doc: Document, paper: Paper, path: Path) -> int:
    """Save as PDF, all at once: a failure leaves no half-written file behind."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.part")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(temporary))
    try:
        pages = print_to(printer, doc, paper)
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise HaianError(f"无法保存到 {path}：{error.strerror or error}", "请换一个文件夹或文件名") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return pages


def render_images(doc: Document, paper: Paper, dpi: float = 150) -> list[QImage]:
    """Each page as an image (whole paper, white), the way the printer would put it."""
    probe = _image(1, 1, dpi)
    to_px = dpi / 25.4
    width = paper.printable_width_mm * to_px
    qdoc = laid_out(doc, paper, probe, width)
    height_mm = paper.height_mm if paper.height_mm is not None else roll_height_mm(qdoc, paper, dpi)  # None: a roll
    page_height = (height_mm - 2 * paper.end_mm) * to_px
    qdoc.setPageSize(QSizeF(width, page_height))
    pages = []
    for page in range(qdoc.pageCount()):
        image = _image(round(paper.width_mm * to_px), round(height_mm * to_px), dpi)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(paper.side_mm * to_px, paper.end_mm * to_px)
        _paint_page(painter, qdoc, doc.qr, QRectF(0, page * page_height, width, page_height))
        painter.end()
        pages.append(image)
    return pages


def _image(width: int, height: int, dpi: float) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(Qt.GlobalColor.white)
    return image
