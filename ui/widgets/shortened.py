"""A one-line label for the status bar that shortens its text with "…" when the bar is narrow.

Windows at 150 % on a 1280×720 panel leaves an 853-pixel-wide window; in large
print and English the sync line, the deadline counts and the user's name need
more than that. Rather than cut the text off unseen or push the bar wider than
the screen, each line gives up width down to a few characters, shows "…" where
it was shortened and keeps the whole text in its tooltip (and the sync line
opens the screen that says it all).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

FEWEST_CHARACTERS = 6  # what is left of a line at its narrowest, before the "…"


class ShortenedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._whole = ""
        self._tip = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setProperty("shortens", True)  # tests/ui/helpers.clipped_texts checks what it shows

    def set_line(self, text: str, tooltip: str = "") -> None:
        self._whole, self._tip = text, tooltip
        self.updateGeometry()
        self._fit()

    def whole_text(self) -> str:
        return self._whole

    def sizeHint(self) -> QSize:
        return QSize(self._width_of(self._whole), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        fewest = self._whole[:FEWEST_CHARACTERS] + ("…" if len(self._whole) > FEWEST_CHARACTERS else "")
        return QSize(self._width_of(fewest), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _width_of(self, text: str) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().horizontalAdvance(text) + 2 * self.margin() + margins.left() + margins.right() + 2

    def _fit(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin() - 2
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight, max(room, 0))
        if shown != self.text():
            super().setText(shown)
        shortened = shown != self._whole
        tip = "\n".join(t for t in (self._whole if shortened else "", self._tip) if t)
        if tip != self.toolTip():
            self.setToolTip(tip)
