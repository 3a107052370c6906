"""Helpers the app's tests share (fixtures are in conftest.py)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from ui.session import Session


def wait_idle(qtbot, session: Session) -> None:
    """Until every piece of database work submitted so far has reported back."""
    qtbot.waitUntil(lambda: session.worker.pending == 0, timeout=30_000)


def clipped_texts(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text needs more room than they were given."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(root):
            continue
        if not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            fits = widget.heightForWidth(widget.width()) <= widget.height()
        elif widget.property("shortens"):  # ui.widgets.shortened: what it shows must fit, "…" and all
            fits = widget.fontMetrics().horizontalAdvance(widget.text()) <= widget.contentsRect().width()
        else:
            hint = widget.sizeHint()
            fits = hint.width() <= widget.width() and hint.height() <= widget.height()
        if not fits:
            problems.append(
                f"{type(widget).__name__} {widget.text()!r}: needs {widget.sizeHint()}, has {widget.size()}"
            )
    return problems


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as key presses, Chinese included.

    QTest's keyClicks only knows ASCII keys; a Chinese character arrives as a
    key event carrying its text (what an input method hands the widget).
    """
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def assert_nothing_clipped(qtbot, root: QWidget, what: str = "") -> None:
    """Every visible label and button has the room its text needs, once layouts have settled.

    A text change re-lays out one level per pass of the event loop, so give
    nested layouts a moment to settle before judging.
    """
    with contextlib.suppress(Exception):
        qtbot.waitUntil(lambda: not clipped_texts(root), timeout=2_000)
    problems = clipped_texts(root)
    assert not problems, f"{what}: {problems}"
