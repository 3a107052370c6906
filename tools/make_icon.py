"""Draw the Haian Desk icon and write resources/icons/haian_desk.png and .ico.

    QT_QPA_PLATFORM=offscreen python tools/make_icon.py [resources/icons]

A red rounded square (the colour of the station's signboard) with 代 — the
"proxy" of 代理站 — in the bundled bold font, over a gold line: legible at
16 px in a taskbar, plain at 256 px. The .ico holds PNG images at the sizes
Windows asks for (16 to 256 px); Qt's own ICO writer stores only one size.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPainterPath

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "HaianSansSC-Bold.otf"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
RED, GOLD, WHITE = QColor("#c8102e"), QColor("#f2c14e"), QColor("#ffffff")


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    outline = QPainterPath()
    outline.addRoundedRect(box, size * 0.18, size * 0.18)
    painter.fillPath(outline, RED)
    painter.fillRect(QRectF(size * 0.22, size * 0.80, size * 0.56, max(1.0, size * 0.05)), GOLD)
    font = QFont(family)
    font.setBold(True)
    font.setPixelSize(round(size * 0.62))
    painter.setFont(font)
    painter.setPen(WHITE)
    painter.drawText(QRectF(0, -size * 0.05, size, size), Qt.AlignmentFlag.AlignCenter, "代")
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO file whose entries are PNG images (the layout Windows reads since Vista)."""
    payloads = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for image, payload in zip(images, payloads, strict=True):
        side = image.width() % 256  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
    return header + entries + b"".join(payloads)


def main(out: Path) -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    if font_id < 0:
        raise SystemExit(f"cannot load {FONT}")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    out.mkdir(parents=True, exist_ok=True)
    draw(256, family).save(str(out / "haian_desk.png"))
    (out / "haian_desk.ico").write_bytes(ico_bytes([draw(s, family) for s in ICO_SIZES]))
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "icons")
