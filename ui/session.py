"""What every screen shares while a user is logged in.

The desk (domain), the one database worker, the logged-in user, and a signal
that tells screens which kinds of data an operation changed, so each screen
refreshes only what it shows (as Anki's change sets do).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from haian_desk.desk import Desk
from haian_desk.users import User
from ui.worker import DbWorker

# Kinds of change an operation can announce.
CASES, VILLAGERS, CADRES, CATALOGUE, SETTINGS, SYNC = (
    "cases", "villagers", "cadres", "catalogue", "settings", "sync")


class Session(QObject):
    changed = Signal(object)  # a frozenset of the kinds above

    def __init__(self, desk: Desk, user: User, worker: DbWorker | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.desk = desk
        self.user = user
        self.worker = worker or DbWorker(self)

    def run(self, work: Callable[[Desk], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            changes: tuple[str, ...] = ()) -> None:
        """Run ``work(desk)`` on the database worker; announce ``changes`` when it succeeds."""

        def done(value: Any) -> None:
            if changes:
                self.changed.emit(frozenset(changes))
            if on_done is not None:
                on_done(value)

        self.worker.submit(lambda: work(self.desk), done, on_error)
