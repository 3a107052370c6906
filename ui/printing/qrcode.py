"""The QR code on a paper, drawn as vector squares over a blank placeholder.

Qt's PDF writer re-encodes every embedded image as JPEG (seen with Qt 6.12:
PNG, mono and greyscale images all come out DCT-compressed), which blurs a QR
code's edges. So the layout holds a transparent placeholder image of the right
size, and the painter draws segno's module matrix square by square where the
placeholder landed: sharp in the PDF at any zoom and exact on a 203 dpi
thermal head. (A QPyTextObject would be neater, but PySide6 6.12 loses a
reference to None on every call into one and the interpreter aborts.)
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QImage, QPainter, QTextDocument

URL = "qr:code"
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
CSS_PX_PER_MM = 96 / 25.4  # QTextDocument sizes images in 1/96 inch on every device


def placeholder_html(edge_mm: float) -> str:
    px = round(edge_mm * CSS_PX_PER_MM)
    # centred on its line: the line is then exactly the code's height (see _rect)
    return f'<img src="{URL}" width="{px}" height="{px}" align="middle"/>'


def add_placeholder(doc: QTextDocument) -> None:
    blank = QImage(1, 1, QImage.Format.Format_ARGB32)
    blank.fill(Qt.GlobalColor.transparent)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(URL), blank)


def locate(doc: QTextDocument) -> QRectF | None:
    """Where the placeholder landed, in the document's (device) coordinates."""
    block = doc.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name() == URL:
                return _rect(doc, block, fragment.position() - block.position())
            fragments += 1
        block = block.next()
    return None


def _rect(doc: QTextDocument, block, offset: int) -> QRectF:
    line = block.layout().lineForTextPosition(offset)
    left = line.cursorToX(offset)[0]
    edge = line.cursorToX(offset + 1)[0] - left
    origin = doc.documentLayout().blockBoundingRect(block).topLeft()
    # the placeholder is centred on a line of its own (a cell with only the code, valign top)
    top = origin.y() + line.y() + (line.height() - edge) / 2
    return QRectF(origin.x() + left, top, edge, edge)


def paint(painter: QPainter, rect: QRectF, payload: str) -> None:
    import segno  # loaded with the first paper printed, not with the main window

    matrix = segno.make(payload, error="m").matrix
    module = rect.width() / (len(matrix) + 2 * QUIET_ZONE)
    # a hair of overlap so neighbouring squares print without seams
    squares = [
        QRectF(rect.x() + (x + QUIET_ZONE) * module, rect.y() + (y + QUIET_ZONE) * module, module * 1.02, module * 1.02)
        for y, row in enumerate(matrix)
        for x, dark in enumerate(row)
        if dark
    ]
    painter.save()
    painter.fillRect(rect, Qt.GlobalColor.white)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.black)
    painter.drawRects(squares)  # one call: see the note on PySide6 and None in ui/printing/render.py
    painter.restore()
