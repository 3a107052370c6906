"""Two workers folding one stream at the same moment, made to happen for certain.

Worker A has stored its events of a stream and folded the stream's row, but not committed;
worker B, receiving other events of the same stream from another township, must not fold
without A's: the stream's lock makes B wait and then read what A committed. The test holds
A just before its commit (by keeping a row A must insert locked) and lets B run into it.
"""

from __future__ import annotations

import threading
import time

import psycopg

from haian_desk.replication.hub_log import PgHubLog, child_peer
from haian_desk.storage.eventlog import Event
from haian_desk.storage.postgres import hub as pg_hub, migrations
from haian_desk.storage.postgres.database import PgDatabase

AT = "2026-12-04T08:00:00Z"


def changes(origin: str, seqs, stamp: int) -> list[Event]:
    return [
        Event(
            id=f"{origin}-{n}",
            stream="settings",
            stream_id="shared",
            type="changed",
            hlc=f"{stamp + n:014d}.00000",
            origin=origin,
            origin_seq=n,
            actor="clerk",
            wall_time=AT,
            payload={"changes": {f"{origin}-{n}": n}},
        )
        for n in seqs
    ]


def waiting(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        ).fetchone()[0]


def until(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the workers never reached the expected point"
        time.sleep(0.02)


def test_a_stream_folded_by_two_workers_at_once_keeps_both_workers_events(pg_url):
    with PgDatabase(pg_url) as db:
        migrations.migrate(db)
        log = PgHubLog(db)
        for peer, code, name in (("peer-a", "320685102", "曲塘镇"), ("peer-b", "320685103", "李堡镇")):
            log.enrol(child_peer(peer, code, name, AT))
        log.receive("peer-a", changes("origin-a", [1], 1_000), 0, 1)  # the stream exists

    blocker = psycopg.connect(pg_url)  # holds origin-b's sync_origins row: A stops just before commit
    blocker.execute("INSERT INTO sync_origins (origin, via) VALUES ('origin-b', 'peer-b')")
    errors: list[Exception] = []

    def receive(peer: str, events: list[Event], hi: int) -> None:
        try:
            with PgDatabase(pg_url, max_size=1) as own:
                PgHubLog(own).receive(peer, events, 0 if peer == "peer-b" else 1, hi)
        except Exception as error:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(error)

    a = threading.Thread(target=receive, args=("peer-b", changes("origin-b", [1, 2, 3], 2_000), 3))
    a.start()
    until(lambda: waiting(pg_url) == 1)  # A has folded the stream and waits on the blocker
    b = threading.Thread(target=receive, args=("peer-a", changes("origin-a", [2, 3], 3_000), 3))
    b.start()
    until(lambda: waiting(pg_url) == 2)  # B has run into A
    blocker.rollback()
    blocker.close()
    a.join(30)
    b.join(30)
    assert not errors, errors

    with PgDatabase(pg_url) as db:
        assert db.scalar("SELECT event_count FROM settings_log WHERE id = 'shared'") == 6  # 1 + A's 3 + B's 2
        found = pg_hub.check(db)
        assert found.ok, found.gaps + found.differences
