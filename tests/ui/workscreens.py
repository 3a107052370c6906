"""Keyboard helpers and constants for the work screens' tests (intake, queue, case detail).

Their fixtures (``clerk_session``, ``case_maker``, ``queue_desk``) are in tests/ui/conftest.py.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from haian_desk.core.timeutil import UTC
from haian_desk.people.idnumber import check_character
from tests.ui.helpers import type_text

QUEUE_NOW = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 15:00 in Haian, a Wednesday
QUEUE_CASES = 500


def valid_id_number(first17: str) -> str:
    return first17 + check_character(first17)


def show_active(qtbot, widget: QWidget, owned_by_test: bool = True) -> QWidget:
    """Show a top-level widget and make it the active window, so shortcuts and focus work.

    ``owned_by_test=False`` for a widget the test destroys itself (qtbot would close it again).
    """
    if owned_by_test:
        qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def focused() -> QWidget:
    return QApplication.focusWidget()


def type_here(qtbot, text: str) -> None:
    """Type into whatever has the keyboard focus, as a clerk would."""
    type_text(qtbot, focused(), text)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is."""
    qtbot.keyClick(focused(), key, modifier)
