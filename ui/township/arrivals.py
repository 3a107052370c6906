"""Noticing what others wrote: batches a hub received, another program on the same database.

SQLite's ``PRAGMA data_version`` changes only when another connection (the
hub in this app, or a hub process) has committed, so a cheap look every few
seconds on the database worker tells the screens to read again, and only then;
the event log past the last mark says which kinds of record and which cases.
Every installation watches (two windows of the app, or the CLI, may write
to one station's file), not only the township; on a PostgreSQL hub the workers
serving the townships write, and the log's mark stands for the data version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from haian_desk.events import recent
from ui.session import SYNC, Session, changes_for
from ui.widgets.feedback import alive

if TYPE_CHECKING:
    from haian_desk.desk import Desk
    from ui.sync.runner import SyncRunner

LOOK_MS = 3_000


def data_version(desk: Desk) -> int:
    if desk.db.dialect == "postgres":  # a hub's server: its log's commit-order mark says it all
        return recent.last_seq(desk.db)
    with desk.db.read() as conn:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])


def _look(desk: Desk, seen: int | None, mark: int | None) -> tuple:
    """The data version now and, if it moved (or on the first look), what arrived past ``mark``."""
    version = data_version(desk)
    if seen is not None and version == seen and mark is not None:
        return version, None
    return version, recent.since(desk.db, mark) if mark is not None else recent.Recent(
        recent.last_seq(desk.db), frozenset(), frozenset()
    )


class ArrivalWatcher(QObject):
    def __init__(self, session: Session, interval_ms: int = LOOK_MS, owner: QObject | None = None):
        super().__init__(owner if owner is not None else session)
        self.session = session
        self.seen: int | None = None
        self.mark: int | None = None  # the event log's sequence number already announced
        self.looking = False
        self.runner: SyncRunner | None = None  # the session's sync runner, once there is one
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.look)
        self.timer.start()
        self.look()

    def stop(self) -> None:
        self.timer.stop()

    def look(self) -> None:
        if self.looking:
            return
        seen, mark = self.seen, self.mark
        try:
            if self._own_sync_running():
                return
            self.looking = True
            self.session.run(lambda desk: _look(desk, seen, mark), alive(self, self._seen), alive(self, self._failed))
        except RuntimeError:  # the session (or its worker) is gone: the session is over
            self.looking = False
            self.timer.stop()

    def _own_sync_running(self) -> bool:
        """This session's background sync writes on a connection of its own, so its commits move
        the data version too; the runner announces what it brought when it is done, so looks wait."""
        from ui.sync.runner import SyncRunner

        runner = self.session.findChild(SyncRunner)
        if runner is None:
            return False
        if runner is not self.runner:
            self.runner = runner
            runner.arrived.connect(self._announced_by_runner)
        return runner.state.running

    def _announced_by_runner(self, news) -> None:
        if news is not None and self.mark is not None:
            self.mark = max(self.mark, news.upto)  # already announced: not news again

    def _seen(self, looked: tuple) -> None:
        self.looking = False
        try:
            if self._own_sync_running():
                return  # looked while our own exchange wrote: look again once the runner has spoken
        except RuntimeError:  # the session is gone
            self.timer.stop()
            return
        version, news = looked
        first = self.seen is None
        self.seen = version
        if news is not None:
            self.mark = news.upto
        if not first and news is not None:
            # Which kinds and cases arrived, so an open case window reads again only for its own.
            self.session.changed.emit(changes_for(news, SYNC))

    def _failed(self, _error: BaseException) -> None:
        self.looking = False


def watch_arrivals(session: Session, owner: QObject | None = None) -> ArrivalWatcher:
    """The session's watcher; one made now lives as long as ``owner`` (a window), or the session."""
    found = session.findChild(ArrivalWatcher)
    return found if found is not None else ArrivalWatcher(session, owner=owner)
