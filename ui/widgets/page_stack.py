"""The main window's screens, one at a time, scrolling only when the desktop is too small for one
(and ``scrolling`` for any window's content, the case window's too).

Most screens fit a 1366×768 desktop. On a smaller one (a 1280×720 panel at
125 %, or large print on a low screen) a form that does not fit scrolls
inside its own area rather than squeezing labels until they are cut off,
while the navigation and the status bar stay in view. Only the screen shown
counts: the intake form's height must not give the queue a scroll bar.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget


class PageStack(QStackedWidget):
    """A stacked widget whose size needs are those of the page shown, not of the largest page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    # No height for width: a scroll area gives such a widget its *preferred* height for the width
    # (and QStackedLayout asks every page, hidden ones too), so a page that fits at its minimum
    # scrolled anyway. The page's own layout still wraps its labels within the height it gets.
    # (The scroll area asks the holder's layout, which asks the stack: see ``scrolling``.)
    def hasHeightForWidth(self) -> bool:
        return False

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        hint = page.minimumSizeHint().expandedTo(page.minimumSize())
        return hint if hint.isValid() else QSize(0, 0)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that gives it all the room there is, and scrolls the rest."""
    area = QScrollArea()
    area.setObjectName("screen_area")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    holder = QWidget()
    holder.setObjectName("screen_holder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(content)
    area.setWidget(holder)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes into the page, not to the frame around it
    return area
