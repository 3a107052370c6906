"""What a hub's service (sync.hub, sync.server, sync.inbox) needs from the hub's storage: one
interface, two backends. ``SqliteHub`` is today's township (or county) installation, its calls
unchanged; ``haian_desk.replication.pg_hub.PgHub`` is a county, city or province hub whose log
and bookkeeping live in PostgreSQL and which several worker processes serve at once.

Everything here is storage and rules; HTTP, signatures and sealing stay in ``sync/``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from haian_desk.core.errors import HaianError
from haian_desk.network import Installation
from haian_desk.replication import numbering, selection, sync_state
from haian_desk.replication.receive import ApplyReport, Arrival, apply_batch, route_refusal
from haian_desk.replication.sync_state import Peer
from haian_desk.storage.eventlog import Event

if TYPE_CHECKING:
    from haian_desk.desk import Desk


class CannotScreen(HaianError):
    """A batch holding a record this hub cannot screen yet: refused whole, nothing kept."""


class HubBackend(Protocol):
    """A hub's storage as its service sees it. ``apply`` is the one write of a batch: screening,
    quarantine, the batch's bookkeeping, its events and its range, all or nothing."""

    @property
    def own(self) -> Installation: ...
    def now(self) -> datetime: ...
    def peer(self, peer_id: str) -> Peer | None: ...
    def hello(self, peer_id: str, at: str, drift: int | None) -> int: ...
    def note_contact(self, peer_id: str, at: str) -> None: ...
    def head(self) -> int: ...
    def apply(self, arrival: Arrival, before_commit: Callable[[], None] | None = None) -> ApplyReport: ...
    def down(self, child: Peer, after: int, limit: int | None) -> tuple[list[Event], int, int]: ...
    def held_digests(self, peer: Peer, origins: list[str]) -> dict[str, list]: ...
    def given_digest(self, child: Peer, up_to: int) -> list: ...
    def reset_ranges(self, peer_id: str) -> None: ...
    def may_see(self, peer: Peer, origin: str) -> bool: ...
    def held_ids(self, peer: Peer, origin: str, ids: list[str]) -> set[str]: ...
    def replay_book(self, window: float) -> ReplayBook | None: ...
    def numbering(self, child: Peer) -> dict: ...
    def recovery(self, child: Peer, after: int, limit: int | None) -> tuple[list[Event], int, int]: ...
    def below(self, child: Peer) -> list[str]: ...


class ReplayBook(Protocol):
    """Signed requests' nonces seen within the replay window (``sync.auth.NonceBook``)."""

    def first_use(self, caller: str, nonce: str) -> bool | None: ...


class SqliteHub:
    """The hub that is an installation's own SQLite desk (a township, or a county on SQLite)."""

    def __init__(self, desk: Desk):
        self.desk = desk

    @property
    def own(self) -> Installation:
        return self.desk.installation

    def now(self) -> datetime:
        return self.desk.now()

    def peer(self, peer_id: str) -> Peer | None:
        return sync_state.get_peer(self.desk.db, peer_id)

    def hello(self, peer_id: str, at: str, drift: int | None) -> int:
        with self.desk.db.write() as conn:
            sync_state.note_contact(conn, peer_id, at, drift)
            return sync_state.coverage(conn, peer_id)

    def note_contact(self, peer_id: str, at: str) -> None:
        with self.desk.db.write() as conn:
            sync_state.note_contact(conn, peer_id, at)

    def head(self) -> int:
        with self.desk.db.read() as conn:
            return selection.head(conn)

    def apply(self, arrival: Arrival, before_commit: Callable[[], None] | None = None) -> ApplyReport:
        return apply_batch(self.desk, arrival, before_commit)

    def down(self, child: Peer, after: int, limit: int | None) -> tuple[list[Event], int, int]:
        with self.desk.db.read() as conn:
            events, hi = selection.down_events(conn, child, after, limit)
            return events, hi, sync_state.coverage(conn, child.id)

    def held_digests(self, peer: Peer, origins: list[str]) -> dict[str, list]:
        with self.desk.db.read() as conn:
            return {
                origin: selection.held_digest(conn, origin, peer.id)
                for origin in origins
                if self._may_see(conn, peer, origin)
            }

    def given_digest(self, child: Peer, up_to: int) -> list:
        with self.desk.db.read() as conn:
            return selection.given_digest(conn, child, up_to)

    def reset_ranges(self, peer_id: str) -> None:
        with self.desk.db.write() as conn:
            sync_state.reset_ranges(conn, peer_id)

    def may_see(self, peer: Peer, origin: str) -> bool:
        with self.desk.db.read() as conn:
            return self._may_see(conn, peer, origin)

    def held_ids(self, peer: Peer, origin: str, ids: list[str]) -> set[str]:
        with self.desk.db.read() as conn:
            return selection.held_ids(conn, origin, peer.id, ids)

    def numbering(self, child: Peer) -> dict:
        """Where a restored child's numbering stood (``numbering.held_for``)."""
        with self.desk.db.read() as conn:
            return numbering.held_for(conn, child.id, child.unit_code)

    def recovery(self, child: Peer, after: int, limit: int | None) -> tuple[list[Event], int, int]:
        """For a rebuilt child (sync.recover): its own records and what concerns it; the range's end; its hold."""
        with self.desk.db.read() as conn:
            events, hi = selection.recovery_events(conn, child, after, limit)
            return events, hi, sync_state.coverage(conn, child.id)

    def below(self, child: Peer) -> list[str]:
        """Whose records reach this hub through ``child`` besides its own (a township's stations)."""
        with self.desk.db.read() as conn:
            return sync_state.origins_below(conn, child.id)

    def replay_book(self, window: float) -> ReplayBook | None:
        return None  # one process serves a township: its own memory (sync.auth.NonceBook) is enough

    def _may_see(self, conn, peer: Peer, origin: str) -> bool:
        via = sync_state.via_of(conn, {origin}).get(origin)
        return route_refusal(self.own.id, peer, origin, via) is None
