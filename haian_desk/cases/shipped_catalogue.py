"""The catalogue shipped with the software: one identity at every installation.

Each level used to seed resources/catalogue.json as its own ``created``
events (its own ids, origin and clock), and sync carried every level's copy
to every other: a station held three ``created`` events per item. Now an
item's shipped version is one fixed event — its id derived from the item's
code and version, a fixed origin standing for "the software", the earliest
clock stamp, a fixed time and actor — so every installation holds the very
same record. Shipped records never travel (each installation has them from
its own software; ``sync.selection`` leaves the shipped origin out), and a
later edit anywhere (``updated``, stamped by whoever made it) folds on top
and reaches every station once.

Installations seeded the old way are brought into line once (``unify``, at
the first open after schema v12): their old seeded ``created`` records — made
by the "system" actor at set-up, here or at another level — are set aside
(kept, never folded, like clock-poisoned records) and the shipped record takes
their place. Cases refer to an item by its code, which never changed, so no
case loses its item. Old seeds that arrive later from a neighbour still on the
old software are set aside as they arrive (``settle``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from haian_desk.core.timeutil import to_iso
from haian_desk.events.ledger import refold
from haian_desk.storage import eventlog
from haian_desk.storage.eventlog import Event

# "The software" as an origin: never an installation's id (those are UUIDv7, never all zeros).
SHIPPED_ORIGIN = "00000000-0000-0000-0000-000000000000"
SHIPPED_HLC = "00000000000000.00000"  # before anything any installation ever stamped
SHIPPED_AT = to_iso(datetime(2026, 1, 1, tzinfo=UTC))  # when this catalogue was published
SEED_ACTOR = "system"  # the actor set-up used for the old per-installation seeds
_NAMESPACE = uuid.UUID("6f1d8a52-3c4e-5b7a-9e10-2d4c6b8a0f13")
SET_ASIDE_REASON = "随软件附带的事项目录：已由全网统一编号的记录代替（内容相同）"


def event_id(code: str, version: int) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"catalogue:{code}:v{version}"))


def shipped_event(code: str, fields: dict, version: int = 1) -> Event:
    """The one record of an item's shipped version, identical wherever it is made."""
    ident = event_id(code, version)
    # A stable position in the software's own sequence, from the id (unique per code and version).
    seq = int(uuid.UUID(ident).hex[:15], 16) + 1
    return Event(
        id=ident,
        stream="catalogue",
        stream_id=code,
        type="created" if version == 1 else "updated",
        hlc=SHIPPED_HLC,
        origin=SHIPPED_ORIGIN,
        origin_seq=seq,
        actor=SEED_ACTOR,
        wall_time=SHIPPED_AT,
        payload=dict(fields, version=version, updated_by=SEED_ACTOR),
    )


def shipped_events() -> list[Event]:
    from haian_desk.cases.catalogue import clean, shipped_items

    return [shipped_event(item.code, clean(item)) for item in shipped_items()]


def seed(conn) -> int:
    """Record the shipped catalogue at set-up (inside the caller's transaction)."""
    added = eventlog.insert_new(conn, shipped_events())
    for event in added:
        refold(conn, event.stream, event.stream_id)
    return len(added)


def unify(conn) -> int:
    """Replace old per-installation seeds by the shipped records; returns how many were set aside."""
    shipped = {e.stream_id: e for e in shipped_events()}
    old = _old_seeds(conn, sorted(shipped))
    codes = sorted({e.stream_id for e in old})
    _set_aside(conn, old)
    eventlog.insert_new(conn, [shipped[code] for code in codes])
    for code in codes:
        refold(conn, "catalogue", code)
    return len(old)


def settle(conn, arrived: list[Event], mark: str = "?", refold_events=None) -> None:
    """Old seeds that just arrived from a neighbour on the old software: set aside like the rest.
    Written once for both hub databases: ``mark`` is the driver's parameter mark, ``refold_events``
    how that database refolds the streams of the records set aside (SQLite: the ledger's refold)."""
    codes = sorted({e.stream_id for e in arrived if _looks_seeded(e)})
    if not codes:
        return
    held = {
        row[0]
        for row in conn.execute(
            f"SELECT stream_id FROM events WHERE origin = {mark} AND stream = 'catalogue' AND stream_id IN "
            f"({', '.join([mark] * len(codes))})",
            [SHIPPED_ORIGIN, *codes],
        )
    }
    old = [e for e in _old_seeds(conn, codes, mark) if e.stream_id in held]
    _set_aside(conn, old, mark)
    if refold_events is not None:
        refold_events(old)
        return
    for code in sorted({e.stream_id for e in old}):
        refold(conn, "catalogue", code)


def _looks_seeded(event: Event) -> bool:
    return (event.stream, event.type, event.actor) == (
        "catalogue",
        "created",
        SEED_ACTOR,
    ) and event.origin != SHIPPED_ORIGIN


def _old_seeds(conn, codes: list[str], mark: str = "?") -> list[Event]:
    found = []
    for start in range(0, len(codes), 500):
        chunk = codes[start : start + 500]
        rows = conn.execute(
            f"SELECT {', '.join(eventlog.COLUMNS)} FROM events WHERE stream = 'catalogue' AND type = 'created' "
            f"AND actor = {mark} AND origin != {mark} AND stream_id IN ({', '.join([mark] * len(chunk))}) "
            "AND id NOT IN (SELECT event_id FROM events_set_aside)",
            [SEED_ACTOR, SHIPPED_ORIGIN, *chunk],
        )
        found += [Event.from_row(row) for row in rows]
    return found


def _set_aside(conn, events: list[Event], mark: str = "?") -> None:
    if not events:
        return
    at = to_iso(datetime.now(UTC))
    sql = (
        f"INSERT INTO events_set_aside (event_id, reason, set_aside_at) VALUES ({mark}, {mark}, {mark}) "
        "ON CONFLICT (event_id) DO NOTHING"
    )
    for event in events:  # a catalogue's worth at most; psycopg's connection has no executemany
        conn.execute(sql, (event.id, SET_ASIDE_REASON, at))
