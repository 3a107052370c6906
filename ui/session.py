"""What every screen shares while a user is logged in.

The desk (domain), the one database worker, the logged-in user, and a signal
that tells screens which kinds of data an operation changed, so each screen
refreshes only what it shows (as Anki's change sets do).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from haian_desk.desk import Desk
from haian_desk.events.changes import ChangeSet
from haian_desk.people.users import User
from haian_desk.replication import sync_state
from ui.worker import DbWorker

# Kinds of change screens listen for: the only place they are defined.
CASES, VILLAGERS, CADRES, CATALOGUE, SETTINGS, SYNC = ("cases", "villagers", "cadres", "catalogue", "settings", "sync")
SUPPORT, OPINIONS, COMPLAINTS = "support", "opinions", "complaints"
EVERYTHING = frozenset((SYNC, CASES, VILLAGERS, CADRES, CATALOGUE))  # when what arrived cannot be told
# The event log's streams, as the kinds of change screens listen for.
STREAM_KINDS = {
    "case": CASES,
    "villager": VILLAGERS,
    "cadre": CADRES,
    "catalogue": CATALOGUE,
    "pairing": SUPPORT,
    "visit": SUPPORT,
    "meeting": OPINIONS,
    "complaint": COMPLAINTS,
    "account": SETTINGS,
    "settings": SETTINGS,
    "calendar": SETTINGS,
    "calendar_rule": SETTINGS,
}
# Streams whose screens show their history beside the record: a record that only adds to the
# history (a print, a reveal) is news for them. Other pages read their history on demand (a
# villager's page reloading after a reveal would mask the numbers again).
HISTORY_SHOWN = frozenset({"case"})
# Notes that are not streams (haian_desk.events.changes), as kinds.
NOTE_KINDS = {sync_state.BOOKKEEPING: SYNC}


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


def changes_written(change_set: ChangeSet) -> Changes:
    """The announcement for what an operation's own writes changed (as the ledger noted it)."""
    streams = {t.stream for t in change_set.touched if t.row_changed or t.stream in HISTORY_SHOWN}
    kinds = {STREAM_KINDS[s] for s in streams if s in STREAM_KINDS}
    kinds |= {NOTE_KINDS[n] for n in change_set.other if n in NOTE_KINDS}
    return Changes(kinds, change_set.ids("case"))


def touches_case(changes, case_id: str) -> bool:
    """Whether an announcement may concern ``case_id``."""
    if CASES not in changes:
        return False
    known = getattr(changes, "case_ids", None)
    return known is None or case_id in known


class Session(QObject):
    changed = Signal(object)  # Changes: a frozenset of the kinds above

    def __init__(self, desk: Desk, user: User, worker: DbWorker | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.desk = desk
        self.user = user
        self.worker = worker or DbWorker(self)

    def run(
        self,
        work: Callable[[Desk], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``work(desk)`` on the database worker; when it succeeds, announce what its writes changed.

        Nobody declares the change: the ledger notes each stream a transaction
        writes (haian_desk.events.changes), and exactly what committed is announced.
        """
        desk = self.desk

        def watched() -> tuple:
            with desk.db.watch() as seen:
                value = work(desk)
            return value, ChangeSet.of(seen)

        def done(outcome: tuple) -> None:
            value, change_set = outcome
            changes = changes_written(change_set)
            if changes:
                self.changed.emit(changes)
            if on_done is not None:
                on_done(value)

        self.worker.submit(watched, done, on_error)
