"""The main window's list of screens, always whole: it packs itself tighter on a short screen.

On a 1920×1080 screen each entry shows its name over its key in a large
bold font. A 1366×768 laptop, Windows at 125 % or large print leave less
height than thirteen such entries need (a township has thirteen screens), and
a clerk must never scroll to find F12: the list then puts name and key on one
line, and if that is still too tall, uses the normal font size, then no room
between entries, then a smaller font (Windows at 150 % on a 1280×720 panel in
large print leaves a window about 410 pixels tall).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from ui.widgets.appearance import scaled_font

ITEM_PADDING = 8  # above and below an entry's text, inside its frame


@dataclass(frozen=True)
class Packing:
    scale: float  # of the application font
    two_lines: bool  # name over key, or "name  key" on one line
    spacing: int
    padding: int | None = None  # above and below an entry's text; None: the style's own


# From the roomiest to the tightest; the first that fits the height is used.
PACKINGS = (
    Packing(1.25, True, 4),
    Packing(1.25, False, 2),
    Packing(1.0, False, 1),
    Packing(1.0, False, 0, padding=2),
    # A township's fifteen screens in large print at 150 % on a 1366×768 or 1280×720 panel: a
    # smaller font here rather than a list that hides F10 below the fold.
    Packing(0.85, False, 0, padding=2),
    Packing(0.75, False, 0, padding=1),
)


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    shortcut: str
    tooltip: str


class NavigationList(QListWidget):
    def __init__(self, entries: list[Entry], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("navigation")
        self.entries = entries
        self.packing: Packing | None = None
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for entry in entries:
            item = QListWidgetItem()
            item.setToolTip(entry.tooltip)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.addItem(item)
        self.pack(PACKINGS[0])

    def pack(self, packing: Packing) -> None:
        if packing == self.packing:
            return
        self.packing = packing
        self.setFont(scaled_font(packing.scale, bold=True))
        self.setSpacing(packing.spacing)
        height = self.entry_height(packing) if packing.padding is not None else -1
        for row, entry in enumerate(self.entries):
            joint = "\n" if packing.two_lines else "  "
            self.item(row).setText(f"{entry.label}{joint}{entry.shortcut}")
            self.item(row).setSizeHint(QSize(-1, height))
        self.setFixedWidth(self.width_for(packing))

    def width_for(self, packing: Packing) -> int:
        metrics = QFontMetrics(scaled_font(packing.scale, bold=True))
        texts = [e.label if packing.two_lines else f"{e.label}  {e.shortcut}" for e in self.entries]
        texts += [e.shortcut for e in self.entries]
        return max(metrics.horizontalAdvance(t) for t in texts) + 48

    def entry_height(self, packing: Packing) -> int:
        metrics = QFontMetrics(scaled_font(packing.scale, bold=True))
        lines = 2 if packing.two_lines else 1
        return metrics.lineSpacing() * lines + (ITEM_PADDING if packing.padding is None else packing.padding)

    def height_for(self, packing: Packing) -> int:
        """The height every entry needs, frame included."""
        count = len(self.entries)
        return count * (self.entry_height(packing) + 2 * packing.spacing) + 2 * self.frameWidth() + 4

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        height = event.size().height()
        self.pack(next((p for p in PACKINGS if self.height_for(p) <= height), PACKINGS[-1]))

    def minimumSizeHint(self) -> QSize:
        # No taller than a few entries: on a tiny desktop the list scrolls rather than push the
        # status bar off the screen.
        return QSize(self.width_for(self.packing or PACKINGS[0]), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(self.width_for(self.packing or PACKINGS[0]), self.height_for(PACKINGS[0]))
