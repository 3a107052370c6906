"""Progress and cancel between the database worker and the dialog.

The import runs on the one database worker; its progress callback is called
there, so it only emits a signal (delivered queued, on the GUI thread). The
cancel button sets an event the import checks between rows.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal


class ImportProgress(QObject):
    progressed = Signal(int, int)  # done, total

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:  # called on the worker thread
        self.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def reset(self) -> None:
        self._cancel.clear()
