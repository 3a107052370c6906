"""A station rebuilt on a new PC from what its township holds (and its last backup): the
storage side. The exchange with the hub is sync/recover.py; what it brings back lands here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from haian_desk.core import paths
from haian_desk.core.timeutil import to_iso
from haian_desk.desk import Desk
from haian_desk.replication import numbering, sync_state
from haian_desk.replication.sync_state import Peer
from haian_desk.storage import eventlog, migrations
from haian_desk.storage.db import Database
from haian_desk.storage.eventlog import COLUMNS, Event


def fresh_station(folder: Path, station: dict, wall: Callable[[], datetime]) -> Desk:
    """An empty database that already is the station, or the township hub (its id, unit, role):
    no seed events of its own."""
    db = Database(paths.database_path(folder))
    migrations.migrate(db)
    meta = {
        "installation_id": station["installation"],
        "unit_code": station["unit_code"],
        "unit_name": station["unit_name"],
        "role": station.get("role") or "station",  # an answer from before townships were rebuilt
        "created_at": to_iso(wall()),
        "recovered_at": to_iso(wall()),
    }
    with db.write() as conn:
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
    return Desk(db, folder, wall)


def own_events(source: sqlite3.Connection, origin: str) -> list[Event]:
    """An installation's own records in another database (its backup), in log order."""
    return [
        Event.from_row(tuple(r))
        for r in source.execute(f"SELECT {', '.join(COLUMNS)} FROM events WHERE origin = ? ORDER BY seq", (origin,))
    ]


def log_after(desk: Desk, position: int) -> None:
    # AUTOINCREMENT: new rows of our log are numbered after the hub's hold of the old log,
    # so the next exchange sends exactly what the hub lacks.
    with desk.db.write() as conn:
        conn.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'events'", (position,))


def settle_positions(desk: Desk, hub: Peer, top: int, held: int) -> None:
    """The hub's log is in up to ``top``; the hub holds ours up to ``held``."""
    log_after(desk, held)
    with desk.db.write() as conn:
        if top:
            sync_state.add_range(conn, hub.id, 0, top)  # everything of the hub's log up to here is in
        sync_state.note_acked(conn, hub.id, held)


def continue_numbering(desk: Desk, hub_seq: int, hub_case_numbers: dict[str, int]) -> None:
    """Counters continue after whatever either side issued: the hub's answer and our own log."""
    own = desk.installation
    with desk.db.read() as conn:
        top = eventlog.next_origin_seq(conn, own.id) - 1
        numbers = [r[0] for r in conn.execute("SELECT case_no FROM cases WHERE unit_code = ?", (own.unit_code,))]
    days = numbering.day_maxima(numbers)
    for prefix, value in hub_case_numbers.items():
        days[prefix] = max(days.get(prefix, 0), int(value))
    with desk.db.write() as conn:
        numbering.learn(conn, max(top, hub_seq), days)
