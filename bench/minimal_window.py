"""The baseline for start-up: the smallest PySide6 window, started the way the app is.

Run as ``python -m bench.minimal_window``; prints the moment (time.time()) its
window is first painted and exits. bench/bench_startup.py compares the app's
first window against this one.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWidgetType() and watched.isWindow():
            print(f"painted {time.time():.6f}", flush=True)
            os._exit(0)
        return False


def main() -> None:
    app = QApplication(sys.argv[:1])
    spy = FirstPaint()
    app.installEventFilter(spy)
    window = QMainWindow()
    window.setCentralWidget(QLabel("海安群众事务代理工作台"))
    window.resize(1024, 700)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
