"""The running QApplication, typed as one.

``QApplication.instance()`` is typed ``QCoreApplication | None``; in this program it is always
the QApplication that ui/app.py (or the tests' qapp) made before any window exists.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def qt_app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "make the QApplication before any window"
    return app
