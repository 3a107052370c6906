"""What "laid out right" means on a given desktop, as checks that return the problems they find.

Built on ``helpers.clipped_texts`` (labels and buttons that need more room than
they got); adds table headers, texts that overlap, the navigation list and the
columns that must be in view without scrolling sideways.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QHeaderView, QLabel, QStyle, QWidget

from tests.ui.helpers import clipped_texts

TASKBAR = 40  # Windows' taskbar, in logical pixels at any scaling
TITLE_BAR = 31  # a maximised window's title bar


@dataclass(frozen=True)
class Desktop:
    """A physical screen at a Windows scaling, as Qt sees it: a smaller desktop in logical pixels."""

    width: int
    height: int
    scale: float

    @property
    def name(self) -> str:
        return f"{self.width}x{self.height}@{round(self.scale * 100)}"

    def logical(self) -> tuple[int, int]:
        return int(self.width / self.scale), int(self.height / self.scale)

    def window(self) -> tuple[int, int]:
        """The client area of a maximised window: the desktop less the taskbar and the title bar."""
        width, height = self.logical()
        return width, height - TASKBAR - TITLE_BAR


def header_problems(root: QWidget) -> list[str]:
    """Visible column headers narrower than their title."""
    problems = []
    margin = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not header.isVisibleTo(root) or header.model() is None:
            continue
        arrow = 16 if header.isSortIndicatorShown() else 0
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(header.model().headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            need = header.fontMetrics().horizontalAdvance(text) + 2 * margin + arrow
            if text and header.sectionSize(section) < need:
                problems.append(f"header {text!r}: needs {need}, has {header.sectionSize(section)}")
    return problems


def _texts(parent: QWidget, root: QWidget) -> list[QWidget]:
    return [
        w
        for w in parent.children()
        if isinstance(w, (QLabel, QAbstractButton)) and w.isVisibleTo(root) and w.text() and w.width() > 0
    ]


def overlaps(root: QWidget) -> list[str]:
    """Labels and buttons of one parent that cover each other."""
    problems = []
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisibleTo(root) and parent is not root:
            continue
        widgets = _texts(parent, root)
        for i, first in enumerate(widgets):
            for second in widgets[i + 1 :]:
                shared = first.geometry().intersected(second.geometry())
                if shared.width() > 2 and shared.height() > 2:
                    problems.append(f"{first.text()!r} overlaps {second.text()!r}")
    return problems


def navigation_problems(window) -> list[str]:
    bar = window.nav.verticalScrollBar()
    if bar.maximum() > 0:
        return [f"navigation scrolls ({bar.maximum()} px hidden)"]
    last = window.nav.visualItemRect(window.nav.item(window.nav.count() - 1))
    if last.bottom() > window.nav.viewport().height():
        return ["navigation: the last entry is cut off"]
    return []


def columns_out_of_view(table: QAbstractItemView, keys: list[int]) -> list[str]:
    """Columns (by number) that end beyond the table's right edge with the table scrolled left."""
    header = table.horizontalHeader()
    right = table.viewport().width()
    problems = []
    for column in keys:
        end = header.sectionPosition(column) + header.sectionSize(column)
        if end > right:
            title = table.model().headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            problems.append(f"column {title!r} ends at {end}, beyond the table's {right}")
    return problems


def layout_problems(root: QWidget) -> list[str]:
    return clipped_texts(root) + header_problems(root) + overlaps(root)
