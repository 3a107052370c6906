"""What every screen shares while a user is logged in.

The desk (domain), the one database worker, the logged-in user, and a signal
that tells screens which kinds of data an operation changed, so each screen
refreshes only what it shows (as Anki's change sets do).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from haian_desk.desk import Desk
from haian_desk.people.users import User
from ui.worker import DbWorker

# Kinds of change an operation can announce.
CASES, VILLAGERS, CADRES, CATALOGUE, SETTINGS, SYNC = (
    "cases", "villagers", "cadres", "catalogue", "settings", "sync")
SUPPORT, OPINIONS, COMPLAINTS = "support", "opinions", "complaints"
# The event log's streams, as the kinds of change screens listen for.
STREAM_KINDS = {"case": CASES, "villager": VILLAGERS, "cadre": CADRES, "catalogue": CATALOGUE,
                "pairing": SUPPORT, "visit": SUPPORT, "meeting": OPINIONS, "complaint": COMPLAINTS}


class Changes(frozenset):
    """Kinds of change, and which cases changed when that is known (None: any case may have).

    A frozenset of kinds like every announcement, so ``CASES in changes`` works
    everywhere; a sync or another program's writes also say which cases, so an
    open case window reads again only when its own case changed.
    """

    case_ids: frozenset[str] | None

    def __new__(cls, kinds, case_ids=None):
        made = super().__new__(cls, kinds)
        made.case_ids = frozenset(case_ids) if case_ids is not None else None
        return made


def changes_for(recent, *also: str) -> Changes:
    """The announcement for records that arrived (``haian_desk.events.recent.Recent``), plus ``also``."""
    kinds = {STREAM_KINDS[s] for s in recent.streams if s in STREAM_KINDS} | set(also)
    return Changes(kinds, recent.case_ids)


def touches_case(changes, case_id: str) -> bool:
    """Whether an announcement may concern ``case_id``."""
    if CASES not in changes:
        return False
    known = getattr(changes, "case_ids", None)
    return known is None or case_id in known


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
