"""Noticing what the hub wrote: batches from stations arrive through another database connection.

SQLite's ``PRAGMA data_version`` changes only when another connection (the
hub in this app, or a hub process) has committed, so a cheap look every few
seconds on the database worker tells the screens to read again, and only then.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ui.session import CASES, SYNC, VILLAGERS, Session
from ui.widgets.feedback import alive

LOOK_MS = 3_000


def data_version(desk) -> int:
    with desk.db.lock:
        return int(desk.db.conn.execute("PRAGMA data_version").fetchone()[0])


class ArrivalWatcher(QObject):
    def __init__(self, session: Session, interval_ms: int = LOOK_MS):
        super().__init__(session)
        self.session = session
        self.seen: int | None = None
        self.looking = False
        self.timer = QTimer(self, interval=interval_ms, timeout=self.look)
        self.timer.start()
        self.look()

    def stop(self) -> None:
        self.timer.stop()

    def look(self) -> None:
        if self.looking:
            return
        self.looking = True
        try:
            self.session.run(data_version, alive(self, self._seen), alive(self, self._failed))
        except RuntimeError:  # the session's worker has stopped: the session is over
            self.timer.stop()

    def _seen(self, version: int) -> None:
        self.looking = False
        changed = self.seen is not None and version != self.seen
        self.seen = version
        if changed:
            self.session.changed.emit(frozenset((CASES, VILLAGERS, SYNC)))

    def _failed(self, _error: BaseException) -> None:
        self.looking = False


def watch_arrivals(session: Session) -> ArrivalWatcher:
    found = session.findChild(ArrivalWatcher)
    return found if found is not None else ArrivalWatcher(session)
