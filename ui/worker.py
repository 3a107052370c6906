"""One database worker thread for the whole app (the GUI thread never waits on SQLite).

It is the only thread that touches the session desk's connection; the
background sync (ui/sync/runner.py) and an in-app hub (sync/serve.py) work on
desks of their own, each with its own connection to the same file.

Work is submitted as a plain function; its result or error comes back on the
GUI thread through a queued signal, so callbacks may touch widgets.

Housekeeping that must not land in a clerk's keystroke (the database's WAL
checkpoint) is registered with ``when_idle``: it runs on this worker once
nothing has been asked of it for ``IDLE_MS``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

log = logging.getLogger(__name__)

IDLE_MS = 2000


class DbWorker(QObject):
    _finished = Signal(object, object, object)  # callback, value, error callback/exception

    def __init__(self, parent: QObject | None = None, name: str = "haian-db"):
        super().__init__(parent)
        # The same shape serves other one-at-a-time work that must not hold up the database (printing).
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        # Always queued: work that finished before ``submit`` returned (add_done_callback then runs
        # on this thread) must still answer after the caller's next line, never inside ``submit``
        # (a watcher that marks itself busy after submitting would otherwise stay busy for ever).
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.pending = 0
        self.closed = False
        self._idle_work: list[Callable[[], Any]] = []
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self._run_idle_work)

    def when_idle(self, work: Callable[[], Any]) -> None:
        """Run ``work`` on the worker whenever it has been idle for IDLE_MS (errors are logged)."""
        self._idle_work.append(work)

    def _run_idle_work(self) -> None:
        if self.pending or self.closed or not self._idle_work:
            return
        for work in list(self._idle_work):
            self.submit(work, self._idle_done, self._idle_failed)

    def _idle_done(self, _value) -> None:
        pass

    def _idle_failed(self, error: BaseException) -> None:
        log.warning("idle work failed: %s", error)

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future:
        if self.closed:
            # A timer or a late signal after the window closed: the database is
            # going away, so the work is dropped rather than raised in a slot.
            log.debug("database work submitted after shutdown was dropped")
            dropped: Future = Future()
            dropped.cancel()
            return dropped
        self.pending += 1
        future = self._pool.submit(work)

        def finished(f: Future) -> None:
            if self.closed:
                return  # nobody is left to tell; emitting on a dying QObject can crash
            error = f.exception()
            if error is None:
                self._finished.emit(on_done, f.result(), None)
            else:
                self._finished.emit(on_error, None, error)

        future.add_done_callback(finished)
        return future

    def _deliver(self, callback, value, error) -> None:
        self.pending -= 1
        if not self.pending and self._idle_work and callback not in (self._idle_done, self._idle_failed):
            self._idle.start()  # restarted by every real result: fires after IDLE_MS of quiet
        if error is not None:
            if callback is None:
                log.error("database work failed", exc_info=error)
                raise error
            callback(error)
        elif callback is not None:
            callback(value)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
        self.closed = True
