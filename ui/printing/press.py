"""Printing off the database worker: papers are painted on a thread of their own, one at a time.

A slow or stuck printer must never stall the database. A print job has three
steps: read the case and the station's settings (database worker), paint the
paper on the printer or into a PDF (the press's own thread: Qt's QPainter may
paint on a QPrinter outside the GUI thread, as on a QImage), and record the
copy on the case (database worker again). Jobs run one after another, each
from reading to recording, so two quick presses still number their copies 1
and 2 (the second says 补打), as when all three steps ran in one piece of work.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from ui.session import Session
from ui.worker import DbWorker


@dataclass(frozen=True)
class Job:
    read: Callable[[Any], Any]  # read(desk) -> what to paint, on the database worker
    paint: Callable[[Any], None]  # paint(what), on the press's thread
    record: Callable[[Any, Any], Any]  # record(desk, what) -> result, on the database worker
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None]


class Press(QObject):
    def __init__(self, session: Session):
        super().__init__(session)
        self.session = session
        self.painter = DbWorker(self, name="haian-print")
        self.waiting: deque[Job] = deque()
        self.busy = False

    def run(self, job: Job) -> None:
        self.waiting.append(job)
        self._next()

    def _next(self) -> None:
        if self.busy or not self.waiting:
            return
        self.busy = True
        job = self.waiting.popleft()

        def finished(then: Callable, value) -> None:
            self.busy = False
            try:
                then(value)
            finally:
                self._next()

        def painted(what) -> None:
            self.session.run(
                lambda desk: job.record(desk, what),
                lambda result: finished(job.on_done, result),
                lambda error: finished(job.on_error, error),
            )

        def read(what) -> None:
            def paint() -> Any:
                job.paint(what)
                return what

            self.painter.submit(paint, painted, lambda error: finished(job.on_error, error))

        self.session.run(job.read, read, lambda error: finished(job.on_error, error))


def press_for(session: Session) -> Press:
    """The session's one press (made on first use, lives as long as the session)."""
    found = session.findChild(Press)
    return found if found is not None else Press(session)
