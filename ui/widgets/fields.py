"""Caption–value rows for read-only details.

A grid rather than QFormLayout: word-wrapped values in a QFormLayout inside a
scroll area can be given less height than their wrapped text needs (the
form estimates the field width differently from the width it finally
gets), which cuts off lines in large print. QGridLayout asks each value for
its height at its real width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QWidget


class FieldGrid(QGridLayout):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnStretch(1, 1)
        self.setHorizontalSpacing(12)

    def add_row(self, caption: str, value: QWidget) -> QLabel:
        row = self.rowCount()
        label = QLabel(caption)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setBuddy(value)
        self.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        self.addWidget(value, row, 1)
        return label


class DetailScroll(QScrollArea):
    """A scroll area that gives its widget the full height its wrapped text needs.

    QScrollArea sizes a resizable widget from its size hints, which for
    word-wrapped labels can be shorter than the text at the actual width; the
    lines that do not fit would be cut off instead of scrolled to.
    """

    def __init__(self, widget: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        widget = self.widget()
        if widget is None:
            return
        needed = widget.heightForWidth(self.viewport().width())
        if needed > 0 and needed != widget.minimumHeight():
            widget.setMinimumHeight(needed)
