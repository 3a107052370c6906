"""A hub worker process for the several-workers tests: it receives its share of batches into
the PostgreSQL hub, from the first to the last, and can be killed at any moment."""

from __future__ import annotations

from haian_desk.replication.hub_log import PgHubLog
from haian_desk.storage.eventlog import Event
from haian_desk.storage.postgres.database import PgDatabase

AT = "2026-12-04T08:00:00Z"


def events_of(origin: str, seqs) -> list[Event]:
    return [
        Event(
            id=f"{origin}-{n}",
            # settings records fold whatever their order (the last change of a key wins), so
            # two workers folding one stream at once is put to the test
            stream="settings",
            stream_id=f"shared-{n % 9}",  # every township writes to the same nine streams
            type="changed",
            hlc=f"2026-12-04T08:00:00.{n:06d}Z-0000",
            origin=origin,
            origin_seq=n,
            actor="clerk",
            wall_time=AT,
            payload={"changes": {f"k{n % 4}": n}, "unit_code": origin},
        )
        for n in seqs
    ]


def work(url: str, batches: list[tuple[str, str, int, int]]) -> None:
    """Each batch: (peer, origin, lo, hi) — the peer's events (lo, hi]."""
    with PgDatabase(url, max_size=2) as db:
        log = PgHubLog(db)
        for peer, origin, lo, hi in batches:
            log.receive(peer, events_of(origin, range(lo + 1, hi + 1)), lo, hi)
