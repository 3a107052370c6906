"""Where the main window opens: on a screen that is there, no bigger than it, where it was last time.

Station PCs range from 1366×768 laptops at 100 % to 1920×1080 at 150 %
(Windows scaling leaves Qt a smaller desktop in logical pixels). The window
opens at its preferred size shrunk to the screen's free area (the taskbar
excluded), and comes back where the clerk left it, but only onto a screen
that still exists (a projector unplugged since is common at township
meetings). The place is kept in a small JSON file beside the preferences:
it belongs to this PC, never syncs, and is not worth a database write.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)
FILENAME = "window.json"
PREFERRED = QSize(1280, 800)
# A saved place must overlap a screen by this much to count as still on it.
MIN_VISIBLE = QSize(200, 120)
# Before a window is first shown Qt does not know its frame; Windows 10/11 at 100 % takes this much.
TYPICAL_FRAME = QSize(16, 39)


def fitted(available: QRect, wanted: QSize = PREFERRED, frame: QSize = QSize(0, 0)) -> QRect:
    """``wanted`` shrunk to fit ``available`` (with room for the window's ``frame``), centred."""
    width = min(wanted.width(), available.width() - frame.width())
    height = min(wanted.height(), available.height() - frame.height())
    left = available.x() + (available.width() - width - frame.width()) // 2
    top = available.y() + (available.height() - height - frame.height()) // 2
    return QRect(left, top, max(1, width), max(1, height))


def screen_holding(rect: QRect, screens: list[QScreen]) -> QScreen | None:
    """The screen that shows most of ``rect``, if one shows enough of it to grab and move."""
    best, best_area = None, 0
    for screen in screens:
        part = screen.availableGeometry().intersected(rect)
        area = part.width() * part.height()
        if part.width() >= MIN_VISIBLE.width() and part.height() >= MIN_VISIBLE.height() and area > best_area:
            best, best_area = screen, area
    return best


def restored(saved: QRect, screens: list[QScreen]) -> QRect | None:
    """The saved place, shrunk onto the screen it was on; None if no screen shows it now."""
    screen = screen_holding(saved, screens)
    if screen is None:
        return None
    room = screen.availableGeometry()
    size = saved.size().boundedTo(room.size())
    left = min(max(saved.x(), room.x()), room.right() + 1 - size.width())
    top = min(max(saved.y(), room.y()), room.bottom() + 1 - size.height())
    return QRect(QPoint(left, top), size)


def load(folder: Path | None) -> tuple[QRect | None, bool]:
    """The saved place and whether the window was maximised (None when nothing usable is saved)."""
    path = folder / FILENAME if folder else None
    if path is None or not path.exists():
        return None, False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        x, y, w, h = (int(data[k]) for k in ("x", "y", "width", "height"))
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("ignoring unreadable %s: %s", path, error)
        return None, False
    if w <= 0 or h <= 0:
        return None, False
    return QRect(x, y, w, h), bool(data.get("maximised", False))


def save(folder: Path, window: QWidget) -> None:
    """Write the window's normal place (not its maximised one) atomically."""
    rect = window.normalGeometry() if window.isMaximized() else window.geometry()
    data = {
        "x": rect.x(),
        "y": rect.y(),
        "width": rect.width(),
        "height": rect.height(),
        "maximised": window.isMaximized(),
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / (FILENAME + ".tmp")
        temporary.write_text(json.dumps(data), encoding="utf-8")
        temporary.replace(folder / FILENAME)
    except OSError as error:  # a read-only folder costs the place, nothing else
        log.warning("could not keep the window's place in %s: %s", folder, error)


def place(window: QWidget, folder: Path | None) -> None:
    """Put ``window`` where it was last time, or at its preferred size on the primary screen."""
    screens = QGuiApplication.screens()
    saved, maximised = load(folder)
    rect = restored(saved, screens) if saved is not None else None
    if rect is None:
        screen = QGuiApplication.primaryScreen()
        frame = window.frameGeometry().size() - window.geometry().size()
        if frame.isEmpty() and QGuiApplication.platformName() != "offscreen":
            frame = TYPICAL_FRAME
        rect = fitted(screen.availableGeometry(), window.sizeHint(), frame)
    window.setGeometry(rect)
    if maximised:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def fit_to_screen(window: QWidget, wanted: QSize) -> None:
    """Size a dialog to ``wanted``, shrunk to the free area of the screen its parent is on."""
    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - TYPICAL_FRAME
    window.resize(wanted.boundedTo(room))
