"""A hub on PostgreSQL forwards in the order its workers committed, so a reader paging "after N"
sees every event once and never skips one (resources/postgres/0004_forward_order.sql,
haian_desk/replication/pg_order.py).

The first test shows why ``events.seq`` cannot be that order: a transaction holding seq 1–3
commits after one holding 4–6, and a reader by seq that already moved past 6 never sees 1–3.
"""

from __future__ import annotations

import itertools
import multiprocessing
import random
import threading
import time
from dataclasses import replace

import psycopg
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from haian_desk.core.errors import NotFound, RuleRefused, ValidationError
from haian_desk.replication.hub_log import PgHubLog, child_peer, pg_store_new
from haian_desk.replication.pg_order import PgForward, number_unnumbered
from haian_desk.replication.sync_state import PARENT, Peer
from haian_desk.storage.eventlog import Event
from haian_desk.storage.postgres import hub as pg_hub, migrations
from haian_desk.storage.postgres.database import PgDatabase
from tests.haian_desk import hub_workers
from tests.haian_desk.hub_workers import AT, events_of

CITY = "city-hub"


def city() -> Peer:
    return Peer(CITY, PARENT, "320600", "南通市群众事务代理中心", "city", "-", "-", enrolled_at=AT)


def county(url: str, townships: int = 2) -> PgDatabase:
    db = PgDatabase(url)
    migrations.migrate(db)
    log = PgHubLog(db)
    log.enrol(city())
    for t in range(townships):
        log.enrol(child_peer(f"peer-{t:02d}", f"3206851{t:02d}", f"镇{t}", AT))
    return db


def alone(events: list[Event]) -> list[Event]:
    """The events, each in a stream of its own: a transaction held open in a test then blocks
    nobody on a stream's fold lock (the test's own thread would wait for itself)."""
    return [replace(e, stream_id=f"alone-{e.id}") for e in events]


def read_all(forward: PgForward, after: int, limit: int | None = 7) -> tuple[list[str], int]:
    """Page up to the parent until nothing is left; the ids in the order read, and the end."""
    seen: list[str] = []
    while True:
        chosen = forward.up(CITY, after, limit)
        seen += [e.id for e in chosen.events]
        after = chosen.hi
        if not chosen.more:
            return seen, after


def read_by_seq(url: str, after: int) -> tuple[list[str], int]:
    """What a hub paging by events.seq would forward (the order this design replaces)."""
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT seq, id FROM events WHERE seq > %s ORDER BY seq", (after,)).fetchall()
    return [r[1] for r in rows], (rows[-1][0] if rows else after)


def waiting_on_advisory(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'"
        ).fetchone()[0]


def until(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the transactions never reached the expected point"
        time.sleep(0.02)


# -- one late commit, made to happen ---------------------------------------------------------


def test_a_late_commit_is_skipped_by_seq_but_not_by_commit_order(pg_url):
    with county(pg_url) as db:
        forward = PgForward(db)
        late = psycopg.connect(pg_url)  # stores origin-a's events (seq 1-3), commits last
        pg_store_new(late, alone(events_of("origin-a", [1, 2, 3])))
        PgHubLog(db).receive("peer-01", events_of("origin-b", [1, 2, 3]), 0, 3)  # seq 4-6, committed

        by_seq, seq_cursor = read_by_seq(pg_url, 0)
        by_pos, pos_cursor = read_all(forward, 0)
        assert by_seq == by_pos == ["origin-b-1", "origin-b-2", "origin-b-3"]

        late.commit()
        late.close()
        more_by_seq, _ = read_by_seq(pg_url, seq_cursor)
        more_by_pos, _ = read_all(forward, pos_cursor)
        assert more_by_seq == []  # seq 1-3 lie below the cursor: skipped for ever
        assert more_by_pos == ["origin-a-1", "origin-a-2", "origin-a-3"]
        assert db.scalar("SELECT count(*) FROM events") == 6


def test_numbers_taken_but_not_yet_committed_hold_the_next_commit_back(pg_url):
    """The window the advisory lock closes: A is numbered (its commit-time trigger run early with
    SET CONSTRAINTS ALL IMMEDIATE) but not committed; B, committing meanwhile, must wait, else B's
    higher numbers would be visible while A's lower ones are not."""
    with county(pg_url) as db:
        forward = PgForward(db)
        first = psycopg.connect(pg_url)
        pg_store_new(first, alone(events_of("origin-a", [1, 2])))
        first.execute("SET CONSTRAINTS ALL IMMEDIATE")  # numbered now; the lock is held until commit
        errors: list[Exception] = []

        def second() -> None:
            try:
                with PgDatabase(pg_url, max_size=1) as own:
                    PgHubLog(own).receive("peer-01", events_of("origin-b", [1, 2]), 0, 2)
            except Exception as error:  # noqa: BLE001 - reported in the test's thread
                errors.append(error)

        thread = threading.Thread(target=second)
        thread.start()
        until(lambda: waiting_on_advisory(pg_url) == 1)
        assert read_all(forward, 0) == ([], 0)  # neither is visible, so nothing is claimed

        first.commit()
        first.close()
        thread.join(30)
        assert not errors, errors
        assert read_all(forward, 0) == (["origin-a-1", "origin-a-2", "origin-b-1", "origin-b-2"], 4)


# -- several worker processes while a reader pages ---------------------------------------------

TOWNSHIPS, EVENTS_EACH, WORKERS = 8, 150, 4


def shares(rng: random.Random) -> list[list[tuple[str, str, int, int]]]:
    """Every township's events in small batches, each batch given to two workers."""
    out: list[list] = [[] for _ in range(WORKERS)]
    for t in range(TOWNSHIPS):
        for lo in range(0, EVENTS_EACH, 10):
            for w in rng.sample(range(WORKERS), 2):
                out[w].append((f"peer-{t:02d}", f"origin-{t:02d}", lo, lo + 10))
    for share in out:
        rng.shuffle(share)
    return out


def test_a_reader_paging_while_four_workers_store_sees_every_event_once(pg_url):
    """Workers are also killed with SIGKILL and started again (they then send their whole share
    again): a transaction cut off never leaves a number behind that a reader could trip on."""
    rng = random.Random(4)
    with county(pg_url, TOWNSHIPS) as db:
        forward = PgForward(db)
        work = shares(rng)
        spawn = multiprocessing.get_context("spawn")

        def start(w: int):
            process = spawn.Process(target=hub_workers.work, args=(pg_url, work[w]))
            process.start()
            return process

        workers = [start(w) for w in range(WORKERS)]
        seen: list[str] = []
        by_seq: list[str] = []
        after = seq_after = kills = 0
        while any(p.is_alive() for p in workers):
            chosen = forward.up(CITY, after, rng.randint(1, 40))
            seen += [e.id for e in chosen.events]
            after = chosen.hi
            ids, seq_after = read_by_seq(pg_url, seq_after)
            by_seq += ids
            alive = [w for w, p in enumerate(workers) if p.is_alive()]
            if kills < 4 and alive and rng.random() < 0.1:
                w = rng.choice(alive)
                workers[w].kill()
                workers[w].join()
                workers[w] = start(w)
                kills += 1
        for process in workers:
            process.join(60)
        assert all(p.exitcode == 0 for p in workers), [p.exitcode for p in workers]
        rest, end = read_all(forward, after)
        seen += rest
        by_seq += read_by_seq(pg_url, seq_after)[0]

        expected = {f"origin-{t:02d}-{n}" for t in range(TOWNSHIPS) for n in range(1, EVENTS_EACH + 1)}
        assert kills >= 1
        assert len(seen) == len(set(seen)) == len(expected)
        assert set(seen) == expected
        assert end == forward.head() == db.scalar("SELECT max(pos) FROM event_positions")
        unnumbered = (
            "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_positions p WHERE p.seq = e.seq)"
        )
        assert db.scalar(unnumbered) == 0
        # How many a reader by seq lost in this run (it depends on timing; the test above makes the
        # loss certain): shown with -s, never asserted.
        print(f"\nreader by events.seq missed {len(expected - set(by_seq))} of {len(expected)} events")


# -- any interleaving of inserts, commits, rollbacks and reads ---------------------------------

_step = st.tuples(st.sampled_from(["insert", "commit", "rollback", "read"]), st.integers(0, 3), st.integers(1, 3))
_run = itertools.count()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(_step, max_size=30), limit=st.one_of(st.none(), st.integers(1, 5)))
# the smallest schedule a reader by events.seq fails (found by this test with seq order): the
# first insert commits last, after a read has moved past the second
@example(steps=[("insert", 1, 1), ("insert", 0, 1), ("commit", 0, 1), ("read", 0, 1)], limit=None)
def test_any_order_of_inserts_and_commits_reads_every_committed_event_once(pg_url, steps, limit):
    run = next(_run)
    if run == 0:
        county(pg_url).close()
    with PgDatabase(pg_url, max_size=2) as db:
        forward = PgForward(db)
        after = forward.head()
        open_: dict[int, psycopg.Connection] = {}
        pending: dict[int, list[str]] = {}
        committed: list[str] = []
        seen: list[str] = []
        numbers = itertools.count(1)
        for action, slot, count in [*steps, *(("commit", s, 0) for s in range(4))]:
            if action == "insert":
                if slot not in open_:
                    open_[slot] = psycopg.connect(pg_url)
                conn = open_[slot]
                # one stream per transaction, so two open transactions never wait on each other
                batch = alone(events_of(f"run{run}-slot{slot}", [next(numbers) for _ in range(count)]))
                pg_store_new(conn, batch)
                pending.setdefault(slot, []).extend(e.id for e in batch)
            elif action in ("commit", "rollback") and slot in open_:
                conn = open_.pop(slot)
                conn.commit() if action == "commit" else conn.rollback()
                conn.close()
                ids = pending.pop(slot, [])
                if action == "commit":
                    committed += ids
            elif action == "read":
                ids, after = read_all(forward, after, limit)
                seen += ids
        ids, after = read_all(forward, after, limit)
        seen += ids
        assert sorted(seen) == sorted(committed)
        assert len(seen) == len(set(seen))


# -- refusals and what a neighbour may not see ------------------------------------------------


def test_reading_past_the_end_is_refused_and_names_both_numbers(pg_url):
    with county(pg_url) as db:
        PgHubLog(db).receive("peer-00", events_of("origin-a", [1, 2]), 0, 2)
        forward = PgForward(db)
        assert read_all(forward, 2) == ([], 2)  # at the end exactly: nothing, nothing claimed
        with pytest.raises(RuleRefused) as refused:
            forward.up(CITY, 9, 10)
        assert "9" in refused.value.message and "2" in refused.value.message
        assert "备份" in refused.value.hint
        with pytest.raises(RuleRefused):
            forward.down("peer-00", 3, None)


def test_a_limit_below_one_or_a_negative_position_is_refused(pg_url):
    with county(pg_url) as db:
        forward = PgForward(db)
        for limit in (0, -3):
            with pytest.raises(ValidationError) as refused:
                forward.up(CITY, 0, limit)
            assert refused.value.field == "limit"
        with pytest.raises(ValidationError) as refused:
            forward.down("peer-00", -1, 5)
        assert refused.value.field == "after"


def test_unknown_revoked_or_wrong_direction_peers_are_refused(pg_url):
    with county(pg_url) as db:
        forward = PgForward(db)
        with pytest.raises(NotFound):
            forward.up("nobody", 0, 5)
        with pytest.raises(RuleRefused):
            forward.up("peer-00", 0, 5)  # a child is not sent up batches
        with pytest.raises(RuleRefused):
            forward.down(CITY, 0, 5)  # nor the parent down batches
        db.run(lambda conn: conn.execute("UPDATE sync_peers SET status = 'revoked' WHERE id = 'peer-01'"))
        with pytest.raises(NotFound):
            forward.down("peer-01", 0, 5)


def test_what_came_from_the_parent_does_not_go_back_up_nor_a_childs_own_back_down(pg_url):
    with county(pg_url) as db:
        log = PgHubLog(db)
        log.receive(CITY, events_of("origin-city", [1, 2]), 0, 2)
        log.receive("peer-00", events_of("origin-a", [1, 2]), 0, 2)
        forward = PgForward(db)
        assert read_all(forward, 0) == (["origin-a-1", "origin-a-2"], 4)
        down = forward.down("peer-00", 0, None)
        assert [e.origin for e in down.events] == []  # settings records never go down; its own neither
        assert (down.hi, down.held, down.more) == (4, 2, False)


def test_a_hub_made_before_0004_has_its_events_numbered_in_seq_order(pg_url, tmp_path):
    from haian_desk.core.paths import resource_path

    for path in sorted(resource_path("postgres").glob("*.sql"))[:3]:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with PgDatabase(pg_url) as db:
        migrations.migrate(db, tmp_path)
        PgHubLog(db).enrol(child_peer("peer-00", "320685100", "镇", AT))
        # today's code folds past set-aside records (0005): an empty stand-in while it writes the old schema
        db.run(lambda conn: conn.execute("CREATE TABLE events_set_aside (event_id TEXT PRIMARY KEY)"))
        PgHubLog(db).receive("peer-00", events_of("origin-a", [1, 2, 3]), 0, 3)
        db.run(lambda conn: conn.execute("DROP TABLE events_set_aside"))
        assert "0004_forward_order.sql" in migrations.migrate(db)  # (and any later file)
        PgHubLog(db).enrol(city())
        PgHubLog(db).receive("peer-00", events_of("origin-a", [4]), 3, 4)
        assert db.query("SELECT pos, seq FROM event_positions ORDER BY pos") == [(1, 1), (2, 2), (3, 3), (4, 4)]
        assert read_all(PgForward(db), 0)[0] == [f"origin-a-{n}" for n in range(1, 5)]
        assert pg_hub.check(db).ok


def test_records_stored_around_the_numbering_are_named_by_hub_check_and_numbered_after(pg_url):
    with county(pg_url) as db:
        PgHubLog(db).receive("peer-00", events_of("origin-a", [1, 2]), 0, 2)
        assert pg_hub.check(db).ok
        db.run(lambda conn: conn.execute("ALTER TABLE events DISABLE TRIGGER events_number_at_commit"))
        PgHubLog(db).receive("peer-00", events_of("origin-a", [3]), 2, 3)
        found = pg_hub.check(db)
        assert found.gaps == ["有 1 条记录没有转发序号，它们不会转发给上级或下级"]
        assert not read_all(PgForward(db), 0)[0][2:]  # the unnumbered one is not forwarded

        db.run(lambda conn: conn.execute("ALTER TABLE events ENABLE TRIGGER events_number_at_commit"))
        assert number_unnumbered(db) == 1
        assert number_unnumbered(db) == 0
        assert pg_hub.check(db).ok
        PgHubLog(db).receive("peer-00", events_of("origin-a", [4]), 3, 4)  # the trigger's numbers follow on
        assert read_all(PgForward(db), 2) == (["origin-a-3", "origin-a-4"], 4)
