"""Four hub workers, twenty townships, workers killed with SIGKILL at random moments and
started again: every event ends up on the PostgreSQL hub exactly once, every township's
ranges are whole, and ``hub check`` passes (every projected row is the fold of its whole
log). Nothing in the workers locks in the process; the database does it all."""

from __future__ import annotations

import multiprocessing
import random
import time

from haian_desk.replication.hub_log import PgHubLog, child_peer
from haian_desk.storage.postgres import hub as pg_hub, migrations
from haian_desk.storage.postgres.database import PgDatabase
from tests.haian_desk import hub_workers

TOWNSHIPS, EVENTS_EACH, WORKERS = 20, 300, 4


def share_out(rng: random.Random) -> list[list[tuple[str, str, int, int]]]:
    """Every township's events cut into batches; each batch goes to two workers (a lost
    acknowledgement sent again), in a shuffled order for each worker."""
    batches = []
    for t in range(TOWNSHIPS):
        lo = 0
        while lo < EVENTS_EACH:
            hi = min(EVENTS_EACH, lo + rng.randint(10, 60))
            batches.append((f"peer-{t:02d}", f"origin-{t:02d}", lo, hi))
            lo = hi
    shares: list[list] = [[] for _ in range(WORKERS)]
    for batch in batches:
        for w in rng.sample(range(WORKERS), 2):
            shares[w].append(batch)
    for share in shares:
        rng.shuffle(share)
    return shares


def test_killed_workers_leave_every_event_once_and_ranges_whole(pg_url):
    rng = random.Random(20261204)
    with PgDatabase(pg_url) as db:
        migrations.migrate(db)
        log = PgHubLog(db)
        for t in range(TOWNSHIPS):
            log.enrol(child_peer(f"peer-{t:02d}", f"3206851{t:02d}", f"镇{t}", hub_workers.AT))
    shares = share_out(rng)
    spawn = multiprocessing.get_context("spawn")

    def start(w: int):
        process = spawn.Process(target=hub_workers.work, args=(pg_url, shares[w]))
        process.start()
        return process

    workers = [start(w) for w in range(WORKERS)]
    kills = 0
    deadline = time.monotonic() + 240
    while any(p.is_alive() for p in workers) and time.monotonic() < deadline:
        time.sleep(rng.uniform(0.05, 0.4))
        alive = [w for w, p in enumerate(workers) if p.is_alive()]
        if kills < 8 and alive:
            w = rng.choice(alive)
            workers[w].kill()
            workers[w].join()
            kills += 1
            workers[w] = start(w)  # started again, it does its whole share again
    for p in workers:
        p.join(timeout=max(1, deadline - time.monotonic()))
    assert all(p.exitcode == 0 for p in workers), [p.exitcode for p in workers]
    assert kills >= 1

    with PgDatabase(pg_url) as db:
        log = PgHubLog(db)
        assert db.scalar("SELECT count(*) FROM events") == TOWNSHIPS * EVENTS_EACH
        per_origin = db.query(
            "SELECT origin, count(*), min(origin_seq), max(origin_seq) FROM events GROUP BY origin ORDER BY origin"
        )
        assert [tuple(r) for r in per_origin] == [
            (f"origin-{t:02d}", EVENTS_EACH, 1, EVENTS_EACH) for t in range(TOWNSHIPS)
        ]
        for t in range(TOWNSHIPS):
            assert log.ranges(f"peer-{t:02d}") == [(0, EVENTS_EACH)]
        received = db.scalar("SELECT sum(events_received) FROM sync_peers")
        assert received == TOWNSHIPS * EVENTS_EACH  # counted once per event, however often sent
        # each stream folded from all its events, though workers receiving from different
        # townships folded it at the same time
        assert tuple(db.one("SELECT count(*), sum(event_count) FROM settings_log")) == (
            9,
            TOWNSHIPS * EVENTS_EACH,
        )
        found = pg_hub.check(db)
        assert found.ok, found.gaps + found.differences
